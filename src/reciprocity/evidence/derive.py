"""Step 2 of an import: from the messages between two people to evidence.

Pure functions over plain data; nothing here reads files or the database.

The input is an ``Exchange``: time-ordered columns saying when each message
was sent, whether the user sent it, how long it was and which signal words
it holds (its text is not needed). The output is a ``Reading``: the conversations found, response times
each way, bids left unanswered, and ``Signal`` records that feed the patterns
exactly like logged moments do (``on``, ``by``, ``dimensions``, ``style``,
``energy``).

Rules and their defaults (``EvidenceSettings``):

- A **conversation** starts after a silence of ``silence`` (default 8 hours: a
  night's sleep ends a conversation; a lunch break does not). Whoever wrote
  its first message **started** it: Initiation.
- A conversation in which only one side wrote is a **bid left unanswered**.
  It is counted, never held against anyone: silence is not neglect.
- **Response time**: the delay from one side's message to the other side's
  next message inside a conversation; the median each way is reported.
- **Check-in messages** ("how are you", "how did it go", "thinking of you" …)
  and **remembered dates** ("happy birthday", "good luck today" …) are
  Maintenance by their sender.
- A **long or vulnerable message** (at least ``long_message`` characters, or
  words of difficulty such as "I'm struggling", "scared", "bad news") and
  **good news** ("got the job", "we're engaged" …) that the other side
  answers within ``reply_within`` speak to Depth, carried by whoever answered.
- A **hard time** (words such as "hospital", "funeral", "diagnosed", "lost my
  job") met by at least ``burst_messages`` messages from the other side within
  ``burst_within`` is a **burst of support**: Crisis, carried by the one who
  showed up.

- A **call** (voice or video, answered or missed) is contact of its own, not
  a message: it takes no part in conversations, replies or bids. Whoever
  called reached out: Initiation, carried by the caller. ``Reading.calls``
  counts them each way. In a group nobody is called in particular, so a
  group's calls are left out of each person's exchange (``conversations``).

So that a chatty month does not drown out what the user logged by hand,
signals are counted at most once per day, kind and side.

The words that make a signal are phrase lists in ``evidence.signals``
(English, French, Spanish, German, Portuguese and Italian; other languages
still give conversations, starts, response times and long messages).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from reciprocity.evidence.signals import (
    FLAG_CHECK_IN,
    FLAG_GOOD_NEWS,
    FLAG_HARD_TIME,
    FLAG_REMEMBERED,
    FLAG_VULNERABLE,
)
from reciprocity.vocabulary import CareStyle, Dimension, Giver


@dataclass(frozen=True, slots=True)
class EvidenceSettings:
    silence: timedelta = timedelta(hours=8)
    reply_within: timedelta = timedelta(hours=12)
    long_message: int = 280
    burst_messages: int = 3
    burst_within: timedelta = timedelta(hours=48)


class Exchange(NamedTuple):
    """The messages between the user and one person, in time order, as columns.

    ``minutes`` count minutes as ``evidence.message.minute_of`` does; ``mine``
    says whether the user sent each message (true or 1); ``lengths`` are in characters;
    ``flags`` are the ``FLAG_*`` bits that ``flags_of`` finds in the text. The
    text itself is not needed here, so it need not be kept anywhere.
    ``call_minutes`` and ``call_mine`` are the calls between the two, in time
    order: when, and whether the user called.
    """

    minutes: Sequence[int]
    mine: Sequence[int]
    lengths: Sequence[int]
    flags: Sequence[int]
    call_minutes: Sequence[int] = ()
    call_mine: Sequence[int] = ()

    @classmethod
    def of(
        cls,
        rows: Iterable[tuple[int, bool, int, int]],
        calls: Iterable[tuple[int, bool]] = (),
    ) -> Exchange:
        """From (minute, mine, length, flags) rows, and (minute, mine) calls."""
        columns = list(zip(*rows, strict=True))
        called = list(zip(*calls, strict=True))
        messages = columns if columns else [(), (), (), ()]
        return cls(*messages, *(called if called else [(), ()]))


@dataclass(frozen=True, slots=True)
class Signal:
    """A piece of evidence for the patterns; satisfies ``patterns.FlowItem``."""

    on: date
    by: Giver
    kind: str
    dimensions: tuple[Dimension, ...]
    style: CareStyle | None = None
    energy: int | None = None


@dataclass(slots=True)
class Reading:
    conversations: int = 0
    started: dict[str, int] = field(default_factory=lambda: {"me": 0, "them": 0})
    unanswered: dict[str, int] = field(default_factory=lambda: {"me": 0, "them": 0})
    response_minutes: dict[str, float | None] = field(
        default_factory=lambda: {"me": None, "them": None}
    )
    signals: list[Signal] = field(default_factory=list)
    calls: dict[str, int] = field(default_factory=lambda: {"me": 0, "them": 0})


# Kinds of signal, with the dimensions each speaks to.
STARTED = "started"
CALLED = "call"
CHECK_IN = "check-in"
REMEMBERED = "remembered-date"
MET_DISCLOSURE = "met-disclosure"
MET_GOOD_NEWS = "met-good-news"
SUPPORT_BURST = "support-burst"
DIMENSIONS = {
    STARTED: (Dimension.INITIATION,),
    CALLED: (Dimension.INITIATION,),
    CHECK_IN: (Dimension.MAINTENANCE,),
    REMEMBERED: (Dimension.MAINTENANCE,),
    MET_DISCLOSURE: (Dimension.DEPTH,),
    MET_GOOD_NEWS: (Dimension.DEPTH,),
    SUPPORT_BURST: (Dimension.CRISIS,),
}
STYLES = {
    CHECK_IN: CareStyle.WORDS,
    REMEMBERED: CareStyle.WORDS,
    MET_DISCLOSURE: CareStyle.LISTENING,
    MET_GOOD_NEWS: CareStyle.WORDS,
    SUPPORT_BURST: CareStyle.PRESENCE,
}


def read(exchange: Exchange, settings: EvidenceSettings = EvidenceSettings()) -> Reading:
    """Everything the evidence step derives from one time-ordered exchange.

    One pass, message by message: a plain loop over the zipped columns is
    faster here than working over whole columns (tried: 0.19 s against
    0.33 s for 1.3 million messages), and it reads as the rules are written.
    """
    reading = Reading()
    seen: set[tuple[int, str, int]] = set()
    delays: dict[str, list[int]] = {"me": [], "them": []}
    silence = int(settings.silence.total_seconds() // 60)
    reply_within = int(settings.reply_within.total_seconds() // 60)
    burst_within = int(settings.burst_within.total_seconds() // 60)
    last_minute = -(10**12)
    last_mine: int | None = None  # 1 (or True) when the user wrote
    starter: int | None = None
    both_spoke = False
    waiting: list[tuple[int, int, str]] = []  # (minute, mine, kind) awaiting the other side
    hard: list[list[int]] = []  # [minute, mine, replies] of hard times
    started, unanswered = reading.started, reading.unanswered

    def signal(minute: int, mine: int, kind: str) -> None:
        key = (minute // 1440, kind, mine)
        if key not in seen:
            seen.add(key)
            giver = Giver.ME if mine else Giver.THEM
            day = date.fromordinal(minute // 1440)
            reading.signals.append(Signal(day, giver, kind, DIMENSIONS[kind], STYLES.get(kind)))

    columns = exchange.minutes, exchange.mine, exchange.lengths, exchange.flags
    for minute, mine, length, flags in zip(*columns, strict=True):
        if minute - last_minute >= silence:
            if starter is not None and not both_spoke:
                unanswered["me" if starter else "them"] += 1
            reading.conversations += 1
            starter, both_spoke = mine, False
            started["me" if mine else "them"] += 1
            signal(minute, mine, STARTED)
        elif last_mine is not None and last_mine != mine:
            both_spoke = True
            delays["me" if mine else "them"].append(minute - last_minute)
        if waiting:
            waiting = [w for w in waiting if minute - w[0] <= reply_within]
            if any(w[1] != mine for w in waiting):
                for w in waiting:
                    if w[1] != mine:
                        signal(minute, mine, w[2])
                waiting = [w for w in waiting if w[1] == mine]
        if hard:
            kept = []
            for entry in hard:
                if minute - entry[0] > burst_within:
                    continue
                if bool(entry[1]) != mine:
                    entry[2] += 1
                    if entry[2] >= settings.burst_messages:
                        signal(minute, mine, SUPPORT_BURST)
                        continue
                kept.append(entry)
            hard = kept
        if flags:
            if flags & FLAG_CHECK_IN:
                signal(minute, mine, CHECK_IN)
            if flags & FLAG_REMEMBERED:
                signal(minute, mine, REMEMBERED)
            if flags & FLAG_GOOD_NEWS:
                waiting.append((minute, mine, MET_GOOD_NEWS))
            elif flags & FLAG_VULNERABLE:
                waiting.append((minute, mine, MET_DISCLOSURE))
            if flags & FLAG_HARD_TIME:
                hard.append([minute, int(mine), 0])
        if length >= settings.long_message and not flags & (FLAG_GOOD_NEWS | FLAG_VULNERABLE):
            waiting.append((minute, mine, MET_DISCLOSURE))
        last_minute, last_mine = minute, mine
    if starter is not None and not both_spoke:
        unanswered["me" if starter else "them"] += 1
    for side, values in delays.items():
        reading.response_minutes[side] = float(statistics.median(values)) if values else None
    for minute, mine in zip(exchange.call_minutes, exchange.call_mine, strict=True):
        reading.calls["me" if mine else "them"] += 1
        signal(minute, mine, CALLED)
    return reading
