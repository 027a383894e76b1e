"""The numbers behind the charts: positions, bands, gaps and seasons, as data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reciprocity.patterns import DimensionPattern, Leaning, analyse
from reciprocity.report.charts import BOTTOM, TOP, WIDTH, LineChart, energy_chart, leaning_chart
from reciprocity.vocabulary import CareStyle, Dimension, Giver, SeasonKind
from tests.patterns.support import PROPERTY

TODAY = date(2026, 11, 1)


@dataclass(frozen=True)
class Flow:
    on: date
    by: Giver
    dimensions: tuple[Dimension, ...]
    style: CareStyle | None = None
    energy: int | None = None


@dataclass(frozen=True)
class Span:
    start: date
    end: date | None
    kind: SeasonKind
    whose: str


def _year(by: Giver, energy: int | None = None, every: int = 3) -> list[Flow]:
    return [
        Flow(TODAY - timedelta(days=d), by, (Dimension.INITIATION,), energy=energy)
        for d in range(0, 365, every)
    ]


def test_a_one_sided_year_sits_high_with_a_band_around_it() -> None:
    pattern = analyse("Jordan", _year(Giver.ME), [], {}, today=TODAY)
    chart = leaning_chart(pattern.dimensions[Dimension.INITIATION], [], name="Jordan")
    assert chart.points, "one point per window"
    assert [p.x for p in chart.points] == sorted(p.x for p in chart.points)
    assert chart.points[0].x == 0 and chart.points[-1].x == WIDTH
    assert chart.reference_y == round((TOP + BOTTOM) / 2, 1)
    for point in chart.points:
        assert point.known and point.value > 0.8
        assert point.y < chart.reference_y  # up means "you carry more"
        assert point.y_high <= point.y <= point.y_low  # the band surrounds the line
        assert point.y_high >= TOP and point.y_low <= BOTTOM
    assert len(chart.lines) == 1 and len(chart.bands) == 1
    assert chart.lines[0].split()[0] == f"0,{chart.points[0].y:g}"
    assert "carrying more" in chart.description


def test_the_other_way_round_mirrors_the_chart() -> None:
    mine = leaning_chart(
        analyse("A", _year(Giver.ME), [], {}, today=TODAY).dimensions[Dimension.INITIATION],
        [],
        name="A",
    )
    theirs = leaning_chart(
        analyse("A", _year(Giver.THEM), [], {}, today=TODAY).dimensions[Dimension.INITIATION],
        [],
        name="A",
    )
    for a, b in zip(mine.points, theirs.points, strict=True):
        assert round(a.y + b.y, 1) == round(TOP + BOTTOM, 1)


def test_little_data_is_a_gap_with_a_mark_of_its_own() -> None:
    # Changed on purpose (issue 14): a window with too little to say was drawn as a
    # hollow dot at its estimate, joined to the line, which put "no data" on the even
    # line and one note above it. Now it is no point at all: a gap in the line, an
    # ``unread`` mark, and the text alternative says so. The wide interval is still
    # there in the reading itself.
    flows = [Flow(TODAY - timedelta(days=10), Giver.ME, (Dimension.DEPTH,))]
    reading = analyse("Theo", flows, [], {}, today=TODAY).dimensions[Dimension.DEPTH]
    chart = leaning_chart(reading, [], name="Theo")
    assert chart.points == () and chart.lines == () and chart.bands == ()
    assert [u.end for u in chart.unread] == [w.end for w in reading.windows]
    assert all(w.estimate.high - w.estimate.low > 0.4 for w in reading.windows)
    assert "Not enough to say yet." in chart.description
    assert reading.need in chart.description
    assert "nothing is drawn as even" in chart.description


def test_seasons_are_shaded_and_clipped_to_the_chart() -> None:
    flows = _year(Giver.THEM)
    seasons = [
        Span(TODAY - timedelta(days=120), TODAY - timedelta(days=60), SeasonKind.ILLNESS, "Rosa"),
        Span(TODAY - timedelta(days=2000), TODAY - timedelta(days=1900), SeasonKind.MOVE, "me"),
        Span(TODAY - timedelta(days=30), None, SeasonKind.EXAMS, "me"),
    ]
    pattern = analyse("Rosa", flows, seasons, {}, today=TODAY)
    chart = leaning_chart(pattern.dimensions[Dimension.INITIATION], seasons, name="Rosa")
    assert [band.label for band in chart.seasons] == ["Rosa's illness", "your exams"]
    illness, exams = chart.seasons
    assert 0 < illness.x < illness.x + illness.width < WIDTH
    assert exams.x + exams.width == WIDTH  # ongoing: shaded up to today


def test_energy_leaves_gaps_where_nothing_was_noted() -> None:
    early = [Flow(TODAY - timedelta(days=d), Giver.BOTH, (), energy=-2) for d in range(300, 360, 2)]
    late = [Flow(TODAY - timedelta(days=d), Giver.BOTH, (), energy=2) for d in range(0, 60, 2)]
    pattern = analyse("Sam", early + late, [], {}, today=TODAY)
    chart = energy_chart(pattern.energy, [], name="Sam")
    assert len(chart.lines) == 2, "a quiet stretch breaks the line"
    assert chart.points[0].value < 0 < chart.points[-1].value
    assert chart.points[0].y > chart.reference_y > chart.points[-1].y
    assert chart.title == "How time with Sam has felt"


def test_no_data_gives_an_empty_chart() -> None:
    pattern = analyse("New", [], [], {}, today=TODAY)
    energy = energy_chart(pattern.energy, [], name="New")
    assert energy.empty and energy.lines == () and energy.seasons == ()


def test_a_quiet_stretch_breaks_the_line_and_is_counted_in_words() -> None:
    # A year of notes by me, then nothing for the last four months.
    flows = [f for f in _year(Giver.ME) if (TODAY - f.on).days > 120]
    reading = analyse("Jordan", flows, [], {}, today=TODAY).dimensions[Dimension.INITIATION]
    chart = leaning_chart(reading, [], name="Jordan")
    unknown = [w for w in reading.windows if w.leaning is Leaning.UNKNOWN]
    assert unknown and len(chart.unread) == len(unknown)
    assert len(chart.points) == len(reading.windows) - len(unknown)
    assert chart.points[-1].end < reading.windows[-1].end, "no point for the quiet months"
    total = len(reading.windows)
    assert f"{len(unknown)} of the {total} windows had too little noted" in chart.description


def test_the_stripe_where_care_flows_both_ways() -> None:
    reading = analyse("A", [], [], {}, today=TODAY).dimensions[Dimension.DEPTH]
    chart = leaning_chart(reading, [], name="A")
    assert chart.zone is not None
    top, bottom = chart.zone
    assert top < chart.reference_y < bottom
    assert round(chart.reference_y - top, 1) == round(bottom - chart.reference_y, 1)
    assert round((bottom - top) / (BOTTOM - TOP), 3) == 2 * reading.mutual_band


def _agrees(chart: LineChart, reading: DimensionPattern) -> None:
    """The latest point sits on the side of the even line that the label names."""
    latest = reading.windows[-1]
    if reading.leaning is Leaning.UNKNOWN:
        assert not chart.points or chart.points[-1].end != latest.end
        assert chart.unread and chart.unread[-1].end == latest.end
        return
    point = chart.points[-1]
    assert point.end == latest.end
    assert point.value == round(reading.share_me, 3), "the same numbers"
    assert chart.zone is not None
    top, bottom = chart.zone
    if reading.leaning is Leaning.ME:
        assert point.y < top < chart.reference_y  # above the stripe: you carry more
    elif reading.leaning is Leaning.THEM:
        assert point.y > bottom > chart.reference_y
    else:
        assert top < point.y < bottom
    # Every window with a reading is a point, and only those.
    known = [w.end for w in reading.windows if w.leaning is not Leaning.UNKNOWN]
    assert [p.end for p in chart.points] == known


def test_the_demo_charts_agree_with_their_words() -> None:
    from reciprocity.services import demo

    for today in (TODAY, date(2026, 3, 1), date(2027, 6, 15)):
        people, _, _ = demo.build(today)
        for person in people:
            pattern = analyse(person.name, person.moments, person.seasons, {}, today=today)
            for reading in pattern.dimensions.values():
                _agrees(leaning_chart(reading, person.seasons, name=person.name), reading)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 400), st.sampled_from(list(Giver))), max_size=150))
def test_any_chart_agrees_with_its_words(notes: list[tuple[int, Giver]]) -> None:
    flows = [Flow(TODAY - timedelta(days=d), by, (Dimension.DEPTH,)) for d, by in notes]
    reading = analyse("A", flows, [], {}, today=TODAY).dimensions[Dimension.DEPTH]
    _agrees(leaning_chart(reading, [], name="A"), reading)


def test_a_chart_whose_windows_say_nothing_is_empty() -> None:
    few = [Flow(TODAY - timedelta(days=d), Giver.ME, (Dimension.DEPTH,)) for d in (3, 40, 200)]
    pattern = analyse("Few", few, [], {}, today=TODAY)
    depth = leaning_chart(pattern.dimensions[Dimension.DEPTH], [], name="Few")
    assert not any(p.known for p in depth.points) and depth.unread
    assert depth.empty, "hollow dots near the middle are not a reading to draw"
    many = [Flow(TODAY - timedelta(days=d), Giver.ME, (Dimension.DEPTH,)) for d in range(0, 60, 4)]
    drawn = leaning_chart(
        analyse("Many", many, [], {}, today=TODAY).dimensions[Dimension.DEPTH], [], name="Many"
    )
    assert not drawn.empty
