"""A chat's conversations, and each person's exchange with the user in them.

Between the outline of a whole chat (``evidence.outline``) and the reading of
one exchange (``evidence.derive.read``): which of the chat's messages are
between the user and each person. A conversation starts after a silence of
``EvidenceSettings.silence``, as ``derive`` counts them.

Pure, and over whole columns: the conversations are found and the messages
picked with C-level ``map``, ``zip`` and ``compress``, never a Python
statement per message.
"""

from __future__ import annotations

import sys
from array import array
from itertools import compress, count, repeat
from operator import eq, ge, ne, sub

from reciprocity.evidence.derive import EvidenceSettings, Exchange
from reciprocity.evidence.outline import CALL, Outline


def exchanges_by_person(
    outline: Outline, me: int, people: dict[int, int], settings: EvidenceSettings
) -> dict[int, Exchange]:
    """For each person, the exchange between them and the user, in time order.

    ``people`` maps member positions to person ids (two names may stand for
    one person). In a chat of two it is every message. In a group a message
    of the user's is not addressed to everyone: each person's exchange is
    made of the conversations (split by ``settings.silence``) in which both
    they and the user wrote, with only their two sides' messages.

    Calls are not messages: they are set apart first. In a chat of two they
    are the exchange's calls; in a group nobody is called in particular, so
    they are left out.
    """
    calls: tuple[list[int], list[bool]] = ([], [])
    if CALL in outline.kinds:
        called = list(map(eq, outline.kinds, repeat(CALL)))
        calls = (
            list(compress(outline.minutes, called)),
            [author == me for author in compress(outline.authors, called)],
        )
        written = list(map(ne, outline.kinds, repeat(CALL)))
        outline = outline.take(list(compress(range(len(outline)), written)))
    minutes, authors = outline.minutes, outline.authors
    codes = _codes(authors)
    # With more members than a byte numbers, message by message (in C still).
    mine = bytes(map(eq, authors, repeat(me))) if codes is None else codes.translate(_marking({me}))
    if len(set(people.values())) == 1 and set(authors) <= {me, *people}:
        return {
            next(iter(people.values())): Exchange(
                minutes, mine, outline.lengths, outline.flags, *calls
            )
        }
    silence = int(settings.silence.total_seconds() // 60)
    # Where each conversation starts: the first message, and every one after a silence.
    gaps = map(sub, minutes[1:], minutes[:-1])
    starts = [0, *compress(count(1), map(ge, gaps, repeat(silence)))]
    stops = [*starts[1:], len(minutes)]
    sizes = list(map(sub, stops, starts))
    if codes is None:
        spoke = [set(authors[start:stop]) for start, stop in zip(starts, stops, strict=True)]
    else:
        spoke = [set(codes[start:stop]) for start, stop in zip(starts, stops, strict=True)]
    exchanges = {}
    flags = outline.flags.tobytes()  # one byte a message: compressed as bytes, without boxing
    for person in set(people.values()):
        theirs = {p for p, owner in people.items() if owner == person}
        joined = [me in names and not theirs.isdisjoint(names) for names in spoke]
        within = b"".join(map(bytes.__mul__, map(_BYTE.__getitem__, joined), sizes))
        if codes is None:
            two_sides = bytes(map((theirs | {me}).__contains__, authors))
        else:
            two_sides = codes.translate(_marking(theirs | {me}))
        # Both masks hold 0 or 1 a message: as whole numbers, "and" is one step in C.
        both = int.from_bytes(within, "little") & int.from_bytes(two_sides, "little")
        kept = both.to_bytes(len(minutes), "little")
        # Columns as arrays and bytes: a few bytes a message, not an object each.
        exchanges[person] = Exchange(
            array("q", compress(minutes, kept)),
            bytes(compress(mine, kept)),
            array("i", compress(outline.lengths, kept)),
            array("b", bytes(compress(flags, kept))),
        )
    return exchanges


_BYTE = {False: b"\x00", True: b"\x01"}


def _codes(authors: array[int]) -> bytes | None:
    """Each message's author as one byte, when every member's position fits in one."""
    if not authors:
        return None
    if authors.itemsize == 2:
        # Read as bytes, not number by number: every high byte nought is 0 to 255.
        raw = authors.tobytes()
        low = 0 if sys.byteorder == "little" else 1
        high = raw[1 - low :: 2]
        return raw[low::2] if high.count(0) == len(high) else None
    if min(authors) < 0 or max(authors) > 255:
        return None
    return bytes(authors)


def _marking(positions: set[int]) -> bytes:
    """A table for ``bytes.translate``: 1 for the members at ``positions``, 0 for everyone else."""
    return bytes(1 if code in positions else 0 for code in range(256))
