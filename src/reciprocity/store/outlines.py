"""How a chat day's outline is stored: ``pack`` and ``unpack`` of its bytes.

An outline (``evidence.outline.Outline``) is stored one day a row
(``model.ChatDay``) as ``pack`` writes it: the magic ``RCO1``, the number of
messages (unsigned 32-bit), then each column's values in this order and these
sizes, little-endian: minutes (8 bytes), authors (2), lengths (4), kinds (1),
flags (1), fingerprints (8) — the columns and type codes of
``evidence.outline.COLUMNS``. The texts, when kept, are stored beside it.
``day_digest`` of those bytes is stored beside them too: a day of a later
export that packs to the same digest is already stored whole.
"""

from __future__ import annotations

import hashlib
import struct
import sys
from array import array

from reciprocity.evidence.outline import COLUMNS, Outline

_MAGIC = b"RCO1"
_HEADER = struct.Struct("<4sI")


class OutlineError(ValueError):
    """A stored outline that cannot be read (damaged, or from a newer version)."""


def pack(outline: Outline) -> bytes:
    """The day-row bytes of ``outline`` (its texts are not in them)."""
    parts = [_HEADER.pack(_MAGIC, len(outline))]
    for column in outline.columns():
        if sys.byteorder == "big":  # pragma: no cover - stored little-endian everywhere
            column = array(column.typecode, column)
            column.byteswap()
        parts.append(column.tobytes())
    return b"".join(parts)


def day_digest(packed: bytes) -> str:
    """The digest a day's packed outline is known by (BLAKE2b, 16 bytes, in hex)."""
    return hashlib.blake2b(packed, digest_size=16).hexdigest()


def unpack(data: bytes, texts: list[str | None] | None = None) -> Outline:
    """The outline ``pack`` wrote to ``data``, with ``texts`` if they were kept.

    Raises OutlineError when the bytes are damaged or in a layout this version
    cannot read.
    """
    try:
        magic, count = _HEADER.unpack_from(data)
    except struct.error:
        raise OutlineError("a stored chat day is too short to read") from None
    if magic != _MAGIC:
        raise OutlineError("a stored chat day is in a form this version cannot read")
    columns = []
    at = _HEADER.size
    for _name, code in COLUMNS:
        column = array(code)
        size = count * column.itemsize
        if at + size > len(data):
            raise OutlineError("a stored chat day is cut short")
        column.frombytes(data[at : at + size])
        if sys.byteorder == "big":  # pragma: no cover
            column.byteswap()
        columns.append(column)
        at += size
    if at != len(data) or (texts is not None and len(texts) != count):
        raise OutlineError("a stored chat day does not add up")
    minutes, authors, lengths, kinds, flags, fingerprints = columns
    return Outline(minutes, authors, lengths, kinds, flags, fingerprints, texts)
