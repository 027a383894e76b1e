"""What the command line shows a person says dates as '14 Mar 2026'; ``--json`` keeps ISO dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from reciprocity.coach.terms import day_words
from tests.cli_runner import Cli

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

READS = [
    ("people", "list"),
    ("people", "show", "Jordan"),
    ("people", "show", "Rosa"),
    ("moment", "list"),
    ("season", "list"),
    ("audit", "list"),
    ("audit", "show", "1"),
    ("audit", "compare"),
    ("patterns", "Jordan"),
    ("status",),
    ("checkin", "list"),
    ("checkin", "Jordan", "--agenda"),
    ("ritual", "list"),
    ("boundary", "list"),
    ("roles", "list"),
    ("win", "list"),
    ("rhythm", "list"),
    ("date", "list"),
    ("due",),
]


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_every_list_and_page_says_its_dates_in_words(
    demo_cli: Cli, command: tuple[str, ...]
) -> None:
    shown = demo_cli(*command)
    assert shown.code == 0, shown.err
    assert shown.out.strip(), "the demo has something to show here"
    assert ISO.findall(shown.out) == [], shown.out


def test_json_keeps_iso_dates(demo_cli: Cli) -> None:
    [first, *_] = demo_cli("ritual", "list", "--json").json()
    assert date.fromisoformat(first["upcoming"] or first["waiting"])
    audits = demo_cli("audit", "list", "--json").json()
    assert all(date.fromisoformat(a["date"]) for a in audits)
    assert date.fromisoformat(demo_cli("people", "show", "Rosa", "--json").json()["birthday"])


def test_a_person_s_page_reads_in_words(demo_cli: Cli) -> None:
    rosa = demo_cli("people", "show", "Rosa", "--json").json()
    shown = demo_cli("people", "show", "Rosa").out
    birthday = date.fromisoformat(rosa["birthday"])
    assert f"Birthday: {birthday.day} {birthday:%b}\n" in shown
    assert f"Latest audit ({day_words(rosa['latest_audit']['date'])}): overall" in shown
    [season] = rosa["seasons"]
    start, end = day_words(season["start"]), day_words(season["end"])
    assert f"Season {season['id']} (Rosa): illness, {start} to {end}" in shown
    assert "How they show care: kind words, practical help" in shown


def test_a_ritual_s_sentences_say_their_days_in_words(cli: Cli) -> None:
    today = date.today()
    assert cli("people", "add", "Jordan").code == 0
    start = today - timedelta(days=14)
    added = cli("ritual", "add", "Jordan", "Walk", "--every", "week", "--from", start.isoformat())
    assert added.code == 0, added.err
    assert f"from {day_words(start)}." in added.out and "Next on " in added.out
    assert ISO.findall(added.out) == []
    skipped = cli("ritual", "skip", "1")
    assert skipped.code == 0, skipped.err
    [row] = cli("ritual", "list", "--json").json()
    due = date.fromisoformat(row["waiting"] or row["upcoming"])
    to = due + timedelta(days=1)
    moved = cli("ritual", "move", "1", to.isoformat(), "--for", due.isoformat())
    assert moved.code == 0, moved.err
    assert f"Moved Walk from {day_words(due)} to {day_words(to)}." in moved.out
    ended = cli("ritual", "end", "1")
    assert ended.out == f"Ritual 1 (Walk) now ends on {day_words(today)}.\n"
    for said in (skipped.out, moved.out, ended.out):
        assert ISO.findall(said) == [], said


def test_a_refusal_that_names_a_day_names_it_in_words(cli: Cli) -> None:
    assert cli("people", "add", "Jordan").code == 0
    refused = cli(
        "ritual", "add", "Jordan", "Call", "--rule", "weekly",
        "--from", "2026-10-01", "--until", "2026-09-01",
    )  # fmt: skip
    assert refused.code == 2
    assert "The end, 1 Sep 2026, comes before the start, 1 Oct 2026" in refused.err
    ambiguous = cli("log", "Jordan", "Lunch", "--on", "03/04/2026")
    assert "please write it as 3 Apr 2026 or 4 Mar 2026" in ambiguous.err


STORED_VALUES = re.compile(
    r"│ (me|them|both|emotional-labour|initiation|depth|crisis|maintenance) +│"
)


@pytest.mark.parametrize("command", [("moment", "list"), ("boundary", "list")], ids=" ".join)
def test_tables_say_words_not_stored_values(demo_cli: Cli, command: tuple[str, ...]) -> None:
    shown = demo_cli.process(*command)
    assert shown.code == 0, shown.err
    assert STORED_VALUES.findall(shown.out) == [], shown.out


def test_a_moment_table_says_who_gave_and_the_dimensions_as_the_pages_do(demo_cli: Cli) -> None:
    [newest] = demo_cli("moment", "list", "--limit", "1", "--json").json()
    shown = demo_cli.process("moment", "list", "--limit", "1").out
    who = {"me": "you", "both": "both of you", "them": newest["person"]}[newest["by"]]
    assert f"│ {who} " in shown
    titles = {"initiation": "Initiation", "depth": "Depth", "crisis": "Crisis response"}
    for dimension in newest["dimensions"]:
        assert titles.get(dimension, "Maintenance") in shown


def test_rhythms_count_their_days(demo_cli: Cli) -> None:
    shown = demo_cli.process("rhythm", "list").out
    assert re.search(r"│ \d+ days +│ \d+ days +│", shown), shown
