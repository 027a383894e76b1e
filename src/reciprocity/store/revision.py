"""A number that moves whenever the store changes, so work done on it can be kept.

Every transaction that writes — from the command line or the web app, an
object changed through the model or rows added in bulk — adds one to
``store_revision.number`` as it commits, in the same transaction. A reader
that remembers the number it saw knows, with one small query, whether what
it worked out is still true (``overview.PatternCache``). Portable SQL only:
no triggers. A program that writes to the file behind reciprocity's back is
not seen.

A process also remembers, for the revisions it made itself, whose data each
one touched (``ChangeLog``): a moment noted about Rosa touches Rosa; the
user's own season, rows written in bulk, or anything not tied to one person
touch everyone. A reader can then work out again only what changed, and
falls back to everything for a revision made by another process.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from threading import Lock
from typing import Any

from sqlalchemy import Integer, event, inspect, select, update
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, sessionmaker

from reciprocity.model.base import Base

_CHANGED = "reciprocity.changed"
_TOUCHED = "reciprocity.touched"  # the person ids this transaction touched; None: everyone
_PENDING = "reciprocity.pending"  # (revision, touched) to remember once committed
_LOG = "reciprocity.changes"  # the ChangeLog shared by every session of one store
_EVERYONE = "everyone"


class StoreRevision(Base):
    __tablename__ = "store_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, default=0)


class ChangeLog:
    """Whose data each revision committed by this process touched (None: everyone's)."""

    LIMIT = 1000  # revisions remembered; a reader further behind works everything out again

    def __init__(self) -> None:
        self._lock = Lock()
        self._touched: dict[int, frozenset[int] | None] = {}
        self.committed = 0
        """How many transactions that wrote something this process has committed."""

    def record(self, number: int, touched: frozenset[int] | None) -> None:
        with self._lock:
            self.committed += 1
            self._touched[number] = touched
            if len(self._touched) > self.LIMIT:
                del self._touched[min(self._touched)]

    def touched_between(self, seen: int, now: int) -> frozenset[int] | None:
        """The people touched after revision ``seen`` up to ``now``.

        None unless this process made every one of those revisions and each
        one names its people.
        """
        if not 0 <= now - seen <= self.LIMIT:
            return None
        found: set[int] = set()
        with self._lock:
            for number in range(seen + 1, now + 1):
                people = self._touched.get(number)
                if people is None:
                    return None
                found |= people
        return frozenset(found)


def watch(factory: sessionmaker[Session]) -> None:
    """Count the writes of every session ``factory`` makes, and remember whom they touched."""
    factory.configure(info={_LOG: ChangeLog()})
    event.listen(factory, "after_flush", _note_flush)
    event.listen(factory, "do_orm_execute", _note_statement)
    event.listen(factory, "before_commit", _bump)
    event.listen(factory, "after_commit", _remember)
    event.listen(factory, "after_rollback", _forget)


def current(session: Session) -> int:
    return session.scalar(select(StoreRevision.number)) or 0


def committed(session: Session) -> int:
    """How many writing transactions this process has committed to the store ``session`` is of."""
    log = session.info.get(_LOG)
    return log.committed if isinstance(log, ChangeLog) else 0


def touched_between(session: Session, seen: int, now: int) -> frozenset[int] | None:
    """Whose data changed between two revisions of the store, if this process knows; else None."""
    log = session.info.get(_LOG)
    return log.touched_between(seen, now) if isinstance(log, ChangeLog) else None


def _note_flush(session: Session, _context: Any) -> None:
    written = list(chain(session.new, session.dirty, session.deleted))
    if written:
        session.info[_CHANGED] = True
        _touch(session, _people_of(written))


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_CHANGED] = True
        _touch(state.session, None)  # rows written in bulk: anyone's


def _touch(session: Session, people: set[int] | None) -> None:
    touched = session.info.get(_TOUCHED, set())
    if touched is _EVERYONE or people is None:
        session.info[_TOUCHED] = _EVERYONE
    else:
        session.info[_TOUCHED] = touched | people


def _people_of(objects: Iterable[object]) -> set[int] | None:
    """The people whose data these objects are; None when any of them is not one person's."""
    people: set[int] = set()
    for instance in objects:
        if isinstance(instance, StoreRevision):
            continue
        state = inspect(instance)
        # Values as they stand in the object, never loaded now: this runs inside a flush.
        if getattr(instance, "__tablename__", None) == "person":
            owners = [state.dict.get("id")]
        elif "person_id" in state.attrs:
            moved = state.attrs.person_id.history.deleted  # moved to someone else: both touched
            owners = [state.dict.get("person_id"), *moved]
        else:
            return None  # an audit's date, a setting, a ritual's occasion …: anyone's
        if None in owners:
            return None  # the user's own season, a win of their own, or not known here
        people.update(int(owner) for owner in owners)
    return people


def _bump(session: Session) -> None:
    session.flush()
    if session.info.pop(_CHANGED, False):
        touched = session.info.pop(_TOUCHED, _EVERYONE)
        session.execute(update(StoreRevision).values(number=StoreRevision.number + 1))
        session.info.pop(_CHANGED, None)
        session.info.pop(_TOUCHED, None)
        people = None if touched is _EVERYONE else frozenset(touched)
        session.info[_PENDING] = (current(session), people)


def _remember(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    log = session.info.get(_LOG)
    if pending is not None and isinstance(log, ChangeLog):
        log.record(*pending)


def _forget(session: Session) -> None:
    for key in (_CHANGED, _TOUCHED, _PENDING):
        session.info.pop(key, None)
