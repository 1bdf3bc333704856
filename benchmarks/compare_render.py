"""The 20-story digest's render, stage by stage, against the pre-redesign code, in one process.

    git worktree add ../pressroom-eacf873 eacf873
    python benchmarks/compare_render.py ../pressroom-eacf873 [--blocks 60]

Separate processes cannot compare the two on this project's shared machine: its speed
moves by up to 2x from one process to the next, and within one over minutes. Here the
old package is copied under the name ``pressroom_old`` (its imports rewritten) and
imported beside ``pressroom``; every case runs in blocks of ten renders, the blocks in
alternating order, over the same five weeks of ``benchmarks/archive.py``. A new case is
compared with its old counterpart block by block (they run next to each other, so they
see the same moment of the machine): the table gives each case's median over the blocks
and the median of the paired ratios. The old code's module names are those of commit
eacf873 (``pressroom.digest``, ``pressroom.mailer``, ``pressroom.templating``).

Cases: Jinja2 (old code and templates, the new code with the old templates, the new code
and templates), MJML (mjml-python on each side's source), premailer (old code with and
without its replay, which the redesign removed; the new code), the text part, the
``.eml``, and the whole render with the ``.eml``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from archive import write_archive
from run import ROOT, compile_package

WEEKS = 5
STORIES = 20
ROUNDS = 10


def import_old(checkout: Path, into: Path) -> None:
    """Make the checkout's package importable as ``pressroom_old``."""
    package = into / "pressroom_old"
    shutil.copytree(checkout / "src" / "pressroom", package, symlinks=False)
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\bfrom pressroom(\.| import)", r"from pressroom_old\1", text)
        path.write_text(re.sub(r"\bimport pressroom\b", "import pressroom_old", text), "utf-8")
    sys.path.insert(0, str(into))


@dataclass(frozen=True)
class Side:
    """One side's five digests and what renders them, stage by stage."""

    digests: list[Any]
    jinja: Callable[[Any], str]
    text: Callable[[Any], str]
    mjml: Callable[[str], str]
    inline: Callable[[str], str]
    eml: Callable[[Any, str, str, str], bytes]
    whole: Callable[[Any], bytes]


def new_side(paths: list[Path], templates: Path = ROOT) -> Side:
    from pressroom.compose.labels import labels
    from pressroom.compose.week import compose_week
    from pressroom.config import load_config
    from pressroom.pipeline.plan import group_by_week
    from pressroom.readers.files import read_files
    from pressroom.render import digest as d
    from pressroom.render.eml import build_eml
    from pressroom.render.inline import inline_css
    from pressroom.render.mjml import compile_mjml
    from pressroom.render.templates import environment, render

    config = load_config(ROOT)
    env = environment(templates)
    weeks = group_by_week(read_files(paths, config.tz).releases)
    digests = [compose_week(week, releases, config).digest for week, releases in weeks.items()]

    def context(digest: Any) -> dict[str, Any]:
        return {
            "digest": digest,
            "config": config,
            "t": labels(digest.locale),
            "note_html": d.note_html(digest.note),
            "sections": d.sections(digest.stories),
        }

    return Side(
        digests,
        jinja=lambda digest: render(env, d.MJML_TEMPLATE, **context(digest)),
        text=lambda digest: render(env, d.TEXT_TEMPLATE, **context(digest)),
        mjml=lambda source: compile_mjml(source, env, d.MJML_TEMPLATE),
        inline=inline_css,
        eml=lambda digest, mjml, html, text: build_eml(
            digest, d.RenderedDigest(mjml, html, text), config.newsletter
        ),
        whole=lambda digest: build_eml(
            digest, d.render_digest(digest, config, env), config.newsletter
        ),
    )


def old_side(checkout: Path, paths: list[Path]) -> tuple[Side, Callable[[str], str]]:
    """The old side, and its premailer step with the replay turned off."""
    build = import_module("pressroom_old.build")
    config = import_module("pressroom_old.config").load_config(checkout)
    d: Any = import_module("pressroom_old.digest")
    mailer = import_module("pressroom_old.mailer")
    templating = import_module("pressroom_old.templating")
    env = templating.environment(checkout)
    weeks = build.group_by_week(
        import_module("pressroom_old.readers").read_files(paths, config.tz).releases
    )
    digests = [d.compose(week, releases, config) for week, releases in weeks.items()]
    replay = d._names_elements_only

    def without_replay(html: str) -> str:
        d._names_elements_only = lambda rules: False
        try:
            return str(d.inline_css(html))
        finally:
            d._names_elements_only = replay

    def context(digest: Any) -> dict[str, Any]:
        return {"digest": digest, "config": config, "t": d.labels(digest.locale)}

    side = Side(
        digests,
        jinja=lambda digest: templating.render(env, d.MJML_TEMPLATE, **context(digest)),
        text=lambda digest: templating.render(env, d.TEXT_TEMPLATE, **context(digest)),
        mjml=lambda source: d.compile_mjml(source, env),
        inline=d.inline_css,
        eml=lambda digest, mjml, html, text: mailer.build_eml(
            digest, d.RenderedDigest(mjml=mjml, html=html, text=text), config.newsletter
        ),
        whole=lambda digest: mailer.build_eml(
            digest, d.render_digest(digest, config, env), config.newsletter
        ),
    )
    return side, without_replay


def cases(
    old: Side, new: Side, with_old_templates: Side, no_replay: Callable[[str], str]
) -> dict[str, Callable[[int], object]]:
    from mjml import mjml2html

    def staged(side: Side) -> tuple[list[str], list[str], list[str], list[str]]:
        sources = [side.jinja(digest) for digest in side.digests]
        compiled = [side.mjml(source) for source in sources]
        return (
            sources,
            compiled,
            [side.inline(h) for h in compiled],
            [side.text(x) for x in side.digests],
        )

    o_src, o_mjml, o_html, o_text = staged(old)
    n_src, n_mjml, n_html, n_text = staged(new)
    return {
        "Jinja2, old code and templates": lambda i: old.jinja(old.digests[i]),
        "Jinja2, new code, old templates": lambda i: with_old_templates.jinja(new.digests[i]),
        "Jinja2, new code and templates": lambda i: new.jinja(new.digests[i]),
        "MJML, the old source": lambda i: mjml2html(o_src[i], disable_comments=False, fonts={}),
        "MJML, the new source": lambda i: mjml2html(n_src[i], disable_comments=False, fonts={}),
        "premailer, old code with its replay": lambda i: old.inline(o_mjml[i]),
        "premailer, old code without it": lambda i: no_replay(o_mjml[i]),
        "premailer, new code": lambda i: new.inline(n_mjml[i]),
        "text part, old": lambda i: old.text(old.digests[i]),
        "text part, new": lambda i: new.text(new.digests[i]),
        ".eml, old": lambda i: old.eml(old.digests[i], o_src[i], o_html[i], o_text[i]),
        ".eml, new": lambda i: new.eml(new.digests[i], n_src[i], n_html[i], n_text[i]),
        "whole render and .eml, old": lambda i: old.whole(old.digests[i]),
        "whole render and .eml, new": lambda i: new.whole(new.digests[i]),
    }


PAIRS = {
    "Jinja2, new code, old templates": "Jinja2, old code and templates",
    "Jinja2, new code and templates": "Jinja2, old code and templates",
    "MJML, the new source": "MJML, the old source",
    "premailer, old code without it": "premailer, old code with its replay",
    "premailer, new code": "premailer, old code with its replay",
    "text part, new": "text part, old",
    ".eml, new": ".eml, old",
    "whole render and .eml, new": "whole render and .eml, old",
}
"""Each new case and the old one it is compared with, run next to it in every block."""


def measure(all_cases: dict[str, Callable[[int], object]], blocks: int) -> dict[str, list[float]]:
    """Each case's median time in every block (seconds); blocks alternate the order."""
    for run in all_cases.values():
        for week in range(WEEKS):
            run(week)
    medians: dict[str, list[float]] = {name: [] for name in all_cases}
    names = list(all_cases)
    for block in range(blocks):
        for name in names if block % 2 == 0 else reversed(names):
            times = []
            for round_ in range(ROUNDS):
                started = time.perf_counter()
                all_cases[name](round_ % WEEKS)
                times.append(time.perf_counter() - started)
            medians[name].append(statistics.median(times))
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="a checkout of the old code (eacf873)")
    parser.add_argument("--blocks", type=int, default=60)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        import_old(args.old.resolve(), root / "lib")
        paths = write_archive(root / "seeds", STORIES * WEEKS, WEEKS)
        old, no_replay = old_side(args.old.resolve(), paths)
        (root / "templates").symlink_to(args.old.resolve() / "templates")
        medians = measure(
            cases(old, new_side(paths), new_side(paths, root), no_replay), args.blocks
        )
    print("| case | median of the blocks | against the old, paired by block |\n|---|---|---|")
    for name, values in medians.items():
        against = ""
        if name in PAIRS:
            ratios = [new / old for new, old in zip(values, medians[PAIRS[name]], strict=True)]
            against = f"{statistics.median(ratios) - 1:+.0%}"
        print(f"| {name} | {statistics.median(values) * 1000:.2f} ms | {against} |")


if __name__ == "__main__":
    main()
