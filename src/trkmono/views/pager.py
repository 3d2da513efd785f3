"""Long output on a terminal goes through the user's pager ($PAGER, else less); never when piped."""

from __future__ import annotations

import os
import sys

DEFAULT_PAGER = "less"
LESS_DEFAULTS = "FRX"
"""less: quit if one screen, keep colours, leave the text on screen when done."""


def page_or_print(text: str) -> None:
    """Page text when stdout is a terminal and it is taller than the screen; else print it."""
    if not sys.stdout.isatty():
        sys.stdout.write(text)
        return
    import shlex
    import shutil
    import subprocess

    if text.count("\n") < shutil.get_terminal_size().lines:
        sys.stdout.write(text)
        return
    command = shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)
    env = dict(os.environ)
    env.setdefault("LESS", LESS_DEFAULTS)
    try:
        subprocess.run(command, input=text.encode(sys.stdout.encoding or "utf-8", "replace"), env=env, check=False)
    except (OSError, ValueError):
        sys.stdout.write(text)
