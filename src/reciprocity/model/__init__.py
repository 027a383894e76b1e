"""The entities, one class per concept, each with the operations that keep it whole.

Importing this package imports SQLAlchemy; the plain vocabulary (dimensions,
sides, styles) lives in ``reciprocity.vocabulary`` so the CLI can start fast.
"""

from reciprocity.model.audit import Audit, AuditEntry, DimensionRating
from reciprocity.model.base import Base
from reciprocity.model.boundary import Boundary
from reciprocity.model.chat import Chat, ChatDay, ChatMember, Evidence
from reciprocity.model.checkin import Adjustment, CheckIn
from reciprocity.model.moment import Moment
from reciprocity.model.occasion import Occasion
from reciprocity.model.person import Person
from reciprocity.model.rhythm import Rhythm
from reciprocity.model.ritual import Occurrence, Ritual, RitualMember
from reciprocity.model.role import RoleRotation
from reciprocity.model.season import Season
from reciprocity.model.win import Win
from reciprocity.vocabulary import ME

__all__ = [
    "ME",
    "Adjustment",
    "Audit",
    "AuditEntry",
    "Base",
    "Boundary",
    "Chat",
    "ChatDay",
    "ChatMember",
    "CheckIn",
    "DimensionRating",
    "Evidence",
    "Moment",
    "Occasion",
    "Occurrence",
    "Person",
    "Rhythm",
    "Ritual",
    "RitualMember",
    "RoleRotation",
    "Season",
    "Win",
]
