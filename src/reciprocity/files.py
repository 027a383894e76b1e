"""The user's files: written whole or not at all, and scratch folders for files on their way in.

A report, an export or a calendar is written to a temporary file beside its
place, flushed to disk, then renamed over it (as jrnl does), so a crash or a
full disk never leaves half a file where a good one was. Uploads and the
demo's throwaway copy live in private scratch folders that are removed on
every exit, and swept away at the next start when a process was killed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
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


# -- scratch folders: files on their way in --------------------------------------

SCRATCH_PREFIX = "reciprocity-"
_SCRATCH = re.compile(rf"^{SCRATCH_PREFIX}[a-z]+-(\d+)-")
NAME_BYTES = 200
"""The longest file name kept for an upload, in UTF-8 bytes (file systems allow 255)."""


def scratch_folder(kind: str) -> Path:
    """A private folder (0700) for files on their way in: an upload, the demo's copy.

    Its name carries this process's id, so that a later start can sweep away what
    a process that was killed left behind (``sweep_scratch``). The caller removes
    it when done, on every path it can (``shutil.rmtree``).
    """
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{kind}-{os.getpid()}-"))


def sweep_scratch(root: Path | None = None) -> list[Path]:
    """Remove scratch folders left by processes of this user that are no longer running."""
    base = Path(root or tempfile.gettempdir())
    swept = []
    for folder in base.glob(f"{SCRATCH_PREFIX}*"):
        found = _SCRATCH.match(folder.name)
        if found is None or not folder.is_dir() or folder.is_symlink():
            continue
        try:
            if folder.stat().st_uid != os.getuid() or _running(int(found.group(1))):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        swept.append(folder)
    return swept


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process holds that id
    return True


def safe_name(filename: str, default: str) -> str:
    """An uploaded file's name as it may be kept: its last part, no NUL or control
    characters, no ``.`` or ``..``, at most ``NAME_BYTES`` bytes (its ending kept)."""
    last = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in last if c.isprintable() and c not in "\x00").strip()
    name = name.encode("utf-8", "replace").decode("utf-8")
    if name in ("", ".", ".."):
        return default
    if len(name.encode("utf-8")) > NAME_BYTES:
        stem, dot, ending = name.rpartition(".")
        ending = f".{ending}" if dot and len(ending.encode("utf-8")) <= 16 else ""
        room = NAME_BYTES - len(ending.encode("utf-8"))
        base = (stem if ending else name).encode("utf-8")[:room].decode("utf-8", "ignore")
        name = f"{base}{ending}"
    return name


def file_digest(path: Path) -> str:
    """The SHA-256 of the file's bytes, in hex: read a block at a time, never whole."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
