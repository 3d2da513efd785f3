"""``python -m trkmono``."""

from trkmono.cli import run

run()
