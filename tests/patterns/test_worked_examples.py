"""Worked examples with hand-computed expectations (default settings throughout).

Notation: a window's posterior is Beta(a, b) with a = 2 + me + both/2 and
b = 2 + them + both/2; its mean m = a / (a + b) and sd = sqrt(m (1 - m) / (a + b + 1)).
"me" needs P(p > 0.7) >= 0.8, "mutual" needs P(0.3 <= p <= 0.7) >= 0.8 (the mutual band
is 0.2 since the readings were made to agree with the suggested rating; before, it was
0.15, and the numbers that changed with it are marked "band 0.2").
TODAY is 2026-06-15, so windows end on the 15th of each month.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from reciprocity.patterns import Change, EnergyState, Leaning, PatternSettings
from reciprocity.patterns.leaning import estimate
from reciprocity.vocabulary import Dimension, Giver
from tests.patterns.support import Season, alternating, daily, run

INITIATION = Dimension.INITIATION


def test_always_me_for_eight_months_outside_seasons_is_chronic_and_leans_me() -> None:
    # 240 daily moments by me (239 days ago .. today). The latest window holds 90:
    # a = 92, b = 2, m = 92/94 = 0.97872, sd = sqrt(0.97872 * 0.02128 / 95) = 0.01481,
    # P(p > 0.65) = Phi((0.97872 - 0.65) / 0.01481) = Phi(22.2) = 1.0 -> "me",
    # strength = 2m - 1 = 0.95745. The six windows of the recent horizon (ending
    # 15 Jan .. 15 Jun) hold 89 or 90 moments by me each, so all six lean "me":
    # 6 > 3 of 6, six in a row >= 2, and the latest leans "me" -> chronic.
    # Suggested rating: max(m, 1 - m) = 0.979 >= 0.90 -> 1.
    pattern = run(daily(239, 0, Giver.ME))
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.ME
    assert initiation.strength == pytest.approx(0.95745, abs=1e-5)
    assert initiation.chronic is True
    assert initiation.in_season is False
    assert initiation.change is None
    assert initiation.one_sided_windows == 6
    assert initiation.suggested_rating == 1
    assert initiation.share_me == pytest.approx(92 / 94)


def test_the_same_inside_an_illness_season_is_not_chronic() -> None:
    # The season (from 1 Oct 2025, still open) overlaps every window, so no window
    # leans "me" outside a season: 0 of 6 -> not chronic. The leaning itself is
    # still reported, as information, marked as expected asymmetry.
    pattern = run(daily(239, 0, Giver.ME), [Season(date(2025, 10, 1), None)])
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.ME
    assert initiation.chronic is False
    assert initiation.in_season is True
    assert [s.key for s in pattern.suggestions][:1] == ["season-patience"]
    assert "ritual-alternating-initiation" not in {s.key for s in pattern.suggestions}


def test_strict_alternation_is_mutual() -> None:
    # 180 days, one moment a day, me and them in turn. The latest window holds
    # 45 + 45: a = b = 47, m = 0.5, sd = sqrt(0.25 / 95) = 0.05130,
    # P(0.3 <= p <= 0.7) = 1 - 2 * (1 - Phi(0.2 / 0.0513)) = 1 - 2 * 0.0000483 = 0.99990
    # (band 0.2; with 0.15 it was 1 - 2 * (1 - Phi(0.15 / 0.0513)) = 0.9965).
    # Suggested rating: max(m, 1 - m) = 0.5 < 0.60 -> 5.
    pattern = run(alternating(179, 0))
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.MUTUAL
    assert initiation.chronic is False
    assert initiation.suggested_rating == 5
    assert initiation.windows[-1].estimate.confidence == pytest.approx(0.9999, abs=5e-4)


def test_three_moments_give_not_enough_to_say() -> None:
    # 3 < min_moments (5): "unknown" whatever the posterior says
    # (a = 5, b = 2, m = 0.714, P(p > 0.7) = 0.54 would not reach 0.8 anyway).
    pattern = run(daily(2, 0, Giver.ME))
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.UNKNOWN
    assert initiation.strength == 0.0
    assert initiation.suggested_rating is None
    assert initiation.chronic is False
    assert initiation.label == "not enough to say yet"


def test_a_recent_turn_from_mutual_to_one_sided_is_a_change_not_chronic() -> None:
    # Alternation from 729 to 60 days ago, then 60 days always me.
    # Latest window (89 .. 0 days ago): 60 by me + 30 alternating (15 + 15) ->
    #   me 75, them 15: a = 77, b = 17, m = 0.8191, sd = 0.0395, P(p > 0.7) = 0.999 -> "me".
    # Window to 15 May (120 .. 31 days ago): 29 by me + 61 alternating (31 + 30) ->
    #   me 60, them 30: m = 62/94 = 0.6596, sd = 0.0486, P(p > 0.7) = 0.20,
    #   P(mutual) = 0.797 -> "unknown" (skipped when walking back). (Band 0.2; with 0.15
    #   it was P(p > 0.65) = 0.58 and P(mutual) = 0.42: unknown as well.)
    # Earlier windows: 45 + 45 -> "mutual".
    # Chronic: 1 window of 6 leans "me" -> no. Change: the latest run leans "me" and the
    # known windows before it in the last 12 months are all mutual -> toward me.
    pattern = run(alternating(729, 60) + daily(59, 0, Giver.ME))
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.ME
    assert initiation.chronic is False
    assert initiation.change is Change.TOWARD_ME
    assert [w.leaning for w in initiation.windows[-3:]] == [
        Leaning.MUTUAL,
        Leaning.UNKNOWN,
        Leaning.ME,
    ]
    assert initiation.share_me == pytest.approx(77 / 94)
    assert "notice-change" in {s.key for s in pattern.suggestions}


def test_easing_back_to_mutual_is_a_small_win() -> None:
    # Always me from 299 to 120 days ago, then alternation. The last two windows are
    # 45 + 45 (mutual); before them one "unknown" (60 + 30) and then windows of 76 + 14
    # and 90 + 0 leaning "me": two one-sided windows right before the mutual run.
    pattern = run(daily(299, 120, Giver.ME) + alternating(119, 0))
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.MUTUAL
    assert initiation.change is Change.TOWARD_MUTUAL
    assert initiation.chronic is False
    assert "small-win" in {s.key for s in pattern.suggestions}


def test_silence_after_a_one_sided_stretch_is_not_read_as_anything() -> None:
    # Always me from 239 to 90 days ago, then nothing: the latest window is empty,
    # so its leaning is unknown, and chronic needs the latest window to lean.
    pattern = run(daily(239, 90, Giver.ME))
    initiation = pattern.dimensions[INITIATION]
    assert initiation.leaning is Leaning.UNKNOWN
    assert initiation.chronic is False
    assert initiation.suggested_rating is None


def test_recurring_drain_is_flagged_and_points_to_other_support() -> None:
    # A weekly visit with energy -2 over the last six months (every 7 days from 182
    # days ago). Each of the six month slices holds 4 or 5 visits: shrunk mean
    # -2 * 4 / (4 + 2) = -1.33 <= -0.5 -> drained; 6 >= 3 months -> recurring.
    # Latest window: 13 visits, mean -26 / 15 = -1.733, spread 0, variance
    # (0 + 2 * 1) / 15 = 0.1333, half-width 1.645 * sqrt(0.1333 / 15) = 0.155 -> drained.
    flows = daily(182, 0, Giver.BOTH, every=7, energy=-2, dimensions=())
    pattern = run(flows)
    energy = pattern.energy.reading
    assert energy.recurring_drain is True
    assert energy.draining_months == 6
    assert energy.latest.state is EnergyState.DRAINED
    assert energy.latest.mean == pytest.approx(-26 / 15)
    assert energy.latest.high == pytest.approx(-26 / 15 + 1.645 * math.sqrt(2 / 15 / 15))
    keys = [s.key for s in pattern.suggestions]
    assert keys[0] == "other-support"
    assert {"check-in-energy", "listening-time-blocks"} <= set(keys)
    text = pattern.suggestions[0].text
    assert "other friends" in text and "professional" in text
    # Moments with no dimension count only for energy.
    assert all(p.leaning is Leaning.UNKNOWN for p in pattern.dimensions.values())


def test_one_hard_month_is_not_recurring_drain() -> None:
    # 30 daily moments at -2 in the last month: one drained month slice of six.
    pattern = run(daily(29, 0, Giver.ME, energy=-2))
    energy = pattern.energy.reading
    assert energy.latest.state is EnergyState.DRAINED
    assert energy.draining_months == 1
    assert energy.recurring_drain is False
    assert "other-support" not in {s.key for s in pattern.suggestions}


def test_both_counts_half_each_way_as_mutual_evidence() -> None:
    # 10 shared moments: a = b = 2 + 5 = 7, m = 0.5, sd = sqrt(0.25 / 15) = 0.1291.
    # Compared with no data (a = b = 2, sd = sqrt(0.25 / 5) = 0.2236) it is narrower,
    # and it does not tilt the share either way.
    settings = PatternSettings()
    shared = estimate(0, 0, 10, settings)
    nothing = estimate(0, 0, 0, settings)
    assert shared.share_me == 0.5
    assert shared.uncertainty == pytest.approx(1.645 * math.sqrt(0.25 / 15))
    assert shared.uncertainty < nothing.uncertainty
    # 2 by me and 2 shared: a = 2 + 2 + 1 = 5, b = 2 + 0 + 1 = 3, m = 5/8.
    assert estimate(2, 0, 2, settings).share_me == pytest.approx(5 / 8)
