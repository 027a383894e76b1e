"""Chat exports as evidence: importing one, who is who, and what was found.

Said by ``reciprocity import`` and the web app's import pages alike; a few
command-line sentences (ending ``_CLI``) add the flag that changes the outcome.
"""

from __future__ import annotations

# -- the command line and the services ----------------------------------------

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
IMPORT_SKIPPED_MORE_CLI = "  … and {count} more (see --json for all of them)."
IMPORT_DATE_ORDER_CLI = "Dates were read as {order}, decided from the whole file; --date-order overrides it."
IMPORT_TEXT_KEPT_CLI = "Message text was kept, as you asked (--keep-text)."
IMPORT_TEXT_NOT_KEPT = "Message text was not kept; only when, who and how long."
REPLY_UNKNOWN = "not enough replies to say"
IMPORT_PROGRESS = "Reading messages"

# -- the web pages ------------------------------------------------------------

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
IMPORT_SKIPPED_TITLE = "Lines not understood"
IMPORT_SKIPPED_INTRO = (
    "{count} lines were left out. Each is listed with its line number, so you can find it "
    "in the file."
)
IMPORT_SKIPPED_NONE = "Every line was understood."
IMPORT_SKIPPED_LINE_HEADER = "Line"
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
