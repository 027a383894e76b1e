"""Reading a restored export's fields, with the place in the file of any problem.

Used by ``store.transfer`` and the parts of the file it delegates
(``store.practices``, ``store.chat_export``): every field is checked for its
type and converted, and any problem becomes an ImportFormatError that says
where in the file it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from reciprocity.coach import data as data_words
from reciprocity.coach import people as people_words
from reciprocity.dates import PartialDate
from reciprocity.errors import ImportFormatError, ReciprocityError
from reciprocity.model import Person

T = TypeVar("T")
LARGEST = 2**31 - 1
"""No whole number in an export is larger: counts of days, positions, ratings."""


class DocumentReader:
    """Reads the fields of an export being restored; any problem is an ImportFormatError.

    Each method takes the raw value (a dict from the JSON file), the key to
    read and ``where`` it is in the file (``people[3].moments[0]``), and
    either returns the value as the model wants it or raises an
    ImportFormatError saying where and what is wrong, in ``source`` (the
    file's name). With ``required``, a missing value is such a problem too.
    ``at`` does the same for the rules the model checks inside a block.
    """

    def __init__(self, source: str) -> None:
        self.source = source

    def problem(self, where: str, what: str) -> ImportFormatError:
        """The error to raise: ``what`` is wrong at ``where`` in the file."""
        return ImportFormatError(
            data_words.TRANSFER_FIELD.format(where=where, problem=what), self.source
        )

    @contextmanager
    def at(self, where: str) -> Iterator[None]:
        """Say where in the file any rule inside the block was broken."""
        try:
            yield
        except ImportFormatError:
            raise
        except ReciprocityError as error:
            raise self.problem(where, str(error)) from None

    def items(self, raw: Any, key: str, where: str = "") -> list[Any]:
        """The list under ``key`` (empty when there is none)."""
        value = raw.get(key, []) if isinstance(raw, dict) else None
        if not isinstance(value, list):
            raise self.problem(
                where or key, data_words.TRANSFER_TYPE.format(key=key, expected="a list")
            )
        return value

    def _get(self, raw: Any, key: str, where: str, required: bool) -> Any:
        if not isinstance(raw, dict):
            raise self.problem(
                where, data_words.TRANSFER_TYPE.format(key=where, expected="an object")
            )
        if required and raw.get(key) is None:
            raise self.problem(where, data_words.TRANSFER_MISSING.format(key=key))
        return raw.get(key)

    def text(self, raw: Any, key: str, where: str, required: bool = False) -> str:
        """The text under ``key`` ("" when there is none)."""
        value = self._get(raw, key, where, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.problem(where, data_words.TRANSFER_TYPE.format(key=key, expected="text"))
        return value

    def integer(self, raw: Any, key: str, where: str, required: bool = False) -> Any:
        """The whole number under ``key``, or None."""
        value = self._get(raw, key, where, required)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise self.problem(
                where, data_words.TRANSFER_TYPE.format(key=key, expected="a whole number")
            )
        if value is not None and not -LARGEST <= value <= LARGEST:
            raise self.problem(where, data_words.TRANSFER_CHAT_COLUMN.format(key=key))
        return value

    def day(self, raw: Any, key: str, where: str, required: bool = False) -> Any:
        """The ISO date under ``key`` as a ``date``, or None."""
        value = self._get(raw, key, where, required)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.problem(
                where, data_words.TRANSFER_TYPE.format(key=key, expected="a date like 2026-03-14")
            ) from None

    def partial_day(self, raw: Any, key: str, where: str) -> PartialDate | None:
        """The ISO date under ``key``, which may be ``--MM-DD`` (no year), or None."""
        value = self._get(raw, key, where, False)
        if value is None:
            return None
        try:
            return PartialDate.from_iso(value)
        except (TypeError, ValueError, AttributeError):
            raise self.problem(
                where,
                data_words.TRANSFER_TYPE.format(
                    key=key, expected="a date like 1990-03-14, or --03-14 without a year"
                ),
            ) from None

    def convert(self, kind: type[T], value: Any, where: str, label: str) -> T:
        """``value`` as a member of the enum ``kind``; the error lists the choices."""
        try:
            return kind(value)  # type: ignore[call-arg]
        except ValueError:
            choices = ", ".join(m.value for m in kind)  # type: ignore[attr-defined]
            raise self.problem(
                where, people_words.CHOICE_UNKNOWN.format(value=value, what=label, choices=choices)
            ) from None

    def choice(self, raw: Any, key: str, kind: type[T], where: str, default: Any = ...) -> Any:
        """The member of ``kind`` under ``key``; required unless a ``default`` is given."""
        value = self._get(raw, key, where, required=default is ...)
        if value is None:
            return default
        return self.convert(kind, value, where, key)

    def choices(self, raw: Any, key: str, kind: type[T], where: str) -> list[T]:
        """The list of members of ``kind`` under ``key`` (empty when there is none)."""
        values = self._get(raw, key, where, required=False) or []
        if not isinstance(values, list):
            raise self.problem(where, data_words.TRANSFER_TYPE.format(key=key, expected="a list"))
        return [self.convert(kind, v, where, key) for v in values]

    def person(self, people: dict[str, Person], name: str, where: str) -> Person:
        """The person restored so far under ``name``."""
        if name not in people:
            raise self.problem(where, people_words.UNKNOWN_PERSON.format(name=name))
        return people[name]
