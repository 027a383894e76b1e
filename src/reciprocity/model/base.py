"""The declarative base and the column types shared by every entity."""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from sqlalchemy import JSON, Dialect, Enum, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so that Alembic migrations can refer to them on any database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T", bound=Base)

ID_LIMIT = 2**31 - 1
"""The largest id every database can hold (PostgreSQL's INTEGER; SQLite's reaches 2^63 - 1)."""


def by_id(session: Session, entity: type[T], ident: int) -> T | None:
    """The ``entity`` with id ``ident``, or None: an id no table can hold is simply not there.

    Ids come from outside (an address, a command line); asking PostgreSQL for one
    beyond its INTEGER is an error, where SQLite answers "not found".
    """
    if not 1 <= ident <= ID_LIMIT:
        return None
    return session.get(entity, ident)


def enum_column(enum_type: type[enum.Enum], name: str) -> Enum:
    """Store an enum as its value (the word a user types), checked by the database."""
    return Enum(
        enum_type,
        name=name,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        create_constraint=True,
    )


class EnumList(TypeDecorator[list[Any]]):
    """A short list of enum members, kept as a JSON list of their values.

    Portable across SQLite and PostgreSQL; order is preserved and duplicates removed.
    """

    impl = JSON
    cache_ok = True

    def __init__(self, enum_type: type[enum.Enum]) -> None:
        super().__init__()
        self.enum_type = enum_type

    def process_bind_param(self, value: Any, dialect: Dialect) -> list[str] | None:
        if value is None:
            return []
        return [self.enum_type(v).value for v in dict.fromkeys(value)]

    def process_result_value(self, value: Any, dialect: Dialect) -> list[Any]:
        return [self.enum_type(v) for v in (value or [])]


NAME_LENGTH = 200
Name = String(NAME_LENGTH)
