"""A number that moves whenever the store changes, so work done on it can be kept.

Every transaction that writes — from the command line or the web app, an
object changed through the model or rows added in bulk — adds one to
``store_revision.number`` as it commits, in the same transaction. A reader
that remembers the number it saw knows, with one small query, whether what
it worked out is still true (``overview.PatternCache``). Portable SQL only:
no triggers. A program that writes to the file behind reciprocity's back is
not seen.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, event, select, update
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, sessionmaker

from reciprocity.model.base import Base

_CHANGED = "reciprocity.changed"


class StoreRevision(Base):
    __tablename__ = "store_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, default=0)


def watch(factory: sessionmaker[Session]) -> None:
    """Count the writes of every session ``factory`` makes."""
    event.listen(factory, "before_flush", _note_flush)
    event.listen(factory, "do_orm_execute", _note_statement)
    event.listen(factory, "before_commit", _bump)
    event.listen(factory, "after_rollback", _forget)


def current(session: Session) -> int:
    return session.scalar(select(StoreRevision.number)) or 0


def _note_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        session.info[_CHANGED] = True


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_CHANGED] = True


def _bump(session: Session) -> None:
    session.flush()
    if session.info.pop(_CHANGED, False):
        session.execute(update(StoreRevision).values(number=StoreRevision.number + 1))
        session.info.pop(_CHANGED, None)


def _forget(session: Session) -> None:
    session.info.pop(_CHANGED, None)
