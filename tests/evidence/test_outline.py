"""Outlining messages: the columns kept of each one, in time order and day by day."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.evidence.message import Message, MessageColumns, MessageKind, minute_of, moment_of
from reciprocity.evidence.outline import Outliner


def _message(minute: int, author: str, body: str) -> Message:
    return Message(moment_of(minute), author, body, MessageKind.TEXT, 1)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1440 * 700_000, max_value=1440 * 750_000),
            st.sampled_from(["Alex", "Sam", "Ró"]),
            st.text(max_size=40),
        ),
        max_size=40,
    )
)
def test_an_outline_in_time_order_splits_into_its_days(rows: list[tuple[int, str, str]]) -> None:
    outline = Outliner(keep_text=True).outline(MessageColumns.of([_message(*row) for row in rows]))
    assert list(outline.minutes) == [minute for minute, _, _ in rows]
    ordered = outline.in_time_order()
    assert list(ordered.minutes) == sorted(outline.minutes)
    days = list(ordered.days())
    assert sum(len(day) for _, day in days) == len(rows)
    assert all(set(day.minutes) and {m // 1440 for m in day.minutes} == {n} for n, day in days)


def test_minutes_count_as_the_evidence_step_counts() -> None:
    moment = datetime(2026, 3, 2, 9, 5, 59)
    columns = MessageColumns.of([Message(moment, "Alex", "hi", MessageKind.TEXT, 1)])
    assert columns.messages() == [Message(moment, "Alex", "hi", MessageKind.TEXT, 1)]
    outline = Outliner().outline(columns)
    assert outline.minutes[0] == minute_of(moment)
    assert moment_of(outline.minutes[0]) == moment.replace(second=0)
