"""Direct quotations and who said them, in French and English press style.

Attribution is found before the quote (``X, rôle, affirme :`` on the line above,
``Pour X, « … »``, ``Selon X : « … »``) or after it (``», a déclaré X, rôle.``,
``» souligne X``, ``," said X, role.``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pressroom.model import Quote
from pressroom.text.spaces import collapse

SPACES = " \t\u00a0\u202f\u2009"
_WORD = r"\p{Lu}[\p{L}'’\-]*\.?"
_PARTICLE = r"(?:de|du|des|von|van|der|den|di|da|del|la|le|el|al|ben|bin|y)"
NAME = rf"{_WORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+|d[’'][ \u00a0]*)?{_WORD}){{1,3}}"
_NAME_RE = regex.compile(NAME)
_VERBS = (
    "a déclaré|a affirmé|a souligné|a indiqué|a expliqué|a ajouté|a précisé|a rappelé|"
    "a confié|a estimé|a insisté|a assuré|a conclu|a salué|a commenté|a résumé|a martelé|"
    "déclare|affirme|souligne|explique|ajoute|précise|indique|rappelle|confie|estime|"
    "insiste|assure|conclut|salue|commente|résume|note|martèle|se réjouit|poursuit|"
    "said|says|added|adds|explained|explains|noted|notes|stated|states|commented|"
    "comments|remarked|concluded|continued|underlined|stressed|insisted"
)
_ROLE_AFTER = r"(?:[ \u00a0]*,[ \u00a0]*(?P<role>[^.;!?«»“”\"]+))?"
_AFTER_VERB_FIRST = regex.compile(rf"^[\s,]*(?:{_VERBS})[ \u00a0]+(?P<name>{NAME}){_ROLE_AFTER}")
_AFTER_NAME_FIRST = regex.compile(rf"^[\s,]*(?P<name>{NAME})[ \u00a0]+(?:{_VERBS})\b{_ROLE_AFTER}")
_LEAD_IN = regex.compile(
    r"^(?:pour|selon|d['’]après|according to|for|as|de son côté|pour sa part|quant à lui|"
    r"quant à elle|enfin|ainsi)[ \u00a0,]+",
    regex.IGNORECASE,
)
_ARTICLE = regex.compile(r"^(?:le|la|les|l['’]|the|our|notre)[ \u00a0]*", regex.IGNORECASE)
_SPAN = regex.compile(r"«(?P<g>[^«»]*)»|“(?P<c>[^“”]*)”|\"(?P<s>[^\"\n]*)\"")
_OPENERS = "«“"
MIN_WORDS_ATTRIBUTED = 3
MIN_WORDS_ALONE = 6
MAX_ROLE = 140
JOIN_LIMIT = 4


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True)
class Unclosed:
    """A quotation mark opened at ``line`` and never closed."""

    line: int
    mark: str


def extract_quotes(
    paragraphs: Sequence[Paragraph],
) -> tuple[tuple[Quote, ...], tuple[Unclosed, ...]]:
    """Every direct quote in reading order, with its speaker and role when stated."""
    quotes: list[Quote] = []
    unclosed: list[Unclosed] = []
    index = 0
    while index < len(paragraphs):
        para = paragraphs[index]
        text, used = para.text, 1
        while _is_unclosed(text) and used <= JOIN_LIMIT and index + used < len(paragraphs):
            text = f"{text} {paragraphs[index + used].text}"
            used += 1
        if _is_unclosed(text):
            unclosed.append(Unclosed(para.line, _first_unclosed_mark(para.text)))
            used = 1
            text = para.text
        previous = paragraphs[index - 1].text if index else ""
        quotes.extend(_quotes_in(text, para.line, previous))
        index += used
    return tuple(quotes), tuple(unclosed)


def _is_unclosed(text: str) -> bool:
    return text.count("«") > text.count("»") or text.count("“") > text.count("”")


def _first_unclosed_mark(text: str) -> str:
    return "«" if text.count("«") > text.count("»") else "“"


def _quotes_in(text: str, line: int, previous: str) -> list[Quote]:
    found: list[Quote] = []
    for span in _SPAN.finditer(text):
        inner = next(g for g in span.groups() if g is not None)
        inner = inner.strip(SPACES).rstrip(",").strip(SPACES)
        words = len(inner.split())
        before, after = text[: span.start()], text[span.end() :]
        speaker, role = _attribution_after(after)
        if speaker is None:
            speaker, role = _attribution_before(before)
        if speaker is None and not before.strip(SPACES) and previous.rstrip(SPACES).endswith(":"):
            speaker, role = _attribution_clause(previous.rstrip(SPACES)[:-1])
        stands_alone = len(inner) >= 0.6 * len(text.strip(SPACES))
        if speaker is None and found and stands_alone and found[-1].speaker:
            speaker, role = found[-1].speaker, found[-1].role  # a quote continued after a break
        if (speaker and words >= MIN_WORDS_ATTRIBUTED) or (
            stands_alone and words >= MIN_WORDS_ALONE
        ):
            found.append(Quote(text=inner, speaker=speaker, role=role, line=line))
    return found


def _attribution_after(after: str) -> tuple[str | None, str | None]:
    for pattern in (_AFTER_VERB_FIRST, _AFTER_NAME_FIRST):
        match = pattern.match(after)
        if match:
            return _clean_name(match["name"]), _clean_role(match["role"])
    return None, None


def _attribution_before(before: str) -> tuple[str | None, str | None]:
    clause = before.rstrip(SPACES + ",:")
    if not clause or not _LEAD_IN.match(clause.split(",")[0].strip(SPACES) + " "):
        # "Fabrice Pannekoucke, président, affirme : « … »" on the same line
        if before.rstrip(SPACES).endswith(":"):
            return _attribution_clause(clause)
        return None, None
    return _attribution_clause(clause, lead_in=True)


def _attribution_clause(clause: str, lead_in: bool = False) -> tuple[str | None, str | None]:
    """Name and role from ``Le président de la région, Fabrice Pannekoucke, affirme``."""
    sentence = regex.split(r"(?<=[.!?])\s+", clause.strip(SPACES))[-1]
    segments = [seg.strip(SPACES) for seg in sentence.split(",")]
    segments = [_LEAD_IN.sub("", seg) for seg in segments]
    lead_in = lead_in or bool(_LEAD_IN.match(sentence))
    for position, segment in enumerate(segments):
        match = _NAME_RE.match(segment)
        if not match:
            continue
        rest = segment[match.end() :].strip(SPACES)
        if rest and not rest[0].islower():
            continue
        name = _clean_name(match.group())
        has_next = position + 1 < len(segments)
        next_is_role = has_next and (position + 2 < len(segments) or lead_in) and not rest
        if next_is_role:
            return name, _clean_role(segments[position + 1])
        if position and _ARTICLE.match(segments[position - 1]):
            return name, _clean_role(_ARTICLE.sub("", segments[position - 1]))
        return name, None
    return None, None


def _clean_name(name: str) -> str:
    return collapse(name)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = collapse(role.strip(SPACES + ".,:;"))
    if not role or len(role) > MAX_ROLE:
        return None
    return role


def opens_quote(text: str) -> bool:
    """Whether a paragraph begins with an opening quotation mark (a quote block)."""
    return bool(text) and (text[0] in _OPENERS or text[0] == '"')
