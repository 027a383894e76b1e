"""The guiding questions of the Reciprocity Audit, in the product's own words.

Each dimension asks about both sides, because people tend to see their own
giving more clearly than the other person's. Keys are stable (they are stored
with the answers); the wording may be improved over time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reciprocity.coach.terms import SEASON_KIND_WORDS, counted, day_words, style_list
from reciprocity.vocabulary import CareStyle, Dimension, Direction, SeasonKind


@dataclass(frozen=True)
class Question:
    key: str
    text: str


@dataclass(frozen=True)
class DimensionGuide:
    dimension: Dimension
    title: str
    summary: str
    questions: tuple[Question, ...]


GUIDES: dict[Dimension, DimensionGuide] = {
    Dimension.INITIATION: DimensionGuide(
        Dimension.INITIATION,
        "Initiation",
        "Who makes the first move.",
        (
            Question(
                "first-contact",
                "Think of the last few times you were in touch. Who got in touch first, most of those times?",
            ),
            Question(
                "when-wrong",
                "When something is off for one of you, who tends to notice and reach out?",
            ),
            Question(
                "hard-topics",
                "When there is something difficult to talk about, who usually brings it up?",
            ),
        ),
    ),
    Dimension.DEPTH: DimensionGuide(
        Dimension.DEPTH,
        "Depth",
        "How each of you meets what the other shares.",
        (
            Question(
                "hard-news",
                "The last time you shared something tender or hard, how did they meet it? And when they did, how did you?",
            ),
            Question(
                "good-news",
                "When one of you had good news, did the other lean in with real interest?",
            ),
            Question(
                "matched", "Does one of you tend to go deep while the other stays near the surface?"
            ),
        ),
    ),
    Dimension.CRISIS: DimensionGuide(
        Dimension.CRISIS,
        "Crisis response",
        "What each of you actually did when things were hard.",
        (
            Question(
                "their-crisis",
                "Recall the last real difficulty they went through. What did you do, in practice?",
            ),
            Question(
                "my-crisis",
                "Recall the last real difficulty you went through. What did they do, in practice?",
            ),
            Question(
                "comparable", "Setting styles aside, did the effort and presence feel comparable?"
            ),
        ),
    ),
    Dimension.MAINTENANCE: DimensionGuide(
        Dimension.MAINTENANCE,
        "Maintenance",
        "The quiet upkeep that keeps a bond alive.",
        (
            Question(
                "checking-in",
                "Who keeps the thread going between the big moments: the small messages, the 'how did it go'?",
            ),
            Question("dates", "Who remembers the dates and events that matter to the other?"),
            Question("moods", "Who tends to notice when the other's mood shifts?"),
        ),
    ),
}

SHORT_DIRECTIONS = {"me": "you carry more", "them": "they carry more", "mutual": "shared"}

OVERALL_TITLE = "Overall"
OVERALL_PROMPT = "Taking all four together, how mutual does this relationship feel right now?"

SCALE = {
    1: "heavily one-directional",
    2: "mostly one-directional",
    3: "somewhat uneven",
    4: "nearly mutual",
    5: "roughly mutual",
}

DIRECTIONS = {
    Direction.ME: "you carry more here",
    Direction.THEM: "they carry more here",
    Direction.MUTUAL: "it feels shared",
}

INTRO = (
    "This audit is a quiet look at how care flows between you and the people you name. "
    "There are no right answers, and nothing here is a verdict. Answer each question in a "
    "line or leave it blank; press Enter to move on."
)
STYLES_REMINDER = (
    "Care can come in different forms: {them} tends to show it through {their}, and you "
    "through {mine}. Different styles can still be mutual."
)
RATE_PROMPT = "How mutual does {title} feel with {name}? 1 (one-directional) to 5 (roughly mutual)"
DIRECTION_PROMPT = "Which way does it lean? me (you carry more) or them (they carry more)"
VISION_INTRO = (
    "You rated this {rating}. In everyday words, how would you like things to go between "
    "you, or what limit would you like to ask for? What would happen, and how often?"
)
VISION_PROMPT = "Your vision"
SEASON_NOTE = (
    "{whose} {is_are} in a season of {kind} since {start}. One side needing more right now "
    "is expected; rate the usual pattern, or the season as it is, whichever feels truer."
)
CHOOSE_PEOPLE = (
    "Who would you like to include? Names or numbers, separated by commas "
    "(a partner, a close friend and a family member make a good start)"
)
ANSWER_PROMPT = "Your answer"
SUMMARY_TITLE = "Your audit of {on}"
SAVE_PROMPT = "Save this audit?"
PHRASING_OFFER = (
    "A thought on the wording: {why} A request-shaped version could be:\n  {rewrite}\n"
    "Use this version (Enter or u), keep your words (k), or write it again (w)?"
)
CHOICE_AGAIN = "Please answer {choices}, or press Enter."
PHRASING_GUIDANCE = (
    "A thought on the wording: {why}\n  {guidance}\n"
    "Write it again (Enter or w), or keep your words (k)?"
)


def season_note(kind: SeasonKind, start: date, name: str | None) -> str:
    """Said before rating someone during a season: theirs (``name``) or the user's own (None)."""
    return SEASON_NOTE.format(
        whose="You" if name is None else name,
        is_are="are" if name is None else "is",
        kind=SEASON_KIND_WORDS[kind],
        start=day_words(start),
    )


def styles_reminder(name: str, theirs: Sequence[CareStyle], mine: Sequence[CareStyle]) -> str:
    """Said before rating someone whose ways of caring, and the user's, are recorded."""
    return STYLES_REMINDER.format(them=name, their=style_list(theirs), mine=style_list(mine))


# -- the command line and the services ----------------------------------------

RATING_RANGE = "A rating of {value} is outside the scale; ratings go from 1 (one-directional) to 5 (roughly mutual)."
DIRECTION_NEEDED = (
    "A rating below 5 asks which way it leans: me (you carry more) or them (they carry more)."
)
VISION_NEEDED = (
    "A rating of {rating} for {dimension} asks for a vision: a few words on how you would "
    "like things to go between you, or the limit you would like to ask for."
)
AUDIT_UNKNOWN = "There is no audit with id {id}."
AUDIT_UNKNOWN_CLI = "'reciprocity audit list' shows them."
NO_AUDITS = "No audits yet. Run 'reciprocity audit' when you have a quiet half hour."
AUDIT_SAVED = "Saved audit {id} from {on}, covering {names}."
AUDIT_LABEL = "audit {id} of {on} ({names})"
AUDIT_HEADING = "Audit {id} · {on}"
AUDIT_DRAFT_TITLE = "Your audit of {on}, not saved yet"
AUDIT_NOT_SAVED = "The audit was not saved; nothing was changed."
AUDIT_NEEDS_PEOPLE = (
    "An audit needs at least one person. Add someone first: reciprocity people add NAME"
)
AUDIT_PERSON_TWICE = "{name} appears twice in this audit; choose each person once."
COMPARE_NEEDS_TWO = "Comparing needs at least two audits{of}; there is {count} so far."
SHARED_IS_FIVE = "A rating of {rating} leans one way, so please choose me or them; a 5 is for when it feels shared."
AUDIT_ANSWERS = "What you wrote"

# -- an audit interrupted in the terminal, kept as a draft ---------------------
DRAFT_KEPT = (
    "The audit is not saved yet; your answers so far are kept as a draft, and "
    "'{command}' carries on where you left off."
)
DRAFT_ABOUT = "an unfinished audit of {names} from {on} ({answers} kept)"
DRAFT_OFFER = "You have {about}. Carry on from there?"
DRAFT_WAITING = "There is {about}. Add --continue to carry on from it, or --fresh to start again."
DRAFT_CONTINUING = "Carrying on from your draft: {answers} kept, so only what is left is asked."
DRAFT_CONTINUE_OR_FRESH = (
    "Choose one of --continue (carry on from the draft) or --fresh (start again), not both."
)
NO_DRAFT = "There is no unfinished audit{of} to carry on from; leave out --continue to begin one."


def answers_words(count: int) -> str:
    """ "1 answer", "7 answers": how much a draft holds."""
    return counted(count, "answer")


# -- the web pages ------------------------------------------------------------
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
AUDIT_DIRECTION_HINT = "For a rating below 5. A 5 feels shared, so it leans neither way."
AUDIT_VISION = "Your vision"
AUDIT_VISION_HINT = (
    "Asked for a rating of 1 or 2: how you would like things to go between you, or the "
    "limit you would like to ask for. What would happen, and how often?"
)
AUDIT_NEXT = "Next"
AUDIT_BACK = "Back"
AUDIT_PHRASING_TITLE = "A thought on the wording"
AUDIT_PHRASING_REWRITE = "A request-shaped version could be:"
AUDIT_PHRASING_KEEP = "Keep my words"
AUDIT_PHRASING_USE = "Use this version"
AUDIT_PHRASING_EDIT = "Or change the words above, then choose."
AUDIT_PHRASING_EDIT_GUIDED = (
    "Change the words above and check them again, or keep them as they are."
)
AUDIT_PHRASING_CHECK_AGAIN = "Check my new words"
AUDIT_SUMMARY = "Your audit of {on}"
AUDIT_SUMMARY_INTRO = "Here is what you said. Nothing is kept until you save."
AUDIT_SAVE = "Save this audit"
AUDIT_NEEDS_CHOICE = "Please choose at least one person."
AUDIT_DRAFT_BROKEN = (
    "This audit's answers could not be read back; please start again from the first step."
)
AUDIT_LIST_TITLE = "Past audits"
AUDIT_LIST_NONE = "No audits yet. The audit takes a quiet half hour."
AUDIT_OVERALL = "Overall"
AUDIT_COLUMN_DATE = "Date"
AUDIT_COLUMN_RATING = "Rating"
AUDIT_COLUMN_LEANS = "Leans"
AUDIT_COLUMN_VISION = "Vision"
AUDIT_SHOW = "The audit of {on}"
AUDIT_REMOVE_BUTTON = "Remove this audit"
AUDIT_REMOVE_ASK = "Remove the audit of {on}?"
AUDIT_REMOVE_GOES = "What you said about {name}: the ratings, the visions and the written answers"
AUDIT_REMOVE_CONFIRM = "Remove the audit"
