"""Where a ritual stands on a given day: what is due, what comes next, how well it is kept.

Pure functions over a cadence and the records of past occurrences (done,
skipped, moved), so the CLI, the web app and reports read the same answer.
An occurrence nobody marked is *open*; only the latest open one is ever shown
as waiting, never a pile of them: a ritual is an invitation, not a backlog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reciprocity.practices.recurrence import Cadence
from reciprocity.vocabulary import OccurrenceStatus

KEPT_WINDOW_DAYS = 182
"""How far back "how well kept" looks: about six months."""


@dataclass(frozen=True)
class Record:
    """What became of the occurrence planned for ``due``; ``on`` is when it happened or moved to."""

    due: date
    status: OccurrenceStatus
    on: date | None = None


@dataclass(frozen=True)
class Kept:
    """Of the occurrences planned in the window: done, skipped by choice, and left open."""

    done: int
    skipped: int
    missed: int
    since: date

    @property
    def planned(self) -> int:
        return self.done + self.skipped + self.missed

    @property
    def share(self) -> float | None:
        """Done out of those not skipped by choice; None when there were none."""
        counted = self.done + self.missed
        return None if counted == 0 else self.done / counted

    def as_dict(self) -> dict[str, object]:
        share = self.share
        return {
            "since": self.since.isoformat(),
            "done": self.done,
            "skipped": self.skipped,
            "missed": self.missed,
            "share": None if share is None else round(share, 3),
        }


@dataclass(frozen=True)
class Standing:
    """A ritual on one day: the occurrence waiting (if any), the next one, how well kept."""

    waiting: date | None
    """The latest open occurrence on or before today (due today if it is today)."""
    upcoming: date | None
    """The next open occurrence after today."""
    kept: Kept
    last_done: date | None

    def as_dict(self) -> dict[str, object]:
        return {
            "waiting": None if self.waiting is None else self.waiting.isoformat(),
            "upcoming": None if self.upcoming is None else self.upcoming.isoformat(),
            "last_done": None if self.last_done is None else self.last_done.isoformat(),
            "kept": self.kept.as_dict(),
        }


def _open_days(cadence: Cadence, records: Sequence[Record], first: date, last: date) -> list[date]:
    """Open occurrences between ``first`` and ``last``: unmarked ones, and moved ones at their new day."""
    marked = {r.due for r in records}
    days = [d for d in cadence.dates(first, last) if d not in marked]
    days += [
        r.on
        for r in records
        if r.status is OccurrenceStatus.MOVED
        and r.on is not None
        and first <= r.on <= last
        and _before_end(cadence, r.on)
    ]
    return sorted(set(days))


def _before_end(cadence: Cadence, day: date) -> bool:
    """Whether ``day`` falls on or before the ritual's last day (a moved one may not outlast it)."""
    return cadence.end is None or day <= cadence.end


def open_between(
    cadence: Cadence, records: Sequence[Record], first: date, last: date
) -> list[date]:
    """The occurrences still open from ``first`` to ``last``, for a list of what is coming up."""
    return _open_days(cadence, records, first, last)


def standing(cadence: Cadence, records: Sequence[Record], today: date) -> Standing:
    settled = [r for r in records if r.status is not OccurrenceStatus.MOVED]
    last_settled = max((r.on or r.due for r in settled), default=None)
    floor = cadence.start if last_settled is None else last_settled + timedelta(days=1)
    past_open = _open_days(cadence, records, floor, today)
    waiting = past_open[-1] if past_open else None
    upcoming = _next_open(cadence, records, today)
    done = [r for r in records if r.status is OccurrenceStatus.DONE]
    last_done = max((r.on or r.due for r in done), default=None)
    return Standing(waiting, upcoming, kept(cadence, records, today), last_done)


def _next_open(cadence: Cadence, records: Sequence[Record], today: date) -> date | None:
    marked = {r.due for r in records}
    moved = sorted(
        r.on
        for r in records
        if r.status is OccurrenceStatus.MOVED
        and r.on is not None
        and r.on > today
        and _before_end(cadence, r.on)
    )
    day = today
    found = None
    for _ in range(1000):  # enough for a daily rule with many marked days ahead
        candidate = cadence.next_after(day)
        if candidate is None:
            break
        if candidate not in marked:
            found = candidate
            break
        day = candidate
    options = [d for d in (found, moved[0] if moved else None) if d is not None]
    return min(options) if options else None


def kept(cadence: Cadence, records: Sequence[Record], today: date) -> Kept:
    """How the ritual was kept over the last ``KEPT_WINDOW_DAYS`` (today itself not counted)."""
    since = max(cadence.start, today - timedelta(days=KEPT_WINDOW_DAYS))
    yesterday = today - timedelta(days=1)
    planned = set(cadence.dates(since, yesterday)) if yesterday >= since else set()
    by_due = {r.due: r for r in records}
    done = skipped = missed = 0
    for day in planned | {r.due for r in records if since <= r.due <= yesterday}:
        record = by_due.get(day)
        if record is None:
            missed += 1
        elif record.status is OccurrenceStatus.DONE:
            done += 1
        elif record.status is OccurrenceStatus.SKIPPED:
            skipped += 1
        elif record.on is not None and record.on < today:
            missed += 1  # moved to a day that has passed, and not marked done
    return Kept(done, skipped, missed, since)


def target(
    cadence: Cadence, records: Sequence[Record], day: date, wanted: date | None = None
) -> date | None:
    """Which planned occurrence a mark made on ``day`` is about (its ``due`` day).

    ``wanted`` names it outright (a planned day, or the day a moved one went to).
    Otherwise: the latest open occurrence on or before ``day`` since the last
    one marked; failing that, the next open one after ``day`` (done early).
    """
    moved_to = {r.on: r.due for r in records if r.status is OccurrenceStatus.MOVED and r.on}
    if wanted is not None:
        if wanted in moved_to:
            return moved_to[wanted]
        planned = cadence.dates(wanted, wanted)
        settled = {r.due for r in records if r.status is not OccurrenceStatus.MOVED}
        if planned and wanted not in settled:
            return wanted
        return None
    here = standing(cadence, records, day)
    chosen = here.waiting or here.upcoming
    if chosen is None:
        return None
    return moved_to.get(chosen, chosen)


def rotate(count: int, position: int, steps: int = 1) -> int:
    """The position after ``steps`` turns in a rotation of ``count`` people."""
    return 0 if count <= 0 else (position + steps) % count
