"""The evidence step on hand-made exchanges, with the expected readings worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.evidence.derive import Exchange, read
from reciprocity.evidence.message import minute_of
from reciprocity.evidence.signals import flags_of
from reciprocity.vocabulary import Dimension, Giver

START = datetime(2026, 3, 2, 9, 0)


def lines(*messages: tuple[float, bool, str]) -> Exchange:
    """(hours after START, mine, text) → an exchange."""
    return Exchange.of(
        (minute_of(START + timedelta(hours=h)), mine, len(text), flags_of(text))
        for h, mine, text in messages
    )


def test_conversations_starts_replies_and_unanswered_bids() -> None:
    reading = read(
        lines(
            (0, True, "morning!"),
            (0.5, False, "hey"),
            (1, True, "coffee later?"),  # conversation 1, I start
            (20, False, "you around?"),  # 2, they start, no reply
            (40, True, "sorry, busy week"),
            (42, False, "no worries"),  # 3, I start
        )
    )
    assert reading.conversations == 3
    assert reading.started == {"me": 2, "them": 1}
    assert reading.unanswered == {"me": 0, "them": 1}
    # their replies: 30 min and 120 min → median 75; mine: 30 min
    assert reading.response_minutes == {"me": 30.0, "them": 75.0}
    starts = [(s.on, s.by) for s in reading.signals if s.kind == "started"]
    assert starts == [
        (date(2026, 3, 2), Giver.ME),
        (date(2026, 3, 3), Giver.THEM),
        (date(2026, 3, 4), Giver.ME),
    ]


def test_check_ins_remembered_dates_depth_and_support() -> None:
    reading = read(
        lines(
            (0, False, "How did it go today?"),  # check-in by them
            (1, True, "I'm struggling a bit with it honestly"),  # a disclosure…
            (1.5, False, "I'm here. Tell me everything."),  # …met by them: depth
            (30, True, "Happy birthday!!"),  # remembered date by me
            (50, False, "Dad is in hospital"),  # a hard time for them…
            (50.2, True, "Oh no, I'm so sorry"),
            (51, True, "Can I bring dinner?"),
            (52, True, "On my way"),
        )
    )
    kinds = {(s.kind, s.by) for s in reading.signals}
    assert ("check-in", Giver.THEM) in kinds
    assert ("met-disclosure", Giver.THEM) in kinds
    assert ("remembered-date", Giver.ME) in kinds
    assert ("support-burst", Giver.ME) in kinds
    burst = next(s for s in reading.signals if s.kind == "support-burst")
    assert burst.dimensions == (Dimension.CRISIS,)


def test_signals_count_once_per_day_kind_and_side() -> None:
    reading = read(
        lines(
            (0, True, "how are you?"), (0.1, True, "how are you doing?"), (0.2, True, "how are you")
        )
    )
    assert [s.kind for s in reading.signals] == ["started", "check-in"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5000), st.booleans(), st.integers(0, 500), st.integers(0, 31)),
        max_size=60,
    )
)
def test_swapping_sides_mirrors_the_reading(raw: list[tuple[int, bool, int, int]]) -> None:
    base = minute_of(START)
    ordered = sorted(((base + m, mine, n, f) for m, mine, n, f in raw), key=lambda r: r[0])
    one = read(Exchange.of(ordered))
    two = read(Exchange.of((m, not mine, n, f) for m, mine, n, f in ordered))
    assert one.conversations == two.conversations
    assert one.started == {"me": two.started["them"], "them": two.started["me"]}
    assert one.unanswered == {"me": two.unanswered["them"], "them": two.unanswered["me"]}
    flip = {Giver.ME: Giver.THEM, Giver.THEM: Giver.ME}
    assert sorted((s.on, flip[s.by], s.kind) for s in one.signals) == sorted(
        (s.on, s.by, s.kind) for s in two.signals
    )


def test_an_empty_exchange_reads_as_nothing() -> None:
    reading = read(Exchange.of([]))
    assert reading.conversations == 0 and reading.signals == []
    assert reading.response_minutes == {"me": None, "them": None}


def test_calls_are_contact_of_their_own_not_messages() -> None:
    minute = minute_of(START)
    exchange = Exchange.of(
        [(minute + 60, True, 5, 0), (minute + 70, False, 5, 0)],
        calls=[(minute, False), (minute + 5, False), (minute + 3000, True)],
    )
    reading = read(exchange)
    assert reading.conversations == 1 and reading.started == {"me": 1, "them": 0}
    assert reading.calls == {"me": 1, "them": 2}
    called = [(s.on, s.by, s.dimensions) for s in reading.signals if s.kind == "call"]
    assert called == [
        (START.date(), Giver.THEM, (Dimension.INITIATION,)),  # once a day and side
        ((START + timedelta(minutes=3000)).date(), Giver.ME, (Dimension.INITIATION,)),
    ]
