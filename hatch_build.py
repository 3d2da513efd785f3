"""Build hook: compile the packaged monographs into the wheel, so nothing is checked at run time."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileLibrary(BuildHookInterface):
    """Adds trkmono/data/library.sqlite, compiled from data/monographs, to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from trkmono.compiled.compile import build_packaged_store
        finally:
            sys.path.pop(0)
        self._folder = tempfile.TemporaryDirectory()
        store = Path(self._folder.name) / "library.sqlite"
        build_packaged_store(root / "data" / "monographs", store, dt.date.today())
        build_data["force_include"][str(store)] = "trkmono/data/library.sqlite"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_folder", None) is not None:
            self._folder.cleanup()
