"""Reading a vCard file (2.1, 3.0 or 4.0) as Apple, Google and Android write them.

The file is cut into cards by their ``BEGIN:VCARD`` and ``END:VCARD`` lines
first, remembering where each starts, and each card is read by ``vobject`` on
its own: one broken card is listed with its line and the rest still come in.
``vobject`` unfolds long lines, reads parameters, decodes quoted-printable
values (with their soft line breaks, ``allowQP``) in their ``CHARSET``, and
unescapes text; this module picks out what a person is.

The vendors' ways with dates:

- a birthday without a year: Apple writes ``1604-03-15`` with ``X-APPLE-OMIT-YEAR=1604``,
  Google and Android ``--03-15``, vCard 4.0 ``--0315``; 4.0 also drops the dashes
  (``19900315``), and some programs add a time (``1990-03-15T00:00:00Z``);
- anniversaries and other dates: vCard 4.0 ``ANNIVERSARY``; Apple (and Google's export
  for Apple) ``itemN.X-ABDATE`` labelled by ``itemN.X-ABLabel`` (``_$!<Anniversary>!$_``
  or the person's own words); Android ``X-ANDROID-CUSTOM:vnd.android.cursor.item/
  contact_event;DATE;TYPE;LABEL`` (type 1 an anniversary, 3 a birthday, 0 its label);
  Evolution, KAddressBook and Outlook ``X-ANNIVERSARY`` and its cousins.

A card's name is ``FN``, or else put together from ``N`` (given, middle, family).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import vobject
from vobject.base import ContentLine, ParseError, VObjectError

from reciprocity.coach import people as words
from reciprocity.dates import PartialDate
from reciprocity.errors import ImportFormatError, TransferError

APPLE_NO_YEAR = 1604
"""The year Apple's address book gives a date whose year is not known."""
ANNIVERSARIES = (
    "ANNIVERSARY",
    "X-ANNIVERSARY",
    "X-EVOLUTION-ANNIVERSARY",
    "X-MS-ANNIVERSARY",
    "X-KADDRESSBOOK-X-ANNIVERSARY",
)
ANDROID_EVENT = "vnd.android.cursor.item/contact_event"
ANDROID_TYPES = {"1": words.CONTACT_ANNIVERSARY, "2": words.CONTACT_OTHER_DATE}
ANDROID_BIRTHDAY = "3"
APPLE_LABELS = {
    "anniversary": words.CONTACT_ANNIVERSARY,
    "other": words.CONTACT_OTHER_DATE,
}
_APPLE_LABEL = re.compile(r"^_\$!<(.+)>!\$_$")
_BEGIN, _END = "BEGIN:VCARD", "END:VCARD"
_LINES = re.compile(r"\r\n|\r|\n")
_FULL = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")


@dataclass(frozen=True)
class DateToRemember:
    """An anniversary or another date the address book keeps for someone."""

    title: str
    day: PartialDate


@dataclass(frozen=True)
class Contact:
    """One card's person: what the product keeps of them, and where the card starts."""

    name: str
    line: int
    birthday: PartialDate | None = None
    dates: tuple[DateToRemember, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class BrokenCard:
    """A card (or a detail of one) that could not be read, and the line it is on."""

    line: int
    reason: str


@dataclass(frozen=True)
class ContactsFile:
    """The contacts in a file, in its order, and what could not be read (by line)."""

    contacts: list[Contact]
    broken: list[BrokenCard] = field(default_factory=list)


def read_file(path: Path) -> ContactsFile:
    """The contacts in the vCard file at ``path``; ``read_vcards`` says how."""
    try:
        if path.exists() and not path.is_file():
            raise ImportFormatError(words.CONTACTS_NOT_A_FILE, str(path))
        content = path.read_bytes()
    except FileNotFoundError:
        raise TransferError(words.CONTACTS_FILE_MISSING.format(path=path)) from None
    except OSError as error:
        raise TransferError(
            words.CONTACTS_FILE_UNREADABLE.format(path=path, reason=error.strerror)
        ) from None
    return read_vcards(content, str(path))


def read_vcards(content: bytes, source: str) -> ContactsFile:
    """The contacts in a vCard file's bytes; ``source`` names the file in messages.

    A file with no card at all is an ImportFormatError (one line); a card that
    cannot be read, or a detail of one (a birthday with no day), is listed in
    ``broken`` with its line, and the others come in.
    """
    text = _decoded(content)
    lines = _LINES.split(text)
    if "\x00" in text[:4096] or not any(_is(line, _BEGIN) for line in lines):
        raise ImportFormatError(words.CONTACTS_NOT_VCARD, source)
    contacts: list[Contact] = []
    broken: list[BrokenCard] = []
    for start, card, closed in _cards(lines):
        if not closed:
            broken.append(BrokenCard(start, words.CARD_NOT_CLOSED))
            continue
        found, problems = _contact(start, card)
        broken += problems
        if found is not None:
            contacts.append(found)
    return ContactsFile(contacts, sorted(broken, key=lambda b: b.line))


def _decoded(content: bytes) -> str:
    """The file's text: UTF-8 (or UTF-16 with its mark, as Outlook writes), else Windows-1252."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", errors="replace")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _is(line: str, marker: str) -> bool:
    return line.strip().upper() == marker


def _cards(lines: list[str]) -> Iterator[tuple[int, list[str], bool]]:
    """(first line, the card's lines, whether it was closed) for each card, in order."""
    start, card = 0, list[str]()
    for number, line in enumerate(lines, start=1):
        if _is(line, _BEGIN):
            if card:
                yield start, card, False
            start, card = number, [line.strip()]
        elif not card:
            continue  # blank lines or stray text between cards
        elif _is(line, _END):
            yield start, [*card, line.strip()], True
            card = []
        else:
            card.append(line)
    if card:
        yield start, card, False


def _contact(start: int, card: list[str]) -> tuple[Contact | None, list[BrokenCard]]:
    """The person on one card, and what of it could not be read."""
    try:
        component = vobject.readOne("\n".join(card), allowQP=True)
    except ParseError as error:
        offset = getattr(error, "lineNumber", None)
        line = start + int(offset) - 1 if isinstance(offset, int) else start
        return None, [BrokenCard(line, words.CARD_LINE_UNREADABLE)]
    except LookupError as error:  # a CHARSET Python does not know
        return None, [BrokenCard(start, words.CARD_CHARSET_UNKNOWN.format(detail=error))]
    except UnicodeError:
        return None, [BrokenCard(start, words.CARD_TEXT_BROKEN)]
    except (VObjectError, ValueError) as error:
        return None, [BrokenCard(start, words.CARD_UNREADABLE.format(detail=str(error)[:120]))]
    where = _Lines(start, card)
    name = _name(component)
    if not name:
        return None, [BrokenCard(start, words.CARD_NO_NAME)]
    problems: list[BrokenCard] = []
    birthday = None
    for child in _children(component, "BDAY"):
        try:
            birthday = _day(child)
            break
        except ValueError:
            problems.append(where.problem("BDAY", words.CARD_BIRTHDAY_UNREADABLE, child))
    dates, android_birthday = _dates(component, where, problems)
    if birthday is None:
        birthday = android_birthday
    note = "\n\n".join(n for n in (_text(c) for c in _children(component, "NOTE")) if n)
    return Contact(name, start, birthday, dates, note), problems


class _Lines:
    """Where in the file a card's property is, to say so when a detail cannot be read."""

    def __init__(self, start: int, card: list[str]) -> None:
        self.start, self.card = start, card

    def of(self, name: str) -> int:
        pattern = re.compile(rf"^([\w-]+\.)?{re.escape(name)}[;:]", re.IGNORECASE)
        for offset, line in enumerate(self.card):
            if pattern.match(line):
                return self.start + offset
        return self.start

    def problem(self, name: str, template: str, child: ContentLine) -> BrokenCard:
        return BrokenCard(self.of(name), template.format(value=_text(child)[:60]))


def _children(component: vobject.base.Component, name: str) -> list[ContentLine]:
    return list(component.contents.get(name.lower(), []))


def _text(child: ContentLine) -> str:
    value = child.value
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()


def _name(component: vobject.base.Component) -> str:
    for child in _children(component, "FN"):
        if isinstance(child.value, str) and child.value.strip():
            return " ".join(child.value.split())
    for child in _children(component, "N"):
        value = child.value
        if hasattr(value, "given"):
            parts = [value.prefix, value.given, value.additional, value.family, value.suffix]
        else:
            parts = str(value).split(";")
        flat = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
        if name := " ".join(" ".join(flat).split()):
            return name
    return ""


def _day(child: ContentLine) -> PartialDate:
    """A date property's day, the year left out where the card says it is not known."""
    if "text" in [v.lower() for v in child.params.get("VALUE", [])]:
        raise ValueError(child.value)
    return _day_of(_text(child), year_omitted=bool(child.params.get("X-APPLE-OMIT-YEAR")))


def _day_of(value: str, *, year_omitted: bool = False) -> PartialDate:
    """``1990-03-15``, ``19900315``, ``--03-15``, ``--0315`` (a time after it is let go)."""
    if not value.startswith("--"):
        value = value.split("T", 1)[0]
    if found := _NO_YEAR.match(value):
        return PartialDate(int(found.group(1)), int(found.group(2)))
    found = _FULL.match(value)
    if found is None:
        raise ValueError(value)
    year, month, day = (int(g) for g in found.groups())
    if year_omitted or year in (APPLE_NO_YEAR, 0):
        return PartialDate(month, day)
    return PartialDate(month, day, year)


def _dates(
    component: vobject.base.Component, where: _Lines, problems: list[BrokenCard]
) -> tuple[tuple[DateToRemember, ...], PartialDate | None]:
    """The card's dates to remember (each once), and a birthday Android keeps among them."""
    found: list[DateToRemember] = []
    birthday = None
    labels = {c.group.lower(): _text(c) for c in _children(component, "X-ABLABEL") if c.group}
    for name in ANNIVERSARIES:
        for child in _children(component, name):
            day = _date_or_problem(child, name, where, problems)
            if day is not None:
                found.append(DateToRemember(words.CONTACT_ANNIVERSARY, day))
    for child in _children(component, "X-ABDATE"):
        day = _date_or_problem(child, "X-ABDATE", where, problems)
        if day is not None:
            label = labels.get((child.group or "").lower(), "")
            found.append(DateToRemember(_apple_title(label), day))
    for child in _children(component, "X-ANDROID-CUSTOM"):
        fields = _text(child).split(";")
        if fields[0] != ANDROID_EVENT or len(fields) < 3:
            continue  # a nickname, a relation …: not kept
        kind, label = fields[2].strip(), fields[3].strip() if len(fields) > 3 else ""
        try:
            day = _day_of(fields[1].strip())
        except ValueError:
            problems.append(
                BrokenCard(
                    where.of("X-ANDROID-CUSTOM"),
                    words.CARD_DATE_UNREADABLE.format(value=fields[1][:60]),
                )
            )
            continue
        if kind == ANDROID_BIRTHDAY:
            birthday = birthday or day
        elif kind == "0" and label:
            found.append(DateToRemember(label, day))
        else:
            found.append(DateToRemember(ANDROID_TYPES.get(kind, words.CONTACT_OTHER_DATE), day))
    return _once_each(found), birthday


def _once_each(dates: list[DateToRemember]) -> tuple[DateToRemember, ...]:
    """Each date once (Apple can write one twice), keeping the one that knows its year."""
    best: dict[tuple[str, int, int], DateToRemember] = {}
    for date in dates:
        key = (date.title.casefold(), date.day.month, date.day.day)
        if key not in best or (best[key].day.year is None and date.day.year is not None):
            best[key] = date
    return tuple(best.values())


def _date_or_problem(
    child: ContentLine, name: str, where: _Lines, problems: list[BrokenCard]
) -> PartialDate | None:
    try:
        return _day(child)
    except ValueError:
        problems.append(where.problem(name, words.CARD_DATE_UNREADABLE, child))
        return None


def _apple_title(label: str) -> str:
    """An Apple date's label as a title: its own words, or the standard one's name."""
    if found := _APPLE_LABEL.match(label):
        return APPLE_LABELS.get(found.group(1).lower(), found.group(1))
    return " ".join(label.split()) or words.CONTACT_OTHER_DATE
