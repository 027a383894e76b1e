"""Telegram Desktop JSON exports: one chat, or a whole account.

A one-chat export (``result.json``) is ``{"name", "type", "id", "messages": [...]}``.
A whole-account export holds ``personal_information`` (the owner) and
``chats.list`` (and ``left_chats.list``), each entry shaped like a one-chat
export; the user picks one with ``ParseOptions.chat_name``.

Each message has ``type`` ("message" or "service"), ``date`` (the wall-clock
time of the exporting computer) and, since 2022, ``date_unixtime``; ``from``
is the author's display name, and ``text`` is a string or a list of strings
and ``{"type": ..., "text": ...}`` entities. Service messages (joins, pins,
title changes …) are not messages, except phone calls, which become
``MessageKind.CALL`` records because a call is contact someone made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from reciprocity.coach import chats as chat_words
from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    Epochs,
    Repeats,
    as_text,
    counted,
    epoch_number,
    head_text,
    local_from_epoch,
    name_list,
    parse_iso,
)
from reciprocity.evidence.jsonstream import JsonStream, opened
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

FORMAT = "telegram"

# Keys only Telegram Desktop writes; a one-chat export has some of them in its
# first message, an account export has personal_information at the top.
_TELEGRAM_KEYS = re.compile(
    r'"(?:date_unixtime|from_id|text_entities|personal_information|actor_id)"\s*:'
    r'|"type"\s*:\s*"(?:personal_chat|private_group|private_supergroup|saved_messages|bot_chat)"'
)
_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji")
_CALL_ACTIONS = frozenset({"phone_call", "group_call"})


def sniff(head: bytes) -> bool:
    text = head_text(head)
    return text.startswith("{") and bool(_TELEGRAM_KEYS.search(text))


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read a Telegram Desktop JSON export, a message at a time.

    ``tz`` is used only for exports that carry nothing but ``date_unixtime``;
    ``date``, where present, is already the wall-clock time the export shows.
    The document's shape (one chat, or an account and which of its chats) is
    read here; a problem further on is raised while the messages are read.
    """
    where = str(path)
    with opened(path) as handle:
        shape = _Shape.read(JsonStream(handle, where), where)
    place = shape.choose(options.chat_name, where)
    if place is None:
        name, kind, chat_id = shape.name, shape.kind, shape.id
    else:
        name, kind, chat_id = shape.names[place], shape.kinds[place], shape.ids[place]
    chat = Chat(format=FORMAT, title=name)
    chat.me = shape.owner
    personal = f"user{chat_id}" if kind == "personal_chat" and isinstance(chat_id, int) else None
    chat.messages = counted(chat, _read(path, place, chat, personal, tz))
    return chat


Place = tuple[str, int]
"""A chat's place in an account export: its section ("chats" or "left_chats") and index."""


@dataclass
class _Shape:
    """The document's outline: one chat (name, type, id) or an account's chats, and the owner."""

    one_chat: bool = False
    name: str | None = None
    kind: object = None
    id: object = None
    owner: str | None = None
    places: list[Place] = field(default_factory=list)
    names: dict[Place, str] = field(default_factory=dict)
    kinds: dict[Place, object] = field(default_factory=dict)
    ids: dict[Place, object] = field(default_factory=dict)

    @classmethod
    def read(cls, stream: JsonStream, where: str) -> _Shape:
        shape = cls()
        if stream.kind() != "object":
            raise ImportFormatError(
                "is not a Telegram export (the top level is not an object)", where
            )
        for key in stream.fields():
            if key == "messages":
                if stream.kind() != "array":
                    raise ImportFormatError(
                        'is not a Telegram export ("messages" is not a list)', where
                    )
                shape.one_chat = True
                return shape  # the rest is read with the messages
            if key in ("name", "type", "id"):
                value = stream.value()
                if key == "name":
                    shape.name = value if isinstance(value, str) else None
                elif key == "type":
                    shape.kind = value
                else:
                    shape.id = value
            elif key == "personal_information":
                shape.owner = _owner(stream.value())
            elif key in ("chats", "left_chats") and stream.kind() == "object":
                shape._sections(stream, key)
            else:
                stream.skip()
        stream.end()
        return shape

    def _sections(self, stream: JsonStream, section: str) -> None:
        for key in stream.fields():
            if key != "list" or stream.kind() != "array":
                stream.skip()
                continue
            for index in stream.items():
                place = (section, index)
                if stream.kind() != "object":
                    stream.skip()
                    continue
                self.places.append(place)
                entry: dict[str, object] = {}
                for field_name in stream.fields():
                    if field_name in ("name", "type", "id"):
                        entry[field_name] = stream.value()
                    else:
                        stream.skip()
                self.names[place] = _chat_name(entry)
                self.kinds[place], self.ids[place] = entry.get("type"), entry.get("id")

    def choose(self, wanted: str | None, where: str) -> Place | None:
        """The one chat to read: None for a one-chat export, else its place in the account."""
        if self.one_chat:
            return None
        if not self.places:
            raise ImportFormatError("is a Telegram export with no chats in it", where)
        names = [self.names[place] for place in self.places]
        wanted = (wanted or "").strip() or None
        if wanted is None:
            if len(self.places) == 1:
                return self.places[0]
            raise ImportFormatError(
                f"is a whole-account Telegram export with {len(self.places)} chats; "
                f"choose one by name: {name_list(names)}",
                where,
            )
        folded = wanted.casefold()
        matches = [place for place in self.places if self.names[place].casefold() == folded]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ImportFormatError(
                f'has no chat called "{wanted}"; its chats are: {name_list(names)}', where
            )
        raise ImportFormatError(
            f'has {len(matches)} chats called "{wanted}"; export that chat on its own instead',
            where,
        )


def _read(
    path: Path, place: Place | None, chat: Chat, personal: str | None, tz: tzinfo | None
) -> Iterator[Message]:
    """The chosen chat's messages, read again from the file one record at a time."""
    where = str(path)
    with opened(path) as handle:
        stream = JsonStream(handle, where)
        for key in stream.fields():
            if place is None and key == "messages":
                yield from _messages(_records(stream), chat, personal, tz)
            elif place is not None and key == place[0] and stream.kind() == "object":
                yield from _section(stream, place[1], chat, personal, tz)
            else:
                stream.skip()
        stream.end()


def _section(
    stream: JsonStream, wanted: int, chat: Chat, personal: str | None, tz: tzinfo | None
) -> Iterator[Message]:
    for key in stream.fields():
        if key != "list" or stream.kind() != "array":
            stream.skip()
            continue
        for index in stream.items():
            if index != wanted or stream.kind() != "object":
                stream.skip()
                continue
            for field_name in stream.fields():
                if field_name == "messages" and stream.kind() == "array":
                    yield from _messages(_records(stream), chat, personal, tz)
                else:
                    stream.skip()


def _records(stream: JsonStream) -> Iterator[tuple[int, object]]:
    for index in stream.items():
        yield index + 1, stream.value()


def _chat_name(entry: dict[str, object]) -> str:
    name = entry.get("name")
    if isinstance(name, str) and name:
        return name
    if entry.get("type") == "saved_messages":
        return "Saved Messages"
    return f"(unnamed chat {entry.get('id', '?')})"


def _owner(info: object) -> str | None:
    """The account owner's display name (``personal_information``), as ``from`` writes it."""
    if not isinstance(info, dict):
        return None
    parts = [info.get("first_name"), info.get("last_name")]
    name = " ".join(part.strip() for part in parts if isinstance(part, str) and part.strip())
    return name or None


def _messages(
    records: Iterable[tuple[int, object]], chat: Chat, personal: str | None, tz: tzinfo | None
) -> Iterator[Message]:
    """The messages of ``records``; in a one-to-one chat, the one author whose
    ``from_id`` is not the chat's id (the other person's) is the owner."""
    service = 0
    repeats = Repeats(chat)
    epochs = Epochs("seconds")
    owners: set[str] = set()
    for index, record in records:
        if not isinstance(record, dict):
            chat.skipped.append(Skipped(index, "not a message object"))
            continue
        call = record.get("type") == "service" and as_text(record.get("action")) in _CALL_ACTIONS
        if record.get("type") == "service" and not call:
            service += 1
            continue
        sent = _sent(record, epochs, tz)
        if sent is None:
            chat.skipped.append(Skipped(index, "message without a usable date"))
            continue
        author = _author(record, "actor" if call else "from")
        if author is None:
            chat.skipped.append(Skipped(index, "message without an author"))
            continue
        if call:
            message = Message(sent, author, "", MessageKind.CALL, index)
        else:
            kind = (
                MessageKind.MEDIA if any(key in record for key in _MEDIA_KEYS) else MessageKind.TEXT
            )
            message = Message(sent, author, _text(record.get("text")), kind, index)
        from_id, named = record.get("from_id"), isinstance(record.get("from"), str)
        if personal is not None and named and isinstance(from_id, str) and from_id != personal:
            owners.add(author)
        if repeats.first(record.get("id"), message):
            yield message
    repeats.close()
    if chat.me is None and len(owners) == 1:
        chat.me = owners.pop()
    epochs.close(chat)
    if service:
        chat.notes.append(chat_words.service_messages_words(service))


def _sent(record: dict[str, object], epochs: Epochs, tz: tzinfo | None) -> datetime | None:
    date = record.get("date")
    if isinstance(date, str):
        try:
            return parse_iso(date, tz)
        except ValueError:
            pass
    seconds = epoch_number(record.get("date_unixtime"))
    if seconds is None:
        return None
    try:
        return local_from_epoch(epochs.seconds(seconds), tz)
    except ValueError:
        return None


def _author(record: dict[str, object], key: str) -> str | None:
    name = record.get(key)
    if isinstance(name, str) and name:
        return name
    if key in record and name is None:
        return "Deleted Account"  # Telegram writes null for a deleted account
    author_id = record.get(f"{key}_id")
    return author_id if isinstance(author_id, str) and author_id else None


def _text(value: object) -> str:
    """Telegram text: a string, or a list of strings and entities joined as written."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    pieces: list[str] = []
    for piece in value:
        if isinstance(piece, str):
            pieces.append(piece)
        elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
            pieces.append(piece["text"])
    return "".join(pieces)
