"""The entry point: ``analyse`` one relationship from its flows, seasons and felt ratings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from operator import attrgetter

from reciprocity.coach import suggestions as words
from reciprocity.patterns.buckets import DIMENSIONS, GENERAL, bucket
from reciprocity.patterns.chronic import assess
from reciprocity.patterns.describe import dimension_notes, energy_words, explain_felt, need_words
from reciprocity.patterns.energy import read_energy
from reciprocity.patterns.felt import compare, suggest_rating
from reciprocity.patterns.inputs import FeltRating, FlowItem, SeasonSpan
from reciprocity.patterns.leaning import Leaning, WindowLeaning, notes_needed, reader
from reciprocity.patterns.result import (
    DimensionPattern,
    EnergyPattern,
    RelationshipPattern,
    Suggestion,
)
from reciprocity.patterns.settings import PatternSettings
from reciprocity.patterns.styles import summarise
from reciprocity.patterns.suggest import build_suggestions
from reciprocity.patterns.window import build_grid, season_marks
from reciprocity.vocabulary import Dimension

_ON = attrgetter("on")
DEFAULT_SETTINGS = PatternSettings()
SAFETY = "safety"
"""The key (and reason) of the one suggestion a relationship gets when ``safety`` is set."""


def analyse(
    person: str,
    flows: Iterable[FlowItem],
    seasons: Iterable[SeasonSpan],
    felt: Mapping[Dimension, FeltRating],
    *,
    today: date,
    settings: PatternSettings = DEFAULT_SETTINGS,
    safety: bool = False,
) -> RelationshipPattern:
    """The patterns of one relationship as of ``today``. Pure: no clock, no I/O.

    ``flows`` are the logged moments and chat evidence with this person (in any
    order; those after ``today`` are left out); ``seasons`` are this person's
    seasons and the user's own; ``felt`` holds the felt ratings of the latest
    audit (dimensions without one are simply absent). ``safety`` says the
    user's own words about this person speak of fear, control or harm
    (``reciprocity.coach.safety``): the practices then give way to one note that
    points to help.
    """
    items = flows if isinstance(flows, list) else list(flows)
    first = min(map(_ON, items), default=None)
    grid = build_grid(today, first, settings)
    buckets = bucket(items, grid)
    marks, season = season_marks(grid, seasons, settings)
    latest_in_season = marks[-1]

    read = reader(settings)
    spans = [buckets.span(w.first, w.last) for w in grid.windows]
    dimensions: dict[Dimension, DimensionPattern] = {}
    for index, dimension in enumerate(DIMENSIONS):
        mine, theirs, shared = buckets.counts[index * 3 : index * 3 + 3]
        series = tuple(
            WindowLeaning(
                w.start,
                w.end,
                read(mine[b] - mine[a], theirs[b] - theirs[a], shared[b] - shared[a]),
                mark,
            )
            for w, (a, b), mark in zip(grid.windows, spans, marks, strict=True)
        )
        current = series[-1].estimate
        persistence = assess(series, settings)
        suggested = suggest_rating(current, settings)
        felt_rating = felt.get(dimension)
        agreement = compare(felt_rating, suggested)
        styles = summarise(buckets, index)
        needed = notes_needed(current.me, current.them, current.both, settings)
        read_before = any(w.leaning is not Leaning.UNKNOWN for w in series)
        dimensions[dimension] = DimensionPattern(
            dimension=dimension,
            leaning=current.leaning,
            strength=current.strength,
            share_me=current.share_me,
            low=current.low,
            high=current.high,
            uncertainty=current.uncertainty,
            me=current.me,
            them=current.them,
            both=current.both,
            chronic=persistence.chronic,
            in_season=latest_in_season,
            change=persistence.change,
            one_sided_windows=persistence.one_sided,
            horizon_windows=persistence.horizon,
            suggested=suggested,
            felt=felt_rating,
            agreement=agreement,
            label=words.leaning_label(str(current.leaning), person, current.strength),
            notes_needed=needed,
            need=need_words(dimension, needed, read_before, settings),
            explanation=explain_felt(dimension, agreement, felt_rating, suggested, settings),
            notes=dimension_notes(
                person,
                current,
                persistence,
                season if latest_in_season else None,
                styles,
                settings,
            ),
            styles=styles,
            windows=series,
            mutual_band=settings.mutual_band,
        )

    latest = grid.windows[-1]
    untagged = buckets.untagged_count(latest.first, latest.last)
    reading = read_energy(grid, buckets, marks, settings)
    label, notes = energy_words(person, reading, settings)
    overall_styles = summarise(buckets, GENERAL)
    return RelationshipPattern(
        person=person,
        today=today,
        window_days=settings.window_days,
        dimensions=dimensions,
        energy=EnergyPattern(reading, label, notes),
        season=season,
        styles=overall_styles,
        suggestions=(Suggestion(SAFETY, None, SAFETY, words.SAFETY_NOTE.format(name=person)),)
        if safety
        else build_suggestions(
            person, dimensions, reading, season, overall_styles, settings, untagged=untagged
        ),
        safety=safety,
        untagged=untagged,
    )
