"""The paragraphs below a quotation: a name line that signs it, and the doubts a layout
leaves when the text may sign its quotations above or below them (a wrong name is worse
than none: the editor is told whom to check)."""

from __future__ import annotations

from pressroom.attribution.before import SENTENCE_BREAK, speaking
from pressroom.attribution.headlines import headline_word_at
from pressroom.attribution.persons import person_like
from pressroom.attribution.quotemarks import SPACES, Chunk
from pressroom.attribution.resolve import Cue
from pressroom.attribution.speakers import parse_subject
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.spaces import collapse

__all__ = ["doubted", "name_line_below"]


def doubted(
    chosen: Cue, around: tuple[Chunk | None, Chunk | None, Chunk | None], alone: bool, v: Vocabulary
) -> Cue:
    """The cue chosen for a quotation, with a doubt when the paragraphs ``around`` it (two
    above, above, below) name someone else in a place that may be the speaker's."""
    earlier, previous, below = around
    if chosen.cue == "after-name" and _heading(earlier, previous, v):
        # "Ann Roe ⏎ BA Music ⏎ “…” ⏎ Tom Lee": a name line below may head the next one
        doubt = f"“{chosen.subject.text}” below, or the lines above: who said it?"
        return Cue(chosen.subject, chosen.cue, doubt)
    if chosen.cue == "named-before" and alone and below is not None and previous is not None:
        said = v.verb_re.search(SENTENCE_BREAK.split(collapse(previous.text) + " ")[-1])
        other = None if said else _speaking_below(below, v)  # the names below, only if needed
        if other is not None and other.subject.text != chosen.subject.text:
            # "X lamented the defeat. ⏎ “…” ⏎ Y hailed his players.": each quotation of a
            # round-up may be signed above or below (not "X said he was … ⏎ “…”")
            doubt = f"“{chosen.subject.text}” above or “{other.subject.text}” below: who said it?"
            return Cue(chosen.subject, chosen.cue, doubt)
    return chosen


def name_line_below(below: Chunk, v: Vocabulary) -> Cue | None:
    """A quotation alone in its paragraph, signed by the line below with a name and an
    office only: ``Jacques Roy, WFP's representative in Cameroon.``, ``WFP Country
    Director Pablo Recalde.`` (no verb, no quotation, a few words)."""
    line = below.text.strip(SPACES)
    text = line.removesuffix(".")
    if below.spans or len(text.split()) > NAME_ROLE_LINE_WORDS or v.verb_re.search(text):
        return None
    if headline_word_at(text.split(",", 1)[0].split(), v):
        return None  # "Mayor Paul Roy To Visit Lyon": the next item's headline
    subject = parse_subject(text, v)
    if subject is None or subject.kind != "name" or not person_like(subject.text):
        return None
    if len(text.split()) > NAME_LINE_WORDS and (
        line[-1:] == "." or not text.startswith(subject.text)
    ):
        return None  # a long line signs only as "Name, a long office", with no sentence
    return Cue(subject, "after-name")


NAME_LINE_WORDS = 12
NAME_ROLE_LINE_WORDS = 30  # "André Roy, ministre de l'Agriculture, des Pêcheries et de …"


def _speaking_below(below: Chunk, v: Vocabulary) -> Cue | None:
    """The person the first sentence of the paragraph below is about, when it holds no
    quotation of its own (``The Nire manager Tom Lee lamented one that got away.``)."""
    if below.spans:
        return None
    first = SENTENCE_BREAK.split(collapse(below.text) + " ")[0].strip(SPACES)
    if first[-1:] not in ".!" or v.verb_re.search(first):
        return None  # "Y said the plan …": Y's own quotation follows, not this one's
    found = speaking(first, "named-below", v)
    return found if found is not None and found.subject.kind == "name" else None


def _heading(earlier: Chunk | None, previous: Chunk | None, v: Vocabulary) -> bool:
    """A name line, then a short line of a few words (``Ann Roe ⏎ BA Music``), over a
    quotation: a heading that names the speaker above it."""
    if earlier is None or previous is None or previous.spans:
        return False
    text = previous.text.strip(SPACES)
    short = len(text.split()) <= _HEADING_WORDS and text[-1:] not in ".!?:…"
    if not short or v.verb_re.search(text) or earlier.spans:
        return False
    line = earlier.text.strip(SPACES)  # a name the first-name list may not know ("Ayo Roe")
    name = parse_subject(line, v) if len(line.split()) <= _HEADING_WORDS else None
    return name is not None and name.kind == "name"


_HEADING_WORDS = 6
