"""``reciprocity checkin PERSON``: prepare a check-in, hold it, and keep what you agreed.

Prints the agenda, then asks, line by line from standard input (typed or fed
from a file): whether last time's adjustments happened, each side's supported,
meaningful and drained, what you both agree to try, and when to meet next.
Nothing is written until the person says yes at the end.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity.cli.runtime import console, emit_json, runtime, say
from reciprocity.errors import ReciprocityError

if TYPE_CHECKING:
    from reciprocity.model import Adjustment
    from reciprocity.services.checkins import Held


class CheckInStopped(ReciprocityError):
    """The answers ran out before the end, or the person chose not to save."""


def checkin(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="Who the check-in is with.")],
    on: Annotated[
        str, typer.Option(metavar="DATE", help="When it happens (default: today).")
    ] = "today",
    agenda_only: Annotated[
        bool, typer.Option("--agenda", help="Only show the agenda; ask nothing.")
    ] = False,
    json: Annotated[
        bool, typer.Option("--json", help="Print the agenda and past check-ins as JSON.")
    ] = False,
) -> None:
    """Prepare and record a check-in: supported, meaningful, drained, and what you agree."""
    from reciprocity.coach import practices as words
    from reciprocity.coach.suggestions import SAFETY_NOTE
    from reciprocity.dates import parse_date
    from reciprocity.services import checkins, shapes

    state = runtime(ctx)
    database = state.database()
    day = parse_date(on, today=state.today)
    prepared = checkins.prepare(database, person, on=day)
    if json:
        emit_json({**prepared.agenda, "checkins": [shapes.checkin(c) for c in prepared.past]})
        return
    _print_agenda(prepared.agenda)
    if agenda_only:
        return
    answers = _Conversation().run(prepared.person.name, prepared.waiting, day)
    recorded = checkins.record(database, prepared.person.id, answers)
    held = recorded.checkin
    say(
        words.CHECKIN_SAVED.format(
            name=prepared.person.name, on=day.isoformat(), count=len(held.adjustments)
        )
    )
    if held.next_on is not None:
        say(words.CHECKIN_NEXT.format(day=held.next_on.isoformat()))
    if recorded.safety:
        say(SAFETY_NOTE.format(name=prepared.person.name))


def _print_agenda(plan: dict[str, Any]) -> None:
    from rich.markup import escape

    from reciprocity.coach import practices as words
    from reciprocity.coach.suggestions import STYLE_WORDS

    out = console()
    name = plan["person"]
    out.rule(escape(words.AGENDA_TITLE.format(name=name)))
    if plan["safety"]:
        out.print(plan["patterns"]["suggestions"][0] + "\n", markup=False)
    out.print(words.CHECKIN_INTRO, markup=False)
    out.print(f"\n[bold]{words.AGENDA_PATTERNS}[/bold]")
    for reading in plan["patterns"]["dimensions"].values():
        out.print(f"  {reading['name']}: {escape(reading['label'])}")
    out.print("  " + escape(words.AGENDA_ENERGY.format(label=plan["patterns"]["energy"])))
    out.print(f"\n[bold]{words.AGENDA_ADJUSTMENTS.format(on=plan['last_checkin'] or '-')}[/bold]")
    if plan["last_checkin"] is None:
        out.print("  " + words.AGENDA_NO_ADJUSTMENTS.format(name=name), markup=False)
    elif not plan["adjustments"]:
        out.print("  " + words.AGENDA_NONE_AGREED.format(on=plan["last_checkin"]), markup=False)
    for adjustment in plan["adjustments"]:
        outcome = words.OUTCOME_LABELS.get(adjustment["outcome"] or "", words.OUTCOME_UNASKED)
        out.print(f"  • {adjustment['text']} ({outcome})", markup=False)
    out.print(f"\n[bold]{words.AGENDA_MOMENTS}[/bold]")
    if not plan["moments"]:
        since = plan["last_checkin"] or "the last month"
        out.print("  " + words.AGENDA_NO_MOMENTS.format(since=since), markup=False)
    for moment in plan["moments"]:
        out.print(f"  {moment['on']}  {moment['text']}", markup=False)
    out.print(f"\n[bold]{words.AGENDA_STYLES}[/bold]")
    theirs, mine = plan["care"]["theirs"], plan["care"]["mine"]
    if theirs or mine:
        out.print(
            "  "
            + words.AGENDA_STYLES_LINE.format(
                name=name,
                their=", ".join(STYLE_WORDS[s] for s in theirs) or "-",
                mine=", ".join(STYLE_WORDS[s] for s in mine) or "-",
            ),
            markup=False,
        )
        out.print("  " + words.AGENDA_STYLES_NOTE, markup=False)
    else:
        out.print("  " + words.AGENDA_STYLES_UNKNOWN.format(name=name), markup=False)
    if plan["boundaries"]:
        out.print(f"\n[bold]{escape(words.AGENDA_BOUNDARIES.format(name=name))}[/bold]")
        for boundary in plan["boundaries"]:
            out.print(f"  • {boundary['request']} ({boundary['area']})", markup=False)
    if plan["wins"]:
        out.print(f"\n[bold]{words.AGENDA_WINS}[/bold]")
        for win in plan["wins"]:
            out.print(f"  • {win['on']}  {win['text']}", markup=False)
    if plan["questions"]:
        out.print(f"\n[bold]{words.AGENDA_QUESTIONS}[/bold]")
        for question in plan["questions"]:
            out.print(f"  • {question}", markup=False)
        out.print("  " + plan["tip"], markup=False)
    out.print()


class _Conversation:
    def __init__(self) -> None:
        self.out = console()

    def ask(self, prompt: str) -> str:
        from reciprocity.coach import practices as words

        try:
            return self.out.input(f"[bold]{prompt}[/bold]: ").strip()
        except EOFError:
            self.out.print()
            raise CheckInStopped(words.CHECKIN_NOT_SAVED) from None

    def run(self, name: str, waiting: list[Adjustment], day: date) -> Held:
        """The check-in as told, ready for ``checkins.record``; nothing is kept here."""
        from reciprocity.coach import practices as words
        from reciprocity.dates import parse_date
        from reciprocity.errors import InputError
        from reciprocity.services import checkins
        from reciprocity.vocabulary import AdjustmentOutcome

        outcomes: dict[int, AdjustmentOutcome] = {}
        for adjustment in waiting:
            self.out.print(f"• {adjustment.text}", markup=False)
            while True:
                answer = self.ask(words.OUTCOME_PROMPT).lower()
                if not answer:
                    break
                if answer in words.OUTCOME_WORDS:
                    outcomes[adjustment.id] = AdjustmentOutcome(words.OUTCOME_WORDS[answer])
                    break
        self.out.print(f"\n[bold]{words.SIDE_MINE}[/bold]")
        mine = {key: self.answer(question) for key, question in words.SIDE_QUESTIONS.items()}
        self.out.print(f"\n[bold]{words.SIDE_THEIRS.format(name=name)}[/bold]")
        theirs = {
            key: self.answer(question.format(name=name))
            for key, question in words.SIDE_QUESTIONS_THEM.items()
        }
        self.out.print("\n" + words.ADJUSTMENTS_INTRO, markup=False)
        agreed = []
        while True:
            text = self.ask(words.ADJUSTMENT_PROMPT)
            if not text:
                break
            self.nudge(text)
            agreed.append(text)
        default = checkins.default_next(day)
        next_on: date | None = None
        while True:
            answer = self.ask(words.NEXT_PROMPT.format(default=default.isoformat()))
            if not answer:
                next_on = default
                break
            if answer.lower() in ("none", "no", "-"):
                break
            try:
                next_on = parse_date(answer, today=day, allow_future=True)
                break
            except InputError as error:
                self.out.print(str(error), markup=False)
        answer = self.ask(f"{words.CHECKIN_SAVE_PROMPT} [Y/n]").lower()
        if answer not in ("", "y", "yes"):
            raise CheckInStopped(words.CHECKIN_NOT_SAVED)
        return checkins.Held(
            on=day,
            sides={"me": mine, "them": theirs},
            adjustments=agreed,
            outcomes=outcomes,
            next_on=next_on,
        )

    def answer(self, question: str) -> str:
        text = self.ask(question)
        if text:
            self.nudge(text)
        return text

    def nudge(self, text: str) -> None:
        """Gentle notes on wording; the person's words are always kept as written."""
        from reciprocity.services.checkins import wording_notes

        for note in wording_notes(text):
            self.out.print(note, markup=False)
