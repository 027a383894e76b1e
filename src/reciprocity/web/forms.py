"""Reading what a form or a JSON body sent: choices, numbers and dates, with clear errors.

The rules about the values themselves (ranges, names, visions) live in the model
and the services; this module only turns text into the typed values the
services take, with the same messages as the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import Annotated, TypeVar

from fastapi import Path, Query
from pydantic import BaseModel, Field, field_validator
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from reciprocity.coach import app as app_words
from reciprocity.coach import people as people_words
from reciprocity.dates import PartialDate, parse_birthday, parse_date
from reciprocity.errors import InputError, NotFoundError, RangeError

MAX_ID = 2**63 - 1
"""The largest id a store can hold (a signed 64-bit integer); larger ones name nothing."""
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="An id, as the lists give it.")]
"""An id in a route's path: a whole number the store can hold (else 422, never a crash)."""
QueryId = Annotated[int, Query(ge=1, le=MAX_ID)]
BodyId = Annotated[int, Field(ge=1, le=MAX_ID, examples=[2])]
"""An id in a JSON body."""


def _whole_text(value: object) -> object:
    """Refuse a string holding half a character (a lone surrogate), wherever it is in a value."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(app_words.TEXT_BROKEN) from None
    elif isinstance(value, list | tuple):
        for item in value:
            _whole_text(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _whole_text(key)
            _whole_text(item)
    return value


class Body(BaseModel):
    """A JSON body: every text in it whole (JSON can carry half a character, ``\\ud83d``)."""

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_whole(cls, value: object) -> object:
        return _whole_text(value)


E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def text(form: FormData, key: str) -> str:
    value = form.get(key)
    return value if isinstance(value, str) else ""


def texts(form: FormData, key: str) -> list[str]:
    return [v for v in form.getlist(key) if isinstance(v, str) and v]


def upload(form: FormData, key: str) -> UploadFile | None:
    value = form.get(key)
    if isinstance(value, UploadFile) and value.filename:
        return value
    return None


def choice(value: str, kind: type[E], what: str) -> E:
    try:
        return kind(value.strip())
    except ValueError:
        raise InputError(
            people_words.CHOICE_UNKNOWN.format(
                value=value, what=what, choices=", ".join(str(m.value) for m in kind)
            )
        ) from None


def optional_choice(value: str, kind: type[E], what: str) -> E | None:
    return choice(value, kind, what) if value.strip() else None


def choices(values: Iterable[str], kind: type[E], what: str) -> list[E]:
    return [choice(v, kind, what) for v in values if v.strip()]


def chosen_id(value: str, message: str) -> int:
    """The id a choice in a form stands for; ``message`` when nothing usable was chosen."""
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_ID:
        raise InputError(message)
    return int(value)


def optional_int(value: str, *, low: int, high: int, message: str) -> int | None:
    """A whole number in ``low..high``, or None when left blank."""
    if not value.strip():
        return None
    try:
        number = int(value.strip())
    except ValueError:
        raise RangeError(message.format(value=value)) from None
    if not low <= number <= high:
        raise RangeError(message.format(value=value))
    return number


def day(
    value: str, *, today: date, default_today: bool = True, allow_future: bool = False
) -> date | None:
    """A date typed by a person (or sent by a date field); blank means today or None."""
    if not value.strip():
        return today if default_today else None
    return parse_date(value, today=today, allow_future=allow_future)


def birthday(value: str, *, today: date) -> PartialDate | None:
    """A birthday typed by a person, with or without its year; blank means none."""
    return parse_birthday(value, today=today) if value.strip() else None


def found(fetch: Callable[[], T]) -> T | None:
    """What ``fetch`` finds, or None when it is gone (a notice about something since removed)."""
    try:
        return fetch()
    except NotFoundError:
        return None


async def read_form(request: Request) -> FormData:
    """The submitted form (parsed once; the anti-forgery check reads the same copy)."""
    return await request.form()
