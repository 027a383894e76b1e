"""Plain test objects that satisfy the patterns protocols, and small builders."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import settings

from reciprocity.patterns import (
    FeltRating,
    FlowItem,
    PatternSettings,
    RelationshipPattern,
    SeasonSpan,
    analyse,
)
from reciprocity.vocabulary import CareStyle, Dimension, Giver, SeasonKind

TODAY = date(2026, 6, 15)
"""Windows end on the 15th: 15 June, 15 May, 15 April, ... (90 days each)."""

PROPERTY = settings(max_examples=100, deadline=None, database=None)
"""Bounded so the suite stays fast; no example database is written to the tree."""


@dataclass(frozen=True)
class Flow:
    on: date
    by: Giver
    dimensions: tuple[Dimension, ...] = (Dimension.INITIATION,)
    style: CareStyle | None = None
    energy: int | None = None


@dataclass(frozen=True)
class Season:
    start: date
    end: date | None
    kind: SeasonKind = SeasonKind.ILLNESS
    whose: str = "Sam"


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def daily(
    oldest: int,
    newest: int,
    by: Giver,
    every: int = 1,
    *,
    dimensions: tuple[Dimension, ...] = (Dimension.INITIATION,),
    style: CareStyle | None = None,
    energy: int | None = None,
) -> list[Flow]:
    """One flow every ``every`` days from ``oldest`` days ago to ``newest`` days ago."""
    return [Flow(ago(n), by, dimensions, style, energy) for n in range(oldest, newest - 1, -every)]


def alternating(
    oldest: int, newest: int, *, dimensions: tuple[Dimension, ...] = (Dimension.INITIATION,)
) -> list[Flow]:
    """Strict alternation, one flow a day: me on even days ago, them on odd ones."""
    return [
        Flow(ago(n), Giver.ME if n % 2 == 0 else Giver.THEM, dimensions)
        for n in range(oldest, newest - 1, -1)
    ]


def swapped(flows: Iterable[Flow]) -> list[Flow]:
    other = {Giver.ME: Giver.THEM, Giver.THEM: Giver.ME, Giver.BOTH: Giver.BOTH}
    return [replace(f, by=other[f.by]) for f in flows]


def run(
    flows: Iterable[FlowItem],
    seasons: Iterable[SeasonSpan] = (),
    felt: Mapping[Dimension, FeltRating] | None = None,
    settings: PatternSettings | None = None,
    person: str = "Sam",
) -> RelationshipPattern:
    return analyse(
        person,
        list(flows),
        list(seasons),
        felt or {},
        today=TODAY,
        settings=settings or PatternSettings(),
    )
