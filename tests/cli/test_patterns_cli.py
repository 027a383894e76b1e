"""``patterns`` and ``status`` through the real entry point, on the demo."""

from __future__ import annotations

from tests.cli_runner import Cli

DIMENSIONS = {"initiation", "depth", "crisis", "maintenance"}
PROMISED = {"leaning", "strength", "chronic", "in_season", "suggested_rating", "felt_rating"}


def test_patterns_json_keeps_the_promised_shape(demo_cli: Cli) -> None:
    result = demo_cli("patterns", "Jordan", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["person"] == "Jordan"
    assert set(data["dimensions"]) == DIMENSIONS
    for reading in data["dimensions"].values():
        assert set(reading) >= PROMISED
        assert reading["leaning"] in {"me", "them", "mutual", "unknown"}
        assert 0 <= reading["strength"] <= 1
    assert data["dimensions"]["initiation"]["leaning"] == "me"
    assert data["dimensions"]["initiation"]["felt_rating"] == 1
    assert isinstance(data["energy"], dict) and isinstance(data["suggestions"], list)


def test_patterns_for_everyone_and_status(demo_cli: Cli) -> None:
    everyone = demo_cli("patterns", "--json").json()
    assert [p["person"] for p in everyone] == ["Jordan", "Priya", "Rosa", "Sam", "Theo"]
    theo = everyone[-1]
    assert all(d["leaning"] == "unknown" for d in theo["dimensions"].values())
    status = demo_cli("status", "--json").json()
    assert [r["person"] for r in status["relationships"]] == [p["person"] for p in everyone]
    shown = demo_cli("status")
    assert shown.code == 0 and "Jordan" in shown.out
    table = demo_cli("patterns", "Sam")
    assert table.code == 0 and "initiation" in table.out


def test_patterns_of_someone_unknown(demo_cli: Cli) -> None:
    result = demo_cli("patterns", "Jordon")
    assert result.code == 1 and "Did you mean 'Jordan'?" in result.err


def test_patterns_on_an_empty_database(cli: Cli) -> None:
    assert cli("status", "--json").json()["relationships"] == []
    assert "No one is in your list" in cli("patterns").out


def test_what_would_let_a_reading_speak_is_said_beside_it(demo_cli: Cli) -> None:
    theo = demo_cli("patterns", "Theo", "--json").json()
    for reading in theo["dimensions"].values():
        assert reading["leaning"] == "unknown"
        assert reading["notes_needed"] >= 1
        assert "could be enough" in reading["need"]
    jordan = demo_cli("patterns", "Jordan", "--json").json()["dimensions"]["initiation"]
    assert (jordan["notes_needed"], jordan["need"]) == (0, "")
    depth = theo["dimensions"]["depth"]
    shown = demo_cli("patterns", "Theo").out
    assert " ".join(depth["need"].split()) in " ".join(shown.split())
    status = demo_cli("status", "--json").json()["relationships"]
    row = next(r for r in status if r["person"] == "Theo")
    assert row["dimensions"]["depth"]["notes_needed"] == depth["notes_needed"]
    cells = demo_cli("status").out
    assert "notes" in cells and "enough)" in cells, "said in the table's cells too"
