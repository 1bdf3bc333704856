"""Exit codes a script can trust (see docs/ARCHITECTURE.md)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    """Everything built clean."""
    PROBLEMS = 1
    """Built, but some records (or checks) had problems; each was reported."""
    USAGE = 2
    """Bad flags, config or templates: nothing was written."""
    WRITE_FAILED = 3
    """The outbox could not be written (disk full, read-only); each week is still whole."""
    INTERRUPTED = 130
