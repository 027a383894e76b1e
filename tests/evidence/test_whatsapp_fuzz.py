"""WhatsApp parser against generated input.

* Any bytes, and real exports with bytes flipped, cut, inserted or deleted,
  give a Chat (read to the end without error) or an ImportFormatError.
* Exports written in any shape the parser knows (date order, separators,
  two- or four-digit years, 12- or 24-hour clocks, brackets or dashes,
  seconds, CRLF, BOM) read back exactly as written.

Bounded so that the suite stays fast.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import whatsapp
from reciprocity.evidence.message import Chat, MessageKind, ParseOptions

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SEEDS = sorted(
    [
        *FIXTURES.glob("*.txt"),
        *(CORPUS / "pitfalls").glob("*.txt"),
        *(CORPUS / "chat-miner" / "test" / "whatsapp").glob("*.txt"),
    ]
)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("whatsapp-fuzz")


def read_fully(chat: Chat) -> None:
    for message in chat.messages:
        assert isinstance(message.sent, datetime)
        assert isinstance(message.author, str) and message.author
        assert isinstance(message.text, str)
        assert isinstance(message.kind, MessageKind)
        assert message.line >= 1
    for skipped in chat.skipped:
        assert skipped.line >= 1 and skipped.reason


def parse_or_refuse(path: Path) -> None:
    try:
        chat = whatsapp.parse(path)
    except ImportFormatError as error:
        assert error.path == str(path)
        return
    read_fully(chat)


HEADERS = st.sampled_from(
    [
        b"",
        b"13/02/2020, 10:00 - ",
        b"[13/02/2020, 10:00:00] ",
        b"2/13/20, 1:02\xe2\x80\xafPM - A: ",
        b"PK\x03\x04",
    ]
)


@FUZZ
@given(prefix=HEADERS, data=st.binary(max_size=400))
def test_arbitrary_bytes(scratch: Path, prefix: bytes, data: bytes) -> None:
    path = scratch / "arbitrary.txt"
    path.write_bytes(prefix + data)
    parse_or_refuse(path)


HEADERISH = st.sampled_from(
    [*"0123456789/.-:, []\n\r\u200e\u202fapmAPM-klo", "Alice: ", " - ", "\n12/02/2020, "]
)


@FUZZ
@given(pieces=st.lists(HEADERISH, max_size=120))
def test_header_like_text(scratch: Path, pieces: list[str]) -> None:
    path = scratch / "headerish.txt"
    path.write_text("".join(pieces), encoding="utf-8", newline="")
    parse_or_refuse(path)


EDITS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 3), st.binary(max_size=8)),
    min_size=1,
    max_size=6,
)


def mutated(original: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(original)
    for position, action, payload in edits:
        where = position % (len(data) + 1)
        if action == 0:  # overwrite
            data[where : where + len(payload)] = payload
        elif action == 1:  # insert
            data[where:where] = payload
        elif action == 2:  # delete
            del data[where : where + 1 + len(payload)]
        else:  # cut short
            del data[where:]
    return bytes(data)


@FUZZ
@given(seed=st.integers(0, len(SEEDS) - 1), edits=EDITS)
def test_mutated_exports(scratch: Path, seed: int, edits: list[tuple[int, int, bytes]]) -> None:
    path = scratch / "mutated.txt"
    path.write_bytes(mutated(SEEDS[seed].read_bytes(), edits))
    parse_or_refuse(path)


@settings(FUZZ, max_examples=60)
@given(seed=st.integers(0, len(SEEDS) - 1), edits=EDITS, inside=st.booleans())
def test_mutated_zips(
    scratch: Path, seed: int, edits: list[tuple[int, int, bytes]], inside: bool
) -> None:
    text = SEEDS[seed].read_bytes()
    if inside:
        text = mutated(text, edits)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("_chat.txt", text)
    archive = buffer.getvalue() if inside else mutated(buffer.getvalue(), edits)
    path = scratch / "mutated.zip"
    path.write_bytes(archive)
    parse_or_refuse(path)


# Round trips ----------------------------------------------------------------------

NAMES = [
    "Alice",
    "Bob Smith",
    "Sandrine - French",
    "+1 555 0100",
    "Zoë",
    "😀 Emoji",
    "O'Brien",
    "Dr. Who",
]
# Body text without digits or "[" cannot start a line that looks like a date.
LINE = st.text(alphabet=st.sampled_from(list("abcXYZ éñü😀,.!?'-: ")), max_size=20)
BODY = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
HALVES = [
    ("AM", "PM"),
    ("am", "pm"),
    ("a.m.", "p.m."),
    ("a. m.", "p. m."),
    ("a.\u00a0m.", "p.\u00a0m."),
]


@dataclass(frozen=True)
class Shape:
    order: str
    long_year: bool
    separator: str
    padded: bool
    style: str  # "android", "android-no-comma", "ios", "finnish"
    seconds: bool
    halves: tuple[str, str] | None
    narrow: bool  # U+202F between the time and AM/PM

    def date(self, moment: datetime) -> str:
        year = f"{moment.year:04d}" if self.long_year else f"{moment.year % 100:02d}"
        day, month = (
            (f"{moment.day:02d}", f"{moment.month:02d}")
            if self.padded
            else (str(moment.day), str(moment.month))
        )
        parts = {"D": day, "M": month, "Y": year}
        return self.separator.join(parts[letter] for letter in self.order)

    def time(self, moment: datetime) -> str:
        colon = "." if self.style == "finnish" else ":"
        hour = moment.hour
        if self.halves is not None:
            hour = hour % 12 or 12
        text = f"{hour:02d}" if self.padded else str(hour)
        text += f"{colon}{moment.minute:02d}"
        if self.seconds:
            text += f"{colon}{moment.second:02d}"
        if self.halves is not None:
            text += ("\u202f" if self.narrow else " ") + self.halves[moment.hour >= 12]
        return text

    def header(self, moment: datetime, author: str) -> str:
        date, time = self.date(moment), self.time(moment)
        if self.style == "ios":
            return f"[{date}, {time}] {author}: "
        if self.style == "finnish":
            return f"{date} klo {time} - {author}: "
        if self.style == "android-no-comma":
            return f"{date} {time} - {author}: "
        return f"{date}, {time} - {author}: "


SHAPES = st.builds(
    Shape,
    order=st.sampled_from(["DMY", "MDY", "YMD"]),
    long_year=st.booleans(),
    separator=st.sampled_from(["/", ".", "-"]),
    padded=st.booleans(),
    style=st.sampled_from(["android", "android-no-comma", "ios", "finnish"]),
    seconds=st.booleans(),
    halves=st.none() | st.sampled_from(HALVES),
    narrow=st.booleans(),
)
MOMENTS = st.datetimes(min_value=datetime(2009, 1, 1), max_value=datetime(2099, 12, 31, 23, 59, 59))


@settings(FUZZ, max_examples=120)
@given(
    shape=SHAPES,
    messages=st.lists(st.tuples(MOMENTS, st.sampled_from(NAMES), BODY), min_size=1, max_size=12),
    crlf=st.booleans(),
    bom=st.booleans(),
)
def test_round_trip(
    scratch: Path, shape: Shape, messages: list[tuple[datetime, str, str]], crlf: bool, bom: bool
) -> None:
    written = []
    lines: list[str] = []
    for moment, author, body in sorted(messages):
        sent = moment.replace(microsecond=0, second=moment.second if shape.seconds else 0)
        written.append((sent, author, body.rstrip("\n"), len(lines) + 1))
        lines.extend((shape.header(sent, author) + body).split("\n"))
    text = ("\ufeff" if bom else "") + ("\r\n" if crlf else "\n").join(lines) + "\n"
    path = scratch / "round-trip.txt"
    path.write_bytes(text.encode("utf-8"))

    chat = whatsapp.parse(path, ParseOptions(date_order=shape.order))
    read = [(m.sent, m.author, m.text, m.line) for m in chat.messages]
    assert read == written
    assert chat.skipped == []
    assert (chat.date_order, chat.date_order_inferred) == (shape.order, False)

    inferred = whatsapp.parse(path)
    if inferred.date_order == shape.order:
        assert [(m.sent, m.author, m.text, m.line) for m in inferred.messages] == written


def test_the_corpus_seeds_too(corpus: Path) -> None:
    """Visible where the corpus is missing (a skip, or a failure in CI): its files seed the above."""
    assert [p for p in SEEDS if p.is_relative_to(corpus)]
