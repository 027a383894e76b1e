"""Text no database keeps alike is refused plainly, from every door, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import Cli


def test_a_restored_nul_is_refused_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    assert cli("people", "add", "Sam").code == 0
    assert cli("log", "Sam", "a long call at night", "--by", "them").code == 0
    backup = tmp_path / "backup.json"
    assert cli("export", str(backup)).code == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["people"][0]["moments"][0]["text"] = "a long call \x00 at night"
    backup.write_text(json.dumps(document), encoding="utf-8")

    refused = cli("import", str(backup), "--replace")
    assert refused.code == 2
    assert refused.err.strip() == (
        "reciprocity: The moment's text holds a NUL character (\\0), which cannot be kept; "
        "please leave it out."
    )
    again = tmp_path / "again.json"
    assert cli("export", str(again)).code == 0
    moments = json.loads(again.read_text(encoding="utf-8"))["people"][0]["moments"]
    assert [m["text"] for m in moments] == ["a long call at night"], "all as it was"
