"""Texts set aside while an import reads come back as they went in, by row, in any order."""

from __future__ import annotations

from array import array

from reciprocity.store.texts import TextSpill


def test_texts_come_back_by_row() -> None:
    texts = ["hi", "h\u00e9 \U0001f602", "", "two\nlines", "\ud83d half", "last"]
    utf8 = [t.encode("utf-8", "surrogatepass") for t in texts]
    with TextSpill() as spill:
        spill.add(utf8[:2])
        spill.add([])
        spill.add(utf8[2:5])
        spill.add(utf8[5:])
        assert len(spill) == 6
        assert spill.texts(array("q", range(6))) == texts
        assert spill.texts(array("q", [3, 4])) == texts[3:5]
        assert spill.texts(array("q", [5, 0, 2])) == [texts[5], texts[0], texts[2]]
        assert spill.texts(array("q")) == []
        spill.add([b"after reading"])
        assert spill.texts(array("q", [6, 1])) == ["after reading", texts[1]]
