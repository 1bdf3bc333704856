"""The preview, served for real and looked at in headless Chromium (Debian's chromium)."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pressroom import preview as preview_module
from pressroom.preview import PreviewServer, PreviewState, serve, watch
from support import FIXTURES, LEAD_IMAGE, PICTURES_WEEK, pictures_workspace, write_image

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def preview(workspace: Path) -> Iterator[tuple[str, PreviewState]]:
    yield from _serving(workspace)


@pytest.fixture
def pictures(tmp_path: Path) -> Iterator[tuple[str, PreviewState]]:
    yield from _serving(pictures_workspace(tmp_path / "pictures"))


def _serving(workspace: Path) -> Iterator[tuple[str, PreviewState]]:
    state = PreviewState(workspace)
    state.rebuild()
    server: PreviewServer = serve(state, "127.0.0.1", 0)
    stop = threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=watch, args=(state, stop), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", state
    stop.set()
    server.shutdown()
    server.server_close()


def _get(base: str, path: str) -> tuple[int, bytes]:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


TRAVERSALS = [
    "/../../etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/2025-W11/..%2f..%2fpressroom.yaml",
    "/2025-W11/%2e%2e%2fpressroom.yaml",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/2025-W11/..%5c..%5cpressroom.yaml",
    "/..%c0%af..%c0%afetc/passwd",
    "//etc/passwd",
    "/2025-W11/../../../etc/passwd",
]


def _eventually(check: Callable[[], bool], poke: Callable[[], object], seconds: float = 20) -> None:
    """Poke (write a file) until check() holds: the watcher may not be watching yet."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        poke()
        for _ in range(10):
            if check():
                return
            time.sleep(0.1)
    pytest.fail("the preview did not pick up the change")


@dataclass
class _SlowState(PreviewState):
    """Records what each rebuild reads of one seed; a rebuild takes 0.3 s."""

    seed: Path = Path()
    seen: list[str] = field(default_factory=list)

    def rebuild(self) -> None:
        self.seen.append(self.seed.read_text(encoding="utf-8"))
        time.sleep(0.3)
        self.notify("reload")


def test_a_burst_of_saves_ends_in_a_rebuild_that_sees_the_last(workspace: Path) -> None:
    seed = next((workspace / "seeds").glob("003_*.txt"))
    original = seed.read_text(encoding="utf-8")
    state = _SlowState(workspace, seed=seed)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(state, stop), daemon=True)
    watcher.start()
    try:
        _eventually(
            lambda: bool(state.seen), lambda: seed.write_text(original + "\n", encoding="utf-8")
        )
        for number in range(12):  # saves 25 ms apart, during rebuilds
            seed.write_text(f"{original}\nsave {number}\n", encoding="utf-8")
            time.sleep(0.025)
        last = f"{original}\nsave 11\n"
        deadline = time.monotonic() + 10
        while state.seen[-1] != last and time.monotonic() < deadline:
            time.sleep(0.05)
        assert state.seen[-1] == last
    finally:
        stop.set()
        watcher.join(timeout=5)


def test_preview_templates_are_read_again_when_they_change(
    preview: tuple[str, PreviewState],
) -> None:
    base, state = preview
    assert b"<h1>Weeks</h1>" in _get(base, "/")[1]
    page = state.workspace / "templates" / "preview" / "index.html.j2"
    page.parent.mkdir(parents=True)
    custom = '{% extends "preview/base.html.j2" %}{% block main %}<h1>Our weeks</h1>{% endblock %}'
    _eventually(
        lambda: b"<h1>Our weeks</h1>" in _get(base, "/")[1],
        lambda: page.write_text(custom, encoding="utf-8"),
    )

    def broken() -> bool:
        status, body = _get(base, "/")
        return status == 500 and b'id="build-error"' in body

    _eventually(broken, lambda: page.write_text("{% block main %}{% if %}", encoding="utf-8"))
    body = _get(base, "/")[1]
    assert b"templates/preview/index.html.j2" in body and b"EventSource" in body


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_file_outside_the_outbox(preview: tuple[str, PreviewState], path: str) -> None:
    status, body = _get(preview[0], path)
    assert status in (400, 404)
    assert b"root:" not in body and b"newsletter:" not in body


def test_serves_week_files_and_binds_loopback(preview: tuple[str, PreviewState]) -> None:
    base, _ = preview
    status, body = _get(base, "/2025-W11/digest.html")
    assert status == 200 and body[:15].lower() == b"<!doctype html>"
    assert base.startswith("http://127.0.0.1:")


def test_post_cards_show_their_flags(preview: tuple[str, PreviewState]) -> None:
    base, _ = preview
    status, page = _get(base, "/2025-W11/")
    html = page.decode()
    card = html[html.index('data-platform="instagram"') :]
    card = card[: card.index("</article>")]
    assert status == 200 and '<p class="note flags">needs image</p>' in card
    assert "needs image" not in html[: html.index('data-platform="instagram"')]


def _browser() -> Any:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    return sync_api.sync_playwright()


@pytest.mark.browser
def test_week_page_in_chromium(preview: tuple[str, PreviewState], tmp_path: Path) -> None:
    base, state = preview
    with _browser() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "/")
        weeks = page.locator("#weeks a").all_inner_texts()
        assert weeks == ["2026-W04", "2025-W11"]

        page.goto(base + "/2025-W11/")
        assert page.locator("#desktop").get_attribute("width") == "600"
        assert page.locator("#mobile").get_attribute("width") == "375"
        mobile = page.frame_locator("#mobile")
        assert "moteur de la réindustrialisation" in mobile.locator("body").inner_text()
        frame = page.frame(url=lambda u: u.endswith("/2025-W11/digest.html"))
        assert frame is not None
        widths = [
            f.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            for f in page.frames
            if f.url.endswith("digest.html")
        ]
        assert [375, 375] in widths and [600, 600] in widths
        counters = page.locator(".post .counter").all_inner_texts()
        assert len(counters) == 7 and all("/" in c for c in counters)
        page.screenshot(path=str(tmp_path / "week-page.png"), full_page=True)

        seed = next((state.workspace / "seeds").glob("003_*.txt"))
        seed.write_text(
            seed.read_text(encoding="utf-8").replace(
                "moteur de la réindustrialisation", "championne de la réindustrialisation"
            ),
            encoding="utf-8",
        )
        page.wait_for_function(
            "document.querySelector('#mobile')?.contentDocument?.body?.innerText"
            "?.includes('championne de la réindustrialisation')",  # null while reloading
            timeout=20000,
        )
        page.screenshot(path=str(tmp_path / "week-page-after-edit.png"), full_page=True)
        browser.close()
    assert (tmp_path / "week-page.png").stat().st_size > 10_000


@pytest.mark.browser
def test_build_error_shows_on_the_page(preview: tuple[str, PreviewState]) -> None:
    base, state = preview
    with _browser() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(base + "/2025-W11/")
        (state.workspace / "pressroom.yaml").write_text("locale: fr\nbogus: 1\n", encoding="utf-8")
        page.wait_for_selector("#build-error", timeout=20000)
        assert "pressroom.yaml:2: unknown key 'bogus'" in page.inner_text("#build-error")
        browser.close()


def test_the_week_page_shows_the_last_audit(preview: tuple[str, PreviewState]) -> None:
    from pressroom.outbox import record_audit

    base, state = preview
    status, page = _get(base, "/2025-W11/")
    assert status == 200 and b"pressroom check --audit" in page
    audit = {"name": "SpamAssassin", "status": "pass", "detail": "0.0 (HTML_MESSAGE)"}
    record_audit(state.workspace / "outbox", "2025-W11", [audit])
    status, page = _get(base, "/2025-W11/")
    assert b"SpamAssassin" in page and b"0.0 (HTML_MESSAGE)" in page
    assert b"pressroom check --audit" not in page


@pytest.fixture
def editor_preview(tmp_path: Path) -> Iterator[tuple[str, PreviewState]]:
    """A preview of the editor workspace (five releases in 2026-W04, one to review)."""
    workspace = tmp_path / "ws"
    shutil.copytree(FIXTURES / "workspaces" / "editor", workspace)
    yield from _serving(workspace)


def test_the_week_page_shows_the_editor_view(editor_preview: tuple[str, PreviewState]) -> None:
    base, state = editor_preview
    status, body = _get(base, "/2026-W04/")
    page = body.decode()
    assert status == 200
    assert "No week file; <code>pressroom week 2026-W04 --init</code> writes one" in page
    review = "/2026-W04/source/2026-01-21-les-ecoles-de-vezelay-rouvrent-leurs-cantines"
    for note in (
        f'<a href="{review}#L1">seeds/05-review.yaml:1</a>\n          mojibake repaired',
        f'<a href="{review}#L1">seeds/05-review.yaml:1</a>\n          no URL',
        f'<a href="{review}#L9">seeds/05-review.yaml:9</a>\n          citation sans auteur',
        "seeds/03-no-url.yaml:1</a>\n          no quotation found",
    ):
        assert note in page
    status, source = _get(base, review)
    assert status == 200 and b'<li id="L9"><code>  \xc3\x82\xc2\xab Nos' in source
    assert _get(base, "/2026-W04/source/no-such-release")[0] == 404
    assert _get(base, "/2026-W04/source/..%2f..%2fpressroom.yaml")[0] == 404

    week_file = state.workspace / "weeks" / "2026-W04.yaml"
    week_file.parent.mkdir()
    fund = "2026-01-21-regional-fund-backs-twelve-start-ups-in-medical-imaging"
    text = (
        "lead: 2026-01-22-les-lycees-de-la-region-passent-au-chauffage-par-geothermie\n"
        f"exclude: [{fund}]\nnote: Une semaine *chargée*.\nsubject: Notre semaine\n"
    )
    _eventually(  # the watcher rebuilds on a change in weeks/; the week page's editor view
        # is made anew once the rebuild is over, a moment after the week folder is written
        lambda: (
            "<em>chargée</em>" in _get(base, "/2026-W04/digest.html")[1].decode()
            and "Notre semaine (week file)" in _get(base, "/2026-W04/")[1].decode()
        ),
        lambda: week_file.write_text(text, encoding="utf-8"),
    )
    assert b"medical imaging" not in _get(base, "/2026-W04/digest.html")[1]
    _eventually(  # the week page's view is made anew once the whole rebuild is over
        lambda: (
            "Week file: <code>weeks/2026-W04.yaml</code>" in _get(base, "/2026-W04/")[1].decode()
        ),
        lambda: None,
    )
    page = _get(base, "/2026-W04/")[1].decode()
    assert "<td>2026-01-22-les-lycees-de-la-region-passent-au-chauffage-par-geothermie</td>" in page
    assert f"<td>{fund}</td>" in page and '<tr class="excluded">\n    <td>excluded</td>' in page
    assert "<p>Une semaine <em>chargée</em>.</p>" in page
    assert "Notre semaine (week file)" in page


QUAY = """---
title: Northfield opens its new quay
date: 2026-01-22T10:00:00+01:00
lang: en
url: https://www.example.org/quay
{speakers}---
Ann Lowe and Tom Lee opened the quay on Thursday.

"We will load ships twice as fast now," they said.
"""


@pytest.fixture
def quay_preview(tmp_path: Path) -> Iterator[tuple[str, PreviewState]]:
    """The editor workspace and a release whose speaker is to check (``07-quay.md``)."""
    workspace = tmp_path / "ws"
    shutil.copytree(FIXTURES / "workspaces" / "editor", workspace)
    (workspace / "seeds" / "07-quay.md").write_text(QUAY.format(speakers=""), encoding="utf-8")
    yield from _serving(workspace)


def test_the_week_page_lists_a_speaker_to_check_until_the_editor_sets_it(
    quay_preview: tuple[str, PreviewState],
) -> None:
    base, state = quay_preview
    page = _get(base, "/2026-W04/")[1].decode()
    source = "/2026-W04/source/2026-01-22-northfield-opens-its-new-quay"
    note = (
        "speaker to check: We will load ships twice as fast now"
        " — “they”: several people speak together"
    )
    hint = "(name the speaker in the file&#39;s speakers: list)"
    assert (
        f'<a href="{source}#L9">seeds/07-quay.md:9</a>\n          {note}\n'
        f'          <span class="note">{hint}</span>'
    ) in page
    quote = "We will load ships twice as fast now"
    assert quote not in _get(base, "/2026-W04/digest.html")[1].decode()  # no sure speaker
    seed = state.workspace / "seeds" / "07-quay.md"
    stated = QUAY.format(speakers="speakers:\n  - {quote: twice as fast, speaker: Ann Lowe}\n")
    _eventually(  # the page reads the release file again
        lambda: note not in _get(base, "/2026-W04/")[1].decode(),
        lambda: seed.write_text(stated, encoding="utf-8"),
    )
    _eventually(  # the watcher rebuilds the digest, which now features the quote
        lambda: quote in _get(base, "/2026-W04/digest.html")[1].decode(),
        lambda: seed.write_text(stated, encoding="utf-8"),
    )


def test_the_digest_shows_its_workspace_images_from_the_preview(
    pictures: tuple[str, PreviewState],
) -> None:
    base, state = pictures
    local = f"/{PICTURES_WEEK}/{LEAD_IMAGE}"
    for name in ("digest.html", "digest-dark.html"):
        status, body = _get(base, f"/{PICTURES_WEEK}/{name}")
        assert status == 200 and f'src="{local}"'.encode() in body
        assert b'src="https://images.example.org/forets/jeunes-pins.jpg"' in body  # remote
    built = (state.workspace / "outbox" / PICTURES_WEEK / "digest.html").read_text()
    assert 'src="https://medias.auvergnerhonealpes.fr/lettre/2026-W04/quai-valmont.jpg"' in built
    status, body = _get(base, local)
    assert status == 200 and body == (state.workspace / LEAD_IMAGE).read_bytes()
    (state.workspace / "outbox" / PICTURES_WEEK / "assets" / "notes.txt").write_text("x")
    for path in (
        f"/{PICTURES_WEEK}/assets/..%2freport.json",
        f"/{PICTURES_WEEK}/assets/%2e%2e/%2e%2e/pressroom.yaml",
        f"/{PICTURES_WEEK}/assets/.hidden.jpg",
        f"/{PICTURES_WEEK}/assets/notes.txt",  # images only
        f"/{PICTURES_WEEK}/assets/missing.jpg",
        f"/{PICTURES_WEEK}/assets/",
    ):
        assert _get(base, path)[0] == 404, path

    write_image(state.workspace / LEAD_IMAGE, 1200, 600)  # a new picture rebuilds the week
    _eventually(
        lambda: b'height="300"' in _get(base, f"/{PICTURES_WEEK}/digest.html")[1],
        lambda: write_image(state.workspace / LEAD_IMAGE, 1200, 600),
    )
    assert _get(base, local)[1] == (state.workspace / LEAD_IMAGE).read_bytes()


@pytest.mark.browser
def test_the_week_page_shows_the_images(pictures: tuple[str, PreviewState]) -> None:
    base, _ = pictures
    with _browser() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(base) else r.abort(),
        )
        page.goto(f"{base}/{PICTURES_WEEK}/")
        page.wait_for_load_state("networkidle")
        loaded = [
            frame.evaluate("document.querySelector('img').naturalWidth")
            for frame in page.frames
            if frame.url.endswith(("digest.html", "digest-dark.html"))
        ]
        browser.close()
    assert loaded == [1200, 1200, 1200]  # desktop, mobile and dark, served by the preview


def _raw_request(base: str, request: bytes) -> bytes:
    """What the server sends back to ``request`` (bytes as sent), until it closes."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[::2]:80"]
)
def test_a_foreign_host_header_is_refused(preview: tuple[str, PreviewState], host: str) -> None:
    base, _ = preview
    for path in ("/", "/2025-W11/digest.eml", "/events"):
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        answer = _raw_request(base, request.encode())
        assert answer.startswith(b"HTTP/1.1 421 "), answer[:80]
        assert b"Subject" not in answer


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST:1", "[::1]:8000"])
def test_the_local_host_headers_are_answered(preview: tuple[str, PreviewState], host: str) -> None:
    base, _ = preview
    request = f"GET /2025-W11/digest.txt HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    assert _raw_request(base, request.encode()).startswith(b"HTTP/1.1 200 ")


def test_a_half_sent_request_is_closed_when_idle(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview_module, "IDLE_TIMEOUT", 0.5)
    serving = _serving(workspace)
    base, _ = next(serving)
    try:
        assert _raw_request(base, b"GET / HTTP/1.1\r\nHost: localhost\r\n") == b""
    finally:
        next(serving, None)


def test_the_watcher_survives_a_crashing_build(
    preview: tuple[str, PreviewState], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, state = preview

    def crash(*_: object, **__: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    with monkeypatch.context() as patched:
        patched.setattr(preview_module, "build", crash)
        seed = next((state.workspace / "seeds").glob("003_*.txt"))
        _eventually(lambda: state.error is not None, lambda: seed.touch())
    status, page = _get(base, "/")
    assert status == 200
    assert b"Build failed: RecursionError: maximum recursion depth exceeded" in page
    _eventually(lambda: state.error is None, lambda: seed.touch())
