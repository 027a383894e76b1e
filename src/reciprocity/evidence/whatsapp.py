"""WhatsApp chat exports ("Export chat"), Android and iOS, every locale: the parse step.

How the lines look is in ``whatsapp_text``; reading the file a segment at a
time (``.txt`` or ``.zip``) in ``whatsapp_file``. The text is gone over twice,
a segment at a time; a text of up to ``KEEP`` bytes is kept between the two
readings, a larger one is read from the file again, so that memory stays
bounded whatever its size:

1. **Survey**: every run of lines that share a date (see below) is found, and
   its date noted. The date order (any of the six orders of day, month and
   year) is decided from every date in the file (``dateorder``) unless
   ``ParseOptions.date_order`` says it. When more than a small share of the
   message lines would then have a date that does not exist, the file is
   refused with one line saying which order was tried and how many lines fit,
   rather than importing a wrong half; a file that puts together two layouts
   whose dates are in different orders is read layout by layout, and a note
   says so (or, if even that does not fit, the refusal says the file mixes
   layouts). A file of more than ``MAX_MESSAGES`` message lines is refused
   before any is read.
2. **Reading**: the messages, run by run, as columns.

System lines (the encryption notice, "X created group", "You were added" …)
are recognised and left out: they are not messages and are not reported as
skipped. A line that looks like a header but cannot be one (an impossible
time or date, or a header's shape this version cannot read) is reported in
``Chat.skipped``; any other line continues the message above.

How it stays fast on a million messages (about 70 MB):

* the text is worked on as bytes: decoding 70 MB holding emoji at once builds
  a string of four bytes a character and costs more than the whole parse;
* one regular expression pass finds *runs* of lines that share a date, and
  so every date in the file, without stopping at each message;
* inside a run every header starts with the same bytes (``"\\n13/02/2020, "``),
  so a plain ``bytes.split`` cuts it into messages, and the rest of a header,
  ``"10:00 - Alice"``, repeats so often that it is looked up, not parsed;
* what is left per message is done by ``map`` over whole runs, in C. A run
  with anything unusual in it (a system line, a line that only looks like a
  header, a placeholder that needs a closer look) is read line by line instead.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate, chain, repeat
from operator import add
from pathlib import Path
from typing import cast, overload

from reciprocity.coach import chats as words
from reciprocity.errors import ImportFormatError, InputError
from reciprocity.evidence import dateorder
from reciprocity.evidence.chunks import BLOCK
from reciprocity.evidence.exportfile import BOM
from reciprocity.evidence.message import (
    MAX_MESSAGES,
    Chat,
    Message,
    MessageColumns,
    MessageKind,
    ParseOptions,
    Skipped,
    minute_of,
)
from reciprocity.evidence.whatsapp_file import ZIP, Segment, Segments, Source
from reciprocity.evidence.whatsapp_text import (
    ATTACHED_WORD,
    FIRST_MARKS,
    FIRST_RUN,
    HEADER,
    HEADER_LIKE,
    KEY,
    KINDS,
    LONGEST_TIME,
    LRM,
    RUN,
    STAMP,
    STAMP_LIKE,
    author,
    clock,
    closer_look,
    date_fields,
    layout,
    unusual,
)

FORMAT = "whatsapp"
KEEP = 96 * 1024**2
"""A text up to this size is kept in memory between the two readings; a larger one is read twice.

96 MB holds a million messages and more. Each kept segment is let go as soon as it is
read, so keeping a 70 MB text adds a few MB to the import's peak, where reading it
again took a tenth of the import's time."""
TOO_MANY_FAILING = 0.05
"""A file is refused when more than this share of its message lines (and at least three) have a date that does not exist."""

Layout = tuple[bool, int, int | None]


def sniff(head: bytes) -> bool:
    """Whether a file that starts with ``head`` is a WhatsApp export.

    A zip is taken as one: WhatsApp is the only format that comes zipped, and
    ``parse`` says plainly when a zip holds no chat.
    """
    if head.startswith(ZIP):
        return True
    text = head.removeprefix(BOM).lstrip()
    marks = FIRST_MARKS.match(text)
    return HEADER.match(text, marks.end() if marks else 0) is not None


def parse(
    path: Path, options: ParseOptions = ParseOptions(), *, block: int = BLOCK, keep: int = KEEP
) -> Chat:
    """Read a WhatsApp ``.txt`` or ``.zip`` export.

    ``block`` is how much is read at a time and ``keep`` the largest text kept
    in memory between the two readings (tests make them small).
    Raises ImportFormatError for a file that is not a WhatsApp export, is not
    UTF-8, has dates that fit no order, or is a zip without a readable chat
    inside; InputError for an unknown ``options.date_order``.
    """
    wanted = _wanted_order(options.date_order)
    where = str(path)
    source = Source.of(path, block)
    survey = _Survey.of(source, where, keep)
    if not survey.segments or not survey.counts:
        raise ImportFormatError(
            "is not a WhatsApp chat export: no line starts with a date and time "
            "like '13/02/2020, 10:00 - Name: text' or '[13/02/2020, 10:00:00] Name: text'",
            where,
        )
    # Lines are counted as they pass; messages only when the lines pass the limit.
    total = sum(survey.counts.values())
    if total > MAX_MESSAGES and sum(_message_lines(survey, source).values()) > MAX_MESSAGES:
        raise ImportFormatError(words.IMPORT_TOO_MANY_MESSAGES.format(limit=MAX_MESSAGES), where)
    chat = Chat(format=FORMAT, title=source.title)
    orders = _Orders.decide(survey, source, wanted, chat, where)
    days = {prefix: _midnight(survey.fields[prefix], orders.of(prefix)) for prefix in survey.fields}
    chat.columns = _Reader(source, survey, days, orders, chat, where).runs()
    chat.messages = chain.from_iterable(map(MessageColumns.messages, chat.columns))
    return chat


def _wanted_order(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dateorder.check_order(value)
    except ValueError as error:
        raise InputError(
            f"{error}; use DMY (13/02/2020), MDY (02/13/2020) or YMD (2020/02/13)"
        ) from None


def _spelled(order: str) -> str:
    names = {"D": "day", "M": "month", "Y": "year"}
    return "/".join(names[letter] for letter in order)


def _midnight(fields: dateorder.Fields, order: str) -> datetime | None:
    day = dateorder.to_date(fields, order)
    return None if day is None else datetime(day.year, day.month, day.day)


# The survey: every run of the file, its date and its lines --------------------------


@dataclass
class _Runs:
    """The runs of one segment: where each starts (-1 for the segment's start) and its prefix."""

    size: int
    starts: array[int]
    prefixes: list[bytes]


@dataclass
class _Survey:
    """What a first reading of the file found: its runs, their dates, and their lines."""

    segments: list[_Runs] = field(default_factory=list)
    sequence: list[bytes] = field(default_factory=list)
    """Each run's prefix in file order, a repeat of the one before left out."""
    counts: Counter[bytes] = field(default_factory=Counter)
    """The lines of each prefix's runs: its messages' lines (and any stray line after them)."""
    first_lines: dict[bytes, int] = field(default_factory=dict)
    fields: dict[bytes, dateorder.Fields] = field(default_factory=dict)
    kept: list[Segment] | None = None
    """The segments themselves, when the text is small enough to keep between the readings."""
    cuts: list[Skipped] = field(default_factory=list)
    """What the kept segments cut or left out (a second reading finds it again)."""
    skipped: list[Skipped] = field(default_factory=list)
    """The lines with a header's shape that are read as part of a message."""

    @classmethod
    def of(cls, source: Source, where: str, keep: int) -> _Survey:
        survey = cls()
        shared: dict[bytes, bytes] = {}
        segments = Segments(source)
        kept: list[Segment] | None = []
        size = 0
        for segment in segments:
            _check_utf8(segment, where)
            survey._add(segment, shared)
            if kept is not None:
                kept.append(segment)
                size += len(segment.data)
                if size > keep:
                    kept = None  # read again, a segment at a time
        survey.kept, survey.cuts = kept, segments.skipped
        survey.fields = {prefix: date_fields(prefix) for prefix in survey.counts}
        return survey

    def _add(self, segment: Segment, shared: dict[bytes, bytes]) -> None:
        data = segment.data
        runs = _Runs(len(data), array("q"), [])
        gaps: list[tuple[int, int]] = []  # (run, where its match ended) when lines follow it
        first = FIRST_RUN.match(data)
        if first is not None:
            runs.starts.append(-1)
            runs.prefixes.append(shared.setdefault(first["prefix"], first["prefix"]))
            ended = first.end()
        for match in RUN.finditer(data, 0 if first is None else first.end()):
            if runs.starts and match.start() != ended:
                gaps.append((len(runs.starts) - 1, ended))
            runs.starts.append(match.start())
            runs.prefixes.append(shared.setdefault(match["prefix"], match["prefix"]))
            ended = match.end()
        if not runs.starts:
            self.segments.append(runs)
            return
        if ended < len(data) - 1:
            gaps.append((len(runs.starts) - 1, ended))
        # The lines from each run's start to the next one's: its line count, and
        # where each run starts (the line after the newline it starts at).
        bounds = [*runs.starts, len(data)]
        line = segment.line + data.count(b"\n", 0, max(bounds[0], 0)) + (bounds[0] >= 0)
        headers = []
        bounds[-1] -= data.endswith(b"\n")  # the last line end starts no line of this segment
        for start, end, prefix in zip(runs.starts, bounds[1:], runs.prefixes, strict=False):
            headers.append(line)
            lines = data.count(b"\n", max(start, 0), end) + (start < 0)
            self.counts[prefix] += lines
            self.first_lines.setdefault(prefix, line)
            line += lines
            if not self.sequence or self.sequence[-1] is not prefix:
                self.sequence.append(prefix)
        self.segments.append(runs)
        for run, ended in gaps:
            start, prefix = runs.starts[run], runs.prefixes[run]
            self._strays(data, start, ended, bounds[run + 1], headers[run], prefix)

    def _strays(
        self, data: bytes, start: int, ended: int, end: int, header: int, prefix: bytes
    ) -> None:
        """List the lines after a run that start like another date and have a header's shape.

        A run ends at the first line that starts with another date; when that
        line is no header this version reads, it stays part of the message
        before, and is listed if it has a header's shape. (A line with the
        run's own date is the reader's to look at, like every line of the run.)
        """
        line = header + data.count(b"\n", start + 1 if start >= 0 else 0, ended) + 1
        for offset, text in enumerate(data[ended + 1 : end].split(b"\n")):
            if not text.startswith(prefix) and HEADER_LIKE.match(text):
                self.skipped.append(Skipped(line + offset, _looks_like_a_header(text)))


def _check_utf8(segment: Segment, where: str) -> None:
    """Raise ImportFormatError naming the first line that is not UTF-8.

    Decoded 16 KiB at a time, cut at newlines (a newline byte is never inside
    a UTF-8 sequence): small pieces keep the throwaway strings in the CPU's
    cache, which makes this several times faster than larger ones.
    """
    raw = segment.data
    if raw.isascii():
        return
    step = 16 * 1024
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start + step)
        end = len(raw) if end < 0 else end
        try:
            raw[start:end].decode("utf-8")
        except UnicodeDecodeError as error:
            line = segment.line + raw.count(b"\n", 0, start + error.start)
            raise ImportFormatError(
                "is not UTF-8 text, as WhatsApp writes; the file may be damaged or not a chat export",
                where,
                line,
            ) from None
        start = end


# Deciding the order of the dates -------------------------------------------------------


@dataclass
class _Orders:
    """The order of the dates: one for the file, or one for each layout when they differ."""

    order: str
    by_layout: dict[Layout, str] = field(default_factory=dict)

    def of(self, prefix: bytes) -> str:
        return self.by_layout.get(layout(prefix), self.order) if self.by_layout else self.order

    @classmethod
    def decide(
        cls, survey: _Survey, source: Source, wanted: str | None, chat: Chat, where: str
    ) -> _Orders:
        fields, counts = survey.fields, survey.counts
        total = sum(counts.values())
        if wanted is not None:
            decided = dateorder.DateOrder(wanted, inferred=False)
        else:
            decided = dateorder.infer(fields[prefix] for prefix in survey.sequence)
        chat.date_order, chat.date_order_inferred = decided.order, decided.inferred
        orders = cls(decided.order)
        failing = orders._failing(survey)
        layouts = _layouts(survey)
        if _too_many(failing, total) and wanted is None and len(layouts) > 1:
            apart = cls(decided.order, _by_layout(survey, layouts))
            if not _too_many(apart._failing(survey), total):
                chat.notes.append(
                    words.IMPORT_LAYOUTS_APART.format(
                        layouts=_layout_list(survey, layouts, apart.by_layout)
                    )
                )
                main = max(layouts, key=lambda shape: sum(counts[p] for p in layouts[shape]))
                chat.date_order = apart.by_layout[main]
                chat.date_order_inferred = True
                return apart
        if _too_many(failing, total):
            # Refusing: the message lines are worth counting exactly now.
            headers = _message_lines(survey, source)
            total = sum(headers.values())
            failing = sum(n for prefix, n in headers.items() if orders._fails(survey, prefix))
            example = min(
                (p for p in counts if orders._fails(survey, p)), key=survey.first_lines.__getitem__
            )
            line, written = survey.first_lines[example], _written(example)
            if len(layouts) > 1:
                reason = words.IMPORT_LAYOUTS_MIXED.format(
                    layouts=_layout_list(survey, layouts, None),
                    order=_spelled(decided.order),
                    fit=total - failing,
                    total=total,
                )
            else:
                reason = words.IMPORT_DATES_DO_NOT_FIT.format(
                    order=_spelled(decided.order),
                    asked=words.IMPORT_ORDER_AS_ASKED if wanted else "",
                    fit=total - failing,
                    total=total,
                    line=line,
                    written=written,
                )
            raise ImportFormatError(reason, where)
        if decided.assumed:
            chat.notes.append(words.IMPORT_ORDER_ASSUMED.format(order=_spelled(decided.order)))
            if len(layouts) > 1:
                chat.notes.append(
                    words.IMPORT_LAYOUTS_SEEN.format(layouts=_layout_list(survey, layouts, None))
                )
        return orders

    def _fails(self, survey: _Survey, prefix: bytes) -> bool:
        return dateorder.to_date(survey.fields[prefix], self.of(prefix)) is None

    def _failing(self, survey: _Survey) -> int:
        return sum(count for prefix, count in survey.counts.items() if self._fails(survey, prefix))


def _message_lines(survey: _Survey, source: Source) -> Counter[bytes]:
    """The lines that start each prefix's messages, read again from the file."""
    found: Counter[bytes] = Counter()
    segments = survey.kept if survey.kept is not None else Segments(source)
    for segment, runs in zip(segments, survey.segments, strict=False):
        data = segment.data
        ends = [*runs.starts[1:], len(data)]
        for start, end, prefix in zip(runs.starts, ends, runs.prefixes, strict=False):
            found[prefix] += data.count(b"\n" + prefix, max(start, 0), end) + (start < 0)
    return found


def _too_many(failing: int, total: int) -> bool:
    return failing >= 3 and failing > TOO_MANY_FAILING * total


def _layouts(survey: _Survey) -> dict[Layout, list[bytes]]:
    """The prefixes of each layout, the layouts in the order they first appear."""
    found: dict[Layout, list[bytes]] = {}
    for prefix in sorted(survey.counts, key=survey.first_lines.__getitem__):
        found.setdefault(layout(prefix), []).append(prefix)
    return found


def _by_layout(survey: _Survey, layouts: dict[Layout, list[bytes]]) -> dict[Layout, str]:
    orders = {}
    for shape in layouts:
        mine = [prefix for prefix in survey.sequence if layout(prefix) == shape]
        orders[shape] = dateorder.infer(survey.fields[prefix] for prefix in mine).order
    return orders


def _layout_list(
    survey: _Survey, layouts: dict[Layout, list[bytes]], orders: dict[Layout, str] | None
) -> str:
    parts = []
    for shape, prefixes in layouts.items():
        first = prefixes[0]
        text = words.IMPORT_LAYOUT.format(written=_written(first), line=survey.first_lines[first])
        if orders is not None:
            text += words.IMPORT_LAYOUT_ORDER.format(order=_spelled(orders[shape]))
        parts.append(text)
    return "; ".join(parts)


def _written(prefix: bytes) -> str:
    return prefix.decode(errors="replace").strip("[, ").removesuffix(" klo").rstrip(", ")


# Reading the messages ---------------------------------------------------------------------


class _Reader:
    """The messages of one export, segment by segment and run by run. Read once."""

    HEADS_LIMIT = 65_536  # cached header keys; exports with seconds rarely repeat one

    def __init__(
        self,
        source: Source,
        survey: _Survey,
        days: dict[bytes, datetime | None],
        orders: _Orders,
        chat: Chat,
        where: str,
    ) -> None:
        self.source, self.survey, self.days, self.orders = source, survey, days, orders
        self.chat, self.where = chat, where
        self.clocks: dict[bytes, timedelta | str | None] = {}
        self.names: dict[bytes, str | None] = {}
        # "10:00 - Alice" → (minute of the day, second, author).
        self.heads: dict[bytes, tuple[int, int, str] | None] = {}
        self.next_line = 1  # where the run after the one just read starts

    def runs(self) -> Iterator[MessageColumns]:
        """The messages run by run, as columns."""
        kept = self.survey.kept
        segments: Iterable[Segment]
        if kept is not None:
            self.survey.kept = None
            segments, skipped = _handed_on(kept), self.survey.cuts
        else:
            segments = reading = Segments(self.source)
            skipped = reading.skipped
        surveyed = iter(self.survey.segments)
        for number, segment in enumerate(segments):
            runs = next(surveyed, None)
            if runs is None or runs.size != len(segment.data):
                raise ImportFormatError(words.IMPORT_FILE_CHANGED, self.where)
            yield from self._segment(segment, runs, first=number == 0)
        self.chat.skipped.extend(skipped)
        self.chat.skipped.extend(self.survey.skipped)
        self.chat.skipped.sort(key=lambda skipped: skipped.line)

    def _segment(self, segment: Segment, runs: _Runs, *, first: bool) -> Iterator[MessageColumns]:
        data, line = segment.data, segment.line
        if not runs.starts:
            if first:
                _preamble(data, segment.line, self.chat.skipped)
            return
        start = runs.starts[0]
        if start >= 0:
            if first:
                _preamble(data[:start], segment.line, self.chat.skipped)
            line += data.count(b"\n", 0, start) + 1
        ends = [*runs.starts[1:], len(data)]
        for start, end, prefix in zip(runs.starts, ends, runs.prefixes, strict=True):
            block = data[start:end] if start >= 0 else b"\n" + data[:end]
            pieces = block.split(b"\n" + prefix)
            del pieces[0]  # the run starts with its own separator
            day = self.days[prefix]
            columns = None if day is None else self._quick(block, pieces, day, line)
            if columns is None:  # something unusual in the run: read it line by line
                careful = self._careful(pieces, prefix, day, line)
                columns = MessageColumns.of(careful) if careful else None
            if columns is not None:
                yield columns
            line = self.next_line

    def _quick(
        self, block: bytes, pieces: list[bytes], day: datetime, line: int
    ) -> MessageColumns | None:
        """The run's messages when every piece is an ordinary message, else None."""
        keys, separators, bodies_with_ends = zip(
            *map(bytes.partition, pieces, repeat(b": ")), strict=False
        )
        if b"" in separators:  # no ": " at all: a system line, or "Alice:." and the like
            return None
        heads = self.heads
        found = list(map(heads.get, keys))
        if None in found:
            found = [heads.get(key) or self._head(key) for key in keys]
            if None in found:
                return None
        minutes, seconds, names = zip(*found, strict=False)
        # A body ends with a newline only before a blank line or at the end of the run.
        if block.endswith(b"\n") or b"\n\n" in block:
            bodies = list(map(bytes.rstrip, bodies_with_ends, repeat(b"\n")))
        else:
            bodies = list(bodies_with_ends)
        kinds = list(map(KINDS.get, bodies, repeat(MessageKind.TEXT)))
        texts = list(map(bytes.decode, bodies))
        # A body that may be a placeholder starts with a mark or holds "attached"
        # (``unusual``): one look through the run for the word, one at each body's start.
        if ATTACHED_WORD in block or any(map(bytes.startswith, bodies, repeat(LRM))):
            for index, body in enumerate(bodies):
                if kinds[index] is MessageKind.TEXT and unusual(body):
                    kinds[index], texts[index] = closer_look(texts[index])
                    bodies[index] = texts[index].encode()
        if None in kinds:  # a system line written as someone's message
            return None
        # Each message's first line (counted only if asked), and where the next run starts.
        newlines = block.count(b"\n")  # the run starts with one: one a line
        lines: Sequence[int] = (
            range(line, line + len(pieces)) if newlines == len(pieces) else _Lines(pieces, line)
        )
        self.next_line = line + newlines
        _tally(self.chat.participants, names)
        first = minute_of(day)
        return MessageColumns(
            array("q", map(add, minutes, repeat(first))),
            seconds,
            list(names),
            texts,
            cast(list[MessageKind], kinds),
            lines,
            utf8=bodies,
        )

    def _head(self, key: bytes) -> tuple[int, int, str] | None:
        """What ``key`` ("10:00 - Alice") says, when it is an ordinary message's header."""
        match = KEY.fullmatch(key)
        if match is None or b":" in match["name"]:
            return None
        time = self._clock(match["stamp"])
        name = self._author(match["name"])
        if not isinstance(time, timedelta) or not name:
            return None
        if len(self.heads) >= self.HEADS_LIMIT:
            self.heads.clear()
        minute, second = divmod(time.seconds, 60)
        self.heads[key] = found = minute, second, name
        return found

    def _careful(
        self, pieces: list[bytes], prefix: bytes, day: datetime | None, line: int
    ) -> list[Message]:
        """The run's messages, piece by piece: system lines, skipped headers, stray lines.

        A message is built when the next header shows that it is complete,
        because a line can start like the run's headers without being one
        (``13/02/2020, what a night``) and then belongs to the message before.
        """
        out: list[Message] = []
        skipped = self.chat.skipped
        # The message being read: time, author, first line, and its body's parts;
        # None while the lines are dropped (a system line or a skipped header).
        sent, name, first = datetime.min, "", 0
        parts: list[bytes] | None = None
        for piece in pieces:
            found = STAMP.match(piece)
            time = self._clock(found["stamp"]) if found else None
            at = line
            line += piece.count(b"\n") + 1
            if time is None or found is None:  # not a header: a line of the message before
                if STAMP_LIKE.match(piece):
                    skipped.append(Skipped(at, _looks_like_a_header(prefix + piece)))
                if parts is not None:
                    parts.append(prefix + piece)
                continue
            if parts is not None:
                out.extend(_message(sent, name, b"\n".join(parts), first))
            parts = None
            if isinstance(time, str):
                skipped.append(Skipped(at, f"{time}; the message was left out"))
                continue
            if day is None:
                skipped.append(Skipped(at, _bad_date(prefix, self.orders.of(prefix))))
                continue
            rest = piece[found.end() :]
            colon = rest.find(b":")
            if colon < 0:
                continue  # a system line: Alice created group "Friends"
            who = self._author(rest[:colon])
            if who is None:
                continue  # a system line with a colon in it
            if not who:
                skipped.append(
                    Skipped(at, "a message without a name before its colon was left out")
                )
                continue
            body = rest[colon + 2 :] if rest.startswith(b" ", colon + 1) else rest[colon + 1 :]
            sent, name, first, parts = day + time, who, at, [body]
        if parts is not None:
            out.extend(_message(sent, name, b"\n".join(parts), first))
        _tally(self.chat.participants, (message.author for message in out))
        self.next_line = line
        return out

    def _clock(self, stamp: bytes) -> timedelta | str | None:
        if len(stamp) > LONGEST_TIME:
            return None
        found = self.clocks.get(stamp, "")
        if found == "":
            found = self.clocks[stamp] = clock(stamp)
        return found

    def _author(self, candidate: bytes) -> str | None:
        name = self.names.get(candidate, "\n")
        if name == "\n":
            name = author(candidate)
            if len(candidate) <= 100 and len(self.names) < 100_000:
                self.names[candidate] = name
        return name


class _Lines(Sequence[int]):
    """The first line of each message of a run, counted the first time one is asked for.

    Only a message that is left out (a date out of range) or made into a
    ``Message`` needs its line: most runs never count theirs.
    """

    def __init__(self, pieces: list[bytes], line: int) -> None:
        self._pieces: list[bytes] | None = pieces
        self._line = line
        self._size = len(pieces)
        self._found: list[int] = []

    def _counted(self) -> list[int]:
        if self._pieces is not None:
            counts = map(add, map(bytes.count, self._pieces, repeat(b"\n")), repeat(1))
            self._found = list(accumulate(counts, initial=self._line))[:-1]
            self._pieces = None
        return self._found

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        return self._counted()[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._counted())


def _handed_on(kept: list[Segment]) -> Iterator[Segment]:
    """The kept segments in order, each let go once read."""
    kept.reverse()
    while kept:
        yield kept.pop()


def _tally(participants: dict[str, int], names: Iterable[str]) -> None:
    for name, count in Counter(names).items():
        participants[name] = participants.get(name, 0) + count


def _message(sent: datetime, name: str, body: bytes, line: int) -> list[Message]:
    """The message, or none when its body shows a system line (iOS group events)."""
    body = body.rstrip(b"\n")
    kind = KINDS.get(body, MessageKind.TEXT)
    text = body.decode()
    if kind is MessageKind.TEXT and unusual(body):
        kind, text = closer_look(text)
    return [] if kind is None else [Message(sent, name, text, kind, line)]


def _preamble(text: bytes, first_line: int, skipped: list[Skipped]) -> None:
    """Report text before the first header: it belongs to no message."""
    for number, content in enumerate(text.split(b"\n"), start=first_line):
        if content.strip():
            skipped.append(Skipped(number, "text before the first message belongs to no message"))
            return


def _looks_like_a_header(line: bytes) -> str:
    shown = line[:40].decode(errors="replace").rstrip()
    return words.IMPORT_HEADER_LIKE.format(start=shown)


def _bad_date(prefix: bytes, order: str) -> str:
    return (
        f"the date {_written(prefix)!r} does not exist in {_spelled(order)} order; "
        "the message was left out"
    )
