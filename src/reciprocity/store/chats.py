"""Step 3 of an import: a parsed chat into the store, each message counted once.

Messages are reduced to their outline as they stream past (minute, side,
length, kind, the signal words found, a fingerprint); the text is kept only
with ``keep_text``. A message already stored for the same chat — same
minute, author and text — is not stored again, so re-importing a file or an
overlapping export never double counts. After every import the evidence of
the chat is derived again from all of its stored messages.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from reciprocity.coach import messages
from reciprocity.errors import InputError
from reciprocity.evidence.derive import (
    EvidenceSettings,
    Line,
    Reading,
    flags_of,
    minute_of,
    read,
)
from reciprocity.evidence.message import Chat as ParsedChat
from reciprocity.model import Chat, ChatMessage, Evidence, Person
from reciprocity.model.person import add_person, all_people

BATCH = 50_000
_MINUTES_PER_DAY = 1440
_MESSAGES = cast(Table, ChatMessage.__table__)
_EVIDENCE = cast(Table, Evidence.__table__)
_SELF_NAMES = {"me", "myself", "you"}
"""Author names some exports (and hand-made CSVs) give the owner of the export."""


@dataclass
class ImportSummary:
    """What an import found; ``as_dict`` is the ``import --json`` shape of DESIGN.md."""

    format: str
    messages: int = 0
    new: int = 0
    conversations: int = 0
    first: datetime | None = None
    last: datetime | None = None
    participants: dict[str, int] = field(default_factory=dict)
    date_order: str | None = None
    date_order_inferred: bool = False
    skipped: list[dict[str, Any]] = field(default_factory=list)
    me: str = ""
    people: dict[str, str] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    readings: dict[str, Reading] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "messages": self.messages,
            "new": self.new,
            "conversations": self.conversations,
            "first": self.first.isoformat(timespec="seconds") if self.first else None,
            "last": self.last.isoformat(timespec="seconds") if self.last else None,
            "participants": self.participants,
            "date_order": self.date_order,
            "date_order_inferred": self.date_order_inferred,
            "skipped": self.skipped,
            "me": self.me,
            "people": self.people,
            "added": self.added,
            "evidence": {
                name: {
                    "conversations": r.conversations,
                    "started": r.started,
                    "unanswered": r.unanswered,
                    "response_minutes": r.response_minutes,
                    "signals": len(r.signals),
                }
                for name, r in self.readings.items()
            },
            "notes": self.notes,
        }


@dataclass
class _Outline:
    """The parsed messages, column by column (compact: a million fit in a few dozen MB)."""

    minutes: array[int] = field(default_factory=lambda: array("q"))
    authors: array[int] = field(default_factory=lambda: array("i"))
    lengths: array[int] = field(default_factory=lambda: array("i"))
    flags: array[int] = field(default_factory=lambda: array("b"))
    kinds: list[str] = field(default_factory=list)
    fingerprints: array[int] = field(default_factory=lambda: array("q"))
    texts: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def _outline(chat: ParsedChat, keep_text: bool, tick: Callable[[int], None]) -> _Outline:
    out = _Outline()
    index: dict[str, int] = {}
    taken: set[int] = set()
    minutes, authors, lengths, flags = out.minutes, out.authors, out.lengths, out.flags
    kinds, prints = out.kinds, out.fingerprints
    for count, message in enumerate(chat.messages, 1):
        author = index.get(message.author)
        if author is None:
            author = index[message.author] = len(out.names)
            out.names.append(message.author)
        sent = message.sent
        minute = sent.toordinal() * _MINUTES_PER_DAY + sent.hour * 60 + sent.minute
        text = message.text
        # Minute, author and text identify a message across exports (some show
        # seconds, some do not); a repeat within a minute gets the next number.
        body = zlib.crc32(
            text.encode("utf-8", "surrogatepass"), zlib.crc32(message.author.encode())
        )
        fingerprint = (minute << 32) | body
        repeat = 0
        while fingerprint in taken:
            repeat += 1
            fingerprint = (minute << 32) | zlib.crc32(repeat.to_bytes(4, "little"), body)
        taken.add(fingerprint)
        minutes.append(minute)
        authors.append(author)
        lengths.append(len(text))
        flags.append(flags_of(text) if text else 0)
        kinds.append(message.kind.value)
        prints.append(fingerprint)
        if keep_text:
            out.texts.append(text)
        if count % BATCH == 0:
            tick(count)
    return out


def _choose_me(
    names: list[str], chat: ParsedChat, me: str | None, person: str | None, session: Session
) -> str:
    by_fold = {n.casefold(): n for n in names}
    listing = ", ".join(sorted(names)) or "(no one)"
    if me:
        if me.casefold() not in by_fold:
            raise InputError(messages.IMPORT_ME_UNKNOWN.format(me=me, names=listing))
        return by_fold[me.casefold()]
    if chat.me and chat.me.casefold() in by_fold:
        return by_fold[chat.me.casefold()]
    selves = [n for n in names if n.casefold() in _SELF_NAMES]
    if len(selves) == 1:
        return selves[0]
    others = [n for n in names if person and n.casefold() == person.casefold()]
    if len(names) == 2 and others:
        return next(n for n in names if n != others[0])
    known = {p.name.casefold(): p for p in all_people(session)}
    remembered = {p.chat_me.casefold() for p in known.values() if p.chat_me}
    mine = [n for n in names if n.casefold() in remembered]
    if len(mine) == 1:
        return mine[0]
    if len(names) == 2:
        strangers = [n for n in names if n.casefold() not in known]
        if len(strangers) == 1:
            return strangers[0]
    raise InputError(messages.IMPORT_NEEDS_ME.format(names=listing))


def store_chat(
    session: Session,
    chat: ParsedChat,
    *,
    me: str | None = None,
    person: str | None = None,
    keep_text: bool = False,
    settings: EvidenceSettings = EvidenceSettings(),
    tick: Callable[[int], None] = lambda _count: None,
) -> ImportSummary:
    """Store ``chat`` and its evidence in ``session``; raise before writing if it cannot be."""
    out = _outline(chat, keep_text, tick)
    summary = ImportSummary(
        format=chat.format,
        messages=len(out.minutes),
        participants=dict(chat.participants),
        date_order=chat.date_order,
        date_order_inferred=chat.date_order_inferred,
        skipped=[{"line": s.line, "reason": s.reason} for s in chat.skipped],
        notes=list(chat.notes),
    )
    if not out.minutes:
        raise InputError(messages.IMPORT_EMPTY)
    summary.first = _when(min(out.minutes))
    summary.last = _when(max(out.minutes))
    summary.me = me_name = _choose_me(out.names, chat, me, person, session)
    if person and " ".join(person.split()).casefold() == me_name.casefold():
        raise InputError(messages.IMPORT_PERSON_IS_ME.format(name=me_name))
    others = [n for n in out.names if n != me_name]
    if person and len(others) > 1:
        raise InputError(messages.IMPORT_PERSON_IN_GROUP.format(names=", ".join(others)))

    people: dict[int, Person] = {}
    known = {p.name.casefold(): p for p in all_people(session)}
    for name in others:
        wanted = person if person else name
        found = known.get(" ".join(wanted.split()).casefold())
        if found is None:
            found = add_person(session, wanted)
            known[found.name.casefold()] = found
            summary.added.append(found.name)
        found.chat_me = me_name
        people[out.names.index(name)] = found
        summary.people[name] = found.name
    me_index = out.names.index(me_name)

    key = f"{chat.format}:" + "|".join(sorted(n.casefold() for n in out.names))
    stored = session.scalar(select(Chat).where(Chat.key == key))
    if stored is None:
        stored = Chat(key=key, format=chat.format, title=chat.title or "", me_name=me_name)
        session.add(stored)
        session.flush()
    stored.keeps_text = stored.keeps_text or keep_text
    existing = set(
        session.scalars(select(ChatMessage.fingerprint).where(ChatMessage.chat_id == stored.id))
    )
    fresh = [i for i, fingerprint in enumerate(out.fingerprints) if fingerprint not in existing]
    summary.new = len(fresh)
    person_ids = {author: p.id for author, p in people.items()}
    for start in range(0, len(fresh), BATCH):
        # Built a batch at a time, so a million rows never sit in memory at once;
        # Core executemany, because the ORM's bulk path would build objects it does not need.
        rows = [
            {
                "chat_id": stored.id,
                "person_id": person_ids.get(out.authors[i]),
                "sent": _when(out.minutes[i]),
                "length": out.lengths[i],
                "kind": out.kinds[i],
                "flags": out.flags[i],
                "fingerprint": out.fingerprints[i],
                "text": out.texts[i] if keep_text else None,
            }
            for i in fresh[start : start + BATCH]
        ]
        session.execute(insert(_MESSAGES), rows)

    # Evidence is derived again from every stored message of the chat when
    # anything is new; otherwise what is stored stands, and the summary
    # describes this file.
    if existing and fresh:
        lines_of = _stored_lines(session, stored.id, people, me_index)
    else:
        lines_of = _outline_lines(out, people, me_index)
    replace_evidence = bool(fresh)
    if replace_evidence:
        session.execute(delete(Evidence).where(Evidence.chat_id == stored.id))
    evidence_rows = []
    conversations = 0
    for author, lines in lines_of.items():
        reading = read(lines, settings)
        conversations += reading.conversations
        owner = people[author]
        summary.readings[owner.name] = reading
        evidence_rows += [
            {
                "chat_id": stored.id,
                "person_id": owner.id,
                "day": s.on,
                "giver": s.by,
                "kind": s.kind,
                "dimensions": list(s.dimensions),
                "style": s.style,
            }
            for s in reading.signals
        ]
    if evidence_rows and replace_evidence:
        session.execute(insert(_EVIDENCE), evidence_rows)
    summary.conversations = conversations
    session.flush()
    return summary


def _when(minute: int) -> datetime:
    day, rest = divmod(minute, _MINUTES_PER_DAY)
    return datetime.fromordinal(day).replace(hour=rest // 60, minute=rest % 60)


def _outline_lines(
    out: _Outline, people: dict[int, Person], me_index: int
) -> dict[int, list[Line]]:
    """For each other person, the messages between them and the user, in time order."""
    # Sorted by time (stable), because a few exports are not strictly in order.
    order = sorted(range(len(out.minutes)), key=out.minutes.__getitem__)
    lines: dict[int, list[Line]] = {author: [] for author in people}
    for i in order:
        author = out.authors[i]
        line = (out.minutes[i], author == me_index, out.lengths[i], out.flags[i])
        if author == me_index:
            for bucket in lines.values():
                bucket.append(line)
        else:
            lines[author].append(line)
    return lines


def _stored_lines(
    session: Session, chat_id: int, people: dict[int, Person], me_index: int
) -> dict[int, list[Line]]:
    by_person = {p.id: author for author, p in people.items()}
    lines: dict[int, list[Line]] = {author: [] for author in people}
    query = (
        select(ChatMessage.sent, ChatMessage.person_id, ChatMessage.length, ChatMessage.flags)
        .where(ChatMessage.chat_id == chat_id)
        .order_by(ChatMessage.sent, ChatMessage.id)
    )
    for sent, person_id, length, flags in session.execute(query):
        minute = minute_of(sent)
        if person_id is None:
            for bucket in lines.values():
                bucket.append((minute, True, length, flags))
        elif person_id in by_person:
            lines[by_person[person_id]].append((minute, False, length, flags))
    return lines
