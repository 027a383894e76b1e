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
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    Epochs,
    Repeats,
    as_text,
    counted,
    epoch_number,
    head_text,
    load_json,
    local_from_epoch,
    name_list,
    parse_iso,
)
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
    """Read a Telegram Desktop JSON export.

    ``tz`` is used only for exports that carry nothing but ``date_unixtime``;
    ``date``, where present, is already the wall-clock time the export shows.
    """
    document = load_json(path)
    if not isinstance(document, dict):
        raise ImportFormatError("is not a Telegram export (the top level is not an object)", str(path))
    chosen = _choose_chat(document, options.chat_name, path)
    records = chosen.get("messages")
    if not isinstance(records, list):
        raise ImportFormatError('is not a Telegram export ("messages" is not a list)', str(path))
    name = chosen.get("name")
    chat = Chat(format=FORMAT, title=name if isinstance(name, str) else None)
    chat.me = _owner(document) or _owner_of_personal_chat(chosen, records)
    chat.messages = counted(chat, _messages(records, chat, tz))
    return chat


def _choose_chat(document: dict[str, object], wanted: str | None, path: Path) -> dict[str, object]:
    """The one chat to read: the document itself, or one entry of an account export."""
    if "messages" in document:
        return document
    chats: list[dict[str, object]] = []
    for key in ("chats", "left_chats"):
        section = document.get(key)
        listed = section.get("list") if isinstance(section, dict) else None
        if isinstance(listed, list):
            chats.extend(entry for entry in listed if isinstance(entry, dict))
    if not chats:
        raise ImportFormatError("is a Telegram export with no chats in it", str(path))
    names = [_chat_name(entry) for entry in chats]
    wanted = (wanted or "").strip() or None
    if wanted is None:
        if len(chats) == 1:
            return chats[0]
        raise ImportFormatError(
            f"is a whole-account Telegram export with {len(chats)} chats; "
            f"choose one by name: {name_list(names)}",
            str(path),
        )
    matches = [
        entry for entry, name in zip(chats, names, strict=True) if name.casefold() == wanted.casefold()
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ImportFormatError(
            f'has no chat called "{wanted}"; its chats are: {name_list(names)}', str(path)
        )
    raise ImportFormatError(
        f'has {len(matches)} chats called "{wanted}"; export that chat on its own instead',
        str(path),
    )


def _chat_name(entry: dict[str, object]) -> str:
    name = entry.get("name")
    if isinstance(name, str) and name:
        return name
    if entry.get("type") == "saved_messages":
        return "Saved Messages"
    return f"(unnamed chat {entry.get('id', '?')})"


def _owner(document: dict[str, object]) -> str | None:
    """The account owner's display name, as Telegram writes it in ``from``."""
    info = document.get("personal_information")
    if not isinstance(info, dict):
        return None
    parts = [info.get("first_name"), info.get("last_name")]
    name = " ".join(part.strip() for part in parts if isinstance(part, str) and part.strip())
    return name or None


def _owner_of_personal_chat(chosen: dict[str, object], records: list[object]) -> str | None:
    """In a one-to-one chat the chat id is the other person's user id, so the
    one author with a different ``from_id`` is the owner."""
    chat_id = chosen.get("id")
    if chosen.get("type") != "personal_chat" or not isinstance(chat_id, int):
        return None
    other = f"user{chat_id}"
    authors = {
        record["from"]
        for record in records
        if isinstance(record, dict)
        and isinstance(record.get("from"), str)
        and isinstance(record.get("from_id"), str)
        and record.get("from_id") != other
    }
    return authors.pop() if len(authors) == 1 else None


def _messages(records: list[object], chat: Chat, tz: tzinfo | None) -> Iterator[Message]:
    service = 0
    repeats = Repeats(chat)
    epochs = Epochs("seconds")
    for index, record in enumerate(records, start=1):
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
            kind = MessageKind.MEDIA if any(key in record for key in _MEDIA_KEYS) else MessageKind.TEXT
            message = Message(sent, author, _text(record.get("text")), kind, index)
        if repeats.first(record.get("id"), message):
            yield message
    repeats.close()
    epochs.close(chat)
    if service:
        chat.notes.append(
            f"{service} service messages (joins, pins, title changes …) are not counted as messages"
        )


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
