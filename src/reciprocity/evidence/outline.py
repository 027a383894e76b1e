"""What is kept of each chat message, column by column: its outline.

For every message: the minute it was sent (counted as ``evidence.message.minute_of``
counts), who wrote it (a position among the chat's members), its length, its
kind, the signal words found in it (``evidence.signals.FLAG_*``) and a
fingerprint of minute, author and text that recognises it in a later or
overlapping export. Its text only when the user asks for it.

Columns are ``array`` objects and every step over them runs in C (``map``,
``zip``, slicing), never a Python statement per message: a million messages
are outlined in well under a second and take about 30 MB.

Pure: nothing here reads files or the database. How an outline is stored (one
day a row, packed) is the store's business: ``store.outlines``.

The columnar interface (where a compiled core could be dropped in)
------------------------------------------------------------------
Parsing and outlining meet only in columns, one value a message, so either
step, or both fused, could be replaced by compiled code without touching
anything around them:

* **in** (from a parser): ``evidence.message.MessageColumns`` batches:
  ``minutes`` (``array('q')``, minutes since 0001-01-01 as ``minute_of``
  counts), ``seconds`` (0-59), ``authors`` (names, ``str``), ``texts``
  (``str``) with ``utf8`` (the same texts as UTF-8 bytes, when the parser has
  them), ``kinds`` (``MessageKind``) and ``lines`` (the first line of each,
  read only for a message that is left out);
* **out** (``Outliner.outline``): an ``Outline``, six ``array`` columns:
  ``minutes`` (``q``), ``authors`` (``h``: positions in ``Outliner.names``,
  in the order names first write), ``lengths`` (``i``: characters), ``kinds``
  (``b``: positions in ``KINDS``), ``flags`` (``b``: ``signals.FLAG_*`` bits)
  and ``fingerprints`` (``q``: ``minute << 32 | crc32(utf8, crc32(author's
  UTF-8))``, a repeat within its minute given the next by ``_distinct``),
  with ``rows`` when texts are set aside; and, on the ``Outliner``, the
  ``names``, the spans to the second, ``callers`` and ``skipped``.

A compiled WhatsApp core would take a segment's bytes
(``whatsapp_file.Segment``, with the survey's runs and dates) and give these
columns directly. Its fingerprints must be the same bit for bit: stored days
recognise an export by them.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq, is_, le, lshift, not_, or_

from reciprocity.coach import chats as words
from reciprocity.evidence.message import (
    EARLIEST,
    LATEST,
    MINUTES_PER_DAY,
    MessageColumns,
    MessageKind,
    Skipped,
    moment_of,
)
from reciprocity.evidence.signals import flags_of_many

KINDS = tuple(MessageKind)
"""Stored by position: new kinds are only ever added at the end."""

COLUMNS = (
    ("minutes", "q"),
    ("authors", "h"),
    ("lengths", "i"),
    ("kinds", "b"),
    ("flags", "b"),
    ("fingerprints", "q"),
)
"""Each column of an outline, in order, with its ``array`` type code."""
_KIND_INDEX = {kind: index for index, kind in enumerate(KINDS)}
CALL = _KIND_INDEX[MessageKind.CALL]
"""A call's kind in the ``kinds`` column: contact of its own, not a message."""


def _column(code: str) -> array[int]:
    return array(code)


@dataclass
class Outline:
    """Messages as parallel columns; ``texts`` is None unless text is kept."""

    minutes: array[int] = field(default_factory=lambda: _column("q"))
    authors: array[int] = field(default_factory=lambda: _column("h"))
    lengths: array[int] = field(default_factory=lambda: _column("i"))
    kinds: array[int] = field(default_factory=lambda: _column("b"))
    flags: array[int] = field(default_factory=lambda: _column("b"))
    fingerprints: array[int] = field(default_factory=lambda: _column("q"))
    texts: list[str | None] | None = None
    rows: array[int] | None = None
    """Where each message was read, counted from 0 in the order read: set when the texts are
    set aside as they are read (``Outliner.texts_to``), so each can be fetched back."""

    def __len__(self) -> int:
        return len(self.minutes)

    def columns(self) -> Iterator[array[int]]:
        """The six number columns, in the order of ``COLUMNS``."""
        for name, _code in COLUMNS:
            yield getattr(self, name)

    def extend(self, other: Outline) -> None:
        """Add ``other``'s messages after these (texts become kept if either keeps them)."""
        if self.texts is None and other.texts is not None:
            self.texts = [None] * len(self)
        if self.texts is not None:
            self.texts.extend(other._texts())
        if self.rows is not None and other.rows is not None:
            self.rows.extend(other.rows)
        elif not self and other.rows is not None:
            self.rows = array("q", other.rows)
        else:
            self.rows = None
        for mine, theirs in zip(self.columns(), other.columns(), strict=True):
            mine.extend(theirs)

    def take(self, indices: Sequence[int]) -> Outline:
        """The messages at ``indices``, in that order."""
        columns = [array(c.typecode, map(c.__getitem__, indices)) for c in self.columns()]
        texts = None if self.texts is None else list(map(self.texts.__getitem__, indices))
        rows = None if self.rows is None else array("q", map(self.rows.__getitem__, indices))
        return _made(columns, texts, rows)

    def where(self, mask: bytes) -> Outline:
        """The messages whose byte in ``mask`` is not zero, in their order."""
        columns = [array(c.typecode, compress(c, mask)) for c in self.columns()]
        texts = None if self.texts is None else list(compress(self.texts, mask))
        rows = None if self.rows is None else array("q", compress(self.rows, mask))
        return _made(columns, texts, rows)

    def in_time_order(self) -> Outline:
        """The same messages sorted by minute (stable: a minute's messages keep their order)."""
        minutes = self.minutes
        if all(map(le, minutes, minutes[1:])):
            return self
        return self.take(sorted(range(len(minutes)), key=minutes.__getitem__))

    def days(self) -> Iterator[tuple[int, Outline]]:
        """(day number, that day's messages) for each day, of an outline in time order."""
        for day, start, stop in self.day_bounds():
            yield day, self.slice(start, stop)

    def day_bounds(self) -> Iterator[tuple[int, int, int]]:
        """(day number, first message, after the last) of each day, of an outline in time order.

        Each day's end is found by bisection, so the cost is the number of
        days, not of messages.
        """
        minutes, at, total = self.minutes, 0, len(self.minutes)
        while at < total:
            day = minutes[at] // MINUTES_PER_DAY
            stop = bisect_left(minutes, (day + 1) * MINUTES_PER_DAY, at, total)
            yield day, at, stop
            at = stop

    def slice(self, start: int, stop: int) -> Outline:
        """The messages from ``start`` up to ``stop``, as a slice of a list."""
        columns = [c[start:stop] for c in self.columns()]
        texts = None if self.texts is None else self.texts[start:stop]
        rows = None if self.rows is None else self.rows[start:stop]
        return _made(columns, texts, rows)

    def with_texts(self, texts: list[str | None] | None) -> Outline:
        """The same columns (shared, not copied) with ``texts``, and no ``rows``."""
        return _made(list(self.columns()), texts)

    def _texts(self) -> list[str | None]:
        return self.texts if self.texts is not None else [None] * len(self)


@dataclass
class Span:
    """The first and last time of what was read, to the second (as the export shows it)."""

    first: tuple[int, int] | None = None
    last: tuple[int, int] | None = None

    def add(
        self, minutes: Sequence[int], seconds: Sequence[int], bounds: tuple[int, int] | None = None
    ) -> None:
        """Widen the span to take in messages at ``minutes`` (and ``seconds`` within them).

        ``bounds`` is the lowest and highest of ``minutes`` when the caller has them.
        The second is looked for only in a minute that can widen the span: in
        an export read in time order, the last minute of each batch.
        """
        if not minutes:
            return
        low, high = bounds or (min(minutes), max(minutes))
        if self.first is None or low <= self.first[0]:
            first = low, _second(minutes, seconds, low, earliest=True)
            if self.first is None or first < self.first:
                self.first = first
        if self.last is None or high >= self.last[0]:
            last = high, _second(minutes, seconds, high, earliest=False)
            if self.last is None or last > self.last:
                self.last = last


def _second(minutes: Sequence[int], seconds: Sequence[int], minute: int, *, earliest: bool) -> int:
    """The earliest (or latest) second among the messages sent in ``minute``.

    In time order the minute's messages are together at the batch's start
    (or end), and only they are looked at.
    """
    edge = 0 if earliest else len(minutes) - 1
    if minutes[edge] == minute:
        step = 1 if earliest else -1
        stop = edge
        while 0 <= stop + step < len(minutes) and minutes[stop + step] == minute:
            stop += step
        low, high = min(edge, stop), max(edge, stop) + 1
        if minutes.count(minute) == high - low:
            within = seconds[low:high]
            return min(within) if earliest else max(within)
    found = compress(seconds, map(eq, minutes, repeat(minute)))
    return min(found) if earliest else max(found)


@dataclass
class Outliner:
    """Outlines messages batch by batch, numbering authors as they appear.

    A repeat of the same author and text within a minute (a second "ok") gets
    the next fingerprint, so the two stay two messages in every export that
    shows them in the same order.

    As it goes it notes what the summary of an import says: the span of the
    messages (``messages``) and of the calls (``calls``), to the second, and
    how many calls each name made (``callers``). Calls are outlined like
    messages (kind ``call``) but are not messages. A message dated outside
    the years a chat can have (``EARLIEST`` to ``LATEST``) is left out and
    listed in ``skipped``.

    ``keep_text`` keeps each message's text in the outline. ``texts_to``, when
    given, is handed each batch's texts (UTF-8, in the order read) instead, and
    the outline says where each message was read (``rows``): an import sets
    its texts aside that way rather than holding them all.
    """

    keep_text: bool = False
    texts_to: Callable[[list[bytes]], None] | None = None
    names: list[str] = field(default_factory=list)
    messages: Span = field(default_factory=Span)
    calls: Span = field(default_factory=Span)
    callers: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    _positions: dict[str, int] = field(default_factory=dict)
    _author_crcs: dict[str, int] = field(default_factory=dict)
    _recent: list[tuple[int, int, set[int]]] = field(default_factory=list)
    """The fingerprints of recent batches, with the first and last minute of each."""
    _read: int = 0

    def outline(self, batch: MessageColumns) -> Outline:
        # The lowest and highest minute, found once: every step below needs them.
        bounds = (min(batch.minutes), max(batch.minutes)) if batch.minutes else (0, 0)
        if batch.minutes and (bounds[0] < EARLIEST or bounds[1] >= LATEST):
            batch = self._within_years(batch)
            bounds = (min(batch.minutes), max(batch.minutes)) if batch.minutes else (0, 0)
        names, texts = batch.authors, batch.texts
        self._note_span(batch, bounds)
        for name in [n for n in dict.fromkeys(names) if n not in self._positions]:
            self._positions[name] = len(self.names)
            self.names.append(name)
            self._author_crcs[name] = zlib.crc32(name.encode("utf-8", "surrogatepass"))
        utf8 = batch.utf8
        if utf8 is None:
            utf8 = list(map(str.encode, texts, repeat("utf-8"), repeat("surrogatepass")))
        bodies = map(zlib.crc32, utf8, map(self._author_crcs.__getitem__, names))
        prints = list(map(or_, map(lshift, batch.minutes, repeat(32)), bodies))
        self._make_distinct(prints, bounds)
        rows = None
        if self.texts_to is not None:
            self.texts_to(utf8)
            rows = array("q", range(self._read, self._read + len(prints)))
            self._read += len(prints)
        return Outline(
            array("q", batch.minutes),
            array("h", map(self._positions.__getitem__, names)),
            array("i", map(len, texts)),
            array("b", map(_KIND_INDEX.__getitem__, batch.kinds)),
            array("b", flags_of_many(utf8)),
            array("q", prints),
            texts=list(texts) if self.keep_text else None,
            rows=rows,
        )

    def _within_years(self, batch: MessageColumns) -> MessageColumns:
        kept = []
        first, last = moment_of(EARLIEST).year, moment_of(LATEST).year - 1
        for index, minute in enumerate(batch.minutes):
            if EARLIEST <= minute < LATEST:
                kept.append(index)
                continue
            reason = words.IMPORT_YEAR_OUT_OF_RANGE.format(
                date=_day_text(minute), first=first, last=last
            )
            self.skipped.append(Skipped(batch.lines[index], reason))
        return batch.take(kept)

    def _note_span(self, batch: MessageColumns, bounds: tuple[int, int]) -> None:
        if MessageKind.CALL not in batch.kinds:
            self.messages.add(batch.minutes, batch.seconds, bounds)
            return
        called = list(map(is_, batch.kinds, repeat(MessageKind.CALL)))
        written = list(map(not_, called))
        self.callers.update(compress(batch.authors, called))
        self.calls.add(list(compress(batch.minutes, called)), list(compress(batch.seconds, called)))
        self.messages.add(
            list(compress(batch.minutes, written)), list(compress(batch.seconds, written))
        )

    def _make_distinct(self, prints: list[int], bounds: tuple[int, int]) -> None:
        """Give each repeat of a message within its minute the next fingerprint.

        Exports are written in time order, so a repeat of a message comes in
        the same minute, in the same stretch of the file: only the batches
        within a day of this one are compared, and memory does not grow with
        the file. (In a file out of time order, two repeats far apart may
        share a fingerprint; both are still stored, and both recognised the
        next time.)
        """
        if not prints:
            return
        low, high = bounds  # of the batch's minutes
        recent = [
            entry
            for entry in self._recent
            if entry[1] >= low - MINUTES_PER_DAY and entry[0] <= high + MINUTES_PER_DAY
        ]
        # A fingerprint holds its minute: only batches sharing a minute with this one can
        # hold the same (in an export in time order, the batch before, at most).
        sharing = [entry for entry in recent if entry[1] >= low and entry[0] <= high]
        unique = set(prints)
        if len(unique) == len(prints) and all(unique.isdisjoint(entry[2]) for entry in sharing):
            taken = unique  # the usual case: nothing repeated
        else:
            repeated = set().union(*(unique & entry[2] for entry in sharing))
            if len(unique) < len(prints):
                repeated.update(p for p, n in Counter(prints).items() if n > 1)
            taken = unique - repeated
            earlier = [entry[2] for entry in sharing]
            for index in compress(range(len(prints)), map(repeated.__contains__, prints)):
                prints[index] = _distinct(prints[index], taken, earlier)
        self._recent = [*recent, (low, high, taken)]


def _distinct(fingerprint: int, taken: set[int], earlier: list[set[int]]) -> int:
    minute, body = fingerprint >> 32, fingerprint & 0xFFFFFFFF
    repeat_count = 0
    while fingerprint in taken or any(fingerprint in prints for prints in earlier):
        repeat_count += 1
        fingerprint = (minute << 32) | zlib.crc32(repeat_count.to_bytes(4, "little"), body)
    taken.add(fingerprint)
    return fingerprint


def _day_text(minute: int) -> str:
    try:
        return moment_of(minute).date().isoformat()
    except (OverflowError, ValueError):
        return "a date beyond the calendar"


def _made(
    columns: list[array[int]], texts: list[str | None] | None, rows: array[int] | None = None
) -> Outline:
    minutes, authors, lengths, kinds, flags, fingerprints = columns
    return Outline(minutes, authors, lengths, kinds, flags, fingerprints, texts, rows)
