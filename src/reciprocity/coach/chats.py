"""Chat exports as evidence: importing one, who is who, and what was found.

Said by ``reciprocity import`` and the web app's import pages alike; a few
command-line sentences (ending ``_CLI``) add the flag that changes the outcome,
and only the command line says them. What a chat suggests is said as a leaning
with how sure it can be, in the patterns' words; never as counts side by side.
"""

from __future__ import annotations

from reciprocity.coach.suggestions import leaning_label, number_word
from reciprocity.coach.terms import counted

# -- the command line and the services ----------------------------------------
# Errors are said in words every face can show; a ``_CLI`` sentence beside one is
# what the command line adds after it (``errors.hinted``): the flag to use.

IMPORT_NEEDS_ME = "Which of these is you? {names}. Your answer is remembered next time."
IMPORT_NEEDS_ME_CLI = "Say it with --me NAME."
IMPORT_ME_UNKNOWN = "{me!r} does not write in this chat; the people who do are: {names}."
IMPORT_PERSON_IS_ME = "{name!r} is you in this chat, so they cannot be the other side too."
IMPORT_PERSON_IS_ME_CLI = "--person is who the other side is in your list."
IMPORT_EMPTY = "No messages were found in this export, so there was nothing to import."
IMPORT_CHOOSE_THREAD = (
    "This backup holds {count} conversations ({names}). Your own messages in it do not "
    "say whom they went to, so it is imported one conversation at a time."
)
IMPORT_CHOOSE_THREAD_CLI = "Choose one with --chat NAME."
STORED_CHAT_DAMAGED = (
    "The stored messages of this chat for {day} could not be read ({reason}); "
    "nothing was changed. Bringing back your latest backup will set it right."
)
STORED_CHAT_DAMAGED_CLI = "('reciprocity import BACKUP.json --replace' restores one.)"
IMPORT_GROUP_CHOOSE = (
    "This is a group chat, and some of its people are not in your list: {names}. "
    "Say which of them to add; the others are not added."
)
IMPORT_GROUP_CHOOSE_CLI = "Name each with --person NAME, or add none of them with --add-none."
IMPORT_ADD_NONE_OR_PERSON_CLI = "Give --person NAME or --add-none, not both."
IMPORT_ADD_NONE_OR_PEOPLE = "Give the people to add, or add none of them, not both."
IMPORT_ADD_UNKNOWN = "{name!r} does not write in this chat; the people who do are: {names}."
IMPORT_ADD_IS_ME = "{name!r} is you in this chat, so they are not added to your list."
IMPORT_PAIR_ONE_PERSON = (
    "This chat is between you and one other person, so only one name can be given for them, "
    "not {count}."
)
IMPORT_SUMMARY = "Read {messages} ({new} new) from {first} to {last}: {conversations}."
IMPORT_SUMMARY_BARE = "Read {messages} ({new} new) from {first} to {last}."
IMPORT_UNCHANGED = (
    "Nothing new: this export ({messages}, from {first} to {last}) was imported on {day}, "
    "and all of it is still stored. Nothing was read again or changed."
)
IMPORT_MESSAGES = "{count} messages"
IMPORT_MESSAGE_ONE = "one message"
IMPORT_PERSON_LINE = "With {name}: {conversations}. {reply}"
IMPORT_LEANING_LINE = "  {dimension}: {leaning}."
IMPORT_ADDED = "Added to your list: {names}."
IMPORT_NOT_ADDED = (
    "Not added to your list: {names}. Their messages are kept with the chat, and what they "
    "wrote is read for no one; importing the chat again lets you add them."
)
IMPORT_SKIPPED = "{count} lines were not understood and were left out:"
IMPORT_SKIPPED_ONE = "One line was not understood and was left out:"
IMPORT_SKIPPED_LINE = "  line {line}: {reason}"
IMPORT_SKIPPED_MORE_CLI = "  … and {count} more (see --json for all of them)."
IMPORT_DATE_ORDER_CLI = (
    "Dates were read as {order}, decided from the whole file; --date-order overrides it."
)
IMPORT_TEXT_KEPT_CLI = "Message text was kept, as you asked (--keep-text)."
IMPORT_TEXT_NOT_KEPT = "Message text was not kept; only when, who and how long."
IMPORT_PROGRESS = "Reading messages"
IMPORT_ASK_PEOPLE = (
    "This group chat has people who are not in your list. Which of them would you like to add?"
)
IMPORT_ASK_KNOWN = "Already in your list, and read with this chat: {names}."
IMPORT_ASK_ANSWER = "Numbers or names, separated by commas (press Enter to add no one)"
IMPORT_ASK_AGAIN = "{answer!r} is not one of the numbers or names above; please try again."
IMPORT_NAMES_MORE = "{names} and {count} more"
NAMES_SHOWN = 12
"""Names a one-line message lists; a checklist or a terminal's question shows them all."""


def name_list(names: list[str]) -> str:
    """ "Sam, Rosa, Kit": names for a one-line message, the first dozen of a large group."""
    if len(names) <= NAMES_SHOWN:
        return ", ".join(names)
    return IMPORT_NAMES_MORE.format(
        names=", ".join(names[:NAMES_SHOWN]), count=len(names) - NAMES_SHOWN
    )


# -- what a chat suggests, the same on every face ------------------------------
# A leaning in the words of the patterns (coach.suggestions), never counts side by side.

IMPORT_REPLY_BOTH = "Replies usually came within about {time}, either way."
IMPORT_REPLY_ONE = "Replies usually came within about {time}."
IMPORT_REPLY_NONE = "There were not enough replies to say how quickly they came."
IMPORT_QUIET = (
    "{count} conversations had only one side writing. Silence says nothing about how much "
    "anyone cares."
)
IMPORT_QUIET_ONE = (
    "One conversation had only one side writing. Silence says nothing about how much anyone cares."
)
IMPORT_LEANING_READ = "{label}, read from {signs} in this chat"
IMPORT_LEANING_FEW = "not enough to say yet, with only {signs} in this chat"
IMPORT_LEANING_UNSURE = (
    "not enough to say yet: the {signs} in this chat do not point clearly one way or the other"
)
IMPORT_LEANING_SILENT = "Nothing in this chat speaks yet to {dimensions}."
IMPORT_CONVERSATION_COUNT = "{count} conversations"
IMPORT_CONVERSATION_ONE = "one conversation"
IMPORT_SIGNS = "{count} signs"
IMPORT_SIGN_ONE = "one sign"
IMPORT_MINUTES = "{minutes} min"
IMPORT_HOURS = "{hours} h"


def reply_time(minutes: float) -> str:
    """ "5 min", "2.5 h": a typical reply time as a person reads it."""
    if minutes < 90:
        return IMPORT_MINUTES.format(minutes=f"{minutes:.0f}")
    return IMPORT_HOURS.format(hours=f"{minutes / 60:.1f}")


def reply_words(mine: float | None, theirs: float | None) -> str:
    """How quickly replies came, as one time for both sides: the slower typical reply.

    Never one side's time beside the other's: replying fast is no measure of care.
    """
    known = [m for m in (mine, theirs) if m is not None]
    if not known:
        return IMPORT_REPLY_NONE
    template = IMPORT_REPLY_BOTH if len(known) == 2 else IMPORT_REPLY_ONE
    return template.format(time=reply_time(max(known)))


def summary_words(messages: int, new: int, first: str, last: str, conversations: int | None) -> str:
    """The first line of an import's summary; without conversations when no one was read."""
    said = IMPORT_MESSAGE_ONE if messages == 1 else IMPORT_MESSAGES.format(count=f"{messages:,}")
    if conversations is None:
        return IMPORT_SUMMARY_BARE.format(messages=said, new=f"{new:,}", first=first, last=last)
    return IMPORT_SUMMARY.format(
        messages=said,
        new=f"{new:,}",
        first=first,
        last=last,
        conversations=conversation_words(conversations),
    )


def unchanged_words(messages: int, first: str, last: str, day: str) -> str:
    """What an import says of an export it knew again (the same file, under any name)."""
    said = IMPORT_MESSAGE_ONE if messages == 1 else IMPORT_MESSAGES.format(count=f"{messages:,}")
    return IMPORT_UNCHANGED.format(messages=said, first=first, last=last, day=day)


def conversation_words(count: int) -> str:
    """ "one conversation", "twelve conversations", "40 conversations"."""
    if count == 1:
        return IMPORT_CONVERSATION_ONE
    return IMPORT_CONVERSATION_COUNT.format(count=number_word(count))


def silent_words(dimensions: list[str]) -> str:
    """The dimensions a chat holds no sign of, in one sentence; empty when there are none."""
    if not dimensions:
        return ""
    said = [d[:1].lower() + d[1:] for d in dimensions]
    listing = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]
    return IMPORT_LEANING_SILENT.format(dimensions=listing)


def quiet_words(count: int) -> str:
    """The conversations in which only one side wrote, both sides together; empty when none."""
    if count == 0:
        return ""
    return IMPORT_QUIET_ONE if count == 1 else IMPORT_QUIET.format(count=count)


def leaning_words(leaning: str, strength: float, signs: int, *, enough: bool, name: str) -> str:
    """What a chat suggests about one dimension, with how sure it can be.

    ``leaning`` is a patterns leaning (``me``, ``them``, ``mutual``, ``unknown``),
    said as the patterns say it; ``signs`` (at least one: ``silent_words`` says
    the others) is how many signs the chat holds for the dimension, both sides
    together; ``enough`` whether that is enough for a reading at all.
    """
    said = IMPORT_SIGN_ONE if signs == 1 else IMPORT_SIGNS.format(count=number_word(signs))
    if leaning == "unknown":
        return (IMPORT_LEANING_UNSURE if enough else IMPORT_LEANING_FEW).format(signs=said)
    return IMPORT_LEANING_READ.format(label=leaning_label(leaning, name, strength), signs=said)


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
    "YDM": "year, day, month",
    "DYM": "day, year, month",
    "MYD": "month, year, day",
}
FIELD_IMPORT_KEEP = "Keep the message text too"
FIELD_IMPORT_KEEP_HINT = (
    "Off unless you tick it: without the text, only when, who and how long are kept."
)
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
IMPORT_REPLY = "Replies"
IMPORT_QUIET_TITLE = "One side only"
IMPORT_EVIDENCE_TITLE = "What the messages suggest"
IMPORT_EVIDENCE_HINT = (
    "Signs found in the messages, such as starting a conversation, checking in, remembering "
    "a date or meeting hard news, read the way your own notes are. A chat shows part of "
    "what happens between you, so they sit beside what you note yourself; they are never "
    "a verdict."
)
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
IMPORT_CHOOSE_PEOPLE_TITLE = "Who would you like to add?"
IMPORT_CHOOSE_PEOPLE = "Add to your list"
IMPORT_CHOOSE_PEOPLE_HINT = (
    "Only the people you tick are added. Whoever you leave out is not added; their "
    "messages stay with the chat and are read for no one, and you can add them by "
    "importing the chat again."
)
IMPORT_CHOOSE_PEOPLE_SUBMIT = "Import and add the people ticked"
IMPORT_CHOOSE_PEOPLE_NONE_SUBMIT = "Import without adding anyone"
IMPORT_CHOOSE_PEOPLE_NONE = (
    "No one was ticked: tick the people to add, or choose to import without adding anyone."
)
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


def skipped_words(count: int, *, page: bool) -> str:
    """How many lines were left out: the page's sentence, or the command line's lead-in."""
    if page:
        return IMPORT_SKIPPED_INTRO_ONE if count == 1 else IMPORT_SKIPPED_INTRO.format(count=count)
    return IMPORT_SKIPPED_ONE if count == 1 else IMPORT_SKIPPED.format(count=count)


def order_words(order: str) -> str:
    """ "day, month, year": a date order (``DMY``) as a person reads it."""
    return IMPORT_ORDER_CHOICES.get(order, order)


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
IMPORT_ORDER_ASSUMED = (
    "The dates in this file read equally well in more than one order; {order} was assumed. "
    "If that is wrong, import it again and say which order its dates are in."
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
JSON_EXPECTED = "expected {wanted!r} here, found {found!r}"
JSON_END = "the end of the file"
JSON_KEY_EXPECTED = "expected a key in double quotes"
JSON_AFTER_VALUE = "expected ',' or '{close}' after a value"
JSON_TRAILING = "there is more after the end of the JSON document"
IMPORT_LAYOUT = "'{written}' from line {line}"
IMPORT_LAYOUT_ORDER = ", read as {order}"


# -- notes an importer adds to what it read ------------------------------------

SERVICE_MESSAGES = (
    "{count} service messages (joins, pins, title changes …) are not counted as messages"
)
SERVICE_MESSAGES_ONE = (
    "1 service message (a join, a pin, a title change …) is not counted as a message"
)
DAMAGED_LINES = "{lines} had bytes that are not UTF-8; they were read as \ufffd"


def messages_words(count: int) -> str:
    """ "1 message", "1,204 messages"."""
    return counted(count, "message")


def damaged_lines_words(count: int) -> str:
    """ "1 line had bytes that are not UTF-8; …": lines holding bytes that are not text."""
    return DAMAGED_LINES.format(lines=counted(count, "line"))


def service_messages_words(count: int) -> str:
    """A note on a Telegram chat's joins, pins and title changes, which are not messages."""
    return SERVICE_MESSAGES_ONE if count == 1 else SERVICE_MESSAGES.format(count=f"{count:,}")
