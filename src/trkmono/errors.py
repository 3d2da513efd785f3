"""trkmono's own exceptions and every exit code, in one place.

The core raises these; only the command line turns them into a message on stderr and an exit
code, never a traceback.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
"""Not found, ambiguous, findings (validate), no dose computed, a label has moved on (labels)."""
EXIT_USAGE = 2
EXIT_SERVICE = 3
"""``labels``: the label service could not be reached or answered something unusable."""
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""The reader of stdout went away (128 + SIGPIPE), as a shell reports it: ended quietly."""


class TrkmonoError(Exception):
    """An expected failure the CLI turns into a message and an exit code, never a traceback."""

    exit_code = EXIT_FAILED


class UsageError(TrkmonoError):
    """The user asked for something impossible (bad option value, missing folder)."""

    exit_code = EXIT_USAGE


class ServiceError(TrkmonoError):
    """A network service could not be reached or answered something unusable."""

    exit_code = EXIT_SERVICE


class OutputError(TrkmonoError):
    """Standard output could not take what was written (closed, full disk)."""


class NotFound(TrkmonoError):
    """No monograph answers to a name."""

    def __init__(self, message: str, suggestions: list[str]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class Ambiguous(TrkmonoError):
    """A name belongs to more than one monograph and none is its primary owner."""

    def __init__(self, name: str, candidates: list[tuple[str, str]]) -> None:
        listed = "; ".join(f"{mid} ({why})" for mid, why in candidates)
        super().__init__(f"'{name}' is ambiguous: it names {listed}. Give one of these ids instead.")
        self.name = name
        self.candidates = candidates


def write_stderr(text: str) -> None:
    """Write a diagnostic to stderr and flush it; a stderr that cannot take it (closed, a full
    disk) loses the diagnostic, never the run. Every write to stderr goes through here."""
    import sys
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes, safe to write to a terminal."""
    return "".join(c if c.isprintable() or c in "\t" else repr(c)[1:-1] for c in text)
