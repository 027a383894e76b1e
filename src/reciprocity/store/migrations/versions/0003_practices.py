"""Practices: check-ins, rituals, boundaries, roles under stress, wins, rhythm, dates to remember.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 14:55:53.646055
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "boundary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column(
            "area",
            sa.Enum(
                "time",
                "energy",
                "emotional-labour",
                "topics",
                "other",
                name="boundary_area",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "respected",
                "renegotiated",
                "retired",
                name="boundary_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("review_day", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_boundary_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boundary")),
    )
    with op.batch_alter_table("boundary", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_boundary_person_id"), ["person_id"], unique=False)

    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("me_supported", sa.Text(), nullable=False),
        sa.Column("me_meaningful", sa.Text(), nullable=False),
        sa.Column("me_drained", sa.Text(), nullable=False),
        sa.Column("them_supported", sa.Text(), nullable=False),
        sa.Column("them_meaningful", sa.Text(), nullable=False),
        sa.Column("them_drained", sa.Text(), nullable=False),
        sa.Column("next_day", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "next_day IS NULL OR next_day >= day", name=op.f("ck_checkin_next_after_day")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_checkin_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
    )
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkin_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_checkin_person_id"), ["person_id"], unique=False)

    op.create_table(
        "occasion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_occasion_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occasion")),
    )
    with op.batch_alter_table("occasion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_occasion_person_id"), ["person_id"], unique=False)

    op.create_table(
        "rhythm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("ideal_days", sa.Integer(), nullable=False),
        sa.Column("longest_days", sa.Integer(), nullable=False),
        sa.CheckConstraint("ideal_days >= 1", name=op.f("ck_rhythm_ideal_positive")),
        sa.CheckConstraint(
            "longest_days >= ideal_days", name=op.f("ck_rhythm_longest_after_ideal")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_rhythm_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rhythm")),
        sa.UniqueConstraint("person_id", name=op.f("uq_rhythm_person_id")),
    )
    op.create_table(
        "ritual",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("rule", sa.String(length=500), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=True),
        sa.Column("at", sa.Time(), nullable=True),
        sa.Column("zone", sa.String(length=64), nullable=True),
        sa.Column("rotates", sa.Boolean(), nullable=False),
        sa.Column("next_position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint(
            "ends IS NULL OR ends >= starts", name=op.f("ck_ritual_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_ritual_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ritual")),
        sa.UniqueConstraint("uid", name=op.f("uq_ritual_uid")),
    )
    with op.batch_alter_table("ritual", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ritual_person_id"), ["person_id"], unique=False)

    op.create_table(
        "win",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_win_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_win")),
    )
    with op.batch_alter_table("win", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_win_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_win_person_id"), ["person_id"], unique=False)

    op.create_table(
        "adjustment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "happened",
                "partly",
                "not-yet",
                name="adjustment_outcome",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkin.id"],
            name=op.f("fk_adjustment_checkin_id_checkin"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjustment")),
    )
    with op.batch_alter_table("adjustment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_adjustment_checkin_id"), ["checkin_id"], unique=False)

    op.create_table(
        "ritual_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ritual_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_ritual_member_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ritual_id"],
            ["ritual.id"],
            name=op.f("fk_ritual_member_ritual_id_ritual"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ritual_member")),
        sa.UniqueConstraint("ritual_id", "position", name=op.f("uq_ritual_member_ritual_id")),
    )
    with op.batch_alter_table("ritual_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ritual_member_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ritual_member_ritual_id"), ["ritual_id"], unique=False)

    op.create_table(
        "ritual_occurrence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ritual_id", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "done",
                "skipped",
                "moved",
                name="occurrence_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("host", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ritual_id"],
            ["ritual.id"],
            name=op.f("fk_ritual_occurrence_ritual_id_ritual"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ritual_occurrence")),
        sa.UniqueConstraint("ritual_id", "due", name=op.f("uq_ritual_occurrence_ritual_id")),
    )
    with op.batch_alter_table("ritual_occurrence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ritual_occurrence_ritual_id"), ["ritual_id"], unique=False
        )

    op.create_table(
        "role_rotation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=True),
        sa.Column("shift", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "every_days IS NULL OR every_days >= 1", name=op.f("ck_role_rotation_every_positive")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_role_rotation_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["season.id"],
            name=op.f("fk_role_rotation_season_id_season"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_rotation")),
    )
    with op.batch_alter_table("role_rotation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_role_rotation_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_role_rotation_season_id"), ["season_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("role_rotation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_rotation_season_id"))
        batch_op.drop_index(batch_op.f("ix_role_rotation_person_id"))

    op.drop_table("role_rotation")
    with op.batch_alter_table("ritual_occurrence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ritual_occurrence_ritual_id"))

    op.drop_table("ritual_occurrence")
    with op.batch_alter_table("ritual_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ritual_member_ritual_id"))
        batch_op.drop_index(batch_op.f("ix_ritual_member_person_id"))

    op.drop_table("ritual_member")
    with op.batch_alter_table("adjustment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_adjustment_checkin_id"))

    op.drop_table("adjustment")
    with op.batch_alter_table("win", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_win_person_id"))
        batch_op.drop_index(batch_op.f("ix_win_day"))

    op.drop_table("win")
    with op.batch_alter_table("ritual", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ritual_person_id"))

    op.drop_table("ritual")
    op.drop_table("rhythm")
    with op.batch_alter_table("occasion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occasion_person_id"))

    op.drop_table("occasion")
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkin_person_id"))
        batch_op.drop_index(batch_op.f("ix_checkin_day"))

    op.drop_table("checkin")
    with op.batch_alter_table("boundary", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boundary_person_id"))

    op.drop_table("boundary")
