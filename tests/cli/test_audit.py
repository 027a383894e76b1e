"""The guided audit, answered on standard input through the real entry point."""

from __future__ import annotations

from tests.cli_runner import Cli

QUESTIONS_PER_DIMENSION = 3


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


def test_running_out_of_answers_saves_nothing(demo_cli: Cli) -> None:
    result = demo_cli.process("audit", "Rosa", "Sam", stdin="a\nb\n")
    assert result.code == 1
    assert result.err.strip() == "reciprocity: The audit was not saved; nothing was changed."
    assert len(demo_cli("audit", "list", "--json").json()) == 2


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
