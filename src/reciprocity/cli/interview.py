"""The guided Reciprocity Audit, as a conversation in the terminal.

Reads answers line by line from standard input, so it works the same typed by
a person or fed from a file. Nothing is written to the store until the person
says yes at the end; an interrupted audit leaves the store as it was. The
answers so far are held in ``Interview.document`` (the draft's shape, see
``services.audits.new_draft``) as they are given, so that an interrupted audit
can keep them, and an audit carried on from a draft asks only what is left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from reciprocity.cli.runtime import console
from reciprocity.coach import audit as audit_words
from reciprocity.coach import people as people_words
from reciprocity.coach import phrasing
from reciprocity.errors import ReciprocityError
from reciprocity.services import audits
from reciprocity.services.audits import Answer, AuditDraft, DimensionDraft, EntryDraft, Lean
from reciprocity.vocabulary import RATING_MAX, RATING_MIN, Dimension, Direction

if TYPE_CHECKING:
    from reciprocity.model import Person


class AuditStopped(ReciprocityError):
    """The person stopped before the end, or the answers ran out."""


class Interview:
    def __init__(self) -> None:
        self.out = console()
        self.document: dict[str, Any] = {}
        """The answers so far, in the draft's shape."""

    # -- asking -------------------------------------------------------------
    def ask(self, prompt: str) -> str:
        try:
            return self.out.input(f"[bold]{prompt}[/bold]: ").strip()
        except EOFError:
            self.out.print()
            raise AuditStopped(audit_words.AUDIT_NOT_SAVED) from None

    def rating(self, prompt: str) -> int:
        while True:
            answer = self.ask(prompt)
            if answer.isdigit() and RATING_MIN <= int(answer) <= RATING_MAX:
                return int(answer)
            self.out.print(audit_words.RATING_RANGE.format(value=answer or "(blank)"))

    def direction(self, rating: int) -> Direction:
        """Which way ``rating`` leans, asked only when the audit's rules leave a choice."""
        allowed = audits.directions_for(rating)
        if len(allowed) == 1:
            return allowed[0]
        while True:
            answer = _DIRECTION_WORDS.get(self.ask(audit_words.DIRECTION_PROMPT).lower())
            if answer in allowed:
                return answer
            if answer is Direction.MUTUAL:
                self.out.print(audit_words.SHARED_IS_FIVE.format(rating=rating))
            else:
                self.out.print(audit_words.DIRECTION_NEEDED)

    def vision(self, rating: int) -> str:
        self.out.print(audit_words.VISION_INTRO.format(rating=rating))
        while True:
            text = self.ask(audit_words.VISION_PROMPT)
            if not text:
                continue
            offer = phrasing.offer(text)
            if offer is None:
                return text
            if offer.rewrite is None:
                said = audit_words.PHRASING_GUIDANCE.format(why=offer.why, guidance=offer.guidance)
                choices = {"": None, "w": None, "k": text}  # Enter: write it again
            else:
                said = audit_words.PHRASING_OFFER.format(why=offer.why, rewrite=offer.rewrite)
                choices = {"": offer.rewrite, "u": offer.rewrite, "k": text, "w": None}
            self.out.print(said, markup=False)
            choice = self.choose_among("/".join(c for c in choices if c), choices)
            if choice is not None:
                return choice

    def choose_among(self, prompt: str, choices: Mapping[str, str | None]) -> str | None:
        """One of ``choices`` by its first letter (Enter is ``""``), asked again until it is one."""
        while True:
            answer = self.ask(prompt).lower()[:1]
            if answer in choices:
                return choices[answer]
            self.out.print(audit_words.CHOICE_AGAIN.format(choices=prompt))

    def yes(self, prompt: str) -> bool:
        answer = self.ask(f"{prompt} [Y/n]").lower()
        return answer in ("", "y", "yes")

    # -- the audit ----------------------------------------------------------
    def choose(self, people: list[Person]) -> list[Person]:
        for number, person in enumerate(people, 1):
            self.out.print(f"  {number}. {person.name} ({person.kind.value})", markup=False)
        while True:
            answer = self.ask(audit_words.CHOOSE_PEOPLE)
            if not answer:
                return people
            chosen: list[Person] = []
            problem = None
            for part in (p.strip() for p in answer.split(",") if p.strip()):
                found = _pick(people, part)
                if found is None:
                    problem = people_words.UNKNOWN_PERSON.format(name=part)
                elif found not in chosen:
                    chosen.append(found)
            if problem is None and chosen:
                return chosen
            self.out.print(problem or audit_words.AUDIT_NEEDS_PEOPLE)

    def run(
        self,
        names: Sequence[str],
        notes: Mapping[str, list[str]],
        on: date,
        kept: dict[str, Any] | None = None,
    ) -> AuditDraft:
        """The audit as answered, one person after another; nothing is kept in the store here.

        With ``kept`` (a draft's answers so far), only what is left is asked.
        """
        self.document = kept if kept is not None else audits.new_draft(names, on)
        self.out.print(audit_words.INTRO)
        if kept is not None:
            self.out.print(
                audit_words.DRAFT_CONTINUING.format(
                    answers=audit_words.answers_words(audits.answered(kept))
                )
            )
        entries = [
            self.entry(part, notes.get(part["person"], [])) for part in self.document["entries"]
        ]
        return AuditDraft(on=on, entries=entries)

    def entry(self, part: dict[str, Any], notes: list[str]) -> EntryDraft:
        name = str(part["person"])
        rated: dict[str, Any] = part.setdefault("dimensions", {})
        if _kept_lean(part, audits.OVERALL) is None:
            self.out.rule(name)
            for note in notes:
                self.out.print(note, markup=False)
        dimensions = {}
        for dimension in Dimension:
            dimensions[dimension] = self.dimension(
                name, dimension, rated.setdefault(dimension.value, {})
            )
        overall = _kept_lean(part, audits.OVERALL)
        if overall is None:
            self.out.print(f"\n[bold]{audit_words.OVERALL_TITLE}[/bold]")
            overall = self.lean(audit_words.OVERALL_PROMPT + " 1 to 5", audits.OVERALL)
            _record(part, overall)
        return EntryDraft(person=name, overall=overall, dimensions=dimensions)

    def dimension(self, name: str, dimension: Dimension, part: dict[str, Any]) -> DimensionDraft:
        """One dimension's questions and rating, asking only what ``part`` does not hold yet."""
        guide = audit_words.GUIDES[dimension]
        given: list[dict[str, Any]] = part.setdefault("answers", [])
        asked = {a.get("key") for a in given if isinstance(a, dict)}
        lean = _kept_lean(part, dimension.value)
        if lean is None or any(q.key not in asked for q in guide.questions):
            self.out.print(f"\n[bold]{guide.title}[/bold] — {guide.summary}")
        for question in guide.questions:
            if question.key in asked:
                continue
            self.out.print(question.text, markup=False)
            answer = self.ask(audit_words.ANSWER_PROMPT)
            given.append({"key": question.key, "question": question.text, "answer": answer})
        if lean is None:
            lean = self.lean(
                audit_words.RATE_PROMPT.format(title=guide.title.lower(), name=name),
                dimension.value,
            )
            _record(part, lean)
        answers = [
            Answer(str(a.get("key", "")), str(a.get("question", "")), str(a.get("answer", "")))
            for a in given
            if isinstance(a, dict)
        ]
        return DimensionDraft(lean, answers)

    def lean(self, prompt: str, label: str) -> Lean:
        rating = self.rating(prompt)
        direction = self.direction(rating)
        vision = self.vision(rating) if audits.needs_vision(rating) else None
        return audits.settle(rating, direction, vision, label)


_DIRECTION_WORDS = {
    "me": Direction.ME,
    "i": Direction.ME,
    "m": Direction.ME,
    "mine": Direction.ME,
    "them": Direction.THEM,
    "they": Direction.THEM,
    "t": Direction.THEM,
    "shared": Direction.MUTUAL,
    "mutual": Direction.MUTUAL,
    "both": Direction.MUTUAL,
}
"""What may be typed for a direction; "shared" is understood, and allowed only with a 5."""


def _record(part: dict[str, Any], lean: Lean) -> None:
    part.update(rating=lean.rating, direction=lean.direction.value, vision=lean.vision)


def _kept_lean(part: Mapping[str, Any], label: str) -> Lean | None:
    """The rating a draft holds for ``part``, when it is there and keeps the audit's rules."""
    rating = part.get("rating")
    if not isinstance(rating, int) or isinstance(rating, bool):
        return None
    try:
        direction = Direction(str(part.get("direction")))
        vision = part.get("vision")
        return audits.settle(rating, direction, vision if isinstance(vision, str) else None, label)
    except (ReciprocityError, ValueError):
        return None


def _pick(people: list[Person], part: str) -> Person | None:
    if part.isdigit() and 1 <= int(part) <= len(people):
        return people[int(part) - 1]
    folded = part.casefold()
    return next((p for p in people if p.name.casefold() == folded), None)
