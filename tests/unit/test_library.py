"""Finding a drug by name: typos are suggested, other drugs with the same stem are not."""

from __future__ import annotations

import zlib

import pytest

from trkmono.errors import NotFound
from trkmono.library import _edits, open_library


@pytest.mark.parametrize("a, b, distance", [("entrectinb", "entrectinib", 1), ("larotrectnib", "larotrectinib", 1),
                                            ("taletrectinib", "utatrectinib", 3), ("", "abc", 3)])
def test_edit_distance(a, b, distance):
    assert _edits(a, b) == distance


def test_a_typo_is_suggested_and_another_drug_is_not():
    library = open_library(None)
    with pytest.raises(NotFound) as typo:
        library.find("entrectinb")
    assert typo.value.suggestions == ["entrectinib"]
    with pytest.raises(NotFound) as other:
        library.find("dovitrectinib")
    assert other.value.suggestions == [] and "packaged library" in str(other.value)


@pytest.mark.parametrize("head", [None, b"not packed", zlib.compress(b'{"x": 1}')])
def test_a_search_hit_whose_stored_head_is_lost_or_broken_is_still_found(tmp_path, valid_text, head):
    import sqlite3
    from trkmono.compiled import cache_folder
    (tmp_path / "testinib.yaml").write_text(valid_text, encoding="utf-8")
    expected = [(h.id, len(records)) for h, records in open_library(tmp_path).matching_records(["kinase"])]
    store = next(cache_folder.private_folder().glob("compiled-*.sqlite"))
    with sqlite3.connect(store) as db:
        db.execute("UPDATE compiled SET head = ?", (head,))
    found = [(h.id, len(records)) for h, records in open_library(tmp_path).matching_records(["kinase"])]
    assert found == expected and expected and expected[0][0] == "testinib"


def test_the_code_stamp_reads_each_release_from_its_metadata():
    from importlib.metadata import version
    from trkmono.library import _release
    assert [_release(name) for name in ("PyYAML", "pydantic", "pydantic-core")] == \
        [version(name) for name in ("PyYAML", "pydantic", "pydantic-core")]
    assert _release("no-such-distribution-trkmono") == "absent"


@pytest.mark.parametrize("where", [".", "./", "lib", "lib//"])
def test_files_are_shown_by_the_path_the_user_gave(tmp_path, monkeypatch, valid_text, where):
    from pathlib import Path
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "testinib.yaml").write_text(valid_text, encoding="utf-8")
    monkeypatch.chdir(folder if where.startswith(".") else tmp_path)
    member = open_library(Path(where)).member("testinib")
    assert member.path == ("testinib.yaml" if where.startswith(".") else "lib/testinib.yaml")
