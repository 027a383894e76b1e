"""Bytes that are not text, and control characters, are refused before anything is claimed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import Cli


def test_an_argument_that_is_not_utf8_is_one_line_and_nothing_is_noted(demo_cli: Cli) -> None:
    before = demo_cli("people", "show", "Sam", "--json").json()["moments"]
    done = demo_cli.process("log", "Sam", "bad \udcff bytes")  # the byte 0xff, as argv carries it
    assert done.code == 2 and done.out == ""
    [line] = done.err.splitlines()
    assert "'bad \\xff bytes' holds bytes that are not UTF-8 text" in line
    assert "Noted" not in done.out + done.err
    assert demo_cli("people", "show", "Sam", "--json").json()["moments"] == before


def test_a_nul_in_a_restored_name_is_refused_and_says_where(cli: Cli, tmp_path: Path) -> None:
    assert cli("people", "add", "Jordan").code == 0
    export = tmp_path / "export.json"
    assert cli("export", str(export)).code == 0
    document = json.loads(export.read_text())
    document["people"][0]["name"] = "Jor\x00dan"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    done = cli("import", str(bad), "--replace")
    assert done.code == 1
    assert "bad.json: people[0]: A name cannot hold control characters" in done.err
    assert [p["name"] for p in cli("people", "list", "--json").json()] == ["Jordan"]
    assert cli("people", "add", "Tab\x07Bell").code == 2
