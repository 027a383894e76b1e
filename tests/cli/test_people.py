from __future__ import annotations

from tests.cli_runner import Cli


def test_add_list_show_edit_remove(cli: Cli) -> None:
    assert (
        cli(
            "people",
            "add",
            "Jordan",
            "--kind",
            "friend",
            "--birthday",
            "1989-11-03",
            "--their-care",
            "humour",
            "--my-care",
            "words",
            "--my-care",
            "listening",
        ).code
        == 0
    )
    listed = cli("people", "list", "--json").json()
    assert [p["name"] for p in listed] == ["Jordan"]
    assert listed[0]["my_care"] == ["words", "listening"]
    assert listed[0]["birthday"] == "1989-11-03"

    result = cli(
        "people", "edit", "jordan", "--name", "Jordan Lee", "--kind", "family", "--birthday", "none"
    )
    assert result.code == 0, result.err
    shown = cli("people", "show", "Jordan Lee", "--json").json()
    assert shown["kind"] == "family" and shown["birthday"] is None
    assert shown["their_care"] == ["humour"]

    assert cli("log", "Jordan Lee", "Coffee").code == 0
    removed = cli("people", "remove", "Jordan Lee", "--yes")
    assert removed.code == 0 and "with 1 moment, 0 seasons and 0 audit entries" in removed.out
    assert cli("people", "list", "--json").json() == []


def test_names_are_unique_regardless_of_case(cli: Cli) -> None:
    assert cli("people", "add", "Élodie").code == 0
    again = cli("people", "add", "élodie")
    assert again.code == 1
    assert again.err.strip() == "reciprocity: 'Élodie' is already in your list."
    assert cli("people", "add", "me").code == 2


def test_unknown_person_offers_closest_names(demo_cli: Cli) -> None:
    result = demo_cli("people", "show", "Jordn")
    assert result.code == 1
    assert "Did you mean 'Jordan'?" in result.err
    assert len(result.err.strip().splitlines()) == 1
    nobody = demo_cli("people", "show", "Xavier")
    assert "reciprocity people add 'Xavier'" in nobody.err


def test_remove_without_yes_when_not_interactive_changes_nothing(demo_cli: Cli) -> None:
    result = demo_cli.process("people", "remove", "Theo")
    assert result.code == 2
    assert "--yes" in result.err
    assert "Theo" in [p["name"] for p in demo_cli("people", "list", "--json").json()]


def test_bad_choices_are_one_line(cli: Cli) -> None:
    result = cli("people", "add", "Ana", "--kind", "enemy")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "--kind" in result.err
    assert cli("people", "list", "--json").json() == []
