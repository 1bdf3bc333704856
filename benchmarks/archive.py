"""A synthetic archive of releases shaped like the seeds: N releases over W ISO weeks.

    python benchmarks/archive.py OUT_DIR --releases 10000 --weeks 520

Formats are mixed (raw .txt like the seeds, .md with front matter, .yaml), with quotes
attributed in the ways the readers know, standfirsts and bodies of seed-like length.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

FIRST_MONDAY = date(2016, 1, 4)
SUBJECTS = [
    "l’industrie",
    "les lycées",
    "la montagne",
    "les transports",
    "la chimie",
    "l’agriculture",
    "le tourisme",
    "la culture",
    "l’hydrogène",
    "l’apprentissage",
]
PLACES = ["Lyon", "Grenoble", "Clermont-Ferrand", "Annecy", "Saint-Étienne", "Valence"]
PEOPLE = [
    ("Fabrice Pannekoucke", "président de la région"),
    ("Marie Durand", "vice-présidente déléguée à l’économie"),
    ("Paul Girard", "conseiller régional"),
    ("Anne de La Tour", "maire"),
]
SENTENCE = (
    "La Région engage un programme de {n} millions d’euros pour {s} à {p}, avec les "
    "entreprises, les communes et les associations du territoire. "
)


def release_text(index: int, day: date, rng: random.Random) -> tuple[str, str]:
    """(file suffix, content) of one release."""
    subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
    speaker, role = rng.choice(PEOPLE)
    title = f"{place} : un nouveau plan pour {subject} (n° {index})"
    standfirst = SENTENCE.format(n=rng.randint(2, 90), s=subject, p=place).strip()
    body = [
        SENTENCE.format(n=rng.randint(2, 90), s=subject, p=place) * rng.randint(1, 4)
        for _ in range(rng.randint(2, 5))
    ]
    quote = (
        "Nous voulons que chaque habitant profite de ce plan, dans chaque vallée "
        "et chaque quartier, dès cette année"
    )
    kind = index % 5
    if kind == 3:
        return ".md", (
            f'---\ntitle: "{title}"\ndate: {day.isoformat()}\ntags: [{subject.split()[-1]}]\n'
            f"---\n{standfirst}\n\n"
            + "\n\n".join(body)
            + f"\n\n« {quote} », a déclaré {speaker}, {role}.\n"
        )
    if kind == 4:
        paragraphs = "\n\n".join(body).replace("\n", "\n  ")
        return ".yaml", (
            f'title: "{title}"\ndate: {day.isoformat()}\n'
            f'standfirst: "{standfirst}"\nquotes:\n  - text: "{quote}"\n'
            f'    speaker: {speaker}\n    role: "{role}"\nbody: |\n  {paragraphs}\n'
        )
    lines = [title, "", f"Le {day:%d/%m/%Y}", "", standfirst, "", *body]
    lines += [f"{role.capitalize()}, {speaker}, affirme :", f"« {quote}. »"] if kind else []
    return ".txt", "\n".join(lines) + "\n"


def write_archive(folder: Path, releases: int, weeks: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(releases):
        day = FIRST_MONDAY + timedelta(weeks=index % weeks, days=rng.randint(0, 4))
        suffix, text = release_text(index, day, rng)
        path = folder / f"{index:06d}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    write_archive(args.folder, args.releases, args.weeks)


if __name__ == "__main__":
    main()
