"""The practices' part of an export and a restore: rituals, check-ins, boundaries and the rest.

Called by ``reciprocity.store.transfer``; kept here so that module stays about
the whole file. People are referred to by name (``"me"`` for the user), a
role rotation's season by its place in the export's ``seasons`` list. Every
entity is rebuilt through its own constructor and checks, so a bad file says
where it is wrong and changes nothing. Files without these keys restore as
before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import data as data_words
from reciprocity.model import (
    ME,
    Adjustment,
    Base,
    Boundary,
    CheckIn,
    Occasion,
    Occurrence,
    Person,
    Rhythm,
    Ritual,
    RitualMember,
    RoleRotation,
    Season,
    Win,
)
from reciprocity.model.boundary import all_boundaries
from reciprocity.model.checkin import QUESTIONS, SIDES, all_checkins
from reciprocity.model.occasion import all_occasions
from reciprocity.model.rhythm import all_rhythms
from reciprocity.model.ritual import all_rituals
from reciprocity.model.role import all_rotations
from reciprocity.practices.recurrence import parse_time
from reciprocity.store.reader import DocumentReader
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
    OccurrenceStatus,
)

KEYS = ("rituals", "checkins", "boundaries", "wins", "dates", "rhythms", "roles")
MODELS: tuple[type[Base], ...] = (
    RoleRotation,
    Rhythm,
    Occasion,
    Win,
    Boundary,
    CheckIn,
    Ritual,
)
"""Deleted before people on a replacing restore (the user's own rows have no person)."""


def clear_part(session: Session) -> None:
    """Remove every practice row, the user's own included (they belong to no person)."""
    for model in MODELS:
        for row in session.scalars(select(model)):
            session.delete(row)


def export_part(session: Session, seasons: Sequence[Season]) -> dict[str, Any]:
    place = {season.id: i for i, season in enumerate(seasons)}
    return {
        "rituals": [r.as_dict() for r in all_rituals(session)],
        "checkins": [c.as_dict() for c in all_checkins(session)],
        "boundaries": [b.as_dict() for b in all_boundaries(session)],
        "wins": [w.as_dict() for w in session.scalars(select(Win).order_by(Win.on, Win.id))],
        "dates": [o.as_dict() for o in all_occasions(session)],
        "rhythms": [r.as_dict() for r in all_rhythms(session)],
        "roles": [
            {**r.as_dict(), "season": place[r.season_id]}
            for r in all_rotations(session)
            if r.season_id in place
        ],
    }


def counts(document: Mapping[str, Any]) -> dict[str, int]:
    return {key: len(document.get(key) or []) for key in KEYS}


def restore_part(
    session: Session,
    document: Mapping[str, Any],
    reader: DocumentReader,
    people: dict[str, Person],
    seasons: Sequence[Season],
) -> None:
    def owner(raw: Any, key: str, where: str) -> Person | None:
        name = reader.text(raw, key, where, required=True)
        return None if name == ME else reader.person(people, name, where)

    def someone(raw: Any, key: str, where: str) -> Person:
        return reader.person(people, reader.text(raw, key, where, required=True), where)

    uids: dict[str, str] = {}
    for i, raw in enumerate(reader.items(document, "rituals")):
        spot = f"rituals[{i}]"
        with reader.at(spot):
            at = reader.text(raw, "at", spot)
            ritual = Ritual(
                person=someone(raw, "person", spot),
                title=reader.text(raw, "title", spot, required=True),
                rule=reader.text(raw, "rule", spot, required=True),
                start=reader.day(raw, "start", spot, required=True),
                end=reader.day(raw, "end", spot),
                at=parse_time(at) if at else None,
                zone=reader.text(raw, "zone", spot) or None,
                rotates=bool(raw.get("rotates", True)),
                next_position=reader.integer(raw, "next_position", spot) or 0,
                note=reader.text(raw, "note", spot),
            )
            uid = reader.text(raw, "uid", spot)
            if uid:
                if uid in uids:
                    raise reader.problem(
                        spot,
                        data_words.TRANSFER_SAME_AS.format(what=f"uid {uid!r}", other=uids[uid]),
                    )
                uids[uid] = spot
                ritual.uid = uid
            rotation = raw.get("rotation") or [ME]
            if not isinstance(rotation, list) or not all(isinstance(n, str) for n in rotation):
                raise reader.problem(
                    spot,
                    data_words.TRANSFER_TYPE.format(key="rotation", expected="a list of names"),
                )
            for position, name in enumerate(rotation):
                member = None if name == ME else reader.person(people, name, spot)
                ritual.members.append(RitualMember(person=member, position=position))
        dues: dict[object, str] = {}
        for j, item in enumerate(reader.items(raw, "occurrences", spot)):
            place = f"{spot}.occurrences[{j}]"
            with reader.at(place):
                due = reader.day(item, "due", place, required=True)
                if due in dues:
                    raise reader.problem(
                        place,
                        data_words.TRANSFER_SAME_AS.format(
                            what=f"the occurrence due {due.isoformat()}", other=dues[due]
                        ),
                    )
                dues[due] = place
                ritual.occurrences.append(
                    Occurrence(
                        due=reader.day(item, "due", place, required=True),
                        status=reader.choice(item, "status", OccurrenceStatus, place),
                        on=reader.day(item, "on", place),
                        host=reader.text(item, "host", place) or None,
                        note=reader.text(item, "note", place),
                    )
                )
        session.add(ritual)
    for i, raw in enumerate(reader.items(document, "checkins")):
        spot = f"checkins[{i}]"
        with reader.at(spot):
            checkin = CheckIn(
                person=someone(raw, "person", spot), on=reader.day(raw, "on", spot, required=True)
            )
            sides = raw.get("sides") or {}
            if not isinstance(sides, dict):
                raise reader.problem(
                    spot, data_words.TRANSFER_TYPE.format(key="sides", expected="an object")
                )
            for side in SIDES:
                answers = sides.get(side) or {}
                for question in QUESTIONS:
                    value = reader.text(answers, question, f"{spot}.sides.{side}")
                    setattr(checkin, f"{side}_{question}", value)
            checkin.next_on = reader.day(raw, "next_on", spot)
            checkin.note = reader.text(raw, "note", spot)
        for j, item in enumerate(reader.items(raw, "adjustments", spot)):
            place = f"{spot}.adjustments[{j}]"
            with reader.at(place):
                checkin.adjustments.append(
                    Adjustment(
                        text=reader.text(item, "text", place, required=True),
                        outcome=reader.choice(item, "outcome", AdjustmentOutcome, place, None),
                        outcome_note=reader.text(item, "outcome_note", place),
                    )
                )
        session.add(checkin)
    for i, raw in enumerate(reader.items(document, "boundaries")):
        spot = f"boundaries[{i}]"
        with reader.at(spot):
            session.add(
                Boundary(
                    person=owner(raw, "whose", spot),
                    area=reader.choice(raw, "area", BoundaryArea, spot),
                    request=reader.text(raw, "request", spot, required=True),
                    status=reader.choice(
                        raw, "status", BoundaryStatus, spot, BoundaryStatus.ACTIVE
                    ),
                    since=reader.day(raw, "since", spot, required=True),
                    review_on=reader.day(raw, "review_on", spot),
                    note=reader.text(raw, "note", spot),
                )
            )
    for i, raw in enumerate(reader.items(document, "wins")):
        spot = f"wins[{i}]"
        with reader.at(spot):
            session.add(
                Win(
                    person=owner(raw, "whose", spot),
                    on=reader.day(raw, "on", spot, required=True),
                    text=reader.text(raw, "text", spot, required=True),
                )
            )
    for i, raw in enumerate(reader.items(document, "dates")):
        spot = f"dates[{i}]"
        with reader.at(spot):
            session.add(
                Occasion(
                    person=owner(raw, "whose", spot),
                    title=reader.text(raw, "title", spot, required=True),
                    on=reader.day(raw, "on", spot, required=True),
                    yearly=bool(raw.get("yearly", True)),
                )
            )
    rhythms: dict[str, str] = {}
    for i, raw in enumerate(reader.items(document, "rhythms")):
        spot = f"rhythms[{i}]"
        with reader.at(spot):
            whose = someone(raw, "person", spot)
            if whose.name in rhythms:
                raise reader.problem(
                    spot,
                    data_words.TRANSFER_SAME_AS.format(
                        what=f"a rhythm for {whose.name}", other=rhythms[whose.name]
                    ),
                )
            rhythms[whose.name] = spot
            rhythm = Rhythm(person=whose)
            rhythm.ideal_days = reader.integer(raw, "ideal_days", spot, required=True)
            rhythm.longest_days = reader.integer(raw, "longest_days", spot, required=True)
            session.add(rhythm)
    for i, raw in enumerate(reader.items(document, "roles")):
        spot = f"roles[{i}]"
        with reader.at(spot):
            index = reader.integer(raw, "season", spot, required=True)
            if not 0 <= index < len(seasons):
                raise reader.problem(
                    spot, data_words.TRANSFER_TYPE.format(key="season", expected="a season's place")
                )
            roles = raw.get("roles")
            if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
                raise reader.problem(
                    spot, data_words.TRANSFER_TYPE.format(key="roles", expected="a list of text")
                )
            session.add(
                RoleRotation(
                    season=seasons[index],
                    person=someone(raw, "person", spot),
                    roles=roles,
                    start=reader.day(raw, "start", spot, required=True),
                    every_days=reader.integer(raw, "every_days", spot),
                    shift=reader.integer(raw, "shift", spot) or 0,
                )
            )
