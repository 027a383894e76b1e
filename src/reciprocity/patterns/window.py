"""Rolling windows: where they start and end, and which of them overlap a season.

Windows end on ``today`` and on the same day of each earlier month (clamped to
the month's length), so a chart reads "the 90 days up to 14 March, up to 14
February, ...". Each window covers ``window_days`` days up to and including its
end. Days are handled as integer offsets from the start of the oldest window,
which lets ``patterns.buckets`` sum any window from prefix sums in O(1).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reciprocity.patterns.inputs import SeasonSpan
from reciprocity.patterns.settings import PatternSettings


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class Window:
    """One window: calendar dates and the matching day offsets (both inclusive)."""

    start: date
    end: date
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Grid:
    """All windows of one analysis, oldest first, plus the recent month slices.

    ``base`` is the day at offset 0. ``slices`` are the non-overlapping steps
    between consecutive window ends in the recent horizon (oldest first), used
    to ask in how many separate months something happened.
    """

    base: date
    today: date
    windows: tuple[Window, ...]
    slices: tuple[Window, ...]

    @property
    def days(self) -> int:
        """Number of day offsets, from ``base`` to ``today`` inclusive."""
        return (self.today - self.base).days + 1

    def offset(self, day: date) -> int:
        return (day - self.base).days


def build_grid(today: date, first_day: date | None, settings: PatternSettings) -> Grid:
    """Windows from the first one that can hold ``first_day`` up to ``today``.

    With no data at all there is still one (empty) window ending today, so
    every result has the same shape. ``history_months`` caps how far back the
    windows reach.
    """
    step = settings.step_months
    ends = [today]
    limit = None if settings.history_months is None else settings.history_months // step
    if first_day is not None:
        k = 1
        while limit is None or k <= limit:
            end = add_months(today, -k * step)
            if end < first_day:
                break
            ends.append(end)
            k += 1
    ends.reverse()
    span = timedelta(days=settings.window_days - 1)
    base = ends[0] - span
    windows = tuple(
        Window(end - span, end, (end - span - base).days, (end - base).days) for end in ends
    )
    slices: list[Window] = []
    for k in range(settings.recent_windows):
        end = add_months(today, -k * step)
        start = max(add_months(today, -(k + 1) * step) + timedelta(days=1), base)
        if end < base:
            break
        slices.append(Window(start, end, (start - base).days, (end - base).days))
    slices.reverse()
    return Grid(base, today, windows, tuple(slices))


@dataclass(frozen=True, slots=True)
class SeasonNote:
    """The season a window overlaps, for the words that explain it."""

    kind: str
    whose: str
    start: date
    end: date | None


def season_marks(
    grid: Grid, seasons: Iterable[SeasonSpan], settings: PatternSettings
) -> tuple[tuple[bool, ...], SeasonNote | None]:
    """Which windows overlap a season, and the season behind the latest window.

    Any overlap of one day or more marks a window as expected asymmetry; an open
    season runs to ``today``; each season keeps counting for
    ``season_grace_days`` after its end. Whose season it is does not matter for
    the mark: either side needing more makes imbalance expected.
    """
    spans: list[tuple[date, date, SeasonSpan]] = []
    grace = timedelta(days=settings.season_grace_days)
    for season in seasons:
        end = season.end
        if end is not None and end < season.start:
            raise ValueError(
                f"a season of {season.kind} for {season.whose} ends ({end}) "
                f"before it starts ({season.start})"
            )
        spans.append((season.start, (grid.today if end is None else end) + grace, season))
    marks = tuple(_overlaps(window, spans) for window in grid.windows)
    note = None
    latest = grid.windows[-1]
    # The most recently started season explains the latest window best.
    for start, stop, season in sorted(spans, key=lambda s: s[0], reverse=True):
        if start <= latest.end and stop >= latest.start:
            note = SeasonNote(str(season.kind), season.whose, season.start, season.end)
            break
    return marks, note


def _overlaps(window: Window, spans: Sequence[tuple[date, date, SeasonSpan]]) -> bool:
    return any(start <= window.end and stop >= window.start for start, stop, _ in spans)
