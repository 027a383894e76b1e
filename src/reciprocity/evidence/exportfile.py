"""Reading an export file: its first bytes, its lines, its clock times, its repeats.

Shared by the format modules so that every one of them answers a broken file
the same way (an ``ImportFormatError`` that says file and line), reads lines
a block at a time (``text_lines``; JSON documents are ``jsonstream``'s), and
converts times by the same rule:

* a time the export writes as a wall-clock time without a zone is kept as is;
* an epoch time, or a time with a UTC offset, is an instant: it is shown in
  the user's local time zone (``tz``; ``None`` means this machine's zone) and
  the zone is then dropped, because every ``Message.sent`` is naive.
"""

from __future__ import annotations

import math
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import datetime, tzinfo
from pathlib import Path

from reciprocity.coach import chats as words
from reciprocity.errors import ImportFormatError
from reciprocity.evidence.chunks import LineBlocks
from reciprocity.evidence.message import Chat, Message, Skipped

HEAD_BYTES = 64 * 1024
BOM = b"\xef\xbb\xbf"
_INTEGER = re.compile(r"-?[0-9]{1,20}")


def regular_file_size(path: Path) -> int:
    """The size of the file at ``path``; ImportFormatError unless it is a regular file.

    A folder, a pipe (FIFO), a socket or a device is refused before it is
    opened: reading a pipe or a terminal would wait for ever.
    """
    where = str(path)
    try:
        status = path.stat()
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", where) from None
    if stat.S_ISDIR(status.st_mode):
        raise ImportFormatError("is a folder; give the export file inside it", where)
    if not stat.S_ISREG(status.st_mode):
        raise ImportFormatError(words.IMPORT_NOT_A_FILE, where)
    return status.st_size


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of the file (fewer if it is shorter)."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", str(path)) from None


def read_tail(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The last ``size`` bytes of the file (all of it if it is shorter)."""
    try:
        with path.open("rb") as handle:
            end = handle.seek(0, 2)
            handle.seek(max(0, end - size))
            return handle.read(size)
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", str(path)) from None


def head_text(head: bytes) -> str:
    """The head as text for sniffing: BOM and leading blanks removed, bad bytes ignored."""
    # A 64 KiB cut can split a UTF-8 sequence; "ignore" keeps sniffing cheap and total.
    return head.removeprefix(BOM).decode("utf-8", "ignore").lstrip()


_LONG_NUMBER = re.compile(r"[0-9]{4000,}")


def long_number_line(text: str) -> int | None:
    """The line of the first number in ``text`` too long for Python to read, if any."""
    found = _LONG_NUMBER.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def local_from_epoch(seconds: float, tz: tzinfo | None = None) -> datetime:
    """An epoch time as naive wall-clock time in ``tz`` (default: this machine's zone).

    Raises ValueError when the number is not a usable time.
    """
    if isinstance(seconds, bool) or not math.isfinite(seconds):
        raise ValueError(f"{seconds!r} is not a time")
    try:
        if tz is None:
            return datetime.fromtimestamp(seconds)
        return datetime.fromtimestamp(seconds, tz).replace(tzinfo=None)
    except (OverflowError, OSError) as error:
        raise ValueError(f"{seconds!r} is out of range ({error})") from None


# Epoch times a chat can plausibly have: from 2000 up to 2100, in seconds.
_PLAUSIBLE = (946_684_800, 4_102_444_800)
EPOCH_UNITS = {"seconds": 1, "milliseconds": 10**3, "microseconds": 10**6, "nanoseconds": 10**9}


class Epochs:
    """Epoch numbers as seconds: in the unit the format writes, or the one they plainly are in.

    Some tools write seconds where the format has milliseconds (older SMS
    backup apps), which read as January 1970. A number that is no plausible
    time (2000 to 2100) in the expected unit but is one in another unit is
    read in that unit; ``close`` says in a note how many were, and in what.
    A number plausible in no unit is read in the expected one.
    """

    def __init__(self, unit: str) -> None:
        self.unit = unit
        self.scale = EPOCH_UNITS[unit]
        self.assumed: dict[str, int] = {}

    def seconds(self, value: float) -> float:
        low, high = _PLAUSIBLE
        if low * self.scale <= value < high * self.scale:
            return value / self.scale
        for unit, scale in EPOCH_UNITS.items():
            if unit != self.unit and low * scale <= value < high * scale:
                self.assumed[unit] = self.assumed.get(unit, 0) + 1
                return value / scale
        return value / self.scale

    def close(self, chat: Chat) -> None:
        for unit, count in self.assumed.items():
            chat.notes.append(
                words.IMPORT_EPOCH_UNIT.format(count=count, unit=unit, expected=self.unit)
            )


def local_from_aware(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """A time with an offset as naive wall-clock time in ``tz``; a naive time is kept."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(tz).replace(tzinfo=None)
    except (OverflowError, OSError) as error:
        raise ValueError(f"{moment.isoformat()} is out of range ({error})") from None


def parse_iso(value: str, tz: tzinfo | None = None) -> datetime:
    """An ISO 8601 time: naive is kept as shown, one with an offset goes to ``tz``.

    Raises ValueError when the text is not an ISO 8601 time.
    """
    return local_from_aware(datetime.fromisoformat(value.strip()), tz)


def epoch_number(value: object) -> float | None:
    """A JSON number or digit string as a float, or None (booleans are not numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return float(value)
    return None


def as_text(value: object) -> str | None:
    """A JSON value if it is a string, else None (so that it can be looked up in a set)."""
    return value if isinstance(value, str) else None


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with any lone surrogate (``"\\ud83d"`` in a JSON file) as U+FFFD.

    JSON can escape half of an emoji on its own, which Python reads but no
    UTF-8 text (nor the database) can hold.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def counted(chat: Chat, messages: Iterable[Message]) -> Iterator[Message]:
    """Yield the messages, counting each author in ``chat.participants`` as they pass.

    Names and texts come out as valid Unicode (``valid_unicode``).
    """
    for message in messages:
        if not (message.author.isascii() and message.text.isascii()):
            message = message._replace(
                author=valid_unicode(message.author), text=valid_unicode(message.text)
            )
        chat.participants[message.author] = chat.participants.get(message.author, 0) + 1
        yield message


class Repeats:
    """Records a file holds twice under the format's own message id: each is read once.

    Some exporters write a page of messages twice (DiscordChatExporter after a
    retry). ``first`` says whether a message is the first with its id; a
    repeat with the same content is counted in a note at ``close``, one with
    other content is listed in ``chat.skipped`` (the first one read stands).
    Only a digest of each message is kept, not the message.
    """

    def __init__(self, chat: Chat) -> None:
        self.chat = chat
        self.seen: dict[object, tuple[int, int]] = {}
        self.same = 0

    def first(self, key: object, message: Message) -> bool:
        if key is None or isinstance(key, bool | float | list | dict):
            return True  # no usable id: nothing to compare by
        digest = hash((message.sent, message.author, message.text, message.kind))
        found = self.seen.get(key)
        if found is None:
            self.seen[key] = digest, message.line
            return True
        if found[0] == digest:
            self.same += 1
        else:
            self.chat.skipped.append(
                Skipped(message.line, words.IMPORT_SAME_ID_OTHER_CONTENT.format(line=found[1]))
            )
        return False

    def close(self) -> None:
        if self.same:
            self.chat.notes.append(words.IMPORT_REPEATED_RECORDS.format(count=self.same))


def name_list(names: Iterable[str], limit: int = 12) -> str:
    """Names for an error message: quoted, comma-separated, long lists shortened."""
    shown = [f'"{name}"' for name in names]
    if len(shown) > limit:
        return ", ".join(shown[:limit]) + f" and {len(shown) - limit} more"
    return ", ".join(shown)


def text_lines(path: Path, chat: Chat) -> Iterator[tuple[int, str]]:
    """The file's lines as text, numbered from 1, line ends kept, read a block at a time.

    Bytes that are not UTF-8 become U+FFFD rather than stopping the import: one
    damaged line should not cost a whole history. A note says how many lines
    were affected. A NUL byte, which no chat text contains, becomes U+FFFD too.
    A line far longer than any message is cut (``chunks.LineBlocks``) and listed.
    """
    damaged = 0
    number = 1
    try:
        with path.open("rb") as handle:
            blocks = LineBlocks(handle)
            for index, block in enumerate(blocks):
                if index == 0:
                    block = block.removeprefix(BOM)
                for cut in blocks.cuts:
                    if cut.block == index:
                        line = number + block.count(b"\n", 0, cut.offset)
                        reason = words.IMPORT_LINE_TOO_LONG.format(megabytes=cut.size / 1024**2)
                        chat.skipped.append(Skipped(line, reason))
                lines = block.split(b"\n")
                last = lines.pop()
                for raw in lines:
                    text, broken = _decoded(raw + b"\n")
                    damaged += broken
                    yield number, text
                    number += 1
                if last:
                    text, broken = _decoded(last)
                    damaged += broken
                    yield number, text
                    number += 1
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", str(path)) from None
    if damaged:
        chat.notes.append(words.damaged_lines_words(damaged))


def _decoded(raw: bytes) -> tuple[str, bool]:
    try:
        line, broken = raw.decode("utf-8"), False
    except UnicodeDecodeError:
        line, broken = raw.decode("utf-8", "replace"), True
    return line.replace("\x00", "\ufffd"), broken
