"""Where a sentence ends in release text."""

from __future__ import annotations

import regex

from pressroom.text.spaces import collapse

# A sentence ends at . ! ? … before a capital, but not after an initial or an abbreviation
# (M. Renaud, Dr. Doe, Jane Q. Doe); the match is the space between the two sentences.
SENTENCE_END = regex.compile(
    r"(?<=[.!?…])(?<!(?:^|[\s(])\p{Lu}\.)"
    r"(?<!\b(?:M|MM|Mme|Mlle|Me|Dr|Pr|Mr|Mrs|Ms|St|Prof|Sen|Rep|Gov|Jr|Cllr|etc|av|apr|J\.-C)\.)"
    r"\s+(?=[\p{Lu}«“\"])"
)


def first_sentence(text: str) -> str:
    """The text's first sentence, its spaces collapsed; the whole text when it has one."""
    text = collapse(text)
    return SENTENCE_END.split(text, maxsplit=1)[0].strip() if text else ""
