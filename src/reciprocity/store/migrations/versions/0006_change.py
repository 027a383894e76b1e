"""Whose data each write touched, kept in the store, so any process's writes are seen person by person.

A reader (the web app) learns from ``change`` whose patterns to work out again
after a write made by another process (the command line beside it), where
before it knew only that something had changed. The table starts with one
change naming no one, so that a reader always has a change to remember.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    op.bulk_insert(table, [{"person_id": None}])


def downgrade() -> None:
    op.drop_table("change")
