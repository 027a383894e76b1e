"""Which order a text export writes its dates in (DMY, MDY, YMD …), from the whole file.

Exports write dates as numbers in the phone's locale order, and nothing in
the file names that order. ``01/02/20`` is 1 February or 2 January. It is
decided from every date in the file, never from the first line:

1. An order under which a date cannot exist is ruled out (a field above 12
   cannot be the month; a four-digit field must be the year; 31 April does
   not exist). If every order fails somewhere, the one that fails least wins,
   and the failing lines are the caller's to report.
2. A chat is written in time order, so among the orders left, the one under
   which the dates go backwards least often wins.
3. If that still ties, the field that changes most often between consecutive
   dates is the day (days change daily, months monthly, years yearly), and
   the one that changes least is the year. Only then is a fixed preference
   used: the order of ``candidates`` (by default DMY, the most common order
   worldwide, then MDY, then YMD, and last the three orders almost no locale
   writes but some exports show: YDM, DYM and MYD).

Steps 2 and 3 decide "by inference": the caller tells the user which order
was assumed and how to override it.

A date that starts with a four-digit year is read year first whatever the
order, and takes no part in the vote of the other dates. A file of such dates
only is YMD, not inferred, unless its own dates show the day before the month
(a field above 12 in the middle, or the middle field changing fastest): then
it is YDM.

The input is the sequence of dates in file order, as the digit strings each
date is written with (``("13", "02", "2020")``); repeating a date does not
change the result, so callers may pass each run of equal dates once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

ORDERS = ("DMY", "MDY", "YMD", "YDM", "DYM", "MYD")
COMMON = ORDERS[:3]
"""The orders locales write; the other three are accepted, and chosen only on evidence."""

Fields = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class DateOrder:
    """The decided order and how it was decided.

    ``inferred`` is True when more than one order was possible for every date;
    ``assumed`` is True when the file could not decide at all (the dates go
    forward equally well under more than one order) and the order comes from
    which field changes fastest, or from the fixed preference.
    """

    order: str
    inferred: bool
    assumed: bool = False


def check_order(value: str) -> str:
    """``value`` as one of ``ORDERS`` (any case), or ValueError saying which are allowed."""
    order = value.strip().upper()
    if order not in ORDERS:
        raise ValueError(f"date order {value!r} is not one of {', '.join(ORDERS)}")
    return order


def to_date(fields: Fields, order: str) -> date | None:
    """The date ``fields`` mean under ``order``, or None when no such date exists.

    A two-digit year is in this century (chat apps are younger than 2000).
    A leading four-digit year puts the year first for this date (YMD, or YDM
    when that is the order).
    """
    if len(fields[0]) == 4 and not order.startswith("Y"):
        order = "YMD"
    by_role = dict(zip(order, fields, strict=True))
    year_text, month_text, day_text = by_role["Y"], by_role["M"], by_role["D"]
    if len(year_text) not in (2, 4) or len(month_text) > 2 or len(day_text) > 2:
        return None
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        return date(year, int(month_text), int(day_text))
    except ValueError:
        return None


def infer(dates: Iterable[Fields], candidates: Sequence[str] = ORDERS) -> DateOrder:
    """Decide the order of ``dates`` (file order) among ``candidates``, as described above."""
    written = _distinct_runs(dates)
    sequence = [fields for fields in written if len(fields[0]) != 4]
    if written and not sequence and "YMD" in candidates:
        return _year_first(written, candidates)
    if not sequence:
        return DateOrder(candidates[0], inferred=len(candidates) > 1, assumed=len(candidates) > 1)
    converted = {order: [to_date(fields, order) for fields in sequence] for order in candidates}
    failures = {order: sum(day is None for day in days) for order, days in converted.items()}
    common = [order for order in candidates if order in COMMON]
    if common and min(failures[o] for o in common) <= min(failures.values()):
        candidates = common  # the rarer orders only where the dates call for them
    fewest = min(failures[order] for order in candidates)
    possible = [order for order in candidates if failures[order] == fewest]
    if len(possible) == 1:
        return DateOrder(possible[0], inferred=False)
    backward = {order: _backward_steps(converted[order]) for order in possible}
    least = min(backward.values())
    forward = [order for order in possible if backward[order] == least]
    if len(forward) == 1:
        return DateOrder(forward[0], inferred=True)
    changes = _changes(sequence)
    # Most changes in the day's field first, then fewest in the year's, then preference.
    best = min(
        forward,
        key=lambda order: (
            -changes[order.index("D")],
            changes[order.index("Y")],
            candidates.index(order),
        ),
    )
    return DateOrder(best, inferred=True, assumed=True)


def _year_first(written: list[Fields], candidates: Sequence[str]) -> DateOrder:
    """YMD for dates that all start with a four-digit year, unless they show YDM."""
    if "YDM" not in candidates:
        return DateOrder("YMD", inferred=False)
    converted = {order: [to_date(fields, order) for fields in written] for order in ("YMD", "YDM")}
    failures = {order: sum(day is None for day in days) for order, days in converted.items()}
    if failures["YDM"] != failures["YMD"]:
        return DateOrder(min(failures, key=failures.__getitem__), inferred=False)
    backward = {order: _backward_steps(days) for order, days in converted.items()}
    if backward["YDM"] < backward["YMD"]:
        return DateOrder("YDM", inferred=True)
    changes = _changes(written)
    if backward["YDM"] == backward["YMD"] and changes[1] > changes[2]:
        return DateOrder("YDM", inferred=True, assumed=True)
    return DateOrder("YMD", inferred=False)


def _distinct_runs(dates: Iterable[Fields]) -> list[Fields]:
    sequence: list[Fields] = []
    for fields in dates:
        if not sequence or sequence[-1] != fields:
            sequence.append(fields)
    return sequence


def _backward_steps(days: list[date | None]) -> int:
    steps = 0
    previous: date | None = None
    for day in days:
        if day is None:
            continue
        if previous is not None and day < previous:
            steps += 1
        previous = day
    return steps


def _changes(sequence: list[Fields]) -> list[int]:
    """How often each of the three fields changes between consecutive dates."""
    counts = [0, 0, 0]
    for before, after in pairwise(sequence):
        for position in range(3):
            if int(before[position]) != int(after[position]):
                counts[position] += 1
    return counts
