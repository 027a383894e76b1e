"""Importing the same chat again, in every format: each message counted once, ``new`` right each time.

The matrix of the issue: import A, then A and B together (a newer export that
also adds messages to days already stored), then B alone (an export whose
older part was deleted on the phone), then A again, then A in the opposite
order. Whatever the order, the store holds every message of A and B once.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reciprocity.evidence import parse
from reciprocity.evidence.message import MessageKind
from reciprocity.services.chats import ChatChoices, ImportSummary, import_chat_file
from reciprocity.store import Database, open_database
from tests.evidence.exports import FORMATS, Format, Row

START = datetime(2025, 3, 3, 9, 0, 0)
THEM = "Sam"


def _rows(fmt: Format, count: int) -> list[Row]:
    """Messages on a few days, four a day, answering each other; a call every fifth where the format has calls."""
    rows = []
    for index in range(count):
        day, slot = divmod(index, 4)
        second = (7 * index) % 60 if fmt.seconds else 0
        sent = START + timedelta(days=day, minutes=37 * slot, seconds=second)
        author = fmt.me if index % 3 else THEM
        kind = MessageKind.CALL if fmt.calls and index % 5 == 2 else MessageKind.TEXT
        rows.append(Row(sent, author, f"message {index}: how did it go today?", kind))
    return rows


def _split(rows: list[Row]) -> tuple[int, int]:
    calls = sum(row.kind is MessageKind.CALL for row in rows)
    return len(rows) - calls, calls


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(f"sqlite:///{tmp_path / 'store.db'}")
    yield db  # type: ignore[misc]
    db.close()


def _import(
    database: Database, folder: Path, fmt: Format, rows: list[Row], name: str
) -> ImportSummary:
    place = folder / name
    place.mkdir()
    path = fmt.write(place, rows, THEM)
    return import_chat_file(database, path, ChatChoices(me=fmt.me))


def _stored(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "store.db") as db:
        return int(db.execute("SELECT coalesce(sum(messages), 0) FROM chat_day").fetchone()[0])


def _evidence(tmp_path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(tmp_path / "store.db") as db:
        return db.execute("SELECT day, giver, kind FROM evidence ORDER BY 1, 2, 3").fetchall()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_reimport_matrix(name: str, database: Database, tmp_path: Path) -> None:
    fmt = FORMATS[name]
    every = _rows(fmt, 30)
    a = every[:18]
    b = every[10:]
    extra = Row(a[-1].sent + timedelta(minutes=3), THEM, "one more on a day already stored")
    ab = sorted([*every, extra], key=lambda row: row.sent)
    messages, calls = _split(a)
    all_messages, all_calls = _split(ab)

    first = _import(database, tmp_path, fmt, a, "a")
    assert (first.messages, first.new, first.calls, first.new_calls) == (
        messages,
        messages,
        calls,
        calls,
    )
    texts = [row for row in a if row.kind is MessageKind.TEXT]
    assert (first.first, first.last) == (texts[0].sent, texts[-1].sent)  # to the second
    both = _import(database, tmp_path, fmt, ab, "ab")
    assert (both.messages, both.new) == (all_messages, all_messages - messages)
    assert (both.calls, both.new_calls) == (all_calls, all_calls - calls)
    assert _stored(tmp_path) == len(ab)
    evidence = _evidence(tmp_path)
    later = _import(database, tmp_path, fmt, [*b, extra], "b")
    assert (later.messages, later.new, later.new_calls) == (_split([*b, extra])[0], 0, 0)
    again = _import(database, tmp_path, fmt, a, "a-again")
    assert (again.messages, again.new) == (messages, 0)
    backwards = _import(database, tmp_path, fmt, a[::-1], "a-reversed")
    assert backwards.new == backwards.new_calls == 0
    assert _stored(tmp_path) == len(ab)
    assert _evidence(tmp_path) == evidence  # nothing new: what is stored stands


def _doubled(path: Path, index: int, *, change: str | None = None) -> None:
    """Write the ``index``-th message record of a JSON export twice (changed, if asked)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    record = dict(document["messages"][index])
    if change is not None:
        record["content" if "content" in record else "text"] = change
    document["messages"].insert(index + 2, record)
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("name", ["telegram", "discord"])
def test_a_record_written_twice_under_one_id_counts_once(
    name: str, database: Database, tmp_path: Path
) -> None:
    fmt = FORMATS[name]
    rows = [row for row in _rows(fmt, 12) if row.kind is MessageKind.TEXT]
    path = fmt.write(tmp_path, rows, THEM)
    _doubled(path, 3)
    first = import_chat_file(database, path, ChatChoices(me=fmt.me))
    assert (first.messages, first.new) == (len(rows), len(rows))
    assert any("written twice" in note for note in first.notes)
    again = import_chat_file(database, path, ChatChoices(me=fmt.me))
    assert (again.messages, again.new) == (len(rows), 0)
    assert _stored(tmp_path) == len(rows)


def test_a_record_with_a_known_id_but_other_content_is_listed(tmp_path: Path) -> None:
    fmt = FORMATS["discord"]
    rows = [row for row in _rows(fmt, 8) if row.kind is MessageKind.TEXT]
    path = fmt.write(tmp_path, rows, THEM)
    _doubled(path, 1, change="edited afterwards")
    chat = parse(path)
    assert len(list(chat.messages)) == len(rows)
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (4, "has the same id as the message on line 2 but other content; the first one was read")
    ]


def test_a_csv_with_an_id_column_reads_a_repeated_row_once(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    path.write_text(
        "id,time,author,text\n"
        "a1,2025-01-01 10:00:05,Sam,hi\n"
        "a2,2025-01-01 10:01:00,Alex,hello\n"
        "a1,2025-01-01 10:00:05,Sam,hi\n"
        ",2025-01-01 10:02:00,Sam,no id: read as it is\n",
        encoding="utf-8",
    )
    chat = parse(path)
    assert [m.text for m in chat.messages] == ["hi", "hello", "no id: read as it is"]
    assert chat.notes == [
        "Messages written twice in this file, under the same id and with the same content: 1. "
        "Each was read once."
    ]


def test_an_import_past_the_limits_is_refused_and_changes_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reciprocity.errors import TransferError
    from reciprocity.store import chats

    fmt = FORMATS["telegram"]
    path = fmt.write(tmp_path, _rows(fmt, 30), THEM)
    monkeypatch.setattr(chats, "MAX_MESSAGES", 10)
    with pytest.raises(TransferError, match="holds more than 10 messages"):
        import_chat_file(database, path, ChatChoices(me=fmt.me))
    assert _stored(tmp_path) == 0
    monkeypatch.setattr(chats, "MAX_MESSAGES", 1000)
    assert import_chat_file(database, path, ChatChoices(me=fmt.me)).new > 0
