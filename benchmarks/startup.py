"""Time trkmono's commands as whole processes against the framework floor, and their peak memory.

Usage (from the repository root, with trkmono installed in the current interpreter):
    python benchmarks/startup.py [--repeat 15]

It builds two libraries in a temporary folder (the 3 shipped monographs, and 1,000 monographs
generated from them with distinct ids and names), writes a minimal typer application (two
commands that do nothing), then runs every command in turn, round after round, so that each
round measures all of them under the same machine load. It prints medians, ratios to the floor,
peak resident memory (ru_maxrss: the largest single process) and, from one more run of each case,
the peak of all its processes' proportional set sizes together (worker processes included).
Answers are cached: "warm" rows are measured after one untimed run, "cold" rows with an empty
cache folder every time. Python keeps compiled modules (__pycache__) as usual, even where
PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from trkmono.locations import packaged_data_dir

MINIMAL_APP = '''
import typer
app = typer.Typer()

@app.command()
def first():
    pass

@app.command()
def second():
    pass

app()
'''


def synthetic_library(target: Path, count: int) -> None:
    """``count`` monographs made from the shipped ones, each with its own id and names."""
    shipped = sorted(packaged_data_dir().glob("*.yaml"))
    bases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in shipped]
    target.mkdir(parents=True)
    for i in range(count):
        data = bases[i % len(bases)]
        suffix = f"-{i:04d}"
        clone = {**data, "id": data["id"] + suffix}
        identity = dict(data["identity"])
        identity["generic_name"] = identity["generic_name"] + suffix
        for field in ("synonyms", "codes", "brands"):
            identity[field] = [{**entry, "name": entry["name"] + suffix} for entry in identity.get(field, [])]
        clone["identity"] = identity
        (target / f"{clone['id']}.yaml").write_text(
            yaml.safe_dump(clone, sort_keys=False, allow_unicode=True), encoding="utf-8")


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in KiB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def tree_memory(command: list[str], env: dict[str, str]) -> int:
    """Peak, over one run, of the summed proportional set size (KiB) of the process and its
    children (worker processes share pages with their parent, so resident sizes would count
    those twice). Sampled every 5 ms from /proc; 0 where /proc cannot tell."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_pss(pid) for pid in _process_tree(process.pid)))
        time.sleep(0.005)
    return peak


def _process_tree(pid: int) -> list[int]:
    pids = [pid]
    for parent in pids:  # grows while it is read: children, then theirs
        try:
            pids += [int(child) for child in Path(f"/proc/{parent}/task/{parent}/children").read_text().split()]
        except OSError:
            continue
    return pids


def _pss(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="rounds (default 15)")
    args = parser.parse_args()
    python = sys.executable
    trkmono = [str(Path(python).parent / "trkmono")]
    work = Path(tempfile.mkdtemp(prefix="trkmono-bench-"))
    try:
        small, large = work / "small", work / "large"
        shutil.copytree(packaged_data_dir(), small)
        synthetic_library(large, 1000)
        target = sorted(p.stem for p in large.glob("larotrectinib-*.yaml"))[0]
        (work / "minimal.py").write_text(MINIMAL_APP, encoding="utf-8")
        env = {**os.environ, "TRKMONO_CACHE_DIR": str(work / "cache"), "COLUMNS": "100"}
        env.pop("NO_COLOR", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules are kept, as for an installed package
        cold_env = {**env, "TRKMONO_CACHE_DIR": str(work / "cold-cache")}
        completion = {**env, "_TRKMONO_COMPLETE": "complete_bash", "COMP_WORDS": "trkmono sh",
                      "COMP_CWORD": "1"}
        cases = [
            ("python -c pass", [python, "-c", "pass"], env, False),
            ("import typer, rich, pydantic, yaml", [python, "-c", "import typer, rich.console, pydantic, yaml"],
             env, False),
            ("minimal typer app (floor)", [python, str(work / "minimal.py"), "first"], env, False),
            ("show larotrectinib (3 drugs)", trkmono + ["show", "larotrectinib", "--data-dir", str(small)], env, False),
            ("list (3 drugs)", trkmono + ["list", "--data-dir", str(small)], env, False),
            ("compare (3 drugs)", trkmono + ["compare", "--data-dir", str(small)], env, False),
            ("shell completion", trkmono, completion, False),
            ("show larotrectinib-NNNN (1,000 drugs)", trkmono + ["show", target, "--data-dir", str(large)], env,
             False),
            ("validate 1,000 drugs (warm)", trkmono + ["validate", str(large)], env, False),
            ("show larotrectinib (3 drugs, cold)", trkmono + ["show", "larotrectinib", "--data-dir", str(small)],
             cold_env, True),
            ("show larotrectinib-NNNN (1,000 drugs, cold)",
             trkmono + ["show", target, "--data-dir", str(large)], cold_env, True),
            ("validate 1,000 drugs (cold)", trkmono + ["validate", str(large)], cold_env, True),
            ("validate 1,000 drugs (cold, --jobs 1)", trkmono + ["validate", "--jobs", "1", str(large)],
             cold_env, True),
        ]
        for _, command, case_env, _ in cases:  # warm every cache once, untimed
            run_once(command, case_env)
        times: dict[str, list[float]] = {name: [] for name, *_ in cases}
        memory: dict[str, int] = {name: 0 for name, *_ in cases}
        for _ in range(args.repeat):
            for name, command, case_env, cold in cases:
                if cold:
                    shutil.rmtree(work / "cold-cache", ignore_errors=True)
                elapsed, peak = run_once(command, case_env)
                times[name].append(elapsed)
                memory[name] = max(memory[name], peak)
        together = {}
        for name, command, case_env, cold in cases:  # one more run each, for memory only
            if cold:
                shutil.rmtree(work / "cold-cache", ignore_errors=True)
            together[name] = tree_memory(command, case_env)
        report(times, memory, together)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(times: dict[str, list[float]], memory: dict[str, int], together: dict[str, int]) -> None:
    """The table: median ms, ratio to the typer floor, peak MiB of the largest process and of all
    its processes together."""
    floor = statistics.median(times["minimal typer app (floor)"])
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {len(next(iter(times.values())))} rounds")
    print(f"{'case':42} {'median ms':>10} {'x floor':>8} {'peak MiB':>9} {'all MiB':>8}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:42} {median * 1000:10.1f} {median / floor:8.2f} {memory[name] / 1024:9.1f}"
              f" {together[name] / 1024:8.1f}")


if __name__ == "__main__":
    main()
