"""Rituals, what is due, and the calendar, through the real command line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli_runner import Cli

TODAY = date.today()


@pytest.fixture
def jordan(cli: Cli) -> Cli:
    assert cli("people", "add", "Jordan").code == 0
    return cli


def test_a_ritual_rotates_its_host_and_is_kept(jordan: Cli) -> None:
    start = TODAY - timedelta(days=14)
    added = jordan(
        "ritual", "add", "Jordan", "Sunday call", "--rule", "weekly", "--from", start.isoformat()
    )
    assert added.code == 0, added.err
    assert "You host next" in added.out
    [row] = jordan("ritual", "list", "--json").json()
    assert row["rule"] == "FREQ=WEEKLY" and row["rotation"] == ["me", "Jordan"]
    assert row["waiting"] == TODAY.isoformat() and row["hosts_next"] == "me"

    done = jordan("ritual", "done", str(row["id"]))
    assert done.code == 0, done.err
    assert "Jordan hosts next" in done.out
    due = jordan("due", "--json").json()
    [item] = [i for i in due["items"] if i["kind"] == "ritual"]
    assert item["hosts_next"] == "Jordan" and item["day"] == (TODAY + timedelta(days=7)).isoformat()
    assert "Jordan hosts next" in item["text"]

    skipped = jordan("ritual", "skip", "1", "--for", (TODAY - timedelta(days=7)).isoformat())
    assert skipped.code == 0, skipped.err
    [row] = jordan("ritual", "list", "--json").json()
    assert row["kept"]["done"] == 0 and row["kept"]["skipped"] == 1 and row["kept"]["missed"] == 1
    assert row["hosts_next"] == "Jordan"  # skipping does not move the rotation
    assert jordan("ritual", "list").code == 0


def test_moving_an_occurrence(jordan: Cli) -> None:
    jordan(
        "ritual",
        "add",
        "Jordan",
        "Coffee",
        "--rule",
        "monthly",
        "--from",
        (TODAY + timedelta(days=2)).isoformat(),
    )
    moved = jordan("ritual", "move", "1", (TODAY + timedelta(days=4)).isoformat())
    assert moved.code == 0, moved.err
    [row] = jordan("ritual", "list", "--json").json()
    assert row["upcoming"] == (TODAY + timedelta(days=4)).isoformat()
    assert row["occurrences"][0]["status"] == "moved"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["ritual", "add", "Jordan", "Call", "--rule", "FREQ=SOMETIMES"], "FREQ=DAILY"),
        (["ritual", "add", "Jordan", "Call", "--rule", "now and then"], "not a cadence"),
        (
            [
                "ritual",
                "add",
                "Jordan",
                "Call",
                "--rule",
                "weekly",
                "--from",
                "2026-10-01",
                "--until",
                "2026-09-01",
            ],
            "comes before the start",
        ),
        (["ritual", "add", "Nobody", "Call", "--rule", "weekly"], "No one called 'Nobody'"),
        (["ritual", "add", "Jordan", "  ", "--rule", "weekly"], "title"),
        (["ritual", "add", "Jordan", "Call", "--rule", "weekly", "--at", "25:00"], "time of day"),
        (
            [
                "ritual",
                "add",
                "Jordan",
                "Call",
                "--rule",
                "weekly",
                "--at",
                "19:00",
                "--tz",
                "Mars/Base",
            ],
            "time zone",
        ),
        (["ritual", "add", "Jordan", "Call"], "Please say how often: --every week"),
        (["ritual", "add", "Jordan", "Call", "--every", "sometimes"], "'sometimes' is not a way"),
        (
            ["ritual", "add", "Jordan", "Call", "--every", "month", "--on", "saturday"],
            "'saturday' comes more than once a month",
        ),
        (["ritual", "add", "Jordan", "Call", "--on", "sunday"], "--on goes with --every"),
        (
            ["ritual", "add", "Jordan", "Call", "--every", "week", "--rule", "weekly"],
            "with --every and --on, or with --rule, not both",
        ),
        (["ritual", "add", "Jordan", "Call", "--every", "week", "--tz", "Europe/Oslo"], "--at"),
        (["ritual", "done", "7"], "no ritual with id 7"),
        (["win", "add", "", "We laughed a lot"], "A win is with someone"),
        (["win", "add", "Nobody", "We laughed a lot"], "No one called 'Nobody'"),
        (["win", "add", "Jordan", "  "], "what went well"),
        (["boundary", "add", "Jordan", "time", "  "], "request"),
        (
            ["boundary", "add", "Jordan", "time", "No calls after 10pm", "--review", "2000-01-01"],
            "comes before",
        ),
        (["rhythm", "set", "Jordan", "--ideal", "20", "--longest", "10"], "shorter than the ideal"),
        (["calendar", "out.txt"], ".ics"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    jordan: Cli, args: list[str], expected: str
) -> None:
    result = jordan(*args)
    assert result.code != 0
    assert expected in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1
    assert jordan("ritual", "list", "--json").json() == []
    assert jordan("win", "list", "--json").json() == []
    assert jordan("boundary", "list", "--json").json() == []
    assert jordan("rhythm", "list", "--json").json() == []


def test_every_and_on_say_how_often_through_the_entry_point(jordan: Cli) -> None:
    added = jordan.process(
        "ritual", "add", "Jordan", "Sunday call", "--every", "2 weeks", "--on", "sunday"
    )
    assert added.code == 0, added.err
    assert "every two weeks on Sunday" in added.out
    monthly = jordan(
        "ritual", "add", "Jordan", "Brunch", "--every", "month", "--on", "first saturday"
    )
    assert "every month on the first Saturday" in monthly.out
    first = (TODAY + timedelta(days=3)).isoformat()
    yearly = jordan("ritual", "add", "Jordan", "Lake trip", "--every", "year", "--from", first)
    assert yearly.code == 0, yearly.err
    rows = {r["title"]: r for r in jordan("ritual", "list", "--json").json()}
    assert rows["Sunday call"]["rule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"
    assert date.fromisoformat(rows["Sunday call"]["upcoming"]).weekday() == 6
    assert rows["Brunch"]["rule"] == "FREQ=MONTHLY;BYDAY=1SA"
    day = date.fromisoformat(first)
    assert rows["Lake trip"]["cadence"] == f"every year on {day.day} {day.strftime('%B')}"

    changed = jordan("ritual", "edit", str(rows["Brunch"]["id"]), "--every", "month", "--on", "15")
    assert changed.code == 0, changed.err
    [brunch] = [r for r in jordan("ritual", "list", "--json").json() if r["title"] == "Brunch"]
    assert brunch["rule"] == "FREQ=MONTHLY;BYMONTHDAY=15"
    assert brunch["cadence"] == "every month on the 15th"
    wrong = jordan.process("ritual", "edit", str(brunch["id"]), "--every", "year", "--on", "monday")
    assert wrong.code != 0 and len(wrong.err.strip().splitlines()) == 1
    assert "'monday' does not go with every year" in wrong.err
    [still] = [r for r in jordan("ritual", "list", "--json").json() if r["title"] == "Brunch"]
    assert still["rule"] == "FREQ=MONTHLY;BYMONTHDAY=15"


def test_the_calendar_round_trips_and_keeps_its_uids(jordan: Cli, tmp_path: Path) -> None:
    start = TODAY - timedelta(days=21)
    jordan(
        "ritual",
        "add",
        "Jordan",
        "Call",
        "--rule",
        "FREQ=WEEKLY;INTERVAL=2",
        "--from",
        start.isoformat(),
    )
    jordan(
        "ritual",
        "add",
        "Jordan",
        "Dinner",
        "--rule",
        "monthly on the first saturday",
        "--at",
        "19:00",
        "--tz",
        "Europe/London",
    )
    path = tmp_path / "rituals.ics"
    written = jordan("calendar", str(path))
    assert written.code == 0, written.err
    first = Calendar.from_ical(path.read_bytes())
    uids = sorted(str(e["UID"]) for e in first.walk("VEVENT"))
    assert len(uids) == 2
    jordan("ritual", "skip", "1")
    assert jordan("calendar", str(path)).code == 0
    again = Calendar.from_ical(path.read_bytes())
    assert sorted(str(e["UID"]) for e in again.walk("VEVENT")) == uids
    call = next(e for e in again.walk("VEVENT") if str(e["SUMMARY"]).startswith("Call"))
    assert "EXDATE" in call
    assert list(tmp_path.glob(".*.tmp")) == []


def test_wins_show_in_status_and_lists(jordan: Cli) -> None:
    assert jordan("win", "add", "Jordan", "We talked about the move without rushing").code == 0
    assert jordan("win", "add", "me", "Said no to an extra shift").code == 0
    wins = jordan("win", "list", "--json").json()
    assert {w["whose"] for w in wins} == {"Jordan", "me"}
    assert [w["text"] for w in jordan("win", "list", "Jordan", "--json").json()] == [
        "We talked about the move without rushing"
    ]
    status = jordan("status", "--json").json()
    assert len(status["wins"]) == 2
    assert "Small wins lately" in jordan("status").out


def test_boundaries_are_checked_gently_and_reviewed(jordan: Cli) -> None:
    added = jordan(
        "boundary", "add", "Jordan", "emotional-labour", "You always dump everything on me"
    )
    assert added.code == 0, added.err  # never refused, only nudged
    assert "gentle thought" in added.out
    review_day = (TODAY + timedelta(days=3)).isoformat()
    jordan(
        "boundary",
        "add",
        "me",
        "energy",
        "One quiet evening a week just for me",
        "--review",
        review_day,
    )
    rows = jordan("boundary", "list", "--json").json()
    assert [r["area"] for r in rows] == ["emotional-labour", "energy"]
    due = jordan("due", "--json").json()["items"]
    assert [i["kind"] for i in due] == ["boundary"]
    reviewed = jordan(
        "boundary",
        "review",
        str(rows[0]["id"]),
        "renegotiated",
        "--request",
        "Could we take turns choosing what to talk about?",
    )
    assert reviewed.code == 0, reviewed.err
    assert jordan("boundary", "review", str(rows[1]["id"]), "retired").code == 0
    assert len(jordan("boundary", "list", "--json").json()) == 1
    assert len(jordan("boundary", "list", "--all", "--json").json()) == 2


def test_due_gathers_birthdays_dates_rhythm_and_roles(cli: Cli) -> None:
    birthday = (TODAY + timedelta(days=2)).replace(year=1990)
    cli("people", "add", "Sam", "--birthday", birthday.isoformat())
    cli("people", "add", "Rosa")
    cli("date", "add", "Rosa", "Wedding anniversary", (TODAY + timedelta(days=5)).isoformat())
    cli("date", "add", "me", "Far away", (TODAY + timedelta(days=60)).isoformat(), "--once")
    cli("log", "Rosa", "Long call about the hip", "--on", (TODAY - timedelta(days=20)).isoformat())
    assert cli("rhythm", "set", "Rosa", "--ideal", "14", "--longest", "30").code == 0
    cli("season", "start", "Rosa", "illness", "--on", (TODAY - timedelta(days=3)).isoformat())
    assert cli("roles", "set", "1", "planner", "listener", "--every", "7").code == 0
    items = cli("due", "--json").json()["items"]
    kinds = {i["kind"]: i for i in items}
    assert set(kinds) == {"birthday", "date", "rhythm", "roles"}
    assert kinds["rhythm"]["gap_days"] == 20 and "a short hello" in kinds["rhythm"]["text"]
    assert kinds["roles"]["holders"] == {"planner": "me", "listener": "Rosa"}
    assert cli("roles", "switch", "1").code == 0
    [rotation] = cli("roles", "list", "--json").json()
    assert rotation["today"] == {"planner": "Rosa", "listener": "me"}
    cli("log", "Rosa", "Quick hello")
    assert "rhythm" not in {i["kind"] for i in cli("due", "--json").json()["items"]}
    text = cli("due").out
    assert "Sam's birthday" in text and "Wedding anniversary" in text
    assert [r["days_since"] for r in cli("rhythm", "list", "--json").json()] == [0]
    assert len(cli("date", "list", "--json").json()) == 2


def test_conversation_help(cli: Cli) -> None:
    prompts = cli("talk", "prompts", "depth", "--json").json()
    assert set(prompts) == {"depth"} and prompts["depth"]["listening"]
    built = cli(
        "talk",
        "feedback",
        "--situation",
        "the last three plans fell through on the day",
        "--impact",
        "unimportant",
        "--request",
        "letting me know a day ahead",
        "--alternative",
        "taking turns to plan",
        "--json",
    ).json()
    assert "letting me know a day ahead" in built["message"] and built["tips"]
    assert cli("talk", "prompts").code == 0


def test_practices_survive_export_and_import(jordan: Cli, tmp_path: Path) -> None:
    jordan(
        "ritual",
        "add",
        "Jordan",
        "Call",
        "--rule",
        "weekly",
        "--from",
        (TODAY - timedelta(days=7)).isoformat(),
        "--at",
        "19:30",
        "--tz",
        "Europe/Paris",
    )
    jordan("ritual", "done", "1")
    jordan("win", "add", "Jordan", "A good long walk")
    jordan("boundary", "add", "me", "time", "Sunday mornings stay free")
    jordan("rhythm", "set", "Jordan", "--ideal", "10")
    jordan(
        "date", "add", "Jordan", "Moving day", (TODAY + timedelta(days=40)).isoformat(), "--once"
    )
    jordan("season", "start", "me", "exams")
    jordan("roles", "set", "1", "planner", "listener", "--with", "Jordan")
    first = tmp_path / "first.json"
    assert jordan("export", str(first)).code == 0
    document = json.loads(first.read_text())
    assert {
        k: len(document[k]) for k in ("rituals", "wins", "boundaries", "rhythms", "dates", "roles")
    } == dict.fromkeys(("rituals", "wins", "boundaries", "rhythms", "dates", "roles"), 1)
    other = Cli(tmp_path / "other.db", jordan.capsys)
    assert other("import", str(first)).code == 0
    second = tmp_path / "second.json"
    other("export", str(second))
    strip = lambda d: {k: v for k, v in d.items() if k != "exported_at"}  # noqa: E731
    assert strip(json.loads(second.read_text())) == strip(document)
    assert jordan("import", str(first), "--replace").code == 0
    assert len(jordan("boundary", "list", "--json").json()) == 1


def test_a_ritual_whose_name_says_with_reads_well_wherever_it_is_named(cli: Cli) -> None:
    assert cli("people", "add", "Rosa").code == 0
    assert cli("people", "add", "Jordan").code == 0
    added = cli("ritual", "add", "Rosa", "Sunday call with Mum", "--every", "week")
    assert added.code == 0, added.err
    assert added.out.startswith("Added ritual 1: Sunday call with Mum (Rosa), every week on ")
    assert cli("ritual", "add", "Jordan", "Dinner with Jordan", "--every", "month").code == 0
    assert cli("ritual", "add", "Jordan", "Climbing", "--every", "2 weeks").code == 0
    due = cli("due").out
    assert "Sunday call with Mum (Rosa) is today" in due
    assert "Dinner with Jordan is today" in due, "a name that already says who is left alone"
    assert "Climbing with Jordan is today" in due
    assert "with Mum with" not in due and "with Jordan with" not in due
    asked = cli.process("ritual", "remove", "1")  # off a terminal: it asks for --yes
    removed = cli("ritual", "remove", "1", "--yes")
    assert asked.code == 2 and removed.code == 0
    assert removed.out.startswith("Removed ritual 1 (Sunday call with Mum (Rosa)) and what became")
