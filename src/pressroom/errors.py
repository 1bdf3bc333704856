"""Problems that point at the exact place: ``path:line: what is wrong; what to do``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pressroom.pickling import pickled_by_fields


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input, located to the line."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.severity is Severity.WARNING:
            text = f"{self.path}:{self.line}: warning: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class PressroomError(Exception):
    """Base of the errors that end a command; ``cli.app`` maps each kind to its exit code."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class SetupError(PressroomError):
    """The workspace's setup is wrong (a flag, the config, a template, a week file): the
    command stops before anything is written (exit code 2)."""


class OutboxError(PressroomError):
    """Writing the outbox failed; weeks not yet swapped in are left as they were (exit 3)."""


class RecordError(Exception):
    """A problem with one record; the reader turns it into a reported Problem."""

    def __init__(self, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint
