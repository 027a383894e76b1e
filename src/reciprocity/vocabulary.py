"""The controlled vocabulary of the method: dimensions, sides, styles of care, kinds.

Plain enums with no dependencies, so the command line can name them in its
options without importing the database layer. Every value is the word a user
types (``--dim crisis``, ``--by them``) and the word stored and exported.
"""

from __future__ import annotations

from enum import StrEnum

ME = "me"
"""How the user refers to themself (``season start me illness``), and how the store names them."""


class Dimension(StrEnum):
    """The four dimensions of the Reciprocity Audit."""

    INITIATION = "initiation"
    DEPTH = "depth"
    CRISIS = "crisis"
    MAINTENANCE = "maintenance"


class Giver(StrEnum):
    """Who reached out or gave in a moment."""

    ME = "me"
    THEM = "them"
    BOTH = "both"


class Direction(StrEnum):
    """Which way an imbalance leans: who carries more.

    ``me`` means the user carries more; ``them`` means the other person does;
    ``mutual`` means it feels roughly shared. Both directions are information:
    receiving more than you give is reported as gently as giving more.
    """

    ME = "me"
    THEM = "them"
    MUTUAL = "mutual"


class CareStyle(StrEnum):
    """Ways a person shows care. Different styles still count as mutual flow."""

    LISTENING = "listening"
    PRACTICAL = "practical"
    WORDS = "words"
    HUMOUR = "humour"
    PRESENCE = "presence"
    TIME = "time"
    GIFTS = "gifts"
    OTHER = "other"


class RelationshipKind(StrEnum):
    PARTNER = "partner"
    FRIEND = "friend"
    FAMILY = "family"
    COLLEAGUE = "colleague"
    OTHER = "other"


class SeasonKind(StrEnum):
    """Periods in which one side legitimately needs more."""

    ILLNESS = "illness"
    GRIEF = "grief"
    MOVE = "move"
    NEW_BABY = "new-baby"
    JOB_LOSS = "job-loss"
    EXAMS = "exams"
    CAREGIVING = "caregiving"
    BREAKUP = "breakup"
    OTHER = "other"


ENERGY_MIN = -2
"""Energy of a moment: -2 left me drained ... +2 left me nourished."""
ENERGY_MAX = 2
RATING_MIN = 1
"""Audit ratings: 1 heavily one-directional ... 5 roughly mutual."""
RATING_MAX = 5
VISION_AT_OR_BELOW = 2
"""A rating at or below this asks for a vision of the mutual pattern to build."""
LEANS: tuple[Direction, ...] = (Direction.ME, Direction.THEM)
"""The ways a rating below 5 can lean: never "shared", which is what a 5 says."""


def directions_for(rating: int) -> tuple[Direction, ...]:
    """The directions an audit rating allows: a 5 feels shared (only that); below 5, me or them."""
    return LEANS if rating < RATING_MAX else (Direction.MUTUAL,)


class BoundaryArea(StrEnum):
    """What a boundary protects."""

    TIME = "time"
    ENERGY = "energy"
    EMOTIONAL_LABOUR = "emotional-labour"
    TOPICS = "topics"
    OTHER = "other"


class BoundaryStatus(StrEnum):
    """Where a boundary stands; requests are reviewed and renegotiated over time."""

    ACTIVE = "active"
    RESPECTED = "respected"
    RENEGOTIATED = "renegotiated"
    RETIRED = "retired"


class OccurrenceStatus(StrEnum):
    """What became of one planned occurrence of a ritual."""

    DONE = "done"
    SKIPPED = "skipped"
    MOVED = "moved"


class AdjustmentOutcome(StrEnum):
    """Whether an adjustment agreed at a check-in happened, asked at the next one."""

    HAPPENED = "happened"
    PARTLY = "partly"
    NOT_YET = "not-yet"


CHECKIN_SIDES = ("me", "them")
"""A check-in hears both sides: the user's, and the other person's as they tell it."""
CHECKIN_QUESTIONS = ("supported", "meaningful", "drained")
"""What each side is asked at a check-in."""
ROLES_EVERY_MAX = 365
"""The longest stretch between automatic switches of shared roles, in days."""


class InvitationKind(StrEnum):
    """What a friend is invited to answer: a check-in's three questions, or the audit's four."""

    CHECKIN = "checkin"
    AUDIT = "audit"


INVITATION_DAYS = 7
"""How long an invitation's link can be opened, from the day it is made."""
INVITATION_TEXT_LIMIT = 2000
"""The longest answer a friend (or the user) may give to one invitation question."""
