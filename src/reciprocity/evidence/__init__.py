"""Evidence from the user's own chat exports, in three separate steps.

1. **Parse** (this package's ``parse``): a file becomes a ``Chat``, a stream of
   ``Message`` records (time, author, text, kind) plus what could not be read
   (``Chat.skipped``, with line numbers). ``Chat.batches`` gives the same
   stream as columns (``MessageColumns``), which is how the import reads it;
   the WhatsApp parser makes them directly, without an object per message.
   The format is detected from the file's content, its first (and last)
   64 KiB (``detect``); one module per format does the reading. Every format
   is read a piece at a time (``chunks``, ``jsonstream``, a segment of a
   WhatsApp text), so memory does not grow with the file; a problem found
   past a file's head is raised while its messages are read. Nothing is
   stored and nothing is printed.
2. **Evidence**: messages become their outline, column by column (``outline``:
   minute, side, length, kind, signal words, fingerprint); a chat's outline
   is split into conversations and each person's exchange with the user
   (``conversations``); each exchange is read into what the patterns need
   (``derive``: conversations, who started them, response times, unanswered
   bids …). Message text is used here and then let go, unless the user asks
   to keep it.
3. **Store** (``reciprocity.store.chats``, not this package): the outlines and
   the derived evidence are written in one transaction, so a re-import of the
   same or an overlapping export never counts twice.

Times in a ``Chat`` are naive wall-clock times: what the export shows, or,
for formats that store epoch times, the user's local time (``tz`` overrides
the machine's zone, which keeps tests deterministic).

Format modules are imported on first use, so importing this package is cheap.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.detect import FORMATS, MAX_BYTES, RECIPROCITY, detect, module_for
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

__all__ = [
    "FORMATS",
    "Chat",
    "Message",
    "MessageKind",
    "ParseOptions",
    "Skipped",
    "detect",
    "parse",
]

# Formats whose files hold only wall-clock text times: their parse takes no ``tz``.
_WALL_CLOCK_ONLY = frozenset({"whatsapp"})


def parse(
    path: Path,
    options: ParseOptions = ParseOptions(),
    *,
    tz: tzinfo | None = None,
    max_bytes: int = MAX_BYTES,
) -> Chat:
    """Detect the format of ``path`` and parse it into a ``Chat``.

    Raises ImportFormatError when the file is not a chat export, is broken, or
    is a reciprocity export (which the store restores; check ``detect`` first);
    damage found further into the file is raised, the same way, while the
    chat's messages are read.
    """
    format_name = detect(path, max_bytes=max_bytes)
    if format_name == RECIPROCITY:
        raise ImportFormatError(
            "is a reciprocity export, not a chat export: it is restored, not parsed", str(path)
        )
    module = module_for(format_name)
    chat: Chat
    if format_name in _WALL_CLOCK_ONLY:
        chat = module.parse(path, options)
    else:
        chat = module.parse(path, options, tz=tz)
    return chat
