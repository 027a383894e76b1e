"""A person in your life, and your relationship with them.

Each person is one relationship with the user: its kind, and how each side
shows care. Care in different styles is still mutual flow, so styles are
recorded to be understood, never to be matched.
"""

from __future__ import annotations

import difflib
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, DateTime, Integer, String, Text, func, select, true
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates

from reciprocity.coach import people as people_words
from reciprocity.dates import PartialDate
from reciprocity.errors import ConflictError, InputError, UnknownPersonError
from reciprocity.model.base import NAME_LENGTH, Base, EnumList, enum_column
from reciprocity.vocabulary import ME, CareStyle, RelationshipKind

if TYPE_CHECKING:
    from reciprocity.model.audit import AuditEntry
    from reciprocity.model.chat import Evidence
    from reciprocity.model.moment import Moment
    from reciprocity.model.season import Season

NO_YEAR = 1604
"""The year a birthday without one is kept in: a leap year (29 February fits), and the one
Apple's address book uses for the same purpose, so it reads as "no year" to people too."""


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    kind: Mapped[RelationshipKind] = mapped_column(
        enum_column(RelationshipKind, "relationship_kind"), default=RelationshipKind.FRIEND
    )
    birthday: Mapped[date | None] = mapped_column(default=None)
    """The birthday's day; when its year is not known, that day in ``NO_YEAR``. Read and set
    it as ``born``, which knows the difference."""
    birthday_has_year: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    my_care: Mapped[list[CareStyle]] = mapped_column(EnumList(CareStyle), default=list)
    """How I show care to them."""
    their_care: Mapped[list[CareStyle]] = mapped_column(EnumList(CareStyle), default=list)
    """How they show care to me."""
    note: Mapped[str] = mapped_column(Text, default="")
    chat_me: Mapped[str | None] = mapped_column(String(NAME_LENGTH), default=None)
    """The user's own name in chats with this person, remembered from the last import."""
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    moments: Mapped[list[Moment]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Moment.on",
    )
    seasons: Mapped[list[Season]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Season.start",
    )
    audit_entries: Mapped[list[AuditEntry]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def born(self) -> PartialDate | None:
        """Their birthday, with its year when it is known."""
        if self.birthday is None:
            return None
        return PartialDate.of(self.birthday, year_known=self.birthday_has_year)

    @born.setter
    def born(self, value: PartialDate | None) -> None:
        if value is None:
            self.birthday, self.birthday_has_year = None, True
        else:
            self.birthday = date(value.year or NO_YEAR, value.month, value.day)
            self.birthday_has_year = value.year is not None

    @validates("name")
    def _check_name(self, _key: str, value: str) -> str:
        return clean_name(value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "birthday": self.born.isoformat() if self.born else None,
            "my_care": [s.value for s in self.my_care],
            "their_care": [s.value for s in self.their_care],
            "note": self.note,
        }

    def __repr__(self) -> str:
        return f"Person({self.name!r})"


def clean_name(value: str) -> str:
    name = " ".join(value.split())
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InputError(people_words.NAME_CONTROL)
    if not name:
        raise InputError(people_words.NAME_EMPTY)
    if len(name) > NAME_LENGTH:
        raise InputError(people_words.NAME_TOO_LONG.format(length=len(name), limit=NAME_LENGTH))
    if name.casefold() == ME:
        raise InputError(people_words.NAME_RESERVED)
    return name


def all_people(session: Session) -> list[Person]:
    """Everyone, by name; sorted in Python because SQL lower() folds only ASCII on SQLite."""
    return sorted(session.scalars(select(Person)), key=lambda person: person.name.casefold())


def find_person(session: Session, name: str) -> Person:
    """The person with this name (case and spacing ignored), or a helpful error."""
    wanted = " ".join(name.split()).casefold()
    people = all_people(session)
    for person in people:
        if person.name.casefold() == wanted:
            return person
    names = [p.name for p in people]
    by_fold = {n.casefold(): n for n in names}
    close = difflib.get_close_matches(wanted, list(by_fold), n=3, cutoff=0.6)
    close += [n.casefold() for n in names if wanted and wanted in n.casefold().split()]
    suggestions = list(dict.fromkeys(by_fold[c] for c in close))
    if suggestions:
        message = people_words.UNKNOWN_PERSON_CLOSE.format(
            name=name, close=" or ".join(repr(s) for s in suggestions)
        )
    else:
        message = people_words.UNKNOWN_PERSON.format(
            name=name
        ) + people_words.UNKNOWN_PERSON_HINT.format(name=name)
    raise UnknownPersonError(message, name, suggestions)


def add_person(
    session: Session, name: str, *, born: PartialDate | None = None, **fields: Any
) -> Person:
    """Add someone; names are unique regardless of case."""
    person = Person(name=name, **fields)
    if born is not None:
        person.born = born
    _refuse_taken(session, person.name, except_id=None)
    person.my_care = list(fields.get("my_care") or [])
    person.their_care = list(fields.get("their_care") or [])
    session.add(person)
    session.flush()
    return person


def rename_person(session: Session, person: Person, new_name: str) -> None:
    cleaned = clean_name(new_name)
    _refuse_taken(session, cleaned, except_id=person.id)
    person.name = cleaned


def _refuse_taken(session: Session, name: str, except_id: int | None) -> None:
    # Compared in Python: SQL lower() folds only ASCII on SQLite, and lists are short.
    folded = name.casefold()
    for other_id, other in session.execute(select(Person.id, Person.name)):
        if other_id != except_id and other.casefold() == folded:
            raise ConflictError(people_words.NAME_TAKEN.format(name=other))
