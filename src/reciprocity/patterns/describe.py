"""Readings into words: labels, notes and the felt-versus-evidence explanation.

The analysis decides which words apply; the words themselves live in
``reciprocity.coach.suggestions``.
"""

from __future__ import annotations

from reciprocity.coach import suggestions as words
from reciprocity.patterns.chronic import Persistence
from reciprocity.patterns.energy import EnergyReading
from reciprocity.patterns.felt import Agreement, SuggestedRating
from reciprocity.patterns.inputs import FeltRating
from reciprocity.patterns.leaning import Leaning, ShareEstimate
from reciprocity.patterns.settings import PatternSettings
from reciprocity.patterns.styles import StyleSummary
from reciprocity.patterns.window import SeasonNote
from reciprocity.vocabulary import Dimension


def season_words(season: SeasonNote, name: str) -> str:
    return words.season_phrase(season.kind, season.whose, name)


def explain_felt(
    dimension: Dimension,
    agreement: Agreement,
    felt: FeltRating | None,
    suggested: SuggestedRating | None,
    settings: PatternSettings,
) -> str:
    """The felt rating beside the evidence, in plain words."""
    text = words.FELT_VS_EVIDENCE[agreement].format(
        felt="" if felt is None else felt.rating,
        suggested="" if suggested is None else suggested.rating,
        days=settings.window_days,
    )
    if dimension is Dimension.DEPTH:
        text += words.DEPTH_NOTE
    return text


def need_words(
    dimension: Dimension, needed: int, read_before: bool, settings: PatternSettings
) -> str:
    """``notes_needed`` in words: empty when the window already says something."""
    if needed == 0:
        return ""
    return words.need_sentence(
        words.dimension_name(str(dimension)),
        needed,
        first=not read_before,
        days=settings.window_days,
    )


def dimension_notes(
    name: str,
    estimate: ShareEstimate,
    persistence: Persistence,
    season: SeasonNote | None,
    styles: StyleSummary,
    settings: PatternSettings,
) -> tuple[str, ...]:
    """Context beside a dimension's leaning: little data, season, chronic, change, styles."""
    notes: list[str] = []
    days = settings.window_days
    if estimate.moments == 0:
        notes.append(words.NOTE_NOTHING_NOTED.format(days=days))
    elif estimate.moments < settings.min_moments:
        few = words.NOTE_ONE_MOMENT if estimate.moments == 1 else words.NOTE_LITTLE_DATA
        notes.append(few.format(moments=estimate.moments, days=days))
    elif estimate.leaning is Leaning.UNKNOWN:
        notes.append(words.NOTE_UNSURE.format(moments=estimate.moments, days=days))
    if season is not None:
        notes.append(words.NOTE_IN_SEASON.format(season=season_words(season, name)))
    if persistence.chronic and persistence.side is not None:
        notes.append(
            words.NOTE_CHRONIC[persistence.side].format(
                name=name,
                count=persistence.one_sided * settings.step_months,
                horizon=persistence.horizon * settings.step_months,
            )
        )
    if persistence.change is not None:
        notes.append(words.NOTE_CHANGE[persistence.change].format(name=name))
    if styles.differ:
        notes.append(
            words.NOTE_STYLES.format(
                name=name,
                mine=words.styles_phrase([str(s) for s, _ in styles.mine]),
                theirs=words.styles_phrase([str(s) for s, _ in styles.theirs]),
            )
        )
    return tuple(notes)


def energy_words(
    name: str, reading: EnergyReading, settings: PatternSettings
) -> tuple[str, tuple[str, ...]]:
    """A label for the energy reading and the notes beside it."""
    latest = reading.latest
    label = words.energy_label(str(latest.state), str(reading.trend))
    notes: list[str] = []
    if latest.moments < settings.energy_min_moments:
        template = {0: words.ENERGY_NOTHING_NOTED, 1: words.ENERGY_ONE_MOMENT}.get(
            latest.moments, words.ENERGY_LITTLE_DATA
        )
        notes.append(template.format(moments=latest.moments, days=settings.window_days, name=name))
    if reading.recurring_drain:
        notes.append(
            words.ENERGY_RECURRING.format(
                count=reading.draining_months * settings.step_months,
                months=reading.months * settings.step_months,
                name=name,
            )
        )
    return label, tuple(notes)
