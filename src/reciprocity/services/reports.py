"""Reports and worksheets as finished files: which format, and their bytes.

The one service behind ``reciprocity report`` and the web app's downloads:
read what a report shows (everyone, or one person) into a ``Draft``, then make
the file: the HTML (``report.html``), or the PDF (``report.pdf``, which lays a
report on many people out relationship by relationship, across the cores).
Writing the file (atomically) is the command line's part; the web app sends it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reciprocity.coach import report as words
from reciprocity.errors import InputError
from reciprocity.model import (
    AuditEntry,
    Boundary,
    CheckIn,
    Invitation,
    Person,
    Ritual,
    RitualMember,
    Season,
    Win,
)
from reciprocity.model.person import all_people
from reciprocity.practices.schedule import standing
from reciprocity.report.content import (
    KEPT_BOUNDARIES,
    WINS_SHOWN,
    AdjustmentEntry,
    BoundaryEntry,
    Practices,
    Report,
    RitualEntry,
    SeasonEntry,
    TwoSided,
    WinEntry,
    build,
)
from reciprocity.report.ratings import AuditSnapshot, Rated
from reciprocity.report.worksheet import Worksheet, worksheet
from reciprocity.services import lookup
from reciprocity.services.lookup import PersonRef
from reciprocity.services.patterns import all_patterns, pattern_of
from reciprocity.store import Database
from reciprocity.vocabulary import AdjustmentOutcome


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"

    @property
    def media_type(self) -> str:
        return "text/html; charset=utf-8" if self is Format.HTML else "application/pdf"


SUFFIXES = {".html": Format.HTML, ".htm": Format.HTML, ".pdf": Format.PDF}


def format_of(path: Path) -> Format:
    """The format a file name asks for; anything but .html or .pdf is refused."""
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InputError(words.UNKNOWN_EXTENSION.format(path=path))
    return found


@dataclass(frozen=True, slots=True)
class Draft:
    """A report or worksheet read from the store, ready to be made into a file of either format."""

    names: tuple[str, ...]
    """Who it covers, as stored: everyone a report is on, or the one a worksheet is for."""
    html: Callable[[], str]
    pdf: Callable[[], bytes]

    def file(self, kind: Format) -> bytes:
        """The file's bytes: the HTML itself, or the PDF."""
        return self.html().encode("utf-8") if kind is Format.HTML else self.pdf()


def report_draft(db: Database, *, today: date, name: PersonRef | None = None) -> Draft:
    """The report on everyone, or on the person called ``name`` (close names are offered)."""
    from reciprocity.report.html import render_report
    from reciprocity.report.pdf import report_pdf

    with db.transaction() as session:
        report = gather(session, today=today, who=name)
    return Draft(
        tuple(r.name for r in report.relationships),
        lambda: render_report(report),
        lambda: report_pdf(report),
    )


def worksheet_draft(db: Database, *, today: date, name: PersonRef | None = None) -> Draft:
    """The worksheet: blank, or for the person called ``name``, filled from their latest audit."""
    from reciprocity.report.html import render_worksheet
    from reciprocity.report.pdf import pdf_from_html

    with db.transaction() as session:
        sheet = gather_worksheet(session, today=today, who=name)
    return Draft(
        (sheet.person,) if sheet.person else (),
        lambda: render_worksheet(sheet),
        lambda: pdf_from_html(render_worksheet(sheet)),
    )


# -- reading what the report shows ---------------------------------------------


def gather(session: Session, *, today: date, who: PersonRef | None = None) -> Report:
    """The report on everyone, or on the person called ``name`` (close names are offered)."""
    if who is not None:
        person = lookup.person(session, who)
        people = [person]
        patterns = {person.name: pattern_of(session, person, today=today)}
    else:
        patterns = {p.person: p for p in all_patterns(session, today=today)}
        people = all_people(session)
    only = [p.id for p in people] if who is not None else None
    mine = [_season(s) for s in session.scalars(select(Season).where(Season.person_id.is_(None)))]
    practices = _practices(session, today, only)
    relationships = tuple(
        build(
            name=person.name,
            kind=person.kind,
            my_care=person.my_care,
            their_care=person.their_care,
            pattern=patterns[person.name],
            audits=[snapshot(entry) for entry in person.audit_entries],
            seasons=[*(_season(s) for s in person.seasons), *mine],
            practices=practices.get(person.id, Practices()),
        )
        for person in people
    )
    return Report(
        today=today, person=people[0].name if who is not None else None, relationships=relationships
    )


def snapshot(entry: AuditEntry) -> AuditSnapshot:
    """One audit entry as plain data."""
    return AuditSnapshot(
        audit_id=entry.audit.id,
        on=entry.audit.on,
        overall=Rated(entry.rating, entry.direction, entry.vision),
        dimensions={
            r.dimension: Rated(
                r.rating,
                r.direction,
                r.vision,
                _answers(r.answers),
            )
            for r in entry.ratings
        },
    )


def _answers(answers: Iterable[object]) -> dict[str, str]:
    """The answers that were given, by question key."""
    found = {}
    for answer in answers:
        if isinstance(answer, dict):
            text = str(answer.get("answer") or "").strip()
            if text:
                found[str(answer.get("key"))] = text
    return found


def latest_snapshot(person: Person) -> AuditSnapshot | None:
    entries = sorted(person.audit_entries, key=lambda e: (e.audit.on, e.audit.id))
    return snapshot(entries[-1]) if entries else None


def _season(season: Season) -> SeasonEntry:
    return SeasonEntry(season.start, season.end, season.kind, season.whose, season.note)


def _two_sided(session: Session, only: list[int] | None) -> dict[int, TwoSided]:
    """Each person's latest invitation both have answered, as plain data, by person id."""
    query = (
        select(Invitation)
        .where(Invitation.friend_answers.is_not(None), Invitation.user_answers.is_not(None))
        .order_by(Invitation.created_at, Invitation.id)
    )
    if only is not None:
        query = query.where(Invitation.person_id.in_(only))
    found: dict[int, TwoSided] = {}
    for invitation in session.scalars(query):
        answered = [t for t in (invitation.user_answered_at, invitation.friend_answered_at) if t]
        found[invitation.person_id] = TwoSided(
            on=max(answered).date(),
            kind=invitation.kind.value,
            yours=dict(invitation.user_answers or {}),
            theirs=dict(invitation.friend_answers or {}),
        )
    return found


def _practices(session: Session, today: date, only: list[int] | None) -> dict[int, Practices]:
    """Check-ins, requests, rituals and wins, grouped by person id, in four queries."""
    checkins: dict[int, list[CheckIn]] = defaultdict(list)
    held_query = (
        select(CheckIn).options(selectinload(CheckIn.adjustments)).order_by(CheckIn.on, CheckIn.id)
    )
    if only is not None:
        held_query = held_query.where(CheckIn.person_id.in_(only))
    for checkin in session.scalars(held_query):
        checkins[checkin.person_id].append(checkin)
    boundaries: dict[int, list[BoundaryEntry]] = defaultdict(list)
    kept_query = (
        select(Boundary)
        .where(Boundary.person_id.is_not(None), Boundary.status.in_(KEPT_BOUNDARIES))
        .order_by(Boundary.since, Boundary.id)
    )
    if only is not None:
        kept_query = kept_query.where(Boundary.person_id.in_(only))
    for boundary in session.scalars(kept_query):
        boundaries[boundary.person_id or 0].append(
            BoundaryEntry(
                boundary.area, boundary.request, boundary.status, boundary.since, boundary.review_on
            )
        )
    rituals: dict[int, list[RitualEntry]] = defaultdict(list)
    for ritual in session.scalars(
        select(Ritual)
        .options(
            selectinload(Ritual.person),
            selectinload(Ritual.members).selectinload(RitualMember.person),
            selectinload(Ritual.occurrences),
        )
        .order_by(Ritual.start, Ritual.id)
    ):
        where = standing(ritual.cadence, ritual.records, today)
        entry = RitualEntry(ritual.title, where.kept, ritual.next_host, where.upcoming)
        for person in ritual.people:
            rituals[person.id].append(entry)
    wins: dict[int, list[WinEntry]] = defaultdict(list)
    wins_query = (
        select(Win).where(Win.person_id.is_not(None)).order_by(Win.on.desc(), Win.id.desc())
    )
    if only is not None:
        wins_query = wins_query.where(Win.person_id.in_(only))
    for win in session.scalars(wins_query):
        wins[win.person_id or 0].append(WinEntry(win.on, win.text))
    both = _two_sided(session, only)
    found: dict[int, Practices] = {}
    for person_id in {*checkins, *boundaries, *rituals, *wins, *both}:
        held = checkins.get(person_id, [])
        last = held[-1] if held else None
        found[person_id] = Practices(
            last_checkin=last.on if last else None,
            next_checkin=last.next_on if last else None,
            adjustments=tuple(
                AdjustmentEntry(c.on, a.text, a.outcome)
                for c in reversed(held)
                for a in c.adjustments
                if a.outcome is not AdjustmentOutcome.HAPPENED
            ),
            boundaries=tuple(boundaries.get(person_id, [])),
            rituals=tuple(rituals.get(person_id, [])),
            wins=tuple(wins.get(person_id, [])[:WINS_SHOWN]),
            earlier_wins=max(0, len(wins.get(person_id, [])) - WINS_SHOWN),
            two_sided=both.get(person_id),
        )
    return found


def gather_worksheet(session: Session, *, today: date, who: PersonRef | None = None) -> Worksheet:
    """A blank worksheet, or one for the person called ``name``, filled from their latest audit."""
    if who is None:
        return worksheet(today=today)
    person = lookup.person(session, who)
    return worksheet(
        today=today,
        person=person.name,
        latest=latest_snapshot(person),
        my_care=person.my_care,
        their_care=person.their_care,
    )
