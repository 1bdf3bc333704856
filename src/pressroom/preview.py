"""Local preview: serves the outbox with a page per week, rebuilds on change, reloads the page.

Only ``/``, ``/events``, ``/<YYYY-Www>/``, the known files of a week folder, the images
under its ``assets/`` and the release files of a week (``/<YYYY-Www>/source/<release
id>``, found by id among the week's releases) are served; any other path, however
encoded, is a 404. The digest is served with its workspace images taken from the week
folder (``local_images``): they need not be published at ``newsletter.assets_url`` yet.
"""

from __future__ import annotations

import json
import mimetypes
import queue
import re
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

from pressroom.compose.review import release_review
from pressroom.compose.week import compose_week
from pressroom.config import Newsletter, load_config
from pressroom.errors import OutboxError, SetupError
from pressroom.outbox import ASSETS, OUTBOX, REPORT, WEEK_FILES, existing_weeks, week_asset
from pressroom.pipeline.build import BuildResult, build, preload, week_inputs
from pressroom.platforms import PLATFORMS
from pressroom.readers.files import source_lines
from pressroom.readers.weekfile import WEEKS, week_file_name
from pressroom.render.digest import note_html
from pressroom.render.templates import environment, render
from pressroom.weeks import WEEK_PATTERN

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".mjml": "text/plain; charset=utf-8",
    ".eml": "message/rfc822",
    ".json": "application/json; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}
DARK_DIGEST = "digest-dark.html"
"""The digest with its dark-mode rules applied, made on request (never written)."""
SERVED_FILES = {name: _TYPES[Path(name).suffix] for name in (*WEEK_FILES, DARK_DIGEST)}
_WEEK_PAGE = re.compile(rf"^/({WEEK_PATTERN})/$")
_WEEK_FILE = re.compile(rf"^/({WEEK_PATTERN})/([a-z.-]+)$")
_SOURCE = re.compile(rf"^/({WEEK_PATTERN})/source/([^/]+)$")
_WEEK_ASSET = re.compile(rf"^/({WEEK_PATTERN})/({ASSETS}/[^\\]+)$")
MAX_PATH = 2048
IDLE_TIMEOUT = 10.0  # seconds a connection may stay silent while a request is read
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")  # and the bound address; else 421 (rebinding)
WARN_RATIO = 0.9
WATCH_STEP_MS = 10
"""How long the watcher waits for more changes once one came: a save starts its rebuild
soon after it lands (see docs/performance.md, "Preview")."""
WATCH_DEBOUNCE_MS = 200
"""The longest a stream of changes (a checkout, a folder copied in) is grouped into one
rebuild; changes made during a rebuild start the next one."""


@dataclass
class PreviewState:
    """What the server shows: the last build's outcome and the pages waiting for a reload."""

    workspace: Path
    error: str | None = None
    last: BuildResult | None = None
    listeners: list[queue.Queue[str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    pages: jinja2.Environment | None = None
    """The preview pages' templates, compiled on first use; dropped when templates/ change."""
    editor_views: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Each week's editor view (see ``editor_context``), made once a build."""
    views_lock: threading.Lock = field(default_factory=threading.Lock)
    newsletter: Newsletter | None = None
    """The config's newsletter as of the last good build: where its images are published."""

    def rebuild(self) -> None:
        try:
            self.last = build(self.workspace, jobs=1)  # no fork from a threaded server
            self.newsletter = load_config(self.workspace).newsletter
            self.error = None
        except (SetupError, OutboxError) as exc:
            self.error = str(exc.problem)
        except Exception as exc:  # the watcher lives on: the next save rebuilds
            self.error = f"{type(exc).__name__}: {exc}"
        with self.views_lock:
            self.editor_views.clear()
        self.notify("reload")

    def editor_view(self, week: str) -> dict[str, Any]:
        """The week's editor view as of the last build: its releases are read once, not
        at every request."""
        with self.views_lock:
            view = self.editor_views.get(week)
            if view is None:
                view = self.editor_views[week] = editor_context(self.workspace, week)
            return view

    def page_templates(self) -> jinja2.Environment:
        env = self.pages
        if env is None:
            env = self.pages = environment(self.workspace)
        return env

    def notify(self, event: str) -> None:
        with self.lock:
            for listener in self.listeners:
                listener.put(event)


def dark_variant(html: str) -> str:
    """The digest as a dark-mode reader sees it: dark rules applied whatever the browser says."""
    return html.replace("@media (prefers-color-scheme: dark)", "@media all")


def local_images(html: str, base: str, week: str) -> str:
    """The digest with the images published under ``base`` (``newsletter.assets_url``)
    taken from the preview's copy of the week folder instead."""
    local = f"/{week}/{ASSETS}/"
    for form in {base, escape(base)}:
        html = html.replace(f'src="{form}', f'src="{local}')
    return html


def broken_page(problem: str) -> str:
    """The page shown when a preview template fails: the error, and a reload once fixed."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<meta charset="utf-8">\n'
        "<title>pressroom preview</title>\n"
        f'<pre id="build-error">Preview page failed: {escape(problem)}</pre>\n'
        '<script>new EventSource("/events").onmessage = () => location.reload();</script>\n'
        "</html>\n"
    )


def week_context(outbox: Path, week: str) -> dict[str, Any]:
    folder = outbox / week
    report = json.loads((folder / REPORT).read_text(encoding="utf-8"))
    posts = json.loads((folder / "posts.json").read_text(encoding="utf-8"))
    message = message_from_bytes((folder / "digest.eml").read_bytes(), policy=default)
    for post in posts:
        post["label"] = PLATFORMS[post["platform"]].label
        post["ratio"] = post["length"] / post["limit"]
        post["near_limit"] = post["ratio"] >= WARN_RATIO
    return {
        "week": week,
        "files": WEEK_FILES,
        "report": report,
        "posts": posts,
        "headers": [(k, str(v)) for k, v in message.items()],
        "text": (folder / "digest.txt").read_text(encoding="utf-8"),
        "mjml": (folder / "digest.mjml").read_text(encoding="utf-8"),
        "html": (folder / "digest.html").read_text(encoding="utf-8"),
    }


def editor_context(workspace: Path, week: str) -> dict[str, Any]:
    """The editor's view of a week: its week file's choices, and each release with its
    place in the digest and its review notes (see compose.review)."""
    try:
        config = load_config(workspace)
        inputs = week_inputs(workspace, week, config)
    except SetupError as exc:  # the page's banner shows the build's error
        return {"editor": None, "editor_error": str(exc.problem)}
    plan = inputs.plan
    composed = compose_week(week, inputs.releases, config, plan)
    digest = composed.digest
    placed = [(r, "lead" if n == 0 else f"{n + 1}") for n, r in enumerate(composed.in_digest)]
    placed += [(r, "excluded") for r in composed.excluded]
    return {
        "editor": {
            "plan": plan,
            "plan_name": week_file_name(week),
            "note_html": note_html(plan.note) if plan else "",
            "subject": digest.subject,
            "preheader": digest.preheader.strip("\u00a0"),
            "releases": [
                {"release": r, "place": place, "notes": release_review(r, inputs.problems)}
                for r, place in placed
            ],
        },
        "editor_error": None,
    }


def source_page(
    workspace: Path, view: dict[str, Any], week: str, release_id: str
) -> dict[str, Any] | None:
    """A release file of the week (``view``: its editor view), line by line (a document's
    paragraphs), for the links of its review notes; None for an id that is not one of the
    week's releases (no path comes from the request)."""
    listed = view["editor"]["releases"] if view["editor"] else []
    release = next((i["release"] for i in listed if i["release"].id == release_id), None)
    if release is None:
        return None
    try:
        lines = source_lines((workspace / release.source.path).read_bytes(), release.source.path)
    except OSError:
        return None
    return {"week": week, "file_name": release.source.path, "release": release, "lines": lines}


def index_context(outbox: Path) -> dict[str, Any]:
    weeks = []
    for week in reversed(existing_weeks(outbox)):
        try:
            report = json.loads((outbox / week / REPORT).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        weeks.append(report)
    return {"weeks": weeks}


def make_handler(state: PreviewState) -> type[BaseHTTPRequestHandler]:
    workspace = state.workspace
    outbox = workspace / OUTBOX

    class Handler(BaseHTTPRequestHandler):
        server_version = "pressroom-preview"
        protocol_version = "HTTP/1.1"
        timeout = IDLE_TIMEOUT

        def parse_request(self) -> bool:  # then the Host check: 421 for another host
            if not super().parse_request():
                return False
            host = urlsplit("//" + self.headers.get("Host", "")).hostname
            if host in {str(self.server.server_address[0]).lower(), *LOCAL_HOSTS}:  # type: ignore[index]
                return True
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "unknown host")  # and closes
            return False

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the terminal shows builds, not every request."""

        def do_HEAD(self) -> None:
            self.do_GET()

        def __getattr__(self, name: str) -> Any:
            """Any other method (POST, PUT, FOO...) is refused with 405, never 501."""
            if name.startswith("do_"):
                return self._not_allowed
            raise AttributeError(name)

        def _not_allowed(self) -> None:
            self.close_connection = True
            body = b"method not allowed"
            self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
            self.send_header("Allow", "GET, HEAD")
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if len(self.path) > MAX_PATH:
                self._send(HTTPStatus.REQUEST_URI_TOO_LONG, b"path too long", "text/plain")
                return
            raw = urlsplit(self.path).path
            try:
                path = unquote(raw, errors="strict")
            except UnicodeDecodeError:
                self._send(HTTPStatus.BAD_REQUEST, b"bad encoding", "text/plain")
                return
            if path == "/events":
                self._events()
            elif path == "/":
                self._page("preview/index.html.j2", index_context(outbox))
            elif (match := _WEEK_PAGE.match(path)) and (outbox / match[1]).is_dir():
                context = week_context(outbox, match[1])
                self._page("preview/week.html.j2", context | state.editor_view(match[1]))
            elif (
                (match := _SOURCE.match(path))
                and (outbox / match[1]).is_dir()
                and (source := source_page(workspace, state.editor_view(match[1]), *match.groups()))
            ):
                self._page("preview/source.html.j2", source)
            elif (match := _WEEK_FILE.match(path)) and match[2] in SERVED_FILES:
                self._file(match[1], match[2])
            elif (match := _WEEK_ASSET.match(path)) and (
                image := week_asset(outbox, match[1], match[2])
            ):
                kind = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
                self._send(HTTPStatus.OK, image.read_bytes(), kind)
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

        def _page(self, template: str, context: dict[str, Any]) -> None:
            try:
                body = render(state.page_templates(), template, error=state.error, **context)
            except SetupError as exc:  # the workspace's templates/preview/ is broken
                status, body = HTTPStatus.INTERNAL_SERVER_ERROR, broken_page(str(exc.problem))
            else:
                status = HTTPStatus.OK
            self._send(status, body.encode(), "text/html; charset=utf-8")

        def _file(self, week: str, name: str) -> None:
            source = "digest.html" if name == DARK_DIGEST else name
            try:
                data = (outbox / week / source).read_bytes()
            except OSError:
                self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                return
            newsletter = state.newsletter
            if source == "digest.html" and (newsletter or name == DARK_DIGEST):
                html = data.decode()
                if newsletter:
                    html = local_images(html, newsletter.assets_base(week), week)
                data = (dark_variant(html) if name == DARK_DIGEST else html).encode()
            self._send(HTTPStatus.OK, data, SERVED_FILES[name])

        def _events(self) -> None:
            listener: queue.Queue[str] = queue.Queue()
            with state.lock:
                state.listeners.append(listener)
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                self.wfile.write(b": connected\n\n")
                self.wfile.flush()
                while True:
                    try:
                        event = listener.get(timeout=15)
                        self.wfile.write(f"data: {event}\n\n".encode())
                    except queue.Empty:
                        self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
            except OSError:
                pass
            finally:
                with state.lock:
                    state.listeners.remove(listener)

        def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(state: PreviewState, host: str, port: int) -> PreviewServer:
    """A server bound to host:port (0 picks a free port); call serve_forever() to run it."""
    return PreviewServer((host, port), make_handler(state))


def watch(state: PreviewState, stop: threading.Event) -> None:
    """Rebuild when seeds/, assets/, weeks/, templates/ or pressroom.yaml change, until
    ``stop`` is set."""
    from watchfiles import watch as watch_paths

    workspace = state.workspace.resolve()
    templates = str(workspace / "templates") + "/"
    folders = (
        str(workspace / "seeds") + "/",
        str(workspace / ASSETS) + "/",
        str(workspace / WEEKS) + "/",
        templates,
    )
    config = str(workspace / "pressroom.yaml")

    def relevant(_: object, path: str) -> bool:
        return path == config or path.startswith(folders)

    # The first save's rebuild would otherwise import the renderer's libraries
    # when the outbox was up to date at start and nothing was rendered yet.
    threading.Thread(target=preload, name="preload", daemon=True).start()
    for changes in watch_paths(
        workspace,
        watch_filter=relevant,
        stop_event=stop,
        debounce=WATCH_DEBOUNCE_MS,
        step=WATCH_STEP_MS,
    ):
        if any(path.startswith(templates) for _, path in changes):
            state.pages = None  # a preview page template may have changed
        state.rebuild()
