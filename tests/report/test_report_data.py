"""The numbers behind every chart of a report, as data, from a small hand-built dataset.

Expected values are worked out by hand from the chart geometry (noted beside
each), not read back from the code, so a change in layout or rules shows here
as a clear difference rather than a changed picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from reciprocity.patterns import FeltRating, RelationshipPattern, analyse
from reciprocity.practices.schedule import Kept
from reciprocity.report.charts import energy_chart, leaning_chart
from reciprocity.report.content import (
    AdjustmentEntry,
    BoundaryEntry,
    Practices,
    RelationshipReport,
    Report,
    RitualEntry,
    SeasonEntry,
    WinEntry,
    build,
)
from reciprocity.report.html import render_report
from reciprocity.report.ratings import AuditSnapshot, Rated, felt_chart, lean, trend_chart
from reciprocity.report.timeline import standing, timeline
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
    CareStyle,
    Dimension,
    Direction,
    Giver,
    RelationshipKind,
    SeasonKind,
)

TODAY = date(2026, 6, 15)
INI, DEP, CRI, MNT = Dimension.INITIATION, Dimension.DEPTH, Dimension.CRISIS, Dimension.MAINTENANCE
ME, THEM, MUTUAL = Direction.ME, Direction.THEM, Direction.MUTUAL


@dataclass(frozen=True)
class Flow:
    on: date
    by: Giver
    dimensions: tuple[Dimension, ...] = (INI,)
    style: CareStyle | None = None
    energy: int | None = None


def _audit(
    audit_id: int, on: date, ratings: dict[Dimension, tuple[int, Direction]]
) -> AuditSnapshot:
    return AuditSnapshot(
        audit_id=audit_id,
        on=on,
        overall=Rated(3, ME),
        dimensions={
            d: Rated(r, side, "Take turns planning our calls" if r <= 2 else None)
            for d, (r, side) in ratings.items()
        },
    )


FIRST = _audit(1, date(2026, 1, 10), {INI: (2, ME), DEP: (4, THEM), CRI: (5, MUTUAL), MNT: (3, ME)})
SECOND = _audit(2, date(2026, 6, 1), {INI: (3, ME), DEP: (4, THEM), CRI: (5, MUTUAL), MNT: (2, ME)})


def _felt(audit: AuditSnapshot) -> dict[Dimension, FeltRating]:
    return {d: FeltRating(r.rating, r.direction) for d, r in audit.dimensions.items()}


@pytest.fixture(scope="module")
def jordan() -> RelationshipPattern:
    """A year in which the user starts contact every other day, outside any season: chronic."""
    flows = [Flow(TODAY - timedelta(days=d), Giver.ME) for d in range(0, 365, 2)]
    return analyse("Jordan", flows, [], _felt(SECOND), today=TODAY)


def test_a_rating_sits_on_one_signed_axis() -> None:
    assert [lean(r, ME) for r in range(1, 6)] == [4, 3, 2, 1, 0]
    assert [lean(r, THEM) for r in range(1, 6)] == [-4, -3, -2, -1, 0]
    assert lean(5, MUTUAL) == 0 and lean(4, MUTUAL) == 0


def test_the_trend_across_audits() -> None:
    chart = trend_chart([SECOND, FIRST], name="Jordan")  # order of arrival does not matter
    # Five panels of 120 units; dots 16 units in from each side; the plot runs from
    # y=44 (lean +4) to y=136 (lean -4), so lean 0 is at 90 and each step is 11.5.
    assert [(p.key, p.x, p.width) for p in chart.panels] == [
        ("initiation", 0.0, 120.0),
        ("depth", 120.0, 120.0),
        ("crisis", 240.0, 120.0),
        ("maintenance", 360.0, 120.0),
        ("overall", 480.0, 120.0),
    ]
    assert chart.reference_y == 90.0
    numbers = {
        p.key: [(q.on.isoformat() if q.on else "", q.rating, q.lean, q.x, q.y) for q in p.points]
        for p in chart.panels
    }
    assert numbers == {
        "initiation": [("2026-01-10", 2, 3, 16.0, 55.5), ("2026-06-01", 3, 2, 104.0, 67.0)],
        "depth": [("2026-01-10", 4, -1, 136.0, 101.5), ("2026-06-01", 4, -1, 224.0, 101.5)],
        "crisis": [("2026-01-10", 5, 0, 256.0, 90.0), ("2026-06-01", 5, 0, 344.0, 90.0)],
        "maintenance": [("2026-01-10", 3, 2, 376.0, 67.0), ("2026-06-01", 2, 3, 464.0, 55.5)],
        "overall": [("2026-01-10", 3, 2, 496.0, 67.0), ("2026-06-01", 3, 2, 584.0, 67.0)],
    }
    assert chart.panels[0].line == "16,55.5 104,67"
    assert "from 10 Jan 2026 to 1 Jun 2026" in chart.description
    assert "Initiation: 2 · you carry more, 3 · you carry more." in chart.description


def test_one_audit_sits_in_the_middle_of_each_panel_with_no_line() -> None:
    chart = trend_chart([FIRST], name="Jordan")
    assert [p.points[0].x for p in chart.panels] == [60.0, 180.0, 300.0, 420.0, 540.0]
    assert all(p.line == "" for p in chart.panels)
    assert trend_chart([], name="Jordan").empty


def test_felt_beside_evidence(jordan: RelationshipPattern) -> None:
    chart = felt_chart(jordan, name="Jordan")
    # The lean axis runs from x=170 (lean -4, Jordan carries all) to x=590 (lean +4);
    # roughly mutual is the middle, 380, and each step is 52.5.
    assert chart.reference_x == 380.0
    assert chart.ticks == (170.0, 222.5, 275.0, 327.5, 380.0, 432.5, 485.0, 537.5, 590.0)

    def row(point: object) -> tuple[int, float] | None:
        return None if point is None else (point.rating, point.x)  # type: ignore[attr-defined]

    assert [(r.dimension, r.y, row(r.felt), row(r.evidence)) for r in chart.rows] == [
        # Every other day the user reached out: the notes suggest 1 ("you carry all").
        (INI, 44.0, (3, 485.0), (1, 590.0)),
        (DEP, 74.0, (4, 327.5), None),
        (CRI, 104.0, (5, 380.0), None),
        (MNT, 134.0, (2, 537.5), None),
    ]
    assert "Initiation: felt 3, you carry more; notes suggest 1, you carry more." in (
        chart.description
    )
    assert "Depth: felt 4, Jordan carries more; notes suggest none yet." in chart.description


def test_the_timeline_of_a_chronic_imbalance(jordan: RelationshipPattern) -> None:
    chart = timeline(jordan, [])
    initiation = chart.rows[0]
    # Windows end on the 15th of each month; the first column starts a month before the
    # first window's end (14 June 2025), so 366 days span 600 units.
    assert len(initiation.cells) == 12
    first, last = initiation.cells[0], initiation.cells[-1]
    assert (first.start, first.end, first.x, first.width) == (
        date(2025, 6, 14),
        date(2025, 7, 15),
        0.0,
        50.8,
    )
    assert (last.start, last.end, last.x, last.width) == (
        date(2026, 5, 15),
        date(2026, 6, 15),
        549.2,
        50.8,
    )
    february = initiation.cells[8]  # 28 days: the narrowest column
    assert (february.x, february.width) == (403.3, 45.9)
    assert {c.state for c in initiation.cells} == {"me"}
    assert round(sum(c.width for c in initiation.cells), 1) == 600.0
    assert [r.standing for r in chart.rows] == ["chronic", "unknown", "unknown", "unknown"]
    assert initiation.statement.startswith("Chronic: you have been carrying more")
    assert chart.rows[1].statement.startswith("Not enough noted lately to say.")
    assert [(r.y, r.label_y) for r in chart.rows] == [
        (34.0, 30.0),
        (66.0, 62.0),
        (98.0, 94.0),
        (130.0, 126.0),
    ]
    assert chart.height == 168 and chart.seasons == ()
    assert [(label.x, label.text) for label in chart.labels] == [
        (0.0, "Jun 2025"),
        (600.0, "Jun 2026"),
    ]


def test_the_timeline_inside_a_season_says_temporary() -> None:
    flows = [Flow(TODAY - timedelta(days=d), Giver.THEM, (CRI,)) for d in range(0, 100, 2)]
    seasons = [SeasonEntry(TODAY - timedelta(days=110), None, SeasonKind.ILLNESS, "Rosa")]
    pattern = analyse("Rosa", flows, seasons, {}, today=TODAY)
    chart = timeline(pattern, seasons)
    crisis = chart.rows[2]
    assert [(c.x, c.width, c.state, c.in_season) for c in crisis.cells] == [
        (0.0, 151.2, "unknown", True),
        (151.2, 151.2, "them", True),
        (302.4, 146.4, "them", True),
        (448.8, 151.2, "them", True),
    ]
    assert crisis.standing == "season" == standing(pattern.dimensions[CRI])
    assert crisis.statement.startswith("Temporary: Rosa has been carrying more")
    assert "during Rosa's illness" in crisis.statement
    assert "not a reason to step back" in crisis.statement
    # The columns run from 12 Feb (a month before the first window's end, 15 Mar) to
    # today: 123 days. The season began on 25 Feb, 13 days in (600 * 13 / 123 = 63.4),
    # and is still going, so it is shaded to the right edge.
    assert [(band.x, band.width, band.label) for band in chart.seasons] == [
        (63.4, 536.6, "Rosa's illness")
    ]


def test_mutual_and_recent_change_are_not_called_chronic() -> None:
    alternating = [
        Flow(TODAY - timedelta(days=d), Giver.ME if d % 2 else Giver.THEM) for d in range(0, 365)
    ]
    mutual = analyse("Priya", alternating, [], {}, today=TODAY)
    assert standing(mutual.dimensions[INI]) == "mutual"
    turned = [f for f in alternating if f.on < TODAY - timedelta(days=90)]
    turned += [Flow(TODAY - timedelta(days=d), Giver.ME) for d in range(0, 90)]
    recent = analyse("Priya", turned, [], {}, today=TODAY)
    assert standing(recent.dimensions[INI]) in ("change", "passing")
    assert not recent.dimensions[INI].chronic


def _report(pattern: RelationshipPattern, practices: Practices | None = None) -> RelationshipReport:
    return build(
        name="Jordan",
        kind=RelationshipKind.FRIEND,
        my_care=[CareStyle.WORDS],
        their_care=[CareStyle.HUMOUR],
        pattern=pattern,
        audits=[SECOND, FIRST],
        seasons=[SeasonEntry(date(2026, 2, 1), date(2026, 3, 1), SeasonKind.MOVE, "me")],
        practices=practices,
    )


def test_the_report_draws_the_same_charts_as_the_web_app(jordan: RelationshipPattern) -> None:
    report = _report(jordan)
    assert [a.audit_id for a in report.audits] == [1, 2] and report.latest is SECOND
    seasons = report.seasons
    for dimension, reading in jordan.dimensions.items():
        assert report.figures.leaning[dimension] == leaning_chart(reading, seasons, name="Jordan")
    assert report.figures.energy == energy_chart(jordan.energy, seasons, name="Jordan")
    assert report.figures.trend == trend_chart([FIRST, SECOND], name="Jordan")
    assert report.figures.felt == felt_chart(jordan, name="Jordan")
    assert [b.label for b in report.figures.timeline.seasons] == ["your move"]
    assert report.standings == {INI: "chronic", DEP: "unknown", CRI: "unknown", MNT: "unknown"}
    assert SECOND.visions == ((str(MNT), SECOND.dimensions[MNT]),)


def test_every_section_shows_what_was_gathered(jordan: RelationshipPattern) -> None:
    practices = Practices(
        last_checkin=date(2026, 6, 1),
        next_checkin=date(2026, 6, 29),
        adjustments=(
            AdjustmentEntry(date(2026, 6, 1), "Alternate who books the Sunday call", None),
            AdjustmentEntry(date(2026, 5, 1), "Share the birthday list", AdjustmentOutcome.PARTLY),
        ),
        boundaries=(
            BoundaryEntry(
                BoundaryArea.TIME,
                "Calls after ten can wait until morning",
                BoundaryStatus.ACTIVE,
                date(2026, 4, 1),
                date(2026, 7, 1),
            ),
        ),
        rituals=(
            RitualEntry(
                "Sunday walk", Kept(5, 1, 1, date(2025, 12, 15)), "Jordan", date(2026, 6, 21)
            ),
        ),
        wins=(WinEntry(date(2026, 6, 10), "Jordan called first about the move"),),
        earlier_wins=3,
    )
    html = render_report(Report(TODAY, "Jordan", (_report(jordan, practices),)))
    assert "<title>You and Jordan: a report</title>" in html
    for expected in (
        "Alternate who books the Sunday call",
        "not looked at yet",
        "partly happened",
        "Calls after ten can wait until morning",
        "time · since 1 Apr 2026",
        "look at it again on 1 Jul 2026",
        "Sunday walk",
        "kept 5 of 6 since 15 Dec 2025 (1 skipped by choice)",
        "Jordan hosts next",
        "Jordan called first about the move",
        "3 earlier wins are kept too.",
        "Last check-in: 1 Jun 2026. Next one planned for 29 Jun 2026.",
        "Take turns planning our calls",  # the vision for maintenance, rated 2
        "1 further from mutual",  # maintenance went from 3 to 2
        "1 closer to mutual",  # initiation went from 2 to 3
        "Chronic: you have been carrying more",
        "Your move, 1 Feb 2026 to 1 Mar 2026",
    ):
        assert expected in html, expected
    # Trend, felt and timeline, and initiation's months: the only dimension with a reading.
    # Depth, crisis and maintenance had too few notes in every window, and no energy was noted:
    # those charts are not drawn, and one sentence says why.
    assert html.count("<svg") == 1 + 1 + 1 + 1
    assert (
        "Depth, crisis response and maintenance are not drawn: no month has had enough notes "
        "about them yet to say which way care leaned." in html
    )
