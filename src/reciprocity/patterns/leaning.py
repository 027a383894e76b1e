"""Which way care leans in one window: a share with its uncertainty, never a tally.

The quantity estimated is the share of care the user carries, ``p``. Its
posterior after ``me`` items by the user, ``them`` items by the other person and
``both`` shared items is Beta(prior + me + both/2, prior + them + both/2):

* a shared (``both``) item is mutual evidence, half an item to each side: it
  makes us surer the flow is near even without tilting it either way;
* the symmetric prior is centred on an even split, so a handful of items
  cannot look lopsided, and silence leaves the estimate at "even, very unsure",
  which is reported as "not enough to say", never as neglect (Wiese et al. 2014).

The three readings are "the user carries more" (p above the mutual band,
0.3 to 0.7 by default), "the other person carries more" (p below it) and
"mutual" (inside it). A reading is reported only when its posterior
probability reaches ``confidence``; otherwise the leaning is ``unknown``.
Both directions are reported the same way: receiving more is information, not
winning (Sprecher 2001; Bar-Kalifa et al. 2018).

Probabilities use a normal approximation with the Beta posterior's exact mean
and variance: close enough at these thresholds (for Beta(9, 2) it gives
P(p > 0.7) = 0.856 against 0.851 exactly) and cheap enough to run for every
window of every relationship.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from reciprocity.patterns.settings import PatternSettings
from reciprocity.vocabulary import Direction

_SQRT2 = math.sqrt(2.0)


class Leaning(StrEnum):
    """A window's reading: ``Direction`` plus ``unknown`` for "not enough to say"."""

    ME = "me"
    THEM = "them"
    MUTUAL = "mutual"
    UNKNOWN = "unknown"

    @property
    def direction(self) -> Direction | None:
        return None if self is Leaning.UNKNOWN else Direction(self.value)

    @property
    def one_sided(self) -> bool:
        return self is Leaning.ME or self is Leaning.THEM

    def flipped(self) -> Leaning:
        """The same reading seen from the other person's side."""
        if self is Leaning.ME:
            return Leaning.THEM
        if self is Leaning.THEM:
            return Leaning.ME
        return self


class ShareEstimate(NamedTuple):
    """The posterior reading of one window for one dimension.

    ``share_me`` is the posterior mean share carried by the user, ``low`` and
    ``high`` the central interval (clipped to 0..1), ``uncertainty`` its
    unclipped half-width. ``strength`` is how far the share sits from an even
    split (0 even .. 1 entirely one side), and 0 when the leaning is unknown,
    because then nothing is claimed. ``confidence`` is the posterior
    probability of the reported leaning (for ``unknown``: of the likeliest one).

    A named tuple rather than a dataclass: there is one per window, dimension
    and relationship, and tuples are several times cheaper to create.
    """

    me: int
    them: int
    both: int
    share_me: float
    low: float
    high: float
    uncertainty: float
    leaning: Leaning
    strength: float
    confidence: float

    @property
    def moments(self) -> int:
        return self.me + self.them + self.both


def _upper_tail(x: float) -> float:
    """P(Z > x) for a standard normal Z."""
    return 0.5 * math.erfc(x / _SQRT2)


def estimate(me: int, them: int, both: int, settings: PatternSettings) -> ShareEstimate:
    """Read one window.

    Symmetric by construction: the arithmetic always runs with the larger side
    first and is mirrored afterwards, so swapping ``me`` and ``them`` mirrors
    every number exactly (no rounding can break the symmetry).
    """
    swapped = them > me
    big, small = (them, me) if swapped else (me, them)
    prior = settings.prior
    alpha = prior + big + both / 2
    total = alpha + prior + small + both / 2
    mean = alpha / total  # >= 0.5: the larger side's share
    sd = math.sqrt(mean * (1.0 - mean) / (total + 1.0))
    half = settings.interval_z * sd
    band = settings.mutual_band
    p_big = _upper_tail((0.5 + band - mean) / sd)
    p_small = _upper_tail((mean - (0.5 - band)) / sd)
    p_mutual = 1.0 - p_big - p_small
    # Ties go to "mutual": the reading that claims least.
    if p_mutual >= p_big:
        best, probability = Leaning.MUTUAL, p_mutual
    else:
        best, probability = (Leaning.THEM if swapped else Leaning.ME), p_big
    if me + them + both < settings.min_moments or probability < settings.confidence:
        best, strength = Leaning.UNKNOWN, 0.0
    else:
        strength = 2.0 * mean - 1.0
    low = max(0.0, mean - half)
    high = min(1.0, mean + half)
    if swapped:
        return ShareEstimate(
            me, them, both, 1.0 - mean, 1.0 - high, 1.0 - low, half, best, strength, probability
        )
    return ShareEstimate(me, them, both, mean, low, high, half, best, strength, probability)


_MEMO: dict[PatternSettings, dict[tuple[int, int, int], ShareEstimate]] = {}
_MEMO_LIMIT = 200_000


def reader(settings: PatternSettings) -> Callable[[int, int, int], ShareEstimate]:
    """``estimate`` with these settings, memoised on the counts.

    A pure function of small integers, so its results can be shared: across a
    full recompute the same (me, them, both) counts recur constantly (200
    relationships with ten years of daily data need about 6,000 distinct
    readings for 96,000 windows). The memo is bounded and results are
    immutable; callers cannot tell it is there except by speed.
    """
    cache = _MEMO.get(settings)
    if cache is None:
        if len(_MEMO) >= 8:
            _MEMO.clear()
        cache = _MEMO[settings] = {}

    def read(me: int, them: int, both: int) -> ShareEstimate:
        key = (me, them, both)
        found = cache.get(key)
        if found is None:
            if len(cache) >= _MEMO_LIMIT:
                cache.clear()
            found = cache[key] = estimate(me, them, both, settings)
        return found

    return read


def notes_needed(me: int, them: int, both: int, settings: PatternSettings) -> int:
    """How many more items in this window could let it say something; 0 when it does.

    The smallest ``k`` such that some ``k`` further items (by the user, by the
    other person or shared, in any mix) give a reading other than ``unknown``
    under ``estimate``: the very rule the reading uses, not a separate guess.
    With fewer than ``k`` items no mix can do it; with ``k``, some can (all by
    one side, say, or split evenly), though not every mix will. Two shared
    items weigh exactly as one by each side, so the mixes to try for each
    ``k`` are ``i`` by the user, ``s`` (0 or 1) shared and the rest by the other
    person. Items all by one side always end in a reading, so the search ends.
    """
    read = reader(settings)
    if read(me, them, both).leaning is not Leaning.UNKNOWN:
        return 0
    k = 0
    while True:
        k += 1
        for shared in (0, 1):
            for mine in range(k - shared + 1):
                found = read(me + mine, them + k - shared - mine, both + shared)
                if found.leaning is not Leaning.UNKNOWN:
                    return k


class WindowLeaning(NamedTuple):
    """One point of a dimension's series, for charts and for the chronic rule."""

    start: date
    end: date
    estimate: ShareEstimate
    in_season: bool

    @property
    def leaning(self) -> Leaning:
        return self.estimate.leaning
