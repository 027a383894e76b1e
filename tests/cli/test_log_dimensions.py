"""``reciprocity log`` without ``--dim``: a terminal is asked, a script is told, neither guessed for.

Through the real entry point: off a terminal as a subprocess whose standard input is
a pipe, on a terminal through a pseudo-terminal (``Terminal``).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.cli_runner import Cli, Terminal

WORRIES = "Sam listened to my worries about the move"
PROMPT = "Which ones (a space between two; none or - for none)"


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("people", "add", "Sam").code == 0
    return cli


def _moments(cli: Cli) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = cli("moment", "list", "--json").json()
    return found


def test_off_a_terminal_it_saves_and_says_which_dimension_the_words_suggest(sam: Cli) -> None:
    done = sam.process("log", "Sam", WORRIES)
    assert done.code == 0, done.err
    [moment] = _moments(sam)
    assert moment["dimensions"] == [], "nothing is tagged for the person"
    assert done.out.splitlines()[1:] == [
        "These words sound like depth. If that fits, "
        f"'reciprocity moment edit {moment['id']} --dim depth' adds it."
    ]
    assert PROMPT not in done.out, "a script is never asked"
    command = done.out.split("'")[1].split()[1:]  # the command the line gives, word for word
    assert sam(*command).code == 0
    assert _moments(sam)[0]["dimensions"] == ["depth"]


def test_off_a_terminal_two_suggestions_are_given_in_one_command(sam: Cli) -> None:
    done = sam.process("log", "Sam", "Sam drove me to the hospital and listened all evening")
    assert done.code == 0, done.err
    moment_id = _moments(sam)[0]["id"]
    assert f"'reciprocity moment edit {moment_id} --dim crisis --dim depth'" in done.out
    assert "sound like crisis response and depth." in done.out


def test_words_with_no_hint_and_chosen_dimensions_say_nothing_more(sam: Cli) -> None:
    for args in (
        ("A walk in the park",),
        (WORRIES, "--dim", "maintenance"),
        (WORRIES, "--no-dims"),
    ):
        done = sam.process("log", "Sam", *args)
        assert done.code == 0, done.err
        assert done.out.splitlines() == [done.out.splitlines()[0]], args
        assert done.out.startswith("Noted for Sam on ")
    assert [m["dimensions"] for m in _moments(sam)] == [[], ["maintenance"], []]


def test_dim_and_no_dims_together_are_refused_and_nothing_is_saved(sam: Cli) -> None:
    done = sam.process("log", "Sam", WORRIES, "--dim", "depth", "--no-dims")
    assert done.code == 2
    assert done.err.strip() == "reciprocity: Give --dim, or --no-dims, not both."
    assert _moments(sam) == []


def test_on_a_terminal_enter_accepts_the_suggestion(sam: Cli) -> None:
    term = Terminal(sam.db, "log", "Sam", WORRIES)
    term.expect("What does it speak to?")
    term.expect("depth        How each of you meets what the other shares.")
    term.expect("These words sound like depth; Enter accepts that.")
    term.expect(f"{PROMPT} [depth]:")
    term.send("")
    assert term.wait() == 0
    assert "Noted for Sam on " in term.since
    assert "adds it" not in term.shown, "the person was asked; no hint afterwards"
    assert _moments(sam)[0]["dimensions"] == ["depth"]


def test_on_a_terminal_another_answer_none_and_a_wrong_word(sam: Cli) -> None:
    term = Terminal(sam.db, "log", "Sam", WORRIES)
    term.expect(f"{PROMPT} [depth]:")
    term.send("Maintenance, crisis response")
    assert term.wait() == 0
    assert _moments(sam)[0]["dimensions"] == ["maintenance", "crisis"]

    again = Terminal(sam.db, "log", "Sam", WORRIES)
    again.expect(f"{PROMPT} [depth]:")
    again.send("kindness")
    again.expect(
        "'kindness' is not one of them; type initiation, depth, crisis, maintenance, or none."
    )
    again.expect(f"{PROMPT} [depth]:")
    again.send("-")
    assert again.wait() == 0
    assert _moments(sam)[0]["dimensions"] == []


def test_on_a_terminal_words_with_no_hint_default_to_none(sam: Cli) -> None:
    term = Terminal(sam.db, "log", "Sam", "A walk in the park")
    term.expect("What does it speak to?")
    term.expect(f"{PROMPT} [none]:")
    assert "sound like" not in term.shown
    term.send("")
    assert term.wait() == 0
    assert _moments(sam)[0]["dimensions"] == []


def test_on_a_terminal_an_unknown_person_is_said_before_anything_is_asked(sam: Cli) -> None:
    term = Terminal(sam.db, "log", "Nobody", WORRIES)
    assert term.wait() == 1
    assert "No one called 'Nobody' is in your list" in term.shown
    assert PROMPT not in term.shown


def test_on_a_terminal_ctrl_c_at_the_question_saves_nothing(sam: Cli) -> None:
    term = Terminal(sam.db, "log", "Sam", WORRIES)
    term.expect(f"{PROMPT} [depth]:")
    term.interrupt()
    assert term.wait() == 130
    assert _moments(sam) == []
