"""Phones on the local network: paired devices, one-time pairing codes, and the open listener.

None of this is about a relationship: it is how a phone may reach the app while
``serve --lan`` is open. Secrets are never kept, only their SHA-256 hashes (a
device's token lives in the phone's cookie; a pairing code in the link shown
once). Times are naive UTC. These rows move no store revision (``__no_revision__``):
they are not anyone's data, and a phone's "last used" must not make every
pattern be worked out again.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, validates

from reciprocity.coach import devices as words
from reciprocity.errors import InputError
from reciprocity.model.base import NAME_LENGTH, Base, Name

HASH_LENGTH = 64


def digest(secret: str) -> str:
    """The SHA-256 of a token or code, as hex: what is kept instead of the secret."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


class Device(Base):
    """A phone paired with the app: its name, and the hash of the token its cookie holds."""

    __tablename__ = "device"
    __no_revision__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Name)
    token_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), unique=True)
    paired: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    @validates("name")
    def _check_name(self, _key: str, value: str) -> str:
        name = " ".join(value.split())
        if not name:
            raise InputError(words.DEVICE_NAME_EMPTY)
        if len(name) > NAME_LENGTH:
            raise InputError(words.DEVICE_NAME_LONG.format(limit=NAME_LENGTH))
        return name


class PairingCode(Base):
    """A one-time pairing link's code (hashed): good once, until ``expires``."""

    __tablename__ = "pairing_code"
    __no_revision__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), unique=True)
    created: Mapped[datetime] = mapped_column(DateTime)
    expires: Mapped[datetime] = mapped_column(DateTime, index=True)
    used: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Listener(Base):
    """Where ``serve --lan`` listens, and until when: how ``reciprocity pair``, another
    process, finds the address to give a phone."""

    __tablename__ = "lan_listener"
    __no_revision__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(300))
    opened: Mapped[datetime] = mapped_column(DateTime)
    until: Mapped[datetime] = mapped_column(DateTime)
    closed: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    host: Mapped[str] = mapped_column(String(255), default="")
    """The machine serve runs on, with ``pid``: a listener whose process is gone is not open."""
    pid: Mapped[int] = mapped_column(Integer, default=0)
