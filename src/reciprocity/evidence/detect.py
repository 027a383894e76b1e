"""Which kind of chat export a file is, from its first 64 KiB.

Each format module answers ``sniff(head) -> bool`` cheaply; this module asks
them in an order where the more specific shapes come first (JSON told apart
by keys, XML, CSV by header, then the free-text formats). Format modules are
imported only when asked, by name, so that importing ``reciprocity.evidence``
stays cheap and a format module that is not there yet (or fails to import)
costs only that format.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    BOM,
    HEAD_BYTES,
    head_text,
    read_head,
    read_tail,
    regular_file_size,
)

RECIPROCITY = "reciprocity"
MAX_BYTES = 2 * 1024**3

# Format name → module with ``sniff(head)`` and ``parse(path, options)``.
FORMATS: dict[str, str] = {
    "whatsapp": "reciprocity.evidence.whatsapp",
    "telegram": "reciprocity.evidence.telegram",
    "messenger": "reciprocity.evidence.meta",
    "instagram": "reciprocity.evidence.meta",
    "signal": "reciprocity.evidence.signal",
    "sms": "reciprocity.evidence.sms",
    "discord": "reciprocity.evidence.discord",
    "csv": "reciprocity.evidence.generic_csv",
}

# Most specific first. Meta stands for both Messenger and Instagram; WhatsApp
# comes last because its text lines are the least distinctive, and a zip is
# only ever a WhatsApp export.
_ORDER = ("telegram", "discord", "messenger", "sms", "csv", "signal", "whatsapp")
_ZIP = b"PK\x03\x04"
_RECIPROCITY_EXPORT = re.compile(r'"format"\s*:\s*"reciprocity"')

UNDERSTOOD = (
    "WhatsApp (.txt or .zip), Telegram Desktop (JSON), Facebook Messenger and Instagram (JSON), "
    "Signal (signal-export chat.md or data.json), SMS Backup & Restore (XML), "
    "DiscordChatExporter (JSON or CSV), a CSV with time, author and text columns "
    "(see docs/import-csv.md), and reciprocity's own export (JSON)"
)


def module_for(format_name: str) -> ModuleType:
    """The module that reads ``format_name`` (one of ``FORMATS``)."""
    return importlib.import_module(FORMATS[format_name])


def detect(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The format of the export at ``path``: a key of ``FORMATS``, or "reciprocity".

    Raises ImportFormatError for a missing, empty, oversized or unrecognised file.
    """
    where = str(path)
    size = regular_file_size(path)
    if size > max_bytes:
        raise ImportFormatError(
            f"is {_size(size)}, more than the {_size(max_bytes)} limit for one import; "
            "split the export by date range or by chat",
            where,
        )
    head = read_head(path, HEAD_BYTES)
    if not head.removeprefix(BOM).strip():
        raise ImportFormatError("is empty", where)
    text = head_text(head)
    if text.startswith("{") and _RECIPROCITY_EXPORT.search(text[:1024]):
        return RECIPROCITY
    candidates = ("whatsapp",) if head.startswith(_ZIP) else _ORDER
    for name in candidates:
        module = _loaded(name)
        if module is not None and module.sniff(head):
            if name == "messenger":
                found: str = module.platform(head + read_tail(path, HEAD_BYTES), path)
                return found
            return name
    raise ImportFormatError(
        f"is not a chat export this version understands. Understood: {UNDERSTOOD}", where
    )


def _loaded(name: str) -> ModuleType | None:
    try:
        return module_for(name)
    except ModuleNotFoundError as error:
        # Only the format module itself being absent is tolerated; a missing
        # dependency inside it is a real fault and is raised.
        if error.name == FORMATS[name]:
            return None
        raise


def _size(count: int) -> str:
    for unit, scale in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"
