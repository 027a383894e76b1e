"""``notes_needed``: what would let a dimension say something, from the rule the reading uses."""

from __future__ import annotations

import json
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.coach import suggestions as words
from reciprocity.patterns import Leaning, PatternSettings
from reciprocity.patterns.leaning import estimate, notes_needed
from reciprocity.vocabulary import Dimension, Giver
from tests.patterns.support import PROPERTY, alternating, daily, run

SETTINGS = PatternSettings()
STEPS = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
"""One more note: by the user, by the other person, or shared."""


def _mixes(k: int) -> list[tuple[int, int, int]]:
    """Every way ``k`` further notes can split into by me, by them and shared."""
    return [(i, j, k - i - j) for i in range(k + 1) for j in range(k + 1 - i)]


def _reads(counts: tuple[int, int, int], more: tuple[int, int, int]) -> bool:
    me, them, both = (a + b for a, b in zip(counts, more, strict=True))
    return estimate(me, them, both, SETTINGS).leaning is not Leaning.UNKNOWN


@pytest.mark.parametrize(
    ("counts", "needed"),
    [
        # Nothing noted: Beta(2, 2). Five more notes at best make Beta(4.5, 4.5),
        # sd = sqrt(0.25 / 10) = 0.158, P(0.3 <= p <= 0.7) = 0.794 < 0.8; six split
        # three and three make Beta(5, 5), sd = 0.151, P = 0.815 -> "both ways".
        ((0, 0, 0), 6),
        # One by me: four by them and one more by me also make Beta(5, 5).
        ((1, 0, 0), 5),
        # Three by me (the worked example "three moments"): three by them -> Beta(5, 5).
        ((3, 0, 0), 3),
        # Six by me: Beta(8, 2), P(p > 0.7) = 0.796; one more by me: Beta(9, 2), 0.856.
        ((6, 0, 0), 1),
        # Five shared: Beta(4.5, 4.5), 0.794; one more shared: Beta(5, 5), 0.815.
        ((0, 0, 5), 1),
        # Sixty by me and thirty by them sit at the line (P(mutual) = 0.797);
        # one more by them tips it: Beta(62, 33), P(mutual) = 0.835.
        ((60, 30, 0), 1),
        # Already a reading: nothing is needed.
        ((3, 3, 0), 0),
        ((7, 0, 0), 0),
    ],
)
def test_worked_counts(counts: tuple[int, int, int], needed: int) -> None:
    assert notes_needed(*counts, SETTINGS) == needed


@PROPERTY
@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 12))
def test_the_fewest_notes_that_could_give_a_reading(me: int, them: int, both: int) -> None:
    counts = (me, them, both)
    needed = notes_needed(me, them, both, SETTINGS)
    assert (needed == 0) == _reads(counts, (0, 0, 0))
    if needed == 0:
        return
    # Some mix of ``needed`` more notes gives a reading; no mix of fewer does.
    assert any(_reads(counts, more) for more in _mixes(needed))
    assert not any(_reads(counts, more) for k in range(needed) for more in _mixes(k))


@PROPERTY
@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 12))
def test_one_more_note_brings_it_at_most_one_closer(me: int, them: int, both: int) -> None:
    needed = notes_needed(me, them, both, SETTINGS)
    after = [notes_needed(me + a, them + b, both + c, SETTINGS) for a, b, c in STEPS]
    assert all(n >= needed - 1 for n in after)
    if needed > 0:
        assert min(after) == needed - 1, "the right note always helps"
    # Whose side it is does not matter.
    assert notes_needed(them, me, both, SETTINGS) == needed


def test_a_small_prior_is_still_held_to_the_floor_of_five() -> None:
    # With a weak prior two notes by me would clear 80 %, but min_moments keeps
    # "three notes never make a verdict" true: three more are needed.
    weak = PatternSettings(prior=0.5)
    assert estimate(4, 0, 0, weak).leaning is Leaning.UNKNOWN
    assert notes_needed(2, 0, 0, weak) == 3
    assert estimate(5, 0, 0, weak).leaning is Leaning.ME


def test_each_dimension_carries_it_and_says_it() -> None:
    # Depth has three notes by me; initiation alternates every day (a reading);
    # crisis and maintenance have nothing.
    flows = alternating(179, 0) + daily(2, 0, Giver.ME, dimensions=(Dimension.DEPTH,))
    pattern = run(flows)
    initiation, depth, crisis = (pattern.dimensions[d] for d in list(Dimension)[:3])
    assert (initiation.notes_needed, initiation.need) == (0, "")
    assert depth.leaning is Leaning.UNKNOWN and depth.notes_needed == 3
    assert depth.need == "Three more notes about depth could be enough for a first reading."
    assert crisis.notes_needed == 6
    assert crisis.need == (
        "Six more notes about crisis response could be enough for a first reading."
    )
    data = json.loads(pattern.to_json())["dimensions"]
    assert [data[str(d)]["notes_needed"] for d in Dimension] == [0, 3, 6, 6]
    assert data["depth"]["need"] == depth.need


def test_a_dimension_read_before_needs_notes_to_say_something_again() -> None:
    # Always me from 239 to 90 days ago, then silence: the latest window is empty,
    # the earlier ones leaned "me".
    initiation = run(daily(239, 90, Giver.ME)).dimensions[Dimension.INITIATION]
    assert initiation.notes_needed == 6
    assert initiation.need == (
        "Six more notes about initiation could be enough to say something about the last 90 days."
    )


@pytest.mark.parametrize(
    ("count", "said"),
    [(0, "no"), (1, "one"), (2, "two"), (12, "twelve"), (13, "13"), (40, "40")],
)
def test_numbers_in_words_where_natural(count: int, said: str) -> None:
    assert words.number_word(count) == said


def test_the_short_form_for_tables() -> None:
    assert words.need_short(1) == "one more note could be enough"
    assert words.need_short(6) == "six more notes could be enough"
    sentence = words.need_sentence("depth", 1, first=True, days=90)
    assert sentence == "One more note about depth could be enough for a first reading."


def test_every_window_shape_has_a_finite_answer() -> None:
    for me, them, both in product(range(0, 30, 3), range(0, 30, 3), range(0, 9, 4)):
        assert 0 <= notes_needed(me, them, both, SETTINGS) <= 30


def test_moments_with_no_dimension_are_counted_and_the_words_say_what_would_help() -> None:
    # Five moments with no dimension in the last 90 days count only for energy; the
    # suggestions say that naming what each was about would let them count.
    pattern = run(daily(20, 0, Giver.ME, every=5, dimensions=()))
    assert pattern.untagged == 5
    assert all(d.leaning is Leaning.UNKNOWN and d.me == 0 for d in pattern.dimensions.values())
    found = [s for s in pattern.suggestions if s.key == "name-dimensions"]
    assert [s.reason for s in found] == ["untagged"]
    assert found[0].text == (
        "Five of the moments noted with Sam in the last 90 days say nothing yet about what "
        "they were (initiation, depth, crisis response or maintenance). Adding "
        "that would let them count toward a reading."
    )
    assert json.loads(pattern.to_json())["untagged"] == 5
    one = run(daily(0, 0, Giver.ME, dimensions=()))
    assert [s.text[:32] for s in one.suggestions if s.key == "name-dimensions"] == [
        "One moment noted with Sam in the"
    ]


def test_no_such_note_when_every_dimension_already_speaks() -> None:
    everywhere = tuple(Dimension)
    flows = alternating(179, 0, dimensions=everywhere) + daily(3, 0, Giver.ME, dimensions=())
    pattern = run(flows)
    assert pattern.untagged == 4
    assert all(d.leaning is not Leaning.UNKNOWN for d in pattern.dimensions.values())
    assert "name-dimensions" not in {s.key for s in pattern.suggestions}
