"""Chat exports as evidence: importing one, who is who, and what was found.

Said by ``reciprocity import`` and the web app's import pages alike; a few
command-line sentences (ending ``_CLI``) add the flag that changes the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping

from reciprocity.coach.terms import counted, moment_words

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
IMPORT_SUMMARY = "Read {messages} ({new} new) from {first} to {last}: {conversations}."
IMPORT_PERSON_LINE = (
    "{name}: {conversations}, {started_me} started by you and {started_them} by {name}; "
    "typical reply {reply_me} from you, {reply_them} from {name}."
)
IMPORT_ADDED = "Added to your list: {names}."
IMPORT_SKIPPED = "{count} lines were not understood and were left out:"
IMPORT_SKIPPED_ONE = "One line was not understood and was left out:"
IMPORT_SKIPPED_LINE = "  line {line}: {reason}"
IMPORT_SKIPPED_MORE_CLI = "  … and {count} more (see --json for all of them)."
IMPORT_DATE_ORDER_CLI = "Dates were read as {order}, decided from the whole file; --date-order overrides it."
IMPORT_TEXT_KEPT_CLI = "Message text was kept, as you asked (--keep-text)."
IMPORT_TEXT_NOT_KEPT = "Message text was not kept; only when, who and how long."
REPLY_UNKNOWN = "not enough replies to say"
IMPORT_PROGRESS = "Reading messages"
SERVICE_MESSAGES = (
    "{count} service messages (joins, pins, title changes …) are not counted as messages"
)
SERVICE_MESSAGES_ONE = "1 service message (a join, a pin, a title change …) is not counted as a message"
DAMAGED_LINES = "{lines} had bytes that are not UTF-8; they were read as \ufffd"

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
IMPORT_RUNNING = "Reading {file}: {messages} so far."
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
IMPORT_SKIPPED_INTRO_ONE = (
    "One line was left out. It is listed with its line number, so you can find it in the file."
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
JSON_NUMBER_TOO_LONG = "holds a number thousands of digits long, which no export has"
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


# -- sentences made from what an import returns ------------------------------


def import_headline(summary: Mapping[str, object]) -> str:
    """ "Read 1 message (1 new) from 3 Jan 2026, 08:12 to …: 1 conversation.", from ``as_dict``."""
    first, last = summary.get("first"), summary.get("last")
    return IMPORT_SUMMARY.format(
        messages=counted(int(str(summary["messages"])), "message"),
        new=f"{int(str(summary['new'])):,}",
        first=moment_words(str(first)) if first else "-",
        last=moment_words(str(last)) if last else "-",
        conversations=counted(int(str(summary["conversations"])), "conversation"),
    )


def conversations_words(count: int) -> str:
    """ "1 conversation", "12 conversations"."""
    return counted(count, "conversation")


def messages_words(count: int) -> str:
    """ "1 message", "1,204 messages"."""
    return counted(count, "message")


def reply_words(minutes: float | None) -> str:
    """A typical reply time as read: "12 min", "2.5 h", or that there were too few replies."""
    if minutes is None:
        return REPLY_UNKNOWN
    if minutes < 90:
        return IMPORT_MINUTES.format(minutes=f"{minutes:.0f}")
    return IMPORT_HOURS.format(hours=f"{minutes / 60:.1f}")


def skipped_words(count: int, *, listed_below: bool) -> str:
    """How many lines were left out, one or many; ``listed_below`` for the page's table."""
    if listed_below:
        return IMPORT_SKIPPED_INTRO_ONE if count == 1 else IMPORT_SKIPPED_INTRO.format(count=count)
    return IMPORT_SKIPPED_ONE if count == 1 else IMPORT_SKIPPED.format(count=count)


def damaged_lines_words(count: int) -> str:
    """ "1 line had bytes that are not UTF-8; …": a note on lines holding bytes that are not text."""
    return DAMAGED_LINES.format(lines=counted(count, "line"))


def service_messages_words(count: int) -> str:
    """A note on a Telegram chat's joins, pins and title changes, which are not messages."""
    return SERVICE_MESSAGES_ONE if count == 1 else SERVICE_MESSAGES.format(count=f"{count:,}")
