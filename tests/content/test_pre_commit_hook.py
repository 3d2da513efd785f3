"""The pre-commit hook checks monographs only: its `files` pattern, applied as pre-commit applies
it (re.search on each path relative to the repository), to the paths a repository holds."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO, SHIPPED


def hook_pattern() -> re.Pattern:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "trkmono-validate"
    return re.compile(hook["files"])


@pytest.mark.parametrize("path", ["monographs/larotrectinib.yaml", "data/monographs/entrectinib.yml",
                                  "oncology/trk/monographs/repotrectinib.yaml"])
def test_monographs_in_a_monographs_folder_are_checked(path):
    assert hook_pattern().search(path)


@pytest.mark.parametrize("path", [".pre-commit-config.yaml", ".pre-commit-hooks.yaml", ".github/workflows/ci.yml",
                                  "docs/mkdocs.yaml", "monographs/drafts/notes.yaml", "monographs/README.md",
                                  "old-monographs/x.yaml", "monographs.yaml"])
def test_other_yaml_is_left_alone(path):
    assert not hook_pattern().search(path)


def test_every_shipped_monograph_is_checked_and_no_other_yaml_of_this_repository():
    pattern = hook_pattern()
    checked = {p for p in REPO.rglob("*.y*ml") if ".venv" not in p.parts
               and pattern.search(p.relative_to(REPO).as_posix())}
    assert checked == set(SHIPPED.glob("*.y*ml"))
