"""Re-imports know a file by its digest: the same file is "nothing new" at once, a longer one touches only new days.

What a person expects, case by case: the same export again (renamed, or a
copy) is recognised without being read and changes nothing; a changed or a
longer export is read, and only its new and changed days are written; and
the digest never stands in for what is stored: once a person's data or the
chat's days are gone, or the choices would link someone else, the file is
read again. On a SQLite file, then PostgreSQL.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from reciprocity.errors import ChoosePeopleError
from reciprocity.services import people
from reciprocity.services.chats import ChatChoices, import_chat_file
from reciprocity.store import Database, open_database
from tests.cli_runner import Cli
from tests.databases import Databases, sqlite_only
from tests.evidence.exports import Row, whatsapp

START = datetime(2025, 3, 3, 9, 0)
ME, THEM = "Alex", "Sam"


def rows(days: int, *, start: datetime = START, them: str = THEM) -> list[Row]:
    """Six messages a day, answering each other."""
    found = []
    for day in range(days):
        for slot in range(6):
            sent = start + timedelta(days=day, minutes=41 * slot)
            author = ME if slot % 2 else them
            found.append(Row(sent, author, f"day {day}, message {slot}: how did it go?"))
    return found


def export(folder: Path, name: str, messages: list[Row]) -> Path:
    place = folder / name
    place.mkdir()
    return whatsapp(place, messages, THEM)


@pytest.fixture
def database(databases: Databases) -> Iterator[Database]:
    db = open_database(databases.new("digest"))
    yield db
    db.close()


def count(database: Database, query: str) -> int:
    with database.transaction() as session:
        return int(session.execute(text(query)).scalar() or 0)


def stored(database: Database) -> tuple[int, int, int, int]:
    """Messages stored, day rows, evidence rows, and the store's revision."""
    return (
        count(database, "SELECT coalesce(sum(messages), 0) FROM chat_day"),
        count(database, "SELECT count(*) FROM chat_day"),
        count(database, "SELECT count(*) FROM evidence"),
        count(database, "SELECT number FROM store_revision"),
    )


def choose(**given: object) -> ChatChoices:
    return ChatChoices(me=ME, **given)  # type: ignore[arg-type]


def test_the_same_file_renamed_or_copied_is_nothing_new(database: Database, tmp_path: Path) -> None:
    path = export(tmp_path, "first", rows(5))
    first = import_chat_file(database, path, choose())
    assert (first.new, first.unchanged) == (30, None)
    before = stored(database)
    renamed = path.rename(tmp_path / "first" / "chat with Sam (old).txt")
    copy = tmp_path / "elsewhere.txt"
    shutil.copyfile(renamed, copy)
    for again in (renamed, copy):
        summary = import_chat_file(database, again, ChatChoices())  # who is who, remembered
        assert summary.unchanged is not None
        assert (summary.messages, summary.new, summary.readings) == (30, 0, {})
        assert (summary.first, summary.last) == (first.first, first.last)
        assert summary.people == {THEM: THEM} and summary.me == ME
        assert summary.as_dict()["unchanged"] is True
    assert stored(database) == before  # nothing written, not even the revision


def test_a_changed_file_is_read_again(database: Database, tmp_path: Path) -> None:
    messages = rows(4)
    import_chat_file(database, export(tmp_path, "a", messages), choose())
    edited = list(messages)
    edited[7] = Row(edited[7].sent, edited[7].author, "written another way")
    summary = import_chat_file(database, export(tmp_path, "b", edited), choose())
    assert summary.unchanged is None
    assert (summary.messages, summary.new) == (24, 1)  # the other text is another message
    assert summary.readings  # read, so the evidence is described
    assert stored(database)[0] == 25


def test_a_longer_export_adds_only_its_new_days(database: Database, tmp_path: Path) -> None:
    messages = rows(10)
    import_chat_file(database, export(tmp_path, "a", messages[:30]), choose())
    evidence_before = count(database, "SELECT count(*) FROM evidence")
    longer = import_chat_file(database, export(tmp_path, "b", messages), choose())
    assert longer.unchanged is None
    assert (longer.messages, longer.new) == (60, 30)
    assert stored(database)[:2] == (60, 10)
    assert count(database, "SELECT count(*) FROM chat_day WHERE digest IS NULL") == 0
    assert count(database, "SELECT count(*) FROM evidence") > evidence_before
    # The longer file is itself known again now; the shorter one too.
    assert import_chat_file(database, export(tmp_path, "c", messages), choose()).unchanged
    assert import_chat_file(database, export(tmp_path, "d", messages[:30]), choose()).unchanged


@sqlite_only  # counts the writes to each day row with a trigger in the SQLite file
def test_a_longer_export_writes_no_day_already_stored_whole(cli: Cli, tmp_path: Path) -> None:
    messages = rows(8)
    late = Row(messages[29].sent + timedelta(minutes=5), THEM, "one more, late on day five")
    assert cli("import", str(export(tmp_path, "a", messages[:30])), "--me", ME).code == 0
    with sqlite3.connect(cli.db) as db:
        db.execute("CREATE TABLE written (day TEXT)")
        db.execute(
            "CREATE TRIGGER day_written AFTER UPDATE ON chat_day "
            "BEGIN INSERT INTO written VALUES (new.day); END"
        )
    longer = sorted([*messages, late], key=lambda row: row.sent)
    result = cli("import", str(export(tmp_path, "b", longer)), "--me", ME, "--json")
    assert result.code == 0, result.err
    assert (result.json()["new"], result.json()["unchanged"]) == (19, False)
    with sqlite3.connect(cli.db) as db:
        written = [day for (day,) in db.execute("SELECT day FROM written")]
        days = db.execute("SELECT count(*) FROM chat_day").fetchone()[0]
    assert written == [late.sent.date().isoformat()]  # the one day that changed; the rest new
    assert days == 8


def test_after_a_removal_the_same_file_brings_the_person_back(
    database: Database, tmp_path: Path
) -> None:
    path = export(tmp_path, "a", rows(5))
    first = import_chat_file(database, path, choose())
    people.remove(database, THEM)
    assert count(database, "SELECT count(*) FROM evidence") == 0
    again = import_chat_file(database, path, choose())
    assert again.unchanged is None  # someone to add: read, not recognised
    assert (again.added, again.new) == ([THEM], 0)
    assert count(database, "SELECT count(*) FROM evidence") == sum(
        len(r.signals) for r in first.readings.values()
    )
    assert import_chat_file(database, path, choose()).unchanged is not None


def test_a_chat_whose_days_are_gone_is_read_again(database: Database, tmp_path: Path) -> None:
    path = export(tmp_path, "a", rows(5))
    import_chat_file(database, path, choose())
    with database.transaction() as session:
        session.execute(text("DELETE FROM chat_day WHERE day = '2025-03-05'"))
    again = import_chat_file(database, path, choose())
    assert (again.unchanged, again.new) == (None, 6)
    assert stored(database)[:2] == (30, 5)


def test_after_a_restore_the_same_file_is_read_and_adds_nothing(
    database: Database, tmp_path: Path
) -> None:
    from reciprocity.services import data

    path = export(tmp_path, "a", rows(5))
    import_chat_file(database, path, choose())
    saved = tmp_path / "everything.json"
    data.export_to(database, saved)
    data.restore_file(database, saved, replace=True)
    before = stored(database)[:3]
    again = import_chat_file(database, path, choose())
    assert (again.unchanged, again.new) == (None, 0)  # the restore brought messages, not files
    assert stored(database)[:3] == before
    assert import_chat_file(database, path, choose()).unchanged is not None


def test_other_choices_read_the_file_again(database: Database, tmp_path: Path) -> None:
    group = [
        Row(START + timedelta(minutes=index), (ME, THEM, "Kit")[index % 3], f"hello {index}")
        for index in range(12)
    ]
    path = export(tmp_path, "group", group)
    first = import_chat_file(database, path, choose(people=()))
    assert sorted(first.not_added) == ["Kit", THEM]
    with pytest.raises(ChoosePeopleError):  # said at once, as reading it would say it
        import_chat_file(database, path, choose())
    assert import_chat_file(database, path, choose(people=())).unchanged is not None
    chosen = import_chat_file(database, path, choose(people=("Kit",)))
    assert (chosen.unchanged, chosen.added) == (None, ["Kit"])
    assert import_chat_file(database, path, choose(people=())).unchanged is not None
    kept = import_chat_file(database, path, choose(people=(), keep_text=True))
    assert kept.unchanged is None  # text asked for, and the chat keeps none yet
    mdy = import_chat_file(database, path, choose(people=(), date_order="mdy"))
    assert mdy.unchanged is None


def test_the_command_line_and_json_say_nothing_is_new(cli: Cli, tmp_path: Path) -> None:
    path = export(tmp_path, "a", rows(3))
    first = cli("import", str(path), "--me", ME, "--json").json()
    said = cli("import", str(path))
    assert said.code == 0, said.err
    assert said.out.startswith("Nothing new: this export (18 messages, from ")
    assert "all of it is still stored" in said.out
    assert "With Sam" not in said.out and "Message text" not in said.out  # nothing was read
    summary = cli("import", str(path), "--json").json()
    assert (summary["unchanged"], summary["new"], summary["messages"]) == (True, 0, 18)
    assert summary["imported_before"] is not None
    assert summary["evidence"] == first["evidence"] and summary["evidence"][THEM]["conversations"]
    assert summary["conversations"] == first["conversations"]
