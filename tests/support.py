"""Helpers shared by the tests: paths, golden files, one release factory, the repository's
config, templates and seed weeks (made on first use, never at import).

Refresh every golden file after reviewing the change:

    PRESSROOM_UPDATE_GOLDENS=1 python -m pytest
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
import pytest

from pressroom.compose.week import compose_week
from pressroom.config import Config, load_config
from pressroom.model import Block, Lang, Quote, Release, Source
from pressroom.pipeline.plan import group_by_week
from pressroom.readers.files import read_files, release_files
from pressroom.render.digest import RenderedDigest, render_digest
from pressroom.render.templates import PostTemplates, environment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = FIXTURES / "golden"
SEEDS = ROOT / "seeds"
PARIS = ZoneInfo("Europe/Paris")
SEED_WEEKS = ("2025-W11", "2026-W04")


def updating_goldens() -> bool:
    return os.environ.get("PRESSROOM_UPDATE_GOLDENS") == "1"


def assert_golden(actual: str | bytes, golden: Path) -> None:
    """Compare with a reviewed golden file; PRESSROOM_UPDATE_GOLDENS=1 rewrites it."""
    data = actual.encode() if isinstance(actual, str) else actual
    if updating_goldens():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
        return
    if not golden.exists():
        pytest.fail(f"{golden} is missing; run PRESSROOM_UPDATE_GOLDENS=1 pytest and review it")
    assert data == golden.read_bytes(), (
        f"{golden.relative_to(FIXTURES)} differs; review, then PRESSROOM_UPDATE_GOLDENS=1"
    )


@lru_cache(maxsize=1)
def repo_config() -> Config:
    """The repository's pressroom.yaml (the regional press office's identity)."""
    return load_config(ROOT)


@lru_cache(maxsize=1)
def repo_env() -> jinja2.Environment:
    """The packaged templates."""
    return environment(ROOT)


@lru_cache(maxsize=1)
def seed_weeks() -> dict[str, tuple[Release, ...]]:
    """The seed releases, by week."""
    return group_by_week(read_files(release_files(SEEDS), PARIS).releases)


def copy_workspace(folder: Path) -> Path:
    """The repository's workspace (config and seeds) copied into ``folder``."""
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copy(ROOT / "pressroom.yaml", folder / "pressroom.yaml")
    return folder


def make_release(
    n: int = 0,
    *,
    title: str = "",
    standfirst: str | None = None,
    quotes: tuple[Quote, ...] | None = None,
    blocks: tuple[Block, ...] = (),
    url: str | None = None,
    lang: Lang = "fr",
    date: datetime | None = None,
    tags: tuple[str, ...] = (),
    headline_quote: str | None = None,
    image: str | None = None,
    image_alt: str | None = None,
    credit: str | None = None,
) -> Release:
    """A release of week 2026-W04 (its n-th hour from Monday 09:00), with a quote by default."""
    return Release(
        id=f"r{n:03d}",
        title=title or f"Communiqué numéro {n} sur l’industrie régionale",
        date=date or datetime(2026, 1, 19, 9, tzinfo=PARIS) + timedelta(hours=n),
        standfirst=(
            "La Région annonce une mesure importante pour les entreprises du territoire. " * 3
            if standfirst is None
            else standfirst
        ),
        blocks=blocks,
        quotes=(
            (
                Quote(
                    "Nous serons aux côtés de chaque entreprise qui investit.",
                    "Marie Durand",
                    "vice-présidente",
                    3,
                ),
            )
            if quotes is None
            else quotes
        ),
        credit=credit,
        tags=tags,
        url=url,
        lang=lang,
        source=Source(f"r{n}.txt", 1),
        headline_quote=headline_quote,
        image=image,
        image_alt=image_alt,
    )


def fail_outbox_writes(
    monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC, only: str = ""
) -> None:
    """Make the outbox's writes fail with ``code`` (those whose path holds ``only``), as a
    full or read-only disk would; reads still work. The week folders' writer, the web
    archive's and the build index's."""
    from pressroom import outbox
    from pressroom.pipeline import archive, index

    real_open = open

    def failing_open(path: object, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if "w" in mode and only in str(path):
            raise OSError(code, os.strerror(code))
        return real_open(path, mode, *args, **kwargs)  # type: ignore[call-overload]

    for writer in (outbox, archive, index):
        monkeypatch.setattr(writer, "open", failing_open, raising=False)


def rendered_digest(
    week: str, releases: tuple[Release, ...], config: Config | None = None
) -> RenderedDigest:
    """A week's digest composed and rendered with the packaged templates."""
    config = config or repo_config()
    return render_digest(compose_week(week, releases, config).digest, config, repo_env())


def post_templates() -> PostTemplates:
    """The packaged post templates."""
    return PostTemplates(repo_env())


MIXED = FIXTURES / "workspaces" / "mixed"
"""A week of four releases: French and English, with and without a URL, with quotes."""


def require_tool(found: object, name: str, install: str) -> None:
    """Skip a test whose tool is missing here; fail it when CI is set (.ci/run installs it)."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed; .ci/run installs it ({install})")
    pytest.skip(f"{name} is not installed ({install})")


def built_week(folder: Path, source: Path, week: str) -> Path:
    """A copy of the workspace ``source`` built into ``folder``; the week's outbox folder."""
    from pressroom.pipeline.build import build

    shutil.copytree(source, folder, dirs_exist_ok=True)
    build(folder, jobs=1)
    return folder / "outbox" / week


PICTURES = FIXTURES / "workspaces" / "pictures"
"""A week of three seed-style releases: the lead with a workspace image (assets/, made by
``pictures_workspace``), one with a remote image, one without."""
PICTURES_WEEK = "2026-W04"
LEAD_IMAGE = "assets/quai-valmont.jpg"


def write_image(path: Path, width: int, height: int, image_format: str = "JPEG") -> Path:
    """A generated image (bands of colour, so that it compresses like a photo would not)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (38, 104, 150))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 40):
        draw.rectangle((x, height * 2 // 3 - x % 120, x + 24, height), fill=(226, 176, 58))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, image_format)
    return path


def pictures_workspace(folder: Path, width: int = 1200, height: int = 800) -> Path:
    """The PICTURES workspace copied into ``folder``, its lead's image generated."""
    shutil.copytree(PICTURES, folder, dirs_exist_ok=True)
    write_image(folder / LEAD_IMAGE, width, height)
    return folder


_INLINE = re.compile(r"\*\*(?P<bold>[^*]+)\*\*|\[(?P<text>[^\]]+)\]\((?P<url>[^)]+)\)")


def write_docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """A Word document made with python-docx: (style, text) pairs, a style such as
    "Title", "Heading 2", "List Bullet" or "Normal"; ``**bold**`` and ``[text](url)``
    inside a text are bold runs and hyperlinks."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for style, text in paragraphs:
        block = document.add_paragraph(style=style)
        at = 0
        for found in [*_INLINE.finditer(text), None]:
            end = found.start() if found else len(text)
            if end > at:
                block.add_run(text[at:end])
            if found is None:
                break
            at = found.end()
            if found["bold"]:
                block.add_run(found["bold"]).bold = True
                continue
            link = OxmlElement("w:hyperlink")
            link.set(
                qn("r:id"),
                block.part.relate_to(found["url"], RELATIONSHIP_TYPE.HYPERLINK, is_external=True),
            )
            run = OxmlElement("w:r")
            words = OxmlElement("w:t")
            words.text = found["text"]
            run.append(words)
            link.append(run)
            block._p.append(link)
    document.save(str(path))
    return path


def write_pdf(
    path: Path, pages: list[list[tuple[float, str]]], header: str = "", footer: str = ""
) -> Path:
    """An A4 PDF made with reportlab: each page's lines as (type size, text) from the top,
    a size of 0 a paragraph's gap; ``header`` and ``footer`` on every page (``{page}`` and
    ``{pages}`` filled in)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = A4
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        fill = {"page": number, "pages": len(pages)}
        if header:
            drawing.setFont("Helvetica", 8)
            drawing.drawString(56, height - 40, header.format(**fill))
        if footer:
            drawing.setFont("Helvetica", 8)
            drawing.drawCentredString(width / 2, 36, footer.format(**fill))
        y = height - 110
        for size, text in lines:
            if not size:
                y -= 10
                continue
            drawing.setFont("Helvetica-Bold" if size > 12 else "Helvetica", size)
            drawing.drawString(56, y, text)
            y -= size * 1.3
        drawing.showPage()
    drawing.save()
    return path


TRAM: list[tuple[str, str]] = [
    ("Normal", "**COMMUNIQUÉ DE PRESSE**"),
    ("Normal", "Valmont, le 14 janvier 2026"),
    ("Title", "La Métropole de Valmont ouvre trois lignes de tramway"),
    (
        "Normal",
        "**Les trois lignes desserviront douze communes dès le printemps, avec une rame "
        "toutes les six minutes.**",
    ),
    ("Heading 2", "Un chantier de quatre ans"),
    (
        "Normal",
        "Le chantier a mobilisé plus de 400 entreprises de la région. « Ce tramway va "
        "changer la vie des habitants des quartiers nord », a déclaré **Léa Fontanel**, "
        "présidente de la Métropole.",
    ),
    ("List Bullet", "Ligne A : Gare – Hôpital nord"),
    ("List Bullet", "Ligne B : Campus – Port"),
    ("Normal", "Les horaires sont sur [le site de la Métropole](https://valmont.example/tram)."),
]
"""A French Word release (``write_docx``): title, date, standfirst, quotation, list, link."""


def docx_bomb() -> bytes:
    """A .docx of a few hundred kilobytes whose zip unpacks to more than the limit."""
    import io
    import zipfile

    from pressroom.readers.word import MAX_UNCOMPRESSED

    buffer = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/image1.png", "w", force_zip64=True) as image:
            for _ in range(MAX_UNCOMPRESSED // len(chunk) + 1):
                image.write(chunk)
    return buffer.getvalue()


class Site:
    """A web site on 127.0.0.1 for fetch tests: ``routes`` maps a path to a handler that
    answers one request; it records each request's path and User-Agent and the most
    requests it ever served at once."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.requests: list[tuple[str, str]] = []
        self.busy = 0
        self.most_busy = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def serve(self, path: str, body: bytes | str, content_type: str, status: int = 200) -> None:
        data = body.replace("{base}", self.base).encode() if isinstance(body, str) else body

        def answer(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = answer

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            answering = False

            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append((self.path, self.headers.get("User-Agent", "")))
                    site.busy += 1
                    site.most_busy = max(site.most_busy, site.busy)
                try:
                    route = site.routes.get(self.path)
                    if route is None:
                        self.send_error(404)
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    self._answered()

            def send_response(self, code: int, message: str | None = None) -> None:
                # busy until the answer starts: once its bytes go out, the client may send
                # the next request before this thread is done (a race, not an overlap)
                self._answered()
                super().send_response(code, message)

            def _answered(self) -> None:
                if not self.answering:
                    self.answering = True
                    with site._lock:
                        site.busy -= 1

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
