"""Finding a drug by name: typos are suggested, other drugs with the same stem are not."""

from __future__ import annotations

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
        library.find("taletrectinib")
    assert other.value.suggestions == [] and "packaged library" in str(other.value)
