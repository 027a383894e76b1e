"""What the lines of a WhatsApp export look like: headers, times, names, placeholders.

One message per header line, continuation lines following::

    13/02/2020, 10:00 - Alice: hi                      Android: date, time, " - "
    [13/02/2020, 10:00:00] Alice: hi                   iOS: date and time in brackets
    2/13/20, 1:02 PM - Bob: a message that             12-hour clocks, any date order
    13.2.2020 klo 10.00 - Alice: moi                   a word between date and time
    26/09/2019 à 22:39 - Alice: salut                  (Finnish, French, and others)
    13/02/2020, 11:30 p. m. - Alice: hola              Spanish, with no-break spaces
    13.07.17, 10:36 p.m.  - R: hi                      two spaces before the dash
    12.07.2017, 22:35:22: Alice: hi                    older exports: a colon, no dash
    2020. 2. 13. 오후 10:00 - 민수: 안녕                 AM/PM before the time

The date is three numbers in any of the six orders of day, month and year
(``dateorder`` decides which). Every pattern here is on bytes: the parser works
on the file's UTF-8 without decoding it whole.

Pure: constants and small functions over bytes and text.
"""

from __future__ import annotations

import re
from datetime import timedelta

from reciprocity.evidence import dateorder
from reciprocity.evidence.message import MessageKind

# A normal, no-break (U+00A0) or narrow no-break (U+202F) space.
SPACE = rb"(?: |\xc2\xa0|\xe2\x80\xaf)"
DATE = rb"\d{1,4}(?P<sep>[./-]) ?\d{1,4}(?P=sep) ?\d{1,4}\.?"
# AM and PM written before the time (Korean, Japanese, Chinese).
_BEFORE_TIME = "(?:오전|오후|午前|午後|上午|下午)".encode()
# Between date and time: a comma, a space, and up to two short words in any
# script ("klo", "à", "a las", "kl.", "в", "om" …), never an AM/PM word.
_WORD = rb"(?!" + _BEFORE_TIME + rb")[A-Za-z\x80-\xff]{1,12}\.?" + SPACE
AFTER_DATE = rb",?" + SPACE + rb"(?:" + _WORD + rb"){0,2}"
TIME = (
    rb"(?:" + _BEFORE_TIME + SPACE + rb"?)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\.?"
    rb"(?:" + SPACE + rb"?[aApP]\.?" + SPACE + rb"?[mM]\.?)?"
)
# After the time: "] " in brackets; " - " (one to three spaces before the
# dash); or, in older exports, ": " right after a time with seconds.
TAIL = rb"(?(bracket)\] ?|(?:" + SPACE + rb"{1,3}- |(?<=\d[:.]\d\d[:.]\d\d): ))"
_OPEN = rb"(?P<bracket>\[)?"
HEADER = re.compile(_OPEN + DATE + AFTER_DATE + TIME + TAIL)
"""A message's first line starts so."""
# A run: a header line, then every line that starts with the same text up to
# the time (same date, same shape) or that does not start like a date at all.
# A line that starts like another date ends the run, and the next header
# starts the next one. The possessive ``*+`` keeps no backtracking state.
_RUN_TEXT = (
    rb"(?P<prefix>"
    + _OPEN
    + rb"(?P<date>"
    + DATE
    + rb")"
    + AFTER_DATE
    + rb")"
    + TIME
    + TAIL
    + rb"[^\n]*"
    rb"(?:\n(?:(?P=prefix)[^\n]*|(?!\[?\d{1,4}[./-])[^\n]*))*+"
)
# Searching for "newline, then header" is fast; a text's first line has no newline before it.
RUN = re.compile(b"\n" + _RUN_TEXT)
FIRST_RUN = re.compile(_RUN_TEXT)
HEADER_AT_LINE = re.compile(b"\n" + _OPEN + DATE + AFTER_DATE + TIME + TAIL)
# Within a run the date is cut off: what is left of a header starts with the time.
STAMP = re.compile(
    rb"(?P<stamp>" + TIME + rb")(?P<tail>\] ?|" + SPACE + rb"{1,3}- |(?<=\d[:.]\d\d[:.]\d\d): )"
)
KEY = re.compile(rb"(?P<stamp>" + TIME + rb")(?:\] ?|" + SPACE + rb"{1,3}- )(?P<name>[^\n]*)")
"""What comes before a header's first ": " in the usual layouts: the time, the tail, the name."""
_CLOCK = re.compile(
    rb"(?:(" + _BEFORE_TIME + rb")" + SPACE + rb"?)?(\d{1,2})[:.](\d\d)(?:[:.](\d\d))?\.?"
    rb"(?:" + SPACE + rb"?([aApP])\.?" + SPACE + rb"?[mM]\.?)?"
)
_PM_BEFORE = frozenset(word.encode() for word in ("오후", "午後", "下午"))
_AM_BEFORE = frozenset(word.encode() for word in ("오전", "午前", "上午"))
# A line that has a header's shape (a date, a time, then a dash, bracket or
# colon) but is no header this version reads: it is listed, never merged or
# dropped in silence. "31/12/2019, 23:59 was a great night" has no such shape.
_AFTER_CLOCK = rb"(?:[:.]\d\d)?[\s.aApPmM\xc2\xa0\xe2\x80\xaf]{0,8}(?:-|\xe2\x80\x93|\]|:)"
HEADER_LIKE = re.compile(
    rb"\[?\d{1,4}[./-] ?\d{1,4}[./-] ?\d{1,4}[^\n]{0,24}?\d{1,2}[:.h]\d\d" + _AFTER_CLOCK
)
STAMP_LIKE = re.compile(rb"[^\n]{0,12}?\d{1,2}[:.h]\d\d" + _AFTER_CLOCK)
"""The same, for what is left of a line once its date was cut off."""
DIGITS = re.compile(rb"\d+")
# Bidirectional marks that iOS and right-to-left locales put at line starts.
MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
LINE_MARK_START = re.compile(rb"\n\xe2[\x80\x81]")  # a cheap first look for the next one
LINE_MARKS = re.compile(rb"\n(?:\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9])+")
FIRST_MARKS = re.compile(rb"(?:\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9])+")
LONGEST_TIME = 32  # bytes in the longest time text, "오후 12:59:59\u202fp.\u202fm." and then some

# What a system line says, in the languages seen most. Looked for in what
# would be the author's name (the text before the first colon) and in iOS
# bodies that start with U+200E; a person's name never reads like this.
SYSTEM = re.compile(
    "|".join(
        (
            # English
            r"end-to-end encrypted|end-to-end encryption|security code",
            r" created group | created this group|^You were added|^You joined",
            r" added | removed | left$|^You left| joined using",
            r" changed the subject | changed the group | changed this group's",
            r" changed the group description| deleted the group description",
            r" changed their phone number| changed to \+| changed the settings",
            r" turned (?:on|off) disappearing messages|^Disappearing messages",
            r"now an admin|no longer an admin| pinned a message| reset this group's invite link",
            r"blocked this contact|This chat is with a business account|uses a secure service from Meta",
            # German, Spanish, French, Portuguese, Italian, Dutch: the lines that
            # quote user text (and so may hold a colon), and the common events
            r" hat den Betreff | hat die Gruppe | hat die Gruppenbeschreibung | hat (?:\S+ )?hinzugefügt",
            r" cambió el asunto | cambió el nombre del grupo| creó el grupo | añadió a | salió",
            r" a changé le sujet | a changé le nom du groupe| a créé le groupe | a ajouté ",
            r" mudou o assunto | mudou o nome do grupo| criou o grupo | adicionou ",
            r" ha cambiato l'oggetto | ha cambiato il nome del gruppo| ha creato il gruppo ",
            r" heeft het onderwerp | heeft de groepsnaam | heeft de groep .* aangemaakt",
        )
    )
)


def _same(kind: MessageKind | None, *texts: str) -> dict[bytes, MessageKind | None]:
    return {text.encode(): kind for text in texts}


KINDS: dict[bytes, MessageKind | None] = {
    **_same(
        MessageKind.MEDIA,
        "<Media omitted>",
        "<Medien ausgeschlossen>",
        "<Multimedia omitido>",
        "<Médias omis>",
        "<Mídia oculta>",
        "<Media omessi>",
        "<Media weggelaten>",
        "<Media tidak disertakan>",
        "<Medya dahil edilmedi>",
        "<Без медиафайлов>",
        "<Sticker omitted>",
        "<Video note omitted>",
        "<View once voice message omitted>",
        "image omitted",
        "video omitted",
        "audio omitted",
        "sticker omitted",
        "GIF omitted",
        "document omitted",
        "Contact card omitted",
    ),
    **_same(
        MessageKind.DELETED,
        "This message was deleted",
        "This message was deleted.",
        "You deleted this message",
        "You deleted this message.",
        "Diese Nachricht wurde gelöscht.",
        "Du hast diese Nachricht gelöscht.",
        "Se eliminó este mensaje.",
        "Eliminaste este mensaje.",
        "Ce message a été supprimé",
        "Vous avez supprimé ce message",
        "Mensagem apagada",
        "Você apagou esta mensagem",
        "Questo messaggio è stato eliminato",
        "Hai eliminato questo messaggio",
        "Dit bericht is verwijderd",
        "Je hebt dit bericht verwijderd",
        # A message the phone could not decrypt: its content is gone as well.
        "Waiting for this message. This may take a while.",
    ),
    **_same(
        None,
        "Messages and calls are end-to-end encrypted. No one outside of this chat, "
        "not even WhatsApp, can read or listen to them.",
        "Messages and calls are end-to-end encrypted. No one outside of this chat, "
        "not even WhatsApp, can read or listen to them. Tap to learn more.",
        "Messages to this group are now secured with end-to-end encryption. Tap for more info.",
        "Messages you send to this chat and calls are now secured with end-to-end "
        "encryption. Tap for more info.",
    ),
}
"""Whole bodies that stand for something other than text (None: a system line
some exports attribute to a person)."""
# Bodies that need a closer look than the table: iOS placeholders start with
# U+200E, old iOS attachments read "<attached: …>", Android attachments
# "IMG-….jpg (file attached)" with the caption after.
LRM = "\u200e".encode()
ATTACHED = b"<attached: "
FILE_ATTACHED = b" (file attached)"
ATTACHED_WORD = b"attached"
"""In both ``ATTACHED`` and ``FILE_ATTACHED``: one look for it finds either."""
# Looked for in the first line of such a body.
_MEDIA_TEXT = re.compile(
    r"^<attached: |^Location: | \(file attached\)$|(?:^|\s)(?:image|video|audio|sticker|GIF"
    r"|document|Contact card|contact card|video note|voice message) omitted>?$"
)
_DELETED_TEXT = re.compile(r"^(?:This message was deleted|You deleted this message)")
_CALL_TEXT = re.compile(r"^(?:Missed )?(?:group )?(?:voice|video) call", re.IGNORECASE)
_TRIMMED = " " + MARKS


def unusual(body: bytes) -> bool:
    """Whether a body may be a placeholder the table does not hold whole."""
    return body.startswith((LRM, ATTACHED)) or FILE_ATTACHED in body


def closer_look(text: str) -> tuple[MessageKind | None, str]:
    """The kind of a body that may be a placeholder; None for an iOS system line."""
    bare = text.strip(_TRIMMED)
    if _MEDIA_TEXT.search(bare.split("\n", 1)[0]):
        return MessageKind.MEDIA, bare
    if _DELETED_TEXT.match(bare):
        return MessageKind.DELETED, bare
    if _CALL_TEXT.match(bare):
        return MessageKind.CALL, bare
    if text.startswith("\u200e") and SYSTEM.search(bare):
        # iOS writes group events as messages from the group or the contact.
        return None, bare
    return MessageKind.TEXT, text


def clock(stamp: bytes) -> timedelta | str | None:
    """A header's time of day; a reason when that time cannot exist; None if it is no time."""
    match = _CLOCK.fullmatch(stamp)
    if match is None:
        return None
    before, hour, minute = match[1], int(match[2]), int(match[3])
    second = int(match[4] or 0)
    half = (match[5] or b"").lower()
    if before in _AM_BEFORE:
        half = b"a"
    elif before in _PM_BEFORE:
        half = b"p"
    if half == b"a" and hour == 12:
        hour = 0
    elif half == b"p" and hour < 12:
        hour += 12
    # An hour past 12 with "pm" is kept as it is: some exports write a 24-hour clock with it.
    if hour > 23 or minute > 59 or second > 59:
        return f"the time {stamp.decode(errors='replace')!r} does not exist"
    return timedelta(hours=hour, minutes=minute, seconds=second)


def author(candidate: bytes) -> str | None:
    """The name before the colon; None for a system line; "" when there is no name."""
    if b"\n" in candidate:
        return None  # the header line has no colon: a system line with lines after it
    name = candidate.decode().strip(_TRIMMED)
    if name and SYSTEM.search(name):
        return None
    return name


def date_fields(prefix: bytes) -> dateorder.Fields:
    """The three numbers of the date a run's prefix starts with."""
    first, second, third = (digits.decode() for digits in DIGITS.findall(prefix)[:3])
    return first, second, third


def layout(prefix: bytes) -> tuple[bool, int, int | None]:
    """The shape of a run's date: bracketed, its separator, which field has four digits.

    Lines of one export share a shape; two shapes in one file are two exports
    (or two phones) put together, whose dates may be in different orders.
    """
    fields = DIGITS.findall(prefix)[:3]
    four = next((index for index, field in enumerate(fields) if len(field) == 4), None)
    separator = prefix[len(fields[0]) + prefix.startswith(b"[")] if fields else 0
    return prefix.startswith(b"["), separator, four
