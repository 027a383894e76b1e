"""People, moments and seasons: adding someone, noting a moment, marking a season.

The words of every face for the people in a person's life, the moments noted
with them, and seasons (when one side needing more is expected), including the
refusals of values that cannot be used (an energy of 7, an empty name).
"""

from __future__ import annotations

from datetime import date

from reciprocity.coach.terms import (
    SEASON_KIND_WORDS,
    day_month_words,
    day_words,
    dimension_title,
    style_word,
)
from reciprocity.vocabulary import (
    CareStyle,
    Dimension,
    Giver,
    SeasonKind,
)

# -- the command line and the services ----------------------------------------

UNKNOWN_PERSON = "No one called {name!r} is in your list yet."
UNKNOWN_PERSON_CLOSE = "No one called {name!r} is in your list. Did you mean {close}?"
UNKNOWN_PERSON_HINT = " Add them with: reciprocity people add {name!r}"
NAME_EMPTY = "A name cannot be empty."
NAME_CONTROL = "A name cannot hold control characters (such as a NUL byte); please type it plainly."
NAME_TOO_LONG = "That name is {length} characters long; please keep it under {limit}."
NAME_RESERVED = "'me' is the word reciprocity uses for you; please give this person another name."
NAME_TAKEN = "{name!r} is already in your list."
PERSON_ADDED = "Added {name}."
PERSON_UPDATED = "Updated {name}."
PERSON_REMOVED = "Removed {name}, with {moments}, {seasons} and {ratings}."
REMOVE_CONFIRM = (
    "This removes {name} and everything kept about them: {moments}, {seasons} and {ratings}. "
    "Continue?"
)
REMOVE_NEEDS_YES = (
    "Removing {name} deletes everything kept about them; run it again with --yes to confirm."
)
NOTHING_CHANGED = "Nothing was changed."
NO_PEOPLE = "No one is in your list yet. Add someone with: reciprocity people add NAME"
DATE_UNREADABLE = (
    "{value!r} is not a date reciprocity can read; try 2026-03-14, 14 Mar 2026 or yesterday."
)
BIRTHDAY_UNREADABLE = (
    "{value!r} is not a birthday reciprocity can read; try 1990-03-15, 15 March 1990, "
    "or 15 March when the year is not known."
)
DATE_AMBIGUOUS = "{value!r} could be read two ways; please write it as {first} or {second}."
DATE_IN_FUTURE = "{value!r} is in the future; moments and seasons are things that have happened."
ENERGY_RANGE = "Energy is {value}; it goes from -2 (left you drained) to 2 (left you nourished)."
CHOICE_UNKNOWN = "{value!r} is not a {what}; choose one of: {choices}."
TEXT_EMPTY = "Please write a few words about the moment."
MOMENT_TOO_LONG = "That note is {length} characters long; please keep it under {limit}."
MOMENT_LOGGED = "Noted for {name} on {on}."
MOMENT_UNKNOWN = "There is no moment with id {id}."
MOMENT_UNKNOWN_CLI = "'reciprocity moment list' shows them."
MOMENT_LABEL = "moment {id} with {name} on {on} ({text!r})"
MOMENT_CHANGED = "Changed moment {id} with {name}."
NO_MOMENTS_FOUND = "No moments match."
MOMENTS_MORE = "The newest {shown} of {total}; --limit shows more."
DIMS_OR_NONE = "Give --dim, or --no-dims, not both."
DIMS_QUESTION = "What does it speak to?"
DIMS_CHOICE = "  {key:<12} {summary}"
DIMS_PROMPT = "Which ones (a space between two; none or - for none)"
DIMS_NOT_ONE = "{value!r} is not one of them; type {choices}, or none."
DIMS_NONE = "none"
DIMS_TERMINAL = "These words sound like {names}; Enter accepts that."
DIMS_LATER = (
    "These words sound like {names}. If that fits, 'reciprocity moment edit {id} {dims}' adds it."
)
REMOVE_ASK = "Remove {what}? A copy of everything as it is now is kept first."
REMOVE_NEEDS_YES_PLAIN = "Removing asks first; run it again with --yes to confirm."
REMOVED = "Removed {what}."
COPY_KEPT = (
    "A copy of everything as it was just before is kept at {path}; "
    "'reciprocity bring-back {name}' puts it back."
)
SEASON_STARTED = "Started a season of {kind} for {whose} on {start} (season {id})."
SEASON_ENDED = "Season {id} ({kind} for {whose}) ended on {end}."
SEASON_UNKNOWN = "There is no season with id {id}."
SEASON_UNKNOWN_CLI = "'reciprocity season list' shows them."
SEASON_TWICE = "That season is already kept, ongoing since {start}: season {id} ({kind})."
SEASON_LABEL = "season {id} ({kind} for {whose}, since {start})"
SEASON_CHANGED = "Changed season {id} ({kind} for {whose})."
SEASON_ALREADY_ENDED = "Season {id} already ended on {end}."
SEASON_END_BEFORE_START = "Season {id} started on {start}; it cannot end before that, on {end}."
SEASON_EXPECTED = "Inside a season, one side needing more is expected."
NO_SEASONS = (
    "No seasons recorded. A season marks a stretch when someone needs more: illness, grief, a move."
)
YOU = "you"
PERSON_SHOW_BIRTHDAY = "Birthday: {day}"
PERSON_SHOW_THEIR_CARE = "How they show care: {styles}"
PERSON_SHOW_MY_CARE = "How you show care: {styles}"
PERSON_SHOW_CARE_NONE = "not noted yet"
PERSON_SHOW_NOTE = "Note: {note}"
PERSON_SHOW_SEASON = "Season {id} ({whose}): {row}"
PERSON_SHOW_AUDIT = "Latest audit ({on}): overall {rating} · {lean}"

# -- the web pages ------------------------------------------------------------

PERSON_EDIT_TITLE = "Change {name}'s details"
PERSON_EDIT_LINK = "Change details"
PERSON_REMOVE_LINK = "Remove {name}"
PERSON_REMOVE_ASK = "Remove {name}, and everything kept about them?"
PERSON_REMOVE_BUTTON = "Remove {name}"
GOES_RATINGS = "{ratings}, and any chats imported with them"
MOMENT_EDIT_TITLE = "Change a moment with {name}"
MOMENT_EDIT_LINK = "Change"
MOMENT_REMOVE_LINK = "Remove"
MOMENT_REMOVE_ASK = "Remove this moment with {name}, from {on}?"
MOMENT_REMOVE_BUTTON = "Remove the moment"
FIND_TITLE = "Find a moment"
FIND_INTRO = "By person, by words, by what it speaks to, or between two days."
FIND_LINK = "Find a moment"
FIND_WORDS = "Words it holds"
FIND_ANYONE = "anyone"
FIND_ANY_DIMENSION = "any"
FIND_SINCE = "From"
FIND_UNTIL = "Until"
FIND_SUBMIT = "Find"
FIND_NONE = "No moments match. Try fewer words, or another day."
FIND_COUNT = "{total} moments match; the newest first."
FIND_COUNT_ONE = "One moment matches."
PAGE_OF = "Page {number} of {of}"
PAGE_NEWER = "Newer moments"
PAGE_OLDER = "Older moments"

ADD_TITLE = "Add someone"
ADD_INTRO = "Someone close to you: a partner, a friend, family. Only the name is needed."
FIELD_NAME = "Name"
FIELD_KIND = "Relationship"
FIELD_BIRTHDAY = "Birthday (optional)"
BIRTHDAY_HINT = "Such as 15 March 1990, or 15 March when you do not know the year."
FIELD_MY_CARE = "How you show care to them"
FIELD_THEIR_CARE = "How they show care to you"
FIELD_NOTE = "A note (optional)"
ADD_SUBMIT = "Add"
NOTICES = {
    "added": "Added {name}. You can note a first moment below.",
    "logged": "Noted. It is at the top of the moments below.",
    "audit-saved": "Saved. Thank you for taking the time.",
    "changed": "Saved the changes to {name}'s details.",
    "moment-changed": "Saved the changes to the moment.",
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
LOG_TITLE = "Note a moment"
LOG_INTRO = "Something that happened between you and someone close. A few words are enough."
FIELD_PERSON = "With"
FIELD_TEXT = "What happened"
FIELD_BY = "Who reached out or gave"
FIELD_DIMS = "What it speaks to"
FIELD_DIMS_HINT = "Readings over the months come from moments marked this way. Choose any that fit."
FIELD_STYLE = "The way of caring (optional)"
FIELD_ENERGY = "How it left you (optional)"
FIELD_ON = "When"
FIELD_ON_PLACEHOLDER = "today"
FIELD_ON_HINT = "For example 2026-03-14, 14 Mar 2026, yesterday or 3 days ago."
LOG_SUBMIT = "Note it"
DIMS_SOUND_LIKE_ONE = "These words sound like {names}; keep it, change it, or save without one."
DIMS_SOUND_LIKE_MORE = (
    "These words sound like {names}; keep them, change them, or save without any."
)
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
SEASONS_TITLE = "Seasons"
SEASONS_INTRO = (
    "A season marks a stretch when one side legitimately needs more: illness, grief, a move. "
    "Imbalance inside a season is expected, and is never called chronic."
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
SEASON_EDIT_TITLE = "Change a season"
SEASON_EDIT_LINK = "Change"
SEASON_REMOVE_LINK = "Remove"
SEASON_REMOVE_ASK = "Remove this season, {line}?"
SEASON_REMOVE_GOES = "Roles shared during it"
SEASON_REMOVE_BUTTON = "Remove the season"
SEASON_END_ASK = "End this season on {end}?"
SEASON_END_KEEPS = (
    "Ending it only says the season is over. What was noted during it stays, and is still "
    "read in its light; you can change the end date later."
)
SEASON_END_BUTTON = "Yes, end it"
SEASON_END_NOT_YET = "Not yet"
FIELD_SEASON_UNTIL_HINT = "Leave it empty while the season is still going."
SEASON_SAVED = "Saved the changes to the season."
SEASON_ONGOING = "ongoing"
SEASON_ROW = "{kind}, since {start}"
SEASON_ROW_ENDED = "{kind}, {start} to {end}"


def birthday_words(month: int, day: int, year: int | None) -> str:
    """A birthday in the date style of every face: ``15 Mar 1990``, or ``15 Mar`` without its year."""
    named = day_month_words(date(2000, month, day))
    return named if year is None else f"{named} {year}"


def contact_details(birthday: tuple[int, int, int | None] | None, dates: int, note: bool) -> str:
    """What would come with someone from a contacts file: ``birthday 15 March, a note``."""
    parts = []
    if birthday is not None:
        parts.append(PERSON_BIRTHDAY.format(day=birthday_words(*birthday)))
    if dates == 1:
        parts.append(CONTACT_DETAIL_DATE)
    elif dates:
        parts.append(CONTACT_DETAIL_DATES.format(count=dates))
    if note:
        parts.append(CONTACT_DETAIL_NOTE)
    return ", ".join(parts)


def styles_words(styles: list[CareStyle]) -> str:
    """ "listening, practical help", or the words for "not recorded"."""
    return ", ".join(style_word(s) for s in styles) or PERSON_STYLES_NONE


def moment_by(by: Giver | str, name: str) -> str:
    """Who reached out or gave, from the user's side: "you", "Sam", "both of you"."""
    return PERSON_BY[str(by)].format(name=name)


def dimension_names(dimensions: list[Dimension]) -> str:
    """ "depth", "depth and maintenance": dimensions named inside a sentence."""
    names = [dimension_title(d).lower() for d in dimensions]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def dims_sound_like(dimensions: list[Dimension]) -> str:
    """The calm line over a form that comes back once with the suggested dimensions chosen."""
    if len(dimensions) == 1:
        return DIMS_SOUND_LIKE_ONE.format(names=dimension_names(dimensions))
    return DIMS_SOUND_LIKE_MORE.format(names=dimension_names(dimensions))


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


def season_row(kind: SeasonKind | str, start: date | str, end: date | str | None) -> str:
    """ "illness, since 8 May 2026" or "exams, 3 Jan 2026 to 1 Feb 2026" (dates or ISO text)."""
    said = SEASON_KIND_WORDS[SeasonKind(kind)]
    if end is None:
        return SEASON_ROW.format(kind=said, start=day_words(start))
    return SEASON_ROW_ENDED.format(kind=said, start=day_words(start), end=day_words(end))


def season_line(season: object, name: str) -> str:
    """ "Rosa: illness, since 8 May 2026" or "you: exams, 3 Jan 2026 to 1 Feb 2026"."""
    whose = getattr(season, "whose", "me")
    kind = SEASON_KIND_WORDS[SeasonKind(getattr(season, "kind", "other"))]
    start = getattr(season, "start", None)
    end = getattr(season, "end", None)
    owner = YOU if whose == "me" else whose
    start_words = day_words(start) if isinstance(start, date) else start
    if end is None:
        return f"{owner}: " + SEASON_ROW.format(kind=kind, start=start_words)
    return f"{owner}: " + SEASON_ROW_ENDED.format(kind=kind, start=start_words, end=day_words(end))


STATUS_TITLE = "How things lean"
STATUS_PERSON = "Person"
STATUS_ENERGY = "Energy"


# -- people from an address book (a vCard file) -----------------------------------

CONTACT_ANNIVERSARY = "Anniversary"
CONTACT_OTHER_DATE = "A date from the address book"
CONTACTS_NOT_VCARD = "this is not a contacts file (vCard): no card in it starts with BEGIN:VCARD"
CONTACTS_NOT_A_FILE = "is not a regular file, so it was not read; give the contacts file itself"
CONTACTS_FILE_MISSING = "{path}: no such file."
CONTACTS_FILE_UNREADABLE = "{path}: cannot be read ({reason})."
CARD_NOT_CLOSED = (
    "this card does not end (END:VCARD) before the next one or the end of the file, "
    "so it was left out"
)
CARD_LINE_UNREADABLE = "this line is not a detail of a card (NAME:value), so its card was left out"
CARD_CHARSET_UNKNOWN = (
    "this card's text is in a character set that is not known ({detail}), so it was left out"
)
CARD_TEXT_BROKEN = "this card's text is not in the character set it names, so it was left out"
CARD_UNREADABLE = "this card cannot be read ({detail}), so it was left out"
CARD_NO_NAME = "this card has no name (FN or N), so it was left out"
CARD_BIRTHDAY_UNREADABLE = "the birthday {value!r} is not a day of the year; it was left out"
CARD_DATE_UNREADABLE = "the date {value!r} is not a day of the year; it was left out"
CARD_NAME_TWICE = "{name} is in the file twice (first at line {first}); this card was left out"
CARD_NAME_REFUSED = "{reason} This card was left out."
CONTACTS_NONE = "{file} holds no one who can be brought in."
CONTACTS_NONE_BECAUSE = "{file} holds no one who can be brought in (line {line}: {reason})."
CONTACTS_CHOOSE_CLI = (
    "{file} holds {count} people: {names}. Say who to bring in with --all, "
    "or --only NAME (repeatable)."
)
CONTACTS_NOT_A_CHAT = (
    "{path} is a contacts file (vCard); bring its people in with: reciprocity people import {path}"
)
CONTACTS_BOTH_CHOICES = "Give --all or --only, not both."
CONTACTS_ONLY_UNKNOWN = "No one called {name!r} is in {file}."
CONTACTS_ONLY_CLOSE = "No one called {name!r} is in {file}. Did you mean {close}?"
CONTACTS_ASK = "Who to bring in? Numbers (such as 1 3 5-7), new, all, or none"
CONTACTS_ASK_AGAIN = "{answer!r} is not a choice; give numbers from the list, new, all, or none."
CONTACT_NEW = "new"
CONTACT_PRESENT = "already in your list"
CONTACT_LINE_CLI = "{number:>4}. {name} ({status}){details}"
CONTACTS_ADDED = "Added {names}."
CONTACTS_FILLED = "Filled in what was missing for {names}."
CONTACTS_UNCHANGED = "Already in your list, with nothing new: {names}."
CONTACTS_DATES = "{count} dates to remember came with them."
CONTACTS_SKIPPED = "Left out of {file}:"
CONTACTS_SKIPPED_LINE = "  line {line}: {reason}"
CONTACTS_ONLY_KEPT = (
    "Only names, birthdays, dates to remember and notes are kept; never phone numbers or addresses."
)
CONTACT_DETAIL_DATES = "{count} dates to remember"
CONTACT_DETAIL_DATE = "1 date to remember"
CONTACT_DETAIL_NOTE = "a note"

NAV_CONTACTS = "From your contacts"
CONTACTS_TITLE = "Bring people in from your contacts"
CONTACTS_INTRO = (
    "Export your contacts as a vCard file (.vcf) from Apple Contacts, Google Contacts or "
    "your Android phone, and choose it here. You will see everyone in it and choose who to "
    "bring in. Only names, birthdays, anniversaries and other dates, and notes are kept: "
    "never phone numbers or addresses."
)
FIELD_CONTACTS_FILE = "Contacts file (.vcf)"
CONTACTS_PREVIEW_SUBMIT = "Show who is in it"
CONTACTS_NO_FILE = "Please choose a contacts file (.vcf)."
CONTACTS_CHECKLIST_TITLE = "Who to bring in from {file}"
CONTACTS_CHECKLIST_INTRO = (
    "New people are ticked. Someone already in your list is matched by name and never added "
    "twice: ticking them fills in only what is missing (a birthday, dates, a note)."
)
CONTACTS_CHECKLIST_LEGEND = "People in {file}"
CONTACTS_ALL_NEW = "{new} new, {present} already in your list"
CONTACTS_BRING_IN = "Bring in the people ticked"
CONTACTS_NONE_CHOSEN = "Please tick at least one person to bring in."
CONTACTS_SKIPPED_TITLE = "Left out"
CONTACTS_DONE_TITLE = "Brought in from {file}"
CONTACTS_ANOTHER = "Bring in from another file"
CONTACTS_ADD_MANY = "Many people at once? Bring them in from your contacts."
