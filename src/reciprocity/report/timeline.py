"""The timeline of one relationship: how each dimension leaned, month by month, with seasons.

One row per dimension and one column per window of the analysis (each column
covers the month up to a window's last day, read from the whole window), so
the four dimensions can be read together with the seasons shaded across them.
Beside each row, its *standing* says plainly whether an imbalance is chronic
or temporary:

* ``chronic``: the resting pattern outside any season (``patterns.chronic``);
* ``season``: one-sided inside a season, which is expected;
* ``change``: a recent turn after a mutual stretch, too early to be a pattern;
* ``passing``: one-sided lately, but not the resting pattern;
* ``mutual`` and ``unknown``: flowing both ways, or too little to say.

A season comes first, as on the web app's badges: inside one, needing more is
expected, and a season is never a reason to step back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reciprocity.coach import report as words
from reciprocity.coach.suggestions import season_phrase
from reciprocity.coach.terms import dimension_title
from reciprocity.patterns import Change, DimensionPattern, Leaning, RelationshipPattern, SeasonSpan
from reciprocity.report.charts import AxisLabel, SeasonBand, date_labels, season_bands
from reciprocity.vocabulary import Dimension

WIDTH = 600
SEASON_TOP = 4.0
SEASON_HEIGHT = 12.0
FIRST_ROW = 34.0
ROW_HEIGHT = 16.0
ROW_STEP = 32.0
"""From one row's top to the next: the row and the line of text above it."""


@dataclass(frozen=True, slots=True)
class TimelineCell:
    start: date
    end: date
    x: float
    width: float
    state: str
    """``me``, ``them``, ``mutual`` or ``unknown``: the leaning of the window ending at ``end``."""
    in_season: bool


@dataclass(frozen=True, slots=True)
class TimelineRow:
    dimension: Dimension
    title: str
    y: float
    label_y: float
    cells: tuple[TimelineCell, ...]
    standing: str
    statement: str
    """The standing in plain words: chronic or temporary, and why."""


@dataclass(frozen=True, slots=True)
class Timeline:
    key: str
    title: str
    description: str
    width: int
    height: int
    season_y: float
    season_height: float
    row_height: float
    plot_top: float
    plot_bottom: float
    rows: tuple[TimelineRow, ...]
    seasons: tuple[SeasonBand, ...]
    labels: tuple[AxisLabel, ...]

    @property
    def empty(self) -> bool:
        """Nothing to draw: no month of any dimension says which way care leaned."""
        return all(cell.state == "unknown" for row in self.rows for cell in row.cells)


def standing(reading: DimensionPattern) -> str:
    """Whether an imbalance is chronic or temporary (see the module notes)."""
    one_sided = reading.leaning.one_sided
    if one_sided and reading.in_season:
        return "season"
    if reading.chronic:
        return "chronic"
    if one_sided and reading.change in (Change.TOWARD_ME, Change.TOWARD_THEM):
        return "change"
    if one_sided:
        return "passing"
    return "mutual" if reading.leaning is Leaning.MUTUAL else "unknown"


def statement(reading: DimensionPattern, pattern: RelationshipPattern) -> str:
    key = standing(reading)
    season = pattern.season
    named = (
        season_phrase(season.kind, season.whose, pattern.person)
        if season is not None
        else season_phrase("other", "me", pattern.person)
    )
    return words.STANDING[key].format(label=reading.label, season=named)


def timeline(pattern: RelationshipPattern, seasons: Iterable[SeasonSpan]) -> Timeline:
    """The month-by-month grid of one relationship's four dimensions, with seasons."""
    ends = sorted({w.end for reading in pattern.dimensions.values() for w in reading.windows})
    if len(ends) >= 2:
        start = ends[0] - (ends[1] - ends[0])
    elif ends:
        start = min(w.start for r in pattern.dimensions.values() for w in r.windows)
    else:
        start = pattern.today
    end = ends[-1] if ends else pattern.today

    def at(day: date) -> float:
        total = (end - start).days
        return 0.0 if total <= 0 else round(WIDTH * (day - start).days / total, 1)

    rows = []
    for index, (dimension, reading) in enumerate(pattern.dimensions.items()):
        y = FIRST_ROW + index * ROW_STEP
        cells = []
        previous = start
        for window in reading.windows:
            x = at(previous)
            cells.append(
                TimelineCell(
                    start=previous,
                    end=window.end,
                    x=x,
                    width=round(at(window.end) - x, 1),
                    state=str(window.estimate.leaning),
                    in_season=window.in_season,
                )
            )
            previous = window.end
        rows.append(
            TimelineRow(
                dimension=dimension,
                title=dimension_title(dimension),
                y=y,
                label_y=y - 4.0,
                cells=tuple(cells),
                standing=standing(reading),
                statement=statement(reading, pattern),
            )
        )
    bottom = FIRST_ROW + (len(rows) - 1) * ROW_STEP + ROW_HEIGHT if rows else FIRST_ROW
    height = int(bottom + 22)
    labels = tuple(
        AxisLabel(label.x, bottom + 16.0, label.text) for label in date_labels(start, end)
    )
    parts = " ".join(f"{row.title}: {row.statement}" for row in rows)
    return Timeline(
        key="timeline",
        title=words.TIMELINE_CHART_TITLE,
        description=words.TIMELINE_DESCRIPTION.format(
            title=words.TIMELINE_CHART_TITLE, parts=parts
        ),
        width=WIDTH,
        height=height,
        season_y=SEASON_TOP,
        season_height=SEASON_HEIGHT,
        row_height=ROW_HEIGHT,
        plot_top=FIRST_ROW,
        plot_bottom=bottom,
        rows=tuple(rows),
        seasons=season_bands(seasons, start, end, pattern.person),
        labels=labels,
    )
