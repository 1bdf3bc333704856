"""The command line: parses flags, calls the core, reports what it returns.

``cli.app`` holds the Typer app and the one place where errors become exit codes
(``_Commands.invoke``); ``cli.commands`` has one module a command.
"""

from __future__ import annotations

from pressroom.cli import commands
from pressroom.cli.app import CommandFailed, app

__all__ = ["CommandFailed", "app", "commands", "main"]


def main() -> None:
    """The ``pressroom`` program."""
    app()
