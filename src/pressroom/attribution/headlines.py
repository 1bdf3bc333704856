"""A run of capitalised words that is a headline in title case, not a person's name
(``Mayor Paul Roy To Visit Lyon``, ``Tourism Minister Wants Farmers to Get More``)."""

from __future__ import annotations

from pressroom.attribution.vocabulary import Vocabulary

__all__ = ["headline_word_at", "title_case"]


def headline_word_at(words: list[str], v: Vocabulary) -> int:
    """Where a run of capitalised words holds a headline's function word after its first
    (``Mayor Paul Roy To Visit Lyon``: 3, ``Food During Ceasefire In Gaza``: 1): the run is
    a headline in title case from there, no name; 0 when it holds none."""
    return next((i for i, w in enumerate(words) if i and w.lower() in v.headline_words), 0)


def title_case(text: str, v: Vocabulary) -> bool:
    """A line in title case (``Tourism Minister Wants Farmers to Get More Benefits``): its
    only lower-case words are function words, so capitals do not show names there (not
    ``Assam Chief Minister Himanta Biswa Sarma said on Wednesday``)."""
    tokens = text.split()
    if len(tokens) < _HEADLINE_MIN_WORDS or len(text) > _HEADLINE_MAX_CHARS:
        return False
    return not text.rstrip().endswith(".") and all(
        t[:1].isupper() or not t[:1].isalpha() or t.lower() in v.headline_words for t in tokens
    )


_HEADLINE_MIN_WORDS = 5
_HEADLINE_MAX_CHARS = 160
