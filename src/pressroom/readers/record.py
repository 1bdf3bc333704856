"""One Release from what a reader found in the text and the fields the file states."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import regex

from pressroom.attribution.quotemarks import LIST_ITEM
from pressroom.attribution.quotes import Paragraph, Unclosed, extract_quotes
from pressroom.errors import Problem, RecordError, Severity
from pressroom.lexicon import Lexicons
from pressroom.model import Block, Lang, Quote, Release, Source
from pressroom.readers.decode import removed_characters
from pressroom.readers.fields import (
    QUOTE_FIELDS,
    SPEAKER_FIELDS,
    Fields,
    list_field,
    posts_field,
    text_field,
)
from pressroom.readers.images import stated_image
from pressroom.readers.titles import MAX_TITLE
from pressroom.text.dates import parse_date_value
from pressroom.text.encoding import ascii_slug
from pressroom.text.language import detect_lang
from pressroom.text.matching import holds
from pressroom.text.sentences import SENTENCE_END
from pressroom.text.spaces import collapse

SLUG_MAX = 80


@dataclass(frozen=True)
class Found:
    """What a reader understood from the text itself, before the stated fields override it."""

    title: str | None = None
    title_line: int = 1
    date: datetime | None = None
    standfirst: str = ""
    standfirst_line: int = 0
    blocks: tuple[Block, ...] = ()
    credit: str | None = None


def assemble(
    path: str, found: Found, fields: Fields, tz: ZoneInfo, lexicons: Lexicons
) -> tuple[Release, list[Problem]]:
    """Fields win over what the text says; raises RecordError when no release can be made.
    The quotations are attributed with the word lists of ``lexicons``."""
    problems: list[Problem] = []
    if fields.cleaned:
        problems.append(removed_characters(path, fields.cleaned))
    title = text_field(fields, "title") or found.title
    if not title:
        raise RecordError(
            found.title_line,
            "no title found",
            "put the headline on the first line, or add `title:`",
        )
    blocks = found.blocks
    if len(title) > MAX_TITLE and "title" not in fields.values:
        # no headline: the text's first sentence stands in, and the editor is told
        title, blocks, guessed = _first_sentence_title(path, title, found)
        problems += guessed
    if len(title) > MAX_TITLE:
        raise RecordError(
            fields.lines.get("title", found.title_line),
            f"title is {len(title)} characters long (limit {MAX_TITLE})",
            "put the headline alone on its own line, or set a shorter `title:`",
        )
    date = found.date
    if "date" in fields.values:
        date = parse_date_value(fields.values["date"], tz, fields.line("date"))
    if date is None:
        raise RecordError(
            1,
            "no date found",
            "add a date line such as 'Le 19/01/2026' under the title, or `date:`",
        )
    standfirst = text_field(fields, "standfirst") or found.standfirst
    lead = (
        Paragraph(title, found.title_line),
        *(
            (Paragraph(standfirst, found.standfirst_line or found.title_line),)
            if standfirst
            else ()
        ),
    )
    quotes, unclosed = _quotes(fields, blocks, lead, lexicons)
    quotes, unmatched = _stated_speakers(fields, quotes)
    problems += [
        Problem(
            path,
            entry.line,
            f'no quotation holds "{entry.words}"',
            "copy a few words from inside the quotation; no speaker was set",
            Severity.ERROR,
        )
        for entry in unmatched
    ]
    problems += [
        Problem(
            path,
            u.line,
            f"quotation mark {u.mark} is never closed",
            "close the quote; it was left out of the quotes",
            Severity.ERROR,
        )
        for u in unclosed
    ]
    url = text_field(fields, "url")
    if url and not is_web_url(url):
        problems.append(
            Problem(
                path,
                fields.line("url"),
                f"url {url!r} is not an http(s) address",
                "write the full https:// address; the link was left out",
            )
        )
        url = None
    image_alt = text_field(fields, "image_alt")
    image, image_problems = stated_image(
        text_field(fields, "image"), image_alt, path, fields.line("image")
    )
    problems += image_problems
    lang = _lang(fields) or detect_lang(" ".join([title, standfirst, *(b.text for b in blocks)]))
    release = Release(
        id=text_field(fields, "id") or slugify(f"{date:%Y-%m-%d} {title}"),
        title=title,
        date=date,
        standfirst=standfirst,
        blocks=blocks,
        quotes=quotes,
        credit=text_field(fields, "credit") or found.credit,
        tags=list_field(fields, "tags"),
        url=url,
        lang=lang,
        source=Source(
            path, found.title_line if "title" not in fields.lines else fields.line("title")
        ),
        headline_quote=_strip_marks(text_field(fields, "headline_quote")),
        image=image,
        image_alt=image_alt,
        image_line=fields.line("image") if image else 0,
        posts=posts_field(fields),
    )
    return release, problems


def _first_sentence_title(
    path: str, text: str, found: Found
) -> tuple[str, tuple[Block, ...], list[Problem]]:
    """A text that opens with a paragraph and has no headline: its first sentence as the
    title (the rest of the paragraph stays the body's first), with a warning; the text as
    it was when no sentence is short enough."""
    end = SENTENCE_END.search(text, 20, MAX_TITLE + 1)
    if end is None:
        return text, found.blocks, []
    title, rest = text[: end.start()].strip(), text[end.end() :].strip()
    warning = Problem(
        path,
        found.title_line,
        "no headline found: the title is the text's first sentence",
        "put the headline alone on the first line, or set `title:`",
        Severity.WARNING,
    )
    first = (Block("paragraph", text=rest, line=found.title_line),) if rest else ()
    return title, (*first, *found.blocks), [warning]


def _paragraphs(block: Block) -> tuple[Paragraph, ...]:
    """A block as the quote stage reads it: a list item by item, each marked as one (a
    quotation under "X said:" may be a list's first item; the paragraph after a list is
    not the one right under the ":")."""
    if block.kind != "bullets":
        return (Paragraph(block.text, block.line),)
    return tuple(Paragraph(LIST_ITEM + item, block.line + i) for i, item in enumerate(block.items))


def _quotes(
    fields: Fields, blocks: tuple[Block, ...], lead: tuple[Paragraph, ...], lexicons: Lexicons
) -> tuple[tuple[Quote, ...], tuple[Unclosed, ...]]:
    """The quotes a YAML field states, else those of the text: the title and standfirst
    (``lead``) are read too, for the quotes and the people they name."""
    stated = fields.values.get("quotes")
    if stated is None:
        # a list is read as a mark of its place only: a paragraph after it is not the one
        # right under an attribution ending in ":" ("X asks residents to help by: • … ⏎ …")
        body = [
            *lead[1:],
            *(p for b in blocks for p in _paragraphs(b)),
        ]
        # in reading order: a quotation above the standfirst comes before it
        return extract_quotes([*lead[:1], *sorted(body, key=lambda p: p.line)], lexicons)
    line = fields.line("quotes")
    if not isinstance(stated, list):
        raise RecordError(line, "field 'quotes' must be a list", "write - text: ... speaker: ...")
    quotes = []
    for item in stated:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or "text" not in item:
            raise RecordError(line, "each quote needs a `text:`", "write - text: ... speaker: ...")
        unknown = sorted(set(item) - set(QUOTE_FIELDS))
        if unknown:
            raise RecordError(
                line,
                f"unknown quote field {unknown[0]!r}",
                f"use one of: {', '.join(QUOTE_FIELDS)}",
            )
        quotes.append(
            Quote(
                text=_strip_marks(collapse(str(item["text"]))) or "",
                speaker=_opt(item.get("speaker")),
                role=_opt(item.get("role")),
                line=line,
                cue="editor" if item.get("speaker") else None,
            )
        )
    return tuple(quotes), ()


@dataclass(frozen=True)
class _Speaker:
    """One entry of ``speakers:``: the words that find the quotation, who says it, the line."""

    words: str
    speaker: str
    role: str | None
    line: int


def _stated_speakers(
    fields: Fields, quotes: tuple[Quote, ...]
) -> tuple[tuple[Quote, ...], tuple[_Speaker, ...]]:
    """The quotes with the speakers the editor states (``speakers:``, cue ``editor``), and
    the entries whose words no quotation holds. An entry sets every quotation that holds
    its words (a quotation split by its attribution is two quotations of one speaker)."""
    entries = _speaker_entries(fields)
    matched = [False] * len(entries)
    stated = []
    for quote in quotes:
        index = next((i for i, e in enumerate(entries) if holds(quote.text, e.words)), None)
        if index is None:
            stated.append(quote)
            continue
        matched[index] = True
        entry = entries[index]
        stated.append(
            replace(quote, speaker=entry.speaker, role=entry.role, cue="editor", check=None)
        )
    return tuple(stated), tuple(e for e, found in zip(entries, matched, strict=True) if not found)


def _speaker_entries(fields: Fields) -> tuple[_Speaker, ...]:
    value = fields.values.get("speakers")
    if value is None:
        return ()
    example = 'write - {quote: "a few words of it", speaker: Name, role: ...}'
    if not isinstance(value, list):
        raise RecordError(fields.line("speakers"), "field 'speakers' must be a list", example)
    entries = []
    for index, item in enumerate(value):
        line = fields.item_line("speakers", index)
        if not isinstance(item, dict):
            raise RecordError(line, "each speaker needs a `quote:` and a `speaker:`", example)
        unknown = sorted(str(key) for key in set(item) - set(SPEAKER_FIELDS))
        if unknown:
            raise RecordError(
                line,
                f"unknown speakers field {unknown[0]!r}",
                f"use one of: {', '.join(SPEAKER_FIELDS)}",
            )
        if any(isinstance(v, (dict, list)) for v in item.values()):
            raise RecordError(
                line, "a speaker's `quote:`, `speaker:` and `role:` are text", example
            )
        words, speaker = _opt(item.get("quote")), _opt(item.get("speaker"))
        if not words or not speaker:
            raise RecordError(line, "each speaker needs a `quote:` and a `speaker:`", example)
        entries.append(_Speaker(words, speaker, _opt(item.get("role")), line))
    return tuple(entries)


def _opt(value: object) -> str | None:
    return collapse(str(value)) if value else None


def _lang(fields: Fields) -> Lang | None:
    value = text_field(fields, "lang")
    if value is None:
        return None
    value = value.lower()[:2]
    if value not in ("fr", "en"):
        raise RecordError(fields.line("lang"), f"lang {value!r} is not supported", "write fr or en")
    return "fr" if value == "fr" else "en"


def _strip_marks(text: str | None) -> str | None:
    if text is None:
        return None
    return text.strip(' \u00a0\u202f«»“”"')


def is_web_url(url: str) -> bool:
    """Only absolute http(s) links may reach an output."""
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not _SPACE.search(url)


def slugify(text: str) -> str:
    """ASCII words joined by dashes; a long slug is cut at a word and keeps a hash of the
    whole text, so two long titles that start alike still get different ids."""
    slug = ascii_slug(text)
    if len(slug) > SLUG_MAX:
        digest = hashlib.sha1(text.encode()).hexdigest()[:6]
        slug = f"{slug[: SLUG_MAX - 7].rsplit('-', 1)[0]}-{digest}"
    return slug or "release"


_SPACE = regex.compile(r"\s")
