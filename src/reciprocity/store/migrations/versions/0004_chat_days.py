"""Chat messages kept one day a row, as packed columns; chat members by position.

A million messages were a million rows, and writing them was most of an
import's time. Each day's outlines now sit in one row (``chat_day``, in the
``RCO1`` layout of ``store.outlines``), and who wrote a message is a position
among the chat's members (``chat_member``). Existing messages are carried
over, fingerprints and all, so a later import still recognises them; the
user's messages become member 0 (the chat's ``me_name``), each other person a
member under their name.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 17:00:00
"""

from __future__ import annotations

import json
import struct
import sys
from array import array
from collections.abc import Iterable
from datetime import datetime
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_KINDS = ("text", "media", "deleted", "call")
_HEADER = struct.Struct("<4sI")
_CODES = ("q", "h", "i", "b", "b", "q")  # minutes, authors, lengths, kinds, flags, fingerprints


def upgrade() -> None:
    op.create_table(
        "chat_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chat.id"], name=op.f("fk_chat_member_chat_id_chat"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_chat_member_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_member")),
        sa.UniqueConstraint("chat_id", "position", name=op.f("uq_chat_member_chat_id")),
    )
    with op.batch_alter_table("chat_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_member_chat_id"), ["chat_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_member_person_id"), ["person_id"], unique=False)
    op.create_table(
        "chat_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("outline", sa.LargeBinary(), nullable=False),
        sa.Column("texts", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chat.id"], name=op.f("fk_chat_day_chat_id_chat"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_day")),
        sa.UniqueConstraint("chat_id", "day", name=op.f("uq_chat_day_chat_id")),
    )
    with op.batch_alter_table("chat_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_day_chat_id"), ["chat_id"], unique=False)

    _carry_messages_over()

    with op.batch_alter_table("chat_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_message_person_id"))
        batch_op.drop_index(batch_op.f("ix_chat_message_chat_id"))
    op.drop_table("chat_message")


def _carry_messages_over() -> None:
    bind = op.get_bind()
    chat = sa.table("chat", sa.column("id", sa.Integer), sa.column("me_name", sa.String))
    person = sa.table("person", sa.column("id", sa.Integer), sa.column("name", sa.String))
    message = sa.table(
        "chat_message",
        sa.column("id", sa.Integer),
        sa.column("chat_id", sa.Integer),
        sa.column("person_id", sa.Integer),
        sa.column("sent", sa.DateTime),
        sa.column("length", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("flags", sa.Integer),
        sa.column("fingerprint", sa.BigInteger),
        sa.column("text", sa.Text),
    )
    member = sa.table(
        "chat_member",
        sa.column("chat_id", sa.Integer),
        sa.column("position", sa.Integer),
        sa.column("name", sa.String),
        sa.column("person_id", sa.Integer),
    )
    day_table = sa.table(
        "chat_day",
        sa.column("chat_id", sa.Integer),
        sa.column("day", sa.Date),
        sa.column("messages", sa.Integer),
        sa.column("outline", sa.LargeBinary),
        sa.column("texts", sa.Text),
    )
    names = dict(bind.execute(sa.select(person.c.id, person.c.name)).all())
    for chat_id, me_name in bind.execute(sa.select(chat.c.id, chat.c.me_name)).all():
        authors = [
            row[0]
            for row in bind.execute(
                sa.select(message.c.person_id)
                .where(message.c.chat_id == chat_id, message.c.person_id.is_not(None))
                .distinct()
                .order_by(message.c.person_id)
            )
        ]
        positions: dict[int | None, int] = {None: 0}
        members = [{"chat_id": chat_id, "position": 0, "name": me_name, "person_id": None}]
        for person_id in authors:
            positions[person_id] = len(members)
            name = names.get(person_id, f"person {person_id}")
            members.append(
                {"chat_id": chat_id, "position": len(members), "name": name, "person_id": person_id}
            )
        bind.execute(sa.insert(member), members)
        rows = bind.execute(
            sa.select(
                message.c.sent,
                message.c.person_id,
                message.c.length,
                message.c.kind,
                message.c.flags,
                message.c.fingerprint,
                message.c.text,
            )
            .where(message.c.chat_id == chat_id)
            .order_by(message.c.sent, message.c.id)
        )
        days = []
        for day, group in groupby(rows, key=lambda row: row[0].date()):
            days.append({"chat_id": chat_id, "day": day, **_packed(group, positions)})
            if len(days) >= 1000:
                bind.execute(sa.insert(day_table), days)
                days = []
        if days:
            bind.execute(sa.insert(day_table), days)


def _packed(rows: Iterable[Any], positions: dict[int | None, int]) -> dict[str, Any]:
    columns: list[array[int]] = [array(code) for code in _CODES]
    texts: list[str | None] = []
    for sent, person_id, length, kind, flags, fingerprint, text in rows:
        values = (
            _minute(sent),
            positions[person_id],
            length,
            _KINDS.index(kind) if kind in _KINDS else 0,
            flags,
            fingerprint,
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
        texts.append(text)
    count = len(texts)
    for column in columns:
        if sys.byteorder == "big":
            column.byteswap()
    outline = _HEADER.pack(b"RCO1", count) + b"".join(c.tobytes() for c in columns)
    kept = None if all(t is None for t in texts) else json.dumps(texts, ensure_ascii=False)
    return {"messages": count, "outline": outline, "texts": kept}


def _minute(sent: datetime) -> int:
    return sent.toordinal() * 1440 + sent.hour * 60 + sent.minute


def downgrade() -> None:
    op.create_table(
        "chat_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("sent", sa.DateTime(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chat.id"], name=op.f("fk_chat_message_chat_id_chat"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_chat_message_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_message")),
        sa.UniqueConstraint("chat_id", "fingerprint", name=op.f("uq_chat_message_chat_id")),
    )
    with op.batch_alter_table("chat_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_message_chat_id"), ["chat_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_message_person_id"), ["person_id"], unique=False)
    # Outlines do not go back to rows; evidence already derived stays, and an
    # import of the same exports on the older version fills the messages again.
    with op.batch_alter_table("chat_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_day_chat_id"))
    op.drop_table("chat_day")
    with op.batch_alter_table("chat_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_member_person_id"))
        batch_op.drop_index(batch_op.f("ix_chat_member_chat_id"))
    op.drop_table("chat_member")
