"""The command line: a thin typer layer over the library, the clinical functions and the views."""

from trkmono.cli.app import app, run

__all__ = ["app", "run"]
