"""The Typer app and its error mapping.

Errors become exit codes in one place, ``_Commands.invoke``: a command raises, it never
picks an exit code for an error itself (see ``status.ExitStatus``). ``_Commands`` also
imports a command's module only when that command is run or its help shown.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_command_name

from pressroom import __version__
from pressroom.cli.commands import COMMANDS
from pressroom.cli.output import err, out, print_error
from pressroom.errors import OutboxError, SetupError
from pressroom.status import ExitStatus


class CommandFailed(Exception):
    """A command that ran but did not do what was asked (a test send refused, say)."""


class _Unloaded(TyperCommand):
    """A command whose module is not imported yet: its name and its line of ``--help``."""


class _Commands(TyperGroup):
    """The one place where errors become exit codes and messages; and the commands of
    ``cli.commands.COMMANDS``, each module imported when its command is needed (the list
    of ``pressroom --help`` needs none)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, text in COMMANDS.items():
            self.commands.setdefault(name, _Unloaded(name, help=text))
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS) + [name for name in self.commands if name not in COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if not isinstance(command, _Unloaded) or self._listing:
            return command
        importlib.import_module(f"pressroom.cli.commands.{cmd_name}")
        for info in app.registered_commands:
            assert info.callback, "a command has a function"
            if (info.name or get_command_name(info.callback.__name__)) == cmd_name:
                self.commands[cmd_name] = get_command_from_info(
                    info,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                )
        return self.commands[cmd_name]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

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
