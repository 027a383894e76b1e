"""`reciprocity people import FILE.vcf` through the real entry point: choosing, matching, bad files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.cli_runner import Cli, Terminal

FIXTURES = Path(__file__).resolve().parents[1] / "contacts" / "fixtures"


@pytest.fixture
def google(tmp_path: Path) -> Path:
    return Path(shutil.copy(FIXTURES / "google.vcf", tmp_path / "google.vcf"))


def test_without_a_terminal_or_a_choice_the_names_and_a_non_zero_exit(
    cli: Cli, google: Path
) -> None:
    cli("people", "add", "Sam Lee")
    result = cli.process("people", "import", str(google))
    assert result.code == 2
    assert result.err.splitlines() == [
        "reciprocity: google.vcf holds 2 people: María García, Sam Lee (already in your list). "
        "Say who to bring in with --all, or --only NAME (repeatable)."
    ]
    assert [p["name"] for p in cli("people", "list", "--json").json()] == ["Sam Lee"]
    both = cli("people", "import", str(google), "--all", "--only", "Sam Lee")
    assert both.code == 2 and "not both" in both.err


def test_all_brings_everyone_in_and_matches_who_is_there(cli: Cli, google: Path) -> None:
    cli("people", "add", "sam  lee", "--note", "From climbing")
    result = cli("people", "import", str(google), "--all", "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "file": "google.vcf",
        "contacts": 2,
        "added": ["María García"],
        "filled": ["sam lee"],
        "unchanged": [],
        "dates": 2,
        "skipped": [],
    }
    people = {p["name"]: p for p in cli("people", "list", "--json").json()}
    assert set(people) == {"María García", "sam lee"}, "Sam is matched, never added twice"
    assert people["María García"]["birthday"] == "--05-17"
    assert people["María García"]["note"] == "Cousin on mum's side"
    assert people["sam lee"]["birthday"] == "1991-02-03", "what was missing is filled in"
    assert people["sam lee"]["note"] == "From climbing", "what was there stays"
    dates = {
        (d["whose"], d["title"], d["on"], d["yearly"]) for d in cli("date", "list", "--json").json()
    }
    assert dates == {
        ("María García", "Anniversary", "2015-09-12", True),
        ("sam lee", "First climb together", "2019-04-20", True),
    }
    again = cli("people", "import", str(google), "--all")
    assert again.code == 0
    assert "Already in your list, with nothing new: María García, sam lee." in again.out
    assert len(cli("date", "list", "--json").json()) == 2, "a second import adds no date twice"


def test_only_names_who_to_bring_in(cli: Cli, tmp_path: Path) -> None:
    android = Path(shutil.copy(FIXTURES / "android.vcf", tmp_path / "android.vcf"))
    result = cli("people", "import", str(android), "--only", "priya", "--only", "françois dubois")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Added Priya, François Dubois."
    assert "never phone numbers or addresses" in result.out
    assert [p["name"] for p in cli("people", "list", "--json").json()] == [
        "François Dubois",
        "Priya",
    ]
    assert cli("people", "show", "Priya", "--json").json()["birthday"] == "--08-09"
    unknown = cli("people", "import", str(android), "--only", "Jurgen Muller")
    assert unknown.code == 2
    assert unknown.err.strip() == (
        "reciprocity: No one called 'Jurgen Muller' is in android.vcf. Did you mean 'Jürgen Müller'?"
    )


def test_a_year_less_anniversary_is_remembered_every_year(cli: Cli, tmp_path: Path) -> None:
    android = Path(shutil.copy(FIXTURES / "android.vcf", tmp_path / "android.vcf"))
    assert cli("people", "import", str(android), "--only", "Jürgen Müller").code == 0
    [wedding, grandparents] = sorted(cli("date", "list", "--json").json(), key=lambda d: d["title"])
    assert wedding["title"] == "Anniversary" and wedding["on"] == "2010-06-12"
    assert grandparents["title"] == "Hochzeitstag der Großeltern" and grandparents["yearly"]
    on = date.fromisoformat(grandparents["on"])
    assert (on.month, on.day) == (12, 24) and on <= date.today()
    assert (date.today() - on).days < 366, "kept from its latest return, not from a made-up year"


def test_broken_cards_are_listed_with_their_lines_and_the_rest_come_in(
    cli: Cli, tmp_path: Path
) -> None:
    broken = Path(shutil.copy(FIXTURES / "broken.vcf", tmp_path / "broken.vcf"))
    result = cli("people", "import", str(broken), "--all")
    assert result.code == 0, result.err
    assert "Added Rosa Martin, Theo Brandt." in result.out
    lines = [line for line in result.out.splitlines() if line.startswith("  line ")]
    assert [line.split(":")[0] for line in lines] == [
        "  line 9",
        "  line 11",
        "  line 14",
        "  line 21",
        "  line 24",
    ]
    assert "rosa martin is in the file twice (first at line 1)" in lines[-1]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("not-contacts.txt", "not-contacts.txt: this is not a contacts file (vCard)"),
        ("missing.vcf", "missing.vcf: no such file."),
    ],
)
def test_a_file_that_is_not_a_vcard_is_one_line(
    cli: Cli, tmp_path: Path, name: str, says: str
) -> None:
    if (FIXTURES / name).exists():
        shutil.copy(FIXTURES / name, tmp_path / name)
    result = cli("people", "import", str(tmp_path / name), "--all")
    assert result.code != 0 and len(result.err.splitlines()) == 1 and says in result.err
    assert cli("people", "list", "--json").json() == []


def test_a_contacts_file_given_to_import_says_where_it_goes(cli: Cli, google: Path) -> None:
    result = cli("import", str(google))
    assert result.code == 2 and "reciprocity people import" in result.err


def test_a_terminal_shows_who_is_in_the_file_and_asks(cli: Cli, tmp_path: Path) -> None:
    apple = Path(shutil.copy(FIXTURES / "apple.vcf", tmp_path / "apple.vcf"))
    cli("people", "add", "Chidi Okafor")
    term = Terminal(cli.db, "people", "import", str(apple))
    term.expect(
        "   1. Johnny Appleseed (new): birthday 15 Mar, 2 dates to remember, a note\n"
        "   2. Chidi Okafor (already in your list): birthday 3 Nov 1988, 1 date to remember\n"
    )
    term.expect("Who to bring in? Numbers (such as 1 3 5-7), new, all, or none [new]: ")
    term.send("7")
    term.expect("'7' is not a choice")
    term.send("1-2")
    assert term.wait() == 0
    assert "Added Johnny Appleseed." in term.since
    assert "Filled in what was missing for Chidi Okafor." in term.since
    assert cli("people", "show", "Chidi Okafor", "--json").json()["birthday"] == "1988-11-03"

    nothing = Terminal(cli.db, "people", "import", str(apple))
    nothing.expect("[new]: ")
    nothing.send("none")
    assert nothing.wait() == 0 and "Nothing was changed." in nothing.since


def test_a_pipe_is_refused_at_once(cli: Cli, tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "contacts.vcf"
    os.mkfifo(pipe)
    result = cli("people", "import", str(pipe), "--all")
    assert result.code == 1 and "is not a regular file" in result.err
