"""One JSON shape per concept, made once: what ``--json`` prints and ``/api`` answers.

Each function turns a service's result into plain JSON data. The command line
and the JSON API both call these, so the two can never drift apart. Keys only
ever get added (DESIGN.md, "JSON shapes").
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from reciprocity.coach import practices as words

if TYPE_CHECKING:  # what each shape is made from; a face imports the service it calls
    from reciprocity.model import (
        Audit,
        Boundary,
        CheckIn,
        Device,
        Moment,
        Ritual,
        RoleRotation,
        Season,
        Win,
    )
    from reciprocity.services.contacts import Preview
    from reciprocity.services.data import Copy
    from reciprocity.services.due import Due, DueItem
    from reciprocity.services.invitations import Earlier, View
    from reciprocity.services.people import BroughtIn, PersonDetail, PersonRow
    from reciprocity.services.rhythms import DateStanding, RhythmStanding

JSON = dict[str, Any]


def person(row: PersonRow) -> JSON:
    """Someone in the list: ``people list --json`` and ``GET /api/people``."""
    return {
        "id": row.person.id,
        **row.person.as_dict(),
        "moments": row.moments,
        "last_moment": row.last_moment.isoformat() if row.last_moment else None,
    }


def person_detail(found: PersonDetail) -> JSON:
    """One person: ``people show --json`` and ``GET /api/people/{id}``."""
    entry = found.latest_entry
    return {
        **person(found.row),
        "recent_moments": [moment(m) for m in found.recent_moments],
        "seasons": [season(s) for s in found.seasons],
        "latest_audit": (
            {"id": entry.audit.id, "date": entry.audit.on.isoformat(), **entry.as_dict()}
            if entry is not None
            else None
        ),
    }


def moment(found: Moment) -> JSON:
    """A moment: ``moment list --json`` and ``/api/moments`` (``on`` and ``day`` are the same)."""
    return {
        "id": found.id,
        "person": found.person.name,
        **found.as_dict(),
        "day": found.on.isoformat(),
    }


def season(found: Season) -> JSON:
    return {"id": found.id, **found.as_dict(), "ongoing": found.end is None}


def audit_summary(found: Audit) -> JSON:
    """An audit in a list: ``audit list --json`` and ``GET /api/audits``."""
    return {
        "id": found.id,
        "date": found.on.isoformat(),
        "note": found.note,
        "people": [e.person.name for e in found.entries],
        "overall": {e.person.name: e.rating for e in found.entries},
    }


def audit(found: Audit) -> JSON:
    """One audit in full: ``audit show ID --json`` and ``GET /api/audits/{id}``."""
    return {"id": found.id, **found.as_dict()}


def ritual(found: Ritual, today: date) -> JSON:
    """One ritual: ``ritual list --json`` and ``GET /api/rituals``.

    Its stored shape, who it is with, the cadence in words, who hosts next (as a
    name and as a sentence), the occurrence waiting and the next one, and how
    well it has been kept (as numbers and in words).
    """
    from reciprocity.practices.schedule import standing  # loaded with rituals

    where = standing(found.cadence, found.records, today)
    kept = where.kept.as_dict()
    return {
        "id": found.id,
        **found.as_dict(),
        "people": [p.name for p in found.people],
        "cadence": words.cadence_words(found.rule, found.start),
        "hosts_next": found.next_host,
        "host_sentence": words.host_sentence(found.next_host),
        **where.as_dict(),
        "kept_words": words.kept_words(kept),
    }


def rotation(found: RoleRotation, today: date) -> JSON:
    """Roles shared during a season: ``roles list --json`` and ``GET /api/roles``.

    Its stored shape, who holds which role today (as a mapping and in words), and
    when the roles next switch by themselves (None: only by hand).
    """
    holders = found.holders(today)
    switch = found.next_switch(today)
    return {
        "id": found.id,
        **found.as_dict(),
        "today": holders,
        "holders_words": words.holders_words(holders),
        "next_switch": None if switch is None else switch.isoformat(),
        "switch_words": words.switch_words(found.every_days, switch),
    }


def checkin(found: CheckIn) -> JSON:
    return {"id": found.id, **found.as_dict()}


def boundary(found: Boundary) -> JSON:
    """A boundary with the gentle check of its wording: ``boundary list --json``, ``/api``."""
    from reciprocity.services.boundaries import wording

    checked = wording(found.request)
    offer = checked.offer
    return {
        "id": found.id,
        **found.as_dict(),
        "offer": None if offer is None else offer.as_dict(),
        "vague": checked.vague,
    }


def win(found: Win) -> JSON:
    return {"id": found.id, **found.as_dict()}


def rhythm(found: RhythmStanding) -> JSON:
    """A rhythm with where it stands: ``rhythm list --json`` and ``GET /api/rhythms``.

    Its gaps, the last contact and the days since, and ``nudge``: the words
    ``due`` says about it now, or None when nothing needs saying.
    """
    return {
        "id": found.rhythm.id,
        **found.rhythm.as_dict(),
        "last_contact": None if found.last_contact is None else found.last_contact.isoformat(),
        "days_since": found.days_since,
        "nudge": None if found.nudge is None else words.due_text(found.nudge),
    }


def occasion(found: DateStanding) -> JSON:
    """A date to remember: ``date list --json`` and ``GET /api/dates``.

    ``next`` is the day it next comes round (None once a one-off date has
    passed), ``days_until`` how far away that is.
    """
    return {
        "id": found.occasion.id,
        **found.occasion.as_dict(),
        "next": None if found.next is None else found.next.isoformat(),
        "days_until": found.days_until,
    }


def due_item(item: DueItem) -> JSON:
    return {
        "kind": item.kind,
        "day": item.day.isoformat(),
        "state": item.state,
        "people": list(item.people),
        "text": words.due_text(item),
        **item.details,
    }


def due(found: Due) -> JSON:
    """What could use attention: ``due --json`` and ``GET /api/due``."""
    return {
        "today": found.today.isoformat(),
        "until": found.until.isoformat(),
        "items": [due_item(i) for i in found.items],
    }


def copy(found: Copy) -> JSON:
    """A copy kept beside the data: its file name (what bringing it back takes), when and why."""
    return {
        "name": found.path.name,
        "path": str(found.path),
        "made": found.made.isoformat(timespec="seconds"),
        "reason": found.reason,
        "size": found.size,
    }


def contacts_import(found: Preview, brought: BroughtIn) -> JSON:
    """``people import FILE.vcf --json``: who was added, filled in or already whole, and
    every card or detail left out with its line, as ``import --json`` lists skipped lines."""
    return {
        "file": found.file,
        "contacts": len(found.candidates),
        "added": brought.added,
        "filled": brought.filled,
        "unchanged": brought.unchanged,
        "dates": brought.dates,
        "skipped": [{"line": s.line, "reason": s.reason} for s in found.skipped],
    }


def _when(moment: datetime | None) -> str | None:
    """A stored UTC time, as ISO 8601 with its zone."""
    return None if moment is None else moment.replace(microsecond=0).isoformat() + "Z"


def earlier_ratings(found: Earlier | None) -> JSON | None:
    return None if found is None else {"date": found.on.isoformat(), "ratings": found.ratings}


def invitation(found: View) -> JSON:
    """An invitation: ``GET /api/invitations[/{id}]``. ``answers.them`` is absent until the
    user has answered too (neither sees the other's answers until both have answered)."""
    answers: JSON = {"you": found.you}
    if found.them is not None:
        answers["them"] = found.them
    return {
        "id": found.id,
        "person": found.person,
        "kind": found.kind.value,
        "state": found.state,
        "created": _when(found.created),
        "expires": _when(found.expires),
        "from": found.from_name,
        "include_ratings": found.include_ratings,
        "answered": {"you": _when(found.you_answered), "them": _when(found.they_answered)},
        "answers": answers,
        "earlier_ratings": earlier_ratings(found.earlier),
        "checkin": found.checkin_id,
    }


def invitation_made(found: View, url: str | None, path: str, listening: bool, note: str) -> JSON:
    """A new invitation or link: ``POST /api/invitations``. ``url`` is the phone listener's
    address with the code (null while the listener is closed; ``path`` is always there)."""
    return {
        "id": found.id,
        "url": url,
        "path": path,
        "expires": _when(found.expires),
        "listening": listening,
        "note": note,
    }


def device(found: Device) -> JSON:
    """A paired phone: ``GET /api/devices`` (times in UTC, ISO 8601)."""
    return {
        "id": found.id,
        "name": found.name,
        "paired": _utc(found.paired),
        "last_seen": _utc(found.last_seen) if found.last_seen else None,
    }


def pairing(url: str, expires: datetime) -> JSON:
    """A one-time pairing link just made: ``POST /api/devices/pair``."""
    return {"url": url, "expires": _utc(expires)}


def _utc(moment: datetime) -> str:
    """A kept time (naive UTC), written with its zone."""
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")
