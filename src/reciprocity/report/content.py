"""What a report says, as plain data: one ``RelationshipReport`` per relationship.

``gather`` reads what is stored (people, audits, seasons, check-ins,
boundaries, rituals, small wins) and the patterns from ``overview``, copies it
into frozen dataclasses, and computes every chart's numbers with the chart
functions the web app uses (``report.charts``) and the report's own
(``report.timeline``, ``report.ratings``). ``build`` does the computing from
plain data and touches no database, so tests can call it on hand-built data.
Rendering (``report.html``) only reads these objects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reciprocity.model import (
    AuditEntry,
    Boundary,
    CheckIn,
    Person,
    Ritual,
    RitualMember,
    Season,
    Win,
)
from reciprocity.model.person import all_people, find_person
from reciprocity.patterns import RelationshipPattern
from reciprocity.practices.schedule import Kept, standing
from reciprocity.report.charts import LineChart, energy_chart, leaning_chart
from reciprocity.report.ratings import (
    AuditSnapshot,
    FeltChart,
    Rated,
    TrendChart,
    felt_chart,
    trend_chart,
)
from reciprocity.report.timeline import Timeline, timeline
from reciprocity.report.timeline import standing as dimension_standing
from reciprocity.services import patterns as overview
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
    CareStyle,
    Dimension,
    RelationshipKind,
    SeasonKind,
)

WINS_SHOWN = 8
"""The newest small wins shown per relationship; the count of the rest is given."""
KEPT_BOUNDARIES = (BoundaryStatus.ACTIVE, BoundaryStatus.RENEGOTIATED)


@dataclass(frozen=True, slots=True)
class SeasonEntry:
    """A season as the report shows it; satisfies ``patterns.SeasonSpan``."""

    start: date
    end: date | None
    kind: SeasonKind
    whose: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class AdjustmentEntry:
    agreed_on: date
    text: str
    outcome: AdjustmentOutcome | None


@dataclass(frozen=True, slots=True)
class BoundaryEntry:
    area: BoundaryArea
    request: str
    status: BoundaryStatus
    since: date
    review_on: date | None


@dataclass(frozen=True, slots=True)
class RitualEntry:
    title: str
    kept: Kept
    next_host: str | None
    """``"me"``, a name, or None when the ritual does not rotate."""
    upcoming: date | None


@dataclass(frozen=True, slots=True)
class WinEntry:
    on: date
    text: str


@dataclass(frozen=True, slots=True)
class Practices:
    """What is being practised with one person."""

    last_checkin: date | None = None
    next_checkin: date | None = None
    adjustments: tuple[AdjustmentEntry, ...] = ()
    """Agreed at check-ins and not yet known to have happened, newest first."""
    boundaries: tuple[BoundaryEntry, ...] = ()
    rituals: tuple[RitualEntry, ...] = ()
    wins: tuple[WinEntry, ...] = ()
    """The newest ``WINS_SHOWN`` small wins, newest first."""
    earlier_wins: int = 0


@dataclass(frozen=True, slots=True)
class Figures:
    """The numbers behind every chart of one relationship."""

    leaning: dict[Dimension, LineChart]
    energy: LineChart
    timeline: Timeline
    trend: TrendChart
    felt: FeltChart


@dataclass(frozen=True, slots=True)
class RelationshipReport:
    name: str
    kind: RelationshipKind
    my_care: tuple[CareStyle, ...]
    their_care: tuple[CareStyle, ...]
    pattern: RelationshipPattern
    audits: tuple[AuditSnapshot, ...]
    """Every audit that included this person, oldest first."""
    seasons: tuple[SeasonEntry, ...]
    """Theirs and the user's own, by start."""
    practices: Practices
    figures: Figures

    @property
    def latest(self) -> AuditSnapshot | None:
        return self.audits[-1] if self.audits else None

    @property
    def standings(self) -> dict[Dimension, str]:
        """Chronic, temporary (and why), mutual or unknown, per dimension."""
        return {d: dimension_standing(r) for d, r in self.pattern.dimensions.items()}


@dataclass(frozen=True, slots=True)
class Report:
    today: date
    person: str | None
    """The one person the report is about, or None for everyone."""
    relationships: tuple[RelationshipReport, ...]


def build(
    *,
    name: str,
    kind: RelationshipKind,
    my_care: Sequence[CareStyle],
    their_care: Sequence[CareStyle],
    pattern: RelationshipPattern,
    audits: Iterable[AuditSnapshot],
    seasons: Iterable[SeasonEntry],
    practices: Practices | None = None,
) -> RelationshipReport:
    """One relationship's report from plain data: no database, no clock."""
    ordered = tuple(sorted(audits, key=lambda a: (a.on, a.audit_id)))
    spans = tuple(sorted(seasons, key=lambda s: (s.start, s.end or date.max)))
    figures = Figures(
        leaning={
            d: leaning_chart(reading, spans, name=name) for d, reading in pattern.dimensions.items()
        },
        energy=energy_chart(pattern.energy, spans, name=name),
        timeline=timeline(pattern, spans),
        trend=trend_chart(ordered, name=name),
        felt=felt_chart(pattern, name=name),
    )
    return RelationshipReport(
        name=name,
        kind=kind,
        my_care=tuple(my_care),
        their_care=tuple(their_care),
        pattern=pattern,
        audits=ordered,
        seasons=spans,
        practices=practices or Practices(),
        figures=figures,
    )


def gather(session: Session, *, today: date, name: str | None = None) -> Report:
    """The report on everyone, or on the person called ``name`` (close names are offered)."""
    if name is not None:
        person = find_person(session, name)
        people = [person]
        patterns = {person.name: overview.pattern_of(session, person, today=today)}
    else:
        patterns = {p.person: p for p in overview.all_patterns(session, today=today)}
        people = all_people(session)
    only = [p.id for p in people] if name is not None else None
    mine = [
        _season(s) for s in session.scalars(select(Season).where(Season.person_id.is_(None)))
    ]
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
    return Report(today=today, person=people[0].name if name else None, relationships=relationships)


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
    found: dict[int, Practices] = {}
    for person_id in {*checkins, *boundaries, *rituals, *wins}:
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
        )
    return found
