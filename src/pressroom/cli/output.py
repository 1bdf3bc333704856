"""What the command line prints: messages, tables, the build's progress and summary.

Colours go to a terminal only; piped or with NO_COLOR set, output is plain text (rich).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pressroom.errors import Problem
from pressroom.outbox import OUTBOX

if TYPE_CHECKING:
    from pressroom.pipeline.build import BuildResult

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)
FEW_WEEKS = 3
"""Below this many weeks to build, no progress bar."""
STATUS_STYLE = {"pass": "[green]pass[/]", "warn": "[yellow]warn[/]", "fail": "[bold red]FAIL[/]"}


def print_error(text: str) -> None:
    err.print(f"[bold red]error:[/] {escape(text)}", soft_wrap=True)


def summary(result: BuildResult, workspace: Path) -> str:
    errors = sum(1 for p in result.problems if p.is_error)
    parts = [f"built {len(result.built)} week{'s' * (len(result.built) != 1)}"]
    if result.unchanged:
        parts.append(f"{len(result.unchanged)} unchanged")
    if result.removed:
        parts.append(f"removed {', '.join(result.removed)} (no releases left)")
    parts.append(f"{errors} problem{'s' * (errors != 1)}")
    where = workspace / OUTBOX
    return f"{', '.join(parts)} in {result.seconds:.2f} s → {where}"


@contextmanager
def progress(
    quiet: bool, task_name: str = "Building weeks", step: str = "Building"
) -> Iterator[tuple[Callable[[int], None], Callable[[str], None]]]:
    """A progress bar on a terminal when more than a few items (weeks, pages) are to be
    done; nothing when piped. ``plan(total)`` sizes it, ``tick(item)`` advances it."""
    if quiet or not err.is_terminal:
        yield (lambda total: None), (lambda week: None)
        return
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        auto_refresh=False,  # no refresh thread: builds fork worker processes
    ) as bar:
        task = bar.add_task(task_name, total=None, visible=False)

        def plan(total: int) -> None:
            bar.update(task, total=total, visible=total > FEW_WEEKS)
            bar.refresh()

        def tick(item: str) -> None:
            bar.update(task, advance=1, description=f"{step} {item}")
            bar.refresh()

        yield plan, tick


def report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        err.print(f"[{style}]{escape(str(problem))}[/]", soft_wrap=True)


def escape(text: str) -> str:
    return text.replace("[", "\\[")
