"""WhatsApp chat exports ("Export chat"), Android and iOS, every locale: the parse step.

One message per header line, continuation lines following::

    13/02/2020, 10:00 - Alice: hi                      Android: date, time, " - "
    [13/02/2020, 10:00:00] Alice: hi                   iOS: date and time in brackets
    2/13/20, 1:02 PM - Bob: a message that             12-hour clocks, any date order
    runs over lines, blank ones included
    13.2.2020 klo 10.00 - Alice: moi                   Finnish
    13/02/2020, 11:30 p. m. - Alice: hola              Spanish, with no-break spaces
    13/02/2020, 10:02 - Bob changed the subject …      a system line: not a message

The file is a ``.txt``, or a ``.zip`` holding ``_chat.txt`` or ``WhatsApp Chat
with NAME.txt`` beside the media. The date order (DMY, MDY, YMD) is decided
from every date in the file (see ``dateorder``) unless ``ParseOptions.date_order``
says it. Times are wall-clock times as written. System lines (the encryption
notice, "X created group", "You were added" …) are recognised and left out:
they are not messages and are not reported as skipped. A line that looks like
a header but cannot be one (an impossible time or date) is reported in
``Chat.skipped`` with its message; any other line continues the message above.

How it stays fast on a million messages (about 70 MB):

* the file is worked on as bytes: decoding 70 MB holding emoji at once builds
  a string of four bytes a character and costs more than the whole parse;
* one regular expression pass finds *runs* of lines that share a date, and
  so every date in the file, without stopping at each message;
* inside a run every header starts with the same bytes (``"\\n13/02/2020, "``),
  so a plain ``bytes.split`` cuts it into messages, and the rest of a header,
  ``"10:00 - Alice"``, repeats so often that it is looked up, not parsed;
* what is left per message is done by ``map`` over whole runs, in C. A run
  with anything unusual in it (a system line, a line that only looks like a
  header, a placeholder that needs a closer look) is read line by line instead.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from itertools import accumulate, chain, repeat
from operator import add
from pathlib import Path
from typing import cast

from reciprocity.errors import ImportFormatError, InputError
from reciprocity.evidence import dateorder
from reciprocity.evidence.exportfile import BOM, head_text, read_bytes
from reciprocity.evidence.message import (
    Chat,
    Message,
    MessageColumns,
    MessageKind,
    ParseOptions,
    Skipped,
    minute_of,
)

FORMAT = "whatsapp"
# An inner chat text larger than this, or compressed more than this ratio, is refused.
MAX_TEXT_BYTES = 2 * 1024**3
MAX_RATIO = 200  # chat text deflates 3 to 10 times; deflate itself cannot pass about 1030
_ZIP = b"PK\x03\x04"

# The parts of a header as text patterns; the byte patterns are their UTF-8.
# Non-ASCII characters appear as alternatives, never inside [...], so that
# encoding keeps their meaning. AM/PM is "AM", "am", "a.m.", "a. m." with a
# normal, no-break (U+00A0) or narrow no-break (U+202F) space.
_SPACE = "(?: |\u00a0|\u202f)"
_DATE = r"\d{1,4}(?P<sep>[./-]) ?\d{1,2}(?P=sep) ?\d{1,4}\.?"
_AFTER_DATE = r",? (?:klo )?"  # "13/02/2020, 10:00", "9/24/2019 11:30", "13.2.2020 klo 10.00"
_TIME = rf"\d{{1,2}}[:.]\d\d(?:[:.]\d\d)?\.?(?:{_SPACE}?[aApP]\.?{_SPACE}?[mM]\.?)?"
_HEADER = rf"(?P<bracket>\[)?{_DATE}{_AFTER_DATE}{_TIME}(?(bracket)\] | - )"
# Bidirectional marks that iOS and right-to-left locales put at line starts.
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_SNIFF = re.compile(rf"[{_MARKS}]*{_HEADER}", re.ASCII)
# A run: a header line, then every line that starts with the same text up to
# the time (same date, same shape) or that does not start like a date at all.
# A line that starts like another date ends the run, and the next header
# starts the next one. The possessive ``*+`` keeps no backtracking state.
_RUN_TEXT = (
    rf"(?P<prefix>(?P<bracket>\[)?(?P<date>{_DATE}){_AFTER_DATE})"
    rf"{_TIME}(?(bracket)\] | - )[^\n]*"
    r"(?:\n(?:(?P=prefix)[^\n]*|(?!\[?\d{1,4}[./-])[^\n]*))*+"
)
# Searching for "newline, then header" is fast; the file's first line has no newline before it.
_RUN = re.compile(f"\n{_RUN_TEXT}".encode())
_FIRST_RUN = re.compile(_RUN_TEXT.encode())
_CLOCK = re.compile(
    rf"(\d{{1,2}})[:.](\d\d)(?:[:.](\d\d))?\.?(?:{_SPACE}?([aApP])\.?{_SPACE}?[mM]\.?)?".encode()
)
_DIGITS = re.compile(rb"\d+")
_LINE_MARK_START = re.compile(rb"\n\xe2[\x80\x81]")  # a cheap first look for the next one
_LINE_MARKS = re.compile(rb"\n(?:\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9])+")
_FIRST_MARKS = re.compile(rb"(?:\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9])+")
_TITLE = re.compile(r"^WhatsApp Chat (?:with |- )(?P<name>.+?)(?:\.txt|\.zip)?$", re.IGNORECASE)
_LONGEST_TIME = 24  # bytes in the longest time text, "12:59:59\u202fp.\u202fm." and then some

# What a system line says, in the languages seen most. Looked for in what
# would be the author's name (the text before the first colon) and in iOS
# bodies that start with U+200E; a person's name never reads like this.
_SYSTEM = re.compile(
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


# Whole bodies that stand for something other than text (None: a system line
# some exports attribute to a person).
_KINDS: dict[bytes, MessageKind | None] = {
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
# Bodies that need a closer look than the table: iOS placeholders start with
# U+200E, old iOS attachments read "<attached: …>", Android attachments
# "IMG-….jpg (file attached)" with the caption after.
_LRM = "\u200e".encode()
_ATTACHED = b"<attached: "
_FILE_ATTACHED = b" (file attached)"
# Looked for in the first line of such a body.
_MEDIA_TEXT = re.compile(
    r"^<attached: |^Location: | \(file attached\)$|(?:^|\s)(?:image|video|audio|sticker|GIF"
    r"|document|Contact card|contact card|video note|voice message) omitted>?$"
)
_DELETED_TEXT = re.compile(r"^(?:This message was deleted|You deleted this message)")
_CALL_TEXT = re.compile(r"^(?:Missed )?(?:group )?(?:voice|video) call", re.IGNORECASE)
_TRIMMED = " " + _MARKS


def sniff(head: bytes) -> bool:
    """Whether a file that starts with ``head`` is a WhatsApp export.

    A zip is taken as one: WhatsApp is the only format that comes zipped, and
    ``parse`` says plainly when a zip holds no chat.
    """
    if head.startswith(_ZIP):
        return True
    return _SNIFF.match(head_text(head)) is not None


def parse(path: Path, options: ParseOptions = ParseOptions()) -> Chat:
    """Read a WhatsApp ``.txt`` or ``.zip`` export.

    Raises ImportFormatError for a file that is not a WhatsApp export, is not
    UTF-8, or is a zip without a readable chat inside; InputError for an
    unknown ``options.date_order``.
    """
    wanted = _wanted_order(options.date_order)
    where = str(path)
    raw, title = _read(path)
    data = _normalised(raw, where)
    del raw
    starts, prefixes = _runs(data)
    if not starts:
        raise ImportFormatError(
            "is not a WhatsApp chat export: no line starts with a date and time "
            "like '13/02/2020, 10:00 - Name: text' or '[13/02/2020, 10:00:00] Name: text'",
            where,
        )
    chat = Chat(format=FORMAT, title=title)
    fields = {prefix: _date_fields(prefix) for prefix in set(prefixes)}
    if wanted is not None:
        order = wanted
    else:
        decided = dateorder.infer(fields[prefix] for prefix in prefixes)
        order, chat.date_order_inferred = decided.order, decided.inferred
        if decided.assumed:
            chat.notes.append(
                "The dates in this file read equally well in more than one order; "
                f"{_spelled(order)} was assumed. If that is wrong, import it again "
                "with --date-order (DMY, MDY or YMD)."
            )
    chat.date_order = order
    days = {prefix: _midnight(fields[prefix], order) for prefix in fields}
    chat.columns = _Reader(data, starts, prefixes, days, order, chat).runs()
    chat.messages = chain.from_iterable(map(MessageColumns.messages, chat.columns))
    return chat


def _wanted_order(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dateorder.check_order(value)
    except ValueError as error:
        raise InputError(
            f"{error}; use DMY (13/02/2020), MDY (02/13/2020) or YMD (2020/02/13)"
        ) from None


def _spelled(order: str) -> str:
    return {"DMY": "day/month/year", "MDY": "month/day/year", "YMD": "year/month/day"}[order]


# Reading the file --------------------------------------------------------------


def _read(path: Path) -> tuple[bytes, str | None]:
    """The chat text's bytes and the chat's title (from a file name), from a .txt or .zip."""
    data = read_bytes(path)
    if not data.startswith(_ZIP):
        return data, _title(path.name)
    del data
    try:
        with zipfile.ZipFile(path) as bundle:
            member = _chat_member(bundle, str(path))
            with bundle.open(member) as handle:
                text = handle.read()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        # A damaged archive, a bad CRC, a cut-off deflate stream.
        raise ImportFormatError(f"is a zip file that cannot be read ({error})", str(path)) from None
    except NotImplementedError as error:  # a compression method Python does not have
        raise ImportFormatError(
            f"is a zip file in a form this version cannot open ({error})", str(path)
        ) from None
    return text, _title(member.filename.rsplit("/", 1)[-1]) or _title(path.name)


def _chat_member(bundle: zipfile.ZipFile, where: str) -> zipfile.ZipInfo:
    """The chat text inside a WhatsApp zip, checked before a byte of it is read."""

    def rank(info: zipfile.ZipInfo) -> int:
        name = info.filename.rsplit("/", 1)[-1].lower()
        return 0 if name == "_chat.txt" else 1 if "whatsapp" in name else 2

    texts = sorted(
        (
            info
            for info in bundle.infolist()
            if info.filename.lower().endswith(".txt") and not info.is_dir()
        ),
        key=rank,
    )
    if not texts or (rank(texts[0]) == 2 and len(texts) > 1):
        raise ImportFormatError(
            "is a zip file without a WhatsApp chat in it (no _chat.txt or "
            "'WhatsApp Chat with ….txt'); export the chat again, or give the .txt inside",
            where,
        )
    member = texts[0]
    if member.flag_bits & 0x1:
        raise ImportFormatError(
            "is a password-protected zip file; export the chat again without a password, "
            "or unzip it and give the .txt inside",
            where,
        )
    if member.file_size > MAX_TEXT_BYTES:
        raise ImportFormatError(
            f"holds a chat text of {member.file_size / 1024**3:.1f} GiB, more than the "
            f"{MAX_TEXT_BYTES // 1024**3} GiB this version reads",
            where,
        )
    if member.file_size > 1024**2 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        raise ImportFormatError(
            f"holds {member.filename} compressed more than {MAX_RATIO} times, which no chat "
            "text is; the zip may be built to exhaust memory, so it is not opened",
            where,
        )
    return member


def _title(name: str) -> str | None:
    match = _TITLE.match(name)
    return match["name"].strip() if match else None


def _normalised(raw: bytes, where: str) -> bytes:
    """The text with BOM dropped, CRLF as LF and the marks at line starts gone.

    A copy is made only when something changes: the text of a large export
    is most of the memory a parse takes.
    """
    _check_utf8(raw, where)
    data = raw.removeprefix(BOM)
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if _LINE_MARK_START.search(data) and _LINE_MARKS.search(data):
        data = _LINE_MARKS.sub(b"\n", data)
    marks = _FIRST_MARKS.match(data)
    return data[marks.end() :] if marks else data


def _check_utf8(raw: bytes, where: str) -> None:
    """Raise ImportFormatError naming the first line that is not UTF-8.

    Decoded 16 KiB at a time, cut at newlines (a newline byte is never inside
    a UTF-8 sequence): small pieces keep the throwaway strings in the CPU's
    cache, which makes this several times faster than larger ones.
    """
    if raw.isascii():
        return
    step = 16 * 1024
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start + step)
        end = len(raw) if end < 0 else end
        try:
            raw[start:end].decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, start + error.start) + 1
            raise ImportFormatError(
                "is not UTF-8 text, as WhatsApp writes; the file may be damaged or not a chat export",
                where,
                line,
            ) from None
        start = end


def _runs(data: bytes) -> tuple[array[int], list[bytes]]:
    """Where each run of same-date lines starts (at the newline before it), and its prefix.

    A run on the file's first line starts "at" -1, the newline it does not
    have. Equal prefixes are one object, so even a file of one-message runs
    costs little more than a pointer and an integer a run.
    """
    starts: array[int] = array("q")
    prefixes: list[bytes] = []
    shared: dict[bytes, bytes] = {}
    first = _FIRST_RUN.match(data)
    if first is not None:
        starts.append(-1)
        prefixes.append(shared.setdefault(first["prefix"], first["prefix"]))
    for match in _RUN.finditer(data, 0 if first is None else first.end()):
        prefix = match["prefix"]
        starts.append(match.start())
        prefixes.append(shared.setdefault(prefix, prefix))
    return starts, prefixes


def _date_fields(prefix: bytes) -> dateorder.Fields:
    first, second, third = (digits.decode() for digits in _DIGITS.findall(prefix))
    return first, second, third


def _midnight(fields: dateorder.Fields, order: str) -> datetime | None:
    day = dateorder.to_date(fields, order)
    return None if day is None else datetime(day.year, day.month, day.day)


# Reading the messages -----------------------------------------------------------


class _Reader:
    """The messages of one export, run by run. Read once."""

    HEADS_LIMIT = 65_536  # cached header keys; exports with seconds rarely repeat one

    def __init__(
        self,
        data: bytes,
        starts: array[int],
        prefixes: list[bytes],
        days: dict[bytes, datetime | None],
        order: str,
        chat: Chat,
    ) -> None:
        self.data, self.starts, self.prefixes, self.days = data, starts, prefixes, days
        self.order, self.chat = order, chat
        self.clocks: dict[bytes, timedelta | str | None] = {}
        self.names: dict[bytes, str | None] = {}
        # "10:00 - Alice" → (minute of the day, second, author), one table per header shape.
        self.heads: dict[bytes, dict[bytes, tuple[int, int, str] | None]] = {b" - ": {}, b"] ": {}}
        self.next_line = 1  # where the run after the one just read starts

    def runs(self) -> Iterator[MessageColumns]:
        """The messages run by run, as columns."""
        data, chat = self.data, self.chat
        first = self.starts[0]
        line = 1
        if first >= 0:
            _preamble(data[:first], chat.skipped)
            line = data.count(b"\n", 0, first) + 2
        ends = [*self.starts[1:], len(data)]
        for start, end, prefix in zip(self.starts, ends, self.prefixes, strict=True):
            block = data[start:end] if start >= 0 else b"\n" + data[:end]
            pieces = block.split(b"\n" + prefix)
            del pieces[0]  # the run starts with its own separator
            day = self.days[prefix]
            tail = b"] " if prefix.startswith(b"[") else b" - "
            columns = None if day is None else self._quick(block, pieces, day, tail, line)
            if columns is None:  # something unusual in the run: read it line by line
                careful = self._careful(pieces, prefix, day, tail, line)
                columns = MessageColumns.of(careful) if careful else None
            if columns is not None:
                yield columns
            line = self.next_line
        self.data = b""  # let the text go once read

    def _quick(
        self, block: bytes, pieces: list[bytes], day: datetime, tail: bytes, line: int
    ) -> MessageColumns | None:
        """The run's messages when every piece is an ordinary message, else None."""
        keys, separators, bodies_with_ends = zip(
            *map(bytes.partition, pieces, repeat(b": ")), strict=False
        )
        if b"" in separators:  # no ": " at all: a system line, or "Alice:." and the like
            return None
        heads = self.heads[tail]
        found = list(map(heads.get, keys))
        if None in found:
            found = [heads.get(key) or self._head(key, tail) for key in keys]
            if None in found:
                return None
        minutes, seconds, names = zip(*found, strict=False)
        bodies = list(map(bytes.rstrip, bodies_with_ends, repeat(b"\n")))
        kinds = list(map(_KINDS.get, bodies, repeat(MessageKind.TEXT)))
        texts = list(map(bytes.decode, bodies))
        if _LRM in block or _ATTACHED in block or _FILE_ATTACHED in block:
            for index, body in enumerate(bodies):
                if kinds[index] is MessageKind.TEXT and _unusual(body):
                    kinds[index], texts[index] = _closer_look(texts[index])
                    bodies[index] = texts[index].encode()
        if None in kinds:  # a system line written as someone's message
            return None
        # Each message's first line, and where the next run starts.
        lines: Sequence[int]
        if block.count(b"\n") == len(pieces):  # no message runs over lines: one a line
            lines = range(line, line + len(pieces))
            self.next_line = line + len(pieces)
        else:
            counts = map(add, map(bytes.count, pieces, repeat(b"\n")), repeat(1))
            lines = list(accumulate(counts, initial=line))
            self.next_line = lines.pop()
        _tally(self.chat.participants, names)
        first = minute_of(day)
        return MessageColumns(
            array("q", map(add, minutes, repeat(first))),
            seconds,
            list(names),
            texts,
            cast(list[MessageKind], kinds),
            lines,
            utf8=bodies,
        )

    def _head(self, key: bytes, tail: bytes) -> tuple[int, int, str] | None:
        """What ``key`` ("10:00 - Alice") says, when it is an ordinary message's header."""
        stamp, found, name = key.partition(tail)
        if not found or b":" in name or not 0 < len(stamp) <= _LONGEST_TIME:
            return None
        clock = self._clock(stamp)
        author = self._author(name)
        if not isinstance(clock, timedelta) or not author:
            return None
        heads = self.heads[tail]
        if len(heads) >= self.HEADS_LIMIT:
            heads.clear()
        minute, second = divmod(clock.seconds, 60)
        heads[key] = found_head = minute, second, author
        return found_head

    def _careful(
        self, pieces: list[bytes], prefix: bytes, day: datetime | None, tail: bytes, line: int
    ) -> list[Message]:
        """The run's messages, piece by piece: system lines, skipped headers, stray lines.

        A message is built when the next header shows that it is complete,
        because a line can start like the run's headers without being one
        (``13/02/2020, what a night``) and then belongs to the message before.
        """
        out: list[Message] = []
        skipped = self.chat.skipped
        # The message being read: time, author, first line, and its body's parts;
        # None while the lines are dropped (a system line or a skipped header).
        sent, author, first = datetime.min, "", 0
        parts: list[bytes] | None = None
        for piece in pieces:
            cut = piece.find(tail)
            clock = self._clock(piece[:cut]) if 0 < cut <= _LONGEST_TIME else None
            at = line
            line += piece.count(b"\n") + 1
            if clock is None:  # not a header: a line of the message before
                if parts is not None:
                    parts.append(prefix + piece)
                continue
            if parts is not None:
                out.extend(_message(sent, author, b"\n".join(parts), first))
            parts = None
            if isinstance(clock, str):
                skipped.append(Skipped(at, f"{clock}; the message was left out"))
                continue
            if day is None:
                skipped.append(Skipped(at, _bad_date(prefix, self.order)))
                continue
            rest = piece[cut + len(tail) :]
            colon = rest.find(b":")
            if colon < 0:
                continue  # a system line: Alice created group "Friends"
            name = self._author(rest[:colon])
            if name is None:
                continue  # a system line with a colon in it
            if not name:
                skipped.append(
                    Skipped(at, "a message without a name before its colon was left out")
                )
                continue
            body = rest[colon + 2 :] if rest.startswith(b" ", colon + 1) else rest[colon + 1 :]
            sent, author, first, parts = day + clock, name, at, [body]
        if parts is not None:
            out.extend(_message(sent, author, b"\n".join(parts), first))
        _tally(self.chat.participants, (message.author for message in out))
        self.next_line = line
        return out

    def _clock(self, stamp: bytes) -> timedelta | str | None:
        clock = self.clocks.get(stamp, "")
        if clock == "":
            clock = self.clocks[stamp] = _clock(stamp)
        return clock

    def _author(self, candidate: bytes) -> str | None:
        author = self.names.get(candidate, "\n")
        if author == "\n":
            author = _author(candidate)
            if len(candidate) <= 100 and len(self.names) < 100_000:
                self.names[candidate] = author
        return author


def _tally(participants: dict[str, int], names: Iterable[str]) -> None:
    for name, count in Counter(names).items():
        participants[name] = participants.get(name, 0) + count


def _message(sent: datetime, author: str, body: bytes, line: int) -> list[Message]:
    """The message, or none when its body shows a system line (iOS group events)."""
    body = body.rstrip(b"\n")
    kind = _KINDS.get(body, MessageKind.TEXT)
    text = body.decode()
    if kind is MessageKind.TEXT and _unusual(body):
        kind, text = _closer_look(text)
    return [] if kind is None else [Message(sent, author, text, kind, line)]


def _unusual(body: bytes) -> bool:
    return body.startswith((_LRM, _ATTACHED)) or _FILE_ATTACHED in body


def _closer_look(text: str) -> tuple[MessageKind | None, str]:
    """The kind of a body that may be a placeholder; None for an iOS system line."""
    bare = text.strip(_TRIMMED)
    if _MEDIA_TEXT.search(bare.split("\n", 1)[0]):
        return MessageKind.MEDIA, bare
    if _DELETED_TEXT.match(bare):
        return MessageKind.DELETED, bare
    if _CALL_TEXT.match(bare):
        return MessageKind.CALL, bare
    if text.startswith("\u200e") and _SYSTEM.search(bare):
        # iOS writes group events as messages from the group or the contact.
        return None, bare
    return MessageKind.TEXT, text


def _preamble(text: bytes, skipped: list[Skipped]) -> None:
    """Report text before the first header: it belongs to no message."""
    for number, content in enumerate(text.split(b"\n"), start=1):
        if content.strip():
            skipped.append(Skipped(number, "text before the first message belongs to no message"))
            return


def _clock(stamp: bytes) -> timedelta | str | None:
    """A header's time of day; a reason when that time cannot exist; None if it is no time."""
    match = _CLOCK.fullmatch(stamp)
    if match is None:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    half = (match[4] or b"").lower()
    if half == b"a" and hour == 12:
        hour = 0
    elif half == b"p" and hour < 12:
        hour += 12
    # An hour past 12 with "pm" is kept as it is: some exports write a 24-hour clock with it.
    if hour > 23 or minute > 59 or second > 59:
        return f"the time {stamp.decode()!r} does not exist"
    return timedelta(hours=hour, minutes=minute, seconds=second)


def _author(candidate: bytes) -> str | None:
    """The name before the colon; None for a system line; "" when there is no name."""
    if b"\n" in candidate:
        return None  # the header line has no colon: a system line with lines after it
    name = candidate.decode().strip(_TRIMMED)
    if name and _SYSTEM.search(name):
        return None
    return name


def _bad_date(prefix: bytes, order: str) -> str:
    written = prefix.decode().strip("[, ").removesuffix(" klo").rstrip(", ")
    return (
        f"the date {written!r} does not exist in {_spelled(order)} order; the message was left out"
    )
