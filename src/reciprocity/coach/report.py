"""The words of the report and the audit worksheet, in one place.

Everything a person, or a coach they share it with, reads in a report: titles,
section introductions, what a chart shows, how an imbalance stands (chronic or
temporary, said plainly), what to do when a section is empty, and the lines
``reciprocity report`` prints. Templates under ``report/templates`` hold no
sentences of their own; they show these, passed in as ``r``.

Tone: calm, kind, specific. A report is a reflection aid for a conversation,
never a verdict; receiving more is described as gently as giving more; a
season is never a reason to step back. Sentences shared with the web app and
the command line (audit questions, pattern labels, suggestions) are not
repeated here; they come from ``questions``, ``suggestions``, ``practices`` and
``web``. Placeholders are filled with ``str.format`` and keyword arguments.
"""

from __future__ import annotations

from collections.abc import Sequence

from reciprocity.vocabulary import BoundaryArea, Dimension, Direction

# -- the command line ----------------------------------------------------------
REPORT_WRITTEN = "Wrote a report on {count} relationships to {path}."
REPORT_WRITTEN_SINGLE = "Wrote a report on the one relationship in your list to {path}."
REPORT_WRITTEN_EMPTY = (
    "Wrote a report to {path}; no one is in your list yet, so it only says how to begin."
)
REPORT_WRITTEN_ONE = "Wrote a report on {name} to {path}."
WORKSHEET_WRITTEN = "Wrote a blank audit worksheet to {path}."
WORKSHEET_WRITTEN_FOR = "Wrote an audit worksheet for {name} to {path}."
UNKNOWN_EXTENSION = (
    "{path}: a report is written as HTML or PDF; please use a name ending in .html or .pdf."
)
FOLDER_MISSING = "there is no folder {folder}"
PDF_UNAVAILABLE = (
    "A PDF could not be made here ({reason}). It needs WeasyPrint and the Pango libraries; "
    "a report ending in .html needs neither and prints well from a browser."
)

# -- the report: first page ----------------------------------------------------
TITLE = "Your relationships: a report"
TITLE_ONE = "You and {name}: a report"
AS_OF = "As of {today}"
INTRO = (
    "A look at how care has been flowing in your close relationships: your own ratings "
    "from the audit first, then what your notes show over the months, the practices you "
    "keep, and a few invitations for what might come next. Patterns are read over "
    "months, never exchange by exchange, and every reading is a prompt to reflect, not "
    "a verdict."
)
PRIVATE = (
    "Made on your own computer from your own notes. It holds personal reflections: "
    "share it only with someone you trust, such as a coach or a counsellor."
)
CARE_NOTE = (
    "This is a reflection aid, not therapy. If someone leaves you feeling afraid, "
    "controlled or harmed, this is not a question of giving more or less: please reach "
    "out to a professional, or to your local emergency number if you are in danger."
)
SUMMARY_TITLE = "Everyone at a glance"
SUMMARY_PERSON = "Person"
SUMMARY_AUDIT = "Latest audit"
SUMMARY_ENERGY = "Energy"
SUMMARY_NO_AUDIT = "no audit yet"
SUMMARY_AUDIT_CELL = "{rating} of 5, {leans} ({on})"
SUMMARY_EMPTY = (
    "No one is in your list yet, so there is nothing to report. "
    "Add someone with: reciprocity people add NAME"
)
SUMMARY_LEGEND = (
    "Each dimension shows which way care has leaned over the last three months, and "
    "whether that is chronic (how things stand outside any season) or temporary."
)
DIMENSION_LEANS: dict[str, str] = {
    "me": "you carry more",
    "them": "{name} carries more",
    "mutual": "both ways",
    "unknown": "not enough to say",
}
STANDING_TAGS: dict[str, str] = {
    "chronic": "chronic",
    "season": "temporary: a season",
    "change": "temporary: recent",
    "passing": "temporary",
    "mutual": "",
    "unknown": "",
}
ENERGY_SHORT: dict[str, str] = {
    "nourished": "mostly nourished",
    "mixed": "mixed",
    "drained": "mostly drained",
    "unknown": "not enough to say",
}

# -- the report: one relationship ----------------------------------------------
STYLES_LINE = "You show care through {mine}; {name} through {theirs}."
STYLES_UNKNOWN = "How each of you shows care is not noted yet."
STYLES_NOTE = "Different ways of caring can both count; they need not match."
STYLES_NONE = "ways not noted yet"

LATEST_TITLE = "Your latest audit"
LATEST_INTRO = "Your own ratings from {on}: 1 is heavily one-directional, 5 roughly mutual."
NO_AUDIT = (
    "{name} has not been part of an audit yet. An audit worksheet is one gentle way to begin."
)
COLUMN_DIMENSION = "Dimension"
COLUMN_RATING = "Rating"
COLUMN_LEANS = "Leans"
RATING_CELL = "{rating} · {scale}"
OVERALL = "Overall"
LEANS: dict[str, str] = {
    "me": "you carry more",
    "them": "{name} carries more",
    "mutual": "feels shared",
}

TREND_TITLE = "Across audits"
TREND_ONE = (
    "One audit so far, on {on}. A second one, some months from now, will show how things move."
)
TREND_LEGEND = (
    "One panel per dimension, one dot per audit. The dashed middle line is roughly "
    "mutual; higher means you carried more, lower means {name} did, and the further from "
    "the line, the more one-directional it felt."
)
TREND_CHART_TITLE = "Your ratings across audits"
TREND_DESCRIPTION = "{title}, from {first} to {last}. {parts}"
TREND_PART = "{dimension}: {ratings}."
TREND_POINT = "{on}: {rating} of 5"
TREND_CHANGE = "Change"
TREND_SAME = "same"
TREND_CLOSER = "{count} closer to mutual"
TREND_FURTHER = "{count} further from mutual"
TREND_CELL = "{rating} · {leans}"

FELT_TITLE = "How it feels, beside what was noted"
FELT_LEGEND = (
    "Filled dots are your felt ratings from the latest audit; open rings are what the "
    "notes of the last {days} days suggest. The middle is roughly mutual. Your felt rating "
    "stays the one that guides."
)
FELT_CHART_TITLE = "Felt ratings beside what the notes suggest"
FELT_LEFT = "← {name} carries more"
FELT_MIDDLE = "roughly mutual"
FELT_RIGHT = "you carry more →"
FELT_PART = "{dimension}: felt {felt}; notes suggest {suggested}."
FELT_VALUE = "{rating}, {leans}"
FELT_NONE = "none yet"

TIMELINE_TITLE = "Over time"
TIMELINE_LEGEND = (
    "Each column is a month, read from the three months up to it: warm where you carried "
    "more, blue where {name} did, green where it flowed both ways, grey where there was "
    "too little to say. Tinted stretches are seasons, when one side needing more is "
    "expected."
)
TIMELINE_CHART_TITLE = "How care leaned, month by month"
TIMELINE_DESCRIPTION = "{title}. {parts}"
TIMELINE_SEASONS = "seasons"
CELL_SPAN = "{start} to {end}: {state}"
STANDING: dict[str, str] = {
    "chronic": (
        "Chronic: {label}, and this has been the resting pattern outside any season for "
        "months. That can be worth a gentle conversation about what would feel mutual to "
        "both of you."
    ),
    "season": (
        "Temporary: {label}, during {season}. One of you needing more is expected while it "
        "lasts; it is not a reason to step back."
    ),
    "change": (
        "Temporary so far: {label} lately, after a stretch that flowed both ways. It is too "
        "early to call it a pattern."
    ),
    "passing": (
        "Temporary: {label} lately, but it has not been the resting pattern outside seasons."
    ),
    "mutual": "Flowing both ways lately.",
    "unknown": (
        "Not enough noted lately to say. Quiet stretches say nothing about how much anyone cares."
    ),
}
SEASONS_TITLE = "Seasons"
NO_SEASONS = "No seasons recorded for {name} or for you."
SEASON_ONGOING = "{what}, since {start}"
SEASON_ENDED = "{what}, {start} to {end}"

MONTHS_TITLE = "Month by month, dimension by dimension"
ENERGY_TITLE = "Energy"
# A chart with nothing to draw is left out, and one sentence says what is missing instead.
FELT_NOT_DRAWN = (
    "Nothing to set side by side yet: there is no felt rating from an audit, and not enough "
    "noted in any dimension to suggest one."
)
TIMELINE_NOT_DRAWN = (
    "Nothing to draw yet: no month has had enough notes to say which way care leaned."
)
MONTHS_NOT_DRAWN_ONE = (
    "{dimensions} is not drawn: no month has had enough notes about it yet to say which way "
    "care leaned."
)
MONTHS_NOT_DRAWN = (
    "{dimensions} are not drawn: no month has had enough notes about them yet to say which "
    "way care leaned."
)

VISIONS_TITLE = "Visions"
VISIONS_INTRO = (
    "What you wrote where a rating was 1 or 2: how you would like things to go between "
    "you, or the limit you would like to ask for."
)
NO_VISIONS = "No rating in the latest audit was 1 or 2, so no vision was asked for."
NO_VISIONS_YET = "Visions come with an audit; there is none yet."
VISION_FOR = "{dimension} ({rating} of 5)"

PRACTICES_TITLE = "Practices"
PRACTICES_NONE = (
    "Nothing practised with {name} yet: no check-ins, agreed adjustments, requests, shared "
    "rituals or small wins. Any one of them is a small way to keep things mutual."
)
CHECKINS_TITLE = "Check-ins"
LAST_CHECKIN = "Last check-in: {on}."
NEXT_CHECKIN = "Next one planned for {on}."
NO_CHECKIN = "No check-ins yet. A short one can start with where each of you felt supported."
ADJUSTMENTS_TITLE = "Adjustments you agreed, still open"
NO_ADJUSTMENTS = "No agreed adjustments are waiting to be looked at."
ADJUSTMENT_META = "agreed {on} · {outcome}"
BOUNDARIES_TITLE = "Requests you are keeping"
NO_BOUNDARIES = "No requests are being kept with {name} at the moment."
BOUNDARY_META = "{area} · since {since}"
BOUNDARY_REVIEW = " · look at it again on {on}"
RITUALS_TITLE = "Rituals"
NO_RITUALS = "No shared rituals with {name} yet."
RITUAL_NEXT = " · next on {on}"
WINS_TITLE = "Small wins"
NO_WINS = "No small wins noted with {name} yet; they are worth keeping."
MORE_WINS = "{count} earlier wins are kept too."
MORE_WINS_ONE = "One earlier win is kept too."

NEXT_TITLE = "Next steps to consider"
NEXT_INTRO = "Invitations, not instructions: take what fits and leave what does not."
NO_NEXT = "Nothing in particular stands out. Staying in touch in your usual ways is enough."

AREA_WORDS: dict[BoundaryArea, str] = {
    BoundaryArea.TIME: "time",
    BoundaryArea.ENERGY: "energy",
    BoundaryArea.EMOTIONAL_LABOUR: "emotional labour",
    BoundaryArea.TOPICS: "topics",
    BoundaryArea.OTHER: "other",
}

# -- the worksheet -------------------------------------------------------------
WORKSHEET_TITLE = "The Reciprocity Audit: a worksheet"
WORKSHEET_INTRO = (
    "For doing the audit on paper, on your own or with a coach. Take one dimension at a "
    "time: read the questions, write what comes to mind, then mark how mutual it feels "
    "and which way it leans. Think of what was done, not what was meant. There are no "
    "right answers."
)
WORKSHEET_WITH = "With"
WORKSHEET_DATE = "Date"
WORKSHEET_PREFILLED = (
    "Filled in from your audit of {on}, as a starting point; change whatever has moved."
)
WORKSHEET_NOT_AUDITED = "{name} has not been part of an audit yet, so the answers start blank."
WORKSHEET_SCALE_TITLE = "The scale"
WORKSHEET_SCALE_INTRO = (
    "Ratings go from 1 to 5. Any rating below 5 also says which way it leans, because both "
    "directions matter: carrying more and receiving more each have their costs."
)
WORKSHEET_QUESTIONS = "Questions to sit with"
WORKSHEET_RATING = "How mutual does it feel?"
WORKSHEET_DIRECTION = "Below 5, which way does it lean? (A 5 feels shared.)"
WORKSHEET_VISION = "Your vision, for a rating of 1 or 2"
WORKSHEET_VISION_HINT = (
    "How you would like things to go between you, or the limit you would like to ask for: "
    "what would happen, and how often? Write it as a request, never as a charge."
)
WORKSHEET_STYLES = "How each of you shows care"
WORKSHEET_STYLES_HINT = (
    "Listening, practical help, kind words, humour, being there, time together, gifts, or "
    "ways of your own. Different styles can still be mutual."
)
WORKSHEET_MINE = "You"
WORKSHEET_THEIRS = "Them"
WORKSHEET_CHECKED = "chosen"

# -- charts ---------------------------------------------------------------------
DIMENSION_SHORT: dict[Dimension, str] = {
    Dimension.INITIATION: "Initiation",
    Dimension.DEPTH: "Depth",
    Dimension.CRISIS: "Crisis response",
    Dimension.MAINTENANCE: "Maintenance",
}


def leans(direction: Direction | str, name: str) -> str:
    """ "you carry more", "Sam carries more", "feels shared": a rating's direction."""
    return LEANS[str(direction)].format(name=name)


def dimension_leans(leaning: str, name: str) -> str:
    """The short reading of a dimension's latest window, for the first page."""
    return DIMENSION_LEANS[leaning].format(name=name)


def not_drawn(dimensions: Sequence[Dimension]) -> str:
    """ "Depth, crisis response and maintenance are not drawn: …": the charts left out, in one sentence."""
    from reciprocity.coach.terms import dimension_title

    names = [dimension_title(d) for d in dimensions]
    names = names[:1] + [n[:1].lower() + n[1:] for n in names[1:]]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    template = MONTHS_NOT_DRAWN_ONE if len(names) == 1 else MONTHS_NOT_DRAWN
    return template.format(dimensions=listed)
