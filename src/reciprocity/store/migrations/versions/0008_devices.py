"""Phones on the local network: paired devices, one-time pairing codes, the open listener.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("paired", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_device_token_hash")),
    )
    op.create_table(
        "pairing_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("expires", sa.DateTime(), nullable=False),
        sa.Column("used", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_code")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_pairing_code_code_hash")),
    )
    op.create_index(op.f("ix_pairing_code_expires"), "pairing_code", ["expires"])
    op.create_table(
        "lan_listener",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("opened", sa.DateTime(), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.Column("closed", sa.DateTime(), nullable=True),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lan_listener")),
    )


def downgrade() -> None:
    op.drop_table("lan_listener")
    op.drop_index(op.f("ix_pairing_code_expires"), table_name="pairing_code")
    op.drop_table("pairing_code")
    op.drop_table("device")
