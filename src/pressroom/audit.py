"""Audits with real tools, for `pressroom check`: SpamAssassin's score of the .eml as it
would be sent now, axe-core's accessibility violations of the digest in Chromium at
phone and desktop widths, light and dark, and the features of the digest that each main
mail client does not support, from caniemail.com's data (its npm package, in node).

All are optional: SpamAssassin (Debian's ``spamassassin``) when it is installed, axe
when playwright, axe-playwright-python and a Chromium are, caniemail when node and the
``caniemail`` npm package are; otherwise the audit says what is missing. Nothing here
reaches the network: SpamAssassin runs its local tests only (``-L``) and the browser
loads the digest from a file with every other request refused.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Literal

from pressroom.render.checks import Check, Status
from pressroom.send import stamped

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
AUDIT_WIDTHS = (375, 600)
AUDIT_SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
SERIOUS = ("serious", "critical")


@dataclass(frozen=True)
class SpamReport:
    score: float
    rules: tuple[str, ...]


def spamassassin() -> str | None:
    return shutil.which("spamassassin")


def spam_report(eml: bytes, now: datetime | None = None) -> SpamReport | None:
    """SpamAssassin's verdict on the message as ``pressroom send`` would send it ``now``
    (dated then, with a Received header of then); None when it is not installed."""
    return spam_reports([eml], now)[0]


_SPAM_DRIVER = r"""
use strict; use warnings;
use Mail::SpamAssassin;
my $sa = Mail::SpamAssassin->new({local_tests_only => 1});
$sa->init(1);
for my $n (0 .. $#ARGV) {
  open(my $fh, '<:raw', $ARGV[$n]) or die "$ARGV[$n]: $!";
  my $text = do { local $/; <$fh> };
  close $fh;
  my $mail = $sa->parse($text);
  my $status = $sa->check($mail);
  printf "%d\t%.1f\t%s\n", $n, $status->get_score(), $status->get_names_of_tests_hit();
  $status->finish;
  $mail->finish;
}
"""
"""SpamAssassin's own library, loaded once for many messages: the ``spamassassin`` command
takes two seconds to load its rules for each message. Each message is parsed and checked
on its own, as ``spamassassin -L`` does (no mbox to split), so each verdict is the one it
gets alone (``tests/test_audit.py`` checks it)."""


def spam_reports(emls: Sequence[bytes], now: datetime | None = None) -> list[SpamReport | None]:
    """``spam_report`` of each message, in one SpamAssassin run."""
    if not emls or spamassassin() is None or (perl := shutil.which("perl")) is None:
        return [None] * len(emls)
    now = now or datetime.now(UTC)
    received = received_header(now)
    with tempfile.TemporaryDirectory(prefix="pressroom-spam-") as folder:
        paths = []
        for n, eml in enumerate(emls):
            path = Path(folder) / f"{n}.eml"
            path.write_bytes(received + stamped(eml, now).as_bytes())
            paths.append(str(path))
        result = subprocess.run(
            [perl, "-e", _SPAM_DRIVER, *paths],
            capture_output=True,
            timeout=60 + 10 * len(emls),
            check=False,
        )
    reports: list[SpamReport | None] = [None] * len(emls)
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        index, score, rules = [*line.split("\t"), "", ""][:3]
        if index.isdigit() and int(index) < len(emls):
            reports[int(index)] = SpamReport(float(score), tuple(r for r in rules.split(",") if r))
    return reports


RELAY = "relay.example.org (relay.example.org [88.0.0.25])"
"""The sending server as the recipient's server names it: a public address, so that
SpamAssassin treats the hop as a real relay (its date rules need one) without the local
trust (ALL_TRUSTED) or the reserved-address rule (RCVD_ILLEGAL_IP). Nothing is contacted."""


def received_header(when: datetime) -> bytes:
    """The Received header the recipient's server adds as the message arrives ``when``."""
    return (
        f"Received: from {RELAY}\r\n"
        f"\tby mx.example.net with ESMTPS; {format_datetime(when.astimezone())}\r\n"
    ).encode()


_STATUS = re.compile(r"^X-Spam-Status: .*?score=(-?[\d.]+).*?tests=(.*?)\s+autolearn", re.M | re.S)


def parse_spam_status(report: str) -> SpamReport | None:
    match = _STATUS.search(report)
    if not match:
        return None
    rules = tuple(r for r in re.split(r"[,\s]+", match[2]) if r and r != "none")
    return SpamReport(float(match[1]), rules)


@dataclass(frozen=True)
class Violation:
    width: int
    scheme: str
    rule: str
    impact: str
    help: str
    nodes: int


def chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    return None


def axe_missing() -> str | None:
    """What is missing to run axe, or None when everything is there."""
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError:
        return (
            "playwright and axe-playwright-python are not installed (pip install 'pressroom[test]')"
        )
    if chromium() is None:
        return "no Chromium found (apt-get install chromium)"
    return None


def axe_violations(html: Path) -> Iterator[Violation]:
    """axe-core's violations of the page at each width and colour scheme."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for width in AUDIT_WIDTHS:
                for scheme in AUDIT_SCHEMES:
                    page = browser.new_page(
                        viewport={"width": width, "height": 900}, color_scheme=scheme
                    )
                    page.route("**/*", _local_only)
                    page.goto(html.resolve().as_uri())
                    results = axe.run(page)
                    for found in results.response["violations"]:
                        yield Violation(
                            width,
                            scheme,
                            str(found["id"]),
                            str(found.get("impact") or ""),
                            str(found["help"]),
                            len(found["nodes"]),
                        )
                    page.close()
        finally:
            browser.close()


def _local_only(route: object) -> None:
    request = route.request  # type: ignore[attr-defined]
    if request.url.startswith(("file:", "data:")):
        route.continue_()  # type: ignore[attr-defined]
    else:
        route.abort()  # type: ignore[attr-defined]


SPAM_WARN, SPAM_FAIL = 1.0, 5.0
"""SpamAssassin scores: from 1 a point is worth a look; 5 is its default spam threshold."""


def spam_checks(emls: Sequence[bytes]) -> list[Check]:
    """The SpamAssassin check of each message, as it would be sent now (one run for all)."""
    if spamassassin() is None:
        missing = Check("SpamAssassin", "warn", "not installed (apt-get install spamassassin)")
        return [missing] * len(emls)
    return [_spam_verdict(report) for report in spam_reports(emls)]


def _spam_verdict(report: SpamReport | None) -> Check:
    if report is None:
        return Check("SpamAssassin", "warn", "could not read SpamAssassin's verdict")
    status: Status = (
        "fail" if report.score >= SPAM_FAIL else "warn" if report.score >= SPAM_WARN else "pass"
    )
    return Check(
        "SpamAssassin", status, f"{report.score:.1f} ({', '.join(report.rules) or 'no rule'})"
    )


def axe_checks(html: Path) -> tuple[Check, ...]:
    """One check per width and colour scheme: failed by a serious or critical violation."""
    if missing := axe_missing():
        return (Check("accessibility (axe)", "warn", missing),)
    found: dict[tuple[int, str], list[Violation]] = {
        (width, scheme): [] for width in AUDIT_WIDTHS for scheme in AUDIT_SCHEMES
    }
    for violation in axe_violations(html):
        found[violation.width, violation.scheme].append(violation)
    checks = []
    for (width, scheme), violations in found.items():
        serious = [v for v in violations if v.impact in SERIOUS]
        status: Status = "fail" if serious else "warn" if violations else "pass"
        detail = "; ".join(f"{v.impact} {v.rule} ×{v.nodes}" for v in violations) or "no violation"
        checks.append(Check(f"accessibility (axe) {width} px {scheme}", status, detail))
    return tuple(checks)


CANIEMAIL_CLIENTS = (
    "gmail.desktop-webmail",
    "gmail.android",
    "gmail.ios",
    "apple-mail.ios",
    "apple-mail.macos",
    "outlook.windows",
    "outlook.outlook-com",
    "outlook.macos",
    "yahoo.desktop-webmail",
    "orange.desktop-webmail",
    "sfr.desktop-webmail",
    "laposte.desktop-webmail",
)
"""The clients the audit asks caniemail about: the big webmails and apps, and the French
webmails the readers of a French press office use."""
CANIEMAIL_MISSING = "not installed (npm install caniemail, in the workspace; needs node)"

_CANIEMAIL_DRIVER = r"""
const [entry, page, ...clients] = process.argv.slice(1);
const { caniemail } = await import(entry);
const html = (await import("node:fs")).readFileSync(page, "utf8");
const lists = (found) => (found instanceof Map ? [...found.values()] : Object.values(found ?? {}));
const titles = (found) => [...new Set(lists(found).flat().map((issue) => issue.title))];
const out = {};
for (const client of clients) {
  try {
    const { issues } = caniemail({ clients: [client], html });
    out[client] = { none: titles(issues.errors), partial: titles(issues.warnings) };
  } catch (error) {
    out[client] = { error: String(error.message ?? error) };
  }
}
process.stdout.write(JSON.stringify(out));
"""
"""Each client on its own: caniemail throws for a whole list when one client lacks a
feature's data (free.fr, Thunderbird)."""


def caniemail_entry(workspace: Path) -> str | None:
    """The file URL of the caniemail package's module, found where node would look for a
    workspace's package (its ``node_modules``, then ``NODE_PATH``, then npm's global
    folder); None without node or the package."""
    if shutil.which("node") is None:
        return None
    folders = [workspace / "node_modules"]
    folders += [Path(p) for p in os.environ.get("NODE_PATH", "").split(os.pathsep) if p]
    if npm := shutil.which("npm"):
        done = subprocess.run([npm, "root", "-g"], capture_output=True, timeout=30, check=False)
        folders.append(Path(done.stdout.decode().strip() or "."))
    for folder in folders:
        package = folder / "caniemail" / "package.json"
        if package.is_file():
            exports = json.loads(package.read_text(encoding="utf-8")).get("exports", {})
            main = str(exports.get(".", {}).get("default", "dist/index.js"))
            return (package.parent / main).resolve().as_uri()
    return None


def caniemail_checks(html: Path, workspace: Path) -> tuple[Check, ...]:
    """One check per client of ``CANIEMAIL_CLIENTS``: a warning that names the features
    it does not support (the digest is built to do without them: media queries, dark
    mode), and how many it supports in part; one "not installed" warning without node or
    the package."""
    entry = caniemail_entry(workspace)
    if entry is None:
        return (Check("client support (caniemail)", "warn", CANIEMAIL_MISSING),)
    driver = ["node", "--input-type=module", "-e", _CANIEMAIL_DRIVER, "--", entry, str(html)]
    done = subprocess.run(
        [*driver, *CANIEMAIL_CLIENTS],
        capture_output=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return (Check("client support (caniemail)", "warn", f"failed: {' '.join(detail)}"),)
    found = json.loads(done.stdout)
    return tuple(_client_check(client, found[client]) for client in CANIEMAIL_CLIENTS)


def _client_check(client: str, found: dict[str, object]) -> Check:
    name = f"client support (caniemail) {client}"
    if "error" in found:
        return Check(name, "warn", f"no data: {found['error']}")
    none = [str(title) for title in found.get("none") or []]  # type: ignore[attr-defined]
    partial = found.get("partial") or []
    detail = f"not supported: {', '.join(none)}" if none else "every feature supported"
    detail += f"; {len(partial)} in part" if partial else ""  # type: ignore[arg-type]
    return Check(name, "warn" if none else "pass", detail)
