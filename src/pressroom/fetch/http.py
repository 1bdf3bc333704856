"""A polite HTTP client: one request at a time, named, bounded in time, redirects and size.

``pressroom fetch`` asks a site for its feed and pages one after the other (one connection
at a time, to every host), says who it is in ``User-Agent``, gives up on a host that does
not connect within 10 s or stops sending for 30 s, gives a page 2 minutes in all and a
run 30 minutes, follows at most 5 redirects, reads http and https addresses only, stops
reading a body past 5 MB once decoded (one gzip or deflate encoding at most, unpacked a
step at a time so that a small bomb never grows past the cap) and accepts HTML pages and
feeds only. Every refusal is a ``FetchError`` that names the address and the reason.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

import httpx

from pressroom import __version__


def user_agent(contact: str = "") -> str:
    """``pressroom/<version>``, and the address of whoever runs it (the press office's site)."""
    return f"pressroom/{__version__} (+{contact})" if contact else f"pressroom/{__version__}"


PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)


@dataclass(frozen=True)
class Limits:
    connect: float = 10.0
    """Seconds to connect to a host."""
    read: float = 30.0
    """Seconds the host may stay silent while it sends."""
    redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024
    """Bytes of a body, once decoded."""
    page_seconds: float = 120.0
    """Seconds one address may take in all (a site dripping a byte a second)."""
    run_seconds: float = 1800.0
    """Seconds a client may take in all (one ``pressroom fetch``): later addresses fail."""


LIMITS = Limits()
"""The limits every fetch runs under (tests shorten the timeouts)."""


class FetchError(Exception):
    """An address that could not be fetched, and why: ``URL: reason (HTTP 404)``."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(url, reason, status)
        self.url = url
        self.reason = reason
        self.status = status

    def __str__(self) -> str:
        status = f" (HTTP {self.status})" if self.status else ""
        return f"{self.url}: {self.reason}{status}"


@dataclass(frozen=True)
class Response:
    """A fetched body: the address it came from (after redirects), its media type,
    charset when stated, and its bytes."""

    url: str
    media_type: str
    charset: str | None
    content: bytes

    @property
    def is_feed(self) -> bool:
        """A feed by its type, or a body that opens as RSS, RDF or Atom (whatever its type)."""
        return self.media_type in FEED_TYPES or _FEED_START.match(self.content[:1024]) is not None


class Client:
    """A session of polite requests (use as a context manager)."""

    def __init__(self, limits: Limits | None = None, contact: str = "") -> None:
        self.limits = limits or LIMITS
        timeout = httpx.Timeout(
            connect=self.limits.connect,
            read=self.limits.read,
            write=self.limits.read,
            pool=self.limits.connect,
        )
        self._http = httpx.Client(
            headers={
                "User-Agent": user_agent(contact),
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=timeout,
            follow_redirects=True,
            max_redirects=self.limits.redirects,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            trust_env=False,
        )
        self._run_ends = time.monotonic() + self.limits.run_seconds

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def get(self, url: str) -> Response:
        """The body at ``url``, or a FetchError saying why not."""
        check_web_address(url)
        started = time.monotonic()
        if started >= self._run_ends:
            seconds = self.limits.run_seconds
            raise FetchError(url, f"not asked: the run took more than {seconds:g} s")
        deadline = min(started + self.limits.page_seconds, self._run_ends)
        try:
            with self._stream(url) as response:
                return self._read(url, response, deadline)
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, f"more than {self.limits.redirects} redirects") from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(url, "redirected to an address that is not http or https") from exc
        except httpx.ConnectTimeout as exc:
            raise FetchError(url, f"no connection within {self.limits.connect:g} s") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"the site sent nothing for {self.limits.read:g} s") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"cannot reach the site: {exc}") from exc

    @contextmanager
    def _stream(self, url: str) -> Iterator[httpx.Response]:
        with self._http.stream("GET", url) as response:
            yield response

    def _read(self, url: str, response: httpx.Response, deadline: float) -> Response:
        if response.status_code >= 400:
            raise FetchError(
                url, _STATUS_WORDS.get(response.status_code, "refused"), response.status_code
            )
        media_type, charset = _content_type(response.headers.get("content-type", ""))
        if media_type not in PAGE_TYPES | FEED_TYPES:
            raise FetchError(url, f"not an HTML page or a feed ({media_type or 'no content type'})")
        cap = self.limits.max_bytes
        stated = response.headers.get("content-length", "")
        if stated.isdigit() and int(stated) > cap:
            raise FetchError(url, f"larger than {_megabytes(cap)} ({_megabytes(int(stated))})")
        decoder = _decoder(url, response.headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = 0
        for raw in response.iter_raw():
            if time.monotonic() > deadline:
                raise FetchError(url, self._overtime(deadline))
            for chunk in decoder.decode(raw, cap - size + 1):
                size += len(chunk)
                if size > cap:
                    raise FetchError(url, f"larger than {_megabytes(cap)}; stopped reading")
                chunks.append(chunk)
        if not decoder.done:
            raise FetchError(url, "the compressed body ends too soon")
        return Response(str(response.url), media_type, charset, b"".join(chunks))

    def _overtime(self, deadline: float) -> str:
        if deadline >= self._run_ends:
            return f"the run took more than {self.limits.run_seconds:g} s; stopped reading"
        return f"took more than {self.limits.page_seconds:g} s; stopped reading"


class _Identity:
    done = True

    def decode(self, data: bytes, room: int) -> Iterator[bytes]:
        yield data


class _Inflate:
    """gzip or deflate (zlib, or raw as some servers send it), unpacked at most ``room``
    bytes at a time: the caller stops at its cap before the next step."""

    def __init__(self, url: str, coding: str) -> None:
        self._url, self._coding = url, coding
        self._gzip = coding in ("gzip", "x-gzip")
        self._unpack = zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)
        self._started = False

    @property
    def done(self) -> bool:
        return self._unpack.eof or not self._started

    def decode(self, data: bytes, room: int) -> Iterator[bytes]:
        while data:
            try:
                out = self._unpack.decompress(data, max(room, 1))
            except zlib.error as exc:
                if self._gzip or self._started:
                    raise FetchError(self._url, f"broken {self._coding} body: {exc}") from exc
                self._unpack = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
                self._started = True
                continue
            self._started = True
            yield out
            data = self._unpack.unconsumed_tail
            if self._unpack.eof:
                return


def _decoder(url: str, header: str) -> _Identity | _Inflate:
    """The one content encoding a body may have (none, gzip or deflate)."""
    codings = [c.strip().lower() for c in header.split(",") if c.strip().lower() != "identity"]
    codings = [c for c in codings if c]
    if len(codings) > 1:
        raise FetchError(url, f"encoded more than once ({header.strip()}); refused")
    if not codings:
        return _Identity()
    if codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {codings[0]!r}")
    return _Inflate(url, codings[0])


def check_web_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(url, "not an http or https address")


def _content_type(value: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = value
    charset = message.get_param("charset")
    return message.get_content_type() if value else "", (
        charset if isinstance(charset, str) else None
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


_FEED_START = re.compile(
    rb"\s*(?:\xef\xbb\xbf)?(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.DOTALL,
)
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9"
)
_STATUS_WORDS = {
    400: "bad request",
    401: "needs a login",
    403: "forbidden",
    404: "not found",
    410: "gone",
    429: "too many requests; try again later",
    500: "server error",
    502: "bad gateway",
    503: "site unavailable",
    504: "gateway timeout",
}
