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
from collections.abc import Iterable, Iterator
from datetime import tzinfo
from pathlib import Path

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    Epochs,
    as_text,
    counted,
    epoch_number,
    head_text,
    local_from_epoch,
    read_head,
    read_tail,
)
from reciprocity.evidence.jsonstream import JsonStream, opened
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
    """ "messenger" or "instagram", from the content; the folders only when it says nothing.

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


SORTED = 50_000
"""Up to this many messages (Meta writes 10,000 a file) are handed on oldest first; past
it they come in the file's order, so that memory stays bounded (the store sorts them)."""


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read one Messenger or Instagram JSON file, a message at a time.

    ``timestamp_ms`` is shown in ``tz``. The title, which Meta writes after the
    messages, is known once they are read; so is a problem past the file's head.
    """
    where = str(path)
    with opened(path) as handle:
        stream = JsonStream(handle, where)
        if stream.kind() != "object":
            raise ImportFormatError("is not a Meta export (the top level is not an object)", where)
        _to_messages(stream, where)
    sample = read_head(path) + read_tail(path)
    chat = Chat(format=platform(sample, path))
    chat.messages = counted(chat, _read(path, chat, tz))
    return chat


def _to_messages(stream: JsonStream, where: str) -> None:
    """Go through the top level's keys up to "messages", which must be a list."""
    for key in stream.fields():
        if key == "messages":
            if stream.kind() != "array":
                break
            return
        stream.skip()
    raise ImportFormatError('is not a Meta export ("messages" is not a list)', where)


def _read(path: Path, chat: Chat, tz: tzinfo | None) -> Iterator[Message]:
    where = str(path)
    titles: dict[str, object] = {}
    with opened(path) as handle:
        stream = JsonStream(handle, where)
        for key in stream.fields():
            if key == "messages" and stream.kind() == "array":
                records = ((index + 1, stream.value()) for index in stream.items())
                yield from _messages(records, chat, tz)
            elif key in ("title", "threadName"):
                titles[key] = stream.value()
            else:
                stream.skip()
        stream.end()
    title = titles.get("title", titles.get("threadName"))
    chat.title = repair(title) if isinstance(title, str) else None


def _messages(
    records: Iterable[tuple[int, object]], chat: Chat, tz: tzinfo | None
) -> Iterator[Message]:
    read: list[Message] = []
    sorting = True
    notices = 0
    epochs = Epochs("milliseconds")
    for index, record in records:
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
        if sorting and len(read) < SORTED:
            read.append(message)
            continue
        if sorting:  # too many to sort here: the file's order from now on
            sorting = False
            yield from read
            read.clear()
        yield message
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
