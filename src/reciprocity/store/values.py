"""Text every database keeps alike: no NUL character, and no longer than its column.

SQLite keeps a NUL character in text and text longer than its column's
declared length; PostgreSQL refuses both, mid-write. So that the store answers
the same on every database, each object a session is about to write is
checked first, and text either database would refuse is refused here, with a
message naming what it was (``InputError``). Values written in bulk are the
store's own (packed outlines, JSON) and are not checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from reciprocity.coach import app as app_words
from reciprocity.errors import InputError

_Checked = tuple[tuple[str, int | None, str], ...]  # attribute, longest allowed, what it is
_CHECKS: dict[Mapper[Any], _Checked] = {}


def watch(factory: sessionmaker[Session]) -> None:
    """Check the text of every object the sessions ``factory`` makes are about to write."""
    event.listen(factory, "before_flush", _check_pending)


def _check_pending(session: Session, _context: Any, _instances: Any) -> None:
    check(session.new, changed_only=False)
    check(session.dirty, changed_only=True)


def check(objects: Iterable[object], *, changed_only: bool) -> None:
    """Refuse text a database would refuse: a NUL character, or longer than its column.

    With ``changed_only``, only values set since the object was loaded: what is
    already stored stands.
    """
    for instance in objects:
        state = inspect(instance)
        for key, limit, what in _text_columns(state.mapper):
            if changed_only:
                values: Iterable[Any] = state.attrs[key].history.added
            else:
                values = (state.dict.get(key),)
            for value in values:
                if isinstance(value, str):
                    _check(value, limit, what)


def _check(value: str, limit: int | None, what: str) -> None:
    if "\x00" in value:
        raise InputError(app_words.VALUE_HAS_NUL.format(what=what))
    if limit is not None and len(value) > limit:
        raise InputError(app_words.VALUE_TOO_LONG.format(what=what, length=len(value), limit=limit))


def _text_columns(mapper: Mapper[Any]) -> _Checked:
    found = _CHECKS.get(mapper)
    if found is None:
        owner = mapper.local_table.name.replace("_", " ")  # type: ignore[attr-defined]
        found = _CHECKS[mapper] = tuple(
            (attribute.key, column.type.length, f"{owner}'s {column.name.replace('_', ' ')}")
            for attribute in mapper.column_attrs
            for column in attribute.columns[:1]
            if isinstance(column.type, String)
        )
    return found
