"""Facebook Messenger and Instagram JSON exports (Meta's "Download your information").

Two layouts are read:

* the long-standing one, shared by Messenger and Instagram (``message_1.json``):
  ``{"participants": [{"name"}], "messages": [{"sender_name", "timestamp_ms",
  "content", "type", "photos", "videos", "audio_files", "gifs", "files",
  "sticker", "share", "is_unsent", ...}], "title", "thread_path", ...}``, newest
  message first. Minimal files with only ``messages`` occur too.
* Messenger's end-to-end-encrypted export (2024 on):
  ``{"participants": ["name"], "threadName", "messages": [{"senderName",
  "timestamp", "text", "type", "media", "isUnsent"}]}``.

Meta writes text as UTF-8 bytes each escaped as if it were a Latin-1
character (``"\\u00c3\\u00a9"`` for ``é``); every string is repaired by the
round trip ``s.encode("latin-1").decode("utf-8")`` where that round trip works.
Correct text never survives that round trip (characters above U+00FF cannot be
encoded, lone Latin-1 letters are not valid UTF-8), so repairing is safe.

Whether a file is Messenger or Instagram is not written in it; it is told from
content (links, file paths and keys only one of them uses), then the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    HEAD_BYTES,
    Epochs,
    as_text,
    counted,
    epoch_number,
    head_text,
    load_json,
    local_from_epoch,
    read_bytes,
)
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

FORMATS = ("messenger", "instagram")

_INSTAGRAM_CUES = (b"instagram.com", b"ig.me/", b"your_instagram_activity")
_MESSENGER_CUES = (
    b"facebook.com",
    b"messenger.com",
    b"fb.me/",
    b"your_activity_across_facebook",
    b"your_facebook_activity",
    b"stickers_used/",
    b'"call_duration"',
    b'"threadName"',
)
# Messenger's long-standing layout types every message; Instagram's does not.
_MESSENGER_TYPE = re.compile(rb'"type"\s*:\s*"(?:Generic|Share|Call|Subscribe|Unsubscribe)"')
_OLD_LAYOUT = re.compile(r'"sender_name"\s*:|"timestamp_ms"\s*:')
_E2EE_LAYOUT = re.compile(r'"(senderName|isUnsent|threadName)"\s*:')
_MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "files", "sticker", "media")
_MEMBERSHIP_TYPES = frozenset({"Subscribe", "Unsubscribe"})
# Lines Meta writes on a person's behalf that are reactions or poll updates,
# not something they wrote.
_NOTICES = re.compile(
    r"(?: to your message\s*$|^Liked a message$|created a poll: | in the poll\.$"
    r"|^This poll is no longer available\.$|'s poll has multiple updates\.$)"
)
_ATTACHMENT_NOTICE = re.compile(r" sent an attachment\.$")


def sniff(head: bytes) -> bool:
    text = head_text(head)
    if not text.startswith("{"):
        return False
    return bool(_OLD_LAYOUT.search(text)) or len(set(_E2EE_LAYOUT.findall(text))) >= 2


def platform(sample: bytes, path: Path) -> str:
    """"messenger" or "instagram", from the content; the folders only when it says nothing.

    ``sample`` is the file's first and last 64 KiB: the cues sit in the first
    messages and in the keys Meta writes after the messages (``thread_path``,
    ``joinable_mode``), and detection and parsing must give the same answer.
    Content decides first (links and keys only one of them writes, then
    Messenger's typed messages), so a file that was renamed or moved is
    still told right; the names of the folders it sits in are a last resort
    for a file whose content could be either.
    """
    if any(cue in sample for cue in _INSTAGRAM_CUES):
        return "instagram"
    if any(cue in sample for cue in _MESSENGER_CUES) or _MESSENGER_TYPE.search(sample):
        return "messenger"
    # Meta's download folders are named "instagram-<user>-<date>…" and
    # "facebook-<user>-<date>…"; only folder names that start so count.
    folders = [part.casefold() for part in path.parent.parts]
    if any(part.startswith(("facebook", "messenger")) for part in folders):
        return "messenger"
    return "instagram"


def repair(text: str) -> str:
    """Undo Meta's Latin-1 escaping of UTF-8 bytes, where the text shows it."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read one Messenger or Instagram JSON file; ``timestamp_ms`` is shown in ``tz``."""
    data = read_bytes(path)
    document = load_json(path, data)
    if not isinstance(document, dict):
        raise ImportFormatError("is not a Meta export (the top level is not an object)", str(path))
    records = document.get("messages")
    if not isinstance(records, list):
        raise ImportFormatError('is not a Meta export ("messages" is not a list)', str(path))
    title = document.get("title", document.get("threadName"))
    sample = data[:HEAD_BYTES] + data[-HEAD_BYTES:]
    chat = Chat(format=platform(sample, path), title=repair(title) if isinstance(title, str) else None)
    chat.messages = counted(chat, _messages(records, chat, tz))
    return chat


def _messages(records: list[object], chat: Chat, tz: tzinfo | None) -> Iterator[Message]:
    read: list[Message] = []
    notices = 0
    epochs = Epochs("milliseconds")
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            chat.skipped.append(Skipped(index, "not a message object"))
            continue
        if as_text(record.get("type")) in _MEMBERSHIP_TYPES:
            notices += 1  # someone joined or left: a group event, not a message
            continue
        message = _message(record, index, chat, epochs, tz)
        if message is None:
            continue
        if message.kind is MessageKind.TEXT and _NOTICES.search(message.text):
            notices += 1
            continue
        read.append(message)
    epochs.close(chat)
    if notices:
        chat.notes.append(
            f"{notices} notices (reactions, poll updates, people joining or leaving) "
            "are not counted as messages"
        )
    # Meta writes the newest message first; hand them on oldest first, and keep
    # the file's order among messages sent in the same millisecond.
    read.reverse()
    read.sort(key=lambda message: message.sent)
    yield from read


def _message(
    record: dict[str, object], index: int, chat: Chat, epochs: Epochs, tz: tzinfo | None
) -> Message | None:
    sender = record.get("sender_name", record.get("senderName"))
    if not isinstance(sender, str) or not sender:
        chat.skipped.append(Skipped(index, "message without a sender"))
        return None
    milliseconds = epoch_number(record.get("timestamp_ms", record.get("timestamp")))
    try:
        if milliseconds is None:
            raise ValueError("no timestamp")
        sent = local_from_epoch(epochs.seconds(milliseconds), tz)
    except ValueError:
        chat.skipped.append(Skipped(index, "message without a usable timestamp"))
        return None
    content = record.get("content", record.get("text"))
    text = repair(content) if isinstance(content, str) else ""
    kind = _kind(record, content, text)
    return Message(sent, repair(sender), "" if kind is MessageKind.DELETED else text, kind, index)


def _kind(record: dict[str, object], content: object, text: str) -> MessageKind:
    if record.get("is_unsent") is True or record.get("isUnsent") is True:
        return MessageKind.DELETED
    kind_name = record.get("type")
    if kind_name == "Call":
        return MessageKind.CALL
    if kind_name == "media" or any(record.get(key) for key in _MEDIA_KEYS):
        return MessageKind.MEDIA
    if record.get("share") and _ATTACHMENT_NOTICE.search(text):
        return MessageKind.MEDIA  # "X sent an attachment." stands in for a shared post
    if kind_name == "placeholder" or not isinstance(content, str):
        # Nothing left to show: a disappeared or unsupported message.
        return MessageKind.DELETED
    return MessageKind.TEXT
