"""The digest's colours in dark mode, derived from the brand colour.

A brand colour chosen for white cards is often too dark to read on dark ones (#0b5ea8 is
2.5:1 on #1e1f23): dark mode lightens it, keeping its hue and chroma (in OKLCh, with
coloraide), until it reaches WCAG's 4.5:1 on the dark card, so that two brands keep two
looks in dark mode rather than one fixed blue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

CARD_DARK = "#1e1f23"
"""The cards' background in dark mode (style.mjml.j2): what the brand colour is read on."""
PAGE_DARK = "#121316"
"""The page around the cards in dark mode; also the text on the dark-mode button."""
MIN_CONTRAST = 4.5
"""WCAG 2.1's minimum for body-size text (1.4.3), as axe-core checks it."""
_STEP = 0.01
"""How much OKLCh lightness each step adds."""


@dataclass(frozen=True)
class Palette:
    """The colours the digest's template writes: the brand's in light mode, and its dark
    counterparts."""

    brand: str
    """The brand colour as configured (``brand.colour``), for light mode."""
    brand_dark: str
    """The brand colour lightened until it reaches ``MIN_CONTRAST`` on ``card_dark``."""
    card_dark: str = CARD_DARK
    page_dark: str = PAGE_DARK


@lru_cache(maxsize=16)
def palette(brand: str) -> Palette:
    """The palette of a brand colour (``#rrggbb``)."""
    return Palette(brand, lightened(brand, CARD_DARK, MIN_CONTRAST))


def lightened(colour: str, background: str, contrast: float) -> str:
    """``colour`` made lighter, step by step in OKLCh (its hue kept, its chroma brought
    into sRGB), until its WCAG contrast on ``background`` reaches ``contrast``; as it is
    when it already does. ``#rrggbb``."""
    from coloraide import Color  # imported when first needed: only a digest's render needs it

    back = Color(background)
    shade = Color(colour).convert("oklch")
    while True:
        written = str(shade.convert("srgb").fit("srgb", method="oklch-chroma").to_string(hex=True))
        if Color(written).contrast(back, method="wcag21") >= contrast or shade["lightness"] >= 1:
            return written  # measured as written: no rounding takes it under
        shade["lightness"] = min(1.0, shade["lightness"] + _STEP)


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2.1 contrast ratio of two colours."""
    from coloraide import Color

    return float(Color(foreground).contrast(Color(background), method="wcag21"))
