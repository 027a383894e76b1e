"""Imported chats: the messages' outlines, and the evidence derived from them.

By default no message text is kept: only when it was sent, by which side, how
long it was and a fingerprint, so that importing the same or an overlapping
export again never counts a message twice. ``--keep-text`` keeps the text too.
Evidence is derived again from all of a chat's messages after every import.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reciprocity.model.base import NAME_LENGTH, Base, EnumList, enum_column
from reciprocity.vocabulary import CareStyle, Dimension, Giver

if TYPE_CHECKING:
    from reciprocity.model.person import Person


class Chat(Base):
    """One conversation as exported: a 1:1 chat or a group, in one format."""

    __tablename__ = "chat"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(1000), unique=True)
    """The format and the participants' names: the same chat exported twice has the same key."""
    format: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")
    me_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    keeps_text: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    messages: Mapped[list[ChatMessage]] = relationship(
        back_populates="chat", cascade="all, delete-orphan", passive_deletes=True
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="chat", cascade="all, delete-orphan", passive_deletes=True
    )


class ChatMessage(Base):
    __tablename__ = "chat_message"
    __table_args__ = (UniqueConstraint("chat_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chat.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    """The author, when it is not the user."""
    sent: Mapped[datetime] = mapped_column(DateTime)
    length: Mapped[int]
    kind: Mapped[str] = mapped_column(String(10))
    flags: Mapped[int] = mapped_column(Integer, default=0)
    """Signal words found in the text (``evidence.derive.FLAG_*``), kept so evidence can be derived again."""
    fingerprint: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str | None] = mapped_column(Text, default=None)

    chat: Mapped[Chat] = relationship(back_populates="messages")


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
