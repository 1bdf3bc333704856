"""Releases from where they are published: feeds and pages in, ``seeds/<id>.md`` out.

``fetch`` reads each source (an RSS or Atom feed, or a release page), then each page, one
request at a time (``http.Client``); it extracts the release (``pages``), checks that the
readers make a release of the record, and writes it whole (``records``). A page whose
``url`` a release file already states is not asked for again unless ``refresh``; asked
again, its record is rewritten only when the page changed. A failing address is reported
with its reason and the others are still fetched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pressroom.config import WebSource
from pressroom.errors import RecordError
from pressroom.fetch.feeds import Entry, FeedError, parse_feed
from pressroom.fetch.http import Client, FetchError, Limits, Response, check_web_address
from pressroom.fetch.pages import PageError, extract_page
from pressroom.fetch.records import (
    SUFFIX,
    Known,
    Record,
    check_record,
    free_path,
    known_urls,
    record_id,
    record_text,
    remove_leftovers,
    write_whole,
)

__all__ = ["FetchError", "FetchOptions", "Fetched", "Outcome", "fetch"]


class Outcome(StrEnum):
    new = "new"
    updated = "updated"
    unchanged = "unchanged"
    known = "known"
    """Already in seeds/; not asked for (``refresh`` asks again)."""
    skipped = "skipped"
    """Dated before ``since`` (known only once the page was read)."""
    failed = "failed"


@dataclass(frozen=True)
class Fetched:
    url: str
    outcome: Outcome
    path: Path | None = None
    title: str = ""
    reason: str = ""
    """For a failure: ``URL: reason (HTTP 404)``."""


@dataclass(frozen=True)
class FetchOptions:
    since: date | None = None
    """Leave out entries dated before this day."""
    limit: int | None = None
    """At most this many entries of each feed, newest first."""
    refresh: bool = False
    limits: Limits | None = None
    user_agent_contact: str = ""


@dataclass(frozen=True)
class _Job:
    """A page to fetch, with what its feed said of it."""

    entry: Entry
    source: WebSource
    feed: str = ""


@dataclass
class _Run:
    seeds: Path
    tz: ZoneInfo
    options: FetchOptions
    client: Client
    known: dict[str, Known]
    results: list[Fetched] = field(default_factory=list)
    hosts: frozenset[str | None] = frozenset()
    """The hosts of the sources: a feed's entries are fetched on these and its own only."""


def fetch(
    sources: Sequence[WebSource],
    seeds: Path,
    tz: ZoneInfo,
    options: FetchOptions | None = None,
    on_plan: Callable[[int], None] = lambda total: None,
    on_page: Callable[[str], None] = lambda url: None,
) -> list[Fetched]:
    """Fetch every source; one result per page (and per source that failed), in order.

    ``on_plan(total)`` is called with the pages known so far (a feed adds its entries),
    ``on_page(url)`` after each source or page."""
    options = options or FetchOptions()
    remove_leftovers(seeds)
    total = len(sources)
    on_plan(total)
    with Client(options.limits, options.user_agent_contact) as client:
        hosts = frozenset(urlsplit(source.url).hostname for source in sources)
        run = _Run(seeds, tz, options, client, known_urls(seeds), hosts=hosts)
        for source in sources:
            jobs = _source(run, source)
            on_page(source.url)
            if jobs:
                total += len(jobs)
                on_plan(total)
            for job in jobs:
                run.results.append(_page(run, job))
                on_page(job.entry.url)
    return run.results


def _source(run: _Run, source: WebSource) -> list[_Job]:
    """A release page is read at once; a feed gives the pages of its entries (filtered)."""
    url = source.url
    if _left_alone(run, url):
        run.results.append(_known(url, run.known[url]))
        return []
    try:
        check_web_address(url)
        response = run.client.get(url)
    except FetchError as exc:
        run.results.append(Fetched(url, Outcome.failed, reason=str(exc)))
        return []
    if not response.is_feed:
        run.results.append(_page(run, _Job(Entry(url), source), response))
        return []
    try:
        entries = parse_feed(response.content, response.url, response.media_type, _tz(run, source))
    except FeedError as exc:
        run.results.append(Fetched(url, Outcome.failed, reason=f"{url}: {exc}"))
        return []
    since = run.options.since
    if since:
        entries = [e for e in entries if e.date is None or e.date.date() >= since]
    if run.options.limit is not None:
        entries = entries[: run.options.limit]
    jobs = []
    feed_host = urlsplit(response.url).hostname
    for entry in entries:
        host = urlsplit(entry.url).hostname
        if host != feed_host and host not in run.hosts:
            reason = (
                f"{entry.url}: on another host than its feed ({feed_host}); not fetched "
                "(add a source on that host to pressroom.yaml to allow it)"
            )
            job = _Job(entry, source, feed=url)
            run.results.append(Fetched(entry.url, Outcome.failed, reason=_from_feed(reason, job)))
            continue
        if _left_alone(run, entry.url):
            run.results.append(_known(entry.url, run.known[entry.url]))
        else:
            jobs.append(_Job(entry, source, feed=url))
    return jobs


def _left_alone(run: _Run, url: str) -> bool:
    """A page some release file already holds: not asked for again, unless ``refresh``
    and that file is a record fetch wrote (a hand-made .txt or .yaml is never replaced)."""
    known = run.known.get(url)
    if known is None:
        return False
    return not run.options.refresh or known.path.suffix.lower() != SUFFIX


def _known(url: str, known: Known) -> Fetched:
    return Fetched(url, Outcome.known, known.path)


def _page(run: _Run, job: _Job, response: Response | None = None) -> Fetched:
    """Read a page (fetched here unless given) into its record, and write it."""
    url = job.entry.url
    try:
        response = response or run.client.get(url)
        if response.is_feed:
            raise FetchError(url, "a feed, not a release page")
        record = _record(run, job, response)
    except FetchError as exc:
        return Fetched(url, Outcome.failed, reason=_from_feed(str(exc), job))
    except (PageError, RecordError) as exc:
        reason = exc.message if isinstance(exc, RecordError) else str(exc)
        return Fetched(url, Outcome.failed, reason=_from_feed(f"{url}: {reason}", job))
    if record is None:
        return Fetched(url, Outcome.skipped)
    return _write(run, record)


def _from_feed(reason: str, job: _Job) -> str:
    return f"{reason} (an entry of {job.feed})" if job.feed else reason


def _tz(run: _Run, source: WebSource) -> ZoneInfo:
    return ZoneInfo(source.timezone) if source.timezone else run.tz


def _record(run: _Run, job: _Job, response: Response) -> Record | None:
    """The record of a page; None for a page dated before ``since``."""
    tz = _tz(run, job.source)
    page = extract_page(response.content, response.url, tz, job.source.selector, response.charset)
    entry = job.entry
    title = page.title or entry.title
    moment = entry.date or page.date
    if not title:
        raise PageError("no title found on the page")
    if moment is None:
        raise PageError("no publication date found on the page or in its feed")
    if run.options.since and moment.date() < run.options.since:
        return None
    # a record's image is an https address (model.Release.image): an http one is left out
    image = next((i for i in (page.image, entry.image) if i and i.startswith("https://")), None)
    return Record(
        title=title,
        date=moment,
        url=entry.url,
        body=page.body,
        image=image,
        image_alt=page.image_alt if image and image == page.image else None,
        lang=page.lang,
        tags=entry.tags,
    )


def _write(run: _Run, record: Record) -> Fetched:
    known = run.known.get(record.url)
    if known is not None:
        path, release_id = known.path, known.release_id or known.path.stem
    else:
        release_id = record_id(record)
        path = free_path(run.seeds, release_id)
        release_id = path.stem
    text = record_text(record, release_id)
    try:
        check_record(text, f"{run.seeds.name}/{path.name}", run.tz)
    except RecordError as exc:
        return Fetched(record.url, Outcome.failed, reason=f"{record.url}: {exc.message}")
    if known is not None:
        try:
            unchanged = path.read_bytes() == text.encode()
        except OSError:
            unchanged = False
        if unchanged:
            return Fetched(record.url, Outcome.unchanged, path, record.title)
    write_whole(path, text)
    run.known[record.url] = Known(path, release_id)
    outcome = Outcome.updated if known is not None else Outcome.new
    return Fetched(record.url, outcome, path, record.title)
