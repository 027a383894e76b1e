"""Imported chats in the JSON export, and back: the ``chats`` part of the file.

Each chat is written with its members and its messages' outlines as plain
columns of numbers, one entry a message, in time order::

    {"format": "whatsapp", "key": "whatsapp:alex|sam", "title": "", "me": "Alex",
     "keeps_text": false,
     "members": [{"name": "Alex"}, {"name": "Sam", "person": "Sam"}],
     "messages": {"minutes": [...], "authors": [...], "lengths": [...],
                  "kinds": [...], "flags": [...], "fingerprints": [...]},
     "texts": [...]}

``minutes`` count from 0001-01-01 00:00 (2026-03-02 09:05 is 1065138785);
``authors`` are positions in ``members``; ``kinds`` are positions in
``["text", "media", "deleted", "call"]``; ``flags`` are the signal bits of
``evidence.signals``; ``texts`` is there only when text was kept. Evidence is
not written: it is derived again from the messages on restore, so a restored
store and the original agree.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reciprocity.coach import data as data_words
from reciprocity.evidence.derive import EvidenceSettings
from reciprocity.evidence.message import EARLIEST, LATEST
from reciprocity.evidence.outline import KINDS, Outline
from reciprocity.model import Chat, ChatMember, Person
from reciprocity.model.chat import fitting_key
from reciprocity.store.chats import derive_evidence, stored_days, write_days
from reciprocity.store.reader import DocumentReader

COLUMNS = ("minutes", "authors", "lengths", "kinds", "flags", "fingerprints")
_CODES = dict(zip(COLUMNS, ("q", "h", "i", "b", "b", "q"), strict=True))


def clear_part(session: Session) -> None:
    for chat in session.scalars(select(Chat)):
        session.delete(chat)


def export_part(session: Session) -> dict[str, Any]:
    names: dict[int, str] = {
        pid: name for pid, name in session.execute(select(Person.id, Person.name))
    }
    chats = []
    for chat in session.scalars(select(Chat).order_by(Chat.id)):
        everything = Outline()
        for _number, day in sorted(stored_days(session, chat.id, texts=True).items()):
            everything.extend(day.outline)
        entry: dict[str, Any] = {
            "format": chat.format,
            "key": chat.key,
            "title": chat.title,
            "me": chat.me_name,
            "keeps_text": chat.keeps_text,
            "members": [
                {"name": m.name, "person": names[m.person_id]}
                if m.person_id in names
                else {"name": m.name}
                for m in chat.members
            ],
            "messages": {
                name: column.tolist()
                for name, column in zip(COLUMNS, everything.columns(), strict=True)
            },
        }
        if everything.texts is not None:
            entry["texts"] = everything.texts
        chats.append(entry)
    return {"chats": chats}


def counts(document: Mapping[str, Any]) -> dict[str, int]:
    chats = document.get("chats") or []
    return {
        "chats": len(chats),
        "chat_messages": sum(
            len((c.get("messages") or {}).get("minutes") or [])
            for c in chats
            if isinstance(c, dict) and isinstance(c.get("messages"), dict)
        ),
    }


def restore_part(
    session: Session,
    document: Mapping[str, Any],
    reader: DocumentReader,
    people: dict[str, Person],
) -> None:
    for i, raw in enumerate(reader.items(document, "chats")):
        spot = f"chats[{i}]"
        key = fitting_key(reader.text(raw, "key", spot, required=True))
        if session.scalar(select(func.count(Chat.id)).where(Chat.key == key)):
            raise reader.problem(spot, data_words.TRANSFER_CHAT_TWICE.format(key=key))
        me_name = reader.text(raw, "me", spot, required=True)
        chat = Chat(
            key=key,
            format=reader.text(raw, "format", spot, required=True),
            title=reader.text(raw, "title", spot),
            me_name=me_name,
            keeps_text=bool(raw.get("keeps_text", False)),
        )
        members = reader.items(raw, "members", spot)
        for position, member in enumerate(members):
            place = f"{spot}.members[{position}]"
            name = reader.text(member, "name", place, required=True)
            owner = reader.text(member, "person", place)
            chat.members.append(
                ChatMember(
                    position=position,
                    name=name,
                    person_id=reader.person(people, owner, place).id if owner else None,
                )
            )
        if me_name not in [m.name for m in chat.members]:
            raise reader.problem(spot, data_words.TRANSFER_CHAT_NO_ME.format(me=me_name))
        session.add(chat)
        session.flush()
        outline = _outline(reader, raw, spot, len(members))
        if outline:
            ordered = outline.in_time_order()
            write_days(session, chat, {}, ordered)
            derive_evidence(session, chat, me_name, ordered, EvidenceSettings())


def _outline(reader: DocumentReader, raw: Any, spot: str, members: int) -> Outline:
    where = f"{spot}.messages"
    columns = raw.get("messages") if isinstance(raw, dict) else None
    if not isinstance(columns, dict):
        raise reader.problem(
            where, data_words.TRANSFER_TYPE.format(key="messages", expected="an object")
        )
    made = []
    for name in COLUMNS:
        values = columns.get(name)
        if not isinstance(values, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in values
        ):
            raise reader.problem(
                where, data_words.TRANSFER_TYPE.format(key=name, expected="a list of whole numbers")
            )
        try:
            made.append(array(_CODES[name], values))
        except OverflowError:
            raise reader.problem(where, data_words.TRANSFER_CHAT_COLUMN.format(key=name)) from None
    minutes, authors, lengths, kinds, flags, fingerprints = made
    texts = raw.get("texts")
    if len({len(column) for column in made}) > 1 or (
        texts is not None and (not isinstance(texts, list) or len(texts) != len(minutes))
    ):
        raise reader.problem(where, data_words.TRANSFER_CHAT_LENGTHS)
    if texts is not None and not all(t is None or isinstance(t, str) for t in texts):
        raise reader.problem(f"{spot}.texts", data_words.TRANSFER_CHAT_LENGTHS)
    checks = {
        "minutes": all(EARLIEST <= m < LATEST for m in minutes),
        "authors": all(0 <= a < members for a in authors),
        "lengths": all(n >= 0 for n in lengths),
        "kinds": all(0 <= k < len(KINDS) for k in kinds),
    }
    for name, good in checks.items():
        if not good:
            raise reader.problem(where, data_words.TRANSFER_CHAT_COLUMN.format(key=name))
    return Outline(minutes, authors, lengths, kinds, flags, fingerprints, texts)
