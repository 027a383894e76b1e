"""``reciprocity report``: a report to read, print or share, and the audit worksheet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reciprocity.cli.runtime import runtime, say


def report(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE.html|FILE.pdf",
            help="Where to write it; the name's ending chooses HTML or PDF.",
        ),
    ],
    person: Annotated[
        str | None, typer.Argument(help="Only this person (default: everyone).")
    ] = None,
    worksheet: Annotated[
        bool,
        typer.Option(
            "--worksheet",
            help="The printable audit worksheet instead: blank, or filled from the person's latest audit.",
        ),
    ] = False,
) -> None:
    """Write a report (HTML or PDF) of your relationships, or a printable audit worksheet."""
    from reciprocity.coach import data as data_words
    from reciprocity.coach import report as words
    from reciprocity.errors import TransferError
    from reciprocity.files import write_atomically
    from reciprocity.services import reports as document

    kind = document.format_of(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():  # say so before the work of rendering, not after
        reason = words.FOLDER_MISSING.format(folder=folder)
        raise TransferError(data_words.CANNOT_WRITE.format(path=out, reason=reason))
    state = runtime(ctx)
    database = state.database()
    if worksheet:
        draft = document.worksheet_draft(database, today=state.today, name=person)
        named = draft.names[0] if draft.names else None
        template = words.WORKSHEET_WRITTEN_FOR if named else words.WORKSHEET_WRITTEN
        said = template.format(name=named, path=out)
    else:
        draft = document.report_draft(database, today=state.today, name=person)
        covered = draft.names
        if person:
            said = words.REPORT_WRITTEN_ONE.format(name=covered[0], path=out)
        else:
            templates = {0: words.REPORT_WRITTEN_EMPTY, 1: words.REPORT_WRITTEN_SINGLE}
            said = templates.get(len(covered), words.REPORT_WRITTEN).format(
                count=len(covered), path=out
            )
    write_atomically(out, draft.file(kind))
    say(said)
