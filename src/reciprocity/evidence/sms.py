"""SMS Backup & Restore (Android) XML: text messages, MMS and call logs.

Messages file::

    <smses count="3">
      <sms address="+15551234" date="1577836800000" type="1" body="Hi"
           contact_name="Alice" readable_date="…" />          type 1 received, 2 sent
      <mms date="1577836900000" msg_box="2" address="+15551234" contact_name="Alice">
        <parts><part ct="image/jpeg" … /><part ct="text/plain" text="Look" /></parts>
        <addrs><addr address="+15551234" type="151" /></addrs>  137 = from, 151 = to
      </mms>
    </smses>

Calls file: ``<calls><call number="+15551234" date="…" duration="60" type="1"
contact_name="Alice" /></calls>`` (1 incoming, 2 outgoing, 3 missed,
4 voicemail, 5 rejected, 6 blocked); each call becomes a ``CALL`` record.

``date`` is epoch milliseconds, shown in the user's time zone (``tz``). Sent
messages and outgoing calls are written by ``"Me"`` (``chat.me``); received
ones by the contact's name, or the number when the phone knew no name.

A backup usually holds every conversation on the phone: each received
message names its sender, but a sent one only says "Me". Pass
``ParseOptions.chat_name`` (a contact name or a number) to read one
conversation; without it a note lists the contacts found.

The file is parsed as a stream (SAX, through defusedxml) so a backup of
several gigabytes needs little memory. Entity declarations (the "billion
laughs" bomb) and external references are refused. Emoji that the app wrote
as two separate surrogate character references (``&#55357;&#56832;``), which
strict XML parsers reject, are joined before parsing.
"""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import BinaryIO
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml
import defusedxml.sax

from reciprocity.coach import chats as words
from reciprocity.errors import ImportFormatError
from reciprocity.evidence.exportfile import (
    Epochs,
    counted,
    epoch_number,
    head_text,
    local_from_epoch,
    name_list,
)
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions, Skipped

FORMAT = "sms"
ME = "Me"
_CHUNK = 64 * 1024
_LONG_LINE = 1024 * 1024
_ROOTS = frozenset({"smses", "calls"})
_NO_NAME = frozenset({"", "(unknown)", "null", "unknown"})
_MMS_FROM = "137"
_MMS_PLUMBING = frozenset({"text/plain", "application/smil"})
_CALL_OUTGOING = "2"
_CHAR_REF = re.compile(rb"&#(?:x([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_SNIFF = re.compile(r"<(?:smses|calls)[\s>]")


def sniff(head: bytes) -> bool:
    text = head_text(head)
    return text.startswith("<") and bool(_SNIFF.search(text))


def parse(path: Path, options: ParseOptions = ParseOptions(), *, tz: tzinfo | None = None) -> Chat:
    """Read an SMS Backup & Restore XML file as a stream of messages."""
    chat = Chat(format=FORMAT, me=ME)
    wanted = (options.chat_name or "").strip() or None
    chat.messages = counted(chat, _messages(path, wanted, chat, tz))
    return chat


# --- reading the XML ------------------------------------------------------------


class _Record:
    """One ``<sms>``, ``<mms>`` or ``<call>``: the attributes that matter, and where."""

    __slots__ = ("attrs", "line", "parts", "senders", "tag")

    def __init__(self, tag: str, line: int, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.line = line
        self.attrs = attrs
        self.parts: list[tuple[str, str]] = []  # (content type, text) of MMS parts
        self.senders: list[str] = []  # MMS "from" addresses


class _Collector(ContentHandler):
    """Collect records as the parser meets them; the reader drains them per chunk."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.records: list[_Record] = []
        self.locator: Locator | None = None
        self.depth = 0
        self.mms: _Record | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        self.depth += 1
        line = (self.locator.getLineNumber() if self.locator is not None else None) or 0
        if self.depth == 1 and name not in _ROOTS:
            raise ImportFormatError(
                f"is XML but not an SMS Backup & Restore file (it starts with <{name}>, "
                "not <smses> or <calls>)",
                str(self.path),
                line,
            )
        if name in ("sms", "call"):
            self.records.append(_Record(name, line, _keep(attrs)))
        elif name == "mms":
            self.mms = _Record(name, line, _keep(attrs))
        elif self.mms is not None and name == "part":
            self.mms.parts.append((attrs.get("ct", ""), attrs.get("text", "")))
        elif self.mms is not None and name == "addr" and attrs.get("type") == _MMS_FROM:
            self.mms.senders.append(attrs.get("address", ""))

    def endElement(self, name: str) -> None:
        self.depth -= 1
        if name == "mms" and self.mms is not None:
            self.records.append(self.mms)
            self.mms = None


_WANTED = ("date", "type", "body", "address", "contact_name", "msg_box", "m_type", "number")


def _keep(attrs: AttributesImpl) -> dict[str, str]:
    # MMS carry their pictures base64-encoded in attributes; keep only what is read.
    return {key: attrs[key] for key in _WANTED if key in attrs}


def _records(path: Path, collector: _Collector) -> Iterator[_Record]:
    parser = defusedxml.sax.make_parser()
    parser.setContentHandler(collector)
    # feed() never hands the handler a locator (only parse() does); give it one.
    collector.setDocumentLocator(ExpatLocator(parser))
    try:
        with path.open("rb") as handle:
            for chunk in _repaired_chunks(handle, str(path)):
                parser.feed(chunk)
                yield from collector.records
                collector.records.clear()
            parser.close()
            yield from collector.records
    except xml.sax.SAXParseException as error:
        raise ImportFormatError(
            f"is not well-formed XML ({error.getMessage()})", str(path), error.getLineNumber()
        ) from None
    except defusedxml.DefusedXmlException as error:
        raise ImportFormatError(
            f"was refused: it declares XML entities or external references ({error}), "
            "which an SMS backup never does and which can be used to attack a computer",
            str(path),
        ) from None
    except xml.sax.SAXException as error:
        raise ImportFormatError(f"is not readable XML ({error.getMessage()})", str(path)) from None
    except (LookupError, UnicodeError) as error:
        # The XML declaration names an encoding Python lacks, or the bytes do not fit it.
        raise ImportFormatError(
            f"has text in an unreadable encoding ({error})", str(path)
        ) from None
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", str(path)) from None


def _repaired_chunks(handle: BinaryIO, where: str) -> Iterator[bytes]:
    """The file in chunks cut at line ends, with character references made valid.

    A character reference never spans a line, so cutting at a newline keeps
    every one whole; a very long line (an MMS picture) is cut anywhere, which
    at worst leaves one emoji as U+FFFD. The pictures themselves (``data``
    attributes, base64, megabytes each) are emptied on the way, so that no
    parser ever holds one; what is left of a line must stay under
    ``LONGEST_LINE``.
    """
    pending = b""
    pictures = _Pictures()
    while block := handle.read(_CHUNK):
        pending += pictures.emptied(block)
        cut = pending.rfind(b"\n") + 1
        if cut == 0 and len(pending) < _LONG_LINE:
            continue
        if cut == 0:
            pictures.check(len(pending), where)
            cut = len(pending)
        else:
            pictures.line = 0
        yield _valid_references(pending[:cut])
        pending = pending[cut:]
    if pending:
        yield _valid_references(pending)


LONGEST_LINE = 64 * 1024**2
"""A line longer than this, once pictures are emptied, is no backup's: the file is refused."""
_DATA = b' data="'


class _Pictures:
    """Empties the ``data="…"`` attributes of a stream of chunks, wherever a chunk ends."""

    def __init__(self) -> None:
        self.inside = False
        self.held = b""  # the end of the last chunk, in case it is the start of ' data="'
        self.line = 0  # bytes since the last line end, once emptied

    def emptied(self, chunk: bytes) -> bytes:
        data = self.held + chunk
        self.held = b""
        out = []
        at = 0
        while True:
            if self.inside:
                end = data.find(b'"', at)
                if end < 0:
                    at = len(data)
                    break
                self.inside, at = False, end
            start = data.find(_DATA, at)
            if start < 0:
                break
            out.append(data[at : start + len(_DATA)])
            self.inside, at = True, start + len(_DATA)
        if not self.inside:
            # Keep back what could be the start of the next ' data="'.
            keep = max(at, len(data) - len(_DATA) + 1)
            while keep < len(data) and not _DATA.startswith(data[keep:]):
                keep += 1
            out.append(data[at:keep])
            self.held = data[keep:]
        return b"".join(out)

    def check(self, size: int, where: str) -> None:
        self.line += size
        if self.line > LONGEST_LINE:
            raise ImportFormatError(words.IMPORT_SMS_LINE_TOO_LONG, where)


def _valid_references(data: bytes) -> bytes:
    """Join surrogate-pair references into one; replace refs XML forbids with U+FFFD."""
    if b"&#" not in data:
        return data
    out: list[bytes] = []
    position = 0
    high: int | None = None  # a high surrogate waiting for its pair
    high_end = 0
    for match in _CHAR_REF.finditer(data):
        code = int(match[1], 16) if match[1] else int(match[2])
        if high is not None:
            if match.start() == high_end and 0xDC00 <= code <= 0xDFFF:
                joined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                out.append(b"&#%d;" % joined)
                position, high = match.end(), None
                continue
            out.append(b"&#65533;")
            position, high = high_end, None
        out.append(data[position : match.start()])
        position = match.end()
        if 0xD800 <= code <= 0xDBFF:
            high, high_end = code, match.end()
        elif _xml_char(code):
            out.append(match[0])
        else:
            out.append(b"&#65533;")
    if high is not None:
        out.append(b"&#65533;")
        position = high_end
    out.append(data[position:])
    return b"".join(out)


def _xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


# --- records to messages --------------------------------------------------------


def _messages(path: Path, wanted: str | None, chat: Chat, tz: tzinfo | None) -> Iterator[Message]:
    contacts: dict[str, int] = {}
    left_out = 0
    epochs = Epochs("milliseconds")
    for record in _records(path, _Collector(path)):
        contact = _contact(record)
        if wanted is not None and not _matches(wanted, contact, record):
            continue
        sent = _sent(record, epochs, tz)
        if sent is None:
            chat.skipped.append(Skipped(record.line, f"<{record.tag}> without a usable date"))
            continue
        message = _message(record, sent, contact)
        if message is None:
            left_out += 1
            continue
        contacts[contact] = contacts.get(contact, 0) + 1
        yield message
    epochs.close(chat)
    if left_out:
        chat.notes.append(f"{left_out} drafts or unsent messages are not counted")
    if len(contacts) == 1:
        chat.title = next(iter(contacts))
    elif len(contacts) > 1 and wanted is None:
        chat.threads.update(contacts)
        chat.notes.append(
            f"this backup holds {len(contacts)} conversations ({name_list(contacts)}); "
            'your own messages in all of them are from "Me": import one conversation '
            "by giving its contact name"
        )
    elif not contacts and wanted is not None:
        chat.notes.append(f'no messages with "{wanted}" were found in this backup')


def _message(record: _Record, sent: datetime, contact: str) -> Message | None:
    attrs = record.attrs
    if record.tag == "call":
        author = ME if attrs.get("type") == _CALL_OUTGOING else contact
        return Message(sent, author, "", MessageKind.CALL, record.line)
    if record.tag == "sms":
        box = attrs.get("type")
        text = attrs.get("body", "")
        kind = MessageKind.TEXT
    else:
        box = attrs.get("msg_box") or {"128": "2", "132": "1"}.get(attrs.get("m_type", ""))
        text = "\n".join(part for kind_name, part in record.parts if kind_name == "text/plain")
        media = any(kind_name not in _MMS_PLUMBING for kind_name, _ in record.parts)
        kind = MessageKind.MEDIA if media else MessageKind.TEXT
    if box == "2":
        return Message(sent, ME, text, kind, record.line)
    if box == "1":
        return Message(sent, _sender(record, contact), text, kind, record.line)
    return None  # 3 draft, 4 outbox, 5 failed, 6 queued: never reached anyone


def _contact(record: _Record) -> str:
    """The other party: the phone's name for them, else their number."""
    name = record.attrs.get("contact_name", "").strip()
    if name.casefold() not in _NO_NAME:
        return name
    number = record.attrs.get("address" if record.tag != "call" else "number", "").strip()
    return number or "Unknown"


def _sender(record: _Record, contact: str) -> str:
    # In a group MMS the contact name lists everyone; the "from" address says who wrote.
    if record.tag == "mms" and record.senders and "," in contact:
        return record.senders[0]
    return contact


def _matches(wanted: str, contact: str, record: _Record) -> bool:
    """Whether the record belongs to the one conversation asked for (not a group)."""
    if contact.casefold() == wanted.strip().casefold():
        return True
    numbers = record.attrs.get("address", record.attrs.get("number", "")).split("~")
    if len(numbers) != 1:
        return False  # a group MMS is not part of a one-to-one conversation
    digits, number = _digits(wanted), _digits(numbers[0])
    # Compare the last 9 digits so that +44 7700 900123 matches 07700900123.
    return len(digits) >= 7 and len(number) >= 7 and number[-9:] == digits[-9:]


def _digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit() and character.isascii())


def _sent(record: _Record, epochs: Epochs, tz: tzinfo | None) -> datetime | None:
    milliseconds = epoch_number(record.attrs.get("date"))
    if milliseconds is None:
        return None
    try:
        return local_from_epoch(epochs.seconds(milliseconds), tz)
    except ValueError:
        return None
