"""Export everything to one JSON file, and restore it: a full round trip.

The file is the user's own copy of their data, readable by any tool. Ids are
local handles and are not exported; people are referred to by name. Restoring
builds every entity through the same constructors and checks as the command
line, inside one transaction, so a bad file changes nothing and the error says
where in the file the problem is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reciprocity.coach import chats as chat_words
from reciprocity.coach import data as data_words
from reciprocity.coach import people as people_words
from reciprocity.errors import ImportFormatError, TransferError
from reciprocity.evidence.exportfile import long_number_line
from reciprocity.model import ME, Audit, AuditEntry, DimensionRating, Moment, Person, Season
from reciprocity.model.audit import all_audits
from reciprocity.model.person import all_people
from reciprocity.store import chat_export, practices, revision
from reciprocity.store.reader import DocumentReader
from reciprocity.vocabulary import (
    CareStyle,
    Dimension,
    Direction,
    Giver,
    RelationshipKind,
    SeasonKind,
)

FORMAT = "reciprocity"
VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


def export_document(session: Session) -> dict[str, Any]:
    people = all_people(session)
    seasons = list(session.scalars(select(Season).order_by(Season.start, Season.id)))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now().replace(microsecond=0).isoformat(),
        "people": [
            {**person.as_dict(), "moments": [m.as_dict() for m in _moments(person)]}
            for person in people
        ],
        "seasons": [season.as_dict() for season in seasons],
        "audits": [audit.as_dict() for audit in all_audits(session)],
        **practices.export_part(session, seasons),
        **chat_export.export_part(session),
    }


def _moments(person: Person) -> list[Moment]:
    return sorted(person.moments, key=lambda m: (m.on, m.id))


def counts(document: Mapping[str, Any]) -> dict[str, int]:
    return {
        "people": len(document["people"]),
        "moments": sum(len(p.get("moments", [])) for p in document["people"]),
        "seasons": len(document["seasons"]),
        "audits": len(document["audits"]),
        **practices.counts(document),
        **chat_export.counts(document),
    }


def dump(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_document(path: Path) -> dict[str, Any]:
    """Read and parse a reciprocity export, saying where it is broken if it is."""
    try:
        if path.exists() and not path.is_file():
            raise ImportFormatError(chat_words.IMPORT_NOT_A_FILE, str(path))
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TransferError(data_words.FILE_MISSING.format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise TransferError(data_words.FILE_UNREADABLE.format(path=path, reason=reason)) from None
    return parse_document(text, str(path))


def document_of(content: bytes, source: str) -> dict[str, Any]:
    """Parse an export held in memory (one that was unlocked, say); ``source`` names it."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TransferError(
            data_words.FILE_UNREADABLE.format(path=source, reason=str(error))
        ) from None
    return parse_document(text, source)


def parse_document(text: str, source: str) -> dict[str, Any]:
    """The export document in ``text``; problems are said with ``source`` and the line."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            data_words.JSON_INVALID.format(reason=error.msg, column=error.colno),
            source,
            error.lineno,
        ) from None
    except RecursionError:
        raise ImportFormatError(data_words.TRANSFER_TOO_DEEP, source) from None
    except ValueError:  # a number of more digits than Python reads
        raise ImportFormatError(
            chat_words.JSON_NUMBER_TOO_LONG, source, long_number_line(text)
        ) from None
    if ("\\ud" in text or "\\uD" in text) and (where := _half_character(document)):
        raise ImportFormatError(data_words.TRANSFER_HALF_CHARACTER.format(where=where), source)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFormatError(data_words.TRANSFER_NOT_RECIPROCITY, source)
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ImportFormatError(
            data_words.TRANSFER_VERSION.format(found=version, supported=VERSION), source
        )
    return document


def _half_character(document: object) -> str | None:
    """Where the document holds a lone surrogate (half of a character), or None.

    JSON may escape half of an emoji on its own (``"\\ud83d"``); no text can
    hold that, so it is refused with its place. Walked without recursion.
    """
    pending: list[tuple[object, str]] = [(document, "")]
    while pending:
        value, where = pending.pop()
        if isinstance(value, str):
            if not value.isascii() and _SURROGATE.search(value):
                return where or "the file"
        elif isinstance(value, dict):
            for key, item in value.items():
                place = f"{where}.{key}" if where else str(key)
                if not key.isascii() and _SURROGATE.search(key):
                    return place
                pending.append((item, place))
        elif isinstance(value, list):
            pending.extend((item, f"{where}[{i}]") for i, item in enumerate(value))
    return None


def people_count(session: Session) -> int:
    return int(session.scalar(select(func.count(Person.id))) or 0)


def clear(session: Session) -> None:
    """Remove everything (used by a replacing restore and the demo)."""
    revision.touch_everyone(session)
    chat_export.clear_part(session)
    practices.clear_part(session)
    for model in (Audit, Season, Person):
        for row in session.scalars(select(model)):
            session.delete(row)
    session.flush()


def restore(session: Session, document: Mapping[str, Any], source: str) -> dict[str, int]:
    """Add everything in ``document`` to the session. Raises ImportFormatError naming the field.

    What the checks before the database do not catch (the same thing twice
    where the store holds it once) is still one ImportFormatError, never a
    crash; the caller's transaction then changes nothing.
    """
    revision.touch_everyone(session)
    try:
        return _restore(session, document, source)
    except IntegrityError as error:
        detail = str(error.orig).splitlines()[0] if error.orig is not None else type(error).__name__
        raise ImportFormatError(
            data_words.TRANSFER_CONFLICT.format(detail=detail), source
        ) from None
    except OverflowError:
        raise ImportFormatError(data_words.TRANSFER_NUMBER_TOO_LARGE, source) from None


def _restore(session: Session, document: Mapping[str, Any], source: str) -> dict[str, int]:
    reader = DocumentReader(source)
    people: dict[str, Person] = {}
    seasons: list[Season] = []
    for i, item in enumerate(reader.items(document, "people")):
        where = f"people[{i}]"
        with reader.at(where):
            person = Person(
                name=reader.text(item, "name", where, required=True),
                kind=reader.choice(item, "kind", RelationshipKind, where, RelationshipKind.FRIEND),
                my_care=reader.choices(item, "my_care", CareStyle, where),
                their_care=reader.choices(item, "their_care", CareStyle, where),
                note=reader.text(item, "note", where),
            )
            person.born = reader.partial_day(item, "birthday", where)
        if person.name.casefold() in {n.casefold() for n in people}:
            raise reader.problem(where, people_words.NAME_TAKEN.format(name=person.name))
        people[person.name] = person
        session.add(person)
        for j, raw in enumerate(reader.items(item, "moments", where)):
            spot = f"{where}.moments[{j}]"
            with reader.at(spot):
                moment = Moment(
                    on=reader.day(raw, "on", spot, required=True),
                    by=reader.choice(raw, "by", Giver, spot),
                    dimensions=reader.choices(raw, "dimensions", Dimension, spot),
                    style=reader.choice(raw, "style", CareStyle, spot, None),
                    energy=reader.integer(raw, "energy", spot),
                    text=reader.text(raw, "text", spot),
                )
            person.moments.append(moment)
    for i, raw in enumerate(reader.items(document, "seasons")):
        spot = f"seasons[{i}]"
        whose = reader.text(raw, "whose", spot, required=True)
        owner = None if whose == ME else reader.person(people, whose, spot)
        with reader.at(spot):
            season = Season(
                person=owner,
                kind=reader.choice(raw, "kind", SeasonKind, spot),
                start=reader.day(raw, "start", spot, required=True),
                end=reader.day(raw, "end", spot),
                note=reader.text(raw, "note", spot),
            )
        session.add(season)
        seasons.append(season)
    for i, raw in enumerate(reader.items(document, "audits")):
        spot = f"audits[{i}]"
        with reader.at(spot):
            audit = Audit(
                on=reader.day(raw, "date", spot, required=True), note=reader.text(raw, "note", spot)
            )
        for j, entry_raw in enumerate(reader.items(raw, "entries", spot)):
            place = f"{spot}.entries[{j}]"
            with reader.at(place):
                audit.entries.append(_entry(reader, people, entry_raw, place))
        with reader.at(spot):
            audit.check_complete()
        session.add(audit)
    practices.restore_part(session, document, reader, people, seasons)
    chat_export.restore_part(session, document, reader, people)
    session.flush()
    return counts(document)


def _entry(reader: DocumentReader, people: dict[str, Person], raw: Any, where: str) -> AuditEntry:
    entry = AuditEntry(
        person=reader.person(people, reader.text(raw, "person", where, required=True), where),
        rating=reader.integer(raw, "rating", where, required=True),
        direction=reader.choice(raw, "direction", Direction, where),
        vision=reader.text(raw, "vision", where) or None,
        note=reader.text(raw, "note", where),
    )
    dimensions = raw.get("dimensions", {})
    if not isinstance(dimensions, dict):
        raise reader.problem(
            where, data_words.TRANSFER_TYPE.format(key="dimensions", expected="an object")
        )
    for name, rating_raw in dimensions.items():
        spot = f"{where}.dimensions.{name}"
        dimension = reader.convert(Dimension, name, spot, "dimension")
        if not isinstance(rating_raw, dict):
            raise reader.problem(
                spot, data_words.TRANSFER_TYPE.format(key=name, expected="an object")
            )
        answers = rating_raw.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
            raise reader.problem(
                spot, data_words.TRANSFER_TYPE.format(key="answers", expected="a list of objects")
            )
        entry.ratings.append(
            DimensionRating(
                dimension=dimension,
                rating=reader.integer(rating_raw, "rating", spot, required=True),
                direction=reader.choice(rating_raw, "direction", Direction, spot),
                vision=reader.text(rating_raw, "vision", spot) or None,
                answers=answers,
            )
        )
    return entry
