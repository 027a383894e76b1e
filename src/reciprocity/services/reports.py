"""A report or worksheet as a finished file: which format, and its bytes.

The one service behind ``reciprocity report`` and the web app's downloads:
gather the data in the caller's session, render the HTML, and turn it into a
PDF when asked. Writing the file (atomically) is the caller's part.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from reciprocity.coach import report as words
from reciprocity.errors import InputError


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"

    @property
    def media_type(self) -> str:
        return "text/html; charset=utf-8" if self is Format.HTML else "application/pdf"


SUFFIXES = {".html": Format.HTML, ".htm": Format.HTML, ".pdf": Format.PDF}


def format_of(path: Path) -> Format:
    """The format a file name asks for; anything but .html or .pdf is refused."""
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InputError(words.UNKNOWN_EXTENSION.format(path=path))
    return found


def finish(html: str, kind: Format) -> bytes:
    """The file's bytes: the HTML itself, or the PDF made from it."""
    if kind is Format.HTML:
        return html.encode("utf-8")
    from reciprocity.report.pdf import pdf_from_html

    return pdf_from_html(html)


def report_html(
    session: Session, *, today: date, name: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """The report's HTML, and the names of the people it covers."""
    from reciprocity.report.content import gather
    from reciprocity.report.html import render_report

    report = gather(session, today=today, name=name)
    return render_report(report), tuple(r.name for r in report.relationships)


def worksheet_html(
    session: Session, *, today: date, name: str | None = None
) -> tuple[str, str | None]:
    """The worksheet's HTML, and who it is for (None when blank)."""
    from reciprocity.report.html import render_worksheet
    from reciprocity.report.worksheet import gather_worksheet

    sheet = gather_worksheet(session, today=today, name=name)
    return render_worksheet(sheet), sheet.person
