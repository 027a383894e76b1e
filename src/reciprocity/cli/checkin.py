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

from reciprocity.cli.runtime import JsonFlag, RunsByDefault, console, emit_json, runtime, say
from reciprocity.coach.terms import day_words
from reciprocity.errors import ReciprocityError

if TYPE_CHECKING:
    from reciprocity.model import Adjustment
    from reciprocity.services.checkins import Held


class CheckInStopped(ReciprocityError):
    """The answers ran out before the end, or the person chose not to save."""


app = typer.Typer(
    cls=RunsByDefault,
    help="Check-ins ('reciprocity checkin PERSON'), and the ones you have held.",
)
CheckInId = Annotated[
    int, typer.Argument(metavar="ID", help="The check-in's id (see 'checkin list').")
]


@app.command("run")
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
    say(words.checkin_saved(prepared.person.name, day, len(held.adjustments)))
    if held.next_on is not None:
        say(words.CHECKIN_NEXT.format(day=day_words(held.next_on)))
    if recorded.safety:
        say(SAFETY_NOTE.format(name=prepared.person.name))


def _print_agenda(plan: dict[str, Any]) -> None:
    from rich.markup import escape

    from reciprocity.coach import practices as words

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
    last = day_words(plan["last_checkin"]) if plan["last_checkin"] else "-"
    out.print(f"\n[bold]{words.AGENDA_ADJUSTMENTS.format(on=last)}[/bold]")
    if plan["last_checkin"] is None:
        out.print("  " + words.AGENDA_NO_ADJUSTMENTS.format(name=name), markup=False)
    elif not plan["adjustments"]:
        out.print("  " + words.AGENDA_NONE_AGREED.format(on=last), markup=False)
    for adjustment in plan["adjustments"]:
        outcome = words.OUTCOME_LABELS.get(adjustment["outcome"] or "", words.OUTCOME_UNASKED)
        out.print(f"  • {adjustment['text']} ({outcome})", markup=False)
    out.print(f"\n[bold]{words.AGENDA_MOMENTS}[/bold]")
    if not plan["moments"]:
        since = (
            day_words(plan["last_checkin"]) if plan["last_checkin"] else words.CHECKIN_LAST_MONTH
        )
        out.print("  " + words.AGENDA_NO_MOMENTS.format(since=since), markup=False)
    for moment in plan["moments"]:
        out.print(f"  {day_words(moment['on'])}  {moment['text']}", markup=False)
    out.print(f"\n[bold]{words.AGENDA_STYLES}[/bold]")
    line = words.care_styles_line(name, plan["care"]["theirs"], plan["care"]["mine"])
    if line:
        out.print("  " + line, markup=False)
        out.print("  " + words.AGENDA_STYLES_NOTE, markup=False)
    else:
        out.print("  " + words.AGENDA_STYLES_UNKNOWN.format(name=name), markup=False)
    if plan["boundaries"]:
        out.print(f"\n[bold]{escape(words.AGENDA_BOUNDARIES.format(name=name))}[/bold]")
        for boundary in plan["boundaries"]:
            area = words.BOUNDARY_AREA_WORDS.get(boundary["area"], boundary["area"])
            out.print(f"  • {boundary['request']} ({area})", markup=False)
    if plan["wins"]:
        out.print(f"\n[bold]{words.AGENDA_WINS}[/bold]")
        for win in plan["wins"]:
            out.print(f"  • {day_words(win['on'])}  {win['text']}", markup=False)
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
            answer = self.ask(words.NEXT_PROMPT.format(default=day_words(default)))
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


@app.command("list")
def list_(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Argument(help="Only check-ins with this person.")] = None,
    json: JsonFlag = False,
) -> None:
    """The check-ins you have held, oldest first, with their ids."""
    from rich.markup import escape
    from rich.table import Table

    from reciprocity.coach import practices as words
    from reciprocity.services import checkins, shapes

    database = runtime(ctx).database()
    found = checkins.everyone(database) if person is None else checkins.of(database, person)
    if json:
        emit_json([shapes.checkin(c) for c in found])
        return
    if not found:
        say(words.NO_CHECKINS)
        return
    table = Table("Id", "Day", "With", "Agreed", "Next")
    for held in found:
        table.add_row(
            str(held.id),
            day_words(held.on),
            escape(held.person.name),
            str(len(held.adjustments)),
            day_words(held.next_on) if held.next_on else "-",
        )
    console().print(table)


@app.command("edit")
def edit(
    ctx: typer.Context,
    checkin_id: CheckInId,
    on: Annotated[str | None, typer.Option(metavar="DATE", help="The day it was held.")] = None,
    next_on: Annotated[
        str | None, typer.Option("--next", metavar="DATE", help="The next one ('none': no plan).")
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="SIDE.QUESTION=TEXT",
            help="Replace one answer, e.g. me.supported='…' or them.drained='…' (repeatable).",
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Replace the note.")] = None,
) -> None:
    """Fix what was written at a check-in: its day, an answer, the next day, the note."""
    from reciprocity.coach import practices as words
    from reciprocity.coach.suggestions import SAFETY_NOTE
    from reciprocity.dates import parse_date
    from reciprocity.errors import InputError
    from reciprocity.services import checkins
    from reciprocity.services.keep import KEEP
    from reciprocity.vocabulary import CHECKIN_QUESTIONS, CHECKIN_SIDES

    state = runtime(ctx)
    sides: dict[str, dict[str, str]] = {}
    for given in answer or []:
        where, _, text = given.partition("=")
        side, _, question = where.strip().partition(".")
        if side not in CHECKIN_SIDES or question not in CHECKIN_QUESTIONS or not _:
            raise InputError(words.CHECKIN_ANSWER_FORM.format(value=given))
        sides.setdefault(side, {})[question] = text
    later = None
    if next_on is not None and next_on.strip().lower() != "none":
        later = parse_date(next_on, today=state.today, allow_future=True)
    changes = checkins.CheckInChanges(
        on=KEEP if on is None else parse_date(on, today=state.today),
        sides=sides or KEEP,
        next_on=KEEP if next_on is None else later,
        note=KEEP if note is None else note,
    )
    recorded = checkins.edit(state.database(), checkin_id, changes)
    held = recorded.checkin
    say(words.CHECKIN_CHANGED.format(on=day_words(held.on), name=held.person.name))
    if recorded.safety:
        say(SAFETY_NOTE.format(name=held.person.name))


@app.command("remove")
def remove(
    ctx: typer.Context,
    checkin_id: CheckInId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a check-in with what was agreed at it (a copy of everything is kept first)."""
    from reciprocity.cli.runtime import confirm, removed_words
    from reciprocity.coach import people as people_words
    from reciprocity.coach import practices as words
    from reciprocity.services import checkins

    database = runtime(ctx).database()
    held = checkins.get(database, checkin_id)
    what = words.CHECKIN_LABEL.format(on=day_words(held.on), name=held.person.name)
    if not confirm(people_words.REMOVE_ASK.format(what=what), yes=yes):
        return
    _, copy = checkins.remove(database, checkin_id)
    say(removed_words(what, copy))
