"""The polite client against a real server on 127.0.0.1: who it says it is, one request
at a time, and every limit it keeps."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

import pytest

from pressroom import __version__
from pressroom.fetch.feeds import MAX_ENTRIES, FeedError, parse_feed
from pressroom.fetch.http import Client, FetchError, Limits, user_agent
from support import FIXTURES, PARIS, Site

QUICK = Limits(connect=2.0, read=1.0, max_bytes=1000)


def _error(client: Client, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        client.get(url)
    return str(caught.value)


def test_it_names_itself_and_whoever_runs_it() -> None:
    with Site() as site, Client(QUICK, "https://presse.example.org/") as client:
        site.serve("/", "<p>ok</p>", "text/html")
        client.get(f"{site.base}/")
    assert site.requests == [("/", f"pressroom/{__version__} (+https://presse.example.org/)")]
    assert user_agent() == f"pressroom/{__version__}"


def test_one_request_at_a_time_even_from_several_threads() -> None:
    def slowly(request: BaseHTTPRequestHandler) -> None:
        time.sleep(0.05)
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "2")
        request.end_headers()
        request.wfile.write(b"ok")

    with Site() as site, Client(QUICK) as client:
        site.routes["/"] = slowly
        threads = [threading.Thread(target=client.get, args=(f"{site.base}/",)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(site.requests) == 4 and site.most_busy == 1


def test_redirects_are_followed_up_to_five() -> None:
    def hop(request: BaseHTTPRequestHandler) -> None:
        number = int(request.path.rsplit("/", 1)[1])
        request.send_response(301)
        request.send_header("Location", f"/hop/{number + 1}" if number < 5 else "/end")
        request.send_header("Content-Length", "0")
        request.end_headers()

    with Site() as site, Client(QUICK) as client:
        for number in range(7):
            site.routes[f"/hop/{number}"] = hop
        site.serve("/end", "<p>arrived</p>", "text/html")
        response = client.get(f"{site.base}/hop/1")  # five redirects
        assert response.url == f"{site.base}/end" and response.content == b"<p>arrived</p>"
        assert _error(client, f"{site.base}/hop/0").endswith("more than 5 redirects")


def test_a_redirect_out_of_http_is_refused() -> None:
    def away(request: BaseHTTPRequestHandler) -> None:
        request.send_response(302)
        request.send_header("Location", "ftp://files.example.org/release.html")
        request.send_header("Content-Length", "0")
        request.end_headers()

    with Site() as site, Client(QUICK) as client:
        site.routes["/away"] = away
        assert "not http or https" in _error(client, f"{site.base}/away")


def test_size_cap_stated_or_streamed_and_content_types() -> None:
    with Site() as site, Client(QUICK) as client:
        site.serve("/big", "x" * 2000, "text/html")
        site.serve("/json", "{}", "application/json")
        site.serve("/none", "?", "")
        site.serve("/feed", "<rss/>", "application/rss+xml; charset=utf-8")
        assert _error(client, f"{site.base}/big") == (
            f"{site.base}/big: larger than {1000 / 1048576:g} MB ({2000 / 1048576:g} MB)"
        )
        assert _error(client, f"{site.base}/json").endswith("(application/json)")
        assert client.get(f"{site.base}/feed").is_feed


def test_a_silent_site_times_out() -> None:
    def silent(request: BaseHTTPRequestHandler) -> None:
        time.sleep(3.0)

    with Site() as site, Client(QUICK) as client:
        site.routes["/"] = silent
        started = time.perf_counter()
        assert _error(client, f"{site.base}/").endswith("the site sent nothing for 1 s")
        assert time.perf_counter() - started < 2.5  # not the 3 s the site would take


def test_the_default_limits_are_the_documented_ones() -> None:
    assert Limits() == Limits(connect=10.0, read=30.0, redirects=5, max_bytes=5 * 1024 * 1024)


def test_feeds_rss_and_atom_and_a_broken_one() -> None:
    rss = (FIXTURES / "fetch" / "releases.rss").read_bytes().replace(b"{base}", b"http://s")
    entries = parse_feed(rss, "http://s/rss", "application/rss+xml", PARIS)
    assert [(e.url, e.tags) for e in entries] == [
        ("http://s/presse/voie-verte-sorne", ("Mobilités", "Vélo")),
        ("http://s/presse/lycees-renoves", ("Éducation",)),
    ]
    atom = (FIXTURES / "fetch" / "news.atom").read_bytes().replace(b"{base}", b"http://s")
    (entry,) = parse_feed(atom, "http://s/news.atom", "application/atom+xml", PARIS)
    assert entry.date is not None and entry.date.isoformat() == "2026-02-05T10:00:00+01:00"
    with pytest.raises(FeedError, match="not a valid feed at line 1"):
        parse_feed(b"<rss><channel><item>", "http://s/x", "application/rss+xml", PARIS)


def _encoded(body: bytes, encoding: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Encoding", encoding)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return answer


def test_compressed_bodies_are_capped_once_decoded() -> None:
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # 50 MB in about 50 KB
    double = gzip.compress(gzip.compress(b"\0" * (200 * 1024 * 1024)))  # 200 MB in 5 KB
    page = b"<p>" + b"ok " * 100 + b"</p>"
    with Site() as site, Client(Limits(connect=2.0, read=5.0, max_bytes=1024 * 1024)) as client:
        site.routes["/bomb"] = _encoded(bomb, "gzip")
        site.routes["/double"] = _encoded(double, "gzip, gzip")
        site.routes["/brotli"] = _encoded(b"x", "br")
        site.routes["/gzip"] = _encoded(gzip.compress(page), "gzip")
        site.routes["/deflate"] = _encoded(zlib.compress(page), "deflate")
        raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        site.routes["/raw"] = _encoded(raw.compress(page) + raw.flush(), "deflate")
        site.routes["/cut"] = _encoded(gzip.compress(page)[:-6], "gzip")
        site.routes["/broken"] = _encoded(b"not gzip at all", "gzip")
        assert _error(client, f"{site.base}/bomb").endswith("larger than 1 MB; stopped reading")
        assert _error(client, f"{site.base}/double").endswith(
            "encoded more than once (gzip, gzip); refused"
        )
        assert _error(client, f"{site.base}/brotli").endswith("unsupported content encoding 'br'")
        for path in ("/gzip", "/deflate", "/raw"):
            assert client.get(f"{site.base}{path}").content == page, path
        assert _error(client, f"{site.base}/cut").endswith("the compressed body ends too soon")
        assert "broken gzip body" in _error(client, f"{site.base}/broken")
    assert all(agent for _, agent in site.requests)


def test_a_dripping_site_meets_the_page_and_run_deadlines() -> None:
    stop = threading.Event()

    def drip(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        with contextlib.suppress(OSError):
            while not stop.wait(0.05):
                request.wfile.write(b"x")
                request.wfile.flush()

    limits = Limits(connect=2.0, read=1.0, page_seconds=0.5, run_seconds=60.0)
    with Site() as site, Client(limits) as client:
        site.routes["/drip"] = drip
        site.serve("/", "<p>ok</p>", "text/html")
        assert _error(client, f"{site.base}/drip").endswith("took more than 0.5 s; stopped reading")
        assert client.get(f"{site.base}/").content == b"<p>ok</p>"
    run = Limits(connect=2.0, read=1.0, page_seconds=60.0, run_seconds=0.5)
    with Site() as site, Client(run) as client:
        site.routes["/drip"] = drip
        site.serve("/", "<p>ok</p>", "text/html")
        assert _error(client, f"{site.base}/drip").endswith(
            "the run took more than 0.5 s; stopped reading"
        )
        assert _error(client, f"{site.base}/") == (
            f"{site.base}/: not asked: the run took more than 0.5 s"
        )
    stop.set()


def test_a_feed_gives_its_newest_entries_up_to_the_cap() -> None:
    items = "".join(
        f"<item><title>N{n}</title><link>https://e.org/{n}</link>"
        f"<pubDate>{format_datetime(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=n))}"
        "</pubDate></item>"
        for n in range(MAX_ENTRIES + 50)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    entries = parse_feed(feed.encode(), "https://e.org/rss", "application/rss+xml", PARIS)
    assert len(entries) == MAX_ENTRIES
    assert entries[0].url == f"https://e.org/{MAX_ENTRIES + 49}"
    assert entries[-1].url == "https://e.org/50"
