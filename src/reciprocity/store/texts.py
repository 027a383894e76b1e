"""Message texts set aside while an import reads, so that ``--keep-text`` holds no more than a day.

With text kept, an import used to hold every message's text until the end,
when it knows which chat the file is and who is who: a million texts took
hundreds of megabytes. Now each batch's texts go, as the UTF-8 the outline
was made from, into an anonymous temporary file (removed by the system the
moment it is closed, and never given a name another process could open);
the outline says where each message was read (``Outline.rows``), and the
store fetches a day's texts back when it writes that day. Each text is
followed by the byte 0xFF, which UTF-8 never holds, so a day's run of texts
comes back with one read and one split.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from itertools import accumulate, repeat
from operator import add
from types import TracebackType


class TextSpill:
    """Texts in the order read, written to a private temporary file and read back by row."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 -- closed by close()
        self._ends = array("q")
        self._size = 0

    def __enter__(self) -> TextSpill:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def __len__(self) -> int:
        return len(self._ends)

    def add(self, texts: list[bytes]) -> None:
        """Set ``texts`` aside after those already there."""
        if not texts:
            return
        ends = list(accumulate(map(len, texts), initial=self._size))
        self._file.seek(0, os.SEEK_END)
        self._file.write(_END.join(texts) + _END)
        self._ends.extend(map(add, ends[1:], range(1, len(texts) + 1)))
        self._size = self._ends[-1]

    def texts(self, rows: array[int]) -> list[str | None]:
        """The texts read at ``rows``, in that order (one read when the rows follow each other)."""
        if not rows:
            return []
        first, last = rows[0], rows[-1]
        if last - first + 1 == len(rows) and all(map(int.__lt__, rows, rows[1:])):
            return self._run(first, last + 1)
        return [self._run(row, row + 1)[0] for row in rows]

    def _run(self, start: int, stop: int) -> list[str | None]:
        """The texts of rows ``start`` up to ``stop``, read in one piece."""
        ends = self._ends
        base = ends[start - 1] if start else 0
        self._file.seek(base)
        pieces = self._file.read(ends[stop - 1] - base).split(_END)
        del pieces[-1]  # after the last text's end
        return list(map(bytes.decode, pieces, repeat("utf-8"), repeat("surrogatepass")))


_END = b"\xff"
