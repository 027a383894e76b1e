"""An invitation: someone close answers a check-in (or the audit) through a one-time link.

The link carries a random code (``secrets.token_urlsafe(32)``, 256 bits); only
its SHA-256 is stored, so the database alone never opens the link. The link
may be opened many times until it expires (seven days), so the friend can come
back to see both sides; it takes the friend's answers once. Before the reveal,
the friend may take their answers back (nothing of them is kept) and answer
again. The user answers the same questions in the app, once.

The reveal rule is kept here, in one place: **neither side sees the other's
answers until both have answered**. An invitation the user closed, or one past
its day, takes no more answers; the answers that were never seen by both are
dropped then (``expire``), since they were given on the promise of a reveal.

Answers are plain JSON. A check-in: ``{"supported", "meaningful", "drained"}``
(free text, each at most ``INVITATION_TEXT_LIMIT``). An audit: per dimension
``{"rating": 1..5, "leaning": "me"|"them"|"mutual"}``, always in the user's
frame, as everywhere else: ``me`` means the user carries more, whoever
answered. The friend's page speaks the same values from their own side.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from reciprocity.coach import invitations as words
from reciprocity.coach.terms import dimension_title
from reciprocity.errors import ConflictError, InputError, RangeError
from reciprocity.model.base import Base, enum_column
from reciprocity.vocabulary import (
    CHECKIN_QUESTIONS,
    INVITATION_DAYS,
    INVITATION_TEXT_LIMIT,
    RATING_MAX,
    RATING_MIN,
    Dimension,
    Direction,
    InvitationKind,
)

if TYPE_CHECKING:
    from reciprocity.model.person import Person

OPEN = "open"
REVEALED = "revealed"
WITHDRAWN = "withdrawn"
EXPIRED = "expired"
STATES = (OPEN, REVEALED, WITHDRAWN, EXPIRED)
FROM_LIMIT = 200
Answers = dict[str, Any]


def new_code() -> str:
    """A fresh link code: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def code_hash(code: str) -> str:
    """What is stored of a code: its SHA-256, in hex."""
    return hashlib.sha256(code.encode("utf-8", "replace")).hexdigest()


class Invitation(Base):
    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[InvitationKind] = mapped_column(enum_column(InvitationKind, "invitation_kind"))
    code_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    """The SHA-256 of the link's code; dropped once the invitation can no longer be opened."""
    from_name: Mapped[str] = mapped_column(Text, default="")
    """How the friend knows the user, shown on the friend's page (whose app is asking)."""
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    friend_answers: Mapped[Answers | None] = mapped_column(JSON(none_as_null=True), default=None)
    friend_answered_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    user_answers: Mapped[Answers | None] = mapped_column(JSON(none_as_null=True), default=None)
    user_answered_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    include_ratings: Mapped[bool] = mapped_column(Boolean, default=False)
    """Whether the friend sees the user's earlier audit ratings at the reveal (not unless chosen)."""
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin.id", ondelete="SET NULL"), default=None, index=True
    )
    """The check-in that keeps both sides, once both have answered (a check-in invitation)."""
    audit_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit.id", ondelete="SET NULL"), default=None
    )
    """The audit whose ratings of this person are the user's earlier ones (an audit invitation)."""

    person: Mapped[Person] = relationship()

    # -- the rules, given the time --------------------------------------------
    def state(self, now: datetime) -> str:
        if self.revealed:
            return REVEALED
        if self.withdrawn_at is not None:
            return WITHDRAWN
        if now >= self.expires_at:
            return EXPIRED
        return OPEN

    @property
    def revealed(self) -> bool:
        """Both have answered: each may now see the other's answers."""
        return self.friend_answers is not None and self.user_answers is not None

    def can_open(self, now: datetime) -> bool:
        """Whether the friend's link opens: until its day, unless the user closed it."""
        return self.withdrawn_at is None and now < self.expires_at

    def friend_answers_for_user(self) -> Answers | None:
        """The friend's answers as the user may see them: only once both have answered."""
        return self.friend_answers if self.revealed else None

    def user_answers_for_friend(self) -> Answers | None:
        """The user's answers as the friend may see them: only once both have answered."""
        return self.user_answers if self.revealed else None

    def answer_as_friend(self, answers: Answers, now: datetime) -> None:
        self._check_taking(now)
        if self.friend_answers is not None:
            raise ConflictError(words.FRIEND_ALREADY.format(asker=self.asker))
        self.friend_answers = check_answers(self.kind, answers)
        self.friend_answered_at = now

    def answer_as_user(self, answers: Answers, now: datetime) -> None:
        self._check_taking(now)
        if self.user_answers is not None:
            raise ConflictError(words.INVITATION_YOU_ANSWERED)
        self.user_answers = check_answers(self.kind, answers)
        self.user_answered_at = now

    def take_back(self, now: datetime) -> None:
        """The friend takes their answers back before the reveal: nothing of them is kept."""
        self._check_taking(now)
        if self.friend_answers is None:
            raise ConflictError(words.INVITATION_NOTHING_TO_TAKE_BACK)
        self.friend_answers = None
        self.friend_answered_at = None

    def withdraw(self, now: datetime) -> None:
        """The user closes the invitation: the link stops opening; unseen answers are dropped
        (answers both have seen stay, as the check-in keeps them)."""
        self.withdrawn_at = self.withdrawn_at or now
        self.close()

    def renew(self, now: datetime) -> str:
        """A new link for an open invitation (the old one stops working); returns its code."""
        if not self.can_open(now):
            raise ConflictError(words.INVITATION_CLOSED)
        code = new_code()
        self.code_hash = code_hash(code)
        return code

    def close(self) -> None:
        """The link can never open again; answers not seen by both are not kept."""
        self.code_hash = None
        if not self.revealed:
            self.friend_answers = self.friend_answered_at = None
            self.user_answers = self.user_answered_at = None

    def _check_taking(self, now: datetime) -> None:
        if self.revealed:
            raise ConflictError(words.INVITATION_ALREADY_REVEALED)
        if not self.can_open(now):
            raise ConflictError(words.INVITATION_CLOSED)

    @property
    def asker(self) -> str:
        return self.from_name or words.FRIEND_ASKER_UNNAMED


def invite(
    person: Person, kind: InvitationKind, now: datetime, from_name: str = ""
) -> tuple[Invitation, str]:
    """A new invitation for ``person`` and its link's code (not kept anywhere but the link)."""
    name = (from_name or "").strip()
    if len(name) > FROM_LIMIT:
        raise InputError(words.FROM_TOO_LONG.format(length=len(name), limit=FROM_LIMIT))
    code = new_code()
    invitation = Invitation(
        person=person,
        kind=kind,
        code_hash=code_hash(code),
        from_name=name,
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    return invitation, code


def check_answers(kind: InvitationKind, answers: Mapping[str, Any]) -> Answers:
    """The answers as kept, or an InputError saying what is wrong with them and where."""
    if kind == InvitationKind.CHECKIN:
        return _checkin_answers(answers)
    return _audit_answers(answers)


def _checkin_answers(answers: Mapping[str, Any]) -> Answers:
    kept: Answers = {}
    for question in CHECKIN_QUESTIONS:
        value = answers.get(question)
        text = value.strip() if isinstance(value, str) else ""
        if len(text) > INVITATION_TEXT_LIMIT:
            label = words.CHECKIN_SHORT_LABELS[question]
            raise InputError(
                words.ANSWER_TOO_LONG.format(
                    question=label, length=len(text), limit=INVITATION_TEXT_LIMIT
                )
            )
        kept[question] = text
    if not any(kept.values()):
        raise InputError(words.ANSWERS_EMPTY)
    return kept


def _audit_answers(answers: Mapping[str, Any]) -> Answers:
    kept: Answers = {}
    for dimension in Dimension:
        title = dimension_title(dimension)
        given = answers.get(dimension.value)
        given = given if isinstance(given, Mapping) else {}
        rating = given.get("rating")
        if rating is None or rating == "":
            raise InputError(words.RATING_NEEDED.format(dimension=title))
        try:
            number = int(rating)
        except (TypeError, ValueError):
            number = 0
        if (
            isinstance(rating, bool)
            or not RATING_MIN <= number <= RATING_MAX
            or str(number) != str(rating).strip()
        ):
            raise RangeError(words.RATING_OUT_OF_RANGE.format(dimension=title, value=rating))
        leaning = given.get("leaning") or Direction.MUTUAL.value
        if leaning not in {d.value for d in Direction}:
            raise InputError(words.LEAN_UNKNOWN.format(dimension=title, value=leaning))
        if number == RATING_MAX:
            leaning = Direction.MUTUAL.value  # a 5 feels shared: it leans neither way
        elif leaning == Direction.MUTUAL.value:
            raise InputError(words.LEAN_NEEDED.format(dimension=title, rating=number))
        kept[dimension.value] = {"rating": number, "leaning": leaning}
    return kept


def find_by_code(session: Session, code: str) -> Invitation | None:
    """The invitation this link's code opens, if any (found by the code's hash)."""
    if not code or len(code) > 100:
        return None
    return session.scalars(
        select(Invitation).where(Invitation.code_hash == code_hash(code))
    ).one_or_none()


def invitations_of(session: Session, person_id: int | None = None) -> list[Invitation]:
    """Invitations, newest first (someone's, given ``person_id``)."""
    query = select(Invitation).order_by(Invitation.created_at.desc(), Invitation.id.desc())
    if person_id is not None:
        query = query.where(Invitation.person_id == person_id)
    return list(session.scalars(query))
