"""Invitations: someone close answers a check-in (or the audit) too, privately.

The user makes an invitation for a person (``create``) and gets its link's code
once; the friend opens the link on the phone listener (``for_friend``) and
answers (``answer_as_friend``), or takes their answers back before the reveal
(``take_back``); the user answers the same questions in the app
(``answer_as_user``). **Neither sees the other's answers until both have
answered** (the rule lives in ``model.invitation``); every view made here
leaves out what its reader may not yet see.

Once both have answered a check-in, a check-in record keeps both sides: the
user's as "me", the friend's own words as "them" (``checkin_id`` ties the two,
so every face can say "as Sam sees it"). An audit invitation keeps both sets
of ratings on the invitation, beside the user's earlier audit of the person;
those earlier ratings reach the friend only if the user chose to include them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reciprocity.coach import invitations as words
from reciprocity.errors import NotFoundError
from reciprocity.model import AuditEntry, CheckIn, Person
from reciprocity.model.base import by_id
from reciprocity.model.invitation import (
    Answers,
    Invitation,
    find_by_code,
    invitations_of,
    invite,
)
from reciprocity.services import lookup
from reciprocity.services.lookup import PersonRef
from reciprocity.store import Database
from reciprocity.vocabulary import CHECKIN_QUESTIONS, Dimension, InvitationKind

GONE = "gone"
"""What the friend's link says once it no longer opens (past its day, or closed)."""


def now_utc() -> datetime:
    """The clock invitations keep: UTC, without a zone (as the columns store it)."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Earlier:
    """The user's earlier audit ratings of the person: ``{dimension: {rating, leaning}}``."""

    on: date
    ratings: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class View:
    """An invitation as the user may see it: the friend's answers only once both have answered."""

    id: int
    person_id: int
    person: str
    kind: InvitationKind
    state: str
    created: datetime
    expires: datetime
    from_name: str
    include_ratings: bool
    you: Answers | None
    them: Answers | None
    you_answered: datetime | None
    they_answered: datetime | None
    earlier: Earlier | None
    checkin_id: int | None
    checkin_on: date | None


@dataclass(frozen=True)
class FriendView:
    """An invitation as the friend sees it through the link: their own answers, and the
    user's (with the earlier ratings, if the user chose to share them) once both have answered."""

    person: str
    asker: str
    named: bool
    kind: InvitationKind
    state: str
    expires: datetime
    yours: Answers | None
    theirs: Answers | None
    earlier: Earlier | None


@dataclass(frozen=True)
class Made:
    """A new invitation (or a new link for one) and the code its link carries, shown once."""

    view: View
    code: str


# -- the user's side ----------------------------------------------------------


def create(
    db: Database,
    who: PersonRef,
    kind: InvitationKind,
    *,
    from_name: str = "",
    include_ratings: bool = False,
    now: datetime | None = None,
) -> Made:
    """Invite ``who`` to answer a check-in or the audit; the code is in the result only."""
    moment = now or now_utc()
    expire(db, now=moment)
    with db.transaction() as session:
        person = lookup.person(session, who)
        invitation, code = invite(person, kind, moment, from_name)
        invitation.include_ratings = include_ratings
        if kind == InvitationKind.AUDIT:
            entry = _latest_entry(session, person)
            invitation.audit_id = entry.audit_id if entry else None
        session.add(invitation)
        session.flush()
        return Made(_view(session, invitation, moment), code)


def new_link(db: Database, invitation_id: int, *, now: datetime | None = None) -> Made:
    """A new link for an open invitation; the old one stops working."""
    moment = now or now_utc()
    with db.transaction() as session:
        invitation = _find(session, invitation_id)
        code = invitation.renew(moment)
        return Made(_view(session, invitation, moment), code)


def get(db: Database, invitation_id: int, *, now: datetime | None = None) -> View:
    moment = now or now_utc()
    with db.transaction() as session:
        return _view(session, _find(session, invitation_id), moment)


def listed(
    db: Database, who: PersonRef | None = None, *, now: datetime | None = None
) -> list[View]:
    """Invitations, newest first: everyone's, or one person's."""
    moment = now or now_utc()
    with db.transaction() as session:
        person_id = None if who is None else lookup.person(session, who).id
        return [_view(session, i, moment) for i in invitations_of(session, person_id)]


def answer_as_user(
    db: Database,
    invitation_id: int,
    answers: Mapping[str, Any],
    *,
    include_ratings: bool | None = None,
    on: date | None = None,
    now: datetime | None = None,
) -> View:
    """The user's answers, once; when the friend has answered too, both are revealed."""
    moment = now or now_utc()
    with db.transaction() as session:
        invitation = _find(session, invitation_id)
        invitation.answer_as_user(dict(answers), moment)
        if include_ratings is not None:
            invitation.include_ratings = include_ratings
        _after_answer(session, invitation, on or moment.date())
        return _view(session, invitation, moment)


def withdraw(db: Database, invitation_id: int, *, now: datetime | None = None) -> View:
    """Close an invitation: its link stops opening; answers not seen by both are dropped."""
    moment = now or now_utc()
    with db.transaction() as session:
        invitation = _find(session, invitation_id)
        invitation.withdraw(moment)
        return _view(session, invitation, moment)


def remove(db: Database, invitation_id: int) -> View:
    """Remove an invitation and the answers it holds (a check-in it made stays)."""
    moment = now_utc()
    with db.transaction() as session:
        invitation = _find(session, invitation_id)
        gone = _view(session, invitation, moment)
        session.delete(invitation)
        return gone


def expire(db: Database, *, now: datetime | None = None) -> int:
    """Close every invitation past its day: links never open again, and answers not seen
    by both are dropped. Returns how many were closed just now."""
    moment = now or now_utc()
    closed = 0
    with db.transaction() as session:
        due = select(Invitation).where(
            Invitation.expires_at <= moment, Invitation.code_hash.is_not(None)
        )
        for invitation in session.scalars(due):
            invitation.close()
            closed += 1
    return closed


def two_sided_checkins(db: Database, who: PersonRef) -> dict[int, int]:
    """Someone's check-ins that both answered through an invitation: check-in id → invitation id."""
    with db.transaction() as session:
        person = lookup.person(session, who)
        found = session.execute(
            select(Invitation.checkin_id, Invitation.id).where(
                Invitation.person_id == person.id, Invitation.checkin_id.is_not(None)
            )
        )
        return {checkin: invitation for checkin, invitation in found if checkin is not None}


def audits_by_both(
    db: Database, who: PersonRef | None = None, *, now: datetime | None = None
) -> dict[int, View]:
    """Each person's latest audit invitation both have answered, by person id (for the
    person page and the report, which show "as Sam sees it" beside "as you see it")."""
    return {
        view.person_id: view
        for view in reversed(listed(db, who, now=now))
        if view.kind == InvitationKind.AUDIT and view.them is not None
    }


# -- the friend's side (the link on the phone listener) -----------------------


def for_friend(db: Database, code: str, *, now: datetime | None = None) -> FriendView:
    """What the link shows its reader. An unknown code is NotFoundError, saying nothing more."""
    moment = now or now_utc()
    with db.transaction() as session:
        return _friend_view(session, _by_code(session, code), moment)


def answer_as_friend(
    db: Database,
    code: str,
    answers: Mapping[str, Any],
    *,
    on: date | None = None,
    now: datetime | None = None,
) -> FriendView:
    """The friend's answers, once (until taken back); when the user has answered, both show."""
    moment = now or now_utc()
    with db.transaction() as session:
        invitation = _by_code(session, code)
        invitation.answer_as_friend(dict(answers), moment)
        _after_answer(session, invitation, on or moment.date())
        return _friend_view(session, invitation, moment)


def take_back(db: Database, code: str, *, now: datetime | None = None) -> FriendView:
    """The friend takes their answers back before the reveal; nothing of them is kept."""
    moment = now or now_utc()
    with db.transaction() as session:
        invitation = _by_code(session, code)
        invitation.take_back(moment)
        return _friend_view(session, invitation, moment)


# -- inside -------------------------------------------------------------------


def _find(session: Session, invitation_id: int) -> Invitation:
    found = by_id(session, Invitation, invitation_id)
    if found is None:
        raise NotFoundError(words.INVITATION_UNKNOWN.format(id=invitation_id))
    return found


def _by_code(session: Session, code: str) -> Invitation:
    found = find_by_code(session, code)
    if found is None or found.code_hash is None:
        raise NotFoundError(words.FRIEND_UNKNOWN)
    return found


def _after_answer(session: Session, invitation: Invitation, on: date) -> None:
    """Once both have answered a check-in, a check-in record keeps both sides."""
    if not invitation.revealed or invitation.kind != InvitationKind.CHECKIN:
        return
    if invitation.checkin_id is not None:
        return
    mine, theirs = invitation.user_answers or {}, invitation.friend_answers or {}
    record = CheckIn(person=invitation.person, on=on)
    for question in CHECKIN_QUESTIONS:
        setattr(record, f"me_{question}", mine.get(question, ""))
        setattr(record, f"them_{question}", theirs.get(question, ""))
    session.add(record)
    session.flush()
    invitation.checkin_id = record.id


def _latest_entry(session: Session, person: Person) -> AuditEntry | None:
    entries = sorted(person.audit_entries, key=lambda e: (e.audit.on, e.audit.id))
    return entries[-1] if entries else None


def _earlier(session: Session, invitation: Invitation) -> Earlier | None:
    if invitation.kind != InvitationKind.AUDIT or invitation.audit_id is None:
        return None
    entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.audit_id == invitation.audit_id,
            AuditEntry.person_id == invitation.person_id,
        )
    ).one_or_none()
    if entry is None:
        return None
    ratings: dict[str, dict[str, Any]] = {
        str(r.dimension.value): {"rating": r.rating, "leaning": r.direction.value}
        for r in entry.ratings
    }
    ordered = {str(d.value): ratings[d.value] for d in Dimension if d.value in ratings}
    return Earlier(entry.audit.on, ordered)


def _view(session: Session, invitation: Invitation, now: datetime) -> View:
    checkin = (
        by_id(session, CheckIn, invitation.checkin_id)
        if invitation.checkin_id is not None
        else None
    )
    return View(
        id=invitation.id,
        person_id=invitation.person_id,
        person=invitation.person.name,
        kind=invitation.kind,
        state=invitation.state(now),
        created=invitation.created_at,
        expires=invitation.expires_at,
        from_name=invitation.from_name,
        include_ratings=invitation.include_ratings,
        you=invitation.user_answers,
        them=invitation.friend_answers_for_user(),
        you_answered=invitation.user_answered_at,
        they_answered=invitation.friend_answered_at,
        earlier=_earlier(session, invitation),
        checkin_id=invitation.checkin_id,
        checkin_on=checkin.on if checkin is not None else None,
    )


def _friend_view(session: Session, invitation: Invitation, now: datetime) -> FriendView:
    """What the link shows: nothing at all once it no longer opens (``state`` "gone")."""
    opens = invitation.can_open(now)
    revealed = opens and invitation.revealed
    return FriendView(
        person=invitation.person.name,
        asker=invitation.asker,
        named=bool(invitation.from_name),
        kind=invitation.kind,
        state=invitation.state(now) if opens else GONE,
        expires=invitation.expires_at,
        yours=invitation.friend_answers if opens else None,
        theirs=invitation.user_answers_for_friend() if opens else None,
        earlier=_earlier(session, invitation) if revealed and invitation.include_ratings else None,
    )
