"""The entities, one class per concept, each with the operations that keep it whole.

Importing this package imports SQLAlchemy; the plain vocabulary (dimensions,
sides, styles) lives in ``reciprocity.vocabulary`` so the CLI can start fast.

A person and what their patterns are read from (moments, seasons, audits and
chats) refer to each other, and are loaded with the package. The practices
around a relationship (check-ins, rituals, rhythms, dates, roles, boundaries,
wins) only point to a person, and load when first named (``from
reciprocity.model import Ritual``), so noting a moment does not wait for them.
``everything()`` loads them all, for whatever needs every table.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from reciprocity.model.audit import Audit, AuditEntry, DimensionRating
from reciprocity.model.base import Base
from reciprocity.model.chat import Chat, ChatDay, ChatFile, ChatMember, Evidence
from reciprocity.model.moment import Moment
from reciprocity.model.person import Person
from reciprocity.model.season import Season
from reciprocity.vocabulary import ME

if TYPE_CHECKING:
    from sqlalchemy import MetaData

    from reciprocity.model.boundary import Boundary
    from reciprocity.model.checkin import Adjustment, CheckIn
    from reciprocity.model.device import Device, Listener, PairingCode
    from reciprocity.model.invitation import Invitation
    from reciprocity.model.occasion import Occasion
    from reciprocity.model.rhythm import Rhythm
    from reciprocity.model.ritual import Occurrence, Ritual, RitualMember
    from reciprocity.model.role import RoleRotation
    from reciprocity.model.win import Win

PRACTICES = {
    "Adjustment": "checkin",
    "Boundary": "boundary",
    "CheckIn": "checkin",
    "Device": "device",
    "Invitation": "invitation",
    "Listener": "device",
    "Occasion": "occasion",
    "Occurrence": "ritual",
    "PairingCode": "device",
    "Rhythm": "rhythm",
    "Ritual": "ritual",
    "RitualMember": "ritual",
    "RoleRotation": "role",
    "Win": "win",
}
"""The entities loaded when first named, and the module of each."""


def __getattr__(name: str) -> Any:
    module = PRACTICES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = found
    return found


def everything() -> MetaData:
    """Every table, each entity loaded (for comparing the models with the migrations)."""
    for module in sorted(set(PRACTICES.values())):
        import_module(f"{__name__}.{module}")
    return Base.metadata


__all__ = [
    "ME",
    "Adjustment",
    "Audit",
    "AuditEntry",
    "Base",
    "Boundary",
    "Chat",
    "ChatDay",
    "ChatFile",
    "ChatMember",
    "CheckIn",
    "Device",
    "DimensionRating",
    "Evidence",
    "Invitation",
    "Listener",
    "Moment",
    "Occasion",
    "Occurrence",
    "PairingCode",
    "Person",
    "Rhythm",
    "Ritual",
    "RitualMember",
    "RoleRotation",
    "Season",
    "Win",
]
