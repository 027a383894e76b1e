"""The Reciprocity Audit: its rules, saving one, and the audits kept.

The rules every face follows: a rating of 5 means the dimension feels roughly
mutual (so it leans neither way, and "it feels shared" is what it says); a lower
one says which way it leans, me or them, never shared; a rating of 1 or 2
carries a vision (``directions_for`` gives the choices a rating allows). The notes said before a person is rated
(seasons at the audit's date, each side's ways of caring) are made here once.
An audit is built whole from a draft (``AuditDraft``) and checked by the
model's own rules before anything is kept.

An audit answered in the terminal and interrupted keeps its answers so far as a
draft (``keep_draft``): a small private JSON file beside the database, in the
shape of ``Audit.as_dict`` with some parts not answered yet, one per group of
people. The next audit of the same people can carry on from it; saving the
audit removes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import audit as audit_words
from reciprocity.coach.safety import signs_in
from reciprocity.errors import InputError
from reciprocity.files import write_atomically
from reciprocity.model import Audit, AuditEntry, DimensionRating, Person, Season
from reciprocity.model.audit import all_audits, check_lean, check_rating, find_audit
from reciprocity.services.data import remove_found
from reciprocity.services.lookup import PersonRef, person
from reciprocity.store import Database, cipher
from reciprocity.store.database import default_path
from reciprocity.vocabulary import LEANS as LEANS  # which way a rating may lean, for every face
from reciprocity.vocabulary import RATING_MAX, VISION_AT_OR_BELOW, Dimension, Direction
from reciprocity.vocabulary import directions_for as _directions_for

OVERALL = "overall"


def on_scale(rating: int) -> int:
    """The rating itself, when it lies on the scale of 1 to 5; a clear error otherwise."""
    return check_rating(rating)


def needs_direction(rating: int) -> bool:
    """Below 5, a rating says which way it leans; 5 is roughly mutual."""
    return rating < RATING_MAX


def needs_vision(rating: int) -> bool:
    """A rating of 1 or 2 carries a vision of the mutual pattern to build."""
    return rating <= VISION_AT_OR_BELOW


def directions_for(rating: int) -> tuple[Direction, ...]:
    """The directions a rating allows: a 5 feels shared (and only that); below 5, me or them."""
    return _directions_for(on_scale(rating))


@dataclass(frozen=True)
class Lean:
    """One rating with which way it leans and, for a low one, its vision."""

    rating: int
    direction: Direction
    vision: str | None = None


def settle(rating: int, direction: Direction | None, vision: str | None, label: str) -> Lean:
    """A rating checked by the audit's rules: 5 leans neither way; low ones need a vision."""
    check_rating(rating)
    leaning = Direction.MUTUAL if not needs_direction(rating) else direction or Direction.MUTUAL
    words = (vision or "").strip() or None
    check_lean(rating, leaning, words, label)
    return Lean(rating, leaning, words)


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    answer: str


@dataclass(frozen=True)
class DimensionDraft:
    lean: Lean
    answers: Sequence[Answer] = ()


@dataclass(frozen=True)
class EntryDraft:
    """One person's part: the overall rating and each dimension rated."""

    person: PersonRef
    overall: Lean
    dimensions: Mapping[Dimension, DimensionDraft] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class AuditDraft:
    on: date
    entries: Sequence[EntryDraft]
    note: str = ""


@dataclass(frozen=True)
class Saved:
    """An audit just kept; ``safety``: whose entries' words call for the note pointing to help."""

    audit: Audit
    safety: tuple[str, ...]


def context_notes(db: Database, who: PersonRef, on: date) -> list[str]:
    """What to keep in mind before rating someone: seasons at ``on``, and ways of caring."""
    with db.transaction() as session:
        found = person(session, who)
        notes = [
            audit_words.season_note(s.kind, s.start, None if s.person is None else found.name)
            for s in session.scalars(select(Season).order_by(Season.start, Season.id))
            if s.contains(on) and s.person_id in (None, found.id)
        ]
        if found.my_care and found.their_care:
            notes.append(audit_words.styles_reminder(found.name, found.their_care, found.my_care))
        return notes


def save(db: Database, draft: AuditDraft) -> Saved:
    """Keep an audit, checked whole; nothing is kept if any part breaks a rule."""
    with db.transaction() as session:
        audit = _build(session, draft)
        session.add(audit)
        session.flush()
        return Saved(_loaded(audit), safety_of(audit))


def safety_of(audit: Audit) -> tuple[str, ...]:
    """Whose entries in ``audit`` speak, in the user's own visions, of fear, control or harm."""
    return tuple(
        e.person.name
        for e in audit.entries
        if signs_in([v for v in (e.vision, *(r.vision for r in e.ratings)) if v])
    )


def everyone(db: Database) -> list[Audit]:
    """Every audit, oldest first."""
    with db.transaction() as session:
        return all_audits(session)


def get(db: Database, audit_id: int) -> Audit:
    with db.transaction() as session:
        return _loaded(find_audit(session, audit_id))


def remove(db: Database, audit_id: int) -> tuple[Audit, Path | None]:
    """Remove an audit with its ratings and visions; a copy of everything is kept first."""
    return remove_found(db, lambda session: _loaded(find_audit(session, audit_id)))


def compare(db: Database, who: PersonRef | None = None) -> list[dict[str, Any]]:
    """How each relationship's ratings moved from audit to audit (one person's, or everyone's)."""
    with db.transaction() as session:
        only = person(session, who).name if who is not None else None
        trends: dict[str, list[dict[str, Any]]] = {}
        for audit in all_audits(session):
            for entry in audit.entries:
                if only is None or entry.person.name == only:
                    trends.setdefault(entry.person.name, []).append(
                        {
                            "id": audit.id,
                            "date": audit.on.isoformat(),
                            "overall": {"rating": entry.rating, "direction": entry.direction.value},
                            "dimensions": {
                                r.dimension.value: {
                                    "rating": r.rating,
                                    "direction": r.direction.value,
                                }
                                for r in entry.ratings
                            },
                        }
                    )
    return [{"person": name, "audits": audits} for name, audits in trends.items()]


# -- a draft kept when the terminal audit is interrupted -------------------------

DRAFTS_FILE = "audit-drafts.json"


@dataclass(frozen=True)
class KeptDraft:
    """The answers so far of an audit not finished: its people, its date and how much is said."""

    people: tuple[str, ...]
    on: date
    document: dict[str, Any]
    """In the shape of ``Audit.as_dict``: a part with no ``rating`` is not rated yet, and a
    dimension's ``answers`` hold the questions answered so far."""

    @property
    def answered(self) -> int:
        return answered(self.document)


def new_draft(people: Sequence[str], on: date) -> dict[str, Any]:
    """An audit draft with nothing answered yet, for ``people`` on ``on``."""
    return {
        "date": on.isoformat(),
        "note": "",
        "entries": [{"person": name, "dimensions": {}} for name in people],
    }


def answered(document: Mapping[str, Any]) -> int:
    """How many answers and ratings a draft holds (0: nothing to keep)."""
    count = 0
    for entry in document.get("entries") or []:
        count += "rating" in entry
        for part in (entry.get("dimensions") or {}).values():
            count += len(part.get("answers") or []) + ("rating" in part)
    return count


def kept_drafts(db: Database) -> list[KeptDraft]:
    """Every draft kept, newest first; a file that cannot be read holds none."""
    stored = _read_drafts(db, db.key)
    found = []
    for document in stored if isinstance(stored, list) else []:
        try:
            people = tuple(str(e["person"]) for e in document["entries"])
            on = date.fromisoformat(document["date"])
        except (TypeError, KeyError, ValueError):
            continue
        if people and all(isinstance(e.get("dimensions"), dict) for e in document["entries"]):
            found.append(KeptDraft(people, on, document))
    return found


def kept_draft(db: Database, people: Sequence[str] | None = None) -> KeptDraft | None:
    """The draft kept for exactly ``people`` (in any order), or the newest one when None.

    A draft naming someone no longer kept (removed since) is passed over.
    """
    with db.transaction() as session:
        known = set(session.scalars(select(Person.name)))
    for draft in kept_drafts(db):
        if set(draft.people) <= known and (people is None or _same(draft.people, people)):
            return draft
    return None


def keep_draft(db: Database, document: Mapping[str, Any]) -> Path:
    """Keep an unfinished audit's answers (in place of any draft of the same people)."""
    people = [str(e["person"]) for e in document["entries"]]
    others = [d.document for d in kept_drafts(db) if not _same(d.people, people)]
    return _write_drafts(db, [dict(document), *others])


def drop_draft(db: Database, people: Sequence[str]) -> None:
    """Remove the draft kept for ``people``, if there is one (the audit was saved)."""
    drafts = kept_drafts(db)
    left = [d.document for d in drafts if not _same(d.people, people)]
    if len(left) != len(drafts):
        _write_drafts(db, left)


def drafts_path(db: Database) -> Path:
    """Where drafts are kept: beside the SQLite file, or in the user's data folder."""
    path = db.sqlite_path
    if path is None:
        return default_path().with_name(DRAFTS_FILE)
    return path.with_name(f"{path.stem}.{DRAFTS_FILE}")


def _read_drafts(db: Database, key: bytes | None) -> Any:
    """The drafts file's content: JSON, sealed with ``key`` when the database is encrypted
    (a plain one is read too: drafts kept before the database was encrypted)."""
    try:
        content = drafts_path(db).read_bytes()
        if cipher.is_sealed(content):
            if key is None:
                return []
            content = cipher.unseal(key, content, DRAFTS_FILE)
        return json.loads(content)
    except (OSError, ValueError):
        return []


def _write_drafts(db: Database, documents: Iterable[dict[str, Any]]) -> Path:
    """Written whole, readable by its owner only (a temporary file, renamed into place);
    sealed with the database's key when it is encrypted, so no answer is left in plain text."""
    return _write_drafts_under(db, documents, db.key)


def _write_drafts_under(
    db: Database, documents: Iterable[dict[str, Any]], key: bytes | None
) -> Path:
    path = drafts_path(db)
    kept = list(documents)
    if not kept:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    content = json.dumps(kept, ensure_ascii=False, indent=1)
    if key is not None:
        content = cipher.seal(key, content.encode("utf-8"), DRAFTS_FILE).decode("ascii")
    write_atomically(path, content)
    return path


def reseal_drafts(db: Database, old: bytes | None, new: bytes | None) -> None:
    """The drafts kept under the database key ``old`` kept under ``new`` instead (None: plain)."""
    if drafts_path(db).exists():
        stored = _read_drafts(db, old)
        _write_drafts_under(db, stored if isinstance(stored, list) else [], new)


def _same(these: Iterable[str], those: Iterable[str]) -> bool:
    return sorted(n.casefold() for n in these) == sorted(n.casefold() for n in those)


def _build(session: Session, draft: AuditDraft) -> Audit:
    if not draft.entries:
        raise InputError(audit_words.AUDIT_NEEDS_PEOPLE)
    audit = Audit(on=draft.on, note=draft.note)
    with session.no_autoflush:  # an entry joins its person before the audit is in the session
        _add_entries(session, audit, draft)
    audit.check_complete()
    return audit


def _add_entries(session: Session, audit: Audit, draft: AuditDraft) -> None:
    for part in draft.entries:
        entry = AuditEntry(
            person=person(session, part.person),
            rating=part.overall.rating,
            direction=part.overall.direction,
            vision=part.overall.vision,
            note=part.note,
        )
        for dimension, rated in part.dimensions.items():
            entry.ratings.append(
                DimensionRating(
                    dimension=dimension,
                    rating=rated.lean.rating,
                    direction=rated.lean.direction,
                    vision=rated.lean.vision,
                    answers=[
                        {"key": a.key, "question": a.question, "answer": a.answer}
                        for a in rated.answers
                    ],
                )
            )
        audit.entries.append(entry)


def _loaded(audit: Audit) -> Audit:
    """The audit with its entries, their people and ratings read, for use after the transaction."""
    for entry in audit.entries:
        _ = entry.person.name, entry.ratings
    return audit
