"""Sentences the practices build from what is stored read well whatever was typed into them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from reciprocity.coach import practices as words


@pytest.mark.parametrize(
    ("title", "names", "said"),
    [
        ("Climbing", ["Priya"], "Climbing with Priya"),
        ("Film night", ["Sam", "Jordan"], "Film night with Sam and Jordan"),
        ("Sunday call with Mum", ["Rosa"], "Sunday call with Mum (Rosa)"),
        ("Walk WITH the dogs", ["Sam"], "Walk WITH the dogs (Sam)"),
        ("Dinner with Jordan", ["Jordan"], "Dinner with Jordan"),
        ("Tea with A.B.", ["A.B."], "Tea with A.B."),
        ("Jordanian food", ["Jordan"], "Jordanian food with Jordan"),
        ("Withering walk", ["Sam"], "Withering walk with Sam"),
        ("Dinner with Jordan", ["Jordan", "Sam"], "Dinner with Jordan (Jordan and Sam)"),
    ],
)
def test_a_ritual_is_named_with_its_people_once(title: str, names: list[str], said: str) -> None:
    assert words.ritual_named(title, names) == said


@dataclass(frozen=True)
class Item:
    kind: str
    day: date
    people: tuple[str, ...]
    state: str = "soon"
    details: dict[str, object] = field(default_factory=dict)


@pytest.mark.parametrize(
    ("state", "said"),
    [
        ("today", "Sunday call with Mum (Rosa) is today; you host next"),
        ("soon", "Sunday call with Mum (Rosa) is coming up on 8 Nov 2026; you host next"),
        ("waiting", "Sunday call with Mum (Rosa) was planned for 8 Nov 2026; it is not marked"),
    ],
)
def test_what_is_due_names_a_ritual_once(state: str, said: str) -> None:
    item = Item(
        "ritual", date(2026, 11, 8), ("Rosa",), state,
        {"title": "Sunday call with Mum", "hosts_next": "me"},
    )  # fmt: skip
    assert words.due_text(item).startswith(said)


def test_a_count_meets_its_noun_in_the_singular_and_the_plural() -> None:
    assert words.rhythm_last(date(2026, 10, 31), 1) == "Last in touch on 31 Oct 2026, 1 day ago."
    assert words.rhythm_last(date(2026, 10, 25), 7) == "Last in touch on 25 Oct 2026, 7 days ago."
    assert words.rhythm_last(date(2026, 11, 1), 0) == words.RHYTHM_LAST_TODAY
    assert words.rhythm_gaps(1, 2) == "Ideally every 1 day; up to 2 days apart feels comfortable."
    rhythm = Item("rhythm", date(2026, 11, 1), ("Sam",), details={"gap_days": 1})
    assert words.due_text(rhythm).startswith("It has been 1 day since you and Sam")
    assert words.kept_words({"done": 1, "missed": 0, "skipped": 1, "since": "2026-05-03"}) == (
        "kept 1 of 1 since 3 May 2026 (1 skipped by choice)"
    )
