"""``reciprocity talk``: help to prepare a conversation: honest feedback, listening, vulnerability."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import JsonFlag, console, emit_json, say
from reciprocity.vocabulary import Dimension

app = typer.Typer(
    help="Conversation help: an honest-feedback builder, and prompts for listening and sharing.",
    no_args_is_help=True,
)


@app.command("feedback")
def feedback(
    situation: Annotated[
        str, typer.Option(metavar="TEXT", help="The specific situation: when, what happened.")
    ],
    request: Annotated[str, typer.Option(metavar="TEXT", help="What you would like instead.")],
    impact: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT", help="How it landed for you (say nothing for a gentle default)."
        ),
    ] = None,
    alternative: Annotated[
        list[str] | None,
        typer.Option("--alternative", metavar="TEXT", help="An option to offer (repeatable)."),
    ] = None,
    json: JsonFlag = False,
) -> None:
    """Build honest feedback: situation, impact, a request, and alternatives to offer."""
    from reciprocity.coach import practices as words
    from reciprocity.coach.feedback import compose
    from reciprocity.errors import InputError

    if not situation.strip(" .,;:!?") or not request.strip(" .,;:!?"):
        raise InputError(words.FEEDBACK_NEEDS)
    built = compose(situation, request, impact, [a for a in alternative or [] if a.strip()])
    if json:
        emit_json(built.as_dict())
        return
    out = console()
    out.print(f"[bold]{words.FEEDBACK_TITLE}[/bold]")
    out.print(built.message, markup=False)
    for note in built.notes:
        out.print(note, markup=False)
    for tip in built.tips:
        say(f"• {tip}")


@app.command("prompts")
def prompts(
    dimension: Annotated[
        Dimension | None, typer.Argument(help="Which dimension (default: all four).")
    ] = None,
    json: JsonFlag = False,
) -> None:
    """Prompts for reflective listening and calibrated vulnerability, per dimension."""
    from reciprocity.coach import practices as words
    from reciprocity.coach.suggestions import DIMENSION_NAMES

    chosen = [dimension] if dimension else list(Dimension)
    data = {
        d.value: {
            "listening": list(words.LISTENING_PROMPTS[d.value]),
            "vulnerability": list(words.VULNERABILITY_PROMPTS[d.value]),
        }
        for d in chosen
    }
    if json:
        emit_json(data)
        return
    out = console()
    for name, both in data.items():
        out.rule(DIMENSION_NAMES[name])
        out.print(f"[bold]{words.PROMPTS_LISTENING}[/bold]")
        for line in both["listening"]:
            out.print(f"  • {line}", markup=False)
        out.print(f"[bold]{words.PROMPTS_VULNERABILITY}[/bold]")
        for line in both["vulnerability"]:
            out.print(f"  • {line}", markup=False)
