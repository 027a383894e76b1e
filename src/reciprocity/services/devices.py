"""Phones on the local network: pairing one, knowing it again, revoking it, and where the
listener is open.

A pairing link carries a one-time code: ``secrets.token_urlsafe(32)`` (256 random
bits), good once and for ``PAIRING_MINUTES``; only its SHA-256 is kept. Pairing
gives the phone a device token of the same strength for its cookie; only its
hash is kept too, so neither a copy of the database nor its export holds
anything a phone could present. A revoked device is deleted: its token names
nothing from that moment on.

``serve --lan`` records where it listens and until when (``opened``), so that
``reciprocity pair``, another process, can give the address; a listener whose
process has stopped, or whose time is up, is not open.

Every function takes ``now`` (naive UTC), so tests move the clock.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from reciprocity.coach import devices as words
from reciprocity.errors import NotFoundError
from reciprocity.model.base import by_id
from reciprocity.model.device import Device, Listener, PairingCode, digest
from reciprocity.services import people
from reciprocity.store import Database

PAIRING_MINUTES = 10
SEEN_EVERY = timedelta(minutes=1)
"""A device's "last used" is written at most this often."""
TOKEN_BYTES = 32


def utc_now() -> datetime:
    """Now, as the devices' times are kept: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


class PairingRefusedError(NotFoundError):
    """A pairing code that is unknown, used already or expired (one answer for all three)."""


@dataclass(frozen=True)
class NewCode:
    """A pairing code just made: the code itself (shown once, never kept) and its end."""

    code: str
    expires: datetime


@dataclass(frozen=True)
class Paired:
    """A phone just paired: the device, and the token for its cookie (shown once, never kept)."""

    device: Device
    token: str


def new_code(db: Database, *, now: datetime) -> NewCode:
    """A one-time pairing code, good for ``PAIRING_MINUTES``; codes long expired are let go."""
    code = secrets.token_urlsafe(TOKEN_BYTES)
    expires = now + timedelta(minutes=PAIRING_MINUTES)
    with db.transaction() as session:
        for old in session.scalars(
            select(PairingCode).where(PairingCode.expires < now - timedelta(days=1))
        ):
            session.delete(old)
        session.add(PairingCode(code_hash=digest(code), created=now, expires=expires))
    return NewCode(code, expires)


def code_is_good(db: Database, code: str, *, now: datetime) -> bool:
    """Whether ``code`` would pair a phone now (unknown, used and expired ones would not)."""
    with db.transaction() as session:
        found = session.scalar(select(PairingCode).where(PairingCode.code_hash == digest(code)))
        return _usable(found, now)


def pair(db: Database, code: str, name: str, *, now: datetime) -> Paired:
    """Pair a phone named ``name`` with ``code``, using the code up (it never pairs again).

    A bad name is refused before the code is used, so the phone can try again."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with db.transaction() as session:
        device = Device(name=name, token_hash=digest(token), paired=now, last_seen=now)
        used = session.execute(  # one statement: two phones racing for a code, one wins
            update(PairingCode)
            .where(
                PairingCode.code_hash == digest(code),
                PairingCode.used.is_(None),
                PairingCode.expires > now,
            )
            .values(used=now)
        )
        if used.rowcount != 1:  # type: ignore[attr-defined]
            raise PairingRefusedError(words.PAIRING_REFUSED)
        session.add(device)
        session.flush()
        return Paired(device, token)


def device_for(db: Database, token: str | None, *, now: datetime) -> Device | None:
    """The paired device whose cookie holds ``token`` (its "last used" moved), or None."""
    if not token:
        return None
    with db.transaction() as session:
        found = session.scalar(select(Device).where(Device.token_hash == digest(token)))
        if found is not None and (found.last_seen is None or now - found.last_seen > SEEN_EVERY):
            found.last_seen = now
        return found


def paired(db: Database) -> list[Device]:
    """Every paired device, the most recently paired first."""
    with db.transaction() as session:
        return list(
            session.scalars(select(Device).order_by(Device.paired.desc(), Device.id.desc()))
        )


def revoke(db: Database, device_id: int) -> Device:
    """Forget a device: its token is refused from now on."""
    with db.transaction() as session:
        found = by_id(session, Device, device_id)
        if found is None:
            raise NotFoundError(words.DEVICE_UNKNOWN.format(id=device_id))
        session.delete(found)
        return found


def capture_choices(db: Database) -> list[str]:
    """The names a phone chooses from: whoever has the most recent moment first, then by name."""
    rows = people.rows(db)  # by name
    dated = [(r.last_moment, r.person.name) for r in rows if r.last_moment is not None]
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: by name within a day
    return [name for _, name in dated] + [r.person.name for r in rows if r.last_moment is None]


# -- where the listener is open ----------------------------------------------


def opened(db: Database, url: str, *, until: datetime, now: datetime) -> Listener:
    """Record that this process listens for phones at ``url`` until ``until``."""
    with db.transaction() as session:
        here = socket.gethostname()
        for stale in session.scalars(  # what a server on this machine, since stopped, left open
            select(Listener).where(Listener.closed.is_(None), Listener.host == here)
        ):
            if not _running(stale.pid):
                stale.closed = now
        listener = Listener(url=url, opened=now, until=until, host=here, pid=os.getpid())
        session.add(listener)
        session.flush()
        return listener


def closed(db: Database, listener_id: int, *, now: datetime) -> None:
    """Record that a listener closed (its time was up, it was closed, or the app stopped)."""
    with db.transaction() as session:
        found = by_id(session, Listener, listener_id)
        if found is not None and found.closed is None:
            found.closed = now


def open_listener(db: Database, *, now: datetime) -> Listener | None:
    """The listener open for phones now, if any: not closed, not past its time, and its
    process still running (when it runs on this machine)."""
    with db.transaction() as session:
        query = (
            select(Listener)
            .where(Listener.closed.is_(None), Listener.until > now)
            .order_by(Listener.opened.desc(), Listener.id.desc())
        )
        for found in session.scalars(query):
            if found.host != socket.gethostname() or _running(found.pid):
                return found
    return None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _usable(found: PairingCode | None, now: datetime) -> bool:
    return found is not None and found.used is None and now < found.expires
