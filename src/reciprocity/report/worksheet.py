"""The printable audit worksheet, as plain data: blank, or prefilled from the latest audit.

For doing the Reciprocity Audit on paper, alone or with a coach: the four
dimensions with their guiding questions (``coach.audit``, the same ones
the guided audit asks), the 1..5 scale with the direction of any lean, and
room for a vision. Named for a person, it starts from their latest audit:
the answers, ratings, directions and visions given then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reciprocity.coach import audit as audit_words
from reciprocity.coach.people import styles_words
from reciprocity.report.ratings import OVERALL, AuditSnapshot, Rated
from reciprocity.vocabulary import LEANS, RATING_MAX, RATING_MIN, CareStyle

DIRECTION_ORDER = LEANS
"""The ways to lean offered on paper: me or them (a 5 feels shared, and leans neither way)."""


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    mark: str
    """Shown before the words: the number on the scale; empty for a direction."""
    words: str
    chosen: bool


@dataclass(frozen=True, slots=True)
class WorksheetQuestion:
    key: str
    text: str
    answer: str
    """The answer given at the latest audit, or empty for a line to write on."""


@dataclass(frozen=True, slots=True)
class WorksheetPart:
    """One dimension of the worksheet, or the overall rating (key ``overall``)."""

    key: str
    title: str
    summary: str
    questions: tuple[WorksheetQuestion, ...]
    scale: tuple[Choice, ...]
    directions: tuple[Choice, ...]
    vision: str


@dataclass(frozen=True, slots=True)
class Worksheet:
    today: date
    person: str | None
    """Who it is about, or None for a blank worksheet."""
    prefilled_from: date | None
    """The date of the audit it was filled in from, if any."""
    my_care: str
    their_care: str
    parts: tuple[WorksheetPart, ...]


def worksheet(
    *,
    today: date,
    person: str | None = None,
    latest: AuditSnapshot | None = None,
    my_care: Sequence[CareStyle] = (),
    their_care: Sequence[CareStyle] = (),
) -> Worksheet:
    """The worksheet for ``person`` (blank without one), filled from ``latest`` if given."""
    parts = [
        _part(
            str(guide.dimension),
            guide.title,
            guide.summary,
            [(q.key, q.text) for q in guide.questions],
            latest.rated(guide.dimension) if latest else None,
        )
        for guide in audit_words.GUIDES.values()
    ]
    parts.append(
        _part(
            OVERALL,
            audit_words.OVERALL_TITLE,
            "",
            [(OVERALL, audit_words.OVERALL_PROMPT)],
            latest.overall if latest else None,
        )
    )
    named = person is not None
    return Worksheet(
        today=today,
        person=person,
        prefilled_from=latest.on if latest else None,
        my_care=styles_words(list(my_care)) if named and my_care else "",
        their_care=styles_words(list(their_care)) if named and their_care else "",
        parts=tuple(parts),
    )


def _part(
    key: str,
    title: str,
    summary: str,
    asked: list[tuple[str, str]],
    rated: Rated | None,
) -> WorksheetPart:
    answers = rated.answers if rated else {}
    return WorksheetPart(
        key=key,
        title=title,
        summary=summary,
        questions=tuple(
            WorksheetQuestion(qkey, text, answers.get(qkey, "")) for qkey, text in asked
        ),
        scale=tuple(
            Choice(
                str(value),
                str(value),
                audit_words.SCALE[value],
                rated is not None and rated.rating == value,
            )
            for value in range(RATING_MIN, RATING_MAX + 1)
        ),
        directions=tuple(
            Choice(
                str(direction),
                "",
                audit_words.DIRECTIONS[direction],
                rated is not None and rated.direction is direction,
            )
            for direction in DIRECTION_ORDER
        ),
        vision=(rated.vision or "").strip() if rated else "",
    )
