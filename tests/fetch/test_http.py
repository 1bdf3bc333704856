"""The polite client against a real server on 127.0.0.1: who it says it is, one request
at a time, and every limit it keeps."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from pressroom import __version__
from pressroom.fetch.feeds import FeedError, parse_feed
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
