"""Hostile files get one line saying what was wrong and where, never a crash (issue 13).

Restores that are nested too deeply, hold a number thousands of digits long,
half of a character, or the same thing twice where the store keeps it once;
chat exports with a year far in the future or half of a character in a name;
and a pipe or device given as the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.cli_runner import Cli
from tests.databases import sqlite_only

BASE = {
    "format": "reciprocity",
    "version": 1,
    "people": [{"name": "Sam"}],
    "seasons": [],
    "audits": [],
}


def _ritual(**extra: object) -> dict[str, object]:
    return {"person": "Sam", "title": "walk", "rule": "weekly", "start": "2024-01-01", **extra}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            '{"format": "reciprocity", "version": 1, "people": '
            + "[" * 50_000
            + "]" * 50_000
            + "}",
            "restore.json: is JSON nested too deeply to be a reciprocity export",
        ),
        (
            '{"format": "reciprocity", "version": 1,\n"people": [{"name": "A", "moments": '
            '[{"on": "2024-01-01", "by": "me", "energy": ' + "1" * 5000 + "}]}]}",
            "restore.json, line 2: holds a number thousands of digits long, which no export has",
        ),
        (
            '{"format": "reciprocity", "version": 1, "people": [{"name": "A\\ud83d"}]}',
            "restore.json: people[0].name holds half of a character",
        ),
        (
            json.dumps(
                {**BASE, "rhythms": [{"person": "Sam", "ideal_days": 7, "longest_days": 14}] * 2}
            ),
            "restore.json: rhythms[1]: a rhythm for Sam is already given at rhythms[0]",
        ),
        (
            json.dumps(
                {
                    **BASE,
                    "rituals": [_ritual(occurrences=[{"due": "2024-01-08", "status": "done"}] * 2)],
                }
            ),
            "restore.json: rituals[0].occurrences[1]: the occurrence due 2024-01-08 is already given",
        ),
        (
            json.dumps({**BASE, "rituals": [_ritual(uid="x"), _ritual(uid="x")]}),
            "restore.json: rituals[1]: uid 'x' is already given at rituals[0]",
        ),
        (
            json.dumps(
                {**BASE, "rhythms": [{"person": "Sam", "ideal_days": 7, "longest_days": 10**30}]}
            ),
            "restore.json: rhythms[0]: 'longest_days' holds a value out of its range",
        ),
        (  # found by benchmarks/fuzz_import.py
            json.dumps({**BASE, "rituals": [_ritual(rotation=2.5)]}),
            "restore.json: rituals[0]: 'rotation' should be a list of names",
        ),
    ],
)
def test_a_hostile_restore_gets_one_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "restore.json"
    path.write_text(text, encoding="utf-8")
    result = cli("import", str(path))
    assert result.code == 1, result.err
    assert said in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert cli("people", "list", "--json").json() == []


def test_a_pipe_or_a_device_is_refused_at_once(cli: Cli, tmp_path: Path) -> None:
    pipe = tmp_path / "chat.txt"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/null")):
        result = cli("import", str(path))
        assert result.code == 1
        assert "is not a regular file (a pipe, a socket or a device)" in result.err


def test_a_year_far_ahead_is_listed_not_a_lost_import(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    export.write_text(
        "02/03/2025, 09:00 - Sam: hi\n"
        "02/03/4090, 09:00 - Sam: from a clock gone wrong\n"
        "02/03/2025, 09:10 - Alex: hello\n",
        encoding="utf-8",
    )
    summary = cli("import", str(export), "--me", "Alex", "--json").json()
    assert summary["messages"] == 2
    assert summary["skipped"] == [
        {
            "line": 2,
            "reason": "the date 4090-03-02 is outside the years a chat can have (1900 to 2100); "
            "the message was left out",
        }
    ]
    telegram = tmp_path / "result.json"
    telegram.write_text(
        json.dumps(
            {
                "name": "Sam",
                "type": "personal_chat",
                "messages": [
                    {
                        "id": 1,
                        "type": "message",
                        "date": "9999-12-31T23:59:59",
                        "from": "Sam",
                        "text": "x",
                    },
                    {
                        "id": 2,
                        "type": "message",
                        "date": "2025-03-02T10:00:00",
                        "from": "Sam",
                        "text": "y",
                    },
                    {
                        "id": 3,
                        "type": "message",
                        "date": "2025-03-02T10:05:00",
                        "from": "Alex",
                        "text": "z",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    result = cli("import", str(telegram), "--json")
    assert result.code == 0, result.err
    assert [s["line"] for s in result.json()["skipped"]] == [1]


@sqlite_only  # reads the stored day straight from the SQLite file
def test_half_a_character_in_a_json_export_becomes_a_replacement_character(
    cli: Cli, tmp_path: Path
) -> None:
    export = tmp_path / "result.json"
    export.write_text(
        '{"name": "Sam\\ud83d", "type": "personal_chat", "id": 100, "messages": ['
        '{"id": 1, "type": "message", "date": "2025-04-01T09:10:07", "from": "Sam\\ud83d",'
        ' "text": "hi \\ud83d there"},'
        '{"id": 2, "type": "message", "date": "2025-04-01T09:12:41", "from": "Alex", "text": "ok"}]}',
        encoding="utf-8",
    )
    result = cli("import", str(export), "--me", "Alex", "--keep-text", "--json")
    assert result.code == 0, result.err
    assert result.json()["participants"] == {"Sam\ufffd": 1, "Alex": 1}
    with sqlite3.connect(cli.db) as db:
        texts = db.execute("SELECT texts FROM chat_day").fetchone()[0]
    assert json.loads(texts) == ["hi \ufffd there", "ok"]
