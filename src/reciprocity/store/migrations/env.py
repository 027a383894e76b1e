"""Alembic's environment: always given a live connection by ``reciprocity.store.migrate``."""

from __future__ import annotations

from alembic import context

from reciprocity.model import everything

connection = context.config.attributes.get("connection")
if connection is None:  # e.g. `alembic revision --autogenerate` run by a developer
    from sqlalchemy.engine import make_url

    from reciprocity.store.database import engine_for, resolve_url

    engine = engine_for(make_url(resolve_url(None)))
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=everything(),
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that portably
)
with context.begin_transaction():
    context.run_migrations()
