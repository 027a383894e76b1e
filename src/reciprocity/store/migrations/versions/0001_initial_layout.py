"""The first layout: people, moments, seasons and audits.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 13:55:05.340484
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_day"), ["day"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "partner",
                "friend",
                "family",
                "colleague",
                "other",
                name="relationship_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("my_care", sa.JSON(), nullable=False),
        sa.Column("their_care", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("name", name=op.f("uq_person_name")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum(
                "me",
                "them",
                "mutual",
                name="direction",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("vision", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "rating > 2 OR vision IS NOT NULL", name=op.f("ck_audit_entry_vision_for_low_rating")
        ),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_audit_entry_rating_range")),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audit.id"],
            name=op.f("fk_audit_entry_audit_id_audit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_audit_entry_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("audit_id", "person_id", name=op.f("uq_audit_entry_audit_id")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_audit_id"), ["audit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_person_id"), ["person_id"], unique=False)

    op.create_table(
        "moment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "giver",
            sa.Enum(
                "me",
                "them",
                "both",
                name="giver",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("dimensions", sa.JSON(), nullable=False),
        sa.Column(
            "style",
            sa.Enum(
                "listening",
                "practical",
                "words",
                "humour",
                "presence",
                "time",
                "gifts",
                "other",
                name="care_style",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("energy BETWEEN -2 AND 2", name=op.f("ck_moment_energy_range")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_moment_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moment")),
    )
    with op.batch_alter_table("moment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_moment_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_moment_person_id"), ["person_id"], unique=False)

    op.create_table(
        "season",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "illness",
                "grief",
                "move",
                "new-baby",
                "job-loss",
                "exams",
                "caregiving",
                "breakup",
                "other",
                name="season_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "ends IS NULL OR ends >= starts", name=op.f("ck_season_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_season_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_season")),
    )
    with op.batch_alter_table("season", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_season_person_id"), ["person_id"], unique=False)

    op.create_table(
        "dimension_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column(
            "dimension",
            sa.Enum(
                "initiation",
                "depth",
                "crisis",
                "maintenance",
                name="dimension",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum(
                "me",
                "them",
                "mutual",
                name="direction",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("vision", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "rating > 2 OR vision IS NOT NULL",
            name=op.f("ck_dimension_rating_vision_for_low_rating"),
        ),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_dimension_rating_rating_range")),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["audit_entry.id"],
            name=op.f("fk_dimension_rating_entry_id_audit_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dimension_rating")),
        sa.UniqueConstraint("entry_id", "dimension", name=op.f("uq_dimension_rating_entry_id")),
    )
    with op.batch_alter_table("dimension_rating", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dimension_rating_entry_id"), ["entry_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("dimension_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dimension_rating_entry_id"))

    op.drop_table("dimension_rating")
    with op.batch_alter_table("season", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_season_person_id"))

    op.drop_table("season")
    with op.batch_alter_table("moment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moment_person_id"))
        batch_op.drop_index(batch_op.f("ix_moment_day"))

    op.drop_table("moment")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_person_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_audit_id"))

    op.drop_table("audit_entry")
    op.drop_table("person")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_day"))

    op.drop_table("audit")
