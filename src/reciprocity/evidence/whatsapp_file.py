"""Reading a WhatsApp export's text a segment at a time, from a ``.txt`` or a ``.zip``.

The text is never held whole: it is read in blocks of whole lines
(``chunks.LineBlocks``), normalised (byte-order mark dropped, CRLF as LF,
direction marks at line starts removed) and cut into *segments* that each
start where a message starts, so that no message spans two segments. The
same file always gives the same segments, so the parser can read it twice:
once to learn its dates, once to read its messages.

Bounds, whatever the file: a line is cut after about ``chunks.LONGEST_LINE``
bytes; a message running over ``LONGEST_MESSAGE`` bytes keeps its first
lines and the rest is left out (and listed); a zip member is read through a
limit of size and compression ratio counted on what comes out, not on what
its headers claim.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reciprocity.coach import chats as words
from reciprocity.errors import ImportFormatError
from reciprocity.evidence.chunks import BLOCK, Limited, LineBlocks, Readable
from reciprocity.evidence.exportfile import BOM, regular_file_size
from reciprocity.evidence.message import Skipped
from reciprocity.evidence.whatsapp_text import (
    FIRST_MARKS,
    HEADER,
    HEADER_AT_LINE,
    LINE_MARK_START,
    LINE_MARKS,
)

ZIP = b"PK\x03\x04"
# An inner chat text larger than this, or compressed more than this ratio, is refused.
MAX_TEXT_BYTES = 2 * 1024**3
MAX_RATIO = 200  # chat text deflates 3 to 10 times; deflate itself cannot pass about 1030
LONGEST_MESSAGE = 4 * 1024**2
"""A message's lines past this many bytes are left out (and listed): no chat message is so long."""
_TITLE = re.compile(r"^WhatsApp Chat (?:with |- )(?P<name>.+?)(?:\.txt|\.zip)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """Normalised text of whole lines, starting where a message starts (or at the file's start)."""

    data: bytes
    line: int
    """The number of its first line in the file."""


@dataclass
class Source:
    """Where the chat text is: the file itself, or a member of a zip; opened once a reading."""

    path: Path
    member: zipfile.ZipInfo | None = None
    title: str | None = None
    limit: int = MAX_TEXT_BYTES
    block: int = BLOCK
    """How much is read at a time."""

    @classmethod
    def of(cls, path: Path, block: int = BLOCK) -> Source:
        where = str(path)
        size = regular_file_size(path)
        with _opened(path, where) as handle:
            zipped = handle.read(len(ZIP)) == ZIP
        if not zipped:
            return cls(path, title=title_of(path.name), block=block)
        try:
            with zipfile.ZipFile(path) as bundle:
                member = _chat_member(bundle, where)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise ImportFormatError(f"is a zip file that cannot be read ({error})", where) from None
        # The text cannot come out of more bytes than the zip holds: the ratio
        # is counted against the file's real size, not the member's header.
        limit = min(MAX_TEXT_BYTES, max(1024**2, MAX_RATIO * size))
        name = member.filename.rsplit("/", 1)[-1]
        return cls(path, member, title_of(name) or title_of(path.name), limit, block)

    @contextmanager
    def open(self) -> Iterator[Readable]:
        """The chat text as a stream; errors of a damaged zip become ImportFormatError."""
        where = str(self.path)
        if self.member is None:
            with _opened(self.path, where) as handle:
                yield handle
            return
        reason = words.IMPORT_ZIP_TOO_LARGE.format(
            name=self.member.filename, limit=self.limit // 1024**2, ratio=MAX_RATIO
        )
        try:
            with zipfile.ZipFile(self.path) as bundle, bundle.open(self.member) as inner:
                yield Limited(inner, self.limit, reason, where)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            # A damaged archive, a bad CRC, a cut-off deflate stream.
            raise ImportFormatError(f"is a zip file that cannot be read ({error})", where) from None
        except NotImplementedError as error:  # a compression method Python does not have
            raise ImportFormatError(
                f"is a zip file in a form this version cannot open ({error})", where
            ) from None


@contextmanager
def _opened(path: Path, where: str) -> Iterator[Readable]:
    try:
        # Unbuffered: blocks of megabytes go straight from the file, where a buffered
        # reader took ten times as long to hand them over.
        handle = path.open("rb", buffering=0)
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", where) from None
    with handle:
        try:
            yield handle
        except OSError as error:
            raise ImportFormatError(f"cannot be read ({error.strerror or error})", where) from None


def title_of(name: str) -> str | None:
    match = _TITLE.match(name)
    return match["name"].strip() if match else None


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


@dataclass
class Segments:
    """The segments of a source's text, read once; ``skipped`` lists what was cut or left out.

    A segment is cut before the last line in a block that starts a message
    (``HEADER``). When no message starts in a whole block, the message in
    progress grows, up to ``LONGEST_MESSAGE``; past that its lines are left
    out until the next message starts.
    """

    source: Source
    skipped: list[Skipped] = field(default_factory=list)

    def __iter__(self) -> Iterator[Segment]:
        line, pending, dropping = 1, b"", False
        with self.source.open() as handle:
            blocks = LineBlocks(handle, self.source.block)
            for number, raw in enumerate(blocks):
                if blocks.cuts and blocks.cuts[-1].block == number:
                    self._note_cuts(blocks, number, raw, line + pending.count(b"\n"))
                block = _normalised(raw, first=number == 0)
                if pending and len(pending) + len(block) > LONGEST_MESSAGE:
                    # Does the message in progress run on past the limit? It goes
                    # on up to the block's first line that starts a message.
                    start = _first_start(block)
                    upto = len(block) if start < 0 else start
                    if len(pending) + upto > LONGEST_MESSAGE:
                        message = pending + block[:upto]
                        kept = _whole_lines(message[:LONGEST_MESSAGE])
                        yield Segment(kept, line)
                        left_out = line + kept.count(b"\n")
                        reason = words.IMPORT_MESSAGE_TOO_LONG.format(line=line)
                        self.skipped.append(Skipped(left_out, reason))
                        line += message.count(b"\n")
                        pending = b""
                        if start < 0:
                            dropping = True
                            continue
                        block = block[start:]
                if dropping:
                    start = _first_start(block)
                    if start < 0:
                        line += block.count(b"\n")
                        continue
                    line += block.count(b"\n", 0, start)
                    block, dropping = block[start:], False
                # Cut before the block's last line that starts a message (not at the
                # segment's very start): one copy of the block, the rest carried on.
                cut = _last_start(block, 0 if pending else 1)
                if cut >= 0:
                    data = b"".join((pending, memoryview(block)[:cut])) if cut else pending
                    yield Segment(data, line)
                    line += data.count(b"\n")
                    pending = block[cut:]
                else:
                    pending = b"".join((pending, block)) if pending else block
        if pending:
            yield Segment(pending, line)

    def _note_cuts(self, blocks: LineBlocks, number: int, block: bytes, first: int) -> None:
        """List the lines cut in block ``number``, whose first line is line ``first``."""
        for cut in blocks.cuts:
            if cut.block == number:
                line = first + block.count(b"\n", 0, cut.offset)
                reason = words.IMPORT_LINE_TOO_LONG.format(megabytes=cut.size / 1024**2)
                self.skipped.append(Skipped(line, reason))


def _normalised(raw: bytes, *, first: bool) -> bytes:
    """The text with BOM dropped, CRLF as LF and the marks at line starts gone.

    A copy is made only when something changes.
    """
    data = raw.removeprefix(BOM) if first else raw
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if LINE_MARK_START.search(data) and LINE_MARKS.search(data):
        data = LINE_MARKS.sub(b"\n", data)
    marks = FIRST_MARKS.match(data)
    return data[marks.end() :] if marks else data


def _whole_lines(data: bytes) -> bytes:
    """``data`` up to and with its last line end (all of it when it has none)."""
    end = data.rfind(b"\n") + 1
    return data[:end] if end else data


def _last_start(data: bytes, after: int) -> int:
    """Where the last line that starts a message begins, at ``after`` (0 or 1) or later; -1 if none."""
    end = len(data)
    while end > 1:
        newline = data.rfind(b"\n", 0, end - 1)
        if newline < 0:
            break
        if HEADER.match(data, newline + 1):
            return newline + 1
        end = newline + 1
    return 0 if after == 0 and HEADER.match(data) else -1


def _first_start(data: bytes) -> int:
    """Where the first line that starts a message begins; -1 if none does."""
    if HEADER.match(data):
        return 0
    found = HEADER_AT_LINE.search(data)
    return -1 if found is None else found.start() + 1
