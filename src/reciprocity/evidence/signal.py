"""Signal chats as written by signal-export (carderne/signal-export, ``sigexport``).

Signal itself exports nothing readable; signal-export writes one folder per
chat with ``chat.md`` (Markdown) and, in newer versions, ``data.json``.

Markdown (``chat.md``), one message per header line, body lines following::

    [2019-05-29, 15:04] Me: How is everyone?          (older versions)
    [2024-01-02 15:04:05] Aya: We're great!            (newer versions)

Outgoing messages are written from ``Me``. A body may start with a quoted
reply (``> …`` lines), end with a reactions line ``(- Name: 👍 -)``, hold
attachment links ``[name](./media/file)`` / ``![name](./media/file)``, or read
``(This message was deleted)``; calls read ``Outgoing voice call (accepted, 3m
2s)`` and the like.

JSON lines (``data.json``): one object per line with ``date`` (ISO 8601, the
exporting computer's wall-clock time), ``sender``, ``body``, ``quote``,
``sticker``, ``reactions``, ``attachments`` and, in the versions that have
them, ``deleted``, ``call`` and ``missed``. A JSON array of the same objects
is read too. This layout was learned from signal-export's source
(``sigexport/models.py``, ``Message.dict``), not from real exports.

Times are wall-clock times as written; a time with an offset goes to ``tz``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path

from reciprocity.evidence.exportfile import (
    Repeats,
    counted,
    head_text,
    parse_iso,
    read_head,
    text_lines,
)
from reciprocity.evidence.jsonstream import JsonStream, opened
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

FORMAT = "signal"
ME = "Me"  # signal-export's name for the owner's outgoing messages

_HEADER = re.compile(
    r"\[(?P<date>\d{4}-\d{2}-\d{2})(?:, (?P<hm>\d{2}:\d{2})| (?P<hms>\d{2}:\d{2}:\d{2}))\] "
    r"(?P<author>[^\n]+?):(?: (?P<body>.*))?"
)
_JSON_KEYS = ('"date"', '"sender"', '"body"')
_REACTIONS = re.compile(r"^\(- .* -\)$")
_STICKER = re.compile(r"^\(\( .* \)\)$")
# Bounded lengths keep a line full of "[" from costing quadratic time.
_ATTACHMENT = re.compile(r"!?\[[^\]\n]{0,500}\]\(\.{1,2}/[^)\n]{1,1000}\)")
_CALL = re.compile(r"^(?:Incoming|Outgoing|Missed) (?:voice |video )?call(?: \(.*\))?$")
_DELETED = "(This message was deleted)"


def sniff(head: bytes) -> bool:
    text = head_text(head)
    first = text.split("\n", 1)[0]
    if _HEADER.match(first):
        return True
    # data.json: JSON objects with signal-export's keys (as lines, or in an array).
    opens_object = first.lstrip("[ \t").startswith("{")
    return opens_object and sum(key in first for key in _JSON_KEYS) >= 2


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read a signal-export ``chat.md`` or ``data.json``."""
    chat = Chat(format=FORMAT)
    head = head_text(read_head(path, 4096))
    if head.startswith("{"):
        records = _json_lines(path, chat)
    elif head.startswith("[") and not _HEADER.match(head):
        records = _json_array(path)
    else:
        chat.messages = _owned(chat, counted(chat, _markdown(path, chat)))
        return chat
    chat.messages = _owned(chat, counted(chat, _records(records, chat, tz)))
    return chat


def _owned(chat: Chat, messages: Iterator[Message]) -> Iterator[Message]:
    """Set ``chat.me`` once the owner's name has been seen."""
    for message in messages:
        if message.author == ME:
            chat.me = ME
        yield message


# --- Markdown ---------------------------------------------------------------


def _markdown(path: Path, chat: Chat) -> Iterator[Message]:
    start: tuple[int, datetime, str] | None = None  # line, sent, author of the open message
    body: list[str] = []
    dropping = False  # continuation lines of a header whose date was not a date
    for number, raw in text_lines(path, chat):
        line = raw.rstrip("\r\n")
        header = _HEADER.fullmatch(line)
        if header is None:
            if start is not None:
                body.append(line)
            elif line.strip() and not dropping:
                chat.skipped.append(Skipped(number, "text before the first message"))
            continue
        if start is not None:
            yield _finish(*start, body)
        start, body, dropping = None, [], False
        clock = header["hm"] or header["hms"]
        try:
            sent = datetime.fromisoformat(f"{header['date']}T{clock}")
        except ValueError:
            chat.skipped.append(Skipped(number, f"{header['date']} {clock} is not a real date"))
            dropping = True
            continue
        start = (number, sent, header["author"].strip())
        body = [header["body"] or ""]
    if start is not None:
        yield _finish(*start, body)


def _finish(line: int, sent: datetime, author: str, body: list[str]) -> Message:
    lines = [part.rstrip() for part in body]  # signal-export ends lines with two spaces
    while lines and not lines[-1]:
        lines.pop()
    if lines and _REACTIONS.match(lines[-1]):
        lines.pop()
    if lines and not lines[0]:
        lines = _without_quote(lines)
    media = False
    if lines and _STICKER.match(lines[-1]):
        lines.pop()
        media = True
    text = "\n".join(lines).strip()
    if _ATTACHMENT.search(text):
        media = True
        text = _ATTACHMENT.sub("", text).strip()
    kind = _kind(text, media=media)
    return Message(sent, author, "" if kind is MessageKind.DELETED else text, kind, line)


def _without_quote(lines: list[str]) -> list[str]:
    """Drop a quoted reply: blank lines, then ``> `` lines, then a blank line."""
    rest = list(lines)
    while rest and not rest[0]:
        rest.pop(0)
    if not rest or not rest[0].startswith(">"):
        return rest
    while rest and rest[0].startswith(">"):
        rest.pop(0)
    while rest and not rest[0]:
        rest.pop(0)
    return rest


def _kind(
    text: str, *, media: bool = False, deleted: bool = False, call: bool = False
) -> MessageKind:
    if deleted or text == _DELETED:
        return MessageKind.DELETED
    if call or _CALL.match(text):
        return MessageKind.CALL
    return MessageKind.MEDIA if media else MessageKind.TEXT


# --- JSON ---------------------------------------------------------------------


def _json_array(path: Path) -> Iterator[tuple[int, object]]:
    """The objects of a JSON array, one at a time."""
    with opened(path) as handle:
        stream = JsonStream(handle, str(path))
        for index in stream.items():
            yield index + 1, stream.value()
        stream.end()


def _json_lines(path: Path, chat: Chat) -> Iterator[tuple[int, object]]:
    for number, raw in text_lines(path, chat):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except (ValueError, RecursionError):
            chat.skipped.append(Skipped(number, "line is not a JSON object"))


def _records(
    records: Iterator[tuple[int, object]], chat: Chat, tz: tzinfo | None
) -> Iterator[Message]:
    repeats = Repeats(chat)
    for number, record in records:
        if not isinstance(record, dict):
            chat.skipped.append(Skipped(number, "not a message object"))
            continue
        date, sender, body = record.get("date"), record.get("sender"), record.get("body")
        if not isinstance(sender, str) or not sender.strip():
            chat.skipped.append(Skipped(number, "message without a sender"))
            continue
        try:
            if not isinstance(date, str):
                raise ValueError("no date")
            sent = parse_iso(date, tz)
        except ValueError:
            chat.skipped.append(Skipped(number, "message without a usable date"))
            continue
        text = body.strip() if isinstance(body, str) else ""
        media = bool(record.get("attachments")) or bool(record.get("sticker"))
        kind = _kind(
            text,
            media=media,
            deleted=record.get("deleted") is True,
            call=record.get("call") is True,
        )
        message = Message(sent, sender.strip(), text, kind, number)
        if repeats.first(record.get("id"), message):
            yield message
    repeats.close()
