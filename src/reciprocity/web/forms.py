"""Reading what a form or a JSON body sent: choices, numbers and dates, with clear errors.

The rules about the values themselves (ranges, names, visions) live in the model
and the services; this module only turns text into the typed values the
services take, with the same messages as the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import TypeVar

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from reciprocity.coach import people as people_words
from reciprocity.dates import parse_date
from reciprocity.errors import InputError, NotFoundError, RangeError

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
    if not value.strip().isdigit():
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


def found(fetch: Callable[[], T]) -> T | None:
    """What ``fetch`` finds, or None when it is gone (a notice about something since removed)."""
    try:
        return fetch()
    except NotFoundError:
        return None


async def read_form(request: Request) -> FormData:
    """The submitted form (parsed once; the anti-forgery check reads the same copy)."""
    return await request.form()
