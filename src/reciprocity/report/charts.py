"""Chart data: plain dataclasses computed from patterns, with no web framework involved.

Each chart is drawn by whoever shows it (the web app's templates, the coming
HTML report) as inline SVG from the numbers here: coordinates in a fixed
``viewBox``, season bands, labels and a text alternative. Nothing here knows
about HTML. Tests check these numbers, not pixels.

* ``leaning_chart``: the share of care the user carries in one dimension, one
  point per rolling window that has a reading, with the uncertainty interval
  as a band around it, an "even" line at one half inside the stripe where care
  counts as flowing both ways (``zone``), and seasons shaded. Up means the user
  carries more, down means the other person does. A window with too little to
  say is never drawn as a value (an empty window's estimate is exactly
  "even", and three notes one way sit well above it): it breaks the line and
  gets a mark of its own (``unread``), and the text alternative says how many
  there are. The points are the very estimates the reading comes from, so the
  latest point sits on the side of the even line its label names.
* ``energy_chart``: the mean energy per window (-2 drained .. +2 nourished),
  with its interval, a line at zero, seasons shaded; windows with too few
  ratings to say anything leave a gap and an ``unread`` mark likewise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reciprocity.coach import terms
from reciprocity.patterns import DimensionPattern, EnergyPattern, EnergyState, Leaning, SeasonSpan
from reciprocity.vocabulary import ENERGY_MAX, ENERGY_MIN

WIDTH = 600
"""The chart's ``viewBox`` width; it scales to the page."""
HEIGHT = 180
TOP = 22.0
"""Room above the plot for the upper label."""
BOTTOM = 158.0
"""The plot's lowest y; below it the lower label and the dates."""


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One window: where it sits, its value and interval (in chart and in data units)."""

    start: date
    end: date
    x: float
    y: float
    y_low: float
    y_high: float
    value: float
    low: float
    high: float
    known: bool
    """False when the window had too little to say anything ("not enough to say")."""
    in_season: bool


@dataclass(frozen=True, slots=True)
class Unread:
    """A window with too little noted to say anything: a gap in the line, marked at ``x``."""

    start: date
    end: date
    x: float


@dataclass(frozen=True, slots=True)
class SeasonBand:
    """A shaded stretch of the x axis: a season, clipped to the chart's dates."""

    x: float
    width: float
    label: str


@dataclass(frozen=True, slots=True)
class AxisLabel:
    x: float
    y: float
    text: str


@dataclass(frozen=True, slots=True)
class LineChart:
    """Everything needed to draw one chart as SVG, in ``viewBox`` units."""

    key: str
    title: str
    description: str
    """A text alternative for people who do not see the chart."""
    width: int
    height: int
    points: tuple[ChartPoint, ...]
    lines: tuple[str, ...]
    """Polyline ``points`` attributes, one per unbroken run of windows."""
    bands: tuple[str, ...]
    """Polygon ``points`` attributes of the uncertainty band, one per run."""
    reference_y: float
    """The even line (share one half) or the zero line (energy)."""
    seasons: tuple[SeasonBand, ...]
    labels: tuple[AxisLabel, ...]
    unread: tuple[Unread, ...] = ()
    """Windows with too little to say anything: drawn as marks of their own, not points."""
    zone: tuple[float, float] | None = None
    """The y of the top and bottom of the stripe where care counts as flowing both ways."""

    @property
    def empty(self) -> bool:
        """Nothing to draw: no window says anything (hollow dots near the middle are no reading)."""
        return not any(p.known for p in self.points)

    @property
    def plot_top(self) -> float:
        return TOP

    @property
    def plot_bottom(self) -> float:
        return BOTTOM


def leaning_chart(
    reading: DimensionPattern, seasons: Iterable[SeasonSpan], *, name: str
) -> LineChart:
    """The leaning of one dimension over time, with its uncertainty and seasons."""
    windows = reading.windows
    start, end = _domain([(w.start, w.end) for w in windows])

    def to_y(share: float) -> float:
        return _scale(share, 0.0, 1.0)

    runs: list[list[ChartPoint]] = [[]]
    unread: list[Unread] = []
    for w in windows:
        x = _x(w.start, w.end, start, end)
        if w.estimate.leaning is Leaning.UNKNOWN:
            unread.append(Unread(w.start, w.end, x))
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(
            ChartPoint(
                start=w.start,
                end=w.end,
                x=x,
                y=to_y(w.estimate.share_me),
                y_low=to_y(w.estimate.low),
                y_high=to_y(w.estimate.high),
                value=_r(w.estimate.share_me),
                low=_r(w.estimate.low),
                high=_r(w.estimate.high),
                known=True,
                in_season=w.in_season,
            )
        )
    points = tuple(p for run in runs for p in run)
    title = terms.CHART_LEANING_TITLE.format(dimension=terms.dimension_title(reading.dimension))
    labels = (
        AxisLabel(4.0, TOP - 8.0, terms.CHART_UP_ME),
        AxisLabel(4.0, to_y(0.5) - 4.0, terms.CHART_EVEN),
        AxisLabel(4.0, BOTTOM + 12.0, terms.CHART_DOWN_THEM.format(name=name)),
        *date_labels(start, end),
    )
    band = reading.mutual_band
    return LineChart(
        key=f"leaning-{reading.dimension}",
        title=title,
        description=_describe_leaning(title, reading, len(unread)),
        width=WIDTH,
        height=HEIGHT,
        points=points,
        lines=tuple(_polyline(run) for run in runs if run),
        bands=tuple(_band(run) for run in runs if run),
        reference_y=to_y(0.5),
        seasons=season_bands(seasons, start, end, name),
        labels=labels,
        unread=tuple(unread),
        zone=(to_y(0.5 + band), to_y(0.5 - band)),
    )


def energy_chart(energy: EnergyPattern, seasons: Iterable[SeasonSpan], *, name: str) -> LineChart:
    """How time together has felt, window by window, with gaps where nothing was noted."""
    windows = energy.reading.windows
    start, end = _domain([(w.start, w.end) for w in windows])

    def to_y(value: float) -> float:
        return _scale(value, float(ENERGY_MIN), float(ENERGY_MAX))

    runs: list[list[ChartPoint]] = [[]]
    points: list[ChartPoint] = []
    unread: list[Unread] = []
    for w in windows:
        if w.mean is None or w.state is EnergyState.UNKNOWN:
            unread.append(Unread(w.start, w.end, _x(w.start, w.end, start, end)))
            if runs[-1]:
                runs.append([])
            continue
        low = w.mean if w.low is None else w.low
        high = w.mean if w.high is None else w.high
        point = ChartPoint(
            start=w.start,
            end=w.end,
            x=_x(w.start, w.end, start, end),
            y=to_y(w.mean),
            y_low=to_y(max(ENERGY_MIN, low)),
            y_high=to_y(min(ENERGY_MAX, high)),
            value=_r(w.mean),
            low=_r(low),
            high=_r(high),
            known=True,
            in_season=w.in_season,
        )
        points.append(point)
        runs[-1].append(point)
    title = terms.CHART_ENERGY_TITLE.format(name=name)
    labels = (
        AxisLabel(4.0, TOP - 8.0, terms.CHART_NOURISHED),
        AxisLabel(4.0, to_y(0.0) - 4.0, terms.CHART_NEUTRAL),
        AxisLabel(4.0, BOTTOM + 12.0, terms.CHART_DRAINED),
        *date_labels(start, end),
    )
    return LineChart(
        key="energy",
        title=title,
        description=_with_gaps(f"{title}. {_sentence(energy.label)}", len(unread), len(windows)),
        width=WIDTH,
        height=HEIGHT,
        points=tuple(points),
        lines=tuple(_polyline(run) for run in runs if run),
        bands=tuple(_band(run) for run in runs if run),
        reference_y=to_y(0.0),
        seasons=season_bands(seasons, start, end, name),
        labels=labels,
        unread=tuple(unread),
    )


# -- geometry ---------------------------------------------------------------


def _r(value: float) -> float:
    return round(value, 3) + 0.0


def _domain(spans: Sequence[tuple[date, date]]) -> tuple[date, date]:
    """From the first reading (the first window's last day) to the latest one."""
    if not spans:
        return date.min, date.min  # an empty chart: no dates, no seasons
    return min(e for _, e in spans), max(e for _, e in spans)


def _position(day: date, start: date, end: date) -> float:
    total = (end - start).days
    if total <= 0:
        return WIDTH / 2
    return round(WIDTH * (day - start).days / total, 1)


def _x(window_start: date, window_end: date, start: date, end: date) -> float:
    """A window sits at its last day: the reading is as of that day."""
    return _position(window_end, start, end)


def _scale(value: float, low: float, high: float) -> float:
    """Map ``low..high`` onto the plot, ``high`` at the top."""
    fraction = (min(high, max(low, value)) - low) / (high - low)
    return round(BOTTOM - fraction * (BOTTOM - TOP), 1)


def _polyline(run: Sequence[ChartPoint]) -> str:
    return " ".join(f"{p.x:g},{p.y:g}" for p in run)


def _band(run: Sequence[ChartPoint]) -> str:
    upper = [f"{p.x:g},{p.y_high:g}" for p in run]
    lower = [f"{p.x:g},{p.y_low:g}" for p in reversed(run)]
    return " ".join(upper + lower)


def season_bands(
    seasons: Iterable[SeasonSpan], start: date, end: date, name: str
) -> tuple[SeasonBand, ...]:
    from reciprocity.coach.suggestions import season_phrase

    bands = []
    for season in sorted(seasons, key=lambda s: s.start):
        first = max(season.start, start)
        last = min(season.end or end, end)
        if last < first or start == end:
            continue
        x = _position(first, start, end)
        bands.append(
            SeasonBand(
                x=x,
                width=round(max(1.0, _position(last, start, end) - x), 1),
                label=season_phrase(str(season.kind), season.whose, name),
            )
        )
    return tuple(bands)


def date_labels(start: date, end: date) -> tuple[AxisLabel, ...]:
    if start == end:
        return ()
    return (
        AxisLabel(0.0, HEIGHT - 2.0, start.strftime("%b %Y")),
        AxisLabel(float(WIDTH), HEIGHT - 2.0, end.strftime("%b %Y")),
    )


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


def _describe_leaning(title: str, reading: DimensionPattern, unread: int) -> str:
    """The text alternative: the reading in the label's own words, what it needs, the gaps."""
    text = f"{title}. {_sentence(reading.label)}"
    if reading.need:
        text += " " + reading.need
    if reading.in_season:
        text += " " + terms.CHART_IN_SEASON
    return _with_gaps(text, unread, len(reading.windows))


def _with_gaps(text: str, unread: int, total: int) -> str:
    if unread == 0:
        return text
    if unread == total:
        return f"{text} {terms.CHART_ALL_GAPS}"
    return f"{text} " + terms.CHART_GAPS.format(count=unread, total=total)
