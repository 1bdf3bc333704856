"""pressroom's benchmark: prints a Markdown table of build times and peak memory.

    python benchmarks/run.py [--releases 10000] [--weeks 520] [--jobs N]

Measures, on a synthetic archive (benchmarks/archive.py): a cold full build, a rebuild
with nothing changed, a rebuild after one release changed, a single-week build, peak
memory at a quarter and at the full size of the archive, and a 20-story digest's whole
render (Jinja2 + MJML + premailer + text + .eml) against node's `mjml` compiling the same
MJML in one process, when node and the mjml npm package are installed
(`npm install --prefix benchmarks/node mjml`, or set MJML_NODE_MODULES). Both sides go
round five different weeks' digests, as a build would, rather than one digest again.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive import write_archive

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = Path(
    os.environ.get("MJML_NODE_MODULES", ROOT / "benchmarks" / "node" / "node_modules")
)
DIGEST_STORIES = 20
DIGEST_WEEKS = 5
RENDER_BLOCKS = 5
RENDER_ROUNDS = 60
NODE_WARMUP = 30


def pressroom(workspace: Path, *args: str) -> float:
    """Wall seconds of one `pressroom build` in a fresh process."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pressroom", "build", "-C", str(workspace), "-q", *args], check=True
    )
    return time.perf_counter() - started


def peak_mb() -> float:
    """Peak resident memory of the largest finished child process so far."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def workspace_of(root: Path, releases: int, weeks: int) -> Path:
    workspace = root / f"archive-{releases}"
    write_archive(workspace / "seeds", releases, weeks)
    shutil.copy(ROOT / "pressroom.yaml", workspace / "pressroom.yaml")
    return workspace


def peak_of_cold_build(root: Path, releases: int, weeks: int, jobs: list[str]) -> float:
    """Peak memory of one cold build, measured in a child so earlier runs do not count."""
    command = [
        sys.executable,
        "-m",
        "pressroom",
        "build",
        "-C",
        str(workspace_of(root, releases, weeks)),
        "-q",
        *jobs,
    ]
    code = (
        "import resource, subprocess, sys;"
        f"subprocess.run({command!r}, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    return float(
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout
    )


def digest_and_node_ms() -> tuple[float, float | None]:
    """Median ms of a 20-story digest's whole render and, when node and its mjml package are
    installed, of node's mjml compiling the same MJML in one process (else None).

    The two are measured in alternating blocks, so that both see the same moments of a
    shared machine whose speed drifts.
    """
    from pressroom.compose.week import compose_week
    from pressroom.config import load_config
    from pressroom.pipeline.plan import group_by_week
    from pressroom.readers.files import read_files
    from pressroom.render.digest import render_digest
    from pressroom.render.eml import build_eml
    from pressroom.render.templates import environment

    with tempfile.TemporaryDirectory() as folder:
        paths = write_archive(Path(folder), DIGEST_STORIES * DIGEST_WEEKS, DIGEST_WEEKS)
        config = load_config(ROOT)
        weeks = group_by_week(read_files(paths, config.tz).releases)
    assert [len(releases) for releases in weeks.values()] == [DIGEST_STORIES] * DIGEST_WEEKS
    env = environment(ROOT)
    digests = [compose_week(week, releases, config).digest for week, releases in weeks.items()]
    sources = [render_digest(digest, config, env).mjml for digest in digests]  # warms caches
    ours: list[float] = []
    node: list[float] = []
    for _ in range(RENDER_BLOCKS):
        for round_ in range(RENDER_ROUNDS):
            digest = digests[round_ % DIGEST_WEEKS]
            started = time.perf_counter()
            rendered = render_digest(digest, config, env)
            build_eml(digest, rendered, config.newsletter)
            ours.append(time.perf_counter() - started)
        node += node_mjml_rounds(sources)
    return statistics.median(ours) * 1000, statistics.median(node) if node else None


def reading_ms_per_release(releases: int = 2000) -> tuple[float, float]:
    """The fastest and the median of five rounds of reading ``releases`` files in this
    process, one after the other (no pool), in ms per release. The fastest is what the
    code costs; the machine's drift (other tenants) only ever adds to it."""
    from pressroom.config import load_config
    from pressroom.readers.files import read_files

    config = load_config(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_archive(Path(folder), releases, max(1, releases // 20))
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            read_files(paths, config.tz)
            rounds.append((time.perf_counter() - started) * 1000 / releases)
    return min(rounds), statistics.median(rounds)


def node_mjml_rounds(sources: list[str]) -> list[float]:
    """ms of each of RENDER_ROUNDS compiles by node's mjml, in one process, going round the
    sources, after NODE_WARMUP compiles to let its JIT settle; empty without node or the
    package."""
    if shutil.which("node") is None or not (NODE_MODULES / "mjml").is_dir():
        return []
    script = (
        "const mjml = require('mjml'); const fs = require('fs');"
        "const srcs = JSON.parse(fs.readFileSync(0, 'utf8'));"
        f"for (let i = 0; i < {NODE_WARMUP}; i++) mjml(srcs[i % srcs.length]);"
        f"const rounds = []; for (let i = 0; i < {RENDER_ROUNDS}; i++) {{"
        "const src = srcs[i % srcs.length];"
        "const t = process.hrtime.bigint(); mjml(src);"
        "rounds.push(Number(process.hrtime.bigint() - t) / 1e6); }"
        "console.log(JSON.stringify(rounds));"
    )
    result = subprocess.run(
        ["node", "-e", script],
        input=json.dumps(sources),
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
        check=True,
    )
    return [float(ms) for ms in json.loads(result.stdout)]


def compile_package() -> None:
    """Compile pressroom to bytecode, as ``pip install`` leaves it: every timed process
    would otherwise compile each module again (an editable install, or a machine with
    PYTHONDONTWRITEBYTECODE set, keeps no bytecode)."""
    import pressroom

    compileall.compile_dir(Path(pressroom.__file__).parent, quiet=1)


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        workspace = workspace_of(root, args.releases, args.weeks)
        rows.append(
            (
                f"cold full build ({args.releases} releases, {args.weeks} weeks)",
                f"{pressroom(workspace, *jobs):.2f} s",
            )
        )
        rows.append(("no-change rebuild", f"{pressroom(workspace, *jobs):.2f} s"))
        changed = sorted((workspace / "seeds").iterdir())[
            len(list((workspace / "seeds").iterdir())) // 2
        ]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8"
        )
        rows.append(("one release changed", f"{pressroom(workspace, *jobs):.2f} s"))
        week = sorted(p.name for p in (workspace / "outbox").iterdir() if p.name[0] != ".")[0]
        rows.append(
            (
                f"single-week build (--week {week} --force)",
                f"{pressroom(workspace, '--week', week, '--force', *jobs):.2f} s",
            )
        )
        quarter = args.releases // 4
        rows.append(
            (
                f"peak memory, cold build of {quarter} releases",
                f"{peak_of_cold_build(root, quarter, max(1, args.weeks // 4), jobs):.0f} MB",
            )
        )
        rows.append(
            (
                f"peak memory, cold build of {args.releases} releases",
                f"{peak_of_cold_build(root, args.releases, args.weeks, jobs):.0f} MB",
            )
        )
    fastest, median = reading_ms_per_release()
    rows.append(
        (
            "reading, per release (2,000 files, one process), fastest / median of 5",
            f"{fastest:.2f} / {median:.2f} ms",
        )
    )
    ours, node = digest_and_node_ms()
    rows.append(
        (
            f"a {DIGEST_STORIES}-story digest, whole render (Jinja2+MJML+premailer+text+.eml)",
            f"{ours:.1f} ms",
        )
    )
    if node is None:
        rows.append(("node mjml, same MJML", "not measured (node or the mjml package missing)"))
    else:
        rows.append(("node mjml, same MJML, compile only", f"{node:.1f} ms"))
        rows.append(("ratio pressroom whole render / node mjml compile", f"{ours / node:.2f}"))
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n" + json.dumps(dict(rows), ensure_ascii=False))


if __name__ == "__main__":
    main()
