"""Small wins: noticed, kept, and brought up again at check-ins and in ``status``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from reciprocity.coach import practices as words
from reciprocity.errors import NotFoundError, hinted
from reciprocity.model import Win
from reciprocity.model.base import by_id
from reciprocity.model.win import note_win, recent_wins, wins_with
from reciprocity.services.data import remove_found
from reciprocity.services.keep import KEEP, Keep
from reciprocity.services.lookup import PersonRef, owner
from reciprocity.store import Database


def add(db: Database, whose: PersonRef, text: str, *, on: date) -> Win:
    """A small win with someone, or one of the user's own (``whose`` is ``"me"``)."""
    with db.transaction() as session:
        win = note_win(owner(session, whose), text=text, on=on)
        session.add(win)
        session.flush()
        return _loaded(win)


def get(db: Database, win_id: int) -> Win:
    with db.transaction() as session:
        return _loaded(_find(session, win_id))


def recent(db: Database, *, since: date | None = None) -> list[Win]:
    """Small wins, newest first (since a day, or all)."""
    with db.transaction() as session:
        return [_loaded(w) for w in recent_wins(session, since)]


def of(db: Database, whose: PersonRef) -> list[Win]:
    """One person's small wins (or the user's own, ``"me"``), newest first."""
    with db.transaction() as session:
        return [_loaded(w) for w in wins_with(session, owner(session, whose))]


def _loaded(win: Win) -> Win:
    _ = win.person
    return win


@dataclass(frozen=True)
class WinChanges:
    text: str | Keep = KEEP
    on: date | Keep = KEEP


def edit(db: Database, win_id: int, changes: WinChanges) -> Win:
    with db.transaction() as session:
        win = _find(session, win_id)
        if not isinstance(changes.text, Keep):
            win.text = changes.text
        if not isinstance(changes.on, Keep):
            win.on = changes.on
        session.flush()
        return _loaded(win)


def remove(db: Database, win_id: int) -> tuple[Win, Path | None]:
    """Remove a small win; a copy of everything is kept first."""
    return remove_found(db, lambda session: _loaded(_find(session, win_id)))


def _find(session: Session, win_id: int) -> Win:
    win = by_id(session, Win, win_id)
    if win is None:
        raise hinted(NotFoundError(words.WIN_UNKNOWN.format(id=win_id)), words.WIN_UNKNOWN_CLI)
    return win
