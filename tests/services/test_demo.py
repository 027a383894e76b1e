"""The demo shows what the product does: readings that speak, and the stories it tells."""

from __future__ import annotations

from datetime import date

import pytest

from reciprocity.patterns import FeltRating, Leaning, RelationshipPattern, analyse
from reciprocity.services import demo
from reciprocity.vocabulary import Dimension
from tests.cli_runner import Cli

INI, DEP, CRI, MNT = Dimension.INITIATION, Dimension.DEPTH, Dimension.CRISIS, Dimension.MAINTENANCE
DAYS = [date(2026, 11, 1), date(2026, 2, 28), date(2027, 3, 31), date(2028, 7, 15)]
"""Windows end on the same day of each month, so the demo is read on a few kinds of day."""
MOST_UNKNOWN = 0.3
"""Issue 14: at most 30 % of the demo's readings (5 people x 4 dimensions) may be unknown."""


def _patterns(today: date) -> dict[str, RelationshipPattern]:
    people, seasons, audits = demo.build(today)
    mine = [s for s in seasons if s.person is None]
    found = {}
    for person in people:
        entries = [e for a in audits for e in a.entries if e.person is person]
        felt = (
            {r.dimension: FeltRating(r.rating, r.direction) for r in entries[-1].ratings}
            if entries
            else {}
        )
        found[person.name] = analyse(
            person.name, person.moments, [*person.seasons, *mine], felt, today=today
        )
    return found


def unknown_share(patterns: dict[str, RelationshipPattern]) -> float:
    readings = [d for p in patterns.values() for d in p.dimensions.values()]
    return sum(d.leaning is Leaning.UNKNOWN for d in readings) / len(readings)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_at_most_thirty_percent_of_the_demos_readings_are_unknown(today: date) -> None:
    patterns = _patterns(today)
    assert len(patterns) * len(Dimension) == 20
    # Before issue 14: 16 of 20 (80 %). After: Theo's four, and Jordan's support in
    # hard times (there was no hard time to note), 5 of 20 (25 %).
    assert unknown_share(patterns) <= MOST_UNKNOWN


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_demo_still_tells_its_stories(today: date) -> None:
    found = _patterns(today)
    sam, jordan, rosa, priya, theo = (found[n] for n in ("Sam", "Jordan", "Rosa", "Priya", "Theo"))
    # Sam: mutual in every dimension, each of you in your own way; nothing chronic.
    for reading in sam.dimensions.values():
        assert reading.leaning is Leaning.MUTUAL and not reading.chronic
        assert reading.styles.differ, "Sam's care and yours take different forms"
    # Jordan: you carry more, as the resting pattern, outside any season.
    for dimension in (INI, DEP, MNT):
        reading = jordan.dimensions[dimension]
        assert reading.leaning is Leaning.ME and reading.chronic and not reading.in_season
    assert jordan.dimensions[CRI].leaning is Leaning.UNKNOWN
    assert jordan.dimensions[CRI].notes_needed == 6
    # Rosa: one-sided during her surgery (a season), flowing both ways again after it.
    during = [w for w in rosa.dimensions[CRI].windows if w.in_season and w.leaning.one_sided]
    assert during and all(w.leaning is Leaning.ME for w in during)
    assert not any(r.chronic for r in rosa.dimensions.values())
    for dimension in (INI, DEP, MNT):
        assert rosa.dimensions[dimension].leaning is Leaning.MUTUAL
    assert rosa.dimensions[CRI].in_season, "the physiotherapy runs, as she recovers"
    # Priya: light and mutual; her exams are a season in which you cheered her on.
    for dimension in (INI, DEP, MNT):
        assert priya.dimensions[dimension].leaning is Leaning.MUTUAL
    assert priya.season is not None and priya.season.kind == "exams"
    assert priya.dimensions[CRI].in_season and not priya.dimensions[CRI].chronic
    # Theo: too little noted to say anything, and each dimension says what would help.
    for reading in theo.dimensions.values():
        assert reading.leaning is Leaning.UNKNOWN and reading.notes_needed > 0
        assert reading.need


def test_the_share_through_the_command_line(demo_cli: Cli) -> None:
    everyone = demo_cli("patterns", "--json").json()
    readings = [d for p in everyone for d in p["dimensions"].values()]
    unknown = [d for d in readings if d["leaning"] == "unknown"]
    assert len(readings) == 20 and len(unknown) / len(readings) <= MOST_UNKNOWN
    assert all(d["notes_needed"] > 0 for d in unknown)
    assert all(d["notes_needed"] == 0 for d in readings if d["leaning"] != "unknown")
