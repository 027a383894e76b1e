"""Reading an export a piece at a time, so that memory stays bounded whatever the file.

``line_blocks`` reads whole lines, about ``BLOCK`` bytes at a time; a line far
longer than any chat message is cut to ``LONGEST_LINE`` bytes and the rest of
it skipped, so one 250 MB line costs no more memory than a normal block.
``Limited`` wraps a stream (a zip member) and stops it past a size and a
compression ratio, whatever the zip's headers claim.

Pure reading: nothing here knows a format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from reciprocity.errors import ImportFormatError

BLOCK = 4 * 1024**2
LONGEST_LINE = 1024**2
"""A line is cut past about this many bytes: WhatsApp allows 65,536 characters in a message."""


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass
class Cut:
    """A line that was cut: the block it ends up in, where it starts there, and its bytes."""

    block: int
    offset: int
    size: int


@dataclass
class LineBlocks:
    """Blocks of whole lines of ``handle``, with ``cuts`` listing the lines cut short.

    Each block ends with a line end (but the file's last, if it has none). A
    line is cut when a stretch of ``longest`` bytes holds no line end: what
    comes after (up to its line end) is not read, and the line is listed in
    ``cuts`` by the block it is in (counted from 0) and where it starts
    there; lines a little over ``longest`` may pass whole, never one over
    twice that. Lines are not counted here: the reader counts them anyway.
    """

    handle: Readable
    size: int = BLOCK
    longest: int = LONGEST_LINE
    cuts: list[Cut] = field(default_factory=list)

    def __iter__(self) -> Iterator[bytes]:
        rest = b""
        number = 0
        skipping = -1  # the size so far of a long line whose end is being looked for
        while chunk := self.handle.read(self.size):
            if skipping >= 0:
                end = chunk.find(b"\n")
                if end < 0:
                    skipping += len(chunk)
                    continue
                self.cuts.append(Cut(number, 0, skipping + end))
                skipping, chunk = -1, chunk[end:]
            last = chunk.rfind(b"\n") + 1
            if last == 0:
                rest += chunk
                if len(rest) > self.longest:
                    rest, skipping = _whole_characters(rest, self.longest), len(rest)
                continue
            # One copy a block: the rest of the last line, then the chunk up to its last line end.
            if last == len(chunk):
                block = b"".join((rest, chunk)) if rest else chunk
            else:
                block = b"".join((rest, memoryview(chunk)[:last]))
            rest = chunk[last:]
            if len(block) > self.longest:
                block = self._cut_long_lines(block, number)
            yield block
            number += 1
        if skipping >= 0:
            self.cuts.append(Cut(number, 0, skipping))
        if rest:
            yield rest

    def _cut_long_lines(self, block: bytes, number: int) -> bytes:
        """``block`` with every line that holds a newline-free stretch of ``longest`` bytes cut."""
        longest = self.longest
        windows = range(0, len(block) - longest, longest)
        if all(block.find(b"\n", at, at + longest + 1) >= 0 for at in windows):
            return block
        parts = []
        start = 0
        for at in windows:
            if at < start or block.find(b"\n", at, at + longest + 1) >= 0:
                continue
            begin = block.rfind(b"\n", 0, at) + 1
            end = block.find(b"\n", at + longest)
            end = len(block) if end < 0 else end
            parts.append(block[start:begin])
            offset = sum(map(len, parts))
            parts.append(_whole_characters(block[begin:end], longest))
            self.cuts.append(Cut(number, offset, end - begin))
            start = end
        parts.append(block[start:])
        return b"".join(parts)


def _whole_characters(data: bytes, size: int) -> bytes:
    """The first ``size`` bytes of ``data``, not ending inside a UTF-8 character."""
    cut = min(size, len(data))
    while 0 < cut < len(data) and data[cut] & 0xC0 == 0x80:
        cut -= 1
    return data[:cut]


class Limited:
    """A stream read through, stopped with an ImportFormatError past ``limit`` bytes.

    Used for a zip member: its headers may lie about its size, so the bytes
    that actually come out are counted. ``reason`` says why the limit is there.
    """

    def __init__(self, handle: Readable, limit: int, reason: str, where: str) -> None:
        self.handle = handle
        self.limit = limit
        self.reason = reason
        self.where = where
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size if size >= 0 else self.limit + 1 - self.count)
        self.count += len(data)
        if self.count > self.limit:
            raise ImportFormatError(self.reason, self.where)
        return data
