"""Felt versus evidence: a suggested rating held beside the user's own.

A single felt rating predicts how a relationship wears on someone better than
ratios of logged acts (Schaufeli 2006; the Hatfield Global Measure of Equity is
one item), so the audit's felt rating stays primary. The evidence offers a
suggestion on the same 1..5 scale, from the latest window only:

* no suggestion (``None``) with fewer than ``rating_min_moments`` items: the
  test is on the count alone, so moving items toward balance can never turn a
  suggestion into "not enough to say";
* otherwise the larger side's estimated share ``c = max(p, 1 - p)`` is read
  against ``rating_cutpoints`` (0.60, 0.70, 0.80, 0.90): below 0.60 suggests
  5 (roughly mutual), then 4, 3, 2, and 1 from 0.90. More balanced data lowers
  ``c``, so it can never lower the suggestion.

The comparison is summarised as an ``Agreement`` whose words live in
``reciprocity.coach.suggestions``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reciprocity.patterns.inputs import FeltRating
from reciprocity.patterns.leaning import ShareEstimate
from reciprocity.patterns.settings import PatternSettings
from reciprocity.vocabulary import RATING_MAX, Direction


@dataclass(frozen=True, slots=True)
class SuggestedRating:
    rating: int
    direction: Direction


def suggest_rating(estimate: ShareEstimate, settings: PatternSettings) -> SuggestedRating | None:
    """The evidence's rating for one dimension, or None when there is too little."""
    if estimate.moments < settings.rating_min_moments:
        return None
    larger = max(estimate.share_me, 1.0 - estimate.share_me)
    rating = RATING_MAX - sum(larger >= cut for cut in settings.rating_cutpoints)
    if rating == RATING_MAX:
        direction = Direction.MUTUAL
    else:
        direction = Direction.ME if estimate.share_me > 0.5 else Direction.THEM
    return SuggestedRating(rating, direction)


class Agreement(StrEnum):
    """How the felt rating and the evidence relate; each has its own words."""

    NOTHING_YET = "nothing-yet"
    FELT_ONLY = "felt-only"
    EVIDENCE_ONLY = "evidence-only"
    AGREE = "agree"
    EVIDENCE_MORE_MUTUAL = "evidence-more-mutual"
    EVIDENCE_MORE_ONE_SIDED = "evidence-more-one-sided"
    OTHER_WAY = "other-way"

    @property
    def differs(self) -> bool:
        """Worth a conversation: the two readings tell clearly different stories."""
        return self in (
            Agreement.EVIDENCE_MORE_MUTUAL,
            Agreement.EVIDENCE_MORE_ONE_SIDED,
            Agreement.OTHER_WAY,
        )


OPPOSITE_AT_OR_BELOW = 3
"""Opposite directions count as disagreement only when both ratings are clearly
one-sided; "4, leaning me" beside "4, leaning them" is two ways of saying
"mostly mutual"."""


def compare(felt: FeltRating | None, suggested: SuggestedRating | None) -> Agreement:
    """Summarise felt versus evidence: one point apart on the scale still agrees."""
    if felt is None:
        return Agreement.NOTHING_YET if suggested is None else Agreement.EVIDENCE_ONLY
    if suggested is None:
        return Agreement.FELT_ONLY
    one_sided = {Direction.ME, Direction.THEM}
    if (
        felt.direction in one_sided
        and suggested.direction in one_sided
        and felt.direction != suggested.direction
        and max(felt.rating, suggested.rating) <= OPPOSITE_AT_OR_BELOW
    ):
        return Agreement.OTHER_WAY
    difference = suggested.rating - felt.rating
    if difference >= 2:
        return Agreement.EVIDENCE_MORE_MUTUAL
    if difference <= -2:
        return Agreement.EVIDENCE_MORE_ONE_SIDED
    return Agreement.AGREE
