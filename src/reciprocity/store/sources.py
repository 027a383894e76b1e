"""The export files read into each chat, known by a digest of their bytes.

After an import, its file is remembered with its chat (``model.ChatFile``):
the SHA-256 of its bytes (``files.file_digest``), which chat of a
whole-account export was read from it, and what it brought (``FileFacts``:
the names that write in it, how many messages it has on each day, and what
its summary said). The same file imported again, under any name or as a
copy, is then recognised before it is read (``store.chats.recognised``).

Recognition rests on what is actually stored, never on the remembered digest
alone: the chat must still hold, on every day of the file, at least as many
messages as the file has there (``holds``); a chat whose days were removed,
or that a restore brought back without them, reads the file again. The
remembered file goes with its chat.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reciprocity.evidence.outline import Outline
from reciprocity.model import Chat, ChatDay, ChatFile


@dataclass(frozen=True)
class Source:
    """A file about to be read: its digest and size, and which chat of it (``""``: its one chat)."""

    digest: str
    size: int
    part: str = ""


@dataclass
class FileFacts:
    """What a file brought to its chat, as its import read it: enough to say it all again.

    ``names`` are those who write in it, in the order they first do; ``owner``
    is the export owner's name where the format knows it; ``days`` pairs each
    day (its ordinal) with how many messages and calls the file has on it.
    The rest is its summary: counts, span, date order, what was skipped, the
    notes of the reading, and what was said of each person's evidence.
    """

    format: str
    names: list[str]
    owner: str | None
    title: str | None
    messages: int
    calls: int
    first: str | None
    last: str | None
    participants: dict[str, int]
    date_order: str | None
    date_order_inferred: bool
    skipped: list[dict[str, Any]]
    notes: list[str]
    days: list[list[int]] = field(default_factory=list)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    """What the summary said of each person's reading (``import --json``), by person id."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))  # ASCII: a lone surrogate kept as is

    @classmethod
    def from_json(cls, text: str) -> FileFacts | None:
        """The facts written by ``to_json``; None when they cannot be read (the file is read again)."""
        try:
            return cls(**json.loads(text))
        except (TypeError, ValueError):
            return None

    @staticmethod
    def moment(value: datetime | None) -> str | None:
        return None if value is None else value.isoformat(timespec="seconds")

    @staticmethod
    def when(value: str | None) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def day_counts(outline: Outline) -> list[list[int]]:
    """Each day of ``outline`` (in time order) with how many messages it has on it, in order."""
    return [[day, stop - start] for day, start, stop in outline.day_bounds()]


def remembered(session: Session, source: Source) -> list[ChatFile]:
    """The chats this file was read into before, most recent first."""
    query = (
        select(ChatFile)
        .where(ChatFile.digest == source.digest, ChatFile.part == source.part)
        .order_by(ChatFile.id.desc())
    )
    return list(session.scalars(query))


def holds(session: Session, chat_id: int, days: list[list[int]]) -> bool:
    """Whether the chat still has, on each of ``days``, at least the messages counted there."""
    query = select(ChatDay.day, ChatDay.messages).where(ChatDay.chat_id == chat_id)
    stored = {day.toordinal(): messages for day, messages in session.execute(query)}
    return all(stored.get(day, 0) >= count for day, count in days)


def remember(
    session: Session, stored: Chat, source: Source, facts: FileFacts, *, kept_text: bool
) -> None:
    """Remember that ``source`` was read into ``stored``, with what it brought."""
    session.execute(
        delete(ChatFile).where(
            ChatFile.chat_id == stored.id,
            ChatFile.digest == source.digest,
            ChatFile.part == source.part,
        )
    )
    session.add(
        ChatFile(
            chat_id=stored.id,
            digest=source.digest,
            part=source.part,
            size=source.size,
            kept_text=kept_text,
            facts=facts.to_json(),
        )
    )
