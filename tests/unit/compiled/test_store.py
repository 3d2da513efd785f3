"""The compiled store: what goes in comes out, verified; what cannot be decoded is absent."""

from __future__ import annotations

import sqlite3
import zlib

from trkmono.compiled.store import Store

KEY = ("a" * 64, "testinib.yaml")


def compiled(text: str = "Blocks a fictional kinase.", errors: list | None = None) -> dict:
    monograph = {"id": "testinib", "identity": {"generic_name": "testinib"}}
    return {"id": "testinib", "names": [[["id"], "testinib", False]], "errors": errors or [],
            "compiled_on": "2026-11-29", "monograph": monograph, "head": {"id": "testinib"}, "references": [],
            "records": [{"loc": ["mechanism", "summary"], "text": text, "source": None},
                        {"loc": ["safety"], "text": "Paraesthesia and QTc prolongation", "source": None}]}


def test_a_stored_file_reads_back():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    summary = store.summaries([KEY])[KEY]
    assert (summary.id, summary.names, summary.errors) == ("testinib", [(("id",), "testinib", False)], [])
    assert store.monograph(KEY).identity.generic_name == "testinib"
    assert [r["text"] for r in store.records(KEY)][0] == "Blocks a fictional kinase."


def test_an_altered_monograph_is_not_served():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    body = store.connection.execute("SELECT monograph FROM compiled").fetchone()[0]
    altered = zlib.compress(zlib.decompress(body).replace(b"testinib", b"otherinib"))
    store.connection.execute("UPDATE compiled SET monograph = ?", (altered,))
    assert store.monograph(KEY) is None


def test_a_summary_of_the_wrong_shape_is_left_out():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    store.connection.execute("UPDATE compiled SET names = '{\"not\": \"a list\"}'")
    assert store.summaries([KEY]) == {}


def test_the_index_finds_word_starts_and_british_spellings():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    assert [len(records) for _, records in store.matching_records(["paresthesia"])] == [1]
    assert [len(records) for _, records in store.matching_records(["qt"])] == [1]
    assert list(store.matching_records(["inase"])) == []  # not at a word start


def test_putting_a_key_again_replaces_its_records():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    store.put({KEY: compiled("Blocks an edited kinase.")})
    texts = [r["text"] for r in store.records(KEY)]
    assert texts.count("Blocks an edited kinase.") == 1 and "Blocks a fictional kinase." not in texts


def test_a_packaged_store_is_read_only(tmp_path):
    from trkmono.compiled.store import build
    path = tmp_path / "library.sqlite"
    built = build(path)
    built.put({KEY: compiled()})
    built.set_listing([KEY])
    built.connection.close()
    packaged = Store.packaged(path)
    assert packaged.list_files() == [KEY]
    packaged.put({KEY: compiled("ignored")})  # a read-only store takes nothing, silently
    try:
        packaged.connection.execute("DELETE FROM compiled")
        raise AssertionError("a packaged store must refuse writes")
    except sqlite3.OperationalError:
        pass


def test_a_stored_text_that_unpacks_too_big_is_not_served(monkeypatch):
    from trkmono.compiled import store as stored
    store = Store.in_memory()
    store.put({KEY: compiled()})
    assert store.monograph(KEY) is not None
    monkeypatch.setattr(stored, "MAX_UNPACKED", 10)  # the monograph's JSON is longer than this
    assert store.monograph(KEY) is None


def test_references_are_those_asked_for_in_the_monographs_order():
    store = Store.in_memory()
    entry = compiled()
    entry["references"] = [{"id": "b-ref", "title": "B"}, {"id": "a-ref", "title": "A"}, {"id": "c-ref", "title": "C"}]
    store.put({KEY: entry})
    assert [ref["title"] for ref in store.references(KEY, {"a-ref", "b-ref"})] == ["B", "A"]
    assert store.references(KEY, set()) == []


def test_a_folder_index_returns_the_summaries_of_exactly_its_file_versions():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    summaries = store.summaries([KEY])
    store.put_folder_index(summaries)
    assert store.folder_index([KEY]) == summaries
    assert store.folder_index([("b" * 64, "testinib.yaml")]) is None  # another version: not this index
    assert store.folder_index([KEY, ("b" * 64, "other.yaml")]) is None


def test_an_altered_folder_index_is_not_used():
    store = Store.in_memory()
    store.put({KEY: compiled()})
    store.put_folder_index(store.summaries([KEY]))
    body = store.connection.execute("SELECT body FROM folder_index").fetchone()[0]
    store.connection.execute("UPDATE folder_index SET body = ?",
                             (zlib.compress(zlib.decompress(body).replace(b"testinib", b"otherinib")),))
    assert store.folder_index([KEY]) is None
