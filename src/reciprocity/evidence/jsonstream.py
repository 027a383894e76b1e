"""A JSON document read a value at a time, so that a large export needs little memory.

Chat exports are one JSON object with a long array of messages inside
(``{"name": …, "messages": [{…}, {…}, …]}``, or deeper in a whole-account
export). ``JsonStream`` walks the document from the outside in: ``fields`` goes
through an object's keys, ``items`` through an array's elements, and at each
place the caller either takes the ``value`` whole (one message: decoded by
the standard library, in C), goes inside, or ``skip``s it (an array or object
skipped element by element, so another chat's million messages are never
held). Memory is the read buffer and the value at hand.

Every problem is an ImportFormatError that says the line: the text is not
UTF-8, not JSON, cut short, nested too deeply, holds a number too long to
read, or a single value larger than any message.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from reciprocity.coach import chats as words
from reciprocity.errors import ImportFormatError
from reciprocity.evidence.chunks import BLOCK, Readable

LARGEST_VALUE = 64 * 1024**2
"""A single value (one message) larger than this many characters is no chat export's."""
DEEPEST = 64
"""Objects and arrays nested deeper than this are no chat export's."""
_SPACE = " \t\r\n"
_DECODER = json.JSONDecoder()


class JsonStream:
    """Read the JSON text of ``handle`` from the outside in (see the module docstring)."""

    def __init__(self, handle: Readable, where: str, block: int = BLOCK) -> None:
        self.handle = handle
        self.where = where
        self.block = block
        self.text = ""
        self.at = 0
        self.line = 1  # the line of ``text[0]``
        self.ended = False
        self.depth = 0
        self._utf8 = codecs.getincrementaldecoder("utf-8-sig")()

    # reading -------------------------------------------------------------------

    def _more(self) -> bool:
        """Read another block into the buffer; False at the end of the file."""
        if self.ended:
            return False
        raw = self.handle.read(self.block)
        try:
            piece = self._utf8.decode(raw, final=not raw)
        except UnicodeDecodeError:
            raise ImportFormatError(
                "is not UTF-8 text, so it cannot be JSON", self.where, self._line_at(len(self.text))
            ) from None
        if not raw:
            self.ended = True
        if self.at > len(self.text) // 2:  # let go of what was read
            self.line += self.text.count("\n", 0, self.at)
            self.text, self.at = self.text[self.at :], 0
        self.text += piece
        return bool(raw) or bool(piece)

    def _line_at(self, position: int) -> int:
        return self.line + self.text.count("\n", 0, position)

    def _peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            while self.at < len(self.text) and self.text[self.at] in _SPACE:
                self.at += 1
            if self.at < len(self.text):
                return self.text[self.at]
            if not self._more():
                return ""

    def _expect(self, wanted: str) -> None:
        found = self._peek()
        if found != wanted:
            self._fail(words.JSON_EXPECTED.format(wanted=wanted, found=found or words.JSON_END))
        self.at += 1

    def _fail(self, reason: str, position: int | None = None) -> NoReturn:
        line = self._line_at(self.at if position is None else position)
        raise ImportFormatError(words.JSON_BROKEN.format(reason=reason), self.where, line)

    # the caller's steps ------------------------------------------------------------

    def kind(self) -> str:
        """What comes next: "object", "array", or "value" (text, number, true, false, null)."""
        found = self._peek()
        return "object" if found == "{" else "array" if found == "[" else "value"

    def value(self) -> Any:
        """The next value, whole."""
        self._peek()
        while True:
            try:
                found, end = _DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError as error:
                if not self.ended and len(self.text) - self.at < LARGEST_VALUE and self._more():
                    continue  # cut by the end of the buffer: read on
                if len(self.text) - self.at >= LARGEST_VALUE:
                    self._fail(words.JSON_VALUE_TOO_LARGE)
                self._fail(f"{error.msg} at column {error.colno}", error.pos)
            except RecursionError:
                self._fail(words.JSON_TOO_DEEP)
            except ValueError:  # an integer with more digits than Python reads
                raise ImportFormatError(
                    words.JSON_NUMBER_TOO_LONG, self.where, self._line_at(self.at)
                ) from None
            if end >= len(self.text) and not self.ended and self._more():
                continue  # a number may go on in the next block: read it whole
            self.at = end
            return found

    def fields(self) -> Iterator[str]:
        """The keys of the object that comes next; after each, the caller reads its value."""
        self._expect("{")
        self._enter()
        if self._peek() == "}":
            self.at += 1
            self.depth -= 1
            return
        while True:
            if self._peek() != '"':
                self._fail(words.JSON_KEY_EXPECTED)
            key = self.value()
            self._expect(":")
            yield key
            found = self._peek()
            self.at += 1
            if found == "}":
                self.depth -= 1
                return
            if found != ",":
                self._fail(words.JSON_AFTER_VALUE.format(close="}"), self.at - 1)

    def items(self) -> Iterator[int]:
        """The elements of the array that comes next, by index; the caller reads each."""
        self._expect("[")
        self._enter()
        if self._peek() == "]":
            self.at += 1
            self.depth -= 1
            return
        index = 0
        while True:
            yield index
            index += 1
            found = self._peek()
            self.at += 1
            if found == "]":
                self.depth -= 1
                return
            if found != ",":
                self._fail(words.JSON_AFTER_VALUE.format(close="]"), self.at - 1)

    def skip(self) -> None:
        """Pass over the next value, an element or a key at a time."""
        kind = self.kind()
        if kind == "object":
            for _key in self.fields():
                self.skip()
        elif kind == "array":
            for _index in self.items():
                self.skip()
        else:
            self.value()

    def end(self) -> None:
        """Check that nothing but white space follows the document."""
        if self._peek() != "":
            self._fail(words.JSON_TRAILING)

    def line_now(self) -> int:
        """The line the next value starts on."""
        self._peek()
        return self._line_at(self.at)

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > DEEPEST:
            self._fail(words.JSON_TOO_DEEP)


@contextmanager
def opened(path: Path) -> Iterator[Readable]:
    """The file's bytes as a stream; an error reading it is an ImportFormatError."""
    try:
        with path.open("rb") as handle:
            yield handle
    except OSError as error:
        raise ImportFormatError(f"cannot be read ({error.strerror or error})", str(path)) from None
