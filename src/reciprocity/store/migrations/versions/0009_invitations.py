"""Invitations: a friend answers a check-in (or the audit) through a one-time link.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "checkin",
                "audit",
                name="invitation_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("code_hash", sa.String(length=64), nullable=True),
        sa.Column("from_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("friend_answers", sa.JSON(), nullable=True),
        sa.Column("friend_answered_at", sa.DateTime(), nullable=True),
        sa.Column("user_answers", sa.JSON(), nullable=True),
        sa.Column("user_answered_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("include_ratings", sa.Boolean(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=True),
        sa.Column("audit_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_invitation_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_invitation_checkin_id_checkin"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audit.id"],
            name=op.f("fk_invitation_audit_id_audit"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_invitation_code_hash")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invitation_checkin_id"), ["checkin_id"], unique=False)


def downgrade() -> None:
    op.drop_table("invitation")
