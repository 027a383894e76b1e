"""Step 3 of an import: a parsed chat into the store, each message counted once.

Messages are reduced to their outline as they stream past
(``evidence.outline``: minute, side, length, kind, the signal words found, a
fingerprint); the text is kept only with ``keep_text``. A message already
stored for the same chat — same minute, author and text — is not stored
again, so re-importing a file or an overlapping export never double counts.
When anything is new, the chat's evidence is derived again from all of its
stored messages and replaces what was stored; otherwise what is stored stands.

A group chat's people join the list only when the person chooses them: those
already in the list are linked, the others are offered (``ChoosePeopleError``)
until ``add`` says which to add. Everyone's messages are stored with the chat,
so the same chat imported again is recognised and counted once, and a person
added later is read from all of it; a member linked to no one is read for no
one (``evidence.conversations``: each person's exchange is only their messages
and the user's, in the conversations where both wrote).

The file itself is remembered with the chat by a digest of its bytes
(``store.sources``): ``recognised`` knows the same file again before it is
read, and says there is nothing new, as long as the chat still holds what
the file brought and the choices would link the same people. A longer export
of the same chat passes over each day whose packed outline has the digest of
the day stored (``ChatDay.digest``): only new and changed days are compared
message by message and written. With ``keep_text``, texts are set aside as
they are read (``store.texts``) and written day by day.

The rules (outlining, conversations, readings) live in ``evidence``; this
module does the storing: the chat, its members and their people, its days
(one row a day, packed by ``store.outlines``) and its evidence rows, all in
the caller's transaction.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import not_
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from reciprocity import collector
from reciprocity.coach import chats as chat_words
from reciprocity.coach.terms import day_words
from reciprocity.errors import ChoosePeopleError, InputError, StoreError, TransferError, hinted
from reciprocity.evidence.conversations import exchanges_by_person
from reciprocity.evidence.derive import EvidenceSettings, Reading, read
from reciprocity.evidence.exportfile import valid_unicode
from reciprocity.evidence.message import MAX_MESSAGES, moment_of
from reciprocity.evidence.message import Chat as ParsedChat
from reciprocity.evidence.outline import CALL, Outline, Outliner
from reciprocity.model import Chat, ChatDay, ChatMember, Evidence, Person
from reciprocity.model.chat import chat_keys
from reciprocity.model.person import add_person, all_people
from reciprocity.store import revision, sources
from reciprocity.store.outlines import OutlineError, day_digest, pack, unpack
from reciprocity.store.sources import FileFacts, Source
from reciprocity.store.texts import TextSpill

BATCH = 50_000
WRITE_BYTES = 8_000_000
"""New days are written a few megabytes at a time, so kept texts are never all held at once."""
_DAYS = cast(Table, ChatDay.__table__)
_EVIDENCE = cast(Table, Evidence.__table__)
_SELF_NAMES = {"me", "myself", "you"}
"""Author names some exports (and hand-made CSVs) give the owner of the export."""


@dataclass
class ImportSummary:
    """What an import found; ``as_dict`` is the ``import --json`` shape of DESIGN.md."""

    format: str
    messages: int = 0
    new: int = 0
    calls: int = 0
    new_calls: int = 0
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
    not_added: list[str] = field(default_factory=list)
    """A group's people who were not chosen: kept with the chat, read for no one."""
    readings: dict[str, Reading] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unchanged: datetime | None = None
    """When the same file was imported before, if this import knew it again: then nothing
    was read or changed, and ``readings`` is empty (what it brought is already stored)."""
    evidence: dict[str, dict[str, Any]] | None = None
    """For an unchanged import, the ``evidence`` of ``as_dict`` as the file's last reading said it."""

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
            "not_added": self.not_added,
            "evidence": self.evidence
            if self.evidence is not None
            else {name: evidence_of(r) for name, r in self.readings.items()},
            "notes": self.notes,
            "calls": self.calls,
            "new_calls": self.new_calls,
            "unchanged": self.unchanged is not None,
            "imported_before": FileFacts.moment(self.unchanged),
        }


def evidence_of(reading: Reading) -> dict[str, Any]:
    """What ``import --json`` says of one person's reading."""
    return {
        "conversations": reading.conversations,
        "started": reading.started,
        "unanswered": reading.unanswered,
        "response_minutes": reading.response_minutes,
        "signals": len(reading.signals),
        "calls": reading.calls,
    }


def _choose_me(
    names: list[str], owner: str | None, me: str | None, person: str | None, session: Session
) -> str:
    """Which name is the user's; it need not write in the chat (a one-sided export).

    ``me`` names the user; where the format itself knows the owner's side
    (an SMS backup's unnamed "Me", Telegram's account owner) that side is the
    user whatever ``me`` says. In a chat where only one name writes, a ``me``
    that is not that name is the user, who wrote nothing in this export.
    """
    by_fold = {n.casefold(): n for n in names}
    listing = ", ".join(sorted(names)) or "(no one)"
    owner = valid_unicode(owner) if owner else None
    if me:
        if me.casefold() in by_fold:
            return by_fold[me.casefold()]
        if owner:
            return by_fold.get(owner.casefold(), owner)
        if len(names) == 1:
            return " ".join(me.split())
        raise InputError(chat_words.IMPORT_ME_UNKNOWN.format(me=me, names=listing))
    if owner:
        return by_fold.get(owner.casefold(), owner)
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
    if len(names) == 1:
        # Only one name writes: if it is someone in the list, the user is who
        # they were last seen talking to; else the one name the user has had
        # in every chat so far, if there is one.
        them = known.get(names[0].casefold())
        selves_seen = {p.chat_me.casefold(): p.chat_me for p in known.values() if p.chat_me}
        if them is not None and them.chat_me:
            candidate: str | None = them.chat_me
        else:
            candidate = next(iter(selves_seen.values())) if len(selves_seen) == 1 else None
        if candidate and candidate.casefold() != names[0].casefold():
            return candidate
        raise InputError(chat_words.IMPORT_ONE_NAME_WHO.format(name=names[0]))
    raise hinted(
        InputError(chat_words.IMPORT_NEEDS_ME.format(names=listing)), chat_words.IMPORT_NEEDS_ME_CLI
    )


def _with_both_sides(
    names: list[str], me_name: str, others: list[str], other: str | None, summary: ImportSummary
) -> list[str]:
    """The chat's names with the user's and the other side's, when only one side wrote.

    A chat in which only one side wrote is still evidence: the side that did
    not write becomes a member with no messages (so that the chat is the same
    chat when a fuller export comes), and a note says only one side appears.
    ``others`` gains the other side when only the user wrote.
    """
    if me_name not in names:
        summary.notes.append(chat_words.IMPORT_ONLY_THEIRS.format(names=", ".join(others)))
        return [*names, me_name]
    if others:
        return names
    wanted = " ".join((other or "").split())
    if not wanted or wanted.casefold() == me_name.casefold():
        raise InputError(chat_words.IMPORT_ONLY_MINE_WHO.format(name=me_name))
    others.append(wanted)
    summary.notes.append(chat_words.IMPORT_ONLY_MINE.format(name=wanted))
    return [*names, wanted]


def store_chat(
    session: Session,
    chat: ParsedChat,
    *,
    me: str | None = None,
    person: str | None = None,
    add: Sequence[str] | None = None,
    keep_text: bool = False,
    settings: EvidenceSettings = EvidenceSettings(),
    tick: Callable[[int], None] = lambda _count: None,
    source: Source | None = None,
) -> ImportSummary:
    """Store ``chat`` and its evidence in ``session``; raise before writing if it cannot be.

    ``person`` is who the other side of a two-person chat is in the list (by
    default, as the chat names them). ``add`` names the people of a group chat
    to add to the list (None: not said, so a group with people not in the list
    raises ChoosePeopleError); in a two-person chat, one name in it is ``person``.
    ``source``, the file the chat was read from, is remembered with the chat.
    """
    with collector.paused(), revision.touching(session), ExitStack() as stack:
        # The chat's people's data, no one else's; texts set aside as they are read.
        spill = stack.enter_context(TextSpill()) if keep_text else None
        out, facts = _read(chat, spill, tick)
        return _store_read(
            session, chat, out, facts, _Choices(me, person, add, keep_text), settings, spill, source
        )


def recognised(
    session: Session,
    source: Source,
    *,
    me: str | None = None,
    person: str | None = None,
    add: Sequence[str] | None = None,
    keep_text: bool = False,
    date_order: str | None = None,
) -> ImportSummary | None:
    """The summary of an import of ``source`` that would change nothing, said without reading it.

    That is when the same file (by its digest) was read into a chat before,
    the chat still holds every message it brought, and these choices would
    link the same people as they are linked now; else None, and the file is
    read. A choice that cannot be followed raises as the reading would.
    """
    choices = _Choices(me, person, add, keep_text)
    for row in sources.remembered(session, source):
        facts = FileFacts.from_json(row.facts)
        if facts is None or (date_order and date_order != facts.date_order):
            continue
        summary = _summary_of(facts)
        decided = _decide(session, facts, choices, summary, dry=True)
        stored = row.chat
        if decided is None or stored.key not in chat_keys(facts.format, decided.names):
            continue
        members = {m.name: m.person_id for m in stored.members}
        if (
            (keep_text and not stored.keeps_text)
            or any(name not in members for name in decided.names)
            or any(members[name] != p.id for name, p in decided.people.items())
            or not sources.holds(session, stored.id, facts.days)
        ):
            continue
        if facts.calls:
            summary.notes.append(chat_words.IMPORT_CALLS.format(calls=facts.calls, new=0))
        summary.unchanged = row.imported_at
        names = {str(p.id): p.name for p in decided.people.values()}
        summary.evidence = {
            names[pid]: said for pid, said in facts.evidence.items() if pid in names
        }
        summary.conversations = sum(said["conversations"] for said in summary.evidence.values())
        return summary
    return None


@dataclass(frozen=True)
class _Choices:
    me: str | None
    person: str | None
    add: Sequence[str] | None
    keep_text: bool


@dataclass
class _Decided:
    """Who is who in a chat: the user's name, every name (both sides), and the people linked."""

    me_name: str
    names: list[str]
    people: dict[str, Person]


def _read(
    chat: ParsedChat, spill: TextSpill | None, tick: Callable[[int], None]
) -> tuple[Outline, FileFacts]:
    """The chat's messages in outline, and the facts of the file (what its summary says)."""
    outliner = Outliner(texts_to=None if spill is None else spill.add)
    out = Outline()
    for batch in chat.batches(BATCH):
        out.extend(outliner.outline(batch))
        tick(len(out))
        if len(out) > MAX_MESSAGES:
            raise TransferError(chat_words.IMPORT_TOO_MANY_READ.format(limit=MAX_MESSAGES))
    names, callers, outliner_skipped = outliner.names, outliner.callers, outliner.skipped
    calls = sum(callers.values())
    span = outliner.messages if outliner.messages.first is not None else outliner.calls
    del outliner  # the fingerprints seen while reading
    facts = FileFacts(
        format=chat.format,
        names=names,
        owner=chat.me,
        title=chat.title,
        messages=len(out) - calls,
        calls=calls,
        first=None if span.first is None else FileFacts.moment(moment_of(*span.first)),
        last=None if span.last is None else FileFacts.moment(moment_of(*span.last)),
        participants={
            name: count - callers[name]
            for name, count in chat.participants.items()
            if count > callers[name]
        },
        date_order=chat.date_order,
        date_order_inferred=chat.date_order_inferred,
        skipped=[
            {"line": s.line, "reason": s.reason}
            for s in sorted([*chat.skipped, *outliner_skipped], key=lambda s: s.line)
        ],
        notes=list(chat.notes),
    )
    return out, facts


def _summary_of(facts: FileFacts) -> ImportSummary:
    return ImportSummary(
        format=facts.format,
        messages=facts.messages,
        calls=facts.calls,
        first=FileFacts.when(facts.first),
        last=FileFacts.when(facts.last),
        participants=dict(facts.participants),
        date_order=facts.date_order,
        date_order_inferred=facts.date_order_inferred,
        skipped=list(facts.skipped),
        notes=list(facts.notes),
    )


def _store_read(
    session: Session,
    chat: ParsedChat,
    out: Outline,
    facts: FileFacts,
    choices: _Choices,
    settings: EvidenceSettings,
    spill: TextSpill | None,
    source: Source | None,
) -> ImportSummary:
    summary = _summary_of(facts)
    if not out:
        raise InputError(chat_words.IMPORT_EMPTY)
    if len(chat.threads) > 1:
        raise hinted(
            InputError(
                chat_words.IMPORT_CHOOSE_THREAD.format(
                    count=len(chat.threads), names=", ".join(sorted(chat.threads, key=str.casefold))
                )
            ),
            chat_words.IMPORT_CHOOSE_THREAD_CLI,
        )
    decided = _decide(session, facts, choices, summary, dry=False)
    assert decided is not None  # only a dry run finds someone to add and stops
    me_name, names, people = decided.me_name, decided.names, decided.people
    revision.touch(session, (p.id for p in people.values()))

    key, whole = chat_keys(facts.format, names)
    stored = session.scalar(select(Chat).where(Chat.key.in_({key, whole})))
    if stored is None:
        title = valid_unicode(facts.title or "")
        stored = Chat(key=key, format=facts.format, title=title, me_name=me_name)
        session.add(stored)
        session.flush()
    stored.keeps_text = stored.keeps_text or choices.keep_text
    out.authors, relinked = _as_members(session, stored, names, people, out.authors)
    out = out.in_time_order()
    facts.days = sources.day_counts(out)
    days = stored_days(session, stored.id)
    fresh = _unseen(out, days)
    summary.new_calls = fresh.kinds.count(CALL)
    summary.new = len(fresh) - summary.new_calls
    if facts.calls:
        summary.notes.append(
            chat_words.IMPORT_CALLS.format(calls=facts.calls, new=summary.new_calls)
        )
    # Evidence is derived again from every stored message of the chat when
    # anything is new; otherwise what is stored stands, and the summary
    # describes this file. Someone newly added from a group is new too: the
    # chat's evidence is derived again for them. Outlines no longer needed are
    # let go on the way: memory is a few copies of the outline at most.
    if not fresh and not relinked:
        summary.readings = derive_evidence(session, stored, me_name, out, settings, keep=False)
    elif not days:  # a chat new to the store: its days are this file's
        del out
        write_days(session, stored, days, fresh, keep=False, spill=spill)
        summary.readings = derive_evidence(session, stored, me_name, fresh, settings)
    else:
        del out
        if fresh:
            write_days(session, stored, days, fresh, spill=spill)
        del fresh
        everything = Outline()
        for number in sorted(days):
            everything.extend(days.pop(number).outline)
        summary.readings = derive_evidence(session, stored, me_name, everything, settings)
    summary.conversations = sum(r.conversations for r in summary.readings.values())
    if source is not None:
        ids = {p.name: str(p.id) for p in all_people(session)}
        facts.evidence = {ids[n]: evidence_of(r) for n, r in summary.readings.items() if n in ids}
        sources.remember(session, stored, source, facts, kept_text=choices.keep_text)
    session.flush()
    return summary


def _decide(
    session: Session, facts: FileFacts, choices: _Choices, summary: ImportSummary, *, dry: bool
) -> _Decided | None:
    """Who is who in the chat, from its names and the choices; people are added as chosen.

    A ``dry`` run changes nothing: it stops (None) where someone would be added
    to the list or remembered with another name for the user.
    """
    me, person, add = choices.me, choices.person, choices.add
    summary.me = me_name = _choose_me(facts.names, facts.owner, me, person, session)
    if person and " ".join(person.split()).casefold() == me_name.casefold():
        raise hinted(
            InputError(chat_words.IMPORT_PERSON_IS_ME.format(name=me_name)),
            chat_words.IMPORT_PERSON_IS_ME_CLI,
        )
    others = [n for n in facts.names if n != me_name]
    group = len(others) > 1
    if not group and add is not None and len(add) > 1:
        raise InputError(chat_words.IMPORT_PAIR_ONE_PERSON.format(count=len(add)))
    if not group and person is None and add:
        person = add[0]
    names = _with_both_sides(
        list(facts.names), me_name, others, None if group else (person or facts.title), summary
    )

    people: dict[str, Person] = {}
    known = {p.name.casefold(): p for p in all_people(session)}
    if group:
        chosen = _chosen(others, me_name, list(add) if add is not None else None, person, known)
        summary.not_added = [n for n in others if n not in chosen]
    else:
        chosen = others
    for name in chosen:
        wanted = person if person and not group else name
        found = known.get(" ".join(wanted.split()).casefold())
        if dry and (found is None or found.chat_me != me_name):
            return None
        if found is None:
            found = add_person(session, wanted)
            known[found.name.casefold()] = found
            summary.added.append(found.name)
        if not dry:
            found.chat_me = me_name
        people[name] = found
        summary.people[name] = found.name
    return _Decided(me_name, names, people)


def derive_evidence(
    session: Session,
    stored: Chat,
    me_name: str,
    everything: Outline,
    settings: EvidenceSettings,
    *,
    keep: bool = True,
) -> dict[str, Reading]:
    """Each person's reading of ``everything`` (time-ordered); with ``keep``, it replaces the chat's evidence."""
    me_position = next(m.position for m in stored.members if m.name == me_name)
    positions = {m.position: m.person_id for m in stored.members if m.person_id is not None}
    owners = {pid: session.get_one(Person, pid) for pid in set(positions.values())}
    readings: dict[str, Reading] = {}
    rows = []
    for person_id, exchange in exchanges_by_person(
        everything, me_position, positions, settings
    ).items():
        reading = read(exchange, settings)
        owner = owners[person_id]
        readings[owner.name] = reading
        rows += [
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
    if keep:
        before = select(Evidence.person_id).where(Evidence.chat_id == stored.id).distinct()
        revision.touch(session, [*session.scalars(before), *owners])
        session.execute(delete(Evidence).where(Evidence.chat_id == stored.id))
        if rows:
            session.execute(insert(_EVIDENCE), rows)
    return readings


def _as_members(
    session: Session,
    stored: Chat,
    names: list[str],
    people: dict[str, Person],
    authors: array[int],
) -> tuple[array[int], bool]:
    """``authors`` (positions in ``names``) as positions among the chat's stored members.

    Names new to the chat become members; each member points at its person
    (a member once linked stays linked). Also says whether a member that was
    already stored now points at someone new.
    """
    members = {m.name: m for m in stored.members}
    stored_before = set(members)
    for name in names:
        if name not in members:
            members[name] = ChatMember(position=len(members), name=name)
            stored.members.append(members[name])
    relinked = False
    for name, member in members.items():
        if name in people:
            relinked |= name in stored_before and member.person_id != people[name].id
            member.person_id = people[name].id
    session.flush()
    remap = [members[name].position for name in names]
    if remap == list(range(len(names))):
        return authors, relinked
    return array("h", map(remap.__getitem__, authors)), relinked


def _chosen(
    others: list[str],
    me_name: str,
    add: list[str] | None,
    person: str | None,
    known: dict[str, Person],
) -> list[str]:
    """Which of a group's people are read as people: those in the list, and those chosen.

    Adding someone to the list is the person's choice, never done silently:
    when the group holds people who are not in the list and nothing was said,
    ChoosePeopleError offers them. ``add`` names the ones to add (empty: no
    one); a lone ``person`` names one.
    """

    def fold(name: str) -> str:
        return " ".join(name.split()).casefold()

    in_list = [n for n in others if fold(n) in known]
    strangers = [n for n in others if fold(n) not in known]
    wanted = add if add is not None else ([person] if person else None)
    if wanted is None:
        if strangers:
            raise hinted(
                ChoosePeopleError(
                    chat_words.IMPORT_GROUP_CHOOSE.format(names=chat_words.name_list(strangers)),
                    strangers,
                    in_list,
                ),
                chat_words.IMPORT_GROUP_CHOOSE_CLI,
            )
        return in_list
    by_fold = {fold(n): n for n in others}
    chosen = list(in_list)
    for name in wanted:
        if fold(name) == fold(me_name):
            raise InputError(chat_words.IMPORT_ADD_IS_ME.format(name=me_name))
        found = by_fold.get(fold(name))
        if found is None:
            raise InputError(
                chat_words.IMPORT_ADD_UNKNOWN.format(name=name, names=chat_words.name_list(others))
            )
        chosen.append(found)
    picked = set(chosen)
    return [n for n in others if n in picked]  # in the chat's order, each once


class StoredDay(NamedTuple):
    """A stored day of a chat: its row, its outline, the outline's digest, and whether it keeps texts.

    The texts are in ``outline.texts`` only when ``stored_days`` was asked for them.
    """

    row_id: int
    outline: Outline
    digest: str | None
    has_texts: bool


def stored_days(session: Session, chat_id: int, *, texts: bool = False) -> dict[int, StoredDay]:
    """Each stored day of the chat, by day number; with ``texts``, their texts too."""
    kept = ChatDay.texts if texts else ChatDay.texts.is_not(None)
    query = select(ChatDay.id, ChatDay.day, ChatDay.outline, ChatDay.digest, kept).where(
        ChatDay.chat_id == chat_id
    )
    days = {}
    for row_id, day, packed, digest, stored_texts in session.execute(query):
        try:
            found = json.loads(stored_texts) if isinstance(stored_texts, str) else None
            outline = unpack(packed, found)
        except (OutlineError, ValueError) as error:
            raise _damaged(day, error) from None
        days[day.toordinal()] = StoredDay(row_id, outline, digest, bool(stored_texts))
    return days


def _damaged(day: date, error: Exception) -> StoreError:
    return hinted(
        StoreError(chat_words.STORED_CHAT_DAMAGED.format(day=day_words(day), reason=error)),
        chat_words.STORED_CHAT_DAMAGED_CLI,
    )


def _unseen(out: Outline, days: dict[int, StoredDay]) -> Outline:
    """The messages of ``out`` (in time order) not stored yet, compared day by day.

    A day whose packed outline has the stored day's digest is stored whole
    already, and is passed over; any other is compared message by message. A
    fingerprint holds its minute, so a message can only be stored on its own
    day: one day's fingerprints are held at a time, never the chat's.
    """
    if not days:
        return out
    mask = bytearray(len(out))
    at = 0
    for number, part in out.days():
        stored = days.get(number)
        if stored is None:
            mask[at : at + len(part)] = b"\x01" * len(part)
        elif stored.digest is None or stored.digest != day_digest(pack(part)):
            known = set(stored.outline.fingerprints)
            mask[at : at + len(part)] = bytes(map(not_, map(known.__contains__, part.fingerprints)))
        at += len(part)
    return out if all(mask) else out.where(bytes(mask))


def write_days(
    session: Session,
    stored: Chat,
    days: dict[int, StoredDay],
    fresh: Outline,
    *,
    keep: bool = True,
    spill: TextSpill | None = None,
) -> None:
    """Add ``fresh`` (in time order) to the chat's days: new days inserted, others merged.

    Texts are ``fresh.texts``, or fetched from ``spill`` a day at a time.
    With ``keep``, ``days`` is brought up to date too (outlines only), so it
    holds every message of the chat; without, new days are written and not kept.
    """
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    waiting = 0  # bytes of new days not written yet
    for number, part in fresh.days():
        texts = part.texts if spill is None or part.rows is None else spill.texts(part.rows)
        if number in days:
            row_id, outline, _digest, has_texts = days[number]
            if has_texts or texts is not None:
                outline = _with_texts(session, row_id, outline, has_texts)
                part = part.with_texts(texts if texts is not None else [None] * len(part))
            outline = outline.with_texts(outline.texts)
            outline.extend(part)
            outline = outline.in_time_order()
            values = _day_values(outline, outline.texts)
            days[number] = StoredDay(row_id, _bare(outline), values["digest"], values["texts"] is not None)
            changed.append({"row_id": row_id, **values})
        else:
            values = _day_values(part, texts)
            if keep:
                days[number] = StoredDay(0, _bare(part), values["digest"], texts is not None)
            added.append({"chat_id": stored.id, "day": date.fromordinal(number), **values})
            waiting += len(values["outline"]) + len(values["texts"] or "")
            if waiting > WRITE_BYTES:
                session.execute(insert(_DAYS), added)
                added, waiting = [], 0
    if added:
        session.execute(insert(_DAYS), added)
    if changed:
        # One statement for every changed day, each row found by its own id.
        statement = update(_DAYS).where(_DAYS.c.id == bindparam("row_id"))
        session.connection().execute(statement, changed)


def _with_texts(session: Session, row_id: int, outline: Outline, has_texts: bool) -> Outline:
    """The stored day's outline with its texts (None for each, when the day keeps none)."""
    if outline.texts is not None:
        return outline
    texts: list[str | None] = [None] * len(outline)
    if has_texts:
        row = session.execute(select(ChatDay.day, ChatDay.texts).where(ChatDay.id == row_id)).one()
        try:
            texts = json.loads(row.texts)
            if not isinstance(texts, list) or len(texts) != len(outline):
                raise OutlineError("a stored chat day does not add up")
        except (OutlineError, ValueError) as error:
            raise _damaged(row.day, error) from None
    return outline.with_texts(texts)


def _bare(outline: Outline) -> Outline:
    """The outline without its texts: what is kept of a day once it is written."""
    return outline if outline.texts is None and outline.rows is None else outline.with_texts(None)


def _day_values(outline: Outline, texts: list[str | None] | None) -> dict[str, Any]:
    packed = pack(outline)
    return {
        "messages": len(outline),
        "outline": packed,
        "digest": day_digest(packed),
        "texts": None if texts is None else json.dumps(texts, ensure_ascii=False),
    }
