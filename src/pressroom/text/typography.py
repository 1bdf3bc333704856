"""French spacing for release text in French outputs, as pressroom's own words have it.

A narrow no-break space (U+202F) before ``;`` ``!`` ``?`` and inside « », a no-break space
(U+00A0) before ``:``: so that « never ends a line alone and ``!`` never starts one.
English text is left as written.
"""

from __future__ import annotations

import regex

NNBSP = "\u202f"
NBSP = "\u00a0"
_BEFORE_TIGHT = regex.compile(
    r"(?<=[\p{L}\p{N}\p{Pe}»”'’…])[ \u00a0\u202f]?([;!?]+)(?=\s|$|[»”)\]])"
)
_BEFORE_COLON = regex.compile(r"(?<=[\p{L}\p{N}\p{Pe}»”'’…])[ \u00a0\u202f]?:(?=\s|$)")
_OPEN = regex.compile(r"«[ \u00a0\u202f]*")
_CLOSE = regex.compile(r"[ \u00a0\u202f]*»")


def french_spacing(text: str) -> str:
    """The text with French spacing around ; ! ? : and inside « »."""
    if not text:
        return text
    if "«" in text or "»" in text:  # first: a space they add may be what ':' needs after it
        text = _OPEN.sub("«" + NNBSP, text)
        text = _CLOSE.sub(NNBSP + "»", text)
    text = _BEFORE_TIGHT.sub(lambda m: NNBSP + m.group(1), text)
    return _BEFORE_COLON.sub(NBSP + ":", text)


def typeset(text: str, lang: str) -> str:
    """French spacing for French text; any other language as written."""
    return french_spacing(text) if lang == "fr" else text
