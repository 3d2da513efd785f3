"""The lock holds for every supported Python: the versions named agree (scripts/pythons.sh,
requires-python, the lock's header), and each version, or a newer one, finds exactly one pin for
every package the lock names and for everything trkmono, its tests and its build need.
(.ci/run installs from it on the lowest and the highest version and runs the suite.)"""

from __future__ import annotations

import re

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

LOCK = REPO / "requirements" / "lock.txt"


def supported() -> list[str]:
    """The versions scripts/pythons.sh names, lowest first."""
    found = re.search(r'^SUPPORTED="([^"]+)"', (REPO / "scripts" / "pythons.sh").read_text(), re.MULTILINE)
    return found[1].split()


def pins_for(python: str) -> dict[str, list[str]]:
    """package -> the versions the lock pins for ``python`` (one each, when the lock is right)."""
    pins: dict[str, list[str]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"python_version": python}):
                (pinned,) = requirement.specifier
                assert pinned.operator == "==", line
                pins.setdefault(canonicalize_name(requirement.name), []).append(pinned.version)
    return pins


def needed() -> set[str]:
    """What trkmono, its test extra and its build name."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    names = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"],
             *project["build-system"]["requires"]]
    return {canonicalize_name(Requirement(name).name) for name in names}


def test_the_lowest_supported_python_is_requires_pythons_bound():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["requires-python"] == f">={supported()[0]}"


def test_the_lock_says_which_pythons_it_was_made_for():
    assert f"({', '.join(supported())})" in LOCK.read_text(encoding="utf-8").splitlines()[1]


@pytest.mark.parametrize("python", [*supported(), "3.14"])
def test_every_python_finds_one_pin_per_package_and_all_it_needs(python):
    pins = pins_for(python)
    assert {name: versions for name, versions in pins.items() if len(versions) != 1} == {}
    assert needed() <= set(pins)


def test_the_readme_set_up_commands_install_from_the_lock():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [block for block in re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL) if "-m venv" in block]
    assert len(commands) == 2
    for command in commands:
        assert command.startswith('python3 -m venv .venv && . .venv/bin/activate && '
                                  'PIP_CONSTRAINT="$PWD/requirements/lock.txt" pip install ')
    assert commands[0].endswith("trkmono show larotrectinib") and commands[1].endswith("pytest")
