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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reciprocity.patterns import RelationshipPattern
from reciprocity.practices.schedule import Kept
from reciprocity.report.charts import LineChart, energy_chart, leaning_chart
from reciprocity.report.ratings import (
    AuditSnapshot,
    FeltChart,
    TrendChart,
    felt_chart,
    trend_chart,
)
from reciprocity.report.timeline import Timeline, timeline
from reciprocity.report.timeline import standing as dimension_standing
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
class TwoSided:
    """The latest answers both gave through an invitation (a check-in's three, or the audit's
    four dimensions): "as you see it" beside "as they see it", never a comparison score."""

    on: date
    kind: str
    """``checkin`` or ``audit``."""
    yours: dict[str, Any]
    theirs: dict[str, Any]


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
    two_sided: TwoSided | None = None
    """The latest check-in or audit both answered through an invitation, when there is one."""

    @property
    def empty(self) -> bool:
        """Nothing practised yet: no check-in, adjustment, request, ritual or small win."""
        return (
            self.last_checkin is None
            and self.two_sided is None
            and not (self.adjustments or self.boundaries or self.rituals or self.wins)
        )


@dataclass(frozen=True, slots=True)
class Figures:
    """The numbers behind every chart of one relationship."""

    leaning: dict[Dimension, LineChart]
    energy: LineChart
    timeline: Timeline
    trend: TrendChart
    felt: FeltChart

    @property
    def undrawn(self) -> tuple[Dimension, ...]:
        """The dimensions with nothing to draw month by month: no window says anything."""
        return tuple(d for d, chart in self.leaning.items() if chart.empty)


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
