"""Uploads that wait between two steps: a locked export for its passphrase, a contacts file
for the checklist of who to add.

The browser cannot send a file again by itself, so the first step keeps it here,
in a private temporary folder, under a random token the next form carries back.
A file is let go once its second step is done, when newer ones push it out, and
with the folder when the app stops.
"""

from __future__ import annotations

import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reciprocity.coach import data as data_words
from reciprocity.errors import NotFoundError
from reciprocity.files import safe_name, scratch_folder

KEPT = 20
"""Files waiting at once; the oldest is let go when another comes."""


@dataclass(frozen=True)
class Held:
    token: str
    filename: str
    """The name it was uploaded under, safe to show and to keep."""
    path: Path


class HeldFiles:
    """The files of one app waiting for their second step, found by their token."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._held: dict[str, Held] = {}
        self._lock = threading.Lock()
        self._folder: Path | None = None

    def hold(self, filename: str, source: BinaryIO | bytes, default: str) -> Held:
        """Keep an upload until ``take`` or ``let_go``; ``default`` names one without a name."""
        token = secrets.token_urlsafe(16)
        with self._lock:
            if self._folder is None:
                self._folder = scratch_folder(self.kind)
            folder = self._folder / token
        folder.mkdir()
        path = folder / safe_name(filename, default)
        with path.open("wb") as sink:
            if isinstance(source, bytes):
                sink.write(source)
            else:
                shutil.copyfileobj(source, sink, 1024 * 1024)
        held = Held(token, path.name, path)
        with self._lock:
            self._held[token] = held
            while len(self._held) > KEPT:
                self._remove(next(iter(self._held)))
        return held

    def get(self, token: str) -> Held:
        """The file waiting under ``token``; a clear NotFoundError once it is gone."""
        with self._lock:
            held = self._held.get(token)
        if held is None:
            raise NotFoundError(data_words.HELD_GONE)
        return held

    def let_go(self, token: str) -> None:
        with self._lock:
            self._remove(token)

    def close(self) -> None:
        with self._lock:
            self._held.clear()
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None

    def _remove(self, token: str) -> None:
        held = self._held.pop(token, None)
        if held is not None:
            shutil.rmtree(held.path.parent, ignore_errors=True)
