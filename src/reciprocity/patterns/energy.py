"""Energy: whether time with someone has been leaving the user nourished or drained.

Per window, the mean of the energy ratings (-2 drained .. +2 nourished) is
shrunk toward neutral by ``energy_prior_weight`` imagined neutral ratings, and
carries an interval from its standard error. A window is *drained* only when
its mean is at least ``energy_threshold`` below neutral and the interval lies
below neutral (``nourished`` symmetrically); with fewer than
``energy_min_moments`` ratings it is ``unknown``; anything else is ``mixed``.

The *trend* is the least-squares slope of the window means across the recent
horizon, expressed as the change over the span it covers: ``rising`` or
``falling`` from ``trend_min_change`` energy points, otherwise ``steady``.

*Recurring drain* counts separate months, not overlapping windows, so one hard
month cannot look recurring: of the last ``recent_months`` month slices, at
least ``drain_months`` must each have ``drain_min_moments`` ratings and a
shrunk mean at or below ``-energy_threshold``. Seasons do not excuse drain:
inside a season it is expected, and support from others matters even more.
Recurring drain always points to other support too (other friends, a
professional), never to withdrawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from reciprocity.patterns.buckets import Buckets
from reciprocity.patterns.settings import PatternSettings
from reciprocity.patterns.window import Grid


class EnergyState(StrEnum):
    NOURISHED = "nourished"
    MIXED = "mixed"
    DRAINED = "drained"
    UNKNOWN = "unknown"


class Trend(StrEnum):
    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"
    UNKNOWN = "unknown"


class EnergyWindow(NamedTuple):
    """Energy in one window; ``mean``, ``low`` and ``high`` are None without ratings.

    A named tuple, like ``WindowLeaning``: one per window, cheap to create.
    """

    start: date
    end: date
    moments: int
    mean: float | None
    low: float | None
    high: float | None
    state: EnergyState
    in_season: bool


@dataclass(frozen=True, slots=True)
class EnergyReading:
    """Energy of one relationship: the latest window, the trend, recurring drain."""

    latest: EnergyWindow
    trend: Trend
    trend_change: float | None
    recurring_drain: bool
    draining_months: int
    months: int
    windows: tuple[EnergyWindow, ...]


def energy_window(
    start: date,
    end: date,
    n: int,
    total: int,
    squares: int,
    in_season: bool,
    settings: PatternSettings,
) -> EnergyWindow:
    """Shrunk mean, interval and state of one window's ratings (see module notes)."""
    if n == 0:
        return EnergyWindow(start, end, 0, None, None, None, EnergyState.UNKNOWN, in_season)
    weight = settings.energy_prior_weight
    mean = total / (n + weight)
    spread = squares - total * total / n
    variance = (spread + weight * settings.energy_prior_variance) / (n + weight)
    half = settings.interval_z * math.sqrt(variance / (n + weight))
    low, high = mean - half, mean + half
    threshold = settings.energy_threshold
    if n < settings.energy_min_moments:
        state = EnergyState.UNKNOWN
    elif mean <= -threshold and high < 0:
        state = EnergyState.DRAINED
    elif mean >= threshold and low > 0:
        state = EnergyState.NOURISHED
    else:
        state = EnergyState.MIXED
    return EnergyWindow(start, end, n, mean, low, high, state, in_season)


def _trend(
    windows: Sequence[EnergyWindow], settings: PatternSettings
) -> tuple[Trend, float | None]:
    points = [
        (float(k), w.mean)
        for k, w in enumerate(windows)
        if w.state is not EnergyState.UNKNOWN and w.mean is not None
    ]
    if len(points) < max(2, settings.trend_min_windows):
        return Trend.UNKNOWN, None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    change = slope * (points[-1][0] - points[0][0])
    if change >= settings.trend_min_change:
        return Trend.RISING, change
    if change <= -settings.trend_min_change:
        return Trend.FALLING, change
    return Trend.STEADY, change


def read_energy(
    grid: Grid, buckets: Buckets, marks: Sequence[bool], settings: PatternSettings
) -> EnergyReading:
    """Energy windows, trend and recurring drain for one relationship."""
    windows = tuple(
        energy_window(w.start, w.end, *buckets.energy(w.first, w.last), mark, settings)
        for w, mark in zip(grid.windows, marks, strict=True)
    )
    trend, change = _trend(windows[-settings.recent_windows :], settings)
    draining = 0
    for month in grid.slices:
        n, total, _ = buckets.energy(month.first, month.last)
        shrunk = total / (n + settings.energy_prior_weight)
        if n >= settings.drain_min_moments and shrunk <= -settings.energy_threshold:
            draining += 1
    return EnergyReading(
        latest=windows[-1],
        trend=trend,
        trend_change=change,
        recurring_drain=draining >= settings.drain_months,
        draining_months=draining,
        months=len(grid.slices),
        windows=windows,
    )
