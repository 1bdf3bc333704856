"""What an editor should look at in a release before it goes out: one note per concern,
each at the line of the release file it is about (the preview's week page lists them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pressroom.compose.digest import shorten
from pressroom.compose.editorial import headline_match
from pressroom.compose.labels import LABELS
from pressroom.errors import Problem
from pressroom.model import Release

_QUOTE_SHOWN = 60


@dataclass(frozen=True, slots=True)
class ReviewNote:
    path: str
    line: int
    message: str
    hint: str = ""
    """What to do about it, when the note is about the release's own text (a speaker)."""


def release_review(release: Release, problems: Iterable[Problem] = ()) -> tuple[ReviewNote, ...]:
    """The release's notes, in line order: no quotation found, a quotation whose speaker
    is to check (with why, ``Quote.check``) or without speaker (the text names no one
    saying it), each with how to set it, a headline quote without
    a sure speaker, no URL, an image without alt text, and what its reader reported about
    its file (``problems``: a mojibake repaired, a legacy encoding...). The notes about a
    speaker are in the release's language (``labels.LABELS``)."""
    path, line = release.source.path, release.source.line
    words = LABELS[release.lang]
    notes = [ReviewNote(path, p.line, p.message) for p in problems if p.path == path]
    if not release.quotes:
        notes.append(ReviewNote(path, line, "no quotation found"))
    for q in release.quotes:
        if q.speaker:
            continue
        shown = shorten(q.text, _QUOTE_SHOWN)
        if q.check:
            message = words["speaker_to_check"].format(quotation=shown, check=q.check)
        else:
            message = words["without_speaker"].format(quotation=shown)
        notes.append(ReviewNote(path, q.line or line, message, words["set_speaker"]))
    if release.headline_quote:
        chosen = headline_match(release)
        if chosen is None or not chosen.speaker:
            notes.append(
                ReviewNote(
                    path,
                    chosen.line if chosen and chosen.line else line,
                    words["headline_without_speaker"].format(
                        quotation=shorten(release.headline_quote, _QUOTE_SHOWN)
                    ),
                    words["set_speaker"] if chosen else "",
                )
            )
    if not release.url:
        message = "no URL: the digest shows it without a link, and its posts carry none"
        notes.append(ReviewNote(path, line, message))
    if release.image and not release.image_alt:
        notes.append(ReviewNote(path, line, "image without alt text (image_alt)"))
    return tuple(sorted(notes, key=lambda note: note.line))
