"""Cues before a quotation, in its own paragraph: ``X, role, said: "…"``, ``Pour X,
« … »``, ``X a assuré qu'« … »``, ``X, rectrice, pour qui « … »``, ``Mr Smith said that,
…, which "…"`` (reported speech), ``Jane Doe says … . "…"``, ``X : « … »``."""

from __future__ import annotations

import regex

from pressroom.attribution.bodies import article_left, body_subject, is_body_name
from pressroom.attribution.clauses import past_clauses, past_opening
from pressroom.attribution.inversion import (
    AS_SAID,
    as_said,
    before_circumstance,
    pronoun_subject,
    verb_first,
)
from pressroom.attribution.joint import joint, plural_verb
from pressroom.attribution.mentions import mentions
from pressroom.attribution.names import ABBREVIATIONS, NOT_FIRST, PRONOUNS, strip_title
from pressroom.attribution.nearby import DEMONSTRATIVE, lead_in, named_before
from pressroom.attribution.persons import name_in_capitals, person_like
from pressroom.attribution.quotemarks import SPACES
from pressroom.attribution.resolve import Cue
from pressroom.attribution.speakers import Subject, cut_subject, parse_subject
from pressroom.attribution.statements import STATEMENT_FROM
from pressroom.attribution.subject_kinds import Surname
from pressroom.attribution.subjects import (
    SUBJECT_PRONOUN,
    office_subject,
    personal_subject,
    speaking_subject,
)
from pressroom.attribution.vocabulary import Vocabulary
from pressroom.text.patterns import lazy
from pressroom.text.spaces import collapse

_LEAD_IN = lazy(
    r"^(?:pour|selon|d['’]après|according\s+to|for|(?:c['’]est\s+)?au\s+tour\s+de)"
    r"\s+(?P<who>[^,:]{2,80}?)\s*(?:,|:|$)",
    regex.I,
)
_LEAD_IN_END = lazy(
    r"[,;]\s+(?:selon|d['’]après|according\s+to)\s+(?P<who>[^,:;«»“”\"]{2,60}"
    r"(?:,\s*[^,:;«»“”\"]{2,60})?)\s*,?$",
    regex.I,
)
SENTENCE_BREAK = lazy(
    rf"(?<!\b(?:\p{{Lu}}|{ABBREVIATIONS}|M))"
    r"[.!?…]+[\"”»]?\s+(?=[\p{Lu}«“\"])|(?<=[\p{Ll}\d])\.(?=\p{Lu}\p{Ll})"
)
_RELATIVE = lazy(
    r"(?:,[ \u00a0]*|[ \u00a0])(?P<who>(?:pour[ \u00a0]+qui|selon[ \u00a0]+qui|"
    r"pour[ \u00a0]+lequel|pour[ \u00a0]+laquelle|for[ \u00a0]+whom|qui|who))\b"
    r"(?P<rest>(?:[ \u00a0]+[\p{Ll}'’\-]+){0,4}?(?:[ \u00a0]+(?:que|qu['’]|that))?)[ \u00a0]*$",
    regex.I,
)
_WITH = lazy(r"^(?:with|and)\s+", regex.I)
# An opening clause with no comma, then the pronoun that is the sentence's subject.
_CLAUSE_THEN_PRONOUN = lazy(
    r"^(?:when|after|as|once|quand|lorsque|lorsqu['’]|après)\s.*\s(?P<pronoun>he|she|il|elle)$",
    regex.I,
)
_WHILE = lazy(r"^(?:while|and|but|as|whereas|et|mais|alors\s+que|tandis\s+que)\s+", regex.I)
_NAMING = lazy(
    r"\b(?:called|dubbed|described|termed|labelled|labeled|branded|according|qualifié|"
    r"qualifiée|appelé|appelée|surnommé|baptisé|décrit|selon|d['’]après)\b",
    regex.I,
)
_LIKE_NAME = lazy(
    r"(?:à[ \u00a0]+l['’]image[ \u00a0]+d[e'’]|à[ \u00a0]+l['’]instar[ \u00a0]+d[e'’]|"
    r"comme|such[ \u00a0]+as|like)[ \u00a0]*(?P<who>\p{Lu}[^,;:.]{2,60})$",
    regex.I,
)
# An adverb between a sentence's subject and its verb: "He also said", "He further said,",
# "She quickly added", "Elle aussi a ajouté".
_BETWEEN = (
    r"(?:also|then|too|later|further|again|subsequently|however|"
    r"aussi|ensuite|alors|encore|également|\p{Ll}{3,}ly)"
)
# What ends a subject's words before its verb and is no part of them: that adverb, the
# "de" of "Et X d'ajouter :", the "s'est" of "Le président, X, s'est dit confiant :".
_SUBJECT_TAIL = lazy(rf"[ \u00a0]+{_BETWEEN}$|[ \u00a0,]+(?:de|d['’]|s['’]est|se sont)$", regex.I)
ACCORDING_TO_HIM = lazy(r"\b(?:selon|d['’]après)\s+(?P<pronoun>lui|elle)\b", regex.I)
LIVE_STAMP = lazy(r"^(?:\d{1,2}[h:.]\d{2}|\d{1,2}\s*(?:am|pm))\s*[-–—:]?\s*", regex.I)
_REPORTED = lazy(r"(?:\bque|\bqu['’]|\bthat)\s*$", regex.I)
_LABEL_DASH = lazy(r"[ \u00a0]+[-–—][ \u00a0]*$")
_SUBJECT_BREAK = lazy(r"[;:]|\s[–—-](?:\s|,)")
_TO_SPLIT = lazy(r"\s+(?:à|to)\s+")
REPORTED_WORDS = 6
_AFTER_ACCORDING = 3
# Words between an office and its verb: "le président du Conseil départemental rappelle".
_OFFICE_TO_VERB_WORDS = 2
# A name and a verb the lists do not know, then a comma and the quotation, at most.
_SHORT_OPENING_WORDS = 6


def _relative_speaker(body: str, v: Vocabulary) -> Cue | None:
    """``X, recteur, pour qui « … »``, ``M. Roy, qui estime que « … »``, ``Tom Lee, who
    said that "…"``: the person the relative clause is about, named just before it."""
    found = _RELATIVE.search(body)
    if found is None:
        return None
    said = v.verb_re.search(found["rest"])
    if not said and (found["rest"].strip() or found["who"].lower() in ("qui", "who")):
        return None  # "Paul Roy qui « … »", "qui vient « … »": no one says it
    named = mentions(body[: found.start()], v)
    if not named or body[named[-1][0] : found.start()].count(",") > 2:
        return None
    person = named[-1][1]
    return Cue(Subject("name", person.name, person.role, person.gender), "lead-in")


def before_cue(before: str, v: Vocabulary) -> Cue | None:
    sentences = SENTENCE_BREAK.split(collapse(before) + " ")
    clause = sentences[-1].strip(SPACES) if sentences else ""
    if not clause:
        return sentence_before(sentences[-2], v) if len(sentences) > 1 else None
    clause = _LABEL_DASH.sub(":", clause)  # "Quote from Cllr Ann Lee, Leader - “…”"
    ending = clause[-1]
    if ending in ".!?…":  # "Jane Doe says the way we live has changed. "…"" (same paragraph)
        sentence = sentence_before(clause, v)
        if sentence is not None:
            return sentence
        named = named_before(clause, v)
        if named is not None:
            return Cue(named, "named-before")
    body = AS_SAID.sub(as_said, clause.rstrip(SPACES + ":,").strip(SPACES))  # "Comme l'a dit X,"
    if (first := verb_first(body, v)) is not None:  # "Said Christine, “…”"
        return Cue(first, "before-verb")
    according = ACCORDING_TO_HIM.search(body)
    if (
        according
        and (
            according.end() >= len(body) - 1
            # "… s'explique selon lui par « … »": nothing but a few words after it, no one named
            or (len(body[according.end() :].split()) <= _AFTER_ACCORDING and not mentions(body, v))
        )
    ):
        return Cue(pronoun_subject("-" + according["pronoun"].lower()), "lead-in")
    lead = _LEAD_IN.match(body) or _LEAD_IN_END.search(body)  # "…, selon le syndic, X, « … »"
    subject = lead_in(body, lead, v) if lead else None
    if subject and (lead.start() == 0 or subject.kind == "name"):  # not "…, selon les chiffres"
        return Cue(subject, "lead-in")
    relative = _relative_speaker(body, v)
    if relative is not None:
        return relative
    verbs = list(v.verb_re.finditer(body))
    if verbs and joint(body[: verbs[-1].start()], v):
        return None  # "James Lopez, et le ministre Luc Blanchette étaient fiers d'annoncer"
    if verbs:
        verb = verbs[-1]
        trailing = body[verb.end() :].strip(SPACES)
        if verb["inv"] and len(trailing) < 30:
            return Cue(pronoun_subject(verb["inv"]), "before-verb")
        pieces = _SUBJECT_BREAK.split(body[: verb.start()])
        subject_text = pieces[-1]
        if len(pieces) > 1 and len(subject_text.split(",")[0].split()) < 2:
            subject_text = ""  # "Director: Research, extended": no subject after the colon
        last_segment = subject_text.split(",")[-1].strip(SPACES + '”»"’')  # '“…,” he said'
        last_segment = _SUBJECT_TAIL.sub("", last_segment)
        if last_segment.lower() in PRONOUNS or trailing[:1] == ",":
            subject_text = last_segment  # "However, he said", "The theme, Jani said, was"
        subject_text = past_clauses(subject_text, body[: verb.start()].strip(SPACES), v)
        subject_text = _SUBJECT_TAIL.sub("", subject_text.strip(SPACES))  # "PM also stated:"
        subject = parse_subject(v.adverbs.sub("", subject_text), v, before_verb=True)
        lead = subject_text.strip(SPACES + ",")
        if (subject is None or subject.kind == "descriptor") and ending in ":," and lead:
            # "Le chef de Québec Forte et Fière Bruno Marchand a publié …, déclarer :" (not
            # "», explique X, président du Kourou FC, … :": the subject after the verb)
            spoken = speaking(body, "before-verb", v)
            if spoken is not None:
                return spoken
        if subject is None and len(trailing) < 80 and not _TOLD.fullmatch(verb.group()):
            # "», a déclaré X", not "told the Council": who is told does not speak
            subject = parse_subject(cut_subject(v.adverbs.sub("", trailing)), v)
        if subject is None and is_body_name(subject_text, v):  # "Kent County Council said:"
            subject = Subject("descriptor", subject_text.strip(SPACES))
        if (
            subject is not None
            and (ending in ":," or len(trailing) < 40)
            and not _NAMING.search(trailing)
        ):
            if subject.kind in ("name", "surname") and plural_verb(body, verb, v):
                return None  # "Kerala, Tamil Nadu … say, “…”": several speak together
            return Cue(subject, "before-verb")
    if not verbs and ending not in ":,;" and len(body.split()) <= _BARE_NAME_WORDS:
        bare = parse_subject(body, v)  # 'Marcel Bodelot “Fontoy, c'est mon club”' (a headline)
        if (
            bare is not None
            and bare.kind == "name"
            and " " in bare.text
            and strip_title(body, v)[0] == bare.text  # "Dr Keith Swanick “…”"
        ):
            return Cue(bare, "before-colon")
    if ending == ":":
        # a label before the speaker: "Discours du préfet :" -> "le préfet"
        label = STATEMENT_FROM.sub(lambda found: article_left(found.group().split()[-1]), body)
        label = _PICTURED.sub("", name_in_capitals(label))  # "ANN ROE (ci-dessus), … :"
        label = _TO_SPLIT.split(LIVE_STAMP.sub("", label))[0]  # "00h54 - Parisse :"
        label = _IN_BRACKETS.sub(_bracketed, label)  # "Ann Roe (entraîneure) :"
        subject = None
        if not verbs:  # "Jean-Luc Tartarin au Havre :", not "Chairman of the Committee, Dr X:"
            subject = parse_subject(before_circumstance(label), v, before_verb=False)
            subject = subject or parse_subject(label, v, before_verb=False)
        if subject is not None and subject.kind in ("name", "surname"):
            return Cue(subject, "before-colon")
        if subject is not None and subject.kind == "descriptor" and label != body:
            return Cue(subject, "before-colon")  # "Discours du Préfet :": the office speaks
        example = _LIKE_NAME.search(body)  # "…, à l'image de Maxime Médard :"
        if example is not None:
            named = parse_subject(example["who"], v)
            if named is not None and named.kind == "name":
                return Cue(named, "before-colon")
        if not verbs:  # "Berger de père en fils, Alain Bouvier a pris la parole :"
            pronoun = personal_subject(body)  # "Il marque un silence, puis s'adresse à eux :"
            return (
                speaking(body, "before-colon", v)
                or _office_before_colon(body, v)
                or (Cue(pronoun_subject("-" + pronoun), "before-colon") if pronoun else None)
            )
    if ending == "," and not verbs and len(body.split()) <= _SHORT_OPENING_WORDS:
        opening = speaking(body, "before-verb", v)  # "Cllr Ann Lumley opened with, “…”"
        return opening if opening and opening.subject.kind == "name" else None
    if verbs and (ending in ":," or _REPORTED.search(body)):
        # "X, role, highlighted the benefits, saying, “…”", "X a assuré qu’« … »"
        return (
            speaking(body, "before-verb", v, bodies=True)
            or _just_before(body, verbs[-1], v)
            or _pronoun_after_clause(body, v)
        )
    if verbs and verbs[-1].end() == len(body):
        # "Roe denied it, insisting “…”", "Roe praised the team but said “…”": reported
        # words, unless too short to be more than a term ("a tenu à saluer « l'esprit »")
        written = _WRITTEN_BY.search(body, 0, verbs[-1].start())
        if written and written["document"].lower() in v.document_words:
            return None  # "Council received a petition that stated “…”": the petition's
        return speaking(body, "reported", v)
    return _reported_speech(body, verbs, v) if len(verbs) == 1 else None


_BARE_NAME_WORDS = 4
_TOLD = lazy(r"(?:has\s+|had\s+|will\s+|would\s+)?(?:told|tells|tell)", regex.I)
# Where a caption's person stands in the picture: "(ci-dessus)", "(à gauche)", "(pictured)".
_PICTURED = lazy(
    r"\s*\((?:ci-dessus|ci-contre|à gauche|à droite|au centre|above|left|right|pictured)\)", regex.I
)


# A document right before the verb that says what it holds: "a petition that stated".
_WRITTEN_BY = lazy(r"\b(?P<document>\p{L}+)[ \u00a0]+(?:that|which|qui)[ \u00a0]+$")
# Words in brackets that end a label before its colon: "Raul Gonzalez (entraîneur du PSG) :",
# "Jane Roe (Head of Communications, Acme):", "Walid Regragui (Maroc) :".
_IN_BRACKETS = lazy(r"(?<=\p{L})[ \u00a0]*\((?P<words>[^()]{2,120})\)[ \u00a0]*$")
_LOWER_WORD = lazy(r"(?<![\p{L}'’])\p{Ll}")


def _bracketed(found: regex.Match[str]) -> str:
    """A role, when a word in lower case shows one; else a country, a club or an acronym,
    which is no role and is left out."""
    return f", {found['words']}" if _LOWER_WORD.search(found["words"]) else ""


def subject_speaks(before: str, v: Vocabulary) -> Cue | None:
    """``Cllr Ann Lee thanked the staff for "a most excellent budget"``: words quoted in
    a sentence whose subject is the one person it names are that person's (when nothing
    else says whose they are)."""
    sentences = SENTENCE_BREAK.split(collapse(before) + " ")
    body = sentences[-1].strip(SPACES) if sentences else ""
    if not body or body[-1] in ".!?…":
        return None
    named = {p.name for _, p in mentions(body, v)}
    pronoun = SUBJECT_PRONOUN.match(body)
    if pronoun is not None and not named and v.verb_re.match(body, _says_at(body, pronoun.end())):
        # "He said that the players' passion is a “superb record of …”"
        return Cue(pronoun_subject("-" + pronoun["pronoun"].lower()), "reported")
    if _NAMING.search(body) or len(named) > 1:
        return None
    cue = speaking(body, "reported", v, bodies=True)
    if cue is not None and cue.subject.kind == "descriptor":
        # "Cheshire Constabulary has advised us its week was "a great success …"", not
        # "Le Groupe … a envoyé dix hommes pour « mener … »": a body's words need a verb
        return cue if v.verb_re.search(body) else None
    if cue is None or cue.subject.kind != "name" or cue.subject.text not in named:
        return None
    return cue if person_like(cue.subject.text) else None


_THEN = lazy(rf"[\s\u00a0]+(?:{_BETWEEN}[\s\u00a0]+)?")


def _says_at(body: str, at: int) -> int:
    """Where the verb after a sentence's pronoun (ending at ``at``) would start."""
    found = _THEN.match(body, at)
    return found.end() if found else at


def _office_before_colon(body: str, v: Vocabulary) -> Cue | None:
    """``Devant les caméras, notre président donne le ton :``: the office the sentence is
    about, resolved as a descriptor to the person who holds it (never as written: no
    speech verb says the office speaks, ``resolve``)."""
    office = office_subject(body, v)
    return Cue(Subject("descriptor", str(office)), "office-colon") if office else None


def _just_before(body: str, verb: regex.Match[str], v: Vocabulary) -> Cue | None:
    """``Interrogé sur …, celui-ci a indiqué que « … »``, ``In it, he said:``: a pronoun or
    a demonstrative right before the verb, past an opening clause."""
    segment = _after_clause(body[: verb.start()].split(",")[-1].strip(SPACES))
    if DEMONSTRATIVE.fullmatch(segment):
        return Cue(Subject("descriptor", segment), "before-verb")
    subject = parse_subject(segment, v, before_verb=True)
    if subject and subject.kind == "pronoun":
        return Cue(subject, "before-verb")
    if subject and subject.kind == "descriptor" and v.office_subject.fullmatch(segment):
        return Cue(subject, "before-verb")  # "Évoquant …, le bourgmestre a rappelé que « … »"
    if verb.group().lower().endswith("ing") and _WITH.match(segment):
        # "…, with Cllr Ann Lee saying: "…"": the participle's subject speaks
        named = parse_subject(_WITH.sub("", segment), v)
        return Cue(named, "before-verb") if named and named.kind == "name" else None
    return None


def _pronoun_after_clause(body: str, v: Vocabulary) -> Cue | None:
    """``Speaking in May, he said he wanted to stay, adding:``: the pronoun that opens the
    sentence past its opening clause, with its speech verb, is the subject."""
    body = past_opening(body).lstrip(SPACES)
    pronoun = SUBJECT_PRONOUN.match(body)
    if pronoun is None or not v.verb_re.match(body, _says_at(body, pronoun.end() + 1)):
        return None
    return Cue(pronoun_subject("-" + pronoun["pronoun"].lower()), "before-verb")


def _after_clause(segment: str) -> str:
    """``When the award was made to Councillor Kelly he``: the pronoun after an opening
    clause written without its comma is the subject."""
    found = _CLAUSE_THEN_PRONOUN.search(segment)
    return found["pronoun"] if found else segment


def _reported_speech(body: str, verbs: list[regex.Match[str]], v: Vocabulary) -> Cue | None:
    """``Mr Smith said that, in total, farmers would get €1.5bn, which "…"``: the one
    speech verb of the sentence has a person for subject, and no one else is named after
    it, so the words the sentence ends on are that person's."""
    verb = verbs[0]
    said = body[verb.end() :]
    if verb["inv"] or len(said.split()) < 2 or mentions(said, v) or _NAMING.search(said):
        return None  # "Mr Smith said the union had called it "…"": the union's words
    segment = _after_clause(_WHILE.sub("", body[: verb.start()].split(",")[-1].strip(SPACES)))
    subject = parse_subject(segment, v, before_verb=True)
    if subject is None or (subject.kind != "pronoun" and subject.text.lower() in NOT_FIRST):
        return None
    if subject.kind == "descriptor" and v.office_subject.fullmatch(segment):
        return Cue(subject, "reported")  # "…, le bourgmestre a insisté sur « … »"
    return Cue(subject, "reported") if subject.kind in ("name", "surname", "pronoun") else None


def speaking(sentence: str, cue: str, v: Vocabulary, *, bodies: bool = False) -> Cue | None:
    """The person a sentence with a speech verb is about, as a cue; with ``bodies``, also a
    body by its own name (only where the speech verb is in the sentence that quotes)."""
    person = speaking_subject(sentence, v)
    if isinstance(person, Surname):
        return Cue(Subject("surname", str(person)), cue)
    if person is not None:
        return Cue(Subject("name", person.name, person.role, person.gender), cue)
    body = body_subject(sentence.strip(SPACES), v) if bodies else None
    return Cue(Subject("descriptor", body), cue) if body else None  # "Victoria Police urged"


def sentence_before(sentence: str, v: Vocabulary) -> Cue | None:
    """``Jane Doe says the way we live has changed. "…"``: a quotation that opens a sentence
    right after one whose subject is a person speaking."""
    verb = v.verb_re.search(sentence)
    if verb is None or verb["inv"] or joint(sentence[: verb.start()], v):
        return None
    head = _SUBJECT_TAIL.sub("", sentence[: verb.start()].strip(SPACES))  # "He also urged"
    subject = parse_subject(head, v, before_verb=True)
    if subject is None and "," in head:  # "Describing the killers as “scumbags,” he said"
        subject = parse_subject(head.rsplit(",", 1)[1].strip(SPACES + '”»"’'), v)
        if subject is None and not head.rsplit(",", 1)[1].strip(SPACES):
            # "C'est une course contre la montre, avertit le Dr Ann Roe, directrice …."
            after = parse_subject(cut_subject(sentence[verb.end() :]), v)
            subject = after if after is not None and after.kind == "name" else None
    if subject is None or subject.kind not in ("name", "surname", "pronoun"):
        office = office_subject(sentence, v)  # "Dans son discours, le président rappelle …"
        if office is None:
            return None
        end = sentence.find(office) + len(office)
        said = v.verb_re.search(sentence, end)
        between = sentence[end : said.start()] if said else ","
        if "," in between or len(between.split()) > _OFFICE_TO_VERB_WORDS:
            return None
        return Cue(Subject("descriptor", str(office)), "before-verb")
    return Cue(subject, "before-verb")
