"""The result of the analysis: frozen dataclasses and their stable JSON shape.

``RelationshipPattern.as_dict()`` is the ``patterns PERSON --json`` object of
DESIGN.md ("JSON shapes"): ``person``, ``dimensions`` (each with ``leaning``,
``strength``, ``chronic``, ``in_season``, ``suggested_rating``,
``felt_rating``), ``energy`` and ``suggestions``, plus further keys for charts
and explanations. Numbers are rounded to three decimals so output is stable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from reciprocity.patterns.chronic import Change
from reciprocity.patterns.energy import EnergyReading, EnergyWindow
from reciprocity.patterns.felt import Agreement, SuggestedRating
from reciprocity.patterns.inputs import FeltRating
from reciprocity.patterns.leaning import Leaning, WindowLeaning
from reciprocity.patterns.styles import StyleSummary
from reciprocity.patterns.window import SeasonNote
from reciprocity.vocabulary import Dimension

JSONObject = dict[str, object]


def _round(value: float | None) -> float | None:
    # Adding 0.0 turns a rounded -0.0 into 0.0, so JSON never shows "-0.0".
    return None if value is None else round(value, 3) + 0.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A reflection prompt drawn from the practices.

    ``key`` is stable (for tests, translations and "don't show again");
    ``dimension`` is the dimension it speaks to, if any; ``reason`` names the
    reading that brought it up; ``text`` is what the person reads.
    """

    key: str
    dimension: Dimension | None
    reason: str
    text: str

    def as_dict(self) -> JSONObject:
        return {
            "key": self.key,
            "dimension": None if self.dimension is None else str(self.dimension),
            "reason": self.reason,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class DimensionPattern:
    """Everything known about one dimension of one relationship.

    The headline fields describe the latest window (the ``window_days`` up to
    today); ``windows`` is the whole series, oldest first, for charts.
    """

    dimension: Dimension
    leaning: Leaning
    strength: float
    share_me: float
    low: float
    high: float
    uncertainty: float
    me: int
    them: int
    both: int
    chronic: bool
    in_season: bool
    change: Change | None
    one_sided_windows: int
    horizon_windows: int
    suggested: SuggestedRating | None
    felt: FeltRating | None
    agreement: Agreement
    label: str
    notes_needed: int
    """0 when the latest window says something; otherwise the fewest further
    dimension-tagged notes in it that could let it (``leaning.notes_needed``)."""
    need: str
    """``notes_needed`` in words, beside the label; empty when there is a reading."""
    explanation: str
    notes: tuple[str, ...]
    styles: StyleSummary
    windows: tuple[WindowLeaning, ...]
    mutual_band: float
    """The settings' band: shares within it of one half read as flowing both ways."""

    @property
    def suggested_rating(self) -> int | None:
        return None if self.suggested is None else self.suggested.rating

    @property
    def felt_rating(self) -> int | None:
        return None if self.felt is None else self.felt.rating

    def as_dict(self) -> JSONObject:
        return {
            "leaning": str(self.leaning),
            "strength": _round(self.strength),
            "chronic": self.chronic,
            "in_season": self.in_season,
            "suggested_rating": self.suggested_rating,
            "felt_rating": self.felt_rating,
            "suggested_direction": None
            if self.suggested is None
            else str(self.suggested.direction),
            "felt_direction": None if self.felt is None else str(self.felt.direction),
            "change": None if self.change is None else str(self.change),
            "share_me": _round(self.share_me),
            "low": _round(self.low),
            "high": _round(self.high),
            "moments": {"me": self.me, "them": self.them, "both": self.both},
            "one_sided_windows": self.one_sided_windows,
            "horizon_windows": self.horizon_windows,
            "agreement": str(self.agreement),
            "label": self.label,
            "notes_needed": self.notes_needed,
            "need": self.need,
            "explanation": self.explanation,
            "notes": list(self.notes),
            "styles": self.styles.as_dict(),
            "windows": [_window_dict(w) for w in self.windows],
        }


def _window_dict(window: WindowLeaning) -> JSONObject:
    e = window.estimate
    return {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "leaning": str(e.leaning),
        "strength": _round(e.strength),
        "share_me": _round(e.share_me),
        "low": _round(e.low),
        "high": _round(e.high),
        "me": e.me,
        "them": e.them,
        "both": e.both,
        "in_season": window.in_season,
    }


def _energy_window_dict(window: EnergyWindow) -> JSONObject:
    return {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "state": str(window.state),
        "mean": _round(window.mean),
        "low": _round(window.low),
        "high": _round(window.high),
        "moments": window.moments,
        "in_season": window.in_season,
    }


@dataclass(frozen=True, slots=True)
class EnergyPattern:
    """The energy reading with its words (see ``patterns.energy`` for the rules)."""

    reading: EnergyReading
    label: str
    notes: tuple[str, ...]

    @property
    def recurring_drain(self) -> bool:
        return self.reading.recurring_drain

    def as_dict(self) -> JSONObject:
        r = self.reading
        latest = r.latest
        return {
            "state": str(latest.state),
            "mean": _round(latest.mean),
            "low": _round(latest.low),
            "high": _round(latest.high),
            "moments": latest.moments,
            "trend": str(r.trend),
            "trend_change": _round(r.trend_change),
            "recurring_drain": r.recurring_drain,
            "draining_months": r.draining_months,
            "months": r.months,
            "label": self.label,
            "notes": list(self.notes),
            "windows": [_energy_window_dict(w) for w in r.windows],
        }


@dataclass(frozen=True)
class RelationshipPattern:
    """The patterns of one relationship, as of ``today``."""

    person: str
    today: date
    window_days: int
    dimensions: dict[Dimension, DimensionPattern]
    energy: EnergyPattern
    season: SeasonNote | None
    styles: StyleSummary
    suggestions: tuple[Suggestion, ...]
    safety: bool = False
    """The user's own words about this person speak of fear, control or harm."""
    untagged: int = 0
    """Moments of the latest window noted with no dimension: they count only for energy."""

    def as_dict(self) -> JSONObject:
        season = self.season
        return {
            "safety": self.safety,
            "person": self.person,
            "today": self.today.isoformat(),
            "window_days": self.window_days,
            "dimensions": {str(d): p.as_dict() for d, p in self.dimensions.items()},
            "energy": self.energy.as_dict(),
            "suggestions": [s.as_dict() for s in self.suggestions],
            "season": None
            if season is None
            else {
                "kind": season.kind,
                "whose": season.whose,
                "start": season.start.isoformat(),
                "end": None if season.end is None else season.end.isoformat(),
            },
            "styles": self.styles.as_dict(),
            "untagged": self.untagged,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.as_dict(), indent=indent, ensure_ascii=False)
