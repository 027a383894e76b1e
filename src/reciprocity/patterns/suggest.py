"""Suggestions drawn from the practices: reflection prompts and invitations.

Which prompts apply, in the order they are shown:

1. Recurring drain: pause and take stock, and lean on other support too
   (other friends, a professional); a check-in about where it felt heavy; a
   request for time to listen without fixing. A drained or falling energy
   reading without recurring drain brings the last two.
2. In a season: patience and what support fits it (and taking turns at
   planning and listening when energy is low as well).
3. Per dimension, when the felt rating is at or below ``low_rating`` (or, with
   no felt rating, the suggested one is), or the imbalance is chronic, the
   dimension's practice: a ritual with alternating initiation (initiation),
   prompts about meeting hard and good news (depth), a conversation about what
   support in a hard time looks like (crisis), shared upkeep (maintenance).
   Not inside a season, where the season's prompt speaks instead. A recent
   change asks what changed; an easing back to mutual is a small win; a
   chronic lean toward the other person asks what would feel supportive to
   them; felt and evidence that clearly differ invite the other person's view
   (people see their own giving more readily: Buunk & Hoorens 1992).
4. When the two of you show care in different styles and something leans,
   ask what made each feel supported (styles are never assumed to compensate).
5. When moments of the latest window were noted with no dimension and some
   dimension has too little to say, say that naming what each was about would
   let them count (they count only for energy until then).

Nothing here ever suggests withdrawing or giving less.
"""

from __future__ import annotations

from collections.abc import Mapping

from reciprocity.coach import suggestions as words
from reciprocity.patterns.chronic import Change
from reciprocity.patterns.describe import season_words
from reciprocity.patterns.energy import EnergyReading, EnergyState, Trend
from reciprocity.patterns.leaning import Leaning
from reciprocity.patterns.result import DimensionPattern, Suggestion
from reciprocity.patterns.settings import PatternSettings
from reciprocity.patterns.styles import StyleSummary
from reciprocity.patterns.window import SeasonNote
from reciprocity.vocabulary import Dimension, Direction

PRACTICE: dict[Dimension, str] = {
    Dimension.INITIATION: "ritual-alternating-initiation",
    Dimension.DEPTH: "depth-prompts",
    Dimension.CRISIS: "crisis-support-conversation",
    Dimension.MAINTENANCE: "shared-upkeep",
}


class _Collector:
    """Suggestions in order, each (key, dimension) at most once."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Suggestion] = []
        self.seen: set[tuple[str, Dimension | None]] = set()

    def add(
        self,
        key: str,
        reason: str,
        dimension: Dimension | None = None,
        variant: str | None = None,
        **values: str,
    ) -> None:
        if (key, dimension) in self.seen:
            return
        self.seen.add((key, dimension))
        if dimension is not None:
            values.setdefault("dimension", words.dimension_name(str(dimension)))
        text = words.suggestion_text(key, variant, name=self.name, **values)
        self.items.append(Suggestion(key, dimension, reason, text))


def _attention(pattern: DimensionPattern, settings: PatternSettings) -> tuple[str, str] | None:
    """Why a dimension draws its practice, and which way it leans, or None."""
    felt, suggested = pattern.felt, pattern.suggested
    if felt is not None and felt.rating <= settings.low_rating:
        return "felt-rating-low", str(felt.direction)
    if pattern.chronic:
        return "chronic", str(pattern.leaning)
    if felt is None and suggested is not None and suggested.rating <= settings.low_rating:
        return "suggested-rating-low", str(suggested.direction)
    return None


def build_suggestions(
    name: str,
    dimensions: Mapping[Dimension, DimensionPattern],
    energy: EnergyReading,
    season: SeasonNote | None,
    styles: StyleSummary,
    settings: PatternSettings,
    *,
    untagged: int = 0,
) -> tuple[Suggestion, ...]:
    """Apply the rules in the module notes, in order."""
    out = _Collector(name)
    latest = energy.latest
    heavy = latest.state is EnergyState.DRAINED or (
        energy.trend is Trend.FALLING and latest.state is not EnergyState.NOURISHED
    )
    if energy.recurring_drain:
        out.add("other-support", "recurring-drain")
    if energy.recurring_drain or heavy:
        reason = "recurring-drain" if energy.recurring_drain else "energy-low"
        out.add("check-in-energy", reason)
        out.add("listening-time-blocks", reason)
    if season is not None:
        variant = "me" if season.whose == "me" else None
        out.add("season-patience", "in-season", None, variant, season=season_words(season, name))
        if energy.recurring_drain or heavy:
            out.add("rotate-roles", "in-season")
    for dimension, pattern in dimensions.items():
        attention = _attention(pattern, settings)
        if attention is not None and not pattern.in_season:
            reason, side = attention
            variant = side if side in (Direction.ME, Direction.THEM) else None
            out.add(PRACTICE[dimension], reason, dimension, variant)
        if pattern.chronic and pattern.leaning is Leaning.THEM:
            out.add("receiving-more", "chronic", dimension)
        if pattern.change in (Change.TOWARD_ME, Change.TOWARD_THEM):
            out.add("notice-change", "change", dimension)
        elif pattern.change is Change.TOWARD_MUTUAL:
            out.add("small-win", "change", dimension)
        if pattern.agreement.differs:
            out.add("compare-views", str(pattern.agreement), dimension)
    leans = any(
        p.leaning.one_sided or _attention(p, settings) is not None for p in dimensions.values()
    )
    if leans and (styles.differ or any(p.styles.differ for p in dimensions.values())):
        out.add("ways-of-caring", "styles-differ")
    if untagged and any(p.leaning is Leaning.UNKNOWN for p in dimensions.values()):
        text = words.suggestion_text(
            "name-dimensions",
            "one" if untagged == 1 else None,
            name=name,
            count=words.number_word(untagged).capitalize(),
            days=str(settings.window_days),
            dimension=words.dimension_choices(),
        )
        out.items.append(Suggestion("name-dimensions", None, "untagged", text))
    return tuple(out.items)
