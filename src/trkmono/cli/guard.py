"""Where trkmono's errors become messages and exit codes, and output meets the terminal.

``command`` wraps every command: trkmono's own errors become one line on stderr and their exit
code (with a JSON error envelope on stdout when JSON was asked for), Ctrl-C exits 130, a bug
exits 70 with one line (a traceback only with TRKMONO_DEBUG=1). ``emit`` writes an answer and
makes sure it arrived: a closed or full stdout is an error, never a quiet exit 0; ``show`` does the
same for what is printed outside a command (``--help``, ``--version``), with the same exit codes.
Diagnostics go to stderr through ``say`` (errors.write_stderr), which a full stderr cannot crash.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any

import typer

from trkmono.errors import (EXIT_BROKEN_PIPE, EXIT_INTERNAL, EXIT_INTERRUPTED, OutputError, TrkmonoError, printable,
                            write_stderr)

DEBUG_ENV = "TRKMONO_DEBUG"


def command(function):
    """Turn trkmono's own errors into a message on stderr and their exit code; Ctrl-C into 130."""
    @functools.wraps(function)
    def run(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except TrkmonoError as exc:
            if kwargs.get("json") or kwargs.get("output") == "json":
                _json_error(exc)
            say(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            say(f"internal error ({type(exc).__name__}: {exc}); please report it "
                f"(set {DEBUG_ENV}=1 to see the traceback)")
            raise typer.Exit(EXIT_INTERNAL) from None
    return run


def say(message: str) -> None:
    """One line on stderr, prefixed with the program's name, control characters escaped."""
    write_stderr(f"trkmono: {printable(message)}\n")


def emit(text: str | list[str], page: bool = False) -> None:
    """Write an answer (text, or its parts in order) to stdout, through the pager when asked and
    on a terminal, then flush it; a stdout that cannot take it all is an OutputError."""
    parts = [text] if isinstance(text, str) else text
    try:
        if page:
            from trkmono.views.pager import page_or_print
            page_or_print(parts)
        else:
            for part in parts:
                sys.stdout.write(part)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError, AttributeError) as exc:
        _silence_stdout()
        reason = getattr(exc, "strerror", None) or ("standard output is closed" if not isinstance(exc, OSError)
                                                  else str(exc))
        raise OutputError(f"could not write the output: {reason}") from None


def show(text: str) -> None:
    """Write what is printed outside a command (help, the version) as ``emit`` does, its faults
    ending the run as a command's do: a closed or full stdout exits 1 with one line, a closed pipe 141."""
    command(emit)(text)


def _json_error(exc: TrkmonoError) -> None:
    from trkmono.views.json import error_json
    try:
        emit(error_json(exc) + "\n")
    except OutputError:
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def prepare_streams() -> None:
    """Let stdout and stderr show any text: characters their encoding lacks become replacements."""
    streams: tuple[Any, ...] = (sys.stdout, sys.stderr)  # whatever they are: some have no reconfigure
    for stream in streams:
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass
