"""The guided Reciprocity Audit, as a conversation in the terminal.

Reads answers line by line from standard input, so it works the same typed by
a person or fed from a file. Nothing is written until the person says yes at
the end; an interrupted audit leaves the store as it was.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reciprocity.cli.runtime import console
from reciprocity.coach import messages, phrasing, questions
from reciprocity.errors import ReciprocityError
from reciprocity.vocabulary import RATING_MAX, RATING_MIN, VISION_AT_OR_BELOW, Dimension, Direction

if TYPE_CHECKING:
    from reciprocity.model import Audit, AuditEntry, Person, Season


class AuditStopped(ReciprocityError):
    """The person stopped before the end, or the answers ran out."""


class Interview:
    def __init__(self) -> None:
        self.out = console()

    # -- asking -------------------------------------------------------------
    def ask(self, prompt: str) -> str:
        try:
            return self.out.input(f"[bold]{prompt}[/bold]: ").strip()
        except EOFError:
            self.out.print()
            raise AuditStopped(messages.AUDIT_NOT_SAVED) from None

    def rating(self, prompt: str) -> int:
        while True:
            answer = self.ask(prompt)
            if answer.isdigit() and RATING_MIN <= int(answer) <= RATING_MAX:
                return int(answer)
            self.out.print(messages.RATING_RANGE.format(value=answer or "(blank)"))

    def direction(self) -> Direction:
        words = {
            "me": Direction.ME,
            "i": Direction.ME,
            "m": Direction.ME,
            "mine": Direction.ME,
            "them": Direction.THEM,
            "they": Direction.THEM,
            "t": Direction.THEM,
        }
        while True:
            answer = self.ask(questions.DIRECTION_PROMPT).lower()
            if answer in words:
                return words[answer]
            self.out.print(messages.DIRECTION_NEEDED)

    def vision(self, rating: int) -> str:
        self.out.print(questions.VISION_INTRO.format(rating=rating))
        while True:
            text = self.ask(questions.VISION_PROMPT)
            if not text:
                continue
            suggestion = phrasing.rewrite(text)
            if suggestion is None:
                return text
            why = phrasing.explain(phrasing.check(text))
            self.out.print(
                questions.PHRASING_OFFER.format(why=why, rewrite=suggestion), markup=False
            )
            choice = self.ask("k/u/w").lower()[:1]
            if choice == "u":
                return suggestion
            if choice != "w":
                return text

    def yes(self, prompt: str) -> bool:
        answer = self.ask(f"{prompt} [Y/n]").lower()
        return answer in ("", "y", "yes")

    # -- the audit ----------------------------------------------------------
    def choose(self, people: list[Person]) -> list[Person]:
        for number, person in enumerate(people, 1):
            self.out.print(f"  {number}. {person.name} ({person.kind.value})", markup=False)
        while True:
            answer = self.ask(questions.CHOOSE_PEOPLE)
            if not answer:
                return people
            chosen: list[Person] = []
            problem = None
            for part in (p.strip() for p in answer.split(",") if p.strip()):
                found = _pick(people, part)
                if found is None:
                    problem = messages.UNKNOWN_PERSON.format(name=part)
                elif found not in chosen:
                    chosen.append(found)
            if problem is None and chosen:
                return chosen
            self.out.print(problem or messages.AUDIT_NEEDS_PEOPLE)

    def run(self, people: list[Person], seasons: list[Season], on: date) -> Audit:
        from reciprocity.model import Audit

        self.out.print(questions.INTRO)
        audit = Audit(on=on)
        for person in people:
            audit.entries.append(self.entry(person, seasons, on))
        audit.check_complete()
        return audit

    def entry(self, person: Person, seasons: list[Season], on: date) -> AuditEntry:
        from reciprocity.model import AuditEntry, DimensionRating

        self.out.rule(person.name)
        for season in seasons:
            if season.contains(on) and season.person in (None, person):
                whose = "You" if season.person is None else person.name
                self.out.print(
                    questions.SEASON_NOTE.format(
                        whose=whose,
                        is_are="are" if season.person is None else "is",
                        kind=season.kind.value,
                        start=season.start.isoformat(),
                    ),
                    markup=False,
                )
        if person.my_care and person.their_care:
            self.out.print(
                questions.STYLES_REMINDER.format(
                    them=person.name,
                    their=", ".join(s.value for s in person.their_care),
                    mine=", ".join(s.value for s in person.my_care),
                ),
                markup=False,
            )
        entry = AuditEntry(person=person, rating=RATING_MAX, direction=Direction.MUTUAL)
        for dimension in Dimension:
            guide = questions.GUIDES[dimension]
            self.out.print(f"\n[bold]{guide.title}[/bold] — {guide.summary}")
            answers = []
            for question in guide.questions:
                self.out.print(question.text, markup=False)
                answers.append(
                    {
                        "key": question.key,
                        "question": question.text,
                        "answer": self.ask(questions.ANSWER_PROMPT),
                    }
                )
            rating, direction, vision = self.lean(
                questions.RATE_PROMPT.format(title=guide.title.lower(), name=person.name)
            )
            entry.ratings.append(
                DimensionRating(
                    dimension=dimension,
                    rating=rating,
                    direction=direction,
                    vision=vision,
                    answers=answers,
                )
            )
        self.out.print(f"\n[bold]{questions.OVERALL_TITLE}[/bold]")
        entry.rating, entry.direction, entry.vision = self.lean(
            questions.OVERALL_PROMPT + " 1 to 5"
        )
        return entry

    def lean(self, prompt: str) -> tuple[int, Direction, str | None]:
        rating = self.rating(prompt)
        direction = Direction.MUTUAL if rating == RATING_MAX else self.direction()
        vision = self.vision(rating) if rating <= VISION_AT_OR_BELOW else None
        return rating, direction, vision


def _pick(people: list[Person], part: str) -> Person | None:
    if part.isdigit() and 1 <= int(part) <= len(people):
        return people[int(part) - 1]
    folded = part.casefold()
    return next((p for p in people if p.name.casefold() == folded), None)
