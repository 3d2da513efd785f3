"""Time trkmono's commands as whole processes against a minimal typer app, side by side.

Usage (from the repository root, with trkmono installed in the current interpreter):
    python benchmarks/startup.py [--repeat 11] [--large 1000] [--huge 10000]

It builds libraries in a temporary folder: the shipped monographs as a folder ("small"), and
LARGE and HUGE monographs generated from them with distinct ids and names. It writes a typer
application of two commands that do nothing (the floor, on the same typer release), then runs
every case in turn, round after round, so each round measures all of them under the same load.
Each round runs the packaged-library commands with an empty cache folder; the large-library
cases use a cache warmed once, untimed (its cold cost is printed separately). Printed: median
milliseconds, the ratio to the floor (or to the stated baseline), and, from one more run of each
case, peak memory (summed proportional set size of the process and its workers, from /proc).

validate is compared with a bare ``yaml.load(CSafeLoader)`` loop over the same files, with a loop
that only takes libyaml's events (the floor of any PyYAML-based checker) and, where
check-jsonschema is on PATH, with it (the committed JSON Schema, same files, one run).
Reproduce single rows with public tools, e.g.:
    hyperfine -w 2 'trkmono show larotrectinib' 'python minimal.py first'
    /usr/bin/time -v trkmono search fatigue --data-dir LARGE
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

from trkmono.reading.folders import packaged_data_dir

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

BARE_YAML_LOOP = '''
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
'''

BARE_EVENTS_LOOP = '''
import sys
from multiprocessing import Pool
from pathlib import Path
from yaml.cyaml import CParser

def events(paths):
    for path in paths:
        parser = CParser(Path(path).read_text(encoding="utf-8"))
        for event in iter(parser.get_event, None):
            pass
        parser.dispose()

if __name__ == "__main__":
    paths = sorted(str(p) for p in Path(sys.argv[1]).glob("*.yaml"))
    processes = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    if processes == 1:
        events(paths)
    else:
        with Pool(processes) as pool:
            pool.map(events, [paths[i::processes] for i in range(processes)])
'''
"""libyaml's events and nothing else: the floor under any checker that reads YAML with PyYAML
(in one process, or split among several as validate splits its files)."""

BARE_LIBYAML_LOOP = '''
import sys
from pathlib import Path
from yaml.cyaml import CParser
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    parser = CParser(path.read_text(encoding="utf-8"))
    parser.raw_parse()
    parser.dispose()
'''
"""libyaml parsing alone, no Python object made per event (PyYAML's own benchmark hook): how much
of the events floor is libyaml and how much is PyYAML making an object of each event."""


def synthetic_library(target: Path, count: int) -> None:
    """``count`` monographs made from the shipped ones, each with its own id and names."""
    bases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(packaged_data_dir().glob("*.yaml"))]
    target.mkdir(parents=True)
    for i in range(count):
        data = bases[i % len(bases)]
        suffix = f"-{i:05d}"
        identity = dict(data["identity"], generic_name=data["identity"]["generic_name"] + suffix)
        for field in ("synonyms", "codes", "brands"):
            identity[field] = [{**entry, "name": entry["name"] + suffix} for entry in identity.get(field, [])]
        identity["identifiers"] = [{**entry, "value": entry["value"] + suffix}
                                   for entry in identity.get("identifiers", [])]
        clone = {**data, "id": data["id"] + suffix, "identity": identity}
        text = yaml.dump(clone, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                         allow_unicode=True)
        (target / f"{clone['id']}.yaml").write_text(text, encoding="utf-8")


def run(command: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run, nothing else running beside it; it must succeed (or exit 1)."""
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
    if code not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(command)}")
    return time.perf_counter() - start


def peak_memory(command: list[str], env: dict[str, str]) -> int:
    """Peak, over one more run, of the summed proportional set size (KiB) of the process and its
    workers (sampled every 5 ms from /proc; kept apart from the timed runs, which it would slow)."""
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


def touch_one(folder: Path) -> None:
    """Change one file's content (alternating between two versions), as a curator's edit would."""
    path = sorted(folder.glob("*.yaml"))[len(list(folder.glob("*.yaml"))) // 2]
    text = path.read_text(encoding="utf-8")
    marker = "# edited\n"
    path.write_text(text[len(marker):] if text.startswith(marker) else marker + text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="rounds (default 11)")
    parser.add_argument("--large", type=int, default=1000, help="monographs in the large library")
    parser.add_argument("--huge", type=int, default=10000, help="monographs for the memory cases (0: skip)")
    args = parser.parse_args()
    python = sys.executable
    trkmono = [str(Path(python).parent / "trkmono")]
    work = Path(tempfile.mkdtemp(prefix="trkmono-bench-"))
    try:
        small, large, huge = work / "small", work / "large", work / "huge"
        shutil.copytree(packaged_data_dir(), small)
        synthetic_library(large, args.large)
        target = sorted(p.stem for p in large.glob("larotrectinib-*.yaml"))[0]
        (work / "minimal.py").write_text(MINIMAL_APP, encoding="utf-8")
        (work / "bare_yaml.py").write_text(BARE_YAML_LOOP, encoding="utf-8")
        (work / "bare_events.py").write_text(BARE_EVENTS_LOOP, encoding="utf-8")
        (work / "bare_libyaml.py").write_text(BARE_LIBYAML_LOOP, encoding="utf-8")
        base = {**os.environ, "COLUMNS": "100"}
        base.pop("NO_COLOR", None)
        base.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules are kept, as for an installed package
        empty = {**base, "TRKMONO_CACHE_DIR": str(work / "empty-cache")}
        warm = {**base, "TRKMONO_CACHE_DIR": str(work / "warm-cache")}
        packaged = [
            ("show", ["show", "larotrectinib", "--no-pager"]),
            ("list", ["list"]),
            ("compare", ["compare", "--no-pager"]),
            ("dose", ["dose", "larotrectinib", "--bsa", "0.6", "--no-pager"]),
            ("interactions", ["interactions", "entrectinib", "--no-pager"]),
            ("resistance", ["resistance", "--no-pager"]),
            ("search", ["search", "fatigue", "--no-pager"]),
            ("unknown name", ["show", "nosuchdrug"]),
        ]
        cases = [("floor: minimal typer app", [python, str(work / "minimal.py"), "first"], base, "floor")]
        cases += [(f"{name} (packaged, empty cache)", trkmono + argv, empty, "floor") for name, argv in packaged]
        cases += [
            ("show (small folder, warm)", trkmono + ["show", "larotrectinib", "--data-dir", str(small), "--no-pager"],
             warm, "floor"),
            (f"show ({args.large} folder, warm)", trkmono + ["show", target, "--data-dir", str(large), "--no-pager"],
             warm, "show (small folder, warm)"),
            (f"show ({args.large} folder, one file changed)",
             trkmono + ["show", target, "--data-dir", str(large), "--no-pager"], warm, "show (small folder, warm)"),
            (f"search ({args.large} folder, warm)",
             trkmono + ["search", "fatigue", "--data-dir", str(large), "--no-pager"], warm, "show (small folder, warm)"),
            (f"validate ({args.large} files)", trkmono + ["validate", str(large)], base, "floor"),
            (f"validate ({args.large} files, --jobs 1)", trkmono + ["validate", "--jobs", "1", str(large)], base,
             "floor"),
            (f"bare yaml.load(CSafeLoader) ({args.large} files)", [python, str(work / "bare_yaml.py"), str(large)],
             base, "floor"),
            (f"libyaml events only ({args.large} files)", [python, str(work / "bare_events.py"), str(large)],
             base, "floor"),
            (f"libyaml events only ({args.large} files, 2 processes)",
             [python, str(work / "bare_events.py"), str(large), "2"], base, "floor"),
            (f"libyaml parse alone ({args.large} files)", [python, str(work / "bare_libyaml.py"), str(large)],
             base, "floor"),
        ]
        start = time.perf_counter()
        run(trkmono + ["list", "--data-dir", str(large)], warm)
        cold_large = time.perf_counter() - start
        times: dict[str, list[float]] = {name: [] for name, *_ in cases}
        for _ in range(args.repeat):
            for name, command, env, _ in cases:
                shutil.rmtree(work / "empty-cache", ignore_errors=True)
                if "one file changed" in name:
                    touch_one(large)
                times[name].append(run(command, env))
        memory = {}
        for name, command, env, _ in cases:
            shutil.rmtree(work / "empty-cache", ignore_errors=True)
            memory[name] = peak_memory(command, env)
        report(times, memory, {name: baseline for name, _, _, baseline in cases})
        print(f"first read command on the {args.large} folder (compiles every file, cache empty): "
              f"{cold_large:.1f} s")
        checker = shutil.which("check-jsonschema")
        if checker:  # one run: it is slow enough that rounds would add nothing
            schema = Path(__file__).resolve().parents[1] / "monograph.schema.json"
            files = sorted(str(p) for p in large.glob("*.yaml"))
            elapsed = run([checker, "--schemafile", str(schema), *files], base)
            ours = statistics.median(times[f"validate ({args.large} files)"])
            print(f"check-jsonschema with the committed JSON Schema ({args.large} files, one run): "
                  f"{elapsed:.1f} s, {elapsed / ours:.0f} x trkmono validate")
        if args.huge:
            synthetic_library(huge, args.huge)
            run(trkmono + ["list", "--data-dir", str(huge)], warm)  # compile once
            for name, argv in (("list", ["list"]), ("search fatigue", ["search", "fatigue", "--no-pager"])):
                command = trkmono + argv + ["--data-dir", str(huge)]
                elapsed, peak = run(command, warm), peak_memory(command, warm)
                print(f"{name} ({args.huge} folder, warm): {elapsed * 1000:.0f} ms, peak {peak / 1024:.0f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(times: dict[str, list[float]], memory: dict[str, int], baselines: dict[str, str]) -> None:
    """Median ms, ratio to its baseline (the floor unless stated), peak MiB of all processes."""
    medians = {name: statistics.median(samples) for name, samples in times.items()}
    floor = medians["floor: minimal typer app"]
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {len(next(iter(times.values())))} rounds")
    print(f"{'case':48} {'median ms':>10} {'ratio':>6}  {'to':<26} {'peak MiB':>8}")
    for name, median in medians.items():
        baseline = baselines[name]
        against = floor if baseline == "floor" else medians[baseline]
        print(f"{name:48} {median * 1000:10.1f} {median / against:6.2f}  {baseline:<26} {memory[name] / 1024:8.1f}")


if __name__ == "__main__":
    main()
