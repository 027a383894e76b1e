"""The numbers behind the charts: positions, bands, gaps and seasons, as data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reciprocity.patterns import analyse
from reciprocity.report.charts import BOTTOM, TOP, WIDTH, energy_chart, leaning_chart
from reciprocity.vocabulary import CareStyle, Dimension, Giver, SeasonKind

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


def test_little_data_is_drawn_hollow_and_wide() -> None:
    flows = [Flow(TODAY - timedelta(days=10), Giver.ME, (Dimension.DEPTH,))]
    chart = leaning_chart(
        analyse("Theo", flows, [], {}, today=TODAY).dimensions[Dimension.DEPTH], [], name="Theo"
    )
    assert chart.points and not any(p.known for p in chart.points)
    assert all(p.high - p.low > 0.4 for p in chart.points)


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


def test_a_chart_whose_windows_say_nothing_is_empty() -> None:
    few = [Flow(TODAY - timedelta(days=d), Giver.ME, (Dimension.DEPTH,)) for d in (3, 40, 200)]
    pattern = analyse("Few", few, [], {}, today=TODAY)
    depth = leaning_chart(pattern.dimensions[Dimension.DEPTH], [], name="Few")
    assert depth.points and not any(p.known for p in depth.points)
    assert depth.empty, "hollow dots near the middle are not a reading to draw"
    many = [Flow(TODAY - timedelta(days=d), Giver.ME, (Dimension.DEPTH,)) for d in range(0, 60, 4)]
    drawn = leaning_chart(analyse("Many", many, [], {}, today=TODAY).dimensions[Dimension.DEPTH],
                          [], name="Many")
    assert not drawn.empty
