"""Long output on a terminal goes through the user's pager ($PAGER, else less); never when piped."""

from __future__ import annotations

import os
import sys

DEFAULT_PAGER = "less"
LESS_DEFAULTS = "FRX"
"""less: quit if one screen, keep colours, leave the text on screen when done."""


def page_or_print(parts: list[str]) -> None:
    """Page text (given in parts) when stdout is a terminal and it is taller than the screen; else print it."""
    if not sys.stdout.isatty():
        for part in parts:
            sys.stdout.write(part)
        return
    import shlex
    import shutil
    import subprocess

    text = "".join(parts)
    if text.count("\n") < shutil.get_terminal_size().lines:
        sys.stdout.write(text)
        return
    command = shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)
    env = {**os.environ, "LESS": less_options(os.environ.get("LESS"))}
    try:
        subprocess.run(command, input=text.encode(sys.stdout.encoding or "utf-8", "replace"), env=env, check=False)
    except (OSError, ValueError):
        sys.stdout.write(text)


def less_options(chosen: str | None) -> str:
    """The user's LESS with -R added when it lacks it (colours must reach the screen as colours),
    or trkmono's defaults when LESS is unset."""
    if chosen is None:
        return LESS_DEFAULTS
    return chosen if _shows_colours(chosen) else f"{chosen} -R".strip()


def _shows_colours(options: str) -> bool:
    """Whether less options hold -R or -r (alone or in a cluster such as FRX) or their long names."""
    for word in options.split():
        if word.startswith("--"):
            if word.lower().startswith("--raw-control-chars"):
                return True
        elif "R" in word or "r" in word:
            return True
    return False
