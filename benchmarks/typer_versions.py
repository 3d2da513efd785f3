"""Start-up time of a minimal typer application across typer releases, measured side by side.

Usage: python benchmarks/typer_versions.py [--repeat 15] [VERSION ...]

Each version gets its own virtual environment (installed from the package index); the same
two-command application then runs in every environment in turn, round after round, and the
medians are printed with their ratio to the newest version.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_VERSIONS = ["0.12.5", "0.15.4", "0.16.1", "0.19.2", "0.20.1", "0.24.2", "0.26.8", "0.29.2"]
APP = "import typer\napp = typer.Typer()\n\n@app.command()\ndef a():\n    pass\n\n@app.command()\ndef b():\n    pass\n\napp()\n"


def environment(root: Path, version: str) -> Path:
    """A virtual environment with typer==version; returns its python."""
    folder = root / f"typer-{version}"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"typer=={version}"], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("versions", nargs="*", default=DEFAULT_VERSIONS)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="typer-versions-"))
    try:
        app = root / "app.py"
        app.write_text(APP, encoding="utf-8")
        pythons = {v: environment(root, v) for v in args.versions}
        samples: dict[str, list[float]] = {v: [] for v in args.versions}
        for python in pythons.values():
            subprocess.run([str(python), str(app), "a"], check=True)
        for _ in range(args.repeat):
            for version, python in pythons.items():
                start = time.perf_counter()
                subprocess.run([str(python), str(app), "a"], check=True)
                samples[version].append(time.perf_counter() - start)
        newest = statistics.median(samples[args.versions[-1]])
        print(f"{'typer':>8} {'median ms':>10} {'x newest':>9}")
        for version, times in samples.items():
            median = statistics.median(times)
            print(f"{version:>8} {median * 1000:10.1f} {median / newest:9.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
