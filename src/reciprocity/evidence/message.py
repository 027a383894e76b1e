"""What every chat parser yields: messages, and what it could not read.

This is the parse step's output only. Parsing, deriving evidence and storing
are three separate steps (see ``reciprocity.evidence``); message text lives in
memory while evidence is derived and is stored only when the user asks for it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import islice, repeat
from operator import add, attrgetter, floordiv, mul, sub
from typing import NamedTuple


class MessageKind(StrEnum):
    TEXT = "text"
    MEDIA = "media"  # a photo, video, voice note, sticker ... or its placeholder
    DELETED = "deleted"  # "This message was deleted" and the like
    CALL = "call"  # a call record, where the export has one


class Message(NamedTuple):
    """One message as the export shows it.

    ``sent`` is the wall-clock local time the export shows (naive). Formats that
    store epoch times are converted to the user's local time zone.
    ``line`` is the 1-based line (or record index) where the message starts,
    so that problems can be pointed at.

    A named tuple rather than a dataclass: parsers build millions of them, and
    a tuple is made in C (``tuple.__new__``) several times faster.
    """

    sent: datetime
    author: str
    text: str
    kind: MessageKind = MessageKind.TEXT
    line: int = 0


MAX_MESSAGES = 3_000_000
"""The most messages (and calls) one import reads: a bound on its memory, far above a
lifetime of one chat. A larger export is refused with a clear line; split it by date."""
MINUTES_PER_DAY = 1440
_ORIGIN = datetime(1, 1, 1)
EARLIEST, LATEST = 1440 * 693_596, 1440 * 767_011
"""The minutes a chat message can have: from 1900-01-01 up to (not including) 2101-01-01.

Anything outside is a broken date (a year 4090 overflows a fingerprint); it
is listed as skipped, never stored. A restore checks the same range."""
_MINUTE = timedelta(minutes=1)
_SENT, _AUTHOR, _TEXT, _KIND, _LINE = map(attrgetter, ("sent", "author", "text", "kind", "line"))


def minute_of(moment: datetime) -> int:
    """The minute ``moment`` falls in, counted from 0001-01-01 00:00 as minute 1440."""
    return moment.toordinal() * MINUTES_PER_DAY + moment.hour * 60 + moment.minute


def moment_of(minute: int, second: int = 0) -> datetime:
    """The time a minute number (and a second within it) stands for."""
    return _ORIGIN + timedelta(minutes=minute - MINUTES_PER_DAY, seconds=second)


@dataclass(slots=True)
class MessageColumns:
    """Messages as parallel columns: row ``i`` is one message.

    What a list of ``Message`` holds, in the form the next step reads
    fastest: ``minutes`` counts minutes as ``minute_of`` does and
    ``seconds`` holds the second within each minute. ``utf8``, when a parser
    has it, is each text's UTF-8 bytes, so that they need not be made again.
    The WhatsApp parser yields these directly; ``of`` turns any messages into them.
    """

    minutes: array[int]
    seconds: Sequence[int]
    authors: list[str]
    texts: list[str]
    kinds: list[MessageKind]
    lines: Sequence[int]
    utf8: list[bytes] | None = None

    def __len__(self) -> int:
        return len(self.minutes)

    @classmethod
    def of(cls, messages: Sequence[Message]) -> MessageColumns:
        sents = list(map(_SENT, messages))
        minutes = map(floordiv, map(sub, sents, repeat(_ORIGIN)), repeat(_MINUTE))
        return cls(
            array("q", map(add, minutes, repeat(MINUTES_PER_DAY))),
            list(map(attrgetter("second"), sents)),
            list(map(_AUTHOR, messages)),
            list(map(_TEXT, messages)),
            list(map(_KIND, messages)),
            list(map(_LINE, messages)),
        )

    def take(self, indices: Sequence[int]) -> MessageColumns:
        """The messages at ``indices``, in that order."""
        utf8 = None if self.utf8 is None else list(map(self.utf8.__getitem__, indices))
        return MessageColumns(
            array("q", map(self.minutes.__getitem__, indices)),
            list(map(self.seconds.__getitem__, indices)),
            list(map(self.authors.__getitem__, indices)),
            list(map(self.texts.__getitem__, indices)),
            list(map(self.kinds.__getitem__, indices)),
            list(map(self.lines.__getitem__, indices)),
            utf8,
        )

    def messages(self) -> list[Message]:
        # Whole columns in C: seconds since the origin, then times, then
        # tuples made as Message without a Python call each.
        since = map(
            add, map(mul, map(sub, self.minutes, repeat(MINUTES_PER_DAY)), repeat(60)), self.seconds
        )
        sents = map(add, repeat(_ORIGIN), map(timedelta, repeat(0), since))
        rows = zip(sents, self.authors, self.texts, self.kinds, self.lines, strict=True)
        return list(map(tuple.__new__, repeat(Message), rows))


@dataclass(frozen=True, slots=True)
class Skipped:
    """A line or record the parser did not understand. Never dropped silently."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What the user may tell a parser. Everything else is detected.

    ``date_order`` ("DMY", "MDY", "YMD", ...) overrides the inferred order of
    text dates; ``chat_name`` picks one chat from a whole-account export.
    """

    date_order: str | None = None
    chat_name: str | None = None


def _no_messages() -> Iterator[Message]:
    return iter(())


@dataclass(slots=True)
class Chat:
    """The result of parsing one export.

    ``messages`` is a one-pass iterator so that a large export streams: iterate
    it once; when it is exhausted, ``skipped``, ``participants``, ``notes``
    (and, for some formats, ``title`` and ``me``) are complete. Messages come
    in time order as the export writes it (a Meta file of more than
    ``meta.SORTED`` messages, newest first; the store puts them in order).

    ``format`` is one of: whatsapp, telegram, messenger, instagram, signal, sms,
    discord, csv. ``date_order`` is e.g. "DMY", "MDY", "YMD" where the format
    writes dates as text, else None. ``date_order_inferred`` is True when the
    order had to be decided from the file rather than being unambiguous.
    ``title`` is the chat's name where the export has one.
    ``me`` is the export owner's name where the format knows it (SMS, Telegram).
    ``threads`` counts the messages of each conversation in an export that
    holds several whose own messages do not say whom they went to (a whole
    SMS backup); such an export is stored one conversation at a time.

    ``columns``, set by parsers that read in bulk, is the same one-pass
    stream as ``messages``, as ``MessageColumns``: read one of the two.
    ``batches`` gives the columns of any parser.
    """

    format: str
    messages: Iterator[Message] = field(default_factory=_no_messages)
    skipped: list[Skipped] = field(default_factory=list)
    participants: dict[str, int] = field(default_factory=dict)
    date_order: str | None = None
    date_order_inferred: bool = False
    title: str | None = None
    me: str | None = None
    notes: list[str] = field(default_factory=list)
    threads: dict[str, int] = field(default_factory=dict)
    columns: Iterator[MessageColumns] | None = None

    def batches(self, size: int) -> Iterator[MessageColumns]:
        """The messages as columns, in the parser's own batches or ``size`` at a time."""
        if self.columns is not None:
            yield from self.columns
            return
        messages = iter(self.messages)
        while batch := list(islice(messages, size)):
            yield MessageColumns.of(batch)
