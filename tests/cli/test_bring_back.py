"""A removal can be undone: the copy kept just before is listed and brought back, on every face.

Through the real entry point and the JSON API on the demo, with real SQLite copies.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli_runner import Cli


def test_a_removed_moment_is_brought_back(demo_cli: Cli) -> None:
    moment = demo_cli("moment", "list", "Sam", "--json").json()[0]
    removed = demo_cli("moment", "remove", str(moment["id"]), "--yes")
    assert removed.code == 0 and "'reciprocity bring-back " in removed.out
    name = removed.out.split("'reciprocity bring-back ", 1)[1].split("'", 1)[0]
    listed = demo_cli("copies", "--json").json()
    assert listed[0]["name"] == name and listed[0]["reason"] == "before-remove"
    assert name in demo_cli("copies").out and "just before something was removed" in (
        demo_cli("copies").out
    )

    asked = demo_cli("bring-back", name)
    assert asked.code == 2 and "--yes" in asked.err, "off a terminal it asks for --yes"
    back = demo_cli("bring-back", name, "--yes")
    assert back.code == 0 and "Everything is as it was" in back.out
    ids = [m["id"] for m in demo_cli("moment", "list", "Sam", "--json", "--limit", "500").json()]
    assert moment["id"] in ids
    reasons = [c["reason"] for c in demo_cli("copies", "--json").json()]
    assert reasons[0] == "before-bring-back", "what was there just before is kept too"


def test_bringing_back_refuses_what_is_not_a_kept_copy(demo_cli: Cli, tmp_path: Path) -> None:
    unknown = demo_cli("bring-back", "nothing-here.db", "--yes")
    assert unknown.code == 1 and "no kept copy named 'nothing-here.db'" in unknown.err
    elsewhere = demo_cli("bring-back", "/etc/passwd", "--yes")
    assert elsewhere.code == 1 and len(elsewhere.err.strip().splitlines()) == 1
    before = demo_cli("people", "list", "--json").json()
    database = demo_cli.db
    broken = database.with_name(f"{database.stem}.backup.20260101-000000{database.suffix}")
    broken.write_bytes(b"not a database at all")
    refused = demo_cli("bring-back", broken.name, "--yes")
    assert refused.code != 0 and "cannot be read as reciprocity data" in refused.err
    assert demo_cli("people", "list", "--json").json() == before, "nothing changed"
    with sqlite3.connect(database) as live:
        assert live.execute("PRAGMA integrity_check").fetchone() == ("ok",)
