"""Discord chats exported with DiscordChatExporter (Tyrrrz/DiscordChatExporter), JSON or CSV.

JSON::

    {"guild": {"name": "Direct Messages"}, "channel": {"name": "alice"},
     "messages": [{"type": "Default", "timestamp": "2020-09-16T21:25:24.307+02:00",
                   "content": "hi", "author": {"name": "alice", "nickname": "Alice"},
                   "attachments": [], "stickers": []}]}

``type`` is ``Default`` or ``Reply`` for what people write, ``Call`` for a call
(a ``CALL`` record) and a system kind (``RecipientAdd``, ``ChannelPinnedMessage``
…) for events, which are not messages. The author is the display name
(``nickname``), else the user name. Timestamps carry the exporter's UTC offset
and are shown in the user's time zone (``tz``).

CSV: the header ``AuthorID,Author,Date,Content,Attachments,Reactions``, every
field quoted. ``Date`` is written in the exporting computer's culture: ISO
8601, ``16-Sep-20 09:25 PM`` (older versions) or a short date and time such as
``9/16/2020 9:25 PM`` or ``16.09.2020 21:25`` (newer versions). Numeric dates
are read in the order the whole file shows (a field above 12 is a day); when no
field ever passes 12, the field that changes more often is taken as the day
and ``date_order_inferred`` is set. ``ParseOptions.date_order`` overrides it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from itertools import pairwise
from pathlib import Path

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    Repeats,
    as_text,
    counted,
    head_text,
    parse_iso,
    read_head,
    text_lines,
)
from reciprocity.evidence.jsonstream import JsonStream, opened
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

FORMAT = "discord"
CSV_HEADER = ("AuthorID", "Author", "Date", "Content", "Attachments", "Reactions")

_JSON_KEYS = re.compile(r'^\{\s*"guild"\s*:\s*\{')
_SYSTEM_TYPES = frozenset(
    {
        "RecipientAdd",
        "RecipientRemove",
        "ChannelNameChange",
        "ChannelIconChange",
        "ChannelPinnedMessage",
        "GuildMemberJoin",
        "ThreadCreated",
    }
)
# What the CSV writes in place of content for those system kinds.
_SYSTEM_CONTENT = re.compile(
    r"^(?:Added .+ to the group\.|Removed .+ from the group\.|Left the group\."
    r"|Changed the channel name: .*|Changed the channel icon\.|Pinned a message\."
    r"|Joined the server\.|Started a thread\.)$"
)
_CALL_CONTENT = re.compile(r"^Started a call(?: that lasted .+)?\.$")
_NUMERIC = re.compile(
    r"(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{1,4})\.?,?\s+"
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
)
_NAMED_MONTH = re.compile(
    r"(?P<d>\d{1,2})-(?P<mon>[A-Za-z]{3})-(?P<y>\d{2,4})\s+"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_ORDERS = frozenset({"DMY", "MDY", "YMD"})


def sniff(head: bytes) -> bool:
    text = head_text(head)
    return bool(_JSON_KEYS.match(text)) or _is_csv_header(text.split("\n", 1)[0])


def _is_csv_header(line: str) -> bool:
    names = [name.strip().strip('"').casefold() for name in line.strip().split(",")]
    return names == [name.casefold() for name in CSV_HEADER]


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read a DiscordChatExporter JSON or CSV export."""
    if head_text(read_head(path, 1024)).startswith("{"):
        return _parse_json(path, tz)
    return _parse_csv(path, options, tz)


# --- JSON -----------------------------------------------------------------------


def _parse_json(path: Path, tz: tzinfo | None) -> Chat:
    """The messages of a JSON export, read one at a time (the channel's name before them)."""
    where = str(path)
    chat = Chat(format=FORMAT)
    with opened(path) as handle:
        stream = JsonStream(handle, where)
        if stream.kind() != "object":
            raise ImportFormatError("is not a DiscordChatExporter export", where)
        for key in stream.fields():
            if key == "messages":
                if stream.kind() != "array":
                    break
                chat.messages = counted(chat, _json_messages(_records(path, chat), chat, tz))
                return chat
            if key == "channel" and stream.kind() == "object":
                channel = stream.value()
                name = channel.get("name") if isinstance(channel, dict) else None
                chat.title = name if isinstance(name, str) else None
            else:
                stream.skip()
    raise ImportFormatError('is not a DiscordChatExporter export ("messages" is not a list)', where)


def _records(path: Path, chat: Chat) -> Iterator[tuple[int, object]]:
    where = str(path)
    with opened(path) as handle:
        stream = JsonStream(handle, where)
        for key in stream.fields():
            if key == "messages":
                for index in stream.items():
                    yield index + 1, stream.value()
            else:
                stream.skip()
        stream.end()


def _json_messages(
    records: Iterable[tuple[int, object]], chat: Chat, tz: tzinfo | None
) -> Iterator[Message]:
    events = 0
    repeats = Repeats(chat)
    for index, record in records:
        if not isinstance(record, dict):
            chat.skipped.append(Skipped(index, "not a message object"))
            continue
        kind_name = as_text(record.get("type"))
        if kind_name in _SYSTEM_TYPES:
            events += 1
            continue
        author = _author(record.get("author"))
        if author is None:
            chat.skipped.append(Skipped(index, "message without an author"))
            continue
        stamp = record.get("timestamp")
        try:
            if not isinstance(stamp, str):
                raise ValueError("no timestamp")
            sent = parse_iso(stamp, tz)
        except ValueError:
            chat.skipped.append(Skipped(index, "message without a usable timestamp"))
            continue
        content = record.get("content")
        text = content if isinstance(content, str) else ""
        if kind_name == "Call":
            kind = MessageKind.CALL
        elif record.get("attachments") or record.get("stickers"):
            kind = MessageKind.MEDIA
        else:
            kind = MessageKind.TEXT
        message = Message(sent, author, text, kind, index)
        if repeats.first(record.get("id"), message):
            yield message
    repeats.close()
    if events:
        chat.notes.append(
            f"{events} channel events (joins, pins, renames …) are not counted as messages"
        )


def _author(value: object) -> str | None:
    if not isinstance(value, dict):
        return None
    for key in ("nickname", "name"):
        name = value.get(key)
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


# --- CSV ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    fields: list[str]


def _rows(path: Path, chat: Chat) -> Iterator[_Row]:
    """Data rows with the line each starts on; the header is checked and left out."""
    reader = csv.reader(line for _, line in text_lines(path, chat))
    try:
        header = next(reader, None)
        if header is None or [name.casefold() for name in header] != [
            n.casefold() for n in CSV_HEADER
        ]:
            raise ImportFormatError(
                f"is not a DiscordChatExporter CSV (its header should be {','.join(CSV_HEADER)})",
                str(path),
                1,
            )
        start = reader.line_num + 1
        for fields in reader:
            if fields:
                yield _Row(start, fields)
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFormatError(
            f"is not readable CSV ({error})", str(path), reader.line_num
        ) from None


def _parse_csv(path: Path, options: ParseOptions, tz: tzinfo | None) -> Chat:
    chat = Chat(format=FORMAT)
    wanted = (options.date_order or "").upper() or None
    if wanted is not None and wanted not in _ORDERS:
        raise ImportFormatError(
            f"date order {options.date_order!r} is not one of DMY, MDY, YMD", str(path)
        )
    # First pass: only the dates, to learn their order from the whole file.
    order, inferred = _date_order(
        (row.fields[2] for row in _rows(path, Chat(format=FORMAT)) if len(row.fields) == 6), wanted
    )
    chat.date_order, chat.date_order_inferred = order, inferred
    chat.messages = counted(chat, _csv_messages(path, chat, order, tz))
    return chat


def _csv_messages(
    path: Path, chat: Chat, order: str | None, tz: tzinfo | None
) -> Iterator[Message]:
    events = 0
    for row in _rows(path, chat):
        if len(row.fields) != len(CSV_HEADER):
            chat.skipped.append(Skipped(row.line, f"row has {len(row.fields)} fields, not 6"))
            continue
        _, author, date, content, attachments, _ = row.fields
        if not author.strip():
            chat.skipped.append(Skipped(row.line, "row without an author"))
            continue
        sent = _csv_date(date, order, tz)
        if sent is None:
            chat.skipped.append(Skipped(row.line, f"date {date[:40]!r} not understood"))
            continue
        if _SYSTEM_CONTENT.match(content):
            events += 1
            continue
        if _CALL_CONTENT.match(content):
            kind = MessageKind.CALL
        else:
            kind = MessageKind.MEDIA if attachments.strip() else MessageKind.TEXT
        yield Message(sent, author.strip(), content, kind, row.line)
    if events:
        chat.notes.append(
            f"{events} channel events (joins, pins, renames …) are not counted as messages"
        )


def _date_order(dates: Iterator[str], wanted: str | None) -> tuple[str | None, bool]:
    """The order of numeric dates in the file, and whether it had to be guessed."""
    firsts: list[int] = []
    seconds: list[int] = []
    year_first = False
    for date in dates:
        match = _NUMERIC.fullmatch(date.strip())
        if match is None:
            continue
        if len(match["a"]) == 4:
            year_first = True
            continue
        firsts.append(int(match["a"]))
        seconds.append(int(match["b"]))
    if wanted is not None:
        return wanted, False
    if year_first:
        return "YMD", False
    if not firsts:
        return None, False
    if max(firsts) > 12 >= max(seconds):
        return "DMY", False
    if max(seconds) > 12 >= max(firsts):
        return "MDY", False
    # No day above 12: the day is the field that changes more often from row to row.
    first_changes = sum(a != b for a, b in pairwise(firsts))
    second_changes = sum(a != b for a, b in pairwise(seconds))
    return ("DMY" if first_changes > second_changes else "MDY"), True


def _csv_date(text: str, order: str | None, tz: tzinfo | None) -> datetime | None:
    text = text.strip()
    try:
        return parse_iso(text, tz)
    except ValueError:
        pass
    try:
        if match := _NAMED_MONTH.fullmatch(text):
            month = _MONTHS.get(match["mon"].casefold())
            if month is None:
                return None
            year = _full_year(match["y"])
            return _clock(year, month, int(match["d"]), match)
        if (match := _NUMERIC.fullmatch(text)) and order is not None:
            a, b, c = match["a"], match["b"], match["c"]
            if order == "YMD" or len(a) == 4:
                return _clock(_full_year(a), int(b), int(c), match)
            day, month = (int(a), int(b)) if order == "DMY" else (int(b), int(a))
            return _clock(_full_year(c), month, day, match)
    except ValueError:
        return None
    return None


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) <= 2 else year


def _clock(year: int, month: int, day: int, match: re.Match[str]) -> datetime:
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").replace(".", "").replace(" ", "").casefold()
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for a 12-hour clock")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return datetime(year, month, day, hour, minute, second)
