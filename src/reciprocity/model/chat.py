"""Imported chats: the messages' outlines, and the evidence derived from them.

By default no message text is kept: only when it was sent, by whom, how
long it was, the signal words found and a fingerprint, so that importing the same or an overlapping
export again never counts a message twice. ``--keep-text`` keeps the text too.
Evidence is derived again from all of a chat's messages after every import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from reciprocity.model.base import NAME_LENGTH, Base, EnumList, enum_column
from reciprocity.vocabulary import CareStyle, Dimension, Giver

if TYPE_CHECKING:
    from reciprocity.model.person import Person


KEY_LENGTH = 1000
FILE_DIGEST_LENGTH = 64
"""A file's SHA-256, in hex."""
DAY_DIGEST_LENGTH = 32
"""A day's packed outline's BLAKE2b-128, in hex."""


def chat_keys(format: str, names: Iterable[str]) -> tuple[str, str]:
    """The key a chat is kept under, then the whole form older versions may have kept.

    The key is the format and the participants' names, folded and sorted, so the
    same chat exported twice has the same key. A large group's names do not fit
    the column (PostgreSQL refuses them; SQLite once kept them whole), so its
    key is the format and a SHA-256 of the whole form.
    """
    whole = f"{format}:" + "|".join(sorted(name.casefold() for name in names))
    return fitting_key(whole), whole


def fitting_key(key: str) -> str:
    """``key`` as it is kept: itself when it fits, else its format and a fingerprint of it."""
    if len(key) <= KEY_LENGTH:
        return key
    return f"{key.partition(':')[0]}:sha256:{hashlib.sha256(key.encode('utf-8')).hexdigest()}"


class Chat(Base):
    """One conversation as exported: a 1:1 chat or a group, in one format."""

    __tablename__ = "chat"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    """The format and the participants' names: the same chat exported twice has the same key."""
    format: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")
    me_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    keeps_text: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    members: Mapped[list[ChatMember]] = relationship(
        back_populates="chat",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ChatMember.position",
    )
    days: Mapped[list[ChatDay]] = relationship(
        back_populates="chat", cascade="all, delete-orphan", passive_deletes=True
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="chat", cascade="all, delete-orphan", passive_deletes=True
    )
    files: Mapped[list[ChatFile]] = relationship(
        back_populates="chat", cascade="all, delete-orphan", passive_deletes=True
    )

    @validates("title")
    def _fit_title(self, _key: str, value: str) -> str:
        return value[:NAME_LENGTH]  # a name to show, from the export: cut, never refused


class ChatMember(Base):
    """A name in a chat, at a fixed position; the outlines say who wrote by position.

    ``person_id`` is the relationship the name stands for (None for the user,
    and for a name whose person was removed).
    """

    __tablename__ = "chat_member"
    __table_args__ = (UniqueConstraint("chat_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chat.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True, default=None
    )

    chat: Mapped[Chat] = relationship(back_populates="members")


class ChatDay(Base):
    """One day of a chat's messages in outline: packed columns (``store.outlines``).

    A day a row keeps a million messages to a few thousand rows, written and
    read in one piece; ``texts`` is a JSON list, present only with ``--keep-text``.
    """

    __tablename__ = "chat_day"
    __table_args__ = (UniqueConstraint("chat_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chat.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    messages: Mapped[int]
    outline: Mapped[bytes] = mapped_column(LargeBinary)
    texts: Mapped[str | None] = mapped_column(Text, default=None)
    digest: Mapped[str | None] = mapped_column(String(DAY_DIGEST_LENGTH), default=None)
    """A digest of ``outline`` (``store.outlines.day_digest``): an export's day that matches it is
    already stored whole, and is neither compared message by message nor written again."""

    chat: Mapped[Chat] = relationship(back_populates="days")


class ChatFile(Base):
    """An export file read into a chat, known by a digest of its bytes (``store.sources``).

    The same file imported again, under any name, is recognised before it is
    read, as long as the chat still holds what it brought (``facts`` says
    what that was: its names, its messages day by day, what its summary said).
    ``part`` is the chat chosen from a whole-account export ("" for the file's one chat).
    """

    __tablename__ = "chat_file"
    __table_args__ = (UniqueConstraint("chat_id", "digest", "part"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chat.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(FILE_DIGEST_LENGTH), index=True)
    part: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")
    size: Mapped[int] = mapped_column(BigInteger)
    kept_text: Mapped[bool] = mapped_column(Boolean, default=False)
    facts: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    chat: Mapped[Chat] = relationship(back_populates="files")


class Evidence(Base):
    """A signal from a chat, per day, kind and side; read by the patterns like a moment."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chat.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column("day")
    by: Mapped[Giver] = mapped_column("giver", enum_column(Giver, "giver"))
    kind: Mapped[str] = mapped_column(String(30))
    dimensions: Mapped[list[Dimension]] = mapped_column(EnumList(Dimension), default=list)
    style: Mapped[CareStyle | None] = mapped_column(
        enum_column(CareStyle, "care_style"), default=None
    )

    chat: Mapped[Chat] = relationship(back_populates="evidence")
    person: Mapped[Person] = relationship(back_populates="evidence")

    @property
    def energy(self) -> int | None:
        """Chats say nothing about how time together felt."""
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "by": self.by.value,
            "kind": self.kind,
            "dimensions": [d.value for d in self.dimensions],
        }
