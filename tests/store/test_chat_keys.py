"""A chat is recognised by its key: a large group's key is kept in a form that fits its column."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select, text

from reciprocity.evidence import parse
from reciprocity.model import Chat
from reciprocity.model.chat import KEY_LENGTH, chat_keys, fitting_key
from reciprocity.services import data
from reciprocity.store import open_database
from reciprocity.store.chats import store_chat
from tests.databases import Databases, sqlite_only

NAMES = [f"+44 7700 900{n:03d}" for n in range(80)]


def _group(folder: Path) -> Path:
    lines = [f"01/06/2026, 09:{n % 60:02d} - {name}: hello" for n, name in enumerate(NAMES)]
    lines.append("01/06/2026, 10:00 - Alex: hello everyone")
    path = folder / "WhatsApp Chat with Neighbours.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_key_that_fits_is_itself_and_a_long_one_a_fingerprint() -> None:
    key, whole = chat_keys("whatsapp", ["Sam", "Alex"])
    assert key == whole == "whatsapp:alex|sam"
    key, whole = chat_keys("whatsapp", [*NAMES, "Alex"])
    assert len(whole) > KEY_LENGTH and key.startswith("whatsapp:sha256:") and len(key) == 80
    assert fitting_key(whole) == key and fitting_key(key) == key


@sqlite_only  # only SQLite could keep a key longer than its column, as older versions did
def test_a_large_group_kept_whole_by_an_older_version_is_still_recognised(
    databases: Databases, tmp_path: Path
) -> None:
    export = _group(tmp_path)
    database = open_database(databases.new())
    with database.transaction() as session:
        assert store_chat(session, parse(export), me="Alex", add=[]).new == 81
        _key, whole = chat_keys("whatsapp", [*NAMES, "Alex"])
        session.execute(text("UPDATE chat SET key = :whole"), {"whole": whole})
    with database.transaction() as session:
        assert store_chat(session, parse(export), me="Alex", add=[]).new == 0
        assert session.scalar(select(func.count(Chat.id))) == 1
    database.close()


def test_an_export_with_a_whole_long_key_restores_under_the_key_that_fits(
    databases: Databases, tmp_path: Path
) -> None:
    export = _group(tmp_path)
    database = open_database(databases.new())
    with database.transaction() as session:
        store_chat(session, parse(export), me="Alex", add=[])
    backup = tmp_path / "backup.json"
    data.export_to(database, backup)
    database.close()
    document = json.loads(backup.read_text(encoding="utf-8"))
    key, whole = chat_keys("whatsapp", [*NAMES, "Alex"])
    assert document["chats"][0]["key"] == key
    document["chats"][0]["key"] = whole  # as an export from an older version holds it
    backup.write_text(json.dumps(document), encoding="utf-8")

    elsewhere = open_database(databases.new("elsewhere"))
    assert data.restore_file(elsewhere, backup).counts["chats"] == 1
    with elsewhere.transaction() as session:
        assert session.scalars(select(Chat.key)).all() == [key]
        assert store_chat(session, parse(export), me="Alex", add=[]).new == 0
    elsewhere.close()
