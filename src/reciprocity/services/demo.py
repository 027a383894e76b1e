"""A year in the life of someone with five close relationships: the demo dataset.

Deterministic for a given ``today`` and seed, and always ending on ``today`` so
that patterns look current (the moments sit a fixed number of days before
``today``, so the latest readings are the same whatever the day). It shows each
situation the product cares about, with readings that say something (at most
30 % of the twenty readings unknown; ``tests/services/test_demo.py``):

- Sam (partner): mutual in every dimension, with different styles each way
  (Sam gives practical help and presence; you give words and listening).
- Jordan (close friend): chronically one-sided: you start most contact, do
  most upkeep and most of the listening, outside any season, month after month.
  No hard time was noted, so support in hard times has nothing to say yet.
- Rosa (mother): one-sided during her surgery and recovery (a season), flowing
  both ways before and after; the physiotherapy runs are still yours.
- Priya (friend): mutual and light, mostly humour and time together; she had
  exams for a few weeks and you cheered her through each paper.
- Theo (colleague): only a few moments: not enough to say anything, and each
  dimension says what would help. He is moving flat (an ongoing season), and
  you share roles: one plans, one listens.
A person who uses the product notes a few moments a week about those closest
(more about a partner); each relationship's kinds of moment are dealt from a
shuffled deck, so every few weeks hold the mix its story tells.
And two audits, about seven months and three weeks ago; and the practices
(``practices``): a weekly call with Rosa, a monthly dinner with Jordan where
hosting alternates, fortnightly climbing with Priya, roles shared with Theo
during his move (switching weekly), two check-ins, three
boundaries and a few small wins.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
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
    """A kind of moment that recurs in a relationship: who gives, what it is, how often.

    ``weight`` is how many of each ``_deck`` of a relationship's moments are of
    this kind: the deck is shuffled and dealt out, then dealt again, so every
    stretch of a few weeks holds the mix the story tells (a person who notes
    a few moments a week), not whatever a run of dice happens to give.
    """

    by: Giver
    dims: tuple[Dimension, ...]
    style: CareStyle | None
    energy: tuple[int, ...]
    texts: tuple[str, ...]
    weight: int = 1


# Sam: both of you carry every dimension, each in your own way. Sam mostly with
# practical help and being there; you mostly with kind words and listening.
SAM = (
    _Kind(
        THEM,
        (MNT,),
        CareStyle.PRACTICAL,
        (1, 2),
        (
            "Sam fixed the bike before my early shift",
            "Sam sorted the car insurance without being asked",
            "Sam cooked when I came home wiped out",
        ),
        weight=3,
    ),
    _Kind(
        THEM,
        (CRI,),
        CareStyle.PRACTICAL,
        (1, 2),
        (
            "Sam looked after me all weekend when I had the flu",
            "Sam took the afternoon off when Dad was in hospital",
            "Sam came with me to the scan and waited",
        ),
        weight=4,
    ),
    _Kind(
        THEM,
        (INI,),
        CareStyle.PRESENCE,
        (1, 2),
        ("Sam suggested a walk when I was quiet", "Sam planned a Sunday just for us"),
        weight=4,
    ),
    _Kind(
        THEM,
        (DEP,),
        CareStyle.PRESENCE,
        (1, 2),
        (
            "Sam noticed I was low and asked what was going on",
            "Sam asked about the promotion news and wanted every detail",
        ),
        weight=3,
    ),
    _Kind(
        ME,
        (DEP,),
        CareStyle.LISTENING,
        (1, 2),
        (
            "Long talk with Sam about his worries at work",
            "Listened to Sam unpack the week",
            "Told Sam how proud I am of the new role",
        ),
        weight=3,
    ),
    _Kind(
        ME,
        (MNT,),
        CareStyle.WORDS,
        (1,),
        ("Left Sam a note before the trip", "Remembered Sam's launch day and sent good luck"),
        weight=3,
    ),
    _Kind(
        ME,
        (INI,),
        CareStyle.TIME,
        (1,),
        ("Booked the cinema for us", "Planned dinner with Sam's brother"),
        weight=4,
    ),
    _Kind(
        ME,
        (CRI,),
        CareStyle.LISTENING,
        (0, 1),
        (
            "Sat up with Sam after the redundancy scare",
            "Talked Sam through the night before his review",
            "Looked after Sam when his back went",
        ),
        weight=4,
    ),
    _Kind(
        BOTH,
        (DEP, MNT),
        CareStyle.TIME,
        (2,),
        ("Slow Saturday breakfast together", "Talked about next year over dinner"),
        weight=2,
    ),
)
# Jordan: you start most of the contact, remember most of the dates and do most of
# the listening, month after month, outside any season. Jordan is fun and does reach
# out now and then: the imbalance is the resting pattern, not the whole story.
JORDAN = (
    _Kind(
        ME,
        (INI,),
        CareStyle.WORDS,
        (-1, 0),
        (
            "Texted Jordan to see how the week was going",
            "Messaged Jordan, no reply for days",
            "Suggested coffee with Jordan again",
        ),
        weight=3,
    ),
    _Kind(
        ME,
        (INI, MNT),
        CareStyle.WORDS,
        (-1, 0),
        (
            "Remembered Jordan's interview and texted to ask how it went",
            "Asked Jordan how the dentist went",
            "Sent Jordan a card for the new job",
        ),
        weight=3,
    ),
    _Kind(
        ME,
        (INI, DEP),
        CareStyle.LISTENING,
        (-2, -1),
        (
            "Called Jordan; listened for an hour about work, no question back",
            "Checked in on Jordan after the row with their sister, and listened",
        ),
        weight=3,
    ),
    _Kind(
        ME,
        (DEP,),
        CareStyle.LISTENING,
        (-2, -1),
        ("Jordan called to vent, I listened", "Listened to Jordan's worries about the flat"),
        weight=2,
    ),
    _Kind(
        ME,
        (MNT,),
        CareStyle.WORDS,
        (0,),
        (
            "Booked the table for Jordan's birthday dinner",
            "Sent Jordan the article they had asked about",
        ),
        weight=2,
    ),
    _Kind(THEM, (INI,), CareStyle.HUMOUR, (1,), ("Jordan sent a funny video out of the blue",)),
    _Kind(BOTH, (INI,), CareStyle.TIME, (1, 0), ("Drinks with Jordan, nice evening",)),
)
# Rosa: a warm, two-way relationship; during her hip operation and recovery (a
# season) you do much more, as expected, and afterwards it flows both ways again,
# with the physiotherapy runs still yours for a while.
ROSA = (
    _Kind(ME, (MNT,), CareStyle.WORDS, (1,), ("Sunday call with Mum",)),
    _Kind(
        ME,
        (INI, MNT),
        CareStyle.WORDS,
        (1,),
        ("Called Mum after her doctor's visit", "Rang Mum to hear how the garden is doing"),
        weight=3,
    ),
    _Kind(
        THEM,
        (INI, MNT),
        CareStyle.WORDS,
        (1, 2),
        ("Mum rang to ask about my week", "Mum remembered the interview and called"),
        weight=3,
    ),
    _Kind(
        BOTH,
        (DEP,),
        CareStyle.PRESENCE,
        (1, 2),
        ("Long lunch with Mum", "Walk with Mum by the river"),
        weight=2,
    ),
    _Kind(THEM, (DEP,), CareStyle.WORDS, (1, 2), ("Mum listened to all my worries about work",)),
    _Kind(ME, (DEP,), CareStyle.LISTENING, (1,), ("Listened to Mum's stories about Dad",)),
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
        weight=2,
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
ROSA_PHYSIO = _Kind(
    ME,
    (CRI,),
    CareStyle.PRACTICAL,
    (0, 1),
    ("Drove Mum to physiotherapy", "Took Mum to her physio check-up"),
)
ROSA_FLU = _Kind(
    THEM, (CRI,), CareStyle.PRACTICAL, (1,), ("Mum dropped off soup when I had the flu",)
)
# Priya: light and mutual, humour and time together both ways; during her exams
# (a season) you cheered her through each paper.
PRIYA = (
    _Kind(
        ME,
        (INI,),
        CareStyle.HUMOUR,
        (1, 2),
        ("Sent Priya the meme about our old flat", "Invited Priya to the quiz night"),
        weight=2,
    ),
    _Kind(
        THEM,
        (INI,),
        CareStyle.HUMOUR,
        (1, 2),
        ("Priya sent a voice note that made me laugh", "Priya invited me to her climbing gym"),
        weight=2,
    ),
    _Kind(
        BOTH,
        (MNT,),
        CareStyle.TIME,
        (2,),
        ("Board games at Priya's", "Long walk with Priya"),
        weight=2,
    ),
    _Kind(
        BOTH,
        (DEP, MNT),
        CareStyle.TIME,
        (2,),
        ("Climbing with Priya, and a long talk after",),
    ),
    _Kind(
        THEM,
        (DEP,),
        CareStyle.LISTENING,
        (1,),
        ("Priya really listened about the promotion news", "Priya asked how Dad is doing"),
        weight=2,
    ),
    _Kind(
        ME,
        (DEP,),
        CareStyle.WORDS,
        (1,),
        ("Celebrated Priya's new flat with her", "Told Priya how brave the career switch is"),
        weight=2,
    ),
    _Kind(ME, (MNT,), CareStyle.WORDS, (1,), ("Checked in on Priya after her long week",)),
    _Kind(THEM, (MNT,), CareStyle.WORDS, (1,), ("Priya remembered my interview and texted",)),
)
PRIYA_EXAMS = _Kind(
    ME,
    (CRI,),
    CareStyle.WORDS,
    (1,),
    (
        "Sent Priya good luck before her paper",
        "Quizzed Priya on tax law over the phone",
        "Dropped off snacks for Priya's revision",
    ),
)
THEO = (
    _Kind(THEM, (INI,), CareStyle.TIME, (1,), ("Theo asked me to lunch",)),
    _Kind(ME, (DEP,), CareStyle.LISTENING, (0,), ("Coffee with Theo after the reorg news",)),
)


def build(today: date, seed: int = 7) -> tuple[list[Person], list[Season], list[Audit]]:
    """Every entity of the demo, not yet added to any session."""
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

    operated, healed = today - timedelta(days=200), today - timedelta(days=110)
    surgery = Season(
        person=rosa,
        kind=SeasonKind.ILLNESS,
        start=operated,
        end=healed,
        note="Hip operation and recovery.",
    )
    revising, examined = today - timedelta(days=75), today - timedelta(days=50)
    exams = Season(
        person=priya,
        kind=SeasonKind.EXAMS,
        start=revising,
        end=examined,
        note="Final accountancy exams.",
    )
    moving = Season(
        person=theo,
        kind=SeasonKind.MOVE,
        start=today - timedelta(days=24),
        note="Moving to a flat across town.",
    )
    seasons = [surgery, exams, moving]

    def rng(name: str) -> random.Random:
        # One generator per person, so changing one story leaves the others as they were.
        return random.Random(f"{seed}:{name}")

    sam_rng, jordan_rng, rosa_rng, priya_rng, theo_rng = map(
        rng, ("Sam", "Jordan", "Rosa", "Priya", "Theo")
    )
    _add(sam, SAM, _days(start, every=2, rng=sam_rng), sam_rng)
    _add(jordan, JORDAN, _days(start, every=3, rng=jordan_rng), jordan_rng)
    _add(priya, PRIYA, _days(start, every=3, rng=priya_rng), priya_rng)
    for day in _days(revising + timedelta(days=1), every=3, rng=priya_rng, end=examined):
        _moment(priya, PRIYA_EXAMS, day, priya_rng)
    # Theo: lunch eight weeks ago, coffee after the reorg news five and a half weeks ago.
    for kind, days_ago in zip(THEO, (55, 38), strict=True):
        _moment(theo, kind, today - timedelta(days=days_ago), theo_rng)
    quiet = today - timedelta(days=7)  # a week since you last spoke: the rhythm's nudge
    _add(
        rosa,
        ROSA,
        (d for d in _days(start, every=3, rng=rosa_rng, end=quiet) if not operated <= d <= healed),
        rosa_rng,
    )
    _add(
        rosa,
        ROSA_SEASON,
        _twice(_days(operated, every=4, rng=rosa_rng, end=healed)),
        rosa_rng,
    )
    recovered = today - timedelta(days=45)
    for day in _days(healed + timedelta(days=2), every=5, rng=rosa_rng, end=recovered):
        _moment(rosa, ROSA_PHYSIO, day, rosa_rng)
    _moment(rosa, ROSA_FLU, start + timedelta(days=40), rosa_rng)

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


def _twice(days: Iterable[date]) -> Iterator[date]:
    for day in days:
        yield day
        yield day


def _add(
    person: Person, kinds: tuple[_Kind, ...], days: Iterable[date], rng: random.Random
) -> None:
    """One moment on each of ``days``, dealt from a shuffled deck of ``kinds`` by weight."""
    deck: list[_Kind] = []
    for day in days:
        if not deck:
            deck = [kind for kind in kinds for _ in range(kind.weight)]
            rng.shuffle(deck)
        _moment(person, deck.pop(), day, rng)


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
                        DEP,
                        4,
                        me,
                        answer="Sam listens, though he goes quiet about his own worries.",
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
            mine=(
                "Sam took over the car insurance when I was swamped",
                "The Sunday he planned just for us",
                "",
            ),
            theirs=(
                "When I listened to the job worries without fixing them",
                "The note before the trip",
                "Evenings when we were both too tired to talk",
            ),
            agreed=(
                "Sam plans one weekend a month",
                "I say when I need quiet, instead of going silent",
            ),
        ),
        _checkin(
            jordan,
            day(-50),
            next_on=day(-8),
            mine=(
                "Drinks in the spring, when Jordan asked about my week first",
                "The funny video out of the blue",
                "Listening for an hour about work, with no question back",
            ),
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
        Win(
            person=sam, on=day(-20), text="We planned the weekend together, without me starting it."
        ),
        Win(
            person=jordan,
            on=day(-12),
            text="Jordan asked how my week was before talking about theirs.",
        ),
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
