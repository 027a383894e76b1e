"""Properties that must hold for any data (hypothesis, bounded for speed)."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from reciprocity.patterns import Change, Leaning, PatternSettings
from reciprocity.patterns.energy import energy_window
from reciprocity.patterns.felt import suggest_rating
from reciprocity.patterns.leaning import estimate
from reciprocity.vocabulary import CareStyle, Dimension, Giver, SeasonKind
from tests.patterns.support import PROPERTY, TODAY, Flow, Season, ago, run, swapped

DIMENSIONS = list(Dimension)
MODES = ("me", "them", "alternate", "both", "quiet")


def _giver(mode: str, day: int) -> Giver:
    if mode == "alternate":
        return Giver.ME if day % 2 == 0 else Giver.THEM
    return Giver(mode)


@st.composite
def histories(draw: st.DrawFn) -> list[Flow]:
    """Up to 14 months, each with its own mode and density, plus scattered extras.

    Month-long regimes (always me, always them, alternating ...) make chronic
    imbalance, changes and seasons that matter common, not rare.
    """
    flows: list[Flow] = []
    months = draw(st.integers(1, 14))
    for month in range(months):
        mode = draw(st.sampled_from(MODES))
        every = draw(st.integers(1, 4))
        dims = tuple(draw(st.lists(st.sampled_from(DIMENSIONS), max_size=2, unique=True)))
        energy = draw(st.none() | st.integers(-2, 2))
        style = draw(st.none() | st.sampled_from(list(CareStyle)))
        if mode == "quiet":
            continue
        for n in range(month * 30 + 29, month * 30 - 1, -every):
            flows.append(
                Flow(ago(n), _giver(mode, n), dims or (Dimension.INITIATION,), style, energy)
            )
    extras = draw(
        st.lists(
            st.builds(
                Flow,
                on=st.integers(-5, 450).map(ago),
                by=st.sampled_from(list(Giver)),
                dimensions=st.lists(st.sampled_from(DIMENSIONS), max_size=3).map(tuple),
                style=st.none() | st.sampled_from(list(CareStyle)),
                energy=st.none() | st.integers(-2, 2),
            ),
            max_size=40,
        )
    )
    return flows + extras


seasons_st = st.lists(
    st.builds(
        Season,
        start=st.integers(0, 450).map(ago),
        end=st.none(),
        kind=st.sampled_from(list(SeasonKind)),
        whose=st.sampled_from(["me", "Sam"]),
    ).flatmap(
        lambda s: st.one_of(
            st.just(s),
            st.integers(0, 200).map(
                lambda days: replace(s, end=min(s.start + timedelta(days=days), TODAY))
            ),
        )
    ),
    max_size=3,
)

FLIP = {
    None: None,
    Change.TOWARD_ME: Change.TOWARD_THEM,
    Change.TOWARD_THEM: Change.TOWARD_ME,
    Change.TOWARD_MUTUAL: Change.TOWARD_MUTUAL,
}


@PROPERTY
@given(histories(), seasons_st)
def test_swapping_the_sides_flips_the_leaning(flows: list[Flow], seasons: list[Season]) -> None:
    before = run(flows, seasons)
    after = run(swapped(flows), seasons)
    for dimension in DIMENSIONS:
        a, b = before.dimensions[dimension], after.dimensions[dimension]
        assert b.leaning == a.leaning.flipped()
        assert b.strength == a.strength
        assert b.share_me == 1.0 - a.share_me
        assert b.chronic == a.chronic
        assert b.change == FLIP[a.change]
        assert b.suggested_rating == a.suggested_rating
        assert [w.leaning for w in b.windows] == [w.leaning.flipped() for w in a.windows]


@PROPERTY
@given(histories(), seasons_st, seasons_st)
def test_adding_a_season_never_makes_anything_chronic(
    flows: list[Flow], seasons: list[Season], more: list[Season]
) -> None:
    before = run(flows, seasons)
    after = run(flows, seasons + more)
    for dimension in DIMENSIONS:
        if after.dimensions[dimension].chronic:
            assert before.dimensions[dimension].chronic


@PROPERTY
@given(
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 20),
    st.sampled_from(["to-them", "to-both"]),
    st.sampled_from(DIMENSIONS),
)
def test_more_balanced_data_never_lowers_the_suggested_rating(
    me: int, them: int, both: int, move: str, dimension: Dimension
) -> None:
    # Move one moment from the side carrying more toward balance: to the other side
    # or to "both". The number of moments stays the same.
    if me == them:
        return
    big, small = (Giver.ME, Giver.THEM) if me > them else (Giver.THEM, Giver.ME)
    counts = {Giver.ME: me, Giver.THEM: them, Giver.BOTH: both}

    def flows(c: dict[Giver, int]) -> list[Flow]:
        out: list[Flow] = []
        for giver, n in c.items():
            out += [Flow(ago(i % 90), giver, (dimension,)) for i in range(n)]
        return out

    balanced = dict(counts)
    balanced[big] -= 1
    balanced[small if move == "to-them" else Giver.BOTH] += 1
    before = run(flows(counts)).dimensions[dimension].suggested_rating
    after = run(flows(balanced)).dimensions[dimension].suggested_rating
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert after >= before


@PROPERTY
@given(st.integers(0, 80), st.integers(0, 80), st.integers(0, 30), st.integers(2, 6))
def test_more_data_never_widens_the_uncertainty(me: int, them: int, both: int, k: int) -> None:
    settings = PatternSettings()
    small = estimate(me, them, both, settings)
    large = estimate(k * me, k * them, k * both, settings)
    assert large.uncertainty <= small.uncertainty + 1e-12
    assert large.high - large.low <= small.high - small.low + 1e-12


@PROPERTY
@given(st.lists(st.integers(-2, 2), min_size=1, max_size=60), st.integers(2, 6))
def test_more_energy_data_never_widens_its_uncertainty(values: list[int], k: int) -> None:
    settings = PatternSettings()
    day = TODAY

    def width(scale: int) -> float:
        n, total, squares = (
            scale * len(values),
            scale * sum(values),
            scale * sum(v * v for v in values),
        )
        window = energy_window(day, day, n, total, squares, False, settings)
        assert window.low is not None and window.high is not None
        return window.high - window.low

    assert width(k) <= width(1) + 1e-12


@PROPERTY
@given(histories(), st.randoms(use_true_random=False))
def test_styles_never_change_the_reading(flows: list[Flow], rnd: random.Random) -> None:
    # Care in any style counts the same: restyling every moment changes no leaning,
    # no chronic reading and no suggested rating.
    styles = [None, *CareStyle]
    restyled = [replace(f, style=rnd.choice(styles)) for f in flows]
    a, b = run(flows), run(restyled)
    for dimension in DIMENSIONS:
        x, y = a.dimensions[dimension], b.dimensions[dimension]
        assert (x.leaning, x.strength, x.chronic, x.change, x.suggested_rating) == (
            y.leaning,
            y.strength,
            y.chronic,
            y.change,
            y.suggested_rating,
        )


@PROPERTY
@given(histories(), seasons_st)
def test_the_json_shape_holds(flows: list[Flow], seasons: list[Season]) -> None:
    data = json.loads(run(flows, seasons).to_json())
    assert set(data) >= {"person", "dimensions", "energy", "suggestions"}
    assert data["person"] == "Sam"
    assert set(data["dimensions"]) == {d.value for d in Dimension}
    for entry in data["dimensions"].values():
        assert entry["leaning"] in {"me", "them", "mutual", "unknown"}
        assert 0.0 <= entry["strength"] <= 1.0
        assert isinstance(entry["chronic"], bool) and isinstance(entry["in_season"], bool)
        assert entry["suggested_rating"] in {None, 1, 2, 3, 4, 5}
        assert entry["felt_rating"] is None
        if entry["leaning"] == "unknown":
            assert entry["strength"] == 0.0
        if entry["chronic"]:
            assert entry["leaning"] in {"me", "them"}


@PROPERTY
@given(st.integers(0, 120), st.integers(0, 120), st.integers(0, 40))
def test_a_reading_and_the_suggested_rating_tell_the_same_story(
    me: int, them: int, both: int
) -> None:
    # The mutual band ends where the rating cut points stop suggesting 4 ("mostly
    # mutual"): a one-sided reading never sits beside a 4 or 5, nor "both ways" beside
    # a 3 or lower, and a window that says anything always has a suggested rating.
    settings = PatternSettings()
    reading = estimate(me, them, both, settings)
    suggested = suggest_rating(reading, settings)
    if reading.leaning is Leaning.UNKNOWN:
        return
    assert suggested is not None
    if reading.leaning is Leaning.MUTUAL:
        assert suggested.rating >= 4
    else:
        assert suggested.rating <= 3
        assert str(suggested.direction) == str(reading.leaning)
