"""Chat imports through the real entry point: what real exports by other people showed (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import Cli


def _telegram(path: Path, records: list[dict[str, object]]) -> Path:
    document = {"name": "Sam", "type": "personal_chat", "id": 100, "messages": records}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_call_is_contact_of_its_own_not_a_message(cli: Cli, tmp_path: Path) -> None:
    export = _telegram(
        tmp_path / "result.json",
        [
            {"id": 1, "type": "service", "date": "2025-04-01T08:59:30", "actor": "Sam",
             "actor_id": "user100", "action": "phone_call", "duration_seconds": 300},
            {"id": 2, "type": "message", "date": "2025-04-01T09:10:07", "from": "Sam",
             "from_id": "user100", "text": "thanks for picking up"},
            {"id": 3, "type": "message", "date": "2025-04-01T09:12:41", "from": "Alex",
             "from_id": "user200", "text": "any time"},
        ],
    )
    result = cli("import", str(export), "--me", "Alex", "--json")
    assert result.code == 0, result.err
    summary = result.json()
    assert (summary["messages"], summary["new"]) == (2, 2)
    assert (summary["calls"], summary["new_calls"]) == (1, 1)
    assert summary["first"] == "2025-04-01T09:10:07"  # the first message, to the second
    assert summary["last"] == "2025-04-01T09:12:41"
    assert summary["participants"] == {"Sam": 1, "Alex": 1}
    assert summary["evidence"]["Sam"]["calls"] == {"me": 0, "them": 1}
    again = cli("import", str(export), "--json").json()
    assert (again["new"], again["new_calls"]) == (0, 0)
    words = cli("import", str(export))
    assert "Calls read too: 1 (0 new)" in words.out
