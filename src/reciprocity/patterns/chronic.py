"""Chronic versus temporary: is an imbalance the relationship's resting state?

Temporary asymmetry is not a reason to withdraw, so "chronic" is a deliberately
high bar, judged on the window series of one dimension (oldest first):

Chronic, leaning toward side S (S = me or them), when all of these hold
    1. at least ``chronic_min_consecutive`` (2) consecutive windows lean S
       outside any season;
    2. more than ``chronic_share`` (half) of the ``recent_windows`` (6) windows
       of the recent horizon lean S outside any season. The denominator is the
       whole horizon, not the windows that happen to have data or to lie
       outside seasons, so silence never helps an imbalance look chronic, a
       season can only remove evidence (adding a season never makes anything
       chronic) and the first months of data act as a calibration period;
    3. the latest window (the days up to today) still leans S, in or out of a
       season: if it has eased, that is reported as a change toward mutual
       instead, and if it is quiet, silence is not read as anything.

Detection from self-reports is weak (Vazquez-Montes et al. 2018), hence two
consecutive windows at least and a majority of the horizon, never one window.

Change (only when not chronic; the latest window with a known leaning must be
recent and outside seasons)
    * toward S: the latest known windows lean S, and before that run, within
      ``change_lookback_months``, at least ``calibration_windows`` windows had a
      known leaning and most of them were mutual. A recent turn is reported as a
      change to reflect on, not yet as chronic.
    * toward mutual: the latest known windows are mutual, and the
      ``chronic_min_consecutive`` known windows just before them leaned one way.
      A small win worth noticing.
Windows with an unknown leaning are skipped when walking the series: silence
neither extends nor breaks a run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reciprocity.patterns.leaning import Leaning, WindowLeaning
from reciprocity.patterns.settings import PatternSettings


class Change(StrEnum):
    """A recent turn in a dimension's leaning."""

    TOWARD_ME = "toward-me"
    TOWARD_THEM = "toward-them"
    TOWARD_MUTUAL = "toward-mutual"


_TOWARD = {Leaning.ME: Change.TOWARD_ME, Leaning.THEM: Change.TOWARD_THEM}


@dataclass(frozen=True, slots=True)
class Persistence:
    """The chronic and change reading of one dimension.

    ``side`` is the side of a chronic imbalance (``None`` when not chronic);
    ``one_sided`` counts the horizon's windows leaning that way (or, when not
    chronic, the likelier way) outside seasons, out of ``horizon`` windows.
    """

    chronic: bool
    side: Leaning | None
    change: Change | None
    one_sided: int
    horizon: int


def _longest_run(flags: Sequence[bool]) -> int:
    best = run = 0
    for flag in flags:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best


def assess(series: Sequence[WindowLeaning], settings: PatternSettings) -> Persistence:
    """Apply the chronic and change rules above to one dimension's series."""
    size = settings.recent_windows
    horizon = series[-size:]
    latest = horizon[-1].leaning if horizon else Leaning.UNKNOWN
    counts: dict[Leaning, int] = {}
    for side in (Leaning.ME, Leaning.THEM):
        hits = [w.leaning is side and not w.in_season for w in horizon]
        counts[side] = sum(hits)
        if (
            _longest_run(hits) >= settings.chronic_min_consecutive
            and counts[side] > settings.chronic_share * size
            and latest is side
        ):
            return Persistence(True, side, None, counts[side], size)
    likelier = max(counts.values())
    return Persistence(False, None, _change(series, settings), likelier, size)


def _change(series: Sequence[WindowLeaning], settings: PatternSettings) -> Change | None:
    known = [(i, w) for i, w in enumerate(series) if w.leaning is not Leaning.UNKNOWN]
    if not known:
        return None
    last_index, current = known[-1]
    if last_index < len(series) - settings.recent_windows or current.in_season:
        return None
    # Walk back over the current run of identical readings.
    j = len(known) - 1
    while j >= 0 and known[j][1].leaning is current.leaning:
        j -= 1
    before = known[: j + 1]
    if current.leaning.one_sided:
        run_start = known[j + 1][0]
        lookback = math.ceil(settings.change_lookback_months / settings.step_months)
        history = [w for i, w in before if i >= run_start - lookback]
        mutual = sum(w.leaning is Leaning.MUTUAL for w in history)
        if len(history) >= settings.calibration_windows and 2 * mutual > len(history):
            return _TOWARD[current.leaning]
        return None
    need = settings.chronic_min_consecutive
    tail = [w.leaning for _, w in before[-need:]]
    if len(tail) == need and tail[0].one_sided and all(t is tail[0] for t in tail):
        return Change.TOWARD_MUTUAL
    return None
