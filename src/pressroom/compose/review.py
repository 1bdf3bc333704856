"""What an editor should look at in a release before it goes out: one note per concern,
each at the line of the release file it is about (the preview's week page lists them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pressroom.compose.digest import shorten
from pressroom.errors import Problem
from pressroom.model import Release

_QUOTE_SHOWN = 60


@dataclass(frozen=True, slots=True)
class ReviewNote:
    path: str
    line: int
    message: str


def release_review(release: Release, problems: Iterable[Problem] = ()) -> tuple[ReviewNote, ...]:
    """The release's notes, in line order: no quotation found, a quotation without its
    speaker, no URL, an image without alt text, and what its reader reported about its
    file (``problems``: a mojibake repaired, a legacy encoding...)."""
    path, line = release.source.path, release.source.line
    notes = [ReviewNote(path, p.line, p.message) for p in problems if p.path == path]
    if not release.quotes:
        notes.append(ReviewNote(path, line, "no quotation found"))
    notes += [
        ReviewNote(
            path, q.line or line, f"quotation without speaker: “{shorten(q.text, _QUOTE_SHOWN)}”"
        )
        for q in release.quotes
        if not q.speaker
    ]
    if not release.url:
        notes.append(ReviewNote(path, line, "no URL: the digest and the posts link nowhere"))
    if release.image and not release.image_alt:
        notes.append(ReviewNote(path, line, "image without alt text (image_alt)"))
    return tuple(sorted(notes, key=lambda note: note.line))
