"""Chat messages one day a row: the stored outline layout, and carrying older stores over."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from reciprocity.evidence import parse
from reciprocity.evidence.message import Message, MessageColumns, MessageKind, moment_of
from reciprocity.evidence.outline import Outliner
from reciprocity.store import migrate, open_database
from reciprocity.store.chats import store_chat
from reciprocity.store.outlines import OutlineError, day_digest, pack, unpack
from tests.databases import Databases

EXPORT = """\
02/03/2026, 09:00 - Sam: how are you doing?
02/03/2026, 09:05 - Alex: good! you?
02/03/2026, 09:05 - Alex: good! you?
03/03/2026, 20:10 - Alex: Happy birthday!!
04/03/2026, 08:00 - Sam: I'm in hospital, nothing serious
04/03/2026, 08:30 - Alex: oh no, coming by tonight
"""


def test_a_store_from_before_days_is_carried_over_and_still_recognised(
    databases: Databases, tmp_path: Path
) -> None:
    export = tmp_path / "chat.txt"
    export.write_text(EXPORT, encoding="utf-8")
    outliner = Outliner()
    outline = outliner.outline(MessageColumns.of(list(parse(export).messages)))
    assert len(set(outline.fingerprints)) == 6  # the repeated "good! you?" stays two messages

    url = databases.new("older", layout=False)
    engine = create_engine(url)
    cfg = migrate.config()
    with engine.begin() as connection:
        from alembic import command

        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0003")
        connection.execute(
            text(
                "INSERT INTO person (id, name, kind, my_care, their_care, note, chat_me) "
                "VALUES (7, 'Sam', 'friend', '[]', '[]', '', 'Alex')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO chat (id, key, format, title, me_name, keeps_text) "
                "VALUES (3, 'whatsapp:alex|sam', 'whatsapp', '', 'Alex', :keeps_text)"
            ),
            {"keeps_text": False},
        )
        for index in range(len(outline)):
            connection.execute(
                text(
                    "INSERT INTO chat_message (chat_id, person_id, sent, length, kind, flags, "
                    "fingerprint, text) VALUES (3, :person, :sent, :length, 'text', :flags, :print, NULL)"
                ),
                {
                    "person": 7 if outliner.names[outline.authors[index]] == "Sam" else None,
                    "sent": moment_of(outline.minutes[index]),
                    "length": outline.lengths[index],
                    "flags": outline.flags[index],
                    "print": outline.fingerprints[index],
                },
            )
    engine.dispose()

    database = open_database(url)
    with database.transaction() as session:
        members = session.execute(
            text("SELECT position, name, person_id FROM chat_member ORDER BY position")
        ).all()
        assert members == [(0, "Alex", None), (1, "Sam", 7)]
        days = session.execute(text("SELECT day, messages FROM chat_day ORDER BY day")).all()
        stored = [(str(day), count) for day, count in days]  # SQLite's text, PostgreSQL's dates
        assert stored == [("2026-03-02", 3), ("2026-03-03", 1), ("2026-03-04", 2)]
        # Each day carried over is known by its digest (migration 0010), as new days are.
        packed = session.execute(text("SELECT outline, digest FROM chat_day")).all()
        assert all(digest == day_digest(bytes(outline)) for outline, digest in packed)
        summary = store_chat(session, parse(export), me="Alex")
    assert summary.new == 0
    assert summary.people == {"Sam": "Sam"} and summary.added == []
    database.close()


def _message(minute: int, author: str, body: str) -> Message:
    return Message(moment_of(minute), author, body, MessageKind.TEXT, 1)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1440 * 700_000, max_value=1440 * 750_000),
            st.sampled_from(["Alex", "Sam", "Ró"]),
            st.text(max_size=40),
        ),
        max_size=40,
    )
)
def test_an_outline_packs_and_unpacks_to_itself(rows: list[tuple[int, str, str]]) -> None:
    outline = Outliner(keep_text=True).outline(MessageColumns.of([_message(*row) for row in rows]))
    again = unpack(pack(outline), outline.texts)
    assert list(again.minutes) == [minute for minute, _, _ in rows]
    assert again == outline


def test_the_stored_layout_stays_as_documented() -> None:
    outline = Outliner().outline(MessageColumns.of([_message(1440 * 740_000 + 5, "Alex", "hi")]))
    expected = struct.pack(
        "<4sIqhibbq",
        b"RCO1",
        1,
        1440 * 740_000 + 5,
        0,
        2,
        0,
        outline.flags[0],
        outline.fingerprints[0],
    )
    assert pack(outline) == expected


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: data[:5], "too short"),
        (lambda data: b"XXXX" + data[4:], "cannot read"),
        (lambda data: data[:-1], "cut short"),
        (lambda data: data + b"\x00", "does not add up"),
    ],
)
def test_a_damaged_outline_is_refused(damage: object, reason: str) -> None:
    outline = Outliner().outline(MessageColumns.of([_message(1440 * 740_000, "Alex", "hi")]))
    with pytest.raises(OutlineError, match=reason):
        unpack(damage(pack(outline)))  # type: ignore[operator]
