"""Patterns: the pure analysis at the heart of reciprocity.

Which way care leans per dimension over rolling windows (with its
uncertainty), whether an imbalance is chronic or temporary (inside a season,
or a recent change), the energy trend, a suggested rating held beside the
felt one, and suggestions drawn from the practices. Pure functions over plain
data: no I/O, no clock, no database. ``docs/patterns.md`` explains each rule.

Modules, in the order the analysis runs: ``inputs`` (protocols),
``settings``, ``window`` (the grid and seasons), ``buckets`` (one pass over the
flows), ``leaning``, ``chronic``, ``energy``, ``felt``, ``styles``,
``describe`` and ``suggest`` (readings into words), ``result``, ``analysis``
(the ``analyse`` entry point).
"""

from reciprocity.patterns.analysis import analyse
from reciprocity.patterns.chronic import Change
from reciprocity.patterns.energy import EnergyState, EnergyWindow, Trend
from reciprocity.patterns.felt import Agreement, SuggestedRating
from reciprocity.patterns.inputs import FeltRating, FlowItem, SeasonSpan
from reciprocity.patterns.leaning import Leaning, ShareEstimate, WindowLeaning
from reciprocity.patterns.result import (
    DimensionPattern,
    EnergyPattern,
    RelationshipPattern,
    Suggestion,
)
from reciprocity.patterns.settings import PatternSettings

__all__ = [
    "Agreement",
    "Change",
    "DimensionPattern",
    "EnergyPattern",
    "EnergyState",
    "EnergyWindow",
    "FeltRating",
    "FlowItem",
    "Leaning",
    "PatternSettings",
    "RelationshipPattern",
    "SeasonSpan",
    "ShareEstimate",
    "SuggestedRating",
    "Suggestion",
    "Trend",
    "WindowLeaning",
    "analyse",
]
