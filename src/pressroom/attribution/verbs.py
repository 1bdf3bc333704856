"""Speech verbs in French and English, from the lexicon files a user can extend.

``lexicons/verbs.fr.txt`` lists a French verb as ``présent | participe`` and every form is
made from it (``déclare``, ``déclarent``, ``a déclaré``, ``a-t-elle déclaré``,
``déclare-t-il``, ``s'est félicitée``…); ``lexicons/verbs.en.txt`` lists English forms as
written. ``PRESSROOM_LEXICONS`` may name a folder whose ``verbs.fr.txt`` / ``verbs.en.txt``
add to the packaged ones.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import regex

from pressroom.attribution.names import SP, lexicon

_INVERSION = r"(?P<inv>-t-(?:il|elle|on)|-(?:il|elle|ils|elles|on))"
_AGREE = r"(?:e|s|es)?"


def _extra(name: str) -> tuple[str, ...]:
    folder = os.environ.get("PRESSROOM_LEXICONS")
    if not folder:
        return ()
    path = Path(folder) / name
    try:
        text = path.read_text("utf-8")
    except OSError:
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip()[:1] not in ("", "#"))


def _alternation(forms: set[str]) -> str:
    return "|".join(
        regex.escape(f).replace(r"\ ", SP + "+").replace("'", "['’]")
        for f in sorted(forms, key=len, reverse=True)
    )


# "a donc exhorté", "a aussi rappelé": an adverb between the auxiliary and the participle.
_ADVERB = r"(?:donc|aussi|également|ensuite|encore|enfin|alors|notamment|déjà|bien|ainsi)"


@lru_cache(maxsize=1)
def verb_pattern() -> str:
    """One regex alternation for every speech verb form, French and English; a French
    inverted pronoun (``a-t-elle``, ``ajoute-t-il``) is captured as ``inv``."""
    presents: set[str] = set()
    participles: set[str] = set()
    reflexive_presents: set[str] = set()
    reflexive_participles: set[str] = set()
    plain: set[str] = set()
    for line in (*lexicon("verbs.fr.txt"), *_extra("verbs.fr.txt")):
        if "|" not in line:
            plain.add(line)
            continue
        present, participle = (part.strip() for part in line.split("|", 1))
        reflexive = regex.match(r"^(?:se\s+|s['’])", present)
        if reflexive:
            reflexive_presents.add(present[reflexive.end() :])
            reflexive_participles.add(participle)
        else:
            presents.add(present)
            participles.add(participle)
    english = {*lexicon("verbs.en.txt"), *_extra("verbs.en.txt")}
    present_alt = _alternation(presents)
    aux = r"(?:a|ont|avait|avaient|aura)"
    forms = [
        rf"{aux}{_INVERSION}?{SP}+(?:{_ADVERB}{SP}+)?(?:{_alternation(participles)}){_AGREE}",
        rf"s['’](?:est|était){_INVERSION}?{SP}+(?:{_alternation(reflexive_participles)}){_AGREE}",
        rf"se{SP}+sont{SP}+(?:{_alternation(reflexive_participles)}){_AGREE}",
        rf"(?:se{SP}+|s['’])(?:{_alternation(reflexive_presents)})(?:nt)?{_INVERSION}?",
        rf"(?:{present_alt})(?:nt|ent)?{_INVERSION}?",
    ]
    if plain:
        forms.append(_alternation(plain))
    forms.append(rf"(?:has|have|had){SP}+(?:{_alternation(english)})")
    forms.append(_alternation(english))
    return "(?:" + "|".join(forms) + ")"


@lru_cache(maxsize=1)
def verb_re() -> regex.Pattern[str]:
    """A speech verb as a whole word."""
    return regex.compile(rf"(?<![\p{{L}}\-])(?P<verb>{verb_pattern()})(?![\p{{L}}])")
