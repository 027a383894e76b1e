"""Honest feedback put together from what a person types, in whatever shape they type it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.coach import practices as words
from reciprocity.coach.feedback import compose

UNGRAMMATICAL = re.compile(
    r"\.\.|\s[,.?!]|,,|[?!.,][.?!,]|\bWhen (?:when|why|how|what|it's)\b|\bto it's\b|"
    r"\bopen to (?:you|I|we|it's|could|would|please)\b|\bwilling to (?:you|to|please)\b|\s{2}",
    re.IGNORECASE,
)


def sentences_of(message: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", message) if s]


def assert_reads_well(message: str) -> None:
    assert not UNGRAMMATICAL.search(message), message
    for said in sentences_of(message):
        assert said[0].isupper() or said[0] in "'\"", (said, message)
        assert said[-1] in ".?!", (said, message)
    assert message.endswith(words.FEEDBACK_CLOSE)


@pytest.mark.parametrize(
    ("situation", "asked", "impact", "expected"),
    [
        (
            "Why am I the one who always books dinner?",
            "it's his turn to call",
            None,
            "Why am I the one who always books dinner? I felt a bit alone with it. "
            "Would it work for you if it's his turn to call?",
        ),
        (
            "You cancelled on Friday.",
            "Could you call on Sundays?",
            "I felt hurt.",
            "When you cancelled on Friday, I felt hurt. Could you call on Sundays?",
        ),
        (
            "It's been weeks since we talked.",
            "call me on Sundays.",
            "It hurt.",
            "It's been weeks since we talked. It hurt. Would you be willing to call me on Sundays?",
        ),
        (
            "When you forgot my birthday",
            "more time together",
            "like I didn't matter",
            "When you forgot my birthday, I felt like I didn't matter. "
            "Would you be open to more time together?",
        ),
        (
            "the last three plans fell through on the day",
            "letting me know a day ahead",
            "unimportant",
            "When the last three plans fell through on the day, I felt unimportant. "
            "Would you be open to letting me know a day ahead?",
        ),
        (
            "Sam left early",
            "we take turns choosing",
            "My stomach dropped",
            "When Sam left early, my stomach dropped. Could we take turns choosing?",
        ),
        (
            "Last Friday you cancelled an hour before",
            "please tell me sooner!",
            "flat",
            "Last Friday you cancelled an hour before. I felt flat. "
            "Would you be willing to tell me sooner?",
        ),
    ],
)
def test_the_parts_make_one_grammatical_message(
    situation: str, asked: str, impact: str | None, expected: str
) -> None:
    built = compose(situation, asked, impact)
    assert built.message.startswith(expected)
    assert_reads_well(built.message)


def test_alternatives_become_a_list_whatever_their_shape() -> None:
    built = compose(
        "you were late", "a text next time", "", ["Could we alternate?", "a walk instead."]
    )
    assert "Some options we could try: alternating; a walk instead." in built.message
    one = compose("you were late", "a text next time", "", ["Let's swap who drives"])
    assert "One option we could try: swapping who drives." in one.message
    default = compose("you were late", "a text next time")
    assert "; ".join(words.FEEDBACK_DEFAULT_ALTERNATIVES) in default.message


def test_each_part_gets_the_same_phrasing_check() -> None:
    built = compose(
        "Why am I the one who always books dinner?",
        "it's his turn to call",
        "used",
        ["You should plan more"],
    )
    found = {finding.part: finding for finding in built.findings}
    assert set(found) == {"situation", "request", "alternative"}
    assert found["situation"].offer.rewrite == "Could we take turns booking dinner?"
    assert found["request"].offer.rewrite == "Could we take turns calling?"
    assert found["alternative"].offer.rewrite == "Would you be up for planning more?"
    assert len(built.notes) == 3 and all("gentle thought" in note for note in built.notes)
    shape = built.as_dict()
    assert set(shape) >= {"message", "tips", "notes", "findings"}
    assert shape["findings"][1] == {
        "part": "request",
        "words": "it's his turn to call",
        **found["request"].offer.as_dict(),
    }


def test_fair_feedback_gets_no_notes() -> None:
    built = compose(
        "you cancelled on Friday", "a call on Sundays", "flat", ["taking turns to plan"]
    )
    assert built.findings == () and built.notes == []


SITUATIONS = st.sampled_from(
    [
        "you cancelled on Friday",
        "Why am I the one who always books dinner",
        "It's been weeks since we talked",
        "when you forgot my birthday",
        "Last Friday you left early",
        "Sam forgot the tickets",
        "we argued about money",
        "the plans changed without a message",
        "You never call me",
        "it's his turn to call",
    ]
)
IMPACTS = st.sampled_from(
    [
        "",
        "hurt",
        "I felt hurt",
        "It hurt",
        "like I didn't matter",
        "a bit flat",
        "it made me feel small",
    ]
)
REQUESTS = st.sampled_from(
    [
        "call me on Sundays",
        "letting me know a day ahead",
        "more time together",
        "Could you call on Sundays",
        "we take turns choosing",
        "it's his turn to call",
        "you could text me when you're late",
        "please tell me sooner",
        "I'd like us to plan together",
        "Sam hosts next time",
        "Would it help to talk weekly",
    ]
)
ENDINGS = st.sampled_from(["", ".", "?", "!", "...", " ", "?!"])
CASES = st.sampled_from([str.lower, str.capitalize, lambda s: s])


@settings(max_examples=300, deadline=None)
@given(SITUATIONS, IMPACTS, REQUESTS, ENDINGS, ENDINGS, CASES, CASES)
def test_whatever_shape_the_parts_come_in_the_message_reads_well(
    situation: str,
    impact: str,
    request: str,
    end_situation: str,
    end_request: str,
    case_situation: object,
    case_request: object,
) -> None:
    assert callable(case_situation) and callable(case_request)
    built = compose(
        case_situation(situation) + end_situation, case_request(request) + end_request, impact
    )
    assert_reads_well(built.message)
    for part in (situation, request):
        last = part.split()[-1].lower()
        assert last in built.message.lower(), (part, built.message)  # the person's words are kept


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120), st.text(max_size=60))
def test_any_text_is_composed_without_error(situation: str, request: str, impact: str) -> None:
    built = compose(situation, request, impact)
    assert built.message.endswith(words.FEEDBACK_CLOSE)
    assert not re.search(r"\{(?:situation|impact|request|options?)\}", built.message)
