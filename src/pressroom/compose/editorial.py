"""Editorial choices shared by the digest and the posts: the headline quote, quote marks,
links, where a release's image is published."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, quote, urlencode, urlsplit, urlunsplit

import regex

from pressroom.model import Lang, Quote, Release, is_remote
from pressroom.text.matching import holds
from pressroom.text.sentences import first_sentence
from pressroom.text.typography import typeset

NNBSP = "\u202f"


@dataclass(frozen=True)
class Featured:
    """What a digest card or a post features: a direct quote, or the standfirst standing in."""

    text: str
    speaker: str | None = None
    role: str | None = None
    direct: bool = True


def featured_candidates(release: Release) -> tuple[Featured, ...]:
    """Best first: the editor's ``headline_quote``, the quotes with a speaker, then the
    standfirst's first sentence when no quote has one."""
    return tuple(
        Featured(typeset(c.text, release.lang), c.speaker, c.role, c.direct)
        for c in _candidates(release)
    )


def _candidates(release: Release) -> tuple[Featured, ...]:
    """A quote without a sure speaker is never featured unless the editor chose it
    (``headline_quote``; the review notes then say it has no speaker)."""
    candidates: list[Featured] = []
    if release.headline_quote:
        chosen = headline_match(release)
        candidates.append(
            Featured(
                release.headline_quote,
                chosen.speaker if chosen else None,
                chosen.role if chosen else None,
            )
        )
    attributed = [q for q in release.quotes if q.speaker]
    candidates += [
        Featured(q.text, q.speaker, q.role)
        for q in attributed
        if not candidates or q.text != candidates[0].text
    ]
    sentence = first_sentence(release.standfirst)
    if sentence and not attributed:
        candidates.append(Featured(sentence, direct=False))
    return tuple(candidates)


def featured(release: Release) -> Featured | None:
    candidates = featured_candidates(release)
    return candidates[0] if candidates else None


def headline_match(release: Release) -> Quote | None:
    """The quotation the editor's ``headline_quote`` names, if one of the release's holds it."""
    if not release.headline_quote:
        return None
    return next((q for q in release.quotes if holds(q.text, release.headline_quote)), None)


def quoted(text: str, lang: Lang) -> str:
    """French guillemets with narrow no-break spaces, or English curly quotes."""
    if lang == "fr":
        return f"«{NNBSP}{text}{NNBSP}»"
    return f"“{text}”"


def published_url(image: str, assets_base: str) -> str:
    """Where readers of the digest and the posts find the image: a remote image as stated;
    a workspace image ``assets/NAME`` under ``assets_base`` (``Newsletter.assets_base``)."""
    if is_remote(image):
        return image
    return assets_base + quote(image.split("/", 1)[1], safe="/")


SHOWN_PATH = 15
"""Bluesky shows a link's path (with query and fragment) whole up to this length, else
its first 13 characters and ``...`` (its app's ``toShortUrl``)."""


def shown_link(url: str) -> str:
    """A link as Bluesky's app shows it: host and path without the scheme, a long path
    cut to 13 characters and ``...``; the full address goes in the post's link facet."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return url
    path = ("" if parts.path == "/" else parts.path) + (f"?{parts.query}" if parts.query else "")
    path += f"#{parts.fragment}" if parts.fragment else ""
    host = parts.netloc.rpartition("@")[2]
    return host + (path[:13] + "..." if len(path) > SHOWN_PATH else path)


def with_utm(url: str, site_url: str, params: dict[str, str]) -> str:
    """Add UTM parameters to links on the site's own host; others and existing ones stay.

    The link's own query is kept as written; only the missing parameters are appended.
    """
    parts, host, present = _split(url)
    site_host = _hostname(site_url)
    if not site_host or not (host == site_host or host.endswith("." + site_host)):
        return url
    added = [_parameter(k, v) for k, v in params.items() if v and k not in present]
    query = "&".join(q for q in (parts.query, *added) if q)
    return urlunsplit(parts._replace(query=query))


@lru_cache(maxsize=1024)
def _split(url: str) -> tuple[SplitResult, str, frozenset[str]]:
    """A link, its host and the names in its query: a release's link is asked for by the
    digest and by every platform's post."""
    parts = urlsplit(url)
    names = frozenset(key for key, _ in parse_qsl(parts.query, keep_blank_values=True))
    return parts, parts.hostname or "", names


@lru_cache(maxsize=256)
def _parameter(key: str, value: str) -> str:
    return urlencode({key: value})


@lru_cache(maxsize=16)
def _hostname(url: str) -> str:
    return urlsplit(url).hostname or ""


def hashtags(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each word or phrase as one CamelCase hashtag (``#AuvergneRhôneAlpes``), once."""
    tags: list[str] = []
    seen: set[str] = set()
    for word in words:
        tag = "#" + "".join(
            part[:1].upper() + part[1:] for part in _HASHTAG_CHARS.split(word) if part
        )
        if len(tag) > 1 and tag.lower() not in seen:
            tags.append(tag)
            seen.add(tag.lower())
    return tuple(tags)


_HASHTAG_CHARS = regex.compile(r"[^\p{L}\p{N}_]+")
