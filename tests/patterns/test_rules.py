"""Smaller rules: felt versus evidence, suggestions, seasons, windows, bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest

from reciprocity.patterns import (
    Agreement,
    FeltRating,
    Leaning,
    PatternSettings,
    SuggestedRating,
)
from reciprocity.patterns.felt import compare, suggest_rating
from reciprocity.patterns.leaning import estimate
from reciprocity.patterns.window import add_months, build_grid
from reciprocity.vocabulary import CareStyle, Dimension, Direction, Giver, SeasonKind
from tests.patterns.support import TODAY, Flow, Season, ago, alternating, daily, run

ME, THEM, MUTUAL = Direction.ME, Direction.THEM, Direction.MUTUAL


@pytest.mark.parametrize(
    ("me", "them", "rating"),
    [
        # a = 2 + me, b = 2 + them; c = max(m, 1 - m) against 0.60 / 0.70 / 0.80 / 0.90.
        (10, 10, 5),  # c = 0.5
        (14, 10, 5),  # c = 16/28 = 0.571
        (16, 8, 4),  # c = 18/28 = 0.643
        (19, 7, 3),  # c = 21/30 = 0.700 -> not below 0.70
        (24, 4, 2),  # c = 26/32 = 0.8125
        (40, 2, 1),  # c = 42/46 = 0.913
        (2, 40, 1),  # the other way round, same rating
    ],
)
def test_suggested_rating_cut_points(me: int, them: int, rating: int) -> None:
    suggested = suggest_rating(estimate(me, them, 0, PatternSettings()), PatternSettings())
    assert suggested is not None and suggested.rating == rating
    if rating < 5:
        assert suggested.direction is (ME if me > them else THEM)


def test_no_suggested_rating_below_the_minimum_count() -> None:
    assert suggest_rating(estimate(4, 0, 0, PatternSettings()), PatternSettings()) is None


@pytest.mark.parametrize(
    ("felt", "suggested", "agreement"),
    [
        (None, None, Agreement.NOTHING_YET),
        (None, SuggestedRating(3, ME), Agreement.EVIDENCE_ONLY),
        (FeltRating(2, ME), None, Agreement.FELT_ONLY),
        (FeltRating(2, ME), SuggestedRating(3, ME), Agreement.AGREE),
        (FeltRating(2, ME), SuggestedRating(5, MUTUAL), Agreement.EVIDENCE_MORE_MUTUAL),
        (FeltRating(5, MUTUAL), SuggestedRating(2, THEM), Agreement.EVIDENCE_MORE_ONE_SIDED),
        (FeltRating(2, ME), SuggestedRating(2, THEM), Agreement.OTHER_WAY),
        # "mostly mutual" either way is not a disagreement.
        (FeltRating(4, ME), SuggestedRating(4, THEM), Agreement.AGREE),
    ],
)
def test_felt_versus_evidence(
    felt: FeltRating | None, suggested: SuggestedRating | None, agreement: Agreement
) -> None:
    assert compare(felt, suggested) is agreement


def test_the_felt_rating_stays_beside_the_evidence() -> None:
    felt = {Dimension.INITIATION: FeltRating(2, ME)}
    pattern = run(alternating(179, 0), felt=felt)
    initiation = pattern.dimensions[Dimension.INITIATION]
    assert initiation.felt_rating == 2
    assert initiation.suggested_rating == 5
    assert initiation.agreement is Agreement.EVIDENCE_MORE_MUTUAL
    assert "(5)" in initiation.explanation and "(2)" in initiation.explanation
    data = pattern.as_dict()["dimensions"]
    assert isinstance(data, dict)
    assert data["initiation"]["felt_rating"] == 2
    assert data["initiation"]["suggested_rating"] == 5
    # The felt rating guides: the practice is suggested although the notes look mutual.
    keys = [(s.key, s.dimension) for s in pattern.suggestions]
    assert ("ritual-alternating-initiation", Dimension.INITIATION) in keys
    assert ("compare-views", Dimension.INITIATION) in keys


def test_depth_explanation_covers_hard_and_good_news() -> None:
    pattern = run([], felt={Dimension.DEPTH: FeltRating(3, THEM)})
    assert "good news" in pattern.dimensions[Dimension.DEPTH].explanation
    assert "good news" not in pattern.dimensions[Dimension.CRISIS].explanation


@pytest.mark.parametrize(
    ("dimension", "key"),
    [
        (Dimension.INITIATION, "ritual-alternating-initiation"),
        (Dimension.DEPTH, "depth-prompts"),
        (Dimension.CRISIS, "crisis-support-conversation"),
        (Dimension.MAINTENANCE, "shared-upkeep"),
    ],
)
@pytest.mark.parametrize("direction", [ME, THEM])
def test_a_low_felt_rating_draws_the_dimension_practice(
    dimension: Dimension, key: str, direction: Direction
) -> None:
    pattern = run([], felt={dimension: FeltRating(1, direction)})
    found = [s for s in pattern.suggestions if s.dimension is dimension]
    assert [s.key for s in found] == [key]
    assert "Sam" in found[0].text or dimension is Dimension.DEPTH


def test_receiving_more_for_months_is_reported_gently() -> None:
    pattern = run(daily(239, 0, Giver.THEM))
    initiation = pattern.dimensions[Dimension.INITIATION]
    assert initiation.leaning is Leaning.THEM and initiation.chronic
    assert "not a failing" in " ".join(initiation.notes)
    keys = {s.key for s in pattern.suggestions}
    assert {"receiving-more", "ritual-alternating-initiation"} <= keys


def test_a_users_own_season_is_worded_as_theirs() -> None:
    seasons = [Season(ago(30), None, SeasonKind.GRIEF, "me")]
    pattern = run(daily(60, 0, Giver.THEM), seasons)
    assert pattern.season is not None and pattern.season.whose == "me"
    first = pattern.suggestions[0]
    assert first.key == "season-patience"
    assert "your time of grief" in first.text


def test_a_season_counts_for_a_grace_period_after_it_ends() -> None:
    ended = [Season(date(2026, 1, 1), date(2026, 2, 1))]
    windows = run(daily(239, 0, Giver.ME), ended).dimensions[Dimension.INITIATION].windows
    marks = {w.end: w.in_season for w in windows}
    # The window to 15 Apr starts 16 Jan: inside the season. The one to 15 May starts
    # 15 Feb: within 30 days of its end (1 Mar). The one to 15 Jun starts 18 Mar: outside.
    assert marks[date(2026, 4, 15)] and marks[date(2026, 5, 15)]
    assert not marks[date(2026, 6, 15)]


def test_styles_shape_words_not_counts() -> None:
    flows = daily(89, 0, Giver.ME, every=2, style=CareStyle.PRACTICAL) + daily(
        88, 1, Giver.THEM, every=2, style=CareStyle.LISTENING
    )
    pattern = run(flows)
    initiation = pattern.dimensions[Dimension.INITIATION]
    assert initiation.leaning is Leaning.MUTUAL
    assert initiation.styles.differ
    assert any("practical help" in note and "listening" in note for note in initiation.notes)
    # Mutual flow in different styles needs no suggestion about styles.
    assert "ways-of-caring" not in {s.key for s in pattern.suggestions}


def test_flows_after_today_are_left_out() -> None:
    future = [Flow(date(2026, 7, 1), Giver.ME) for _ in range(50)]
    pattern = run(future)
    assert pattern.dimensions[Dimension.INITIATION].leaning is Leaning.UNKNOWN
    assert len(pattern.dimensions[Dimension.INITIATION].windows) == 1


def test_a_repeated_dimension_counts_once() -> None:
    twice = (Dimension.DEPTH, Dimension.DEPTH)
    pattern = run(daily(9, 0, Giver.ME, dimensions=twice))
    assert pattern.dimensions[Dimension.DEPTH].me == 10


def test_orm_objects_can_be_passed_directly() -> None:
    from reciprocity.model.moment import Moment
    from reciprocity.model.season import Season as SeasonRow

    moments = [
        Moment(on=ago(n), by=Giver.ME, dimensions=[Dimension.CRISIS], energy=1) for n in range(10)
    ]
    season = SeasonRow(kind=SeasonKind.MOVE, start=ago(20))
    pattern = run(moments, [season])
    assert pattern.dimensions[Dimension.CRISIS].me == 10
    assert pattern.dimensions[Dimension.CRISIS].in_season
    assert pattern.energy.reading.latest.moments == 10


@dataclass(frozen=True)
class OddFlow:
    on: date
    by: str
    dimensions: tuple[str, ...] = ()
    style: None = None
    energy: int | None = None


@pytest.mark.parametrize(
    ("flow", "message"),
    [
        (OddFlow(TODAY, "someone"), "unknown giver"),
        (OddFlow(TODAY, "me", ("kindness",)), "unknown dimension"),
        (OddFlow(TODAY, "me", (), None, 3), re.escape("outside -2..2")),
    ],
)
def test_bad_flows_are_named(flow: OddFlow, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        run([flow])  # type: ignore[list-item]


def test_a_season_ending_before_it_starts_is_named() -> None:
    with pytest.raises(ValueError, match="ends"):
        run([], [Season(date(2026, 3, 1), date(2026, 2, 1))])


def test_felt_ratings_and_settings_are_checked() -> None:
    with pytest.raises(ValueError, match=re.escape("outside 1..5")):
        FeltRating(6, ME)
    with pytest.raises(ValueError, match="mutual_band"):
        PatternSettings(mutual_band=0.6)
    with pytest.raises(ValueError, match="rating_cutpoints"):
        PatternSettings(rating_cutpoints=(0.9, 0.8, 0.7, 0.6))


def test_months_step_back_from_today_clamped_to_the_month() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)
    grid = build_grid(date(2026, 3, 31), date(2025, 12, 1), PatternSettings())
    assert [w.end for w in grid.windows] == [
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    assert all((w.end - w.start).days == 89 for w in grid.windows)
    assert len(grid.slices) == 6
