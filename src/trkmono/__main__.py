"""``python -m trkmono``."""

from trkmono.cli.app import run

run()
