"""The product's names for its own vocabulary, the same on every face.

Kinds of season and ways of caring as a person reads them ("new baby",
"practical help"), where the stored values are words for scripts
(``new-baby``, ``practical``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from reciprocity.coach.suggestions import STYLE_WORDS
from reciprocity.vocabulary import CareStyle, Dimension, RelationshipKind, SeasonKind

SEASON_KIND_WORDS = {kind: kind.value.replace("-", " ") for kind in SeasonKind}


def day_words(day: date | str) -> str:
    """ "14 Mar 2026": a date as every face shows it to a person (from a date, or ISO text)."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def day_month_words(day: date | str) -> str:
    """ "3 Nov": a day that comes back every year (a birthday), in the same style."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {day.strftime('%b')}"


def moment_words(when: datetime | str) -> str:
    """ "14 Mar 2026, 09:05": a moment in time, in the same date style (or from ISO text)."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return f"{day_words(when.date())}, {when:%H:%M}"


def counted(count: int, one: str, many: str | None = None) -> str:
    """ "1 moment", "3 moments", "1 audit entry", "2 audit entries": a count with its noun.

    Every sentence where a number meets a noun says it through here, so a count
    of one never reads "1 moments".
    """
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


COUNT_NOUNS = {
    "people": ("person", "people"),
    "moments": ("moment", "moments"),
    "seasons": ("season", "seasons"),
    "audits": ("audit", "audits"),
    "chats": ("imported chat", "imported chats"),
    "ratings": ("audit entry", "audit entries"),
    "messages": ("message", "messages"),
    "conversations": ("conversation", "conversations"),
    "rituals": ("ritual", "rituals"),
    "planned_checkins": ("planned check-in", "planned check-ins"),
    "days": ("day", "days"),
}
"""What a count of each kind of thing is called, one and many."""


def counts_words(counts: Mapping[str, object]) -> dict[str, object]:
    """``{"people": 1, "moments": 3}`` as ``{"people": "1 person", "moments": "3 moments"}``.

    Counts of what ``COUNT_NOUNS`` names are said with their noun; anything
    else (a path, a name) is passed on as it is, for ``str.format``.
    """
    said: dict[str, object] = {}
    for key, value in counts.items():
        nouns = COUNT_NOUNS.get(key)
        number = str(value)
        if nouns is not None and number.isdigit():
            said[key] = counted(int(number), *nouns)
        else:
            said[key] = value
    return said


def style_word(style: CareStyle | str) -> str:
    return STYLE_WORDS.get(str(style), str(style))


def style_list(styles: Iterable[CareStyle | str]) -> str:
    """ "listening, practical help"; empty when none are given."""
    return ", ".join(style_word(s) for s in styles)


# -- patterns and charts --------------------------------------------------

CHRONIC = "chronic"
PASSING = "temporary"
"""One pair of words, on every face and in the report, for how an imbalance stands."""
IN_SEASON = "in a season"
CHRONIC_HINT = "Seen outside any season for two or more months in a row."
CHART_LEANING_TITLE = "{dimension} over time"
CHART_ENERGY_TITLE = "How time with {name} has felt"
CHART_UP_ME = "↑ you carry more"
CHART_EVEN = "even"
CHART_DOWN_THEM = "↓ {name} carries more"
CHART_NOURISHED = "↑ nourished"
CHART_NEUTRAL = "neither"
CHART_DRAINED = "↓ drained"
CHART_IN_SEASON = "The latest months fall inside a season, when one side needing more is expected."
CHART_LEGEND = (
    "Each dot is a three-month window; the shaded band shows how sure the reading is, "
    "wider when little was noted; the pale stripe around the even line is where care "
    "counts as flowing both ways; a gap marked by a faint dashed upright line is a window "
    "with too little noted to say anything; tinted stretches are seasons."
)
CHART_UNREAD = "not enough to say"
CHART_GAPS = (
    "{count} of the {total} windows had too little noted to say anything; they are left "
    "as gaps, not drawn as even."
)
CHART_ALL_GAPS = (
    "No window yet has enough noted to say anything, so no line is drawn, and nothing is "
    "drawn as even."
)
DIMENSION_TITLES = {
    Dimension.INITIATION: "Initiation",
    Dimension.DEPTH: "Depth",
    Dimension.CRISIS: "Crisis response",
    Dimension.MAINTENANCE: "Maintenance",
}
KIND_WORDS = {kind: kind.value for kind in RelationshipKind}


def dimension_title(dimension: Dimension | str) -> str:
    return DIMENSION_TITLES[Dimension(dimension)]
