"""The guided audit, answered on standard input through the real entry point."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

from reciprocity.coach.terms import day_words
from tests.cli_runner import Cli, Terminal

QUESTIONS_PER_DIMENSION = 3
FIRST_QUESTION = "Think of the last few times you were in touch"


def _dimension(rating: str, *extra: str) -> list[str]:
    return ["an answer"] * QUESTIONS_PER_DIMENSION + [rating, *extra]


def test_guided_audit_with_a_vision_and_a_phrasing_rewrite(demo_cli: Cli) -> None:
    answers = [
        *_dimension("7", "2", "me", "You never call me first", "u"),  # 7 is re-asked; rewrite used
        *_dimension("4", "them"),
        *_dimension("5"),
        *_dimension("1", "me", "A monthly dinner we take turns to plan"),
        "3",
        "me",  # overall
        "y",
    ]
    result = demo_cli.process("audit", "Jordan", stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "outside the scale" in result.out
    assert "Saved audit 3" in result.out

    audit = demo_cli("audit", "show", "3", "--json").json()
    (entry,) = audit["entries"]
    dims = entry["dimensions"]
    assert entry["person"] == "Jordan" and entry["rating"] == 3 and entry["direction"] == "me"
    assert dims["initiation"]["rating"] == 2
    assert dims["initiation"]["vision"].startswith("Would you be up for calling me")
    assert dims["depth"] == {**dims["depth"], "rating": 4, "direction": "them", "vision": None}
    assert dims["crisis"]["direction"] == "mutual"
    assert dims["maintenance"]["vision"] == "A monthly dinner we take turns to plan"
    assert [a["answer"] for a in dims["depth"]["answers"]] == ["an answer"] * 3
    assert [a["id"] for a in demo_cli("audit", "list", "--json").json()] == [1, 2, 3]


def test_keeping_own_words_after_the_phrasing_check(demo_cli: Cli) -> None:
    answers = [
        *_dimension("2", "me", "You owe me a call", "k"),
        *_dimension("5"),
        *_dimension("5"),
        *_dimension("5"),
        "5",
        "y",
    ]
    result = demo_cli.process("audit", "Sam", stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "A thought on the wording" in result.out
    vision = demo_cli("audit", "show", "3", "--json").json()["entries"][0]["dimensions"][
        "initiation"
    ]["vision"]
    assert vision == "You owe me a call"


def test_enter_takes_the_suggestion_and_a_bare_label_is_written_again(demo_cli: Cli) -> None:
    answers = [
        *_dimension("2", "me", "Why am I the one who always books dinner?", ""),  # Enter: use it
        *_dimension("2", "me", "You're so selfish", "x", "", "A walk together once a month"),
        *_dimension("5"),
        *_dimension("5"),
        "5",
        "y",
    ]
    result = demo_cli.process("audit", "Sam", stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "Use this version (Enter or u)" in result.out
    assert "Try one recent moment" in result.out and "Please answer w/k" in result.out
    dims = demo_cli("audit", "show", "3", "--json").json()["entries"][0]["dimensions"]
    assert dims["initiation"]["vision"] == "Could we take turns booking dinner?"
    assert dims["depth"]["vision"] == "A walk together once a month"


def test_choosing_people_by_number_and_declining_to_save(demo_cli: Cli) -> None:
    answers = ["9", "4", *(_dimension("5") * 4), "5", "n"]
    result = demo_cli.process("audit", stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "not saved" in result.out
    assert len(demo_cli("audit", "list", "--json").json()) == 2


def _drafts(cli: Cli) -> Path:
    return cli.db.with_name("reciprocity.audit-drafts.json")


def _stdin(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def test_running_out_before_any_answer_keeps_nothing(demo_cli: Cli) -> None:
    result = demo_cli.process("audit", "Rosa", "Sam", stdin="")
    assert result.code == 1
    assert result.err.strip() == "reciprocity: The audit was not saved; nothing was changed."
    assert len(demo_cli("audit", "list", "--json").json()) == 2
    assert not _drafts(demo_cli).exists()


def test_running_out_of_answers_keeps_a_private_draft_that_carries_on(demo_cli: Cli) -> None:
    result = demo_cli.process("audit", "Rosa", "Sam", stdin="a\nb\n")
    assert result.code == 1
    assert result.err.strip() == (
        "reciprocity: The audit is not saved yet; your answers so far are kept as a draft, "
        "and 'reciprocity audit Rosa Sam --continue' carries on where you left off."
    )
    assert len(demo_cli("audit", "list", "--json").json()) == 2, "nothing is saved in the store"
    drafts = _drafts(demo_cli)
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o600
    [kept] = json.loads(drafts.read_text())
    answers = kept["entries"][0]["dimensions"]["initiation"]["answers"]
    assert [a["answer"] for a in answers] == ["a", "b"] and "rating" not in kept["entries"][0]

    waiting = demo_cli.process("audit", "Sam", "Rosa", stdin=_stdin([_dimension("5")[0]]))
    assert waiting.code == 2
    assert waiting.err.strip() == (
        f"reciprocity: There is an unfinished audit of Rosa, Sam from {day_words(date.today())} "
        "(2 answers kept). Add --continue to carry on from it, or --fresh to start again."
    )

    rest = ["c", "5", *(_dimension("5") * 3), "4", "them", *(_dimension("5") * 4), "5", "y"]
    done = demo_cli.process("audit", "Sam", "Rosa", "--continue", stdin=_stdin(rest))
    assert done.code == 0, done.err
    assert "Carrying on from your draft: 2 answers kept" in done.out
    asked = done.out.split("not saved yet")[0]
    assert asked.count(FIRST_QUESTION) == 1, "Rosa's first two questions are not asked again"
    assert "Saved audit 3" in done.out
    audit = demo_cli("audit", "show", "3", "--json").json()
    rosa, sam = audit["entries"]
    assert rosa["person"] == "Rosa" and (rosa["rating"], rosa["direction"]) == (4, "them")
    assert [a["answer"] for a in rosa["dimensions"]["initiation"]["answers"]] == ["a", "b", "c"]
    assert sam["rating"] == 5
    assert not drafts.exists(), "saving the audit removes its draft"


def test_continue_and_fresh_say_what_they_need(demo_cli: Cli) -> None:
    nothing = demo_cli("audit", "Jordan", "--continue")
    assert nothing.code == 2
    assert "no unfinished audit of Jordan to carry on from" in nothing.err
    both = demo_cli("audit", "Jordan", "--continue", "--fresh")
    assert both.code == 2 and "not both" in both.err
    assert demo_cli.process("audit", "Sam", stdin="s\n").code == 1
    assert demo_cli.process("audit", "Jordan", stdin="first\n").code == 1
    again = demo_cli.process("audit", "Jordan", "--fresh", stdin="again\nand again\n")
    assert again.code == 1 and "kept as a draft" in again.err
    kept = json.loads(_drafts(demo_cli).read_text())
    assert [d["entries"][0]["person"] for d in kept] == ["Jordan", "Sam"], (
        "one draft each, newest first"
    )
    assert len(kept[0]["entries"][0]["dimensions"]["initiation"]["answers"]) == 2

    answers = [*(_dimension("5") * 4), "5", "y"]
    fresh = demo_cli.process("audit", "Jordan", "--fresh", stdin=_stdin(answers))
    assert fresh.code == 0, fresh.err
    assert "Carrying on" not in fresh.out
    assert fresh.out.split("not saved yet")[0].count(FIRST_QUESTION) == 1
    [left] = json.loads(_drafts(demo_cli).read_text())
    assert left["entries"][0]["person"] == "Sam", "Sam's draft is still kept"

    declined = demo_cli.process(
        "audit",
        "--continue",
        stdin=_stdin([*(_dimension("5")[1:]), *(_dimension("5") * 3), "5", "n"]),
    )
    assert declined.code == 0, declined.err
    assert "not saved" in declined.out
    assert not _drafts(demo_cli).exists(), "saying no at the end lets the draft go"


def test_a_direction_is_asked_only_below_five_and_shared_is_kept_for_five(demo_cli: Cli) -> None:
    answers = [
        *_dimension("3", "shared", "them"),
        *_dimension("5"),
        *_dimension("5"),
        *_dimension("5"),
        "5",
        "y",
    ]
    result = demo_cli.process("audit", "Sam", stdin=_stdin(answers))
    assert result.code == 0, result.err
    assert (
        "A rating of 3 leans one way, so please choose me or them; a 5 is for when it feels shared."
        in result.out
    )
    assert result.out.count("Which way does it lean?") == 2, "asked for the 3 alone, twice"
    dims = demo_cli("audit", "show", "3", "--json").json()["entries"][0]["dimensions"]
    assert dims["initiation"]["direction"] == "them" and dims["depth"]["direction"] == "mutual"


def test_ctrl_c_keeps_a_draft_and_the_next_audit_asks_to_carry_on(demo_cli: Cli) -> None:
    term = Terminal(demo_cli.db, "audit", "Jordan")
    term.expect(FIRST_QUESTION)
    term.expect("Your answer: ")
    term.send("Mostly me")
    term.expect("Your answer: ")
    term.interrupt()
    assert term.wait() == 130
    said = [line for line in term.since.splitlines() if line.strip() and not line.startswith("^C")]
    assert said == [
        "reciprocity: The audit is not saved yet; your answers so far are kept as a draft, "
        "and 'reciprocity audit Jordan --continue' carries on where you left off."
    ]

    declined = Terminal(demo_cli.db, "audit", "Jordan")
    declined.expect(
        f"You have an unfinished audit of Jordan from {day_words(date.today())} (1 answer kept). "
        "Carry on from there? [Y/n]: "
    )
    declined.send("n")
    declined.expect(FIRST_QUESTION)
    declined.expect("Your answer: ")
    declined.interrupt()
    assert declined.wait() == 130
    assert "reciprocity: Stopped. Nothing was changed." in declined.since
    assert "Mostly me" in _drafts(demo_cli).read_text(), "starting afresh left the draft as it was"

    again = Terminal(demo_cli.db, "audit")
    again.expect("Carry on from there? [Y/n]: ")
    again.send("")
    again.expect("Carrying on from your draft: 1 answer kept")
    again.expect("When something is off for one of you")
    assert FIRST_QUESTION not in again.shown
    for answer in ("Me", "Me again"):
        again.expect("Your answer: ")
        again.send(answer)
    again.expect("How mutual does initiation feel with Jordan?")
    again.send("3")
    again.expect("Which way does it lean?")
    again.send("shared")
    again.expect("a 5 is for when it feels shared")
    again.send("me")
    for _ in range(3):
        for _ in range(QUESTIONS_PER_DIMENSION):
            again.expect("Your answer: ")
            again.send("")
        again.expect("How mutual does")
        again.send("5")
    again.expect("Taking all four together")
    again.send("5")
    again.expect("Save this audit? [Y/n]: ")
    assert again.shown.count("Which way does it lean?") == 2, "asked for the 3 alone, twice"
    again.send("y")
    again.expect("Saved audit 3")
    assert again.wait() == 0
    initiation = demo_cli("audit", "show", "3", "--json").json()["entries"][0]["dimensions"][
        "initiation"
    ]
    assert [a["answer"] for a in initiation["answers"]] == ["Mostly me", "Me", "Me again"]
    assert (initiation["rating"], initiation["direction"]) == (3, "me")
    assert not _drafts(demo_cli).exists()


def test_audit_show_gives_the_written_answers(demo_cli: Cli) -> None:
    shown = demo_cli("audit", "show", "1")
    assert shown.code == 0
    assert "What you wrote" in shown.out
    assert "Who remembers the dates and events that matter to the other?" in shown.out
    assert "I remember the dates; Jordan rarely does." in shown.out
    jordan = demo_cli("audit", "show", "1", "--json").json()["entries"][1]
    assert jordan["dimensions"]["maintenance"]["answers"] == [
        {
            "key": "dates",
            "question": "Who remembers the dates and events that matter to the other?",
            "answer": "I remember the dates; Jordan rarely does.",
        }
    ]


def test_audit_list_show_compare(demo_cli: Cli) -> None:
    audits = demo_cli("audit", "list", "--json").json()
    assert [a["id"] for a in audits] == [1, 2]
    assert audits[0]["date"] < audits[1]["date"]
    first = demo_cli("audit", "show", "1", "--json").json()
    jordan = next(e for e in first["entries"] if e["person"] == "Jordan")
    assert all(d["vision"] for d in jordan["dimensions"].values() if d["rating"] <= 2)
    trend = demo_cli("audit", "compare", "Jordan", "--json").json()
    assert trend[0]["person"] == "Jordan"
    assert [a["dimensions"]["initiation"]["rating"] for a in trend[0]["audits"]] == [2, 1]
    text = demo_cli("audit", "compare", "Jordan")
    assert "Initiation" in text.out and "-1" in text.out
    assert demo_cli("audit", "show", "42").code == 1
    assert demo_cli("audit", "compare", "Nobody").code == 1
    assert demo_cli("audit", "Jordan", "Jordan").code == 2


def test_audit_with_no_people(cli: Cli) -> None:
    result = cli.process("audit")
    assert result.code == 2
    assert "people add" in result.err
