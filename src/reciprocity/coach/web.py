"""The words of the web app and of its charts, in one place.

Templates never hold sentences of their own: they show these, passed in as
``w``. The tone is the product's: calm, kind, specific; no tally, no verdict.
Sentences shared with the command line (errors, audit questions, pattern
labels) are not repeated here; they come from ``messages``, ``questions`` and
``suggestions``.
"""

from __future__ import annotations

from reciprocity.coach.suggestions import STYLE_WORDS
from reciprocity.vocabulary import CareStyle, Dimension, Giver, RelationshipKind, SeasonKind

APP_NAME = "reciprocity"
TAGLINE = "Patterns over months, never a tally"
SKIP_LINK = "Skip to the main content"
NAV_LABEL = "Main"
NAV_HOME = "Everyone"
NAV_ADD = "Add someone"
NAV_LOG = "Note a moment"
NAV_AUDIT = "The audit"
NAV_AUDITS = "Past audits"
NAV_SEASONS = "Seasons"
NAV_DATA = "Your data"
FOOTER = (
    "A reflection aid, not therapy. Everything stays on this computer. If you feel afraid, "
    "controlled or harmed by someone, this is not about giving more or less: please talk to "
    "a professional, or call your local emergency number if you are in danger."
)
DEMO_BANNER = (
    "You are looking at demo data in a throwaway database. Nothing you change here is kept "
    "after the app stops."
)

# Serving
SERVE_RUNNING = "reciprocity is open at {url} (press Ctrl+C to stop)."
SERVE_DEMO = "This is a throwaway copy of the demo data; it is removed when you stop."
SERVE_NOT_LOOPBACK = (
    "Listening on {host}: other devices on your network may be able to reach this app. "
    "Only names this app was told about are answered."
)

# Dashboard
DASHBOARD_TITLE = "Everyone at a glance"
DASHBOARD_INTRO = (
    "How care has been flowing with each person over the last few months. A reading is a "
    "prompt to reflect, never a verdict."
)
DASHBOARD_EMPTY = "No one is here yet. Start by adding someone close to you."
DASHBOARD_ENERGY = "Energy"
DASHBOARD_SUGGESTION = "Something to consider"
CHRONIC = "a resting pattern"
PASSING = "passing"
IN_SEASON = "in a season"
CHRONIC_HINT = "Seen outside any season for two or more months in a row."

# People
ADD_TITLE = "Add someone"
ADD_INTRO = "Someone close to you: a partner, a friend, family. Only the name is needed."
FIELD_NAME = "Name"
FIELD_KIND = "Relationship"
FIELD_BIRTHDAY = "Birthday (optional)"
FIELD_MY_CARE = "How you show care to them"
FIELD_THEIR_CARE = "How they show care to you"
FIELD_NOTE = "A note (optional)"
ADD_SUBMIT = "Add"
NOTICES = {
    "added": "Added {name}. You can note a first moment below.",
    "logged": "Noted. It is at the top of the moments below.",
    "audit-saved": "Saved. Thank you for taking the time.",
}
PERSON_STYLES = "Ways of caring"
PERSON_MY_CARE = "You, to {name}"
PERSON_THEIR_CARE = "{name}, to you"
PERSON_STYLES_NONE = "not recorded"
PERSON_STYLES_NOTE = "Different ways of caring can both count; they need not match."
PERSON_PATTERNS = "Patterns over recent months"
PERSON_FELT = "Your felt rating"
PERSON_SUGGESTED = "What the notes suggest"
PERSON_NO_RATING = "none yet"
PERSON_MOMENTS = "Moments"
PERSON_NO_MOMENTS = "No moments noted yet."
PERSON_MORE_MOMENTS = "{count} older moments are kept too; the export has them all."
PERSON_BIRTHDAY = "birthday {day}"
PERSON_SEASONS = "Seasons"
PERSON_NO_SEASONS = "No seasons recorded for {name}."
PERSON_AUDITS = "Audits"
PERSON_NO_AUDITS = "{name} has not been part of an audit yet."
PERSON_ENERGY = "Energy"
PERSON_SUGGESTIONS = "Things you might try"
PERSON_LOG = "Note a moment with {name}"
PERSON_BY = {"me": "you", "them": "{name}", "both": "both of you"}
PERSON_ENERGY_WORDS = {
    -2: "left you drained",
    -1: "left you a little drained",
    0: "neither here nor there",
    1: "left you a little nourished",
    2: "left you nourished",
}

# Moments
LOG_TITLE = "Note a moment"
LOG_INTRO = "Something that happened between you and someone close. A few words are enough."
FIELD_PERSON = "With"
FIELD_TEXT = "What happened"
FIELD_BY = "Who reached out or gave"
FIELD_DIMS = "What it speaks to (optional)"
FIELD_STYLE = "The way of caring (optional)"
FIELD_ENERGY = "How it left you (optional)"
FIELD_ON = "When"
FIELD_ON_PLACEHOLDER = "today"
FIELD_ON_HINT = "For example 2026-03-14, 14 Mar 2026, yesterday or 3 days ago."
LOG_SUBMIT = "Note it"
LOGGED = "Noted for {name} on {on}."
NOT_SAID = "not said"
NEED_PERSON = "Please choose who the moment was with."
NEED_SOMEONE = "Add someone first; moments are always with someone."
BY_WORDS = {Giver.ME: "me", Giver.THEM: "them", Giver.BOTH: "both of us"}
ENERGY_CHOICES = {
    -2: "drained (-2)",
    -1: "a little drained (-1)",
    0: "neither (0)",
    1: "a little nourished (1)",
    2: "nourished (2)",
}

# Seasons
SEASONS_TITLE = "Seasons"
SEASONS_INTRO = (
    "A season marks a stretch when one side legitimately needs more: illness, grief, a move. "
    "Imbalance inside a season is expected, and is never called a resting pattern."
)
SEASONS_NONE = "No seasons recorded."
SEASON_START_TITLE = "Start a season"
FIELD_WHOSE = "Whose season"
WHOSE_ME = "mine"
FIELD_SEASON_KIND = "What kind"
FIELD_SEASON_START = "Since"
FIELD_SEASON_END = "Ended on"
SEASON_START_SUBMIT = "Start the season"
SEASON_END_SUBMIT = "End this season"
SEASON_ONGOING = "ongoing"
SEASON_ROW = "{kind}, since {start}"
SEASON_ROW_ENDED = "{kind}, {start} to {end}"
SEASON_STARTED = "Started a season of {kind} for {whose}."
SEASON_ENDED = "Ended the season of {kind} for {whose}."
YOU = "you"

# The audit
AUDIT_TITLE = "The Reciprocity Audit"
AUDIT_INTRO = (
    "A quiet look at how care flows between you and the people you choose: one dimension "
    "at a time, then an overall rating. There are no right answers, and nothing is kept "
    "until you save at the end."
)
AUDIT_BEGIN_NEW = "Begin a new audit"
AUDIT_COLUMN_DIMENSION = "Dimension"
NEED_SOMEONE_AUDIT = "An audit needs at least one person. Add someone first."
AUDIT_CHOOSE = "Who would you like to include?"
AUDIT_CHOOSE_HINT = "A partner, a close friend and a family member make a good start."
AUDIT_DATE = "The audit's date"
AUDIT_START = "Begin"
AUDIT_STEP = "Step {number} of {total}"
AUDIT_WITH = "With {name}"
AUDIT_QUESTIONS = "Questions to sit with"
AUDIT_ANSWER_HINT = "Answer in a line, or leave it blank."
AUDIT_RATING = "How mutual does this feel? 1 is one-directional, 5 is roughly mutual."
AUDIT_DIRECTION = "If it leans, which way?"
AUDIT_VISION = "Your vision"
AUDIT_VISION_HINT = (
    "Asked for a rating of 1 or 2: a concrete picture of the mutual pattern you would like "
    "to build, or the boundary you want to set. What would happen, and how often?"
)
AUDIT_NEXT = "Next"
AUDIT_BACK = "Back"
AUDIT_PHRASING_TITLE = "A thought on the wording"
AUDIT_PHRASING_REWRITE = "A request-shaped version could be:"
AUDIT_PHRASING_KEEP = "Keep my words"
AUDIT_PHRASING_USE = "Use this version"
AUDIT_PHRASING_EDIT = "Or change the words above, then choose."
AUDIT_SUMMARY = "Your audit of {on}"
AUDIT_SUMMARY_INTRO = "Here is what you said. Nothing is kept until you save."
AUDIT_SAVE = "Save this audit"
AUDIT_SAVED = "Saved the audit of {on}."
AUDIT_NEEDS_CHOICE = "Please choose at least one person."
AUDIT_DRAFT_BROKEN = (
    "This audit's answers could not be read back; please start again from the first step."
)
AUDIT_LIST_TITLE = "Past audits"
AUDIT_LIST_NONE = "No audits yet. The audit takes a quiet half hour."
AUDIT_OVERALL = "Overall"
AUDIT_COLUMN_PERSON = "Person"
AUDIT_COLUMN_DATE = "Date"
AUDIT_COLUMN_RATING = "Rating"
AUDIT_COLUMN_LEANS = "Leans"
AUDIT_COLUMN_VISION = "Vision"
AUDIT_SHOW = "The audit of {on}"

# Your data
DATA_TITLE = "Your data"
DATA_INTRO = (
    "Everything is kept in one database on this computer. An export is one JSON file with "
    "everyone, every moment, season and audit: your own copy, readable by any tool."
)
DATA_EXPORT = "Download an export"
DATA_IMPORT_TITLE = "Restore an export"
DATA_IMPORT_INTRO = "Restores a reciprocity export into this database while it is still empty."
DATA_IMPORT_FIELD = "Export file (.json)"
DATA_IMPORT_SUBMIT = "Restore"
DATA_IMPORTED = "Restored {people} people, {moments} moments, {seasons} seasons and {audits} audits."
DATA_NOT_EMPTY = (
    "This database already holds {count} people; restoring would mix two histories. "
    "Restore into an empty database instead."
)
DATA_LIMIT = "Files up to {limit}."
DATA_NO_FILE = "Please choose an export file to restore."

# Refusals and errors
ERROR_TITLE = "Something needs a look"
NOT_FOUND = "There is nothing at this address."
HOST_REFUSED = "This address is not one reciprocity answers to."
CSRF_REFUSED = (
    "This form could not be accepted: it has expired, or it came from another site. "
    "Please go back, reload the page and try again."
)
ORIGIN_REFUSED = "This request came from another site, so it was not accepted."
TOO_LARGE = (
    "That upload is {size} and the limit is {limit}. Please choose a smaller file, or start "
    "reciprocity with a larger upload limit."
)
BACK_HOME = "Back to everyone"
API_INVALID = "Some of what was sent could not be read; see the problems listed."

# Charts
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
    "wider when little was noted; hollow dots had too little to say; tinted stretches are "
    "seasons."
)

DIMENSION_TITLES = {
    Dimension.INITIATION: "Initiation",
    Dimension.DEPTH: "Depth",
    Dimension.CRISIS: "Crisis response",
    Dimension.MAINTENANCE: "Maintenance",
}
KIND_WORDS = {kind: kind.value for kind in RelationshipKind}
SEASON_KIND_WORDS = {kind: kind.value.replace("-", " ") for kind in SeasonKind}


def dimension_title(dimension: Dimension | str) -> str:
    return DIMENSION_TITLES[Dimension(dimension)]


def style_word(style: CareStyle | str) -> str:
    return STYLE_WORDS.get(str(style), str(style))


def styles_words(styles: list[CareStyle]) -> str:
    """ "listening, practical help", or the words for "not recorded"."""
    return ", ".join(style_word(s) for s in styles) or PERSON_STYLES_NONE


def size_words(size: int) -> str:
    """ "12 MB", "800 KB": a size a person can read."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1024))} KB"


def moment_by(by: Giver | str, name: str) -> str:
    """Who reached out or gave, from the user's side: "you", "Sam", "both of you"."""
    return PERSON_BY[str(by)].format(name=name)


def moment_meta(dimensions: list[Dimension], style: CareStyle | None, energy: int | None) -> str:
    """ "Depth, Maintenance · listening · left you nourished" (only what was noted)."""
    parts = []
    if dimensions:
        parts.append(", ".join(dimension_title(d) for d in dimensions))
    if style is not None:
        parts.append(style_word(style))
    if energy is not None:
        parts.append(PERSON_ENERGY_WORDS[energy])
    return " · ".join(parts)


def season_line(season: object, name: str) -> str:
    """ "Rosa: illness, since 2026-05-08" or "you: exams, 2026-01-03 to 2026-02-01"."""
    whose = getattr(season, "whose", "me")
    kind = SEASON_KIND_WORDS[SeasonKind(getattr(season, "kind", "other"))]
    start = getattr(season, "start", None)
    end = getattr(season, "end", None)
    owner = YOU if whose == "me" else whose
    if end is None:
        return f"{owner}: " + SEASON_ROW.format(kind=kind, start=start)
    return f"{owner}: " + SEASON_ROW_ENDED.format(kind=kind, start=start, end=end)
