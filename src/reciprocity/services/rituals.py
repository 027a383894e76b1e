"""Rituals: shared habits with a cadence, who hosts next, and marking what became of each.

Adding one, marking an occurrence done, skipped or moved, and letting one end,
through the model's own rules (``model.ritual``); where each stands comes
from ``practices.schedule``. Rituals come back with their people, rotation and
occurrences read, for the faces to show after the transaction.
"""

from __future__ import annotations

import os
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from reciprocity.coach import practices as practice_words
from reciprocity.errors import CadenceError, InputError
from reciprocity.model import ME, Occurrence, Ritual
from reciprocity.model.ritual import (
    add_ritual,
    all_rituals,
    end_ritual,
    find_ritual,
    first_day,
    mark_done,
    mark_moved,
    mark_skipped,
)
from reciprocity.practices.recurrence import cadence_rule
from reciprocity.services.data import remove_found
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef, person
from reciprocity.store import Database


@dataclass(frozen=True)
class Added:
    ritual: Ritual
    next_day: date | None
    """The first occurrence from its first day on, if there is one."""


@dataclass(frozen=True)
class Marked:
    """A ritual after one of its occurrences was marked, and that occurrence."""

    ritual: Ritual
    occurrence: Occurrence


def cadence(*, rule: str | None = None, every: str | None = None, on: str | None = None) -> str:
    """The rule a ritual keeps, however how often was asked for; every face comes through here.

    Either ``rule`` (an RFC 5545 rule or friendly words: weekly, 'every sunday',
    checked when the ritual is kept) or ``every`` with an optional ``on``
    (``"2 weeks"``, ``"sunday"``; ``"month"``, ``"first saturday"``), as the
    form's choices, ``ritual add --every … --on …`` and the API's ``every`` and
    ``on`` give them. Raises CadenceError when neither, both, or only ``on``.
    """
    if every is not None and rule is not None:
        raise CadenceError(practice_words.CADENCE_PROBLEMS["twice"], "twice")
    if on is not None and every is None:
        raise CadenceError(practice_words.CADENCE_PROBLEMS["on-alone"], "on-alone")
    if every is not None:
        return cadence_rule(every, on)
    if rule is None:
        raise CadenceError(practice_words.CADENCE_PROBLEMS["missing"], "missing")
    return rule


def add(
    db: Database,
    who: PersonRef,
    *,
    title: str,
    rule: str,
    start: date,
    end: date | None = None,
    at: time | None = None,
    zone: str | None = None,
    others: Sequence[PersonRef] = (),
    first: PersonRef | None = None,
    rotates: bool = True,
    note: str = "",
) -> Added:
    """A ritual with someone (and ``others``); ``first`` hosts first: ``"me"`` or a person."""
    with db.transaction() as session:
        host = None if first is None else _host(session, first)
        ritual = add_ritual(
            person(session, who),
            title=title,
            rule=rule,
            start=start,
            end=end,
            at=at,
            zone=zone,
            others=[person(session, o) for o in others],
            first=host,
            rotates=rotates,
            note=note,
        )
        session.add(ritual)
        session.flush()
        return Added(loaded(ritual), first_day(ritual, start))


def everyone(db: Database) -> list[Ritual]:
    """Every ritual, by its first day."""
    with db.transaction() as session:
        return [loaded(r) for r in all_rituals(session)]


def get(db: Database, ritual_id: int) -> Ritual:
    with db.transaction() as session:
        return loaded(find_ritual(session, ritual_id))


def done(
    db: Database,
    ritual_id: int,
    *,
    on: date,
    planned: date | None = None,
    host: PersonRef | None = None,
    note: str = "",
) -> Marked:
    """Mark the occurrence planned for ``planned`` (default: the latest open one) done on ``on``."""
    with db.transaction() as session:
        ritual = find_ritual(session, ritual_id)
        hosted = None if host is None else _host(session, host)
        due = mark_done(ritual, on=on, planned=planned, host=hosted, note=note)
        return _marked(session, ritual, due)


def skip(
    db: Database, ritual_id: int, *, today: date, planned: date | None = None, note: str = ""
) -> Marked:
    """Skip one occurrence by choice; whoever was to host still hosts next."""
    with db.transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = mark_skipped(ritual, today=today, planned=planned, note=note)
        return _marked(session, ritual, due)


def move(
    db: Database, ritual_id: int, *, today: date, to: date, planned: date | None = None
) -> Marked:
    """Move one occurrence (default: the next open one) to ``to``."""
    with db.transaction() as session:
        ritual = find_ritual(session, ritual_id)
        due = mark_moved(ritual, today=today, to=to, planned=planned)
        return _marked(session, ritual, due)


def end(db: Database, ritual_id: int, *, on: date) -> Ritual:
    """Let a ritual end on ``on``, its last day; its history is kept."""
    with db.transaction() as session:
        ritual = find_ritual(session, ritual_id)
        end_ritual(ritual, on=on)
        session.flush()
        return loaded(ritual)


@dataclass(frozen=True)
class RitualChanges:
    """What ``edit`` changes; ``at`` of None drops the time (and the zone with it)."""

    title: str | Keep = KEEP
    rule: str | Keep = KEEP
    start: date | Keep = KEEP
    end: date | Keep | None = KEEP
    at: time | Keep | None = KEEP
    zone: str | Keep | None = KEEP
    rotates: bool | Keep = KEEP
    note: str | Keep = KEEP


def edit(db: Database, ritual_id: int, changes: RitualChanges) -> Ritual:
    """Change a ritual's details; its history of occurrences is kept."""
    with db.transaction() as session:
        ritual = find_ritual(session, ritual_id)
        for name in ("title", "rule", "rotates"):
            value = getattr(changes, name)
            if not isinstance(value, Keep):
                setattr(ritual, name, value)
        if not isinstance(changes.start, Keep):
            ritual.end = None  # checked again below, against the new first day
            ritual.start = changes.start
            ritual.end = None if isinstance(changes.end, Keep) else changes.end
        elif not isinstance(changes.end, Keep):
            ritual.end = changes.end
        if not isinstance(changes.at, Keep):
            ritual.at = changes.at
            if changes.at is None:
                ritual.zone = None
        if not isinstance(changes.zone, Keep):
            if changes.zone is not None and ritual.at is None:
                raise InputError(practice_words.ZONE_NEEDS_TIME)
            ritual.zone = changes.zone
        if not isinstance(changes.note, Keep):
            ritual.note = changes.note.strip()
        _ = ritual.cadence  # the rule, days, time and zone still make a cadence
        session.flush()
        return loaded(ritual)


def remove(db: Database, ritual_id: int) -> tuple[Ritual, Path | None]:
    """Remove a ritual and its history (``end`` lets one end and keeps it); a copy is kept first."""
    return remove_found(db, lambda session: loaded(find_ritual(session, ritual_id)))


ZONE_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
"""The parts of the world a time zone offered in a list is named after (``Europe/London``)."""
LOCALTIME = Path("/etc/localtime")


@cache
def zones() -> tuple[str, ...]:
    """The time zones a person chooses from: ``UTC`` and every ``Region/City``, sorted."""
    named = (z for z in zoneinfo.available_timezones() if z.split("/")[0] in ZONE_REGIONS)
    return ("UTC", *sorted(named))


def local_zone() -> str:
    """This computer's time zone by name (``TZ``, then ``/etc/localtime``), or ``UTC``."""
    for name in (os.environ.get("TZ", "").removeprefix(":"), _linked_zone(LOCALTIME)):
        if name in ("Etc/UTC", "Etc/Universal", "UCT", "Universal", "Zulu"):
            return "UTC"
        if name and name in zoneinfo.available_timezones():
            return name
    return "UTC"


def _linked_zone(link: Path) -> str:
    """The zone ``/etc/localtime`` points at (``…/zoneinfo/Europe/Oslo``), or nothing."""
    try:
        target = str(link.resolve(strict=True))
    except OSError:
        return ""
    _, found, name = target.partition("/zoneinfo/")
    return name if found else ""


def loaded(ritual: Ritual) -> Ritual:
    """The ritual with its people, rotation and occurrences read."""
    _ = ritual.people, ritual.rotation, ritual.occurrences
    return ritual


def _host(session: Session, who: PersonRef) -> str:
    """A host as the rotation names one: ``"me"`` or a name (a person's id gives their name).

    A name is checked against the ritual's rotation by the model (``in_rotation``),
    which says who is in it when someone is not.
    """
    if isinstance(who, int):
        return person(session, who).name
    return ME if who.strip().casefold() == ME else who


def _marked(session: Session, ritual: Ritual, due: date) -> Marked:
    session.flush()
    occurrence = next(o for o in ritual.occurrences if o.due == due)
    return Marked(loaded(ritual), occurrence)
