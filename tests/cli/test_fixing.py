"""Everything written can be fixed: edit changes only what is named; remove asks, says, keeps a copy.

Through the real entry point on the demo. A removal's copy is a real SQLite
file holding what was removed, so putting it back undoes the removal.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli_runner import Cli


def _copy_from(said: str) -> Path:
    marker = "is kept at "
    assert marker in said, said
    return Path(said.split(marker, 1)[1].split(";", 1)[0])


def test_find_fix_and_remove_a_moment(demo_cli: Cli) -> None:
    found = demo_cli("moment", "list", "Sam", "--search", "DINNER", "--json").json()
    assert found and all("dinner" in m["text"].lower() and m["person"] == "Sam" for m in found)
    assert [m["day"] for m in found] == sorted((m["day"] for m in found), reverse=True)
    crisis = demo_cli("moment", "list", "--dim", "crisis", "--json").json()
    assert crisis and all("crisis" in m["dimensions"] for m in crisis)
    moment = found[0]
    changed = demo_cli(
        "moment", "edit", str(moment["id"]), "--text", "Sam cooked", "--style", "none"
    )
    assert changed.code == 0 and "Changed moment" in changed.out
    [after] = [
        m
        for m in demo_cli("moment", "list", "Sam", "--json", "--limit", "500").json()
        if m["id"] == moment["id"]
    ]
    assert after["text"] == "Sam cooked" and after["style"] is None
    assert after["dimensions"] == moment["dimensions"] and after["energy"] == moment["energy"]
    asked = demo_cli("moment", "remove", str(moment["id"]))
    assert asked.code == 2 and "--yes" in asked.err, "off a terminal, a removal needs --yes"
    removed = demo_cli("moment", "remove", str(moment["id"]), "--yes")
    assert removed.code == 0 and "Removed moment" in removed.out
    copy = _copy_from(removed.out)
    with sqlite3.connect(copy) as kept:
        assert kept.execute("SELECT text FROM moment WHERE id = ?", (moment["id"],)).fetchone() == (
            "Sam cooked",
        )
    assert demo_cli("moment", "remove", str(moment["id"]), "--yes").code == 1
    bad = demo_cli("moment", "edit", str(moment["id"] + 10_000), "--text", "x")
    assert bad.code == 1 and "moment list" in bad.err


def test_a_season_fixed_removed_and_never_twice(demo_cli: Cli) -> None:
    assert demo_cli("season", "start", "Sam", "grief", "--on", "2026-01-10").code == 0
    twice = demo_cli("season", "start", "Sam", "grief", "--on", "2026-01-10")
    assert twice.code == 1 and "already kept" in twice.err and len(twice.err.splitlines()) == 1
    season = next(s for s in demo_cli("season", "list", "--json").json() if s["kind"] == "grief")
    fixed = demo_cli("season", "edit", str(season["id"]), "--until", "2026-03-01", "--note", "Dad")
    assert fixed.code == 0
    season = next(s for s in demo_cli("season", "list", "--json").json() if s["id"] == season["id"])
    assert season["end"] == "2026-03-01" and season["note"] == "Dad" and not season["ongoing"]
    before = demo_cli("season", "edit", str(season["id"]), "--until", "2025-12-01")
    assert before.code == 2 and "cannot end before" in before.err
    removed = demo_cli("season", "remove", str(season["id"]), "--yes")
    assert removed.code == 0 and _copy_from(removed.out).is_file()
    assert season["id"] not in [s["id"] for s in demo_cli("season", "list", "--json").json()]


def test_an_audit_a_check_in_and_the_practices_can_be_fixed_and_removed(demo_cli: Cli) -> None:
    [first, _] = demo_cli("audit", "list", "--json").json()
    gone = demo_cli("audit", "remove", str(first["id"]), "--yes")
    assert gone.code == 0 and "Removed audit" in gone.out
    assert [a["id"] for a in demo_cli("audit", "list", "--json").json()] != [first["id"]]

    held = demo_cli("checkin", "list", "--json").json()[0]
    fixed = demo_cli(
        "checkin", "edit", str(held["id"]), "--answer", "them.drained=Nothing this time"
    )
    assert fixed.code == 0, fixed.err
    again = next(c for c in demo_cli("checkin", "list", "--json").json() if c["id"] == held["id"])
    assert again["sides"]["them"]["drained"] == "Nothing this time"
    assert again["sides"]["me"] == held["sides"]["me"]
    assert demo_cli("checkin", "edit", str(held["id"]), "--answer", "us.x=y").code == 2
    assert demo_cli("checkin", "remove", str(held["id"]), "--yes").code == 0
    assert held["id"] not in [c["id"] for c in demo_cli("checkin", "list", "--json").json()]

    ritual = demo_cli("ritual", "list", "--json").json()[0]
    assert demo_cli("ritual", "edit", str(ritual["id"]), "--title", "Sunday call, longer").code == 0
    assert demo_cli("ritual", "list", "--json").json()[0]["title"] == "Sunday call, longer"
    assert demo_cli("ritual", "remove", str(ritual["id"]), "--yes").code == 0

    boundary = demo_cli("boundary", "list", "--json").json()[0]
    changed = demo_cli("boundary", "edit", str(boundary["id"]), "--note", "Still holds")
    assert changed.code == 0
    assert demo_cli("boundary", "remove", str(boundary["id"]), "--yes").code == 0

    win = demo_cli("win", "list", "--json").json()[0]
    assert demo_cli("win", "edit", str(win["id"]), "--text", "It went well").code == 0
    assert demo_cli("win", "list", "--json").json()[0]["text"] == "It went well"
    assert demo_cli("win", "remove", str(win["id"]), "--yes").code == 0

    when = demo_cli("date", "list", "--json").json()[0]
    assert demo_cli("date", "edit", str(when["id"]), "--title", "Anniversary", "--once").code == 0
    edited = next(d for d in demo_cli("date", "list", "--json").json() if d["id"] == when["id"])
    assert edited["title"] == "Anniversary" and edited["yearly"] is False
