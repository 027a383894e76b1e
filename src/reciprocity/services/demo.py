"""A year in the life of someone with five close relationships: the demo dataset.

Deterministic for a given ``today`` and seed, and always ending on ``today`` so
that patterns look current. It shows each situation the product cares about:

- Sam (partner): mutual, with different styles each way (Sam gives practical
  help and presence; you give words and listening).
- Jordan (close friend): chronically one-sided — you start most contact and
  do most upkeep, outside any season, month after month.
- Rosa (mother): one-sided for a while during her surgery and recovery (a
  season), mutual before and after.
- Priya (friend): mutual and light, mostly humour and time together; she had
  exams for a few weeks.
- Theo (colleague): only a few moments: not enough to say anything. He is
  moving flat (an ongoing season), and you share roles: one plans, one listens.
And two audits, about seven months and three weeks ago; and the practices
(``practices``): a weekly call with Rosa, a monthly dinner with Jordan where
hosting alternates, fortnightly climbing with Priya, roles shared with Theo
during his move (switching weekly), two check-ins, three
boundaries and a few small wins.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from reciprocity.coach.audit import GUIDES
from reciprocity.model import (
    Adjustment,
    Audit,
    AuditEntry,
    Boundary,
    CheckIn,
    DimensionRating,
    Moment,
    Occasion,
    Occurrence,
    Person,
    Rhythm,
    Ritual,
    Season,
    Win,
)
from reciprocity.model.ritual import add_ritual
from reciprocity.model.role import RoleRotation
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
    CareStyle,
    Dimension,
    Direction,
    Giver,
    OccurrenceStatus,
    RelationshipKind,
    SeasonKind,
)

DAYS = 365
INI, DEP, CRI, MNT = Dimension.INITIATION, Dimension.DEPTH, Dimension.CRISIS, Dimension.MAINTENANCE
ME, THEM, BOTH = Giver.ME, Giver.THEM, Giver.BOTH


@dataclass(frozen=True)
class _Kind:
    """A kind of moment that recurs in a relationship: who gives, what it is."""

    by: Giver
    dims: tuple[Dimension, ...]
    style: CareStyle | None
    energy: tuple[int, ...]
    texts: tuple[str, ...]


SAM = (
    _Kind(
        THEM,
        (CRI, MNT),
        CareStyle.PRACTICAL,
        (1, 2),
        (
            "Sam fixed the bike before my early shift",
            "Sam sorted the car insurance without being asked",
            "Sam cooked when I came home wiped out",
        ),
    ),
    _Kind(
        ME,
        (DEP,),
        CareStyle.LISTENING,
        (1, 2),
        ("Long talk with Sam about the job worries", "Listened to Sam unpack the week"),
    ),
    _Kind(
        ME,
        (MNT, DEP),
        CareStyle.WORDS,
        (1,),
        ("Left Sam a note before the trip", "Told Sam how proud I am of the new role"),
    ),
    _Kind(
        THEM,
        (INI,),
        CareStyle.PRESENCE,
        (1, 2),
        ("Sam suggested a walk when I was quiet", "Sam planned a Sunday just for us"),
    ),
    _Kind(
        ME,
        (INI,),
        CareStyle.TIME,
        (1,),
        ("Booked the cinema for us", "Planned dinner with Sam's brother"),
    ),
    _Kind(
        BOTH,
        (DEP, MNT),
        CareStyle.TIME,
        (2,),
        ("Slow Saturday breakfast together", "Talked about next year over dinner"),
    ),
)
JORDAN = (
    _Kind(
        ME,
        (INI,),
        CareStyle.WORDS,
        (-1, 0),
        (
            "Texted Jordan to ask how the move went",
            "Messaged Jordan, no reply for days",
            "Suggested coffee with Jordan again",
        ),
    ),
    _Kind(
        ME,
        (MNT,),
        CareStyle.WORDS,
        (-1, 0),
        (
            "Remembered Jordan's interview and asked how it went",
            "Asked Jordan how the dentist went",
            "Sent Jordan a card for the new job",
        ),
    ),
    _Kind(
        ME,
        (DEP,),
        CareStyle.LISTENING,
        (-2, -1),
        (
            "Listened to Jordan for an hour about work; no question back",
            "Jordan called to vent, I listened",
        ),
    ),
    _Kind(THEM, (INI,), CareStyle.HUMOUR, (1,), ("Jordan sent a funny video out of the blue",)),
    _Kind(BOTH, (INI,), CareStyle.TIME, (1, 0), ("Drinks with Jordan, nice evening",)),
)
ROSA = (
    _Kind(
        ME,
        (MNT,),
        CareStyle.WORDS,
        (1,),
        ("Sunday call with Mum", "Called Mum after her doctor's visit"),
    ),
    _Kind(
        THEM,
        (MNT, INI),
        CareStyle.WORDS,
        (1, 2),
        ("Mum rang to ask about my week", "Mum remembered the interview and called"),
    ),
    _Kind(THEM, (CRI,), CareStyle.PRACTICAL, (1,), ("Mum dropped off soup when I had the flu",)),
    _Kind(
        BOTH,
        (DEP,),
        CareStyle.PRESENCE,
        (1, 2),
        ("Long lunch with Mum", "Walk with Mum by the river"),
    ),
)
ROSA_SEASON = (
    _Kind(
        ME,
        (CRI,),
        CareStyle.PRACTICAL,
        (-1, 0, 1),
        (
            "Drove Mum to the hospital",
            "Picked up Mum's prescriptions",
            "Stayed over at Mum's after the operation",
        ),
    ),
    _Kind(
        ME,
        (DEP, CRI),
        CareStyle.LISTENING,
        (0, 1),
        (
            "Sat with Mum while she was scared about the results",
            "Talked Mum through the physio plan",
        ),
    ),
    _Kind(
        ME,
        (MNT,),
        CareStyle.PRACTICAL,
        (-1, 0),
        ("Did Mum's shopping", "Sorted Mum's post and bills"),
    ),
    _Kind(THEM, (DEP,), CareStyle.WORDS, (2,), ("Mum said how much the visits meant",)),
)
PRIYA = (
    _Kind(
        ME,
        (INI,),
        CareStyle.HUMOUR,
        (1, 2),
        ("Sent Priya the meme about our old flat", "Invited Priya to the quiz night"),
    ),
    _Kind(
        THEM,
        (INI,),
        CareStyle.HUMOUR,
        (1, 2),
        ("Priya sent a voice note that made me laugh", "Priya invited me to her climbing gym"),
    ),
    _Kind(BOTH, (MNT,), CareStyle.TIME, (2,), ("Board games at Priya's", "Long walk with Priya")),
    _Kind(
        THEM, (DEP,), CareStyle.LISTENING, (1,), ("Priya really listened about the promotion news",)
    ),
    _Kind(ME, (DEP,), CareStyle.WORDS, (1,), ("Celebrated Priya's new flat with her",)),
)
THEO = (
    _Kind(THEM, (INI,), CareStyle.TIME, (1,), ("Theo asked me to lunch",)),
    _Kind(ME, (DEP,), CareStyle.LISTENING, (0,), ("Coffee with Theo after the reorg news",)),
)


def build(today: date, seed: int = 7) -> tuple[list[Person], list[Season], list[Audit]]:
    """Every entity of the demo, not yet added to any session."""
    rng = random.Random(seed)
    start = today - timedelta(days=DAYS)
    sam = Person(
        name="Sam",
        kind=RelationshipKind.PARTNER,
        birthday=date(1990, 6, 2),
        my_care=[CareStyle.WORDS, CareStyle.LISTENING],
        their_care=[CareStyle.PRACTICAL, CareStyle.PRESENCE],
        note="Together six years.",
    )
    jordan = Person(
        name="Jordan",
        kind=RelationshipKind.FRIEND,
        birthday=date(1989, 11, 3),
        my_care=[CareStyle.WORDS, CareStyle.LISTENING],
        their_care=[CareStyle.HUMOUR],
        note="Friends since university.",
    )
    rosa = Person(
        name="Rosa",
        kind=RelationshipKind.FAMILY,
        birthday=date(1958, 2, 17),
        my_care=[CareStyle.PRACTICAL, CareStyle.TIME],
        their_care=[CareStyle.WORDS, CareStyle.PRACTICAL],
        note="Mum.",
    )
    priya = Person(
        name="Priya",
        kind=RelationshipKind.FRIEND,
        birthday=date(1992, 9, 21),
        my_care=[CareStyle.HUMOUR, CareStyle.TIME],
        their_care=[CareStyle.HUMOUR, CareStyle.LISTENING],
    )
    theo = Person(name="Theo", kind=RelationshipKind.COLLEAGUE)
    people = [sam, jordan, rosa, priya, theo]

    surgery = Season(
        person=rosa,
        kind=SeasonKind.ILLNESS,
        start=today - timedelta(days=200),
        end=today - timedelta(days=110),
        note="Hip operation and recovery.",
    )
    exams = Season(
        person=priya,
        kind=SeasonKind.EXAMS,
        start=today - timedelta(days=75),
        end=today - timedelta(days=50),
        note="Final accountancy exams.",
    )
    moving = Season(
        person=theo,
        kind=SeasonKind.MOVE,
        start=today - timedelta(days=24),
        note="Moving to a flat across town.",
    )
    seasons = [surgery, exams, moving]

    _add(sam, SAM, start, every=3, rng=rng)
    _add(jordan, JORDAN, start, every=6, rng=rng, weights=(5, 3, 3, 1, 1))
    _add(priya, PRIYA, start, every=9, rng=rng)
    for day in _days(today - timedelta(days=60), every=30, rng=rng, end=today):
        _moment(theo, rng.choice(THEO), day, rng)
    for day in _days(start, every=5, rng=rng):
        kinds = ROSA_SEASON if surgery.contains(day) else ROSA
        step = 2 if surgery.contains(day) else 1
        for _ in range(step):
            _moment(rosa, rng.choice(kinds), day, rng)

    audits = [
        _first_audit(today - timedelta(days=210), sam, jordan, rosa),
        _second_audit(today - timedelta(days=21), sam, jordan, rosa),
    ]
    return people, seasons, audits


def _days(
    start: date, *, every: int, rng: random.Random, end: date | None = None
) -> Iterator[date]:
    day = start + timedelta(days=rng.randint(0, every))
    end = end or start + timedelta(days=DAYS)
    while day < end:
        yield day
        day += timedelta(days=max(1, every + rng.randint(-every // 2, every // 2)))


def _add(
    person: Person,
    kinds: tuple[_Kind, ...],
    start: date,
    *,
    every: int,
    rng: random.Random,
    weights: tuple[int, ...] | None = None,
) -> None:
    for day in _days(start, every=every, rng=rng):
        kind = rng.choices(kinds, weights=weights)[0]
        _moment(person, kind, day, rng)


def _moment(person: Person, kind: _Kind, day: date, rng: random.Random) -> None:
    Moment(
        person=person,
        on=day,
        by=kind.by,
        dimensions=list(kind.dims),
        style=kind.style,
        energy=rng.choice(kind.energy),
        text=rng.choice(kind.texts),
    )


_ASKED = {
    Dimension.INITIATION: "first-contact",
    Dimension.DEPTH: "matched",
    Dimension.CRISIS: "my-crisis",
    Dimension.MAINTENANCE: "checking-in",
}
"""The guiding question each demo answer speaks to, unless it names another."""


def _rating(
    dim: Dimension,
    rating: int,
    direction: Direction,
    vision: str | None = None,
    answer: str = "",
    asked: str | None = None,
) -> DimensionRating:
    key = asked or _ASKED[dim]
    question = next(q.text for q in GUIDES[dim].questions if q.key == key)
    answers = [{"key": key, "question": question, "answer": answer}] if answer else []
    return DimensionRating(
        dimension=dim, rating=rating, direction=direction, vision=vision, answers=answers
    )


def _entry(
    person: Person,
    overall: int,
    direction: Direction,
    ratings: list[DimensionRating],
    vision: str | None = None,
) -> AuditEntry:
    return AuditEntry(
        person=person, rating=overall, direction=direction, vision=vision, ratings=ratings
    )


def _first_audit(on: date, sam: Person, jordan: Person, rosa: Person) -> Audit:
    me, them, mutual = Direction.ME, Direction.THEM, Direction.MUTUAL
    return Audit(
        on=on,
        note="First audit, on a quiet Sunday.",
        entries=[
            _entry(
                sam,
                4,
                them,
                [
                    _rating(INI, 4, me, answer="We both suggest plans, I a bit more."),
                    _rating(
                        DEP, 4, me, answer="Sam listens, though he goes quiet about his own worries."
                    ),
                    _rating(CRI, 5, mutual, answer="Sam was there every day when I had the flu."),
                    _rating(MNT, 3, them, answer="Sam handles most of the household upkeep."),
                ],
            ),
            _entry(
                jordan,
                2,
                me,
                [
                    _rating(
                        INI,
                        2,
                        me,
                        "A standing call every other Sunday that we take turns starting.",
                        "I start almost every conversation.",
                    ),
                    _rating(
                        DEP,
                        2,
                        me,
                        "Evenings where we each get time to talk, and I ask for the same attention when I share something.",
                        "I listen a lot; my news gets a quick reply.",
                    ),
                    _rating(CRI, 3, me, answer="Jordan helped me move, years ago."),
                    _rating(
                        MNT,
                        2,
                        me,
                        "Jordan remembering one or two things that matter to me, and me saying so when it happens.",
                        "I remember the dates; Jordan rarely does.",
                        asked="dates",
                    ),
                ],
                vision="A friendship where we both reach out, with a rhythm that does not depend on me remembering.",
            ),
            _entry(
                rosa,
                3,
                me,
                [
                    _rating(INI, 4, them, answer="Mum calls as often as I do."),
                    _rating(
                        DEP,
                        4,
                        me,
                        answer="We talk more openly since the diagnosis.",
                    ),
                    _rating(
                        CRI,
                        2,
                        me,
                        "Sharing the hospital runs with my brother, and telling Mum what help I can give each week.",
                        "Right now I am doing all of the hospital runs.",
                        asked="their-crisis",
                    ),
                    _rating(MNT, 4, me, answer="We both keep in touch."),
                ],
            ),
        ],
    )


def _second_audit(on: date, sam: Person, jordan: Person, rosa: Person) -> Audit:
    me, them, mutual = Direction.ME, Direction.THEM, Direction.MUTUAL
    return Audit(
        on=on,
        note="Seven months on.",
        entries=[
            _entry(
                sam,
                5,
                mutual,
                [
                    _rating(INI, 5, mutual),
                    _rating(DEP, 4, me),
                    _rating(CRI, 5, mutual),
                    _rating(MNT, 4, them),
                ],
            ),
            _entry(
                jordan,
                2,
                me,
                [
                    _rating(
                        INI,
                        1,
                        me,
                        "Jordan and I both making plans; I would like to ask directly whether a monthly dinner we alternate suits us.",
                        "Still me, nearly every time.",
                    ),
                    _rating(
                        DEP,
                        2,
                        me,
                        "When I share something hard, a question back; I can ask for that plainly.",
                        "Jordan shares a lot; my news gets little room.",
                    ),
                    _rating(CRI, 3, me),
                    _rating(
                        MNT,
                        2,
                        me,
                        "Keeping the birthday reminders mine, and letting go of keeping the thread alone.",
                        "The upkeep is all mine.",
                    ),
                ],
                vision="Talk with Jordan about what we each want from the friendship, and whether we can share the reaching out.",
            ),
            _entry(
                rosa,
                4,
                me,
                [
                    _rating(INI, 4, them),
                    _rating(DEP, 5, mutual),
                    _rating(CRI, 3, me),
                    _rating(MNT, 4, me),
                ],
            ),
        ],
    )


Practice = Ritual | CheckIn | Boundary | Win | RoleRotation | Rhythm | Occasion


def practices(today: date, people: list[Person]) -> list[Practice]:
    """The demo's rituals, check-ins, boundaries, wins and shared roles, with the people ``build`` made."""
    named = {p.name: p for p in people}
    sam, jordan, rosa, priya = (named[n] for n in ("Sam", "Jordan", "Rosa", "Priya"))

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    call = add_ritual(rosa, title="Sunday call with Mum", rule="every sunday", start=day(-120))
    dinner = add_ritual(
        jordan,
        title="Dinner, taking turns to host",
        rule="monthly on the first friday",
        start=day(-100),
        note="Agreed after the audit: we alternate who hosts and who picks the day.",
    )
    climbing = add_ritual(
        priya, title="Climbing", rule="fortnightly", start=day(-60), rotates=False
    )
    _keep(call, today, skip_every=5, leave_last_open=True)
    _keep(dinner, today, host_last="me")
    _keep(climbing, today)

    checkins = [
        _checkin(
            sam,
            day(-35),
            next_on=day(3),
            mine=("Sam took over the car insurance when I was swamped",
                  "The Sunday he planned just for us", ""),
            theirs=("When I listened to the job worries without fixing them",
                    "The note before the trip", "Evenings when we were both too tired to talk"),
            agreed=("Sam plans one weekend a month", "I say when I need quiet, instead of going silent"),
        ),
        _checkin(
            jordan,
            day(-50),
            next_on=day(-8),
            mine=("Drinks in the spring, when Jordan asked about my week first",
                  "The funny video out of the blue",
                  "Listening for an hour about work, with no question back"),
            theirs=("When I remembered the interview", "Being heard about work", ""),
            agreed=("Jordan suggests the next plan", "We each get time to talk when we meet"),
            outcomes=(AdjustmentOutcome.PARTLY, None),
        ),
    ]
    boundaries = [
        Boundary(
            person=jordan,
            area=BoundaryArea.EMOTIONAL_LABOUR,
            request=(
                "When you call to vent, I would like to ask first whether you want advice or "
                "someone to listen, and to end the call after an hour on weeknights."
            ),
            since=day(-50),
            review_on=day(10),
        ),
        Boundary(
            person=None,
            area=BoundaryArea.TIME,
            request="Weeknight evenings after nine are for rest; calls can wait until the morning.",
            since=day(-90),
            review_on=day(-5),
            note="My own limit, after a tiring spring.",
        ),
        Boundary(
            person=rosa,
            area=BoundaryArea.TIME,
            request="I take the Tuesday hospital runs and my brother takes the Fridays.",
            status=BoundaryStatus.RESPECTED,
            since=day(-190),
            review_on=day(60),
        ),
    ]
    wins = [
        Win(person=rosa, on=day(-100), text="Mum walked to the corner shop on her own."),
        Win(person=sam, on=day(-20), text="We planned the weekend together, without me starting it."),
        Win(person=jordan, on=day(-12), text="Jordan asked how my week was before talking about theirs."),
        Win(person=None, on=day(-8), text="Said no to an extra shift without apologising."),
    ]
    theo = named["Theo"]
    moving = next(s for s in theo.seasons if s.end is None)
    roles = RoleRotation(
        season=moving,
        person=theo,
        roles=["planner", "listener"],
        start=moving.start,
        every_days=7,
    )
    rhythms = [
        Rhythm(person=rosa, ideal_days=7, longest_days=14),
        Rhythm(person=jordan, ideal_days=10, longest_days=21),
        Rhythm(person=priya, ideal_days=14, longest_days=30),
    ]
    met = day(12)
    dates = [
        Occasion(
            person=sam,
            title="The day we met",
            on=date(met.year - 6, met.month, min(met.day, 28) if met.month == 2 else met.day),
        ),
        Occasion(person=priya, title="Priya's graduation", on=day(25), yearly=False),
    ]
    return [call, dinner, climbing, *checkins, *boundaries, *wins, roles, *rhythms, *dates]


def _keep(
    ritual: Ritual,
    today: date,
    *,
    skip_every: int = 0,
    leave_last_open: bool = False,
    host_last: str | None = None,
) -> None:
    """Mark the ritual's past occurrences done (a few skipped), hosts taking turns."""
    past = ritual.cadence.dates(ritual.start, today - timedelta(days=1))
    if leave_last_open and past and (today - past[-1]).days < 7:
        past = past[:-1]
    rotation = ritual.rotation if ritual.rotates else []
    done = 0
    for i, due in enumerate(past):
        if skip_every and i % skip_every == skip_every - 1:
            ritual.occurrences.append(Occurrence(due=due, status=OccurrenceStatus.SKIPPED))
            continue
        done += 1
        ritual.occurrences.append(Occurrence(due=due, status=OccurrenceStatus.DONE, on=due))
    if not rotation:
        return
    # Hosts alternate, so that the last one was ``host_last`` when it is given.
    last = rotation.index(host_last) if host_last in rotation else (done - 1) % len(rotation)
    hosted = [o for o in ritual.occurrences if o.status is OccurrenceStatus.DONE]
    for back, occurrence in enumerate(reversed(hosted)):
        occurrence.host = rotation[(last - back) % len(rotation)]
    ritual.next_position = (last + 1) % len(rotation) if hosted else 0


def _checkin(
    person: Person,
    on: date,
    *,
    next_on: date,
    mine: tuple[str, str, str],
    theirs: tuple[str, str, str],
    agreed: tuple[str, ...],
    outcomes: tuple[AdjustmentOutcome | None, ...] = (),
) -> CheckIn:
    record = CheckIn(person=person, on=on, next_on=next_on)
    for side, answers in (("me", mine), ("them", theirs)):
        for question, answer in zip(("supported", "meaningful", "drained"), answers, strict=True):
            setattr(record, f"{side}_{question}", answer)
    for i, text in enumerate(agreed):
        outcome = outcomes[i] if i < len(outcomes) else None
        record.adjustments.append(Adjustment(text=text, outcome=outcome))
    return record
