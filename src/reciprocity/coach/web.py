"""The words of the web app and of its charts, in one place.

Templates never hold sentences of their own: they show these, passed in as
``w``. The tone is the product's: calm, kind, specific; no tally, no verdict.
Sentences shared with the command line (errors, audit questions, pattern
labels) are not repeated here; they come from ``messages``, ``questions`` and
``suggestions``.
"""

from __future__ import annotations

from reciprocity.coach.terms import SEASON_KIND_WORDS, style_word
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
DOWNLOADS = "To read, print or share"
REPORT_HTML = "Report (HTML)"
REPORT_PDF = "Report (PDF)"
WORKSHEET_HTML = "Audit worksheet (HTML)"
WORKSHEET_PDF = "Audit worksheet (PDF)"

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
ROLES_NOW = "Roles now: {holders}."
ROLES_SWITCHING = "They switch {when}."
ROLES_SWITCH_SUBMIT = "Switch roles now"
ROLES_STOP_SUBMIT = "Stop sharing these roles"
ROLES_SHARE_DETAILS = "Share roles during this season"
ROLES_RESET_DETAILS = "Set the roles afresh"
ROLES_INTRO = (
    "During a hard stretch it can help to share roles: one plans, one listens, and then you "
    "switch, so no one is always the planner."
)
FIELD_ROLE_MINE = "Your role"
FIELD_ROLE_THEIRS = "Their role"
ROLE_MINE_PLACEHOLDER = "planner"
ROLE_THEIRS_PLACEHOLDER = "listener"
FIELD_ROLE_EVERY = "Switch every so many days (optional)"
FIELD_ROLE_EVERY_HINT = "A number such as 7; leave it blank to switch by hand, when it feels right."
FIELD_ROLE_WITH = "Who shares the roles with you"
ROLES_NEED_SOMEONE = "Add someone first; roles are always shared with someone."
ROLES_SHARE_SUBMIT = "Share these roles"
ROLES_NOTICES = {
    "roles-set": "Roles are shared now: {holders}.",
    "roles-stopped": (
        "Stopped sharing roles with {name}. The season goes on, and you can share roles again "
        "at any time."
    ),
}
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
    "Tick \"Replace everything here\" to restore over them (a copy is kept first), "
    "or restore into an empty database."
)
DATA_REPLACE = "Replace everything here with the file (a copy of what is here is kept first)"
DATA_REPLACED_COPY = "A copy of what was here before is kept beside your data (see Settings)."
DATA_LIMIT = "Files up to {limit}."
DATA_NO_FILE = "Please choose an export file to restore."

# Check-ins
NAV_CHECKIN = "Check-ins"
CHECKINS_TITLE = "Check-ins"
CHECKINS_CHOOSE = "Who would you like to check in with?"
CHECKINS_PLANNED = "next planned for {day}"
CHECKINS_LAST = "last check-in on {day}"
CHECKINS_NEVER = "no check-in yet"
CHECKIN_TITLE = "Check-in with {name}"
NEED_WHO = "Please choose someone from your list."
CHECKIN_NEED_SOMEONE = "Add someone first; a check-in is always with someone."
CHECKIN_PREPARE = "Before you talk"
CHECKIN_RECORD = "After you talk"
CHECKIN_RECORD_INTRO = (
    "Note what each of you said, in a line or two. Leave anything blank that did not come up."
)
CHECKIN_OUTCOMES = "How did last time's adjustments go?"
OUTCOME_CHOICES = {"happened": "yes", "partly": "partly", "not-yet": "not yet", "": "not now"}
CHECKIN_AGREED = "What you both agreed to try"
CHECKIN_AGREED_HINT = "One per line. They come back at your next check-in, to see how they went."
CHECKIN_ON = "When you talked"
CHECKIN_NEXT = "When to check in next"
CHECKIN_NEXT_HINT = "Four weeks on is suggested. Leave it empty for no plan."
CHECKIN_SAVE = "Save the check-in"
CHECKIN_SAVE_AS_WRITTEN = "Save as written"
CHECKIN_NOTES_TITLE = "A few thoughts on the wording"
CHECKIN_NOTES_INTRO = (
    "Your words are saved as you wrote them. Change them above if you like, then save."
)
CHECKIN_PAST = "Past check-ins"
CHECKIN_NONE_PAST = "No check-ins with {name} yet."
CHECKIN_PAST_NEXT = "Next planned for {day}."
CHECKIN_ANSWER_LABELS = {
    "supported": "Felt supported",
    "meaningful": "Meant the most",
    "drained": "Felt drained",
}
CHECKIN_AGREED_SHORT = "Agreed"
CHECKIN_NOTHING_SAID = "nothing noted"
CHECKIN_LAST_MONTH = "the last month"

# Rituals
NAV_RITUALS = "Rituals"
RITUALS_TITLE = "Rituals"
RITUALS_INTRO = (
    "Shared habits with a rhythm: a weekly call, a monthly dinner, hosts taking turns. "
    "Skipping one by choice is part of keeping a ritual, and missing one is simply life."
)
RITUALS_NONE = "No rituals yet. A ritual is a shared habit with a rhythm; you can add one below."
RITUAL_WITH = "With {names}"
RITUAL_TODAY = "Planned for today, {day}."
RITUAL_WAITING = "Planned for {day}; not marked yet."
RITUAL_NEXT = "Next on {day}."
RITUAL_NO_NEXT = "Nothing more is planned."
RITUAL_ENDED_ON = "Ended on {day}."
RITUAL_KEPT = "Lately: {kept}."
RITUAL_COMING = "Coming up"
RITUAL_DONE_SUBMIT = "Mark {day} as done"
RITUAL_DONE_DETAILS = "When it happened, who hosted, a note (optional)"
RITUAL_DONE_ON = "It happened on"
RITUAL_HOSTED = "Who hosted or started it"
RITUAL_HOST_ME = "me"
RITUAL_DONE_NOTE = "A note (optional)"
RITUAL_SKIP_SUBMIT = "Skip {day}"
RITUAL_MOVE_TO = "Move {day} to"
RITUAL_MOVE_SUBMIT = "Move it"
RITUAL_ADD_TITLE = "Add a ritual"
FIELD_RITUAL_TITLE = "What it is"
FIELD_RITUAL_TITLE_HINT = "For example: Sunday call, monthly dinner, a walk."
FIELD_RITUAL_RULE = "How often"
FIELD_RITUAL_RULE_HINT = (
    "For example: weekly, fortnightly, monthly, every sunday, monthly on the first saturday, "
    "every 3 weeks, or a calendar rule such as FREQ=WEEKLY;BYDAY=SU."
)
FIELD_RITUAL_FROM = "Starting on"
FIELD_RITUAL_UNTIL = "Ending on (optional)"
FIELD_FUTURE_HINT = "For example 2026-12-06, 6 Dec 2026 or today."
FIELD_RITUAL_AT = "Time of day (optional)"
FIELD_RITUAL_AT_HINT = "Like 19:30; it appears in your calendar export."
FIELD_RITUAL_ZONE = "Time zone (optional)"
FIELD_RITUAL_ZONE_HINT = "Like Europe/London; only with a time of day."
FIELD_RITUAL_ALSO = "Also with (optional)"
FIELD_RITUAL_FIRST = "Who hosts or starts it first"
FIELD_RITUAL_ROTATE = "Take turns hosting or starting it?"
RITUAL_ROTATE_CHOICES = {"yes": "yes, take turns", "no": "no"}
RITUAL_ADD_SUBMIT = "Add the ritual"
RITUAL_MOVE_NEEDS_DAY = "Please say which day it moves to."
RITUAL_ENDS_ON = "Its last day is {day}."
RITUAL_END_DETAILS = "Let this ritual end"
RITUAL_END_TO = "Last day (optional)"
RITUAL_END_HINT = "Leave it blank for today. What has happened so far is kept."
RITUAL_END_SUBMIT = "End this ritual"
RITUAL_ENDED_NOTICE = (
    "{title} now ends on {end}. Its history is kept, and nothing more is planned after that day."
)

# Boundaries
NAV_BOUNDARIES = "Boundaries"
BOUNDARIES_TITLE = "Boundaries"
BOUNDARIES_INTRO = (
    "A boundary here is a specific request, not an ultimatum: what you would like, when, and "
    "what you will do instead. Each one is looked at again after a while, and it may change."
)
BOUNDARIES_NONE = "No boundaries noted yet."
BOUNDARIES_SHOW_RETIRED = "Show retired ones too"
BOUNDARIES_HIDE_RETIRED = "Hide retired ones"
BOUNDARY_WITH = "With {name}"
BOUNDARY_OWN = "Your own limit"
BOUNDARY_META = "{area} · {status} · since {since}"
BOUNDARY_REVIEW_ON = "Look at it again on {day}."
BOUNDARY_NO_REVIEW = "No review planned."
BOUNDARY_REVIEW_DUE = "time to look again"
BOUNDARY_REVIEW_TITLE = "Review this request"
FIELD_BOUNDARY_STATUS = "Where it stands now"
BOUNDARY_STATUS_WORDS = {
    "active": "active",
    "respected": "respected",
    "renegotiated": "renegotiated",
    "retired": "retired",
}
FIELD_BOUNDARY_NEW_REQUEST = "New words for the request (optional)"
FIELD_BOUNDARY_NEXT = "Look at it again on (optional)"
FIELD_BOUNDARY_NEXT_HINT = "Empty means six weeks from today; a retired request needs no review."
FIELD_BOUNDARY_REVIEW_NOTE = "How it has gone (optional)"
BOUNDARY_REVIEW_SUBMIT = "Save the review"
BOUNDARY_ADD_TITLE = "Add a boundary"
FIELD_BOUNDARY_WHOSE = "With"
BOUNDARY_WHOSE_ME = "my own limit"
FIELD_BOUNDARY_AREA = "What it protects"
BOUNDARY_AREA_WORDS = {
    "time": "time",
    "energy": "energy",
    "emotional-labour": "emotional labour",
    "topics": "topics",
    "other": "something else",
}
FIELD_BOUNDARY_REQUEST = "The request"
FIELD_BOUNDARY_REQUEST_HINT = (
    "Specific words: what, when, and what you will do instead. For example: "
    "calls after nine can wait until the morning."
)
FIELD_BOUNDARY_SINCE = "Since"
FIELD_BOUNDARY_REVIEW = "Look at it again on (optional)"
FIELD_BOUNDARY_REVIEW_HINT = "Six weeks on if left empty."
BOUNDARY_ADD_SUBMIT = "Add the boundary"
BOUNDARY_NOTICES = {
    "added": "Added. It comes up to look at again on {day}.",
    "reviewed": "Saved the review.",
}
PHRASING_THOUGHT = "A gentle thought on the wording: {why} Perhaps: {rewrite}"

# Small wins
NAV_WINS = "Small wins"
WINS_TITLE = "Small wins"
WINS_INTRO = "Something that went well between you and someone, noticed and kept. Small is the point."
WINS_NONE = "No small wins noted yet."
WINS_NONE_WITH = "No small wins noted with {name} yet."
WINS_FILTER = "Show wins with"
WINS_FILTER_ALL = "everyone"
WINS_FILTER_SUBMIT = "Show"
WIN_ADD_TITLE = "Note a small win"
FIELD_WIN_WHOSE = "With"
WIN_WHOSE_ME = "just me"
FIELD_WIN_TEXT = "What went well"
WIN_ADD_SUBMIT = "Keep it"
WIN_MINE = "yours"

# Rhythms and dates to remember
NAV_RHYTHMS = "Rhythms & dates"
RHYTHMS_TITLE = "Rhythms and dates to remember"
RHYTHMS_INTRO = (
    "How often you would like to be in touch with each person, and the dates worth "
    "remembering. Any contact resets a rhythm: a moment, a check-in, a ritual kept or an "
    "imported chat. A long gap is a reminder to say hello, never a sign that anyone cares less."
)
RHYTHMS_HEADING = "Keep-in-touch rhythms"
RHYTHMS_NONE = (
    "No rhythms set yet. A rhythm says how often you would like to be in touch with someone; "
    "you can set one below."
)
RHYTHM_GAPS = "Ideally every {ideal} days; up to {longest} days apart feels comfortable."
RHYTHM_LAST = "Last in touch on {day}, {days} days ago."
RHYTHM_LAST_TODAY = "In touch today."
RHYTHM_LAST_NONE = (
    "Not in touch here yet; a moment, a check-in, a ritual kept or an imported chat all count."
)
RHYTHM_WITHIN = "Within the rhythm you chose."
RHYTHM_CHANGE_DETAILS = "Change this rhythm"
RHYTHM_CHANGE_SUBMIT = "Save the change"
RHYTHM_CLEAR_SUBMIT = "Clear the rhythm with {name}"
RHYTHM_SET_TITLE = "Set or change a rhythm"
RHYTHM_SET_HINT = "Choosing someone who already has a rhythm changes it."
FIELD_RHYTHM_PERSON = "With"
FIELD_RHYTHM_IDEAL = "The gap that feels right, in days"
FIELD_RHYTHM_IDEAL_HINT = "For example 7 for about once a week, or 14 for every fortnight."
FIELD_RHYTHM_LONGEST = "The longest gap that still feels comfortable, in days (optional)"
FIELD_RHYTHM_LONGEST_HINT = "Twice the ideal gap if left empty."
RHYTHM_SET_SUBMIT = "Set the rhythm"
RHYTHM_NEED_SOMEONE = "Add someone first; a rhythm is always with someone."
DATES_HEADING = "Dates to remember"
DATES_INTRO = (
    "Anniversaries, hard dates, exams: the next to come round first. Birthdays are kept on "
    "each person's page."
)
DATES_NONE = "No dates added yet."
DATE_NEXT = "Next on {day}, in {days} days."
DATE_NEXT_TOMORROW = "Tomorrow, {day}."
DATE_NEXT_TODAY = "Today, {day}."
DATE_PAST = "Was on {day}."
DATE_EVERY_YEAR = "every year, from {on}"
DATE_ONCE = "once"
DATE_MINE = "yours"
DATE_REMOVE_SUBMIT = "Remove {title}"
DATE_ADD_TITLE = "Add a date to remember"
FIELD_DATE_WHOSE = "Whose date"
DATE_WHOSE_ME = "my own"
FIELD_DATE_TITLE = "What it is"
FIELD_DATE_TITLE_HINT = "For example: wedding anniversary, a hard date, the last day of exams."
FIELD_DATE_ON = "The date"
FIELD_DATE_ON_HINT = "For example 2027-03-14 or 14 Mar 2027."
FIELD_DATE_YEARLY = "It comes back every year"
DATE_ADD_SUBMIT = "Remember this date"
DATE_REMOVED = "Removed that date; everything else is as it was."

# Chat import
NAV_IMPORT = "Import a chat"
IMPORT_TITLE = "Import a chat"
IMPORT_INTRO = (
    "Your own chat exports are the best record of who reaches out, and how. The file is read "
    "here, on this computer; only when, who and how long are kept, not what was said, unless "
    "you ask for the text too. Importing the same or an overlapping export again never counts "
    "anything twice."
)
IMPORT_FORMATS = "Understood: {formats}."
FIELD_IMPORT_FILE = "Chat export file"
FIELD_IMPORT_ME = "Your name in the chat (optional)"
FIELD_IMPORT_ME_HINT = "Needed only when it cannot be told from the file; it is remembered."
FIELD_IMPORT_PERSON = "Who the other side is (optional)"
FIELD_IMPORT_PERSON_HINT = "For a chat with one other person whose name differs from your list."
IMPORT_PERSON_AS_NAMED = "as named in the chat"
FIELD_IMPORT_ORDER = "Date order (optional)"
IMPORT_ORDER_DETECTED = "worked out from the file"
IMPORT_ORDER_CHOICES = {
    "DMY": "day, month, year",
    "MDY": "month, day, year",
    "YMD": "year, month, day",
}
FIELD_IMPORT_KEEP = "Keep the message text too"
FIELD_IMPORT_KEEP_HINT = "Off unless you tick it: without the text, only when, who and how long are kept."
IMPORT_SUBMIT = "Import"
IMPORT_NO_FILE = "Please choose a chat export file."
IMPORT_IS_RECIPROCITY = (
    "This is a reciprocity export, not a chat export. It can be restored on the Your data page."
)
IMPORT_RUNNING_TITLE = "Reading {file}"
IMPORT_STARTING = "Reading {file} …"
IMPORT_RUNNING = "Reading {file}: {count} messages so far."
IMPORT_RUNNING_HINT = (
    "This page refreshes by itself every two seconds until the import is done; "
    "nothing is kept until it is complete."
)
IMPORT_DONE_TITLE = "Imported {file}"
IMPORT_WITH = "With {name}"
IMPORT_SEE_PERSON = "See {name}'s page"
IMPORT_CONVERSATIONS = "Conversations"
IMPORT_STARTED = "Who started them"
IMPORT_STARTED_VALUE = "{me} by you, {them} by {name}"
IMPORT_REPLY = "Typical reply"
IMPORT_REPLY_VALUE = "{me} from you, {them} from {name}"
IMPORT_UNANSWERED = "Reaching out that went unanswered"
IMPORT_UNANSWERED_VALUE = "{me} from you, {them} from {name}"
IMPORT_MINUTES = "{minutes} min"
IMPORT_HOURS = "{hours} h"
IMPORT_EVIDENCE_TITLE = "What the messages speak to"
IMPORT_EVIDENCE_HINT = (
    "Signs found in the messages, such as checking in, remembering a date or meeting hard "
    "news. They sit beside what you note yourself; they are never a verdict."
)
IMPORT_EVIDENCE_COLUMN = "Dimension"
IMPORT_EVIDENCE_YOU = "From you"
IMPORT_EVIDENCE_THEM = "From {name}"
IMPORT_EVIDENCE_NONE = "No signs of these kinds were found in this chat."
IMPORT_DATE_ORDER = "Dates were read as {order}, decided from the whole file."
IMPORT_TEXT_KEPT = "Message text was kept, as you asked."
IMPORT_TEXT_NOT_KEPT = "Message text was not kept; only when, who and how long."
IMPORT_SKIPPED_TITLE = "Lines not understood"
IMPORT_SKIPPED_INTRO = (
    "{count} lines were left out. Each is listed with its line number, so you can find it "
    "in the file."
)
IMPORT_SKIPPED_NONE = "Every line was understood."
IMPORT_SKIPPED_LINE = "Line"
IMPORT_SKIPPED_WHY = "Why"
IMPORT_SKIPPED_MORE = "… and {count} more."
IMPORT_CHOOSE_TITLE = "Who is who in this chat?"
IMPORT_CHOOSE_ME = "Which of these is you?"
IMPORT_CHOOSE_PERSON = "Who is the other side in your list? (optional)"
IMPORT_CHOOSE_SUBMIT = "Import with these choices"
IMPORT_FAILED_TITLE = "This chat could not be imported"
IMPORT_NOTHING_CHANGED = "Nothing was changed."
IMPORT_AGAIN = "Import another chat"
IMPORT_GONE = (
    "This import is no longer here: imports are kept only while the app runs. "
    "Please choose the file again."
)
IMPORT_CRASHED = (
    "Something went wrong inside reciprocity while reading {file} ({kind}). Nothing was changed."
)

# Settings and backups
NAV_SETTINGS = "Settings"
SETTINGS_TITLE = "Settings and backups"
SETTINGS_INTRO = "Where your data lives, copies of it, and how this app is set up."
SETTINGS_WHERE = "Where your data lives"
SETTINGS_DATABASE = "Database"
SETTINGS_DEMO_NOTE = "This is the throwaway demo database; it is removed when the app stops."
SETTINGS_CHOOSE_DB = (
    "The database is chosen when reciprocity starts: with --db URL, or the RECIPROCITY_DB "
    "environment variable; otherwise it is a file in your user data folder."
)
SETTINGS_BACKUPS = "Backups"
SETTINGS_BACKUPS_INTRO = (
    "A backup is a complete copy of the database file, kept beside it. reciprocity also makes "
    "one by itself before anything rewrites the file."
)
SETTINGS_BACKUP_NOW = "Make a backup now"
SETTINGS_BACKUP_MADE = "Made a backup: {path}"
SETTINGS_BACKUPS_NONE = "No backups beside the database yet."
SETTINGS_BACKUP_FILE = "File"
SETTINGS_BACKUP_SIZE = "Size"
SETTINGS_BACKUP_WHEN = "Made"
SETTINGS_NOT_SQLITE = (
    "This database is not a SQLite file, so it cannot be copied from here. Download an export "
    "on the Your data page, or use your database's own backup tools."
)
SETTINGS_APP = "This app"
SETTINGS_ADDRESS = "Address"
SETTINGS_HOSTS = "Answers to"
SETTINGS_UPLOAD = "Largest upload"
SETTINGS_UPLOAD_HINT = "reciprocity serve --upload-limit MB changes it."
SETTINGS_CHATS = "Reading chat exports"
SETTINGS_SILENCE = "A new conversation starts after {hours} hours of silence."
SETTINGS_REPLY = "A reply counts as one when it comes within {hours} hours."
SETTINGS_LONG = "A long message has more than {chars} characters."
SETTINGS_TEXT = "Message text is not kept unless you ask for it on an import."
SETTINGS_VERSION = "Version"

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


def dimension_title(dimension: Dimension | str) -> str:
    return DIMENSION_TITLES[Dimension(dimension)]


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
