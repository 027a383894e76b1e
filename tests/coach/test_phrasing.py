from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.coach.phrasing import Concern, check, rewrite


@pytest.mark.parametrize(
    ("words", "concern"),
    [
        ("You never call me first.", Concern.ABSOLUTE),
        ("you always cancel at the last minute", Concern.ABSOLUTE),
        ("She is always late", Concern.ABSOLUTE),
        ("You owe me after all I did", Concern.DEBT),
        ("It's your turn to pay me back", Concern.DEBT),
        ("I keep score of who calls", Concern.DEBT),
        ("You're so selfish", Concern.LABEL),
        ("he is such a taker", Concern.LABEL),
    ],
)
def test_flags_blame_and_debt_wording(words: str, concern: Concern) -> None:
    assert concern in {flag.concern for flag in check(words)}
    suggestion = rewrite(words)
    assert suggestion is not None
    assert check(suggestion) == []  # the suggested wording passes its own check


@pytest.mark.parametrize(
    "words",
    [
        "A standing call every other Sunday that we take turns starting.",
        "I would love us to plan the holidays together.",
        "When I share something hard, I'd like a question back.",
        "We always laugh together",  # 'always' about us, not an accusation
    ],
)
def test_request_shaped_wording_passes(words: str) -> None:
    assert check(words) == []
    assert rewrite(words) is None


def test_rewrite_keeps_the_request() -> None:
    assert rewrite("You never ask about my day") == (
        "Would you be up for asking about my day more often? It would mean a lot to me."
    )
    assert rewrite("you always cancel plans") == (
        "When you cancel plans, I feel … . Could we look for another way together?"
    )


@given(st.text(max_size=200))
def test_any_text_is_checked_without_error(words: str) -> None:
    flags = check(words)
    assert (rewrite(words) is None) == (not flags)
