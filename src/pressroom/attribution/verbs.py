"""Speech verbs in French and English, from the word lists a workspace can extend.

The list ``verbs.fr.txt`` (``pressroom.lexicon``) gives a French verb as ``présent |
participe`` and every form is made from it (``déclare``, ``déclarent``, ``a déclaré``,
``a-t-elle déclaré``, ``déclare-t-il``, ``s'est félicitée``…); ``verbs.en.txt`` gives
English forms as written. ``vocabulary.Vocabulary.verb_re`` is the compiled pattern.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pressroom.attribution.names import SP

_INVERSION = r"(?P<inv>-t[- ](?:il|elle|on)|-(?:il|elle|ils|elles|on))"  # "-t il": a hyphen lost
_AGREE = r"(?:e|s|es)?"


def _alternation(forms: set[str]) -> str:
    return "|".join(
        regex.escape(f).replace(r"\ ", SP + "+").replace("'", "['’]")
        for f in sorted(forms, key=len, reverse=True)
    )


# "a donc exhorté", "a aussi rappelé": an adverb between the auxiliary and the participle.
_ADVERB = (
    r"(?:donc|aussi|également|ensuite|encore|enfin|alors|notamment|déjà|bien|ainsi|pourtant|"
    r"toutefois|cependant|néanmoins|d['’]ailleurs|d['’]abord|aussitôt|longuement|"
    r"(?:lui|elle|eux)[ \u00a0]+aussi|pour[ \u00a0]+sa[ \u00a0]+part|"
    r"quant[ \u00a0]+à[ \u00a0]+(?:lui|elle)|de[ \u00a0]+son[ \u00a0]+côté)"
)


@lru_cache(maxsize=8)
def verb_pattern(
    french: tuple[str, ...], english_forms: tuple[str, ...], nouns: frozenset[str] = frozenset()
) -> str:
    """One regex alternation for every speech verb form of the lists' entries, French and
    English; a French inverted pronoun (``a-t-elle``, ``ajoute-t-il``) is captured as
    ``inv``."""
    presents: set[str] = set()
    participles: set[str] = set()
    reflexive_presents: set[str] = set()
    reflexive_participles: set[str] = set()
    plain: set[str] = set()
    for line in french:
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
    english = set(english_forms)
    # first-group verbs (déclare | déclaré): their infinitive and imperfect, for "déclarer
    # avec confiance :" and "expliquait que « … »"
    first_group = {p[:-1] for p in presents if p.endswith("e") and p[:-1] + "é" in participles}
    others = {f"{stem}er" for stem in first_group} - nouns  # not "conseiller", an office
    others |= {f"{stem}ait" for stem in first_group}
    others |= {f"{stem}aient" for stem in first_group}
    present_alt = _alternation(presents | others)
    aux = r"(?:a|ont|avait|avaient|aura)"
    forms = [
        rf"{aux}{_INVERSION}?{SP}+(?:{_ADVERB}{SP}+)?(?:{_alternation(participles)}){_AGREE}",
        rf"s['’](?:est|était){_INVERSION}?{SP}+(?:{_alternation(reflexive_participles)}){_AGREE}",
        rf"se{SP}+sont{SP}+(?:{_alternation(reflexive_participles)}){_AGREE}",
        rf"(?:se{SP}+|s['’])(?:{_alternation(reflexive_presents)})(?:nt)?{_INVERSION}?",
        rf"(?:{present_alt})(?:nt|ent)?{_INVERSION}?",
    ]
    phrases = [p.split(" ", 1) for p in presents if " " in p]  # "fait-il remarquer"
    if phrases:
        heads, tails = _alternation({h for h, _ in phrases}), _alternation({t for _, t in phrases})
        forms.append(rf"(?:{heads}){_INVERSION}{SP}+(?:{tails})")
    if plain:
        forms.append(_alternation(plain))
    forms.append(rf"(?:has|have|had){SP}+(?:{_alternation(english)})")
    forms.append(rf"(?:will|would){SP}+(?:{_alternation(english)})")  # "he will say"
    forms.append(_alternation(english))
    return "(?:" + "|".join(forms) + ")"
