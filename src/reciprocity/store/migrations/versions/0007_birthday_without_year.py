"""A birthday may come without its year (an address book's ``--03-15``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite takes it as it is (no copy of the table, whose rebuild
    # would cascade through the foreign keys that point at people).
    op.add_column(
        "person",
        sa.Column("birthday_has_year", sa.Boolean(), server_default=sa.true(), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("birthday_has_year")
