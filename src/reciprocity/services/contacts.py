"""People from an address book: who a vCard file holds, who is new, and bringing them in.

Reading is ``reciprocity.contacts`` (pure); the preview matches each contact to the
list by name (case and spacing aside), so the faces can show who is new and who is
already there; ``bring_in`` writes the people chosen through ``services.people``, in
one transaction. Only names, birthdays, dates to remember and notes are kept.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reciprocity import contacts
from reciprocity.coach import people as words
from reciprocity.contacts import BrokenCard, Contact
from reciprocity.errors import InputError
from reciprocity.model.person import all_people, clean_name
from reciprocity.services import people
from reciprocity.store import Database


@dataclass(frozen=True)
class Candidate:
    """A contact as the list sees it: its name as it would be kept, and whether it is there."""

    contact: Contact
    name: str
    """The name as kept: for someone already in the list, as the list spells it."""
    present: bool


@dataclass(frozen=True)
class Preview:
    """Everyone in a contacts file who could be brought in, and what was left out (by line)."""

    file: str
    candidates: list[Candidate]
    skipped: list[BrokenCard]

    @property
    def new(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.present]


def preview(db: Database, path: Path, *, source: str | None = None) -> Preview:
    """Who the vCard file at ``path`` holds, matched to the list; ``source`` names it."""
    name = source or path.name
    found = contacts.read_file(path) if source is None else _read_as(path, source)
    with db.transaction() as session:
        listed = {p.name.casefold(): p.name for p in all_people(session)}
    candidates: list[Candidate] = []
    skipped = list(found.broken)
    first: dict[str, int] = {}
    for contact in found.contacts:
        try:
            cleaned = clean_name(contact.name)
        except InputError as error:
            skipped.append(BrokenCard(contact.line, words.CARD_NAME_REFUSED.format(reason=error)))
            continue
        key = cleaned.casefold()
        if key in first:
            twice = words.CARD_NAME_TWICE.format(name=cleaned, first=first[key])
            skipped.append(BrokenCard(contact.line, twice))
            continue
        first[key] = contact.line
        candidates.append(Candidate(contact, listed.get(key, cleaned), key in listed))
    return Preview(name, candidates, sorted(skipped, key=lambda s: s.line))


def chosen(found: Preview, names: Sequence[str]) -> list[Candidate]:
    """The candidates called ``names`` (case and spacing aside); an unknown name is refused,
    with the closest names in the file offered."""
    by_key = {c.name.casefold(): c for c in found.candidates}
    picked: list[Candidate] = []
    for name in names:
        candidate = by_key.get(" ".join(name.split()).casefold())
        if candidate is None:
            close = difflib.get_close_matches(name.casefold(), list(by_key), n=3, cutoff=0.6)
            if close:
                raise InputError(
                    words.CONTACTS_ONLY_CLOSE.format(
                        name=name,
                        file=found.file,
                        close=" or ".join(repr(by_key[c].name) for c in close),
                    )
                )
            raise InputError(words.CONTACTS_ONLY_UNKNOWN.format(name=name, file=found.file))
        if candidate not in picked:
            picked.append(candidate)
    return picked


def bring_in(db: Database, chosen: Sequence[Candidate], *, today: date) -> people.BroughtIn:
    """Add the chosen contacts (one transaction); those already in the list get only what they lack."""
    return people.bring_in(
        db,
        [
            people.Newcomer(
                name=c.name,
                birthday=c.contact.birthday,
                dates=[(d.title, d.day) for d in c.contact.dates],
                note=c.contact.note,
            )
            for c in chosen
        ],
        today=today,
    )


def _read_as(path: Path, source: str) -> contacts.ContactsFile:
    """Read a file kept under another name (an upload), saying its own name in messages."""
    try:
        content = path.read_bytes()
    except OSError:
        return contacts.read_file(path)  # says what is wrong with it
    return contacts.read_vcards(content, source)
