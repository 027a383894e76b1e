"""One pass over the flows of a relationship, into segment counts and prefix sums.

Everything later (every window, dimension and month slice) is a difference of
two prefix sums, so the cost of the analysis is one pass over the flows plus a
constant amount of work per window. This is what keeps a full recompute of
hundreds of relationships with years of daily evidence well under a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from reciprocity.patterns.inputs import FlowItem
from reciprocity.patterns.window import Grid
from reciprocity.vocabulary import ENERGY_MAX, ENERGY_MIN, CareStyle, Dimension, Giver

DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)
SIDES: tuple[Giver, ...] = (Giver.ME, Giver.THEM, Giver.BOTH)
_DIM_INDEX = {dimension: i for i, dimension in enumerate(DIMENSIONS)}
_SIDE_INDEX = {side: i for i, side in enumerate(SIDES)}
GENERAL = -1
"""Style tallies for all flows of the latest window, whatever their dimensions."""


Kind = tuple[int, tuple[int, ...], tuple[list[int], ...]]
"""What one (giver, dimensions) combination means: side, dimension indices, arrays."""


@dataclass(frozen=True, slots=True)
class Buckets:
    """Prefix sums per dimension and side, and of energy, over the grid's segments.

    The days from ``base`` to ``today`` are cut into segments at every window
    and month-slice boundary, so any window is a whole number of segments.
    ``position[offset]`` is the segment index at which a boundary day offset
    starts. ``counts[d * 3 + s][k]`` is the number of flows for dimension ``d``
    and side ``s`` (me, them, both) in segments ``0 .. k-1``; ``energy_counts[v]``
    likewise counts flows with energy ``v`` (-2..2). ``styles`` tallies styles
    per (dimension index or ``GENERAL``, side) over the latest window only,
    where they inform words, never the counts.
    """

    position: dict[int, int]
    counts: tuple[list[int], ...]
    energy_counts: dict[int, list[int]]
    styles: dict[tuple[int, int], Counter[CareStyle]]
    untagged: list[int]
    """Prefix sums of flows with no dimension (they count only for energy)."""

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Prefix indices (start, stop) of the days ``first .. last``, inclusive."""
        return self.position[first], self.position[last + 1]

    def count(self, dimension: int, side: int, first: int, last: int) -> int:
        prefix = self.counts[dimension * 3 + side]
        start, stop = self.span(first, last)
        return prefix[stop] - prefix[start]

    def untagged_count(self, first: int, last: int) -> int:
        """Flows with no dimension on days first..last."""
        start, stop = self.span(first, last)
        return self.untagged[stop] - self.untagged[start]

    def energy(self, first: int, last: int) -> tuple[int, int, int]:
        """Number, sum and sum of squares of energy ratings on days first..last."""
        start, stop = self.span(first, last)
        n = total = squares = 0
        for value, prefix in self.energy_counts.items():
            k = prefix[stop] - prefix[start]
            n += k
            total += k * value
            squares += k * value * value
        return n, total, squares


def _kind(
    by: Giver,
    dims: tuple[Dimension, ...],
    per_segment: tuple[list[int], ...],
    untagged: list[int],
) -> Kind:
    try:
        side = _SIDE_INDEX[by]
    except KeyError:
        raise ValueError(f"unknown giver {by!r}") from None
    try:
        # dict.fromkeys keeps the order and drops a repeated dimension.
        indices = tuple(_DIM_INDEX[d] for d in dict.fromkeys(dims))
    except KeyError:
        raise ValueError(f"unknown dimension in {list(dims)!r}") from None
    if not indices:
        return side, indices, (untagged,)
    return side, indices, tuple(per_segment[d * 3 + side] for d in indices)


def _segments(grid: Grid) -> tuple[list[int], dict[int, int]]:
    """Segment index of every day offset, and where each boundary offset starts."""
    cuts = {0, grid.days}
    for w in (*grid.windows, *grid.slices):
        cuts.add(w.first)
        cuts.add(w.last + 1)
    bounds = sorted(c for c in cuts if 0 <= c <= grid.days)
    segment_of = [0] * grid.days
    for k, (lo, hi) in enumerate(pairwise(bounds)):
        segment_of[lo:hi] = [k] * (hi - lo)
    return segment_of, {cut: k for k, cut in enumerate(bounds)}


def bucket(flows: Sequence[FlowItem], grid: Grid) -> Buckets:
    """Count every flow once into per-segment arrays, then turn them into prefix sums.

    Flows after ``today`` or before the oldest window are left out. A flow with
    several dimensions counts once in each (each dimension is its own
    question); a repeated dimension counts once. A flow with no dimension
    counts only for energy (and is counted as untagged, so the words can say
    that naming a dimension would let it count).
    """
    days = grid.days
    base = grid.base.toordinal()
    latest_first = grid.windows[-1].first
    segment_of, position = _segments(grid)
    size = len(position) - 1
    per_segment = tuple([0] * size for _ in range(len(DIMENSIONS) * len(SIDES)))
    energy_segments = {value: [0] * size for value in range(ENERGY_MIN, ENERGY_MAX + 1)}
    untagged = [0] * size
    styles: dict[tuple[int, int], Counter[CareStyle]] = {}
    # The only per-flow work of the analysis, so it is kept lean: what a
    # (giver, dimensions) combination adds to is worked out once and cached.
    kinds: dict[tuple[Giver, tuple[Dimension, ...]], Kind] = {}
    for flow in flows:
        i = flow.on.toordinal() - base
        if i < 0 or i >= days:
            continue
        k = segment_of[i]
        key = (flow.by, tuple(flow.dimensions))
        kind = kinds.get(key)
        if kind is None:
            kind = kinds[key] = _kind(key[0], key[1], per_segment, untagged)
        for counts in kind[2]:
            counts[k] += 1
        energy = flow.energy
        if energy is not None:
            tally = energy_segments.get(energy)
            if tally is None:
                raise ValueError(
                    f"energy {energy!r} on {flow.on} is outside {ENERGY_MIN}..{ENERGY_MAX}"
                )
            tally[k] += 1
        if i >= latest_first and flow.style is not None:
            side, indices, _ = kind
            for d in (*indices, GENERAL):
                styles.setdefault((d, side), Counter())[flow.style] += 1
    return Buckets(
        position=position,
        counts=tuple(list(accumulate(c, initial=0)) for c in per_segment),
        energy_counts={v: list(accumulate(c, initial=0)) for v, c in energy_segments.items()},
        styles=styles,
        untagged=list(accumulate(untagged, initial=0)),
    )
