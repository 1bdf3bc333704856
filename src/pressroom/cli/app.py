"""The Typer app and its error mapping.

Errors become exit codes in one place, ``_Commands.invoke``: a command raises, it never
picks an exit code for an error itself (see ``status.ExitStatus``).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pressroom import __version__
from pressroom.cli.output import err, out, print_error
from pressroom.errors import OutboxError, SetupError
from pressroom.status import ExitStatus


class CommandFailed(Exception):
    """A command that ran but did not do what was asked (a test send refused, say)."""


class _Commands(TyperGroup):
    """The one place where errors become exit codes and messages."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SetupError as exc:
            print_error(str(exc.problem))
            raise typer.Exit(ExitStatus.USAGE) from None
        except OutboxError as exc:
            print_error(str(exc.problem))
            raise typer.Exit(ExitStatus.WRITE_FAILED) from None
        except CommandFailed as exc:
            print_error(str(exc))
            raise typer.Exit(ExitStatus.PROBLEMS) from None
        except KeyboardInterrupt:
            err.print("[yellow]Interrupted.[/]")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None


app = typer.Typer(
    cls=_Commands,
    help="Turn press releases into a weekly HTML email digest and social post drafts.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        out.print(f"pressroom {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn press releases into a weekly HTML email digest and social post drafts."""
