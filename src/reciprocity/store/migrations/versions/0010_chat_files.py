"""Export files known by their digest, and each chat day by a digest of its outline.

An unchanged export imported again (under any name) is recognised before it
is read: ``chat_file`` keeps a SHA-256 of each file read into a chat, with
what it brought (``store.sources``). ``chat_day.digest`` lets a longer export
of the same chat pass over the days already stored whole. Days stored before
are given their digest here, so the first import after this one already
benefits.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 13:00:00
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    op.create_table(
        "chat_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("part", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kept_text", sa.Boolean(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chat.id"], name=op.f("fk_chat_file_chat_id_chat"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_file")),
        sa.UniqueConstraint("chat_id", "digest", "part", name=op.f("uq_chat_file_chat_id")),
    )
    with op.batch_alter_table("chat_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_file_chat_id"), ["chat_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_file_digest"), ["digest"], unique=False)
    with op.batch_alter_table("chat_day", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest", sa.String(length=32), nullable=True))
    _digest_days()


def _digest_days() -> None:
    """Each stored day's digest, as ``store.outlines.day_digest`` makes it (a few rows at a time)."""
    bind = op.get_bind()
    day = sa.table(
        "chat_day",
        sa.column("id", sa.Integer),
        sa.column("outline", sa.LargeBinary),
        sa.column("digest", sa.String),
    )
    after = 0
    while True:
        rows = bind.execute(
            sa.select(day.c.id, day.c.outline).where(day.c.id > after).order_by(day.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            sa.update(day).where(day.c.id == sa.bindparam("row_id")),
            [
                {"row_id": row_id, "digest": hashlib.blake2b(bytes(outline), digest_size=16).hexdigest()}
                for row_id, outline in rows
            ],
        )
        after = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("chat_day", schema=None) as batch_op:
        batch_op.drop_column("digest")
    with op.batch_alter_table("chat_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_file_digest"))
        batch_op.drop_index(batch_op.f("ix_chat_file_chat_id"))
    op.drop_table("chat_file")
