"""`pressroom fetch` against a real web site on 127.0.0.1: records written, read back by
pressroom's readers, not written twice, updated when the page changes, bad sources
reported while the rest is fetched."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressroom.cli.main import app
from pressroom.fetch import http
from pressroom.readers.files import read_files, release_files
from support import FIXTURES, PARIS, Site

PAGES = FIXTURES / "fetch"
HTML = "text/html; charset=utf-8"


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as running:
        rss = (PAGES / "releases.rss").read_text()
        running.serve("/presse/rss.xml", rss, "application/rss+xml")
        running.serve("/news.atom", (PAGES / "news.atom").read_text(), "application/atom+xml")
        for path, name in (
            ("/presse/voie-verte-sorne", "velo-vallee.html"),
            ("/presse/lycees-renoves", "lycees-renoves.html"),
            ("/news/electric-ferry", "harbour-ferry.html"),
        ):
            running.serve(path, (PAGES / name).read_bytes(), HTML)
        yield running


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    return tmp_path


def _fetch(runner: CliRunner, workspace: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["fetch", "-C", str(workspace), *args])
    return result.exit_code, result.stdout, result.stderr


def _records(workspace: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    outcome = read_files(release_files(workspace / "seeds"), PARIS, workspace)
    assert not [p for p in outcome.problems if p.is_error], outcome.problems
    return {r.url or "": r.to_dict() for r in outcome.releases}


def _snapshot(workspace: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (workspace / "seeds").iterdir()}


def test_feeds_become_records_the_readers_read(runner: CliRunner, empty: Path, site: Site) -> None:
    code, stdout, stderr = _fetch(
        runner, empty, f"{site.base}/presse/rss.xml", f"{site.base}/news.atom"
    )
    assert code == 0, stderr
    assert "3 new" in stdout
    records = _records(empty)
    voie = records[f"{site.base}/presse/voie-verte-sorne"]
    assert voie["title"] == "Une voie verte de 42 km le long de la Sorne"
    assert voie["date"] == "2026-02-03T10:30:00+01:00"  # the feed's 09:30 GMT, in Paris
    assert voie["image"] == "https://www.val-de-brume.example/medias/voie-verte-sorne.jpg"
    assert voie["image_alt"].startswith("Deux cyclistes sur la voie verte")
    assert voie["lang"] == "fr"
    assert voie["tags"] == ["Mobilités", "Vélo"]
    assert voie["standfirst"].startswith("La Région consacre 6,5 millions d’euros")
    speakers = [(q["speaker"], q["text"][:24]) for q in voie["quotes"]]
    assert speakers == [
        ("Héloïse Varenne", "Cette voie verte, c’est "),
        ("Bastien Corlay", "Nos habitants pourront e"),
    ]
    assert [b["type"] for b in voie["blocks"]].count("bullets") == 1
    text = str(voie)
    for furniture in ("cookies", "Partager", "Accueil", "À lire aussi", "Mentions légales"):
        assert furniture not in text, furniture
    lycees = records[f"{site.base}/presse/lycees-renoves"]
    assert lycees["date"] == "2026-01-16T14:00:00+01:00"
    assert lycees["image"] is None and lycees["tags"] == ["Éducation"]
    assert lycees["quotes"][0]["speaker"] == "Maëlle Quintin"
    ferry = records[f"{site.base}/news/electric-ferry"]
    assert ferry["title"] == "New electric ferry to link Marlow Quay and Fenby Point"
    assert ferry["date"] == "2026-02-05T10:00:00+01:00"
    assert ferry["image"] is None  # /images/… on this http:// site: not an https address
    assert ferry["image_alt"] is None
    assert ferry["lang"] == "en" and ferry["tags"] == ["Transport", "Harbour"]
    assert [q["speaker"] for q in ferry["quotes"]] == [
        "Priya Dunmore",
        "Priya Dunmore",
        "Owen Tallis",
    ]
    assert "“" not in ferry["quotes"][0]["text"]
    names = sorted(p.name for p in (empty / "seeds").iterdir())
    assert names == [
        "2026-01-16-quatre-lycees-renoves-pour-la-rentree.md",
        "2026-02-03-une-voie-verte-de-42-km-le-long-de-la-sorne.md",
        "2026-02-05-new-electric-ferry-to-link-marlow-quay-and-fenby-point.md",
    ]
    agents = {agent for _path, agent in site.requests}
    assert len(agents) == 1 and next(iter(agents)).startswith("pressroom/")
    assert site.most_busy == 1


def test_a_second_run_writes_nothing_and_a_changed_page_updates_its_record(
    runner: CliRunner, empty: Path, site: Site
) -> None:
    feed = f"{site.base}/presse/rss.xml"
    assert _fetch(runner, empty, feed)[0] == 0
    before = _snapshot(empty)
    asked = len(site.requests)
    code, stdout, _ = _fetch(runner, empty, feed)
    assert code == 0 and "2 already in seeds/" in stdout
    assert _snapshot(empty) == before
    assert len(site.requests) == asked + 1  # the feed only, no page asked again
    code, stdout, _ = _fetch(runner, empty, feed, "--refresh")
    assert code == 0 and "2 unchanged" in stdout
    assert _snapshot(empty) == before
    changed = (PAGES / "velo-vallee.html").read_text().replace("6,5 millions", "7 millions")
    site.serve("/presse/voie-verte-sorne", changed, HTML)
    code, stdout, _ = _fetch(runner, empty, feed, "--refresh")
    assert code == 0 and "1 updated" in stdout
    after = _snapshot(empty)
    assert sorted(after) == sorted(before)  # the same file, rewritten
    name = "2026-02-03-une-voie-verte-de-42-km-le-long-de-la-sorne.md"
    assert after[name][0] != before[name][0]
    assert "7 millions" in _records(empty)[f"{site.base}/presse/voie-verte-sorne"]["standfirst"]


def test_a_hand_made_release_with_the_url_is_never_replaced(
    runner: CliRunner, empty: Path, site: Site
) -> None:
    hand = empty / "seeds" / "lycees.txt"
    hand.write_text(
        f"---\nurl: {site.base}/presse/lycees-renoves\n---\nQuatre lycées rénovés\n"
        "Le 16/01/2026\nLe texte saisi à la main.\n"
    )
    before = hand.read_bytes()
    code, stdout, _ = _fetch(runner, empty, f"{site.base}/presse/rss.xml", "--refresh")
    assert code == 0 and "1 new" in stdout and "1 already in seeds/" in stdout
    assert hand.read_bytes() == before
    assert "/presse/lycees-renoves" not in [path for path, _agent in site.requests]


def test_since_and_limit_choose_the_entries(runner: CliRunner, empty: Path, site: Site) -> None:
    feed = f"{site.base}/presse/rss.xml"
    assert _fetch(runner, empty, feed, "--since", "2026-02-01")[0] == 0
    assert [p.name[:10] for p in (empty / "seeds").iterdir()] == ["2026-02-03"]
    assert _fetch(runner, empty, feed, "--limit", "1", "--refresh")[0] == 0
    assert len(list((empty / "seeds").iterdir())) == 1


def test_a_page_url_and_configured_sources_with_a_selector(
    runner: CliRunner, empty: Path, site: Site
) -> None:
    (empty / "pressroom.yaml").write_text(
        "sources:\n"
        f"  - url: {site.base}/news.atom\n"
        f"  - url: {site.base}/presse/lycees-renoves\n"
        "    selector: .contenu-communique\n"
        "    timezone: Europe/London\n"
    )
    code, _stdout, stderr = _fetch(runner, empty)
    assert code == 0, stderr
    records = _records(empty)
    assert set(records) == {
        f"{site.base}/news/electric-ferry",
        f"{site.base}/presse/lycees-renoves",
    }
    lycees = records[f"{site.base}/presse/lycees-renoves"]
    assert lycees["date"] == "2026-01-16T00:00:00+00:00"  # the page's day, in the site's zone
    assert lycees["standfirst"].startswith("Lyonnais, Ormeval")  # not the date line
    assert lycees["quotes"][0]["speaker"] == "Maëlle Quintin"
    assert "Voir aussi" not in str(lycees) and "Copier le lien" not in str(lycees)
    paths = [path for path, _agent in site.requests]
    assert paths.count("/presse/lycees-renoves") == 1  # a page URL is asked for once


BAD = {
    "/missing": "not found (HTTP 404)",
    "/broken": "server error (HTTP 500)",
    "/slow": "the site sent nothing for 1 s",
    "/loop": "more than 5 redirects",
    "/huge": "larger than 5 MB; stopped reading",
    "/report.pdf": "not an HTML page or a feed (application/pdf)",
    "/bad.rss": "not a valid feed at line",
    "/holes.rss": "not found (HTTP 404)",
}


def _bad_routes(site: Site) -> None:
    site.serve("/broken", "oops", "text/plain", status=500)
    site.serve("/report.pdf", b"%PDF-1.7\n", "application/pdf")
    broken = "<rss><channel><item><title>a & b</title></channel></rss>"
    site.serve("/bad.rss", broken, "application/rss+xml")
    holes = (PAGES / "releases.rss").read_text().replace("lycees-renoves", "retire")
    site.serve("/holes.rss", holes, "application/rss+xml")

    def slow(request: BaseHTTPRequestHandler) -> None:
        time.sleep(2.5)
        request.send_response(200)
        request.end_headers()

    def loop(request: BaseHTTPRequestHandler) -> None:
        request.send_response(302)
        request.send_header("Location", "/loop")
        request.send_header("Content-Length", "0")
        request.end_headers()

    def huge(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", HTML)
        request.end_headers()  # no length: streamed until the reader gives up
        chunk = b"<p>" + b"x" * 65_533
        for _ in range(20 * 16):
            request.wfile.write(chunk)

    site.routes.update({"/slow": slow, "/loop": loop, "/huge": huge})


def test_bad_sources_are_reported_and_the_rest_fetched(
    runner: CliRunner, empty: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http, "LIMITS", http.Limits(connect=2.0, read=1.0))
    _bad_routes(site)
    urls = [f"{site.base}{path}" for path in BAD]
    urls += ["ftp://example.org/release.html", "file:///etc/hostname", f"{site.base}/news.atom"]
    code, stdout, stderr = _fetch(runner, empty, *urls)
    assert code == 1
    lines = stderr.replace("\n ", " ").splitlines()
    for path, reason in BAD.items():
        if path == "/holes.rss":
            path, reason = "/presse/retire", f"{reason} (an entry of {site.base}/holes.rss)"
        expected = f"{site.base}{path}: {reason}"
        assert any(line.startswith(expected) for line in lines), (expected, stderr)
    assert "ftp://example.org/release.html: not an http or https address" in lines
    assert "file:///etc/hostname: not an http or https address" in lines
    assert "2 new" in stdout  # the ferry, and the feed's other entry beside the missing one
    names = {p.name for p in (empty / "seeds").iterdir()}
    assert names == {
        "2026-02-03-une-voie-verte-de-42-km-le-long-de-la-sorne.md",
        "2026-02-05-new-electric-ferry-to-link-marlow-quay-and-fenby-point.md",
    }
    assert len(_records(empty)) == 2  # only whole records


def test_an_interrupted_write_leaves_no_partial_record(
    runner: CliRunner, empty: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("pressroom.fetch.records.os.fsync", interrupted)
    code, _stdout, stderr = _fetch(runner, empty, f"{site.base}/news.atom")
    assert code == 130, stderr
    assert list((empty / "seeds").iterdir()) == []


def test_no_address_is_a_usage_error(runner: CliRunner, empty: Path) -> None:
    code, _stdout, stderr = _fetch(runner, empty)
    assert code == 2 and "no address to fetch" in stderr


def test_a_feeds_links_to_other_hosts_need_a_source_there(
    runner: CliRunner, empty: Path, site: Site
) -> None:
    other = site.base.replace("127.0.0.1", "localhost")
    rss = (PAGES / "releases.rss").read_text()
    rss = rss.replace("{base}/presse/lycees-renoves", f"{other}/presse/lycees-renoves")
    site.serve("/mixed.rss", rss, "application/rss+xml")
    feed = f"{site.base}/mixed.rss"
    code, stdout, stderr = _fetch(runner, empty, feed)
    assert code == 1
    assert (
        f"{other}/presse/lycees-renoves: on another host than its feed (127.0.0.1); not fetched"
        in stderr.replace("\n ", " ")
    )
    assert [p for p in site.requests if p[0] == "/presse/lycees-renoves"] == []
    assert "1 new" in stdout
    code, stdout, _ = _fetch(runner, empty, feed, f"{other}/news.atom")
    assert code == 0, stdout
    assert len(list((empty / "seeds").iterdir())) == 3  # the other host is a source now
