"""The ``reciprocity`` command and its groups. Each group lives in its own module."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity import __version__
from reciprocity.cli import (
    audit,
    boundaries,
    checkin,
    demo,
    due,
    encryption,
    moments,
    occasions,
    patterns,
    people,
    report,
    rhythm,
    rituals,
    roles,
    seasons,
    serve,
    talk,
    transfer,
    wins,
)
from reciprocity.cli.runtime import Runtime

app = typer.Typer(
    name="reciprocity",
    help=(
        "Keep your close relationships mutual: patterns over months, never a tally. "
        "Your data stays on this machine."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"reciprocity {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database to use (any SQLAlchemy URL). Default: RECIPROCITY_DB, "
            "else a SQLite file in your user data folder.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Keep your close relationships mutual: patterns over months, never a tally."""
    state = ctx.ensure_object(Runtime)
    state.db_url = db
    ctx.call_on_close(state.close)


app.add_typer(people.app, name="people")
app.command("log")(moments.log)
app.add_typer(moments.app, name="moment")
app.add_typer(seasons.app, name="season")
app.add_typer(audit.app, name="audit")
app.command("patterns")(patterns.patterns)
app.command("status")(patterns.status)
app.command("demo")(demo.demo)
app.command("export")(transfer.export)
app.command("import")(transfer.import_)
app.command("copies")(transfer.copies)
app.command("bring-back")(transfer.bring_back)
app.command("serve")(serve.serve)
app.command("encrypt")(encryption.encrypt)
app.command("decrypt")(encryption.decrypt)
app.command("passphrase")(encryption.passphrase)
app.add_typer(checkin.app, name="checkin")
app.add_typer(rituals.app, name="ritual")
app.add_typer(boundaries.app, name="boundary")
app.add_typer(roles.app, name="roles")
app.add_typer(wins.app, name="win")
app.add_typer(rhythm.app, name="rhythm")
app.add_typer(occasions.app, name="date")
app.add_typer(talk.app, name="talk")
app.command("due")(due.due)
app.command("calendar")(due.calendar)
app.command("report")(report.report)
