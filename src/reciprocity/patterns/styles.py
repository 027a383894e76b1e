"""Ways of caring: which styles each side used lately. They never change the counts.

Reciprocity is not symmetry: practical help one way and listening the other is
care flowing both ways, so a flow counts toward the leaning whatever its style,
and styles are never matched against each other. Styles only shape the words:
"what mattered" notes and the suggestion to ask each other what felt
supportive. Imbalance is not assumed to be evened out by a different style
either (Klein Ikkink & van Tilburg 1998): the product asks, it does not assume.

A shared (``both``) item's style counts for both sides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reciprocity.patterns.buckets import SIDES, Buckets
from reciprocity.vocabulary import CareStyle, Giver

_ORDER = {style: i for i, style in enumerate(CareStyle)}


@dataclass(frozen=True, slots=True)
class StyleSummary:
    """Styles used in the latest window, most used first, per side."""

    mine: tuple[tuple[CareStyle, int], ...]
    theirs: tuple[tuple[CareStyle, int], ...]

    @property
    def differ(self) -> bool:
        """Each side has a style, and their most used styles are not the same."""
        return bool(self.mine and self.theirs) and self.mine[0][0] != self.theirs[0][0]

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            "me": {str(style): n for style, n in self.mine},
            "them": {str(style): n for style, n in self.theirs},
        }


def _ranked(counter: Counter[CareStyle]) -> tuple[tuple[CareStyle, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], _ORDER[item[0]])))


def summarise(buckets: Buckets, dimension: int) -> StyleSummary:
    """Styles for one dimension index (or ``buckets.GENERAL`` for all flows)."""
    mine: Counter[CareStyle] = Counter()
    theirs: Counter[CareStyle] = Counter()
    for side_index, side in enumerate(SIDES):
        tally = buckets.styles.get((dimension, side_index))
        if not tally:
            continue
        if side is not Giver.THEM:
            mine.update(tally)
        if side is not Giver.ME:
            theirs.update(tally)
    return StyleSummary(_ranked(mine), _ranked(theirs))
