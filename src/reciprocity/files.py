"""Writing the user's files: whole or not at all.

A report, an export or a calendar is written to a temporary file beside its
place, flushed to disk, then renamed over it (as jrnl does), so a crash or a
full disk never leaves half a file where a good one was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reciprocity.coach import data as data_words
from reciprocity.errors import TransferError


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written file.

    Text is written as UTF-8; bytes (a calendar, for instance) as they are.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise TransferError(
            data_words.CANNOT_WRITE.format(path=path, reason=error.strerror)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise TransferError(
            data_words.CANNOT_WRITE.format(path=path, reason=error.strerror)
        ) from None
