"""Every sentence reciprocity says to a person, outside the audit's questions.

Calm, kind and specific. Errors say what was wrong and where, and what to try.
No sentence frames care as a debt or a score.
"""

from __future__ import annotations

# People
UNKNOWN_PERSON = "No one called {name!r} is in your list yet."
UNKNOWN_PERSON_CLOSE = "No one called {name!r} is in your list. Did you mean {close}?"
UNKNOWN_PERSON_HINT = " Add them with: reciprocity people add {name!r}"
NAME_EMPTY = "A name cannot be empty."
NAME_TOO_LONG = "That name is {length} characters long; please keep it under {limit}."
NAME_RESERVED = "'me' is the word reciprocity uses for you; please give this person another name."
NAME_TAKEN = "{name!r} is already in your list."
PERSON_ADDED = "Added {name}."
PERSON_UPDATED = "Updated {name}."
PERSON_REMOVED = (
    "Removed {name}, with {moments} moments, {seasons} seasons and {ratings} audit entries."
)
REMOVE_CONFIRM = (
    "This removes {name} and everything kept about them: {moments} moments, {seasons} seasons "
    "and {ratings} audit entries. Continue?"
)
REMOVE_NEEDS_YES = (
    "Removing {name} deletes everything kept about them; run it again with --yes to confirm."
)
NOTHING_CHANGED = "Nothing was changed."
NO_PEOPLE = "No one is in your list yet. Add someone with: reciprocity people add NAME"

# Values
DATE_UNREADABLE = (
    "{value!r} is not a date reciprocity can read; try 2026-03-14, 14 Mar 2026 or yesterday."
)
DATE_AMBIGUOUS = "{value!r} could be read two ways; please write it as {first} or {second}."
DATE_IN_FUTURE = "{value!r} is in the future; moments and seasons are things that have happened."
ENERGY_RANGE = "Energy is {value}; it goes from -2 (left you drained) to 2 (left you nourished)."
RATING_RANGE = "A rating of {value} is outside the scale; ratings go from 1 (one-directional) to 5 (roughly mutual)."
CHOICE_UNKNOWN = "{value!r} is not a {what}; choose one of: {choices}."
TEXT_EMPTY = "Please write a few words about the moment."
TEXT_TOO_LONG = "That note is {length} characters long; please keep it under {limit}."
VISION_NEEDED = (
    "A rating of {rating} for {dimension} asks for a vision: a few words on the mutual "
    "pattern you would like to build, or the boundary you want to set."
)
DIRECTION_NEEDED = (
    "A rating below 5 asks which way it leans: me (I carry more) or them (they carry more)."
)

# Moments
MOMENT_LOGGED = "Noted for {name} on {on}."

# Seasons
SEASON_STARTED = "Started a season of {kind} for {whose} on {start} (season {id})."
SEASON_ENDED = "Season {id} ({kind} for {whose}) ended on {end}."
SEASON_UNKNOWN = "There is no season with id {id}; 'reciprocity season list' shows them."
SEASON_ALREADY_ENDED = "Season {id} already ended on {end}."
SEASON_END_BEFORE_START = "Season {id} started on {start}; it cannot end before that, on {end}."
SEASON_EXPECTED = "Inside a season, one side needing more is expected."
NO_SEASONS = (
    "No seasons recorded. A season marks a stretch when someone needs more: illness, grief, a move."
)
YOU = "you"

# Audits
AUDIT_UNKNOWN = "There is no audit with id {id}; 'reciprocity audit list' shows them."
NO_AUDITS = "No audits yet. Run 'reciprocity audit' when you have a quiet half hour."
AUDIT_SAVED = "Saved audit {id} from {on}, covering {names}."
AUDIT_TITLE = "Audit {id} · {on}"
AUDIT_DRAFT_TITLE = "Your audit of {on}, not saved yet"
AUDIT_NOT_SAVED = "The audit was not saved; nothing was changed."
AUDIT_NEEDS_PEOPLE = (
    "An audit needs at least one person. Add someone first: reciprocity people add NAME"
)
AUDIT_NEEDS_TERMINAL = (
    "The audit asks questions; there was no answer to read, so nothing was saved."
)
AUDIT_PERSON_TWICE = "{name} appears twice in this audit; choose each person once."
COMPARE_NEEDS_TWO = "Comparing needs at least two audits{of}; there is {count} so far."

# Store
DB_URL_INVALID = "{url!r} is not a database address reciprocity understands ({reason})."
DB_CANNOT_OPEN = "Could not open the database at {where}: {reason}."
DB_FOLDER_MISSING = "the folder {folder} does not exist"
DB_NOT_DATABASE = "the file is not a reciprocity database"
DB_DRIVER_MISSING = "the driver for {dialect} is not installed"
DB_NEWER = (
    "The database at {where} was written by a newer version of reciprocity "
    "(schema {found}); please upgrade reciprocity to open it."
)
DB_BACKED_UP = "Copied the database to {path} before updating its layout."
DEMO_NOT_EMPTY = (
    "This database already holds your own data ({count} people). "
    "Use --force to replace it with the demo, or --db to load the demo elsewhere."
)
DEMO_LOADED = "Loaded the demo: {people} people, {moments} moments over a year, {seasons} seasons and {audits} audits."
DEMO_NEXT = "Try: reciprocity people list · reciprocity audit list · reciprocity people show {name}"

# Export and import
EXPORTED = (
    "Wrote {people} people, {moments} moments, {seasons} seasons, {audits} audits "
    "and {chats} imported chats to {path}."
)
IMPORTED = (
    "Restored {people} people, {moments} moments, {seasons} seasons, {audits} audits "
    "and {chats} imported chats from {path}."
)
FILE_MISSING = "{path}: no such file."
FILE_UNREADABLE = "{path}: cannot be read ({reason})."
CANNOT_WRITE = "Could not write {path}: {reason}."
EXPORT_NEEDS_JSON = "{path}: exports are JSON files; please use a name ending in .json."
JSON_INVALID = "not valid JSON ({reason}) at column {column}"
TRANSFER_NOT_RECIPROCITY = 'this JSON file is not a reciprocity export (no "format": "reciprocity")'
TRANSFER_VERSION = (
    "this export has version {found}; this reciprocity reads up to version {supported}"
)
TRANSFER_FIELD = "{where}: {problem}"
TRANSFER_MISSING = "'{key}' is missing"
TRANSFER_TYPE = "'{key}' should be {expected}"
TRANSFER_INTO_NON_EMPTY = (
    "This database already holds {count} people; restoring would mix two histories. "
    "Use --replace to replace everything (a copy is kept first), or --db to restore elsewhere."
)
TRANSFER_CHAT_TWICE = "the chat {key!r} appears twice in this file"
TRANSFER_CHAT_NO_ME = "{me!r} is not among this chat's members"
TRANSFER_CHAT_LENGTHS = "the message columns (and texts) should all be the same length"
TRANSFER_CHAT_COLUMN = "'{key}' holds a value out of its range"
REPLACED_BACKUP = "Kept a copy of what was there at {path}."
BACKUP_NOT_SQLITE = (
    "This database is not a SQLite file, so it cannot be copied from here. Export your data "
    "instead, or use your database's own backup tools."
)

# Chat imports
IMPORT_NEEDS_ME = (
    "Which of these is you? {names}. Tell reciprocity with --me NAME (it is remembered next time)."
)
IMPORT_ME_UNKNOWN = "{me!r} does not write in this chat; the people who do are: {names}."
IMPORT_PERSON_IN_GROUP = (
    "--person names the one other side of a two-person chat; this chat has several: {names}."
)
IMPORT_PERSON_IS_ME = (
    "{name!r} is you in this chat, so --person cannot name them too; "
    "--person is who the other side is in your list."
)
IMPORT_EMPTY = "No messages were found in this export, so there was nothing to import."
IMPORT_CHOOSE_THREAD = (
    "This backup holds {count} conversations ({names}). Your own messages in it do not "
    "say whom they went to, so import one conversation at a time with --chat NAME."
)
STORED_CHAT_DAMAGED = (
    "The stored messages of this chat for {day} could not be read ({reason}); "
    "nothing was changed. Restoring your latest backup (reciprocity import BACKUP.json "
    "--replace) will set it right."
)
IMPORT_SUMMARY = (
    "Read {messages} messages ({new} new) from {first} to {last}: {conversations} conversations."
)
IMPORT_PERSON_LINE = (
    "{name}: {conversations} conversations, {started_me} started by you and {started_them} by {name}; "
    "typical reply {reply_me} from you, {reply_them} from {name}."
)
IMPORT_ADDED = "Added to your list: {names}."
IMPORT_SKIPPED = "{count} lines were not understood and were left out:"
IMPORT_SKIPPED_LINE = "  line {line}: {reason}"
IMPORT_SKIPPED_MORE = "  … and {count} more (see --json for all of them)."
IMPORT_DATE_ORDER = "Dates were read as {order}, decided from the whole file; --date-order overrides it."
IMPORT_TEXT_KEPT = "Message text was kept, as you asked (--keep-text)."
IMPORT_TEXT_NOT_KEPT = "Message text was not kept; only when, who and how long."
REPLY_UNKNOWN = "not enough replies to say"
IMPORT_PROGRESS = "Reading messages"

# General
INTERNAL_ERROR = (
    "Something went wrong inside reciprocity ({kind}: {detail}). Nothing was changed. "
    "Set RECIPROCITY_DEBUG=1 to see the details."
)
INTERRUPTED = "Stopped. Nothing was changed."
USAGE_HINT = " (see 'reciprocity {command} --help')"

# -- chat imports: issue 13
IMPORT_CALLS = (
    "Calls read too: {calls} ({new} new). A call is someone reaching out, "
    "so it counts as contact of its own, not as a message."
)
IMPORT_REPEATED_RECORDS = (
    "Messages written twice in this file, under the same id and with the same content: "
    "{count}. Each was read once."
)
IMPORT_SAME_ID_OTHER_CONTENT = (
    "has the same id as the message on line {line} but other content; the first one was read"
)
IMPORT_ONLY_THEIRS = (
    "Only {names}'s side of this chat is in the export, none of your messages. "
    "It was still read; what it shows is that side alone."
)
IMPORT_ONLY_MINE = (
    "Only your side of this chat is in the export, none of {name}'s messages. "
    "It was still read; what it shows is your side alone."
)
IMPORT_ONE_NAME_WHO = (
    "Only {name} writes in this chat, so it does not show which side is you. "
    "Say which name is yours: {name}, if that is you, or your own name as your chats show it."
)
IMPORT_ONLY_MINE_WHO = (
    "Only you ({name}) write in this chat, so it does not show who the other side is; "
    "say who it is with."
)
IMPORT_EPOCH_UNIT = (
    "Times written in {unit} where this kind of export writes {expected}: {count}. "
    "They were read as {unit}, the only reading that gives a date a chat can have."
)
IMPORT_NOT_A_FILE = (
    "is not a regular file (a pipe, a socket or a device), so it was not read; "
    "give the export file itself"
)
IMPORT_YEAR_OUT_OF_RANGE = (
    "the date {date} is outside the years a chat can have ({first} to {last}); "
    "the message was left out"
)
TRANSFER_TOO_DEEP = "is JSON nested too deeply to be a reciprocity export"
JSON_NUMBER_TOO_LONG = "holds a number thousands of digits long, which no export has"
TRANSFER_HALF_CHARACTER = (
    "{where} holds half of a character (a lone surrogate such as \\ud83d), which no text can hold"
)
TRANSFER_SAME_AS = "{what} is already given at {other}; it can be there only once"
TRANSFER_CONFLICT = (
    "holds the same thing twice where it can be there only once ({detail}); nothing was restored"
)
TRANSFER_NUMBER_TOO_LARGE = "holds a number too large to keep; nothing was restored"
IMPORT_TOO_MANY_MESSAGES = (
    "holds more than {limit:,} messages, more than one import reads; "
    "export a shorter stretch of the chat (by date) and import the parts one after another"
)
IMPORT_DATES_DO_NOT_FIT = (
    "has dates that fit no one order: read as {order}{asked}, only {fit:,} of {total:,} "
    "message lines have a date that exists (line {line} reads {written!r}). Nothing was "
    "imported; the file may be damaged, or put together from exports of other phones"
)
IMPORT_ORDER_AS_ASKED = ", as asked"
IMPORT_LAYOUTS_MIXED = (
    "mixes message lines of more than one layout ({layouts}), and their dates fit no one "
    "order: read as {order}, only {fit:,} of {total:,} lines have a date that exists. "
    "Nothing was imported; import each export on its own"
)
IMPORT_LAYOUTS_APART = (
    "This file puts together message lines of more than one layout, whose dates are in "
    "different orders; each was read in its own: {layouts}."
)
IMPORT_LAYOUTS_SEEN = "This file mixes message lines of more than one layout: {layouts}."
IMPORT_FILE_CHANGED = "changed while it was being read; import it again once it is complete"
IMPORT_HEADER_LIKE = (
    "starts like a message ({start!r}) but could not be read as one; "
    "it was kept as part of the message before"
)
IMPORT_ZIP_TOO_LARGE = (
    "holds {name}, which unpacks to more than {limit:,} MiB: more than {ratio} times the "
    "zip's own size, which no chat text is. It was not read further"
)
IMPORT_MESSAGE_TOO_LONG = (
    "the message that starts on line {line} runs on for more than 4 MiB, longer than any "
    "chat message; its lines from here on were left out"
)
IMPORT_LINE_TOO_LONG = (
    "this line is {megabytes:,.1f} MiB long, longer than any chat message; "
    "only its first MiB was read"
)
JSON_BROKEN = "is not valid JSON ({reason}); the file may be cut short or edited"
JSON_TOO_DEEP = "objects and lists nested too deeply to be a chat export"
JSON_VALUE_TOO_LARGE = "a single value larger than any message (more than 64 MiB)"
IMPORT_SMS_LINE_TOO_LONG = (
    "has a line of more than 64 MiB even without its pictures, which no backup writes; "
    "it was not read further"
)
IMPORT_TOO_MANY_READ = (
    "This export holds more than {limit:,} messages, more than one import reads. Export a "
    "shorter stretch of the chat (by date) and import the parts one after another; "
    "nothing was changed."
)
IMPORT_TOO_MUCH_TEXT = (
    "Keeping the text of more than {messages:,} messages (or {megabytes} MB of text) is more "
    "than one import does. Import this export without keeping its text, or a shorter "
    "stretch of the chat at a time; nothing was changed."
)
JSON_EXPECTED = "expected {wanted!r} here, found {found!r}"
JSON_END = "the end of the file"
JSON_KEY_EXPECTED = "expected a key in double quotes"
JSON_AFTER_VALUE = "expected ',' or '{close}' after a value"
JSON_TRAILING = "there is more after the end of the JSON document"
IMPORT_LAYOUT = "'{written}' from line {line}"
IMPORT_LAYOUT_ORDER = ", read as {order}"
