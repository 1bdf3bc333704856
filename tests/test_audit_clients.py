"""`check --audit`'s client support, from caniemail.com's data through its npm package:
one row per client where node and the package are installed, "not installed" otherwise
(as SpamAssassin's row)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressroom.audit import CANIEMAIL_CLIENTS, CANIEMAIL_MISSING, caniemail_checks, caniemail_entry
from support import rendered_digest, seed_weeks


@pytest.fixture
def digest(tmp_path: Path) -> Path:
    page = tmp_path / "digest.html"
    page.write_text(rendered_digest("2026-W04", seed_weeks()["2026-W04"]).html, encoding="utf-8")
    return page


def test_without_the_package_the_audit_says_it_is_not_installed(
    digest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NODE_PATH", "")
    monkeypatch.setenv("PATH", str(tmp_path / "no-node"))  # neither node nor npm
    assert caniemail_entry(tmp_path) is None
    (check,) = caniemail_checks(digest, tmp_path)
    assert (check.name, check.status, check.detail) == (
        "client support (caniemail)",
        "warn",
        CANIEMAIL_MISSING,
    )


def test_each_client_lists_what_it_does_not_support(digest: Path, tmp_path: Path) -> None:
    """Where node and caniemail are installed (the workspace's node_modules, NODE_PATH or
    npm's global folder): a row per client; Outlook for Windows lacks @media, which the
    digest is built to do without. Elsewhere the comparison is not available."""
    if caniemail_entry(tmp_path) is None:
        warnings.warn(
            f"caniemail: not available here (NODE_PATH={os.environ.get('NODE_PATH', '')!r}); "
            "the audit reports it as not installed",
            stacklevel=1,
        )
        return
    checks = {
        c.name.removeprefix("client support (caniemail) "): c
        for c in caniemail_checks(digest, tmp_path)
    }
    assert list(checks) == list(CANIEMAIL_CLIENTS)
    assert "@media" in checks["outlook.windows"].detail
    assert checks["outlook.windows"].status == "warn"
    assert all(c.status in ("pass", "warn") for c in checks.values())  # it informs, never fails


@pytest.mark.slow
@pytest.mark.browser
def test_check_audit_reports_client_support_in_its_table_and_the_report(
    workspace: Path, runner: CliRunner
) -> None:
    import json

    from pressroom.audit import axe_missing, chromium
    from pressroom.cli.app import app
    from support import require_tool

    require_tool(chromium() and not axe_missing(), "chromium and axe", "apt-get install chromium")
    runner.invoke(app, ["build", "-C", str(workspace)])
    result = runner.invoke(app, ["check", "-C", str(workspace), "--week", "2026-W04", "--audit"])
    assert "client support (caniemail)" in result.output
    report = json.loads((workspace / "outbox" / "2026-W04" / "report.json").read_text())
    rows = [c for c in report["audit"] if c["name"].startswith("client support (caniemail)")]
    if caniemail_entry(workspace) is None:
        assert [row["detail"] for row in rows] == [CANIEMAIL_MISSING]
    else:
        assert len(rows) == len(CANIEMAIL_CLIENTS)
