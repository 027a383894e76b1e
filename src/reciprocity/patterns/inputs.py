"""What the analysis reads: structural protocols, so no second representation is needed.

The ORM ``Moment`` and ``Season`` classes, evidence derived from chat exports and
the plain frozen dataclasses of the tests all satisfy these protocols as they
are. The members are read-only properties because analysis never writes back,
and because a read-only member accepts both a ``list`` and a ``tuple`` of
dimensions (a settable ``Sequence`` attribute would not accept ``list``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from reciprocity.vocabulary import (
    RATING_MAX,
    RATING_MIN,
    CareStyle,
    Dimension,
    Direction,
    Giver,
    SeasonKind,
)


class FlowItem(Protocol):
    """One piece of care flowing between the user and one other person.

    A logged moment, or a piece of evidence derived from a chat. ``by`` says who
    gave or reached out (``both`` when it was shared). ``dimensions`` may be
    empty: such an item speaks to no dimension in particular and counts only for
    energy (spreading it over all four would count one moment four times).
    ``energy`` runs from -2 (left the user drained) to +2 (nourished).
    """

    @property
    def on(self) -> date: ...

    @property
    def by(self) -> Giver: ...

    @property
    def dimensions(self) -> Sequence[Dimension]: ...

    @property
    def style(self) -> CareStyle | None: ...

    @property
    def energy(self) -> int | None: ...


class SeasonSpan(Protocol):
    """A stretch in which one side legitimately needs more.

    ``end`` is ``None`` while the season is ongoing. ``whose`` is ``"me"`` or
    the other person's name; either way asymmetry is expected inside it. Pass
    the user's own seasons and the other person's seasons together.
    """

    @property
    def start(self) -> date: ...

    @property
    def end(self) -> date | None: ...

    @property
    def kind(self) -> SeasonKind: ...

    @property
    def whose(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FeltRating:
    """The user's felt rating of one dimension from their latest audit.

    ``rating`` runs from 1 (heavily one-directional) to 5 (roughly mutual);
    ``direction`` says which way it leans (``mutual`` when it feels shared).
    The felt rating is primary: evidence is held beside it, never over it.
    """

    rating: int
    direction: Direction

    def __post_init__(self) -> None:
        if not RATING_MIN <= self.rating <= RATING_MAX:
            raise ValueError(f"felt rating {self.rating} is outside {RATING_MIN}..{RATING_MAX}")
