"""Every tunable number of the analysis, in one typed, documented place."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from reciprocity.vocabulary import VISION_AT_OR_BELOW


@dataclass(frozen=True, slots=True)
class PatternSettings:
    """Settings of the pattern analysis. Every default is explained here.

    Windows
        ``window_days = 90``: a window covers the 90 days up to its end date.
        Months, not single exchanges, because attention to per-exchange balance
        is itself what harms communal relationships (Clark & Mills 1979).
        ``step_months = 1``: window ends step back one calendar month at a time
        from ``today``, so consecutive windows overlap by about 60 days.
        ``history_months = None``: how far back windows go; ``None`` covers all
        data, back to the first flow.

    Leaning (per window and dimension)
        The share of care carried by the user has a Beta(``prior``, ``prior``)
        prior; a ``me`` item adds 1 to the user's side, a ``them`` item 1 to the
        other side, a ``both`` item half to each (mutual evidence: it narrows the
        uncertainty around the estimate without tilting it).
        ``prior = 2.0``: weak, centred on an even split (as if two items had
        been seen each way), so a handful of items cannot look lopsided.
        ``mutual_band = 0.2``: shares from 30 % to 70 % count as mutual, the
        same line at which ``rating_cutpoints`` stop suggesting 4 ("mostly
        mutual"), so a leaning and the suggested rating never tell different
        stories; and with it the bar is about as high for "both ways" (six
        items at the fewest) as for "one side carries more" (seven), where a
        band of 0.15 called a window one-sided after five items and mutual
        only after fourteen.
        ``min_moments = 5``: with fewer items in a window the answer is
        "not enough to say" whatever the posterior says. At the defaults the
        posterior never reads fewer than six items anyway; the floor keeps
        "three items never make a verdict" true under weaker priors.
        ``confidence = 0.8``: a leaning (me, them or mutual) is reported only
        when its posterior probability reaches 80 %; otherwise ``unknown``.
        How many more items could let it say something is
        ``patterns.leaning.notes_needed``, from this same rule.
        ``interval_z = 1.645``: the reported interval is the central 90 %
        (normal approximation to the Beta posterior).

    Seasons
        ``season_grace_days = 30``: a season keeps marking windows as expected
        asymmetry for 30 days after it ends, because recovery outlasts the date.

    Chronic and change (see ``patterns.chronic``)
        ``recent_months = 6``: the recent horizon in which chronic imbalance
        and recent changes are judged.
        ``chronic_min_consecutive = 2``: at least two consecutive windows
        outside seasons must lean the same way (Vazquez-Montes et al. 2018:
        single readings are weak evidence).
        ``chronic_share = 0.5``: and more than half of the windows of the
        horizon must lean that way outside seasons; the count is over the whole
        horizon, so months without data never help an imbalance look chronic
        and the first months of data act as a calibration period.
        ``change_lookback_months = 12``: how far before a recent turn we look
        for the mutual history that makes it a *change*.
        ``calibration_windows = 2``: that history needs at least two windows
        with a known leaning.

    Felt versus evidence
        ``rating_min_moments = 5``: fewer items in the latest window give no
        suggested rating (``null``).
        ``rating_cutpoints = (0.60, 0.70, 0.80, 0.90)``: the larger side's
        estimated share below 60 % suggests 5, below 70 % 4, below 80 % 3,
        below 90 % 2, otherwise 1.
        ``low_rating = 2``: a rating at or below this (the audit's vision
        threshold) draws the practice suggestions for that dimension.

    Energy (see ``patterns.energy``)
        ``energy_prior_weight = 2.0``: each window mean is shrunk toward neutral
        (0) as if two neutral items had been seen.
        ``energy_prior_variance = 1.0``: prior spread of single energy values.
        ``energy_min_moments = 3``: fewer rated items make a window ``unknown``.
        ``energy_threshold = 0.5``: a window is nourished or drained only when
        its mean is at least this far from neutral and its interval excludes
        neutral.
        ``trend_min_windows = 3``: a trend needs three windows with a mean.
        ``trend_min_change = 0.5``: the fitted change across the recent horizon
        must reach half an energy point to be called rising or falling.
        ``drain_min_moments = 2``: a month needs two rated items to count.
        ``drain_months = 3``: drain is *recurring* when at least three of the
        last ``recent_months`` months mostly left the user drained.
    """

    window_days: int = 90
    step_months: int = 1
    history_months: int | None = None
    prior: float = 2.0
    mutual_band: float = 0.2
    min_moments: int = 5
    confidence: float = 0.8
    interval_z: float = 1.645
    season_grace_days: int = 30
    recent_months: int = 6
    chronic_min_consecutive: int = 2
    chronic_share: float = 0.5
    change_lookback_months: int = 12
    calibration_windows: int = 2
    rating_min_moments: int = 5
    rating_cutpoints: tuple[float, float, float, float] = (0.60, 0.70, 0.80, 0.90)
    low_rating: int = VISION_AT_OR_BELOW
    energy_prior_weight: float = 2.0
    energy_prior_variance: float = 1.0
    energy_min_moments: int = 3
    energy_threshold: float = 0.5
    trend_min_windows: int = 3
    trend_min_change: float = 0.5
    drain_min_moments: int = 2
    drain_months: int = 3

    def __post_init__(self) -> None:
        problems: list[str] = []
        if self.window_days < 1:
            problems.append("window_days must be at least 1")
        if self.step_months < 1:
            problems.append("step_months must be at least 1")
        if self.history_months is not None and self.history_months < 0:
            problems.append("history_months must not be negative")
        if not self.prior > 0:
            problems.append("prior must be positive")
        if not 0 < self.mutual_band < 0.5:
            problems.append("mutual_band must lie between 0 and 0.5")
        if not 0.5 <= self.confidence < 1:
            problems.append("confidence must lie in [0.5, 1)")
        if not self.interval_z > 0:
            problems.append("interval_z must be positive")
        if self.recent_months < self.step_months:
            problems.append("recent_months must cover at least one step")
        if self.chronic_min_consecutive < 1:
            problems.append("chronic_min_consecutive must be at least 1")
        if not 0 <= self.chronic_share < 1:
            problems.append("chronic_share must lie in [0, 1)")
        cuts = self.rating_cutpoints
        rising = all(a < b for a, b in pairwise(cuts))
        if not (rising and cuts[0] >= 0.5 and cuts[-1] <= 1):
            problems.append("rating_cutpoints must rise strictly within [0.5, 1]")
        if self.energy_prior_weight <= 0 or self.energy_prior_variance <= 0:
            problems.append("energy prior weight and variance must be positive")
        if min(self.min_moments, self.rating_min_moments, self.energy_min_moments) < 1:
            problems.append("minimum counts must be at least 1")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def recent_windows(self) -> int:
        """How many windows (and month slices) make up the recent horizon."""
        return math.ceil(self.recent_months / self.step_months)
