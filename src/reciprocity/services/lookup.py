"""Finding what a face names: a person by id (the web) or by name (the command line).

Used inside a service's transaction; the faces pass the reference as they
were given it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from reciprocity.coach import people as people_words
from reciprocity.errors import NotFoundError
from reciprocity.model import ME, Person
from reciprocity.model.base import by_id
from reciprocity.model.person import find_person

PersonRef = int | str
"""A person's id, or their name (case and spacing ignored)."""


def person(session: Session, ref: PersonRef) -> Person:
    """The person ``ref`` names, or a clear error (with close names, for a name)."""
    if isinstance(ref, int):
        found = by_id(session, Person, ref)
        if found is None:
            raise NotFoundError(people_words.UNKNOWN_PERSON.format(name=str(ref)))
        return found
    return find_person(session, ref)


def owner(session: Session, whose: PersonRef) -> Person | None:
    """Whose something is: ``"me"`` (None, the user's own) or a person."""
    if isinstance(whose, str) and whose.strip().casefold() == ME:
        return None
    return person(session, whose)
