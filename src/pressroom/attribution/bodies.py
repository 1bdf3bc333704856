"""The bodies a text names, as capitalised runs ending on a body's word (``Chelsea
Football Club``, ``Victoria Police``), so that a body that speaks as one (``the club
said``) is given its name when the text names one such body and no other."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from pressroom.attribution.names import INITIALS
from pressroom.attribution.speakers import DETERMINER
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy

__all__ = [
    "DEFINITE",
    "DOCUMENT_OF",
    "OWNER_OF",
    "QUOTED",
    "article_left",
    "body_named",
    "body_subject",
    "document_owner",
    "is_body_descriptor",
    "is_body_name",
    "is_document",
    "is_kind_only",
]

# A run of capitalised words, with the small words a body's name holds inside it.
_RUN = lazy(
    r"\b\p{Lu}[\p{L}'’\-]*(?:[ \u00a0]+(?:(?:of|for|and|the|de|du|des|et|la|le|d['’])"
    r"[ \u00a0]+)?\p{Lu}[\p{L}'’\-]*){1,5}"
)
QUOTED = lazy(r"[«“\"][^»”\"]*(?:[»”\"]|$)")
"""A quotation (or one left open to the end): blanked out, the text's own words remain."""
_ARTICLE = lazy(r"^(?:the|la|le|les|l['’])[ \u00a0]*", regex.I)


def body_named(descriptor: str, texts: Sequence[str], v: Vocabulary) -> str | None:
    """The one body the texts name whose name ends on the descriptor's body word (``the
    club`` -> ``Chelsea Football Club``), or whose initials an acronym spells (``the SMA``
    -> ``Saskatchewan Mining Association``); None when they name none or several."""
    letters = DEFINITE.sub("", descriptor).strip()
    if INITIALS.match(letters):  # "the SMA": the one body whose initials they are
        named = {body for body in _bodies(tuple(texts), v) if _initials(body) == letters}
        named = named or {n for text in texts if (n := _spelt_out(letters, text, v))}
        return named.pop() if len(named) == 1 else None
    words = [w.strip(".,").lower() for w in descriptor.replace("’", "'").split()]
    kinds = [i for i, w in enumerate(words) if w in v.body_words]
    if not kinds or any(w in v.role_words for w in words[: kinds[0]]):
        return None  # not "le président du Conseil": an office of the body, someone
    found = {
        body for body in _bodies(tuple(texts), v) if body.lower().split()[-1] == words[kinds[0]]
    }
    return found.pop() if len(found) == 1 else None


def _spelt_out(letters: str, text: str, v: Vocabulary) -> str | None:
    """The body's name a text writes before an acronym in brackets, whose initials it is:
    ``Le Service de police de la Ville de Québec (SPVQ)`` -> ``Service de police de la
    Ville de Québec`` (a word in lower case may be one of its initials, never its first);
    not an office's (``Regional Commissioner (RC)``), a name without a body's word."""
    at = text.find(f"({letters})")
    if at < 0:
        return None
    words = text[max(0, at - _SPELT_MAX) : at].split()
    for start in range(len(words) - 1, -1, -1):
        name = " ".join(words[start:])
        if words[start][:1].isupper() and _initials(name) == letters:
            named = {w.lower() for w in words[start:]}
            return name if named & v.body_words and not named & v.role_words else None
    return None


_SPELT_MAX = 100


def _initials(name: str) -> str:
    """``Saskatchewan Mining Association`` -> ``SMA``: the first letters of its words but
    the small ones (``Service de police de la Ville`` -> ``SPV``)."""
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL).upper()


_SMALL = frozenset("de du des la le les l' d' of the and et for pour à &".split())


def is_body_name(text: str, v: Vocabulary) -> bool:
    """``Kent County Council``, ``Cheshire Constabulary``: a capitalised run that ends on a
    body's word, a body's own name (it speaks as one, under that name)."""
    found = _RUN.fullmatch(text.strip())
    return found is not None and _ends_on_body(found.group(), v)


def body_subject(sentence: str, v: Vocabulary) -> str | None:
    """The body a sentence opens on as its subject, by its own name, before a verb in lower
    case (``New South Wales Police have issued a warning, …``); None otherwise."""
    found = _RUN.match(sentence)
    if found is None or not _ends_on_body(found.group(), v):
        return None
    rest = sentence[found.end() :]
    return found.group() if rest[:1] == " " and rest[1:2].islower() else None


def _ends_on_body(run: str, v: Vocabulary) -> bool:
    return run.split()[-1].lower() in v.body_words


@lru_cache(maxsize=16)
def _bodies(texts: tuple[str, ...], v: Vocabulary) -> frozenset[str]:
    """Every capitalised run of the texts that ends on a body's word (``Victoria
    Police``): a run that starts with one may go on into a person's name."""
    found: set[str] = set()
    for text in texts:
        for run in _RUN.finditer(QUOTED.sub(" ", text)):  # the text's words, not a speaker's
            name = _ARTICLE.sub("", run.group())
            if _ends_on_body(name, v):  # "Chelsea Football Club"
                found.add(name)
    return frozenset(found)


def article_left(preposition: str) -> str:
    """What a preposition leaves of its article before a speaker: ``du`` -> ``le``, ``de
    la`` -> ``la``, ``of the`` -> ``the`` (``Discours du préfet``, ``selon un communiqué du
    maire``); ``de``, ``of``: nothing."""
    key = " ".join(preposition.lower().replace("’", "'").split())
    return _ARTICLE_LEFT.get(key, "")


_ARTICLE_LEFT = {"du": "le ", "des": "les ", "de la": "la ", "de l'": "l'"}
_ARTICLE_LEFT |= {"of the": "the ", "from the": "the ", "by the": "the "}

OWNER_OF = (
    r"(?:de[ \u00a0]+la|de[ \u00a0]+l['’]|(?:of|from|by)[ \u00a0]+the|de|du|des|d['’]|of|from|by)"
)
"""The preposition between a document and whose it is (``un communiqué du maire``,
``a statement from the club``), with the article it takes."""

DOCUMENT_OF = lazy(
    r"^(?:(?:un|une|le|la|l['’]|the|a|an)[ \u00a0]*)?(?P<word>\p{L}+)[ \u00a0]+"
    rf"(?:\p{{Ll}}+[ \u00a0]+)?(?P<of>{OWNER_OF})[ \u00a0]*",  # "un communiqué commun de"
    regex.I,
)
"""A document and the preposition before its owner: ``selon un communiqué du``."""


def document_owner(descriptor: str, v: Vocabulary) -> str | None:
    """The body a document is said to be from (``un communiqué du gouvernement`` -> ``le
    gouvernement``, ``the statement from the club`` -> ``the club``, ``le communiqué de la
    CGT`` -> ``la CGT``), or None when it is a person's or no one's."""
    descriptor = descriptor.strip()
    found = DOCUMENT_OF.match(descriptor)
    if found is None or found["word"].lower().rstrip("s") not in v.document_words:
        return None
    named = descriptor[found.end() :]
    if not 1 < len(named) <= _OWNER_MAX or _OWNER_STOP.search(named):
        return None
    owner = article_left(found["of"]) + named
    if is_body_name(named, v) or is_body_descriptor(owner, v):
        return owner
    return None


_OWNER_MAX = 60
_OWNER_STOP = lazy(r"[,;:]")


def is_body_descriptor(descriptor: str, v: Vocabulary) -> bool:
    """A body that speaks as one, named with a definite article: ``la préfecture du Var``,
    ``the county council``, ``le Groupe hospitalier``, ``the CCN``."""
    found = DEFINITE.match(descriptor)
    if found is None:
        return False
    words = descriptor[found.end() :].replace("’", "'").split()
    head = [w.strip(".,").lower() for w in words[:3]]
    return any(w in v.body_words for w in head) or bool(words and INITIALS.match(words[0]))


DEFINITE = lazy(r"^(?:le|la|l['’]|les|the)\b", regex.I)
"""A definite article opening a descriptor (``la préfecture``, ``the club``)."""


def is_document(descriptor: str, v: Vocabulary) -> bool:
    """``the release``, ``le communiqué de la mairie``, ``the organization's website``: a
    document, not its author."""
    words = DETERMINER.sub("", descriptor).split()
    if len(words) > 1 and words[0].endswith(("'s", "’s")):
        words = words[1:]  # the owner's document
    return bool(words) and words[0].strip(".,").lower() in v.document_words


def is_kind_only(descriptor: str, v: Vocabulary) -> bool:
    """``the firm``, ``l'ASBL``: an article and a kind of body there are many of, alone;
    it stands for a body only where ``body_named`` finds the text names one of that kind."""
    found = DEFINITE.match(descriptor)
    rest = descriptor[found.end() :].strip(" .,") if found else ""
    return rest.replace("’", "'").lower() in v.body_kinds
