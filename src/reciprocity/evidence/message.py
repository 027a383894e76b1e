"""What every chat parser yields: messages, and what it could not read.

This is the parse step's output only. Parsing, deriving evidence and storing
are three separate steps (see ``reciprocity.evidence``); message text lives in
memory while evidence is derived and is stored only when the user asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
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
    it once; when it is exhausted, ``skipped`` and ``participants`` are complete.

    ``format`` is one of: whatsapp, telegram, messenger, instagram, signal, sms,
    discord, csv. ``date_order`` is e.g. "DMY", "MDY", "YMD" where the format
    writes dates as text, else None. ``date_order_inferred`` is True when the
    order had to be decided from the file rather than being unambiguous.
    ``title`` is the chat's name where the export has one.
    ``me`` is the export owner's name where the format knows it (SMS, Telegram).
    ``threads`` counts the messages of each conversation in an export that
    holds several whose own messages do not say whom they went to (a whole
    SMS backup); such an export is stored one conversation at a time.
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
