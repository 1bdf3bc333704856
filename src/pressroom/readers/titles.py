"""What a title line of a scraped page looks like: page chrome (mastheads, site and section
names, image file names, labels, kickers) is told from a headline by its shape; which line
is the title is ``titlechoice``'s."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import regex

from pressroom.errors import RecordError
from pressroom.text.dates import WEEKDAY_NAMES, has_date, parse_date_line
from pressroom.text.patterns import lazy

TITLE_MAX_GUESS = 200
MAX_TITLE = 300  # the longest title a record takes
# How many lines from the top of a page a headline is looked for (also to replace one).
TOP_LINES = 24
# An update stamp, not the publication date: "Mis à jour le …", "Last updated …".
UPDATE_LINE = lazy(r"^(?:mise? à jour|modifié|updated|last updated)", regex.I)
# A byline under a title: "Par Léa Morel", "- By Tom Lee Political Editor", "- Léa Morel",
# "Par Léa MOREL | La Gazette", "By Jo Penn, Local Democracy Reporter, The Courier".
BYLINE = lazy(
    r"^(?:[-–—]\s*)?(?i:par|by)\s*:?\s+\p{Lu}[\p{L}'’ .|/-]{1,80}"
    r"(?:,\s*\p{Lu}[\p{L}'’ .|/-]{1,60}){0,3}$|"
    r"^[-–—]\s*\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$"
)
# A label or breadcrumb line that the title follows: "Communiqué de presse", "Press
# release", "Accueil / À la une", "Home > News".
LABEL = lazy(
    r"^(?:communiqués?(?: de presse| officiels?)?|(?:joint )?(?:press|news|media) "
    r"(?:release|statement)|for immediate release|(?:accueil|home)\s*[/>›»].*)$",
    regex.I,
)
# A publication's masthead or a site's name: "Scottish Daily Mail", "Aqui.fr",
# "European Commission - Daily News", "Toutes les Nouvelles (Vals)".
_MASTHEAD = lazy(
    r"^(?:[\p{L}'’&.-]+\s+){0,4}(?:news|times|post|mail|gazette|herald|tribune|journal|"
    r"magazine|nouvelles|today|info|actu)(?:\s*\([^)]*\))?$|"
    r"^[\p{L}\d-]+\.(?:fr|com|net|org|info|eu|be|ch|ca|uk|tv)$",
    regex.I,
)
_ODDS = lazy(  # image file names, addresses, telephone numbers
    r"\.(?:jpe?g|png|gif|webp)\)?$|@\S+\.\w+$|^https?://|^\+?[\d ().-]{8,}(?:\s*\(.*\))?$"
    # a reading time, a listing's page, a greeting, a byline's trade
    r"|\b\d+\s*min(?:ute)?s?\s+read$|\bpage\s+\d+\s+(?:of|sur)\s+\d+\b"
    r"|^welcome\s+to\b.{0,60}\b(?:website|site)$|\s(?:reporter|journalist|correspondent)\s+(?:from|for|at)\s",
    regex.I,
)
WEEKDAY = lazy(r"^(?:" + "|".join(WEEKDAY_NAMES) + r")\b", regex.I)
# A photo caption ends with its credit: "… at the opening. Picture: Supplied", "… © AFP",
# "… (photo Tania Feller)".
_CAPTION = lazy(
    r"(?:©|(?:\b|(?<=\p{Ll}))(?:photos?|pictures?|images?|crédits?(?: photo)?|credits?)\s*:)"
    r"\s*[^.!?:]{1,60}$|"
    r"\((?:photo|picture|crédit|credit)\b[^()]{1,60}\)$|"
    r"[.!?]\s*[—–-]\s*(?:file\s+)?(?:photos?|pictures?|images?)\b[^.!?:]{0,40}$",  # ".—File Photo"
    regex.I,
)
# A caption's sentence, then who took the picture: "Council mayor Richie Roe. Adam Lee",
# "… le dispositif vaudois. Keystone".
_CREDIT_END = lazy(
    r"(?:\S+\s+){2}\S*\p{L}\p{Ll}{4,}[.]\s+\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+){0,2}$"
)  # not "… hired at St. Olaf", "… SAFRON, Engr. Shaukatullah": an abbreviation's stop
# "… at the quay on Tuesday. Copyright Lindmouth Press"
_COPYRIGHT_CAPTION = lazy(r"[.!?]\s+copyright\s[^.!?:]{1,60}$", regex.I)
# A date the headline speaks of, not a stamp after it: "Weekly news: week of 20 June 2021".
# or the date of the event the headline names: "Minister Jane Doe opening the trade
# fair, 1 December 2026" (a stamp stands after a dash, a bar or "le").
HEADLINE_DATE = lazy(
    r"(?:\s(?:du|des|au|aux|of|from|for|since|until|till|depuis|on|by|before|after|avant|"
    r"après|jusqu['’]au)|(?<=\p{L})\sle)\s+(?:\p{L}+\s+)?\d[\w .,/-]*$|"
    r"^(?:\S+\s+){5,}\S+,\s+(?:\d{1,2}(?:er|st|nd|rd|th)?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2},?)"
    r"\s+\d{4}$|"
    r"^(?:le\s+)?\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}\s*:\s+\p{Lu}",  # "Le 20 mai 2022 : Lyon a dit oui"
    regex.I,
)
# A menu or list item: "• Subscribe to our newsletter".
BULLET = lazy(r"^(?:[•·▪◦‣*»›►▶▸●○■□✓✔→>]\s*|-\s+)")
# A byline or stamp that ends with its date: "Posted by Ann Lee on 3 May 2024".
_BYLINE_STAMP = lazy(
    r"^(?:posted|published|written|submitted|updated|issued|released|publié|mis à jour|par|by)\b",
    regex.I,
)
# A crawler's stamp left at the top: " date 2021-05".
CRAWLER = lazy(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\b\s*", regex.I)
_SITE_BYLINE = lazy(r"\|\s*(?:par|by)\s+\p{Lu}", regex.I)
_WORD = lazy(r"\p{L}{2}")
# A publication stamp's label left alone on its line: the headline is above it.
STAMP_LABEL = lazy(r"^(?:publiée?|published|posted|mise? à jour|updated)\b", regex.I)
# A word or two of page chrome: "spot_img", "Share", "10 am".
SHORT_CHROME = lazy(r"^\S+(?:\s\S+)?$")
# A paragraph of the body: the title is the last title-like line above the first one.
PARAGRAPH_MIN = 100
_QUOTED_SENTENCE = lazy(r"[.!?…]\s*[»”\"]$")  # a quotation's paragraph: « ….» / “….”
# A headline that gives a speaker, a colon and their words: 'Ann Roe : "On touche le fond !"'
_SPEAKER_HEADLINE = lazy(r"^[^.!?:«»“”\"]{3,60}[ \u00a0]:[ \u00a0]*[«“\"][^«»“”\"]{3,90}[»”\"]$")
_QA = lazy(r"^[QA][ \u00a0]?:[ \u00a0]")
_PHONE = lazy(r"\(\d{3}\)[ \u00a0]?\d{3}-\d{4}|\b9-1-1\b")  # a banner's phone number
_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def parse_or_none(text: str) -> bool:
    try:
        return parse_date_line(text, _UTC, 0) is not None
    except RecordError:
        return False


# A menu's links run together: a word's lower-case end glued to the next link's capital.
_GLUED = lazy(r"\p{Ll}{3}\p{Lu}")
_GLUED_LINKS = 3  # not "LinkedIn and YouTube", two brands


def is_candidate(text: str) -> bool:
    """Could this line be a title: not a site name, a one- or two-word label, a sentence,
    a lower-case leftover, an image file name, a dated header."""
    words = text.split()
    return not (  # the cheap tests first: most lines are paragraphs, too long
        len(words) <= 2
        or len(text) > TITLE_MAX_GUESS
        or (text[0].islower() and not text[1:2].isupper())  # not "eThekwini", "iPhone"
        or (text.endswith((":", ".")) and not text.endswith(".."))
        or text.count(" | ") >= 2  # "Site | Section | tagline"
        or " > " in text  # a breadcrumb: "Council > Newsroom"
        or " • " in text  # "Site • tagline"
        or " · " in text
        or " › " in text
        or (_QUOTED_SENTENCE.search(text) and not _SPEAKER_HEADLINE.match(text))
        or _PHONE.search(text)  # "IN CASE OF AN EMERGENCY DIAL 9-1-1 … (352) 249-2790"
        or (text[0] == "(" and text.endswith(")"))  # "(Health and Community Services)"
        or _SITE_BYLINE.search(text)  # "LEFASO.NET | Par Tiga Sawadogo"
        or sum(1 for w in words if _WORD.search(w)) < 2  # "0.5400 AUD +1.89%"
        or 2 * sum(1 for w in words if w[0] == "#") >= len(words)  # "#Soudan #Tchad #HCR"
        or _MASTHEAD.match(text)
        or sum(1 for w in words if _GLUED.search(w)) >= _GLUED_LINKS  # "Email this articleE-mail …"
        or _ODDS.search(text)
        or (has_date(text) and not HEADLINE_DATE.search(text))
        or BULLET.match(text)
        or _QA.match(text)  # "Q: What could possibly get them so riled up?"
        or _CAPTION.search(text)
        or _CREDIT_END.search(text)
        or (("opyright" in text or "OPYRIGHT" in text) and _COPYRIGHT_CAPTION.search(text))
        or _LISTING.search(text)  # "Posts tagged ‘b.c.’", "please visit kycovid19.ky.gov"
        or len(_DECIMAL.findall(text)) >= _DECIMALS  # "91.7 Ann Arbor 104.1 Grand Rapids …"
    )


_LISTING = lazy(
    r"^(?:posts?|articles?|entries|stories)\s+(?:tagged|filed\s+under)\b"
    r"|\bplease\s+visit\s+\S+\.(?:gov|com|org|net)\b|^click\s+here\b|^cliquez\s+ici\b",
    regex.I,
)
_DECIMAL = lazy(r"(?<![\d.])\d{1,3}\.\d(?![\d.])")
_DECIMALS = 3


def holds_event_date(text: str) -> bool:
    """A date the line speaks of, not a stamp: a headline's ("… open until 31 March 2025")
    or a paragraph's ("… a concert on Saturday 30 January 2010."). A short sentence ("Issued
    by the Office on 2 May 2024.") and a byline ("• Posted by Ann Lee on 3 May 2024") stamp."""
    if not HEADLINE_DATE.search(text):
        return False
    if _BYLINE_STAMP.match(BULLET.sub("", text, count=1)):
        return False
    return len(text) > TITLE_MAX_GUESS or not text.endswith(".")


def is_paragraph(text: str) -> bool:
    return len(text) >= PARAGRAPH_MIN and text.endswith((".", "!", "?", "»", "”", '"'))
