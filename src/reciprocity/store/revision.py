"""Whose data each write touched, kept in the store itself, so work done on it can be kept.

Every transaction that writes — from the command line or the web app, in any
process, an object changed through the model or rows written in bulk — adds
rows to the ``change`` table as it commits, in the same transaction: one for
each person whose data it touched, or one naming no one when it touched
everyone's (the user's own season, an audit, a restore, anything not tied to
one person). A reader that remembers the newest change it saw learns, with
one query on the primary key, whose data changed since (``changes_since``);
``services.patterns.PatternCache`` then works out again only their patterns.

What counts as whose: an object with a ``person_id`` (a moment, a season, a
check-in, a chat's evidence) is that person's, and a person is their own; a
moment moved to someone else touches both. Anything else, and rows written in
bulk, touch everyone, unless written inside ``touching(session)``, where the
writer says whose they are with ``touch`` (a chat import: the people in it).

Order: a writer first moves ``store_revision.number``, which holds that row
until it commits (on a database server, other writers wait there), and only
then takes ids for its changes; so ids are handed out in the order writes
commit, and a reader never sees a later change before an earlier one. On
SQLite one writer at a time is the rule anyway.

Kept small: changes more than ``KEEP`` behind the newest are deleted as new
ones are written. A reader whose last seen change is gone (it fell that far
behind, or an older copy of the file was put back) works everything out
again. Bringing back a copy records a change to everyone's data numbered
past every change the store had before (``everyone_after``), so whatever id a
reader saw last, that change comes after it.

Portable SQL only: no triggers. A program that writes to the file behind
reciprocity's back is not seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from itertools import chain
from threading import Lock
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    Integer,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import MANYTOONE, Mapped, ORMExecuteState, Session, mapped_column, sessionmaker

from reciprocity.model.base import Base

KEEP = 1000
"""Changes kept behind the newest; a reader further behind works everything out again."""

_TOUCHED = "reciprocity.touched"  # person ids this transaction touched, or _EVERYONE
_BLOCK = "reciprocity.block"  # the ``touching`` block being written, if any
_EVERYONE = "everyone"
_WRITES = "reciprocity.writes"  # the factory's count of committed writes, shared by its sessions
_WROTE = "reciprocity.wrote"  # this transaction wrote something; counted once it commits


class _Block:
    """A ``touching`` block: whose data it was told it writes, and whether it wrote what names no one."""

    def __init__(self) -> None:
        self.people: set[int] = set()
        self.unnamed = False


class StoreRevision(Base):
    """One row, moved by every write: the lock that orders writers, and a count of writes."""

    __tablename__ = "store_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, default=0)


class Change(Base):
    """A write that touched one person's data (``person_id``), or everyone's (None)."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: outlives the person
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


def watch(factory: sessionmaker[Session]) -> None:
    """Record whose data the writes of every session ``factory`` makes touched."""
    event.listen(factory, "after_flush", _note_flush)
    event.listen(factory, "do_orm_execute", _note_statement)
    event.listen(factory, "before_commit", _record)
    event.listen(factory, "after_rollback", _forget)
    event.listen(factory, "after_commit", _count)
    factory.kw.setdefault("info", {})[_WRITES] = _Writes()


@contextmanager
def touching(session: Session) -> Iterator[None]:
    """Within the block, what names no one (a chat, rows in bulk) is the data of the people
    the block is told about with ``touch`` (before it ends); everyone's if it is told of no one.

    Objects that name their person are theirs as ever. What is pending is
    written before the block ends, so it is counted as the block says.
    """
    if _BLOCK in session.info:  # already inside one: the outer block decides
        yield
        return
    block = session.info[_BLOCK] = _Block()
    try:
        yield
        session.flush()
    finally:
        session.info.pop(_BLOCK, None)
        if block.unnamed:
            _touch(session, block.people or None)


def touch(session: Session, people: Iterable[int]) -> None:
    """Count ``people``'s data as touched by this transaction (a writer that knows whose).

    Inside ``touching``, what the block writes that names no one is theirs too.
    """
    named = set(people)
    block = session.info.get(_BLOCK)
    if isinstance(block, _Block):
        block.people |= named
    _touch(session, named)


def touch_everyone(session: Session) -> None:
    """Count everyone's data as touched by this transaction (a restore, the demo)."""
    _touch(session, None)


def current(session: Session) -> int:
    """How many writes the store has had (as counted since the count began)."""
    return session.scalar(select(StoreRevision.number)) or 0


def newest(session: Session) -> int:
    """The id of the newest change (0 in a store that has none)."""
    return session.scalar(select(func.max(Change.id))) or 0


def changes_since(session: Session, seen: int) -> tuple[int, frozenset[int] | None]:
    """The newest change, and whose data changed after change ``seen`` up to it.

    None for everyone: a change that touched everyone's, or ``seen`` no longer
    kept (pruned, or an older copy put back). One query on the primary key.
    """
    rows = session.execute(
        select(Change.id, Change.person_id).where(Change.id >= seen).order_by(Change.id)
    ).all()
    if not rows:
        return newest(session), None
    if rows[0].id != seen:
        return rows[-1].id, None
    people: set[int] = set()
    for row in rows[1:]:
        if row.person_id is None:
            return rows[-1].id, None
        people.add(row.person_id)
    return rows[-1].id, frozenset(people)


def everyone_after(session: Session, last: int) -> None:
    """Record a change to everyone's data, numbered well after ``last`` (a bring-back).

    An older copy put back in place of the file brings back its older changes,
    and writes made after it number on from them, so an id a reader saw may
    come back standing for another change. This change, read as everyone's,
    is numbered ``KEEP`` past every change the store had before (``last``, read
    before the copy went back), so that it comes after anything a reader can
    have seen, even a write made by another process while the copy went back.
    """
    session.flush()
    _write(session.connection(), None, after=last + KEEP)
    _forget(session)


# -- the session events --------------------------------------------------------


def _note_flush(session: Session, _context: Any) -> None:
    written = [
        instance
        for instance in chain(session.new, session.dirty, session.deleted)
        if not getattr(instance, "__no_revision__", False)  # a paired phone: no one's data
    ]
    if written:
        _touch(session, _people_of(written, session.info.get(_BLOCK)))


def _note_statement(state: ORMExecuteState) -> None:
    mapper = state.bind_mapper
    if mapper is not None and getattr(mapper.class_, "__no_revision__", False):
        return  # a paired phone's rows: no one's data
    if state.is_insert or state.is_update or state.is_delete:
        _touch(state.session, _people_of([None], state.session.info.get(_BLOCK)))  # rows in bulk


def _touch(session: Session, people: set[int] | None) -> None:
    touched = session.info.get(_TOUCHED, set())
    if touched is _EVERYONE or people is None:
        session.info[_TOUCHED] = _EVERYONE
    else:
        session.info[_TOUCHED] = touched | people


def _people_of(objects: Iterable[object], block: _Block | None) -> set[int] | None:
    """The people whose data these objects (None: rows in bulk) are; None for everyone's.

    What names no one is left to the ``touching`` block being written, if
    there is one (an empty set here), and is everyone's otherwise.
    """
    people: set[int] = set()
    for instance in objects:
        found = [None] if instance is None else _owners(instance)
        named = [int(owner) for owner in found if owner is not None]
        if len(named) < len(found):  # the user's own season, a win of their own …
            if block is None:
                return None
            block.unnamed = True
        people.update(named)
    return people


def _owners(instance: object) -> list[Any]:
    """Whose data one object is, as it stands in the object (nothing is loaded: this runs
    inside a flush); None in the list for what is not one person's (the user's own season,
    an audit's date, a chat) or not known here."""
    state = inspect(instance)
    if getattr(instance, "__tablename__", None) == "person":
        return [state.dict.get("id")]
    if "person_id" in state.attrs:
        moved = state.attrs.person_id.history.deleted  # moved to someone else: both touched
        return [state.dict.get("person_id"), *moved]
    for link in state.mapper.relationships:  # a part of something that is one person's
        parent = state.dict.get(link.key) if link.direction is MANYTOONE else None
        if parent is not None and "person_id" in inspect(parent).attrs:
            return [inspect(parent).dict.get("person_id")]  # an audit rating: its entry's
    return [None]


def _record(session: Session) -> None:
    """Before the commit: the changes this transaction made, written in it."""
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    if touched is None:
        return  # nothing written
    session.info[_WROTE] = True
    _write(session.connection(), None if touched is _EVERYONE else touched)


def _write(connection: Connection, people: Iterable[int] | None, *, after: int = 0) -> None:
    """Move the revision (holding its row to the commit), then add the changes and prune."""
    # Straight on the connection: the session's events would count these writes again.
    connection.execute(update(StoreRevision).values(number=StoreRevision.number + 1))
    owners: list[int | None] = [None] if people is None else [*sorted(people)]
    if not owners:
        return  # written, but no one's data: nothing anyone worked out changes
    latest = connection.scalar(select(func.max(Change.id))) or 0
    if latest < after:  # an older copy was put back: number on from past what was before it
        connection.execute(insert(Change).values(id=after + 1, person_id=owners.pop(0)))
    if owners:
        connection.execute(insert(Change), [{"person_id": owner} for owner in owners])
    connection.execute(delete(Change).where(Change.id <= latest - KEEP))


def _forget(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_WROTE, None)


class _Writes:
    """How many transactions that wrote something a session factory's sessions committed."""

    def __init__(self) -> None:
        self._lock = Lock()
        self.committed = 0

    def add(self) -> None:
        with self._lock:
            self.committed += 1


def _count(session: Session) -> None:
    writes = session.info.get(_WRITES)
    if session.info.pop(_WROTE, False) and isinstance(writes, _Writes):
        writes.add()


def committed(session: Session) -> int:
    """How many writing transactions this process has committed to the store ``session`` is of."""
    writes = session.info.get(_WRITES)
    return writes.committed if isinstance(writes, _Writes) else 0
