"""``reciprocity roles`` and ``ritual end`` through the real command line: the rules the web app shares."""

from __future__ import annotations

from datetime import date, timedelta

from reciprocity.coach.terms import day_words
from tests.cli_runner import Cli

TODAY = date.today()


def _season(cli: Cli, *arguments: str) -> int:
    assert cli("season", "start", *arguments).code == 0
    newest: int = max(s["id"] for s in cli("season", "list", "--json").json())
    return newest


def test_roles_are_set_switched_set_afresh_and_stopped(cli: Cli) -> None:
    cli("people", "add", "Rosa")
    season = _season(cli, "Rosa", "illness", "--on", (TODAY - timedelta(days=3)).isoformat())
    made = cli("roles", "set", str(season), "planner", "listener", "--every", "7")
    assert made.code == 0, made.err
    assert f"During season {season}: you are the planner; Rosa is the listener." in made.out
    [row] = cli("roles", "list", "--json").json()
    assert row["next_switch"] == (TODAY + timedelta(days=7)).isoformat()
    assert day_words(TODAY + timedelta(days=7)) in cli("roles", "list").out
    assert cli("roles", "switch", str(row["id"])).code == 0
    again = cli("roles", "set", str(season), "cook", "driver")
    assert again.code == 0, again.err
    [afresh] = cli("roles", "list", "--json").json()
    assert afresh["id"] == row["id"] and afresh["shift"] == 0 and afresh["every_days"] is None
    assert afresh["today"] == {"cook": "me", "driver": "Rosa"}
    stopped = cli("roles", "stop", str(row["id"]))
    assert stopped.code == 0, stopped.err
    assert "Stopped sharing roles with Rosa" in stopped.out
    assert cli("roles", "list", "--json").json() == []
    assert cli("roles", "stop", str(row["id"])).code == 1


def test_roles_that_cannot_be_shared_are_refused_with_one_line(cli: Cli) -> None:
    cli("people", "add", "Sam")
    mine = _season(cli, "me", "move")
    alone = cli("roles", "set", str(mine), "planner", "listener")
    assert alone.code == 2 and "--with NAME" in alone.err
    never = cli("roles", "set", str(mine), "planner", "listener", "--with", "Sam", "--every", "0")
    assert never.code == 2 and "from 1 to 365" in never.err
    assert cli("roles", "set", "99", "planner", "listener").code == 1
    assert cli("roles", "list", "--json").json() == []
    over = _season(cli, "Sam", "grief", "--on", (TODAY - timedelta(days=9)).isoformat())
    assert (
        cli("season", "end", str(over), "--on", (TODAY - timedelta(days=2)).isoformat()).code == 0
    )
    late = cli("roles", "set", str(over), "planner", "listener")
    assert late.code == 1 and "roles are shared while a season is still going" in late.err


def test_ending_a_ritual_refuses_a_day_before_it_began(cli: Cli) -> None:
    cli("people", "add", "Jordan")
    start = (TODAY - timedelta(days=14)).isoformat()
    assert cli("ritual", "add", "Jordan", "Walk", "--rule", "weekly", "--from", start).code == 0
    early = cli("ritual", "end", "1", "--on", (TODAY - timedelta(days=30)).isoformat())
    assert early.code == 2 and "comes before the start" in early.err
    assert cli("ritual", "list", "--json").json()[0]["end"] is None
    ended = cli("ritual", "end", "1")
    assert ended.code == 0 and f"now ends on {day_words(TODAY)}" in ended.out
    [row] = cli("ritual", "list", "--json").json()
    assert row["end"] == TODAY.isoformat() and row["upcoming"] is None
