"""A plain CSV of messages, for any app the other importers do not know.

The format (also in ``docs/import-csv.md``):

* UTF-8 text (a byte-order mark is fine), one message per row.
* A header row is required. It names the columns, in any order and in any
  letter case; other columns are ignored:

  ========  ========  =========================================================
  column    required  meaning
  ========  ========  =========================================================
  time      yes       when it was sent, ISO 8601: ``2024-03-01 09:30``,
                      ``2024-03-01T09:30:15``, ``2024-03-01T09:30:15+01:00``,
                      ``2024-03-01T08:30:15Z``
  author    yes       who wrote it, spelled the same way on every row
  text      yes       the message (may be empty; may span lines inside quotes)
  kind      no        ``text`` (the default when empty), ``media``,
                      ``deleted`` or ``call``
  id        no        the app's own id of the message: a row whose id was
                      seen before in the file is the same message again
  ========  ========  =========================================================

* The delimiter is a comma, semicolon or tab: whichever splits the header
  into those column names. Fields containing the delimiter, quotes or line
  breaks are quoted with ``"``, and quotes inside are doubled (RFC 4180).
* A time without an offset is the wall-clock time as you saw it and is kept
  as is; a time with an offset (or ``Z``) is shown in your local time zone.

Rows that cannot be read (a bad time, an empty author, an unknown kind, too
few fields) are listed in ``chat.skipped`` with their line numbers; they are
never dropped silently. Empty lines are ignored.

Example::

    time,author,text
    2024-03-01 09:30,Sam,Morning! Coffee later?
    2024-03-01 09:42,Me,"Yes, 11 at the usual place"
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import BOM, Repeats, counted, parse_iso, read_head, text_lines
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

FORMAT = "csv"
REQUIRED = ("time", "author", "text")
DELIMITERS = (",", ";", "\t")
_KINDS = {"": MessageKind.TEXT, **{kind.value: kind for kind in MessageKind}}


def sniff(head: bytes) -> bool:
    return _columns(_first_line(head)) is not None


def _first_line(head: bytes) -> str:
    # The header must be line 1 exactly: the rows' line numbers count from it.
    return head.removeprefix(BOM).decode("utf-8", "ignore").split("\n", 1)[0].rstrip("\r")


def _columns(header: str) -> tuple[str, dict[str, int]] | None:
    """The delimiter and the position of each known column, if the header names them."""
    for delimiter in DELIMITERS:
        try:
            names = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:
            continue
        positions: dict[str, int] = {}
        for position, name in enumerate(names):
            positions.setdefault(name.strip().casefold(), position)
        if all(column in positions for column in REQUIRED):
            return delimiter, positions
    return None


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read a CSV with ``time``, ``author`` and ``text`` columns (see the module docstring)."""
    # The header is checked here, so that a file without one fails before any reading.
    header = _first_line(read_head(path))
    found = _columns(header)
    if found is None:
        raise ImportFormatError(
            "is not a reciprocity CSV: the first row must name the columns time, author "
            f"and text (it reads {header.strip()[:80]!r}); see docs/import-csv.md",
            str(path),
            1,
        )
    chat = Chat(format=FORMAT)
    chat.messages = counted(chat, _messages(path, chat, *found, tz))
    return chat


def _messages(
    path: Path, chat: Chat, delimiter: str, columns: dict[str, int], tz: tzinfo | None
) -> Iterator[Message]:
    lines = text_lines(path, chat)
    next(lines, None)  # the header, already read
    width = max(columns[name] for name in REQUIRED) + 1
    reader = csv.reader((line for _, line in lines), delimiter=delimiter)
    start = 2
    repeats = Repeats(chat)
    ids = columns.get("id")
    try:
        for fields in reader:
            line, start = start, reader.line_num + 2  # +1 for the header, +1 for the next row
            if not any(field.strip() for field in fields):
                continue
            message = _message(fields, columns, width, line, tz)
            if not isinstance(message, Message):
                chat.skipped.append(Skipped(line, message))
                continue
            key = fields[ids].strip() if ids is not None and ids < len(fields) else ""
            if repeats.first(key or None, message):
                yield message
    except csv.Error as error:
        raise ImportFormatError(f"is not readable CSV ({error})", str(path), start) from None
    repeats.close()


def _message(
    fields: list[str], columns: dict[str, int], width: int, line: int, tz: tzinfo | None
) -> Message | str:
    """The row as a message, or the reason it cannot be one."""
    if len(fields) < width:
        return f"row has {len(fields)} fields; time, author and text need {width}"
    time = fields[columns["time"]].strip()
    try:
        sent = parse_iso(time, tz)
    except ValueError:
        return f"time {time[:40]!r} is not an ISO 8601 time such as 2024-03-01 09:30"
    author = fields[columns["author"]].strip()
    if not author:
        return "row without an author"
    position = columns.get("kind", len(fields))
    kind_text = fields[position].strip().casefold() if position < len(fields) else ""
    kind = _KINDS.get(kind_text)
    if kind is None:
        return f"kind {kind_text[:20]!r} is not one of text, media, deleted, call"
    return Message(sent, author, fields[columns["text"]], kind, line)
