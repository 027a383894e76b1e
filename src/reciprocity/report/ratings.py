"""Audit ratings as plain data, and the two charts drawn from them.

A rating says how mutual a dimension feels (1 heavily one-directional .. 5
roughly mutual) and which way it leans. Both charts place a rating on one
signed axis, its *lean*: 0 at roughly mutual, up to +4 when the user carries
all of it and down to -4 when the other person does, so that the direction is
never lost and either way reads as gently as the other.

* ``trend_chart``: one small panel per dimension (and overall), one dot per
  audit, the dashed middle line at roughly mutual; up means the user carried
  more, as in the leaning charts of ``report.charts``.
* ``felt_chart``: per dimension, the felt rating of the latest audit (a filled
  dot) beside the rating the notes suggest (an open ring), on a horizontal
  lean axis: left the other person carries more, right the user does.

Pure functions returning dataclasses in ``viewBox`` units, like
``report.charts``; templates draw them, tests check their numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from reciprocity.coach import report as words
from reciprocity.coach.terms import day_words, dimension_title
from reciprocity.patterns import RelationshipPattern
from reciprocity.vocabulary import RATING_MAX, RATING_MIN, Dimension, Direction

LEAN_MAX = RATING_MAX - RATING_MIN
"""The furthest a rating can sit from roughly mutual: 4."""
OVERALL = "overall"
"""The key of the overall rating beside the four dimensions."""

WIDTH = 600
TREND_HEIGHT = 166
TREND_TOP = 44.0
TREND_BOTTOM = 136.0
TREND_MARGIN = 18.0
"""Room above and below the plot, inside each panel's frame, for the numbers by the dots."""
PANEL_PAD = 16.0
FELT_HEIGHT = 156
FELT_LEFT = 170.0
FELT_RIGHT = 590.0
FELT_FIRST_ROW = 44.0
FELT_ROW_STEP = 30.0


def lean(rating: int, direction: Direction | str) -> int:
    """A rating on the signed axis: 0 roughly mutual, +4 the user carries all, -4 the other."""
    side = Direction(direction)
    if side is Direction.MUTUAL:
        return 0
    return (RATING_MAX - rating) * (1 if side is Direction.ME else -1)


@dataclass(frozen=True, slots=True)
class Rated:
    """One rating from an audit: how mutual, which way, and what was written beside it."""

    rating: int
    direction: Direction
    vision: str | None = None
    answers: Mapping[str, str] = field(default_factory=dict)
    """The answers to the guiding questions, by question key."""

    @property
    def lean(self) -> int:
        return lean(self.rating, self.direction)


@dataclass(frozen=True, slots=True)
class AuditSnapshot:
    """One relationship's part of one audit."""

    audit_id: int
    on: date
    overall: Rated
    dimensions: Mapping[Dimension, Rated]

    def rated(self, key: Dimension | str) -> Rated | None:
        """The rating of a dimension, or the overall one for ``"overall"``."""
        if key == OVERALL:
            return self.overall
        return self.dimensions.get(Dimension(key))

    @property
    def visions(self) -> tuple[tuple[str, Rated], ...]:
        """``(key, rating)`` for every rating that carries a vision, dimensions first."""
        keys: list[str] = [*(str(d) for d in Dimension), OVERALL]
        found = [(key, self.rated(key)) for key in keys]
        return tuple((key, r) for key, r in found if r is not None and (r.vision or "").strip())


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"
    """The SVG ``text-anchor``: ``start``, ``middle`` or ``end``."""


@dataclass(frozen=True, slots=True)
class ScalePoint:
    """A rating placed on the chart."""

    on: date | None
    rating: int
    direction: Direction
    lean: int
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class TrendPanel:
    key: str
    title: str
    x: float
    width: float
    points: tuple[ScalePoint, ...]
    line: str
    """A polyline ``points`` attribute through the panel's dots (empty for one dot)."""


@dataclass(frozen=True, slots=True)
class TrendChart:
    key: str
    title: str
    description: str
    width: int
    height: int
    top: float
    bottom: float
    margin: float
    reference_y: float
    panels: tuple[TrendPanel, ...]
    labels: tuple[Label, ...]

    @property
    def empty(self) -> bool:
        return not any(panel.points for panel in self.panels)


def _lean_y(value: int) -> float:
    middle = (TREND_TOP + TREND_BOTTOM) / 2
    return round(middle - value / LEAN_MAX * (TREND_BOTTOM - TREND_TOP) / 2, 1)


def _title(key: str) -> str:
    return words.OVERALL if key == OVERALL else words.DIMENSION_SHORT[Dimension(key)]


def trend_chart(audits: Sequence[AuditSnapshot], *, name: str) -> TrendChart:
    """How each rating moved across audits (oldest first), one panel per dimension."""
    ordered = sorted(audits, key=lambda a: (a.on, a.audit_id))
    keys = [*(str(d) for d in Dimension), OVERALL]
    width = WIDTH / len(keys)
    first = ordered[0].on if ordered else None
    span = (ordered[-1].on - ordered[0].on).days if ordered else 0
    panels = []
    parts = []
    for index, key in enumerate(keys):
        left = round(index * width, 1)
        points = []
        for audit in ordered:
            rated = audit.rated(key)
            if rated is None:
                continue
            if span <= 0 or first is None:
                x = left + width / 2
            else:
                x = left + PANEL_PAD + (width - 2 * PANEL_PAD) * (audit.on - first).days / span
            points.append(
                ScalePoint(
                    audit.on,
                    rated.rating,
                    rated.direction,
                    rated.lean,
                    round(x, 1),
                    _lean_y(rated.lean),
                )
            )
        line = " ".join(f"{p.x:g},{p.y:g}" for p in points) if len(points) > 1 else ""
        panels.append(TrendPanel(key, _title(key), left, round(width, 1), tuple(points), line))
        if points:
            ratings = ", ".join(
                words.TREND_CELL.format(rating=p.rating, leans=words.leans(p.direction, name))
                for p in points
            )
            parts.append(words.TREND_PART.format(dimension=_title(key), ratings=ratings))
    labels = tuple(Label(p.x + p.width / 2, 14.0, p.title, "middle") for p in panels)
    description = (
        words.TREND_DESCRIPTION.format(
            title=words.TREND_CHART_TITLE,
            first=day_words(ordered[0].on),
            last=day_words(ordered[-1].on),
            parts=" ".join(parts),
        )
        if ordered
        else words.TREND_CHART_TITLE
    )
    return TrendChart(
        key="trend",
        title=words.TREND_CHART_TITLE,
        description=description,
        width=WIDTH,
        height=TREND_HEIGHT,
        top=TREND_TOP,
        bottom=TREND_BOTTOM,
        margin=TREND_MARGIN,
        reference_y=_lean_y(0),
        panels=tuple(panels),
        labels=labels,
    )


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    dimension: Dimension
    title: str
    y: float
    felt: ScalePoint | None
    evidence: ScalePoint | None


@dataclass(frozen=True, slots=True)
class FeltChart:
    key: str
    title: str
    description: str
    width: int
    height: int
    left: float
    right: float
    reference_x: float
    ticks: tuple[float, ...]
    """x of every whole step of lean, -4 .. +4."""
    rows: tuple[ComparisonRow, ...]
    labels: tuple[Label, ...]

    @property
    def empty(self) -> bool:
        return not any(row.felt or row.evidence for row in self.rows)


def _lean_x(value: int) -> float:
    middle = (FELT_LEFT + FELT_RIGHT) / 2
    return round(middle + value / LEAN_MAX * (FELT_RIGHT - FELT_LEFT) / 2, 1)


def felt_chart(pattern: RelationshipPattern, *, name: str) -> FeltChart:
    """The felt rating of each dimension beside the rating the notes suggest."""
    rows = []
    parts = []
    for index, (dimension, reading) in enumerate(pattern.dimensions.items()):
        y = FELT_FIRST_ROW + index * FELT_ROW_STEP
        felt = None
        if reading.felt is not None:
            value = lean(reading.felt.rating, reading.felt.direction)
            felt = ScalePoint(
                None, reading.felt.rating, reading.felt.direction, value, _lean_x(value), y
            )
        evidence = None
        if reading.suggested is not None:
            value = lean(reading.suggested.rating, reading.suggested.direction)
            evidence = ScalePoint(
                None,
                reading.suggested.rating,
                reading.suggested.direction,
                value,
                _lean_x(value),
                y,
            )
        title = dimension_title(dimension)
        rows.append(ComparisonRow(dimension, title, y, felt, evidence))
        parts.append(
            words.FELT_PART.format(
                dimension=title, felt=_value(felt, name), suggested=_value(evidence, name)
            )
        )
    labels = (
        Label(FELT_LEFT, 14.0, words.FELT_LEFT.format(name=name), "start"),
        Label(_lean_x(0), 14.0, words.FELT_MIDDLE, "middle"),
        Label(FELT_RIGHT, 14.0, words.FELT_RIGHT, "end"),
        *(Label(8.0, row.y + 4.0, row.title) for row in rows),
    )
    return FeltChart(
        key="felt",
        title=words.FELT_CHART_TITLE,
        description=f"{words.FELT_CHART_TITLE}. {' '.join(parts)}",
        width=WIDTH,
        height=FELT_HEIGHT,
        left=FELT_LEFT,
        right=FELT_RIGHT,
        reference_x=_lean_x(0),
        ticks=tuple(_lean_x(v) for v in range(-LEAN_MAX, LEAN_MAX + 1)),
        rows=tuple(rows),
        labels=labels,
    )


def _value(point: ScalePoint | None, name: str) -> str:
    if point is None:
        return words.FELT_NONE
    return words.FELT_VALUE.format(rating=point.rating, leans=words.leans(point.direction, name))
