from __future__ import annotations

from datetime import date, timedelta

from tests.cli_runner import Cli


def test_log_a_moment_with_every_field(demo_cli: Cli) -> None:
    result = demo_cli(
        "log",
        "Priya",
        "Priya sent soup",
        "--by",
        "them",
        "--dim",
        "crisis",
        "--dim",
        "maintenance",
        "--style",
        "practical",
        "--energy",
        "2",
        "--on",
        "yesterday",
    )
    assert result.code == 0, result.err
    moment = demo_cli("people", "show", "Priya", "--json").json()["recent_moments"][0]
    assert isinstance(moment.pop("id"), int)
    assert moment.pop("person") == "Priya" and moment.pop("day") == moment["on"]
    assert moment == {
        "on": (date.today() - timedelta(days=1)).isoformat(),
        "by": "them",
        "dimensions": ["crisis", "maintenance"],
        "style": "practical",
        "energy": 2,
        "text": "Priya sent soup",
    }


def test_bad_log_input_is_refused_and_nothing_is_written(demo_cli: Cli) -> None:
    before = demo_cli("people", "show", "Sam", "--json").json()["moments"]
    cases = {
        ("--energy", "7"): "--energy",
        ("--on", "the day after"): "not a date",
        ("--on", "03/04/2026"): "could be read two ways",
        ("--on", "2999-01-01"): "in the future",
        ("--dim", "loyalty"): "--dim",
        ("--by", "nobody"): "--by",
    }
    for extra, expected in cases.items():
        result = demo_cli("log", "Sam", "Dinner", *extra)
        assert result.code == 2, extra
        assert expected in result.err, (extra, result.err)
        assert len(result.err.strip().splitlines()) == 1
    assert demo_cli("log", "Sma", "Dinner").code == 1
    assert demo_cli("log", "Sam", "   ").code == 2
    assert demo_cli("people", "show", "Sam", "--json").json()["moments"] == before


def test_season_start_end_list(demo_cli: Cli) -> None:
    started = demo_cli("season", "start", "me", "move", "--on", "2 weeks ago", "--note", "New flat")
    assert started.code == 0, started.err
    seasons = demo_cli("season", "list", "--json").json()
    mine = next(s for s in seasons if s["whose"] == "me")
    assert mine["ongoing"] and mine["kind"] == "move" and seasons[0] == mine
    assert demo_cli("season", "end", str(mine["id"]), "--on", "3 weeks ago").code == 2
    assert demo_cli("season", "end", str(mine["id"])).code == 0
    again = demo_cli("season", "end", str(mine["id"]))
    assert again.code == 1 and "already ended" in again.err
    assert demo_cli("season", "end", "999").code == 1
    assert demo_cli("season", "start", "Jordan", "holiday").code == 2
    theirs = demo_cli("season", "start", "Jordan", "grief")
    assert theirs.code == 0 and "for Jordan" in theirs.out
