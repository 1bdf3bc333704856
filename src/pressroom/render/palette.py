"""The digest's colours in dark mode, derived from the brand colour.

A brand colour chosen for white cards is often too dark to read on dark ones (#0b5ea8 is
2.5:1 on #1e1f23): dark mode lightens it, keeping its hue and chroma (in OKLCh), until it
reaches WCAG's 4.5:1 on the dark card, so that two brands keep two looks in dark mode
rather than one fixed blue.

The arithmetic is written here (Björn Ottosson's OKLab; CSS Color 4's gamut mapping,
binary search on chroma): coloraide, which does the same, took 54 ms to import, a tenth
of a one-week build. The tests hold every channel within one step of coloraide's.
"""

from __future__ import annotations

import math
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
    back = _luminance(_rgb(background))
    lightness, chroma, hue = _oklch(_rgb(colour))
    while True:
        written = _hex(_in_gamut(lightness, chroma, hue))
        if _ratio(_luminance(_rgb(written)), back) >= contrast or lightness >= 1:
            return written  # measured as written: no rounding takes it under
        lightness = min(1.0, lightness + _STEP)


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2.1 contrast ratio of two colours (``#rrggbb``)."""
    return _ratio(_luminance(_rgb(foreground)), _luminance(_rgb(background)))


RGB = tuple[float, float, float]
"""sRGB channels, gamma-encoded, 0 to 1."""


def _rgb(colour: str) -> RGB:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    red, green, blue = (int(value[at : at + 2], 16) / 255 for at in (0, 2, 4))
    return red, green, blue


def _hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _linear(channel: float) -> float:
    sign = -1.0 if channel < 0 else 1.0
    magnitude = abs(channel)
    if magnitude <= 0.04045:
        return channel / 12.92
    return sign * math.pow((magnitude + 0.055) / 1.055, 2.4)


def _encoded(channel: float) -> float:
    sign = -1.0 if channel < 0 else 1.0
    magnitude = abs(channel)
    if magnitude <= 0.0031308:
        return channel * 12.92
    return sign * (1.055 * math.pow(magnitude, 1 / 2.4) - 0.055)


def _luminance(rgb: RGB) -> float:
    red, green, blue = (_linear(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _ratio(first: float, second: float) -> float:
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def _oklab(rgb: RGB) -> RGB:
    red, green, blue = (_linear(c) for c in rgb)
    long = _cbrt(0.4122214708 * red + 0.5363325363 * green + 0.0514459929 * blue)
    medium = _cbrt(0.2119034982 * red + 0.6806995451 * green + 0.1073969566 * blue)
    short = _cbrt(0.0883024619 * red + 0.2817188376 * green + 0.6299787005 * blue)
    return (
        0.2104542553 * long + 0.7936177850 * medium - 0.0040720468 * short,
        1.9779984951 * long - 2.4285922050 * medium + 0.4505937099 * short,
        0.0259040371 * long + 0.7827717662 * medium - 0.8086757660 * short,
    )


def _from_oklab(lab: RGB) -> RGB:
    lightness, a, b = lab
    long = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    medium = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    short = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (
        _encoded(4.0767416621 * long - 3.3077115913 * medium + 0.2309699292 * short),
        _encoded(-1.2684380046 * long + 2.6097574011 * medium - 0.3413193965 * short),
        _encoded(-0.0041960863 * long - 0.7034186147 * medium + 1.7076147010 * short),
    )


def _cbrt(value: float) -> float:
    return math.copysign(math.pow(abs(value), 1 / 3), value)


def _oklch(rgb: RGB) -> RGB:
    lightness, a, b = _oklab(rgb)
    return lightness, math.hypot(a, b), math.atan2(b, a)


def _lab(lightness: float, chroma: float, hue: float) -> RGB:
    return lightness, chroma * math.cos(hue), chroma * math.sin(hue)


_JND = 0.02
"""CSS Color 4's just noticeable difference in OKLab: a clipped colour this close is kept."""
_EPSILON = 0.0001


def _in_gamut(lightness: float, chroma: float, hue: float) -> RGB:
    """The colour in sRGB: as it is when it fits, else with its chroma reduced, as CSS
    Color 4 maps a colour into gamut (binary search on chroma; a clipped colour within
    ``_JND`` of the searched one ends it)."""
    if lightness >= 1:
        return 1.0, 1.0, 1.0
    if lightness <= 0:
        return 0.0, 0.0, 0.0
    origin = _from_oklab(_lab(lightness, chroma, hue))
    if _fits(origin):
        return origin
    clipped = _clip(origin)
    if _distance(clipped, _lab(lightness, chroma, hue)) < _JND:
        return clipped
    low, high, low_fits = 0.0, chroma, True
    while high - low > _EPSILON:
        middle = (low + high) / 2
        current = _from_oklab(_lab(lightness, middle, hue))
        if low_fits and _fits(current):
            low = middle
            continue
        clipped = _clip(current)
        error = _distance(clipped, _lab(lightness, middle, hue))
        if error < _JND:
            if _JND - error < _EPSILON:
                return clipped
            low_fits, low = False, middle
        else:
            high = middle
    return clipped


def _fits(rgb: RGB) -> bool:
    return all(-_EPSILON <= c <= 1 + _EPSILON for c in rgb)


def _clip(rgb: RGB) -> RGB:
    red, green, blue = (min(1.0, max(0.0, c)) for c in rgb)
    return red, green, blue


def _distance(rgb: RGB, lab: RGB) -> float:
    return math.dist(_oklab(rgb), lab)
