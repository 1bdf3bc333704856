"""How many stories fit under Gmail's clip: the digest's HTML part as the .eml sends it.

    python benchmarks/clip.py

Renders weeks of 1 to 60 stories with the packaged templates and the repository's config:
text stories as ``tests/support.py``'s release factory makes them (a French 240-character
standfirst, a quote) with a link, and the same stories each with a remote image (a picture
card). Prints, for each count, the decoded HTML, the HTML part as sent (its encoding) and
the check's verdict, then the most stories of each kind that stay under 102 KB as sent.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pressroom.model import Release
from pressroom.render.checks import GMAIL_CLIP
from pressroom.render.eml import transfer_encoded
from support import make_release, rendered_digest


def story(n: int, pictured: bool) -> Release:
    return make_release(
        n,
        url=f"https://www.auvergnerhonealpes.fr/presse/communique-{n}",
        image=f"https://images.example.org/photo-{n}.jpg" if pictured else None,
        image_alt="Une photo du communiqué" if pictured else None,
    )


def sent_size(count: int, pictured: bool) -> tuple[int, int, str]:
    html = rendered_digest("2026-W04", tuple(story(n, pictured) for n in range(count))).html
    cte, body = transfer_encoded(html.encode())
    return len(html.encode()), len(body), cte.decode()


def most_that_fit(pictured: bool) -> int:
    low, high = 1, 80
    while low < high:  # the size grows with every story
        middle = (low + high + 1) // 2
        if sent_size(middle, pictured)[1] <= GMAIL_CLIP:
            low = middle
        else:
            high = middle - 1
    return low


def main() -> None:
    print("| stories | kind | decoded | as sent | encoding |")
    print("|---|---|---|---|---|")
    for pictured in (False, True):
        for count in (1, 10, 20, 40):
            decoded, sent, cte = sent_size(count, pictured)
            kind = "with an image" if pictured else "text"
            print(f"| {count} | {kind} | {decoded / 1024:.1f} KB | {sent / 1024:.1f} KB | {cte} |")
    print(f"\ntext stories that fit: {most_that_fit(False)}")
    print(f"stories with an image that fit: {most_that_fit(True)}")


if __name__ == "__main__":
    main()
