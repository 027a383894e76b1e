"""Each person's exchange with the user in a group chat, checked against reading conversation by conversation."""

from __future__ import annotations

from array import array
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.evidence.conversations import exchanges_by_person
from reciprocity.evidence.derive import EvidenceSettings
from reciprocity.evidence.outline import Outline

from .stepwise import exchanges_stepwise


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 4)), max_size=60),
    st.dictionaries(st.integers(1, 5), st.integers(100, 102), min_size=1, max_size=4),
    st.sampled_from([0, 30, 480]),
)
def test_exchanges_follow_the_conversations_both_sides_wrote_in(
    raw: list[tuple[int, int]], people: dict[int, int], silence: int
) -> None:
    rows = sorted(raw)
    outline = Outline(
        minutes=array("q", (minute for minute, _ in rows)),
        authors=array("h", (author for _, author in rows)),
        lengths=array("i", range(len(rows))),  # each message's length is its index, to follow it
        kinds=array("b", [0] * len(rows)),
        flags=array("b", [0] * len(rows)),
        fingerprints=array("q", range(len(rows))),
    )
    chosen = EvidenceSettings(silence=timedelta(minutes=silence))
    found = exchanges_by_person(outline, 0, people, chosen)
    expected = exchanges_stepwise(rows, 0, people, silence)
    if len(set(people.values())) == 1 and {author for _, author in rows} <= {0, *people}:
        expected = {next(iter(people.values())): list(range(len(rows)))}
    assert {person: list(exchange.lengths) for person, exchange in found.items()} == expected
    for exchange in found.values():
        assert list(exchange.mine) == [outline.authors[i] == 0 for i in exchange.lengths]


def test_calls_are_set_apart_and_kept_only_between_two() -> None:
    call, text = 3, 0  # positions in KINDS
    two = Outline(
        minutes=array("q", [10, 20, 30]),
        authors=array("h", [1, 0, 1]),
        lengths=array("i", [0, 3, 4]),
        kinds=array("b", [call, text, text]),
        flags=array("b", [0, 0, 0]),
        fingerprints=array("q", [1, 2, 3]),
    )
    exchange = exchanges_by_person(two, 0, {1: 100}, EvidenceSettings())[100]
    assert list(exchange.minutes) == [20, 30]
    assert (list(exchange.call_minutes), list(exchange.call_mine)) == ([10], [False])
    group = Outline(
        minutes=array("q", [10, 20, 30, 40]),
        authors=array("h", [1, 0, 1, 2]),
        lengths=array("i", [0, 3, 4, 2]),
        kinds=array("b", [call, text, text, text]),
        flags=array("b", [0, 0, 0, 0]),
        fingerprints=array("q", [1, 2, 3, 4]),
    )
    exchanges = exchanges_by_person(group, 0, {1: 100, 2: 200}, EvidenceSettings())
    assert all(not e.call_minutes for e in exchanges.values())
    assert list(exchanges[100].minutes) == [20, 30]
