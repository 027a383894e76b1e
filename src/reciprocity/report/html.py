"""The report and the worksheet as one self-contained HTML file each.

Jinja templates in ``report/templates`` (autoescaped, undefined names are
errors) draw the dataclasses of ``report.content`` and ``report.worksheet``:
the stylesheet is inlined, the charts are inline SVG, and nothing refers to
any other file or address, so the file opens offline and prints as it is. The
same HTML becomes the PDF (``report.pdf``).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Sequence
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from reciprocity import __version__
from reciprocity.coach import app as app_words
from reciprocity.coach import audit as audit_words
from reciprocity.coach import invitations, practices, suggestions, terms, words_of
from reciprocity.coach import report as words
from reciprocity.practices.schedule import Kept
from reciprocity.report.content import RelationshipReport, Report, SeasonEntry
from reciprocity.report.ratings import OVERALL, AuditSnapshot
from reciprocity.report.worksheet import Worksheet
from reciprocity.vocabulary import AdjustmentOutcome, CareStyle, Dimension

STYLESHEET = "report.css"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reciprocity.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = terms.day_words
    env.globals.update(
        r=words,
        w=words_of(app_words, terms, invitations),
        q=audit_words,
        Dimension=Dimension,
        version=__version__,
        styles=styles,
        season_words=season_words,
        kept=kept,
        host=practices.host_words,
        outcome=outcome,
        change=change,
        trend_keys=[*(str(d) for d in Dimension), OVERALL],
    )
    return env


@cache
def stylesheet() -> str:
    env = environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, STYLESHEET)
    return source.strip()


def style_hash() -> str:
    """The CSP source (``'sha256-…'``) of the inline stylesheet, for serving a report."""
    digest = hashlib.sha256(stylesheet().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_report(report: Report) -> str:
    """The whole report as one self-contained HTML file."""
    return _report(report, cover=True, shown=report.relationships)


def report_parts(report: Report, *, together: int = 2) -> Iterator[str]:
    """The report as separate HTML documents that make the same PDF pages when laid out one by one.

    First the cover with the summary, then the relationships, ``together`` to a document,
    numbered as in the whole report so ids agree. Each relationship starts on a page of its
    own anyway, so laying the parts out apart changes no page. The summary's links carry the
    ids they point to, so the renderer keeps them; joining the pages points them at the
    relationships (``report.join``).
    """
    yield _report(report, cover=True, shown=(), anchors=True)
    everyone, step = report.relationships, max(1, together)
    for start in range(0, len(everyone), step):
        yield _report(report, cover=False, shown=everyone[start : start + step], first=start + 1)


def _report(
    report: Report,
    *,
    cover: bool,
    shown: Sequence[RelationshipReport],
    first: int = 1,
    anchors: bool = False,
) -> str:
    only = report.relationships[0].name if report.person and report.relationships else None
    title = words.TITLE_ONE.format(name=only) if only else words.TITLE
    return (
        environment()
        .get_template("report.html")
        .render(
            report=report,
            title=title,
            css=stylesheet(),
            cover=cover,
            shown=shown,
            first=first,
            anchors=anchors,
        )
    )


def render_worksheet(sheet: Worksheet) -> str:
    return (
        environment()
        .get_template("worksheet.html")
        .render(sheet=sheet, title=words.WORKSHEET_TITLE, css=stylesheet())
    )


# -- small helpers the templates call ------------------------------------------


def styles(chosen: Sequence[CareStyle]) -> str:
    return terms.style_list(chosen) or words.STYLES_NONE


def season_words(season: SeasonEntry, name: str) -> str:
    """ "Rosa's illness, 8 May 2026 to 6 Aug 2026", "your exams, since 3 Jan 2026"."""
    what = suggestions.season_phrase(str(season.kind), season.whose, name)
    what = what[:1].upper() + what[1:]
    if season.end is None:
        return words.SEASON_ONGOING.format(what=what, start=terms.day_words(season.start))
    return words.SEASON_ENDED.format(
        what=what, start=terms.day_words(season.start), end=terms.day_words(season.end)
    )


def kept(record: Kept) -> str:
    """ "kept 5 of 6 since 2026-05-01 (1 skipped by choice)", as ``ritual list`` says it."""
    if record.planned == 0:
        return practices.KEPT_NONE
    text = practices.KEPT_SHARE.format(
        done=record.done, counted=record.done + record.missed, since=terms.day_words(record.since)
    )
    if record.skipped:
        text += f" ({practices.KEPT_SKIPPED.format(count=record.skipped)})"
    return text


def outcome(value: AdjustmentOutcome | None) -> str:
    return practices.OUTCOME_UNASKED if value is None else practices.OUTCOME_LABELS[str(value)]


def change(audits: Sequence[AuditSnapshot], key: str) -> str:
    """How the rating moved from the first audit to the latest: toward mutual or away."""
    ratings = [rated.rating for a in audits if (rated := a.rated(key)) is not None]
    moved = ratings[-1] - ratings[0] if len(ratings) >= 2 else 0
    if moved > 0:
        return words.TREND_CLOSER.format(count=moved)
    if moved < 0:
        return words.TREND_FURTHER.format(count=-moved)
    return words.TREND_SAME
