"""The check-in, with answers fed on standard input through the real entry point."""

from __future__ import annotations

from datetime import date, timedelta

from reciprocity.coach.terms import day_words
from tests.cli_runner import Cli

TODAY = date.today()

FIRST = (
    "\n".join(
        [
            "Jordan drove me to the clinic on Tuesday",
            "The long walk on Sunday",
            "He was going to call after the scan and did not, so I waited all evening",
            "I listened when the job news came",
            "The birthday card",
            "",
            "Jordan plans the next weekend away",
            "A call after scans, even a short one",
            "",
            "",  # next check-in: the default, in four weeks
            "y",
        ]
    )
    + "\n"
)


def test_a_check_in_is_recorded_and_its_adjustments_come_back(cli: Cli) -> None:
    cli("people", "add", "Jordan", "--their-care", "practical", "--my-care", "listening")
    cli(
        "log",
        "Jordan",
        "Jordan brought soup",
        "--by",
        "them",
        "--on",
        (TODAY - timedelta(days=2)).isoformat(),
    )
    first = cli.process("checkin", "Jordan", stdin=FIRST)
    assert first.code == 0, first.err
    assert "Check-in with Jordan" in first.out
    assert "Jordan brought soup" in first.out  # recent moments on the agenda
    assert "practical help" in first.out  # care styles on the agenda
    assert "first check-in" in first.out
    assert "what someone meant" in first.out  # intentions gently turned to actions
    assert "2 things you agreed to try" in first.out
    planned = day_words(TODAY + timedelta(days=28))
    assert planned in first.out

    agenda = cli("checkin", "Jordan", "--json").json()
    assert [a["text"] for a in agenda["adjustments"]] == [
        "Jordan plans the next weekend away",
        "A call after scans, even a short one",
    ]
    [saved] = agenda["checkins"]
    assert saved["sides"]["me"]["supported"] == "Jordan drove me to the clinic on Tuesday"
    assert saved["sides"]["them"]["drained"] == ""
    assert saved["next_on"] == (TODAY + timedelta(days=28)).isoformat()
    assert any(i["kind"] == "checkin" for i in cli("due", "--days", "30", "--json").json()["items"])

    second_answers = "\n".join(["yes", "partly", "", "", "", "", "", "", "", "none", "y"]) + "\n"
    second = cli.process("checkin", "Jordan", stdin=second_answers)
    assert second.code == 0, second.err
    assert "Jordan plans the next weekend away" in second.out  # back on the next agenda
    agenda = cli("checkin", "Jordan", "--json").json()
    first_record = agenda["checkins"][0]
    assert [a["outcome"] for a in first_record["adjustments"]] == ["happened", "partly"]
    assert agenda["checkins"][1]["next_on"] is None
    assert agenda["adjustments"] == []


def test_a_check_in_stopped_early_saves_nothing(cli: Cli) -> None:
    cli("people", "add", "Sam")
    stopped = cli.process("checkin", "Sam", stdin="Only one answer\n")
    assert stopped.code == 1
    assert "not saved" in stopped.err and len(stopped.err.strip().splitlines()) == 1
    declined = cli.process("checkin", "Sam", stdin="\n" * 8 + "n\n")
    assert declined.code == 1 and "not saved" in declined.err
    assert cli("checkin", "Sam", "--json").json()["checkins"] == []
    unknown = cli("checkin", "Nobody", "--agenda")
    assert unknown.code != 0 and "No one called 'Nobody'" in unknown.err
    assert "Open questions" in cli("checkin", "Sam", "--agenda").out
