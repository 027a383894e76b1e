"""Rhythms and dates to remember through the real command line: set, change, clear, remove."""

from __future__ import annotations

from datetime import date, timedelta

from tests.cli_runner import Cli

TODAY = date.today()


def test_a_rhythm_is_set_changed_and_cleared(cli: Cli) -> None:
    cli("people", "add", "Jordan")
    cli("log", "Jordan", "Coffee", "--on", (TODAY - timedelta(days=12)).isoformat())
    assert "no more than 20 days apart" in cli("rhythm", "set", "Jordan", "--ideal", "10").out
    [row] = cli("rhythm", "list", "--json").json()
    assert (row["ideal_days"], row["longest_days"], row["days_since"]) == (10, 20, 12)
    assert row["nudge"] == (
        "It has been 12 days since you and Jordan were last in touch; a short hello might be nice"
    )
    cli("rhythm", "set", "Jordan", "--ideal", "14", "--longest", "30")
    [row] = cli("rhythm", "list", "--json").json()
    assert (row["ideal_days"], row["longest_days"], row["nudge"]) == (14, 30, None)
    cleared = cli("rhythm", "clear", "jordan")
    assert cleared.code == 0 and "Cleared the rhythm with Jordan." in cleared.out
    assert cli("rhythm", "list", "--json").json() == []
    again = cli("rhythm", "clear", "Jordan")
    assert again.code != 0 and "No keep-in-touch rhythm is set with Jordan" in again.err
    assert cli("people", "show", "Jordan", "--json").json()["moments"] == 1, "moments stay"


def test_dates_are_listed_next_first_and_removed(cli: Cli) -> None:
    cli("people", "add", "Rosa")
    soon, later = TODAY + timedelta(days=5), TODAY + timedelta(days=40)
    cli("date", "add", "me", "Moving day", later.isoformat(), "--once")
    wedding = soon if (soon.month, soon.day) == (2, 29) else soon.replace(year=soon.year - 30)
    cli("date", "add", "Rosa", "Wedding anniversary", wedding.isoformat())
    cli("date", "add", "me", "Old exam", (TODAY - timedelta(days=3)).isoformat(), "--once")
    rows = cli("date", "list", "--json").json()
    assert [r["title"] for r in rows] == ["Wedding anniversary", "Moving day", "Old exam"]
    assert rows[0]["next"] == soon.isoformat() and rows[0]["days_until"] == 5
    assert rows[2]["next"] is None and rows[2]["days_until"] is None
    asked = cli("date", "remove", str(rows[2]["id"]))
    assert asked.code == 2 and "--yes" in asked.err, "off a terminal, removing needs --yes"
    removed = cli("date", "remove", str(rows[2]["id"]), "--yes")
    assert removed.code == 0 and "Removed Old exam (yourself" in removed.out
    assert "A copy of everything as it was just before is kept at" in removed.out
    assert [r["title"] for r in cli("date", "list", "--json").json()] == [
        "Wedding anniversary",
        "Moving day",
    ]
    missing = cli("date", "remove", str(rows[2]["id"]), "--yes")
    assert missing.code != 0 and "no date to remember with id" in missing.err
    assert len(missing.err.strip().splitlines()) == 1
