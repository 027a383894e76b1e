"""The PDF of a report: the same HTML, laid out for paper by WeasyPrint.

WeasyPrint is imported here, and only when a PDF is asked for, so the command
line starts as quickly as ever. It is given a URL fetcher that allows no
protocol at all: the HTML refers to nothing outside itself, and the PDF
renderer could not reach the network even if it did.

A report on many people is laid out part by part (``report_parts``: the cover
with the summary, then the relationships two at a time, each starting on a page
of its own anyway) by two worker processes, started fresh, so memory stays that
of a few pages per worker and both cores work. Each part's pages go to a file
in a private temporary folder (the user's alone), without their page furniture:
only when every part is laid out are the page numbers and their total known,
and the furniture is laid out then, page for page, from the same stylesheet.
``report.join`` puts it all together. The folder and everything in it is
removed when the PDF is made, and when making it fails or is stopped (Ctrl-C,
SIGTERM, the terminal closing); the workers end first and hold nothing after.

A script that makes a long report must start from ``if __name__ == "__main__":``,
as any script whose work goes to fresh worker processes must.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from reciprocity.coach import report as words
from reciprocity.errors import TransferError

if TYPE_CHECKING:
    from reciprocity.report.content import Report

WORKERS = min(2, os.cpu_count() or 1)
"""Worker processes laying out parts at once: both cores of a small machine, and no more."""
PARTS_FROM = 4
"""A report on fewer relationships than this is laid out in one go, in this process: starting
the workers would take longer than they save."""
FURNITURE_PAGES = 100
"""Pages of page furniture laid out in one document (larger ones take longer per page)."""
MARGIN_BOXES = (
    "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
    "right-top", "right-middle", "right-bottom",
    "bottom-right-corner", "bottom-right", "bottom-center", "bottom-left", "bottom-left-corner",
    "left-bottom", "left-middle", "left-top",
)  # fmt: skip
NO_FURNITURE = (
    "@page { " + " ".join(f"@{box} {{ content: none !important; }}" for box in MARGIN_BOXES) + " }"
)
"""A stylesheet that leaves every page margin box empty: the parts' pages come without them."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Part:
    """One part's pages, laid out: its file and the heading level of its top bookmarks."""

    path: str
    pages: int
    level: int
    """1 when the part's first bookmark is an ``h1``, 2 for an ``h2``…: where its bookmarks
    nest among the parts before it."""


def pdf_from_html(html: str) -> bytes:
    """The PDF of a self-contained HTML document, laid out in one go."""
    document = _document(html).render()
    data: bytes = document.write_pdf()
    return data


def report_pdf(report: Report, *, workers: int = WORKERS) -> bytes:
    """The report's PDF: relationship by relationship when there are several."""
    from reciprocity.report.html import render_report, report_parts, stylesheet

    if len(report.relationships) < PARTS_FROM:
        return pdf_from_html(render_report(report))
    return pdf_from_parts(report_parts(report), stylesheet=stylesheet(), workers=workers)


def pdf_from_parts(
    parts: Iterable[str], *, stylesheet: str, workers: int = WORKERS, folder: str | None = None
) -> bytes:
    """One PDF of HTML documents laid out apart, with page furniture across them all.

    ``parts`` each start on a new page and share ``stylesheet``, whose ``@page`` rules draw
    the furniture from the page number and the number of pages alone. They are laid out by
    ``workers`` processes (in this one when it is 1), into a private folder made inside
    ``folder`` (the system's temporary folder unless given) and removed before returning.
    """
    from reciprocity.report.join import join

    with (
        _stopped_as_interrupted(),
        tempfile.TemporaryDirectory(prefix="reciprocity-pdf-", dir=folder) as private,
        _Workers(workers) as run,
    ):
        laid = run.in_order(
            _lay_out,
            ((html, os.path.join(private, f"part-{n:05d}.pdf")) for n, html in enumerate(parts)),
        )
        total = sum(part.pages for part in laid)
        furniture = run.in_order(
            _furnish,
            (
                (
                    stylesheet,
                    first,
                    count,
                    total,
                    os.path.join(private, f"furniture-{first:05d}.pdf"),
                )
                for first, count in furniture_runs(total, workers)
            ),
        )
        run.close()  # the workers' part is done: their memory goes before the join takes its own
        out = io.BytesIO()
        join(laid, furniture, out)
        return out.getvalue()


@contextmanager
def _stopped_as_interrupted() -> Iterator[None]:
    """Asked to stop (SIGTERM, or the terminal closing) while parts are on disk, stop as Ctrl-C
    would: the workers let go and the private folder removed, not left behind. Only where no
    one else listens for those signals already, and only in the main thread, where Python
    can listen for them at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    taken = []
    for stop in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(stop) == signal.SIG_DFL:
            signal.signal(stop, interrupt)
            taken.append(stop)
    try:
        yield
    finally:
        for stop in taken:
            signal.signal(stop, signal.SIG_DFL)


def furniture_runs(total: int, workers: int) -> list[tuple[int, int]]:
    """Pages 1…total in consecutive runs, (first page, count): enough to share among the
    workers, none longer than ``FURNITURE_PAGES``."""
    runs = max(workers, -(-total // FURNITURE_PAGES), 1)
    size = -(-total // runs) if total else 0
    return [(first, min(size, total - first + 1)) for first in range(1, total + 1, size or 1)]


# -- what a worker does ------------------------------------------------------------


def _lay_out(html: str, path: str) -> Part:
    """Lay out one part without its page furniture and write its pages to ``path``."""
    document = _document(html).render(stylesheets=[_stylesheet(NO_FURNITURE)])
    levels = [mark[0] for page in document.pages for mark in page.bookmarks]
    with _private(path) as file:
        document.write_pdf(file)
    return Part(path, len(document.pages), min(levels, default=1))


def _furnish(stylesheet: str, first: int, count: int, total: int, path: str) -> str:
    """Lay out the furniture of pages ``first`` to ``first + count - 1`` of ``total``: empty
    pages under the stylesheet's ``@page`` rules, with nothing drawn but their margin boxes."""
    css = stylesheet.replace("counter(pages)", f'"{total}"')
    html = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{css}</style>'
        f"</head><body>{'<div></div>' * count}</body></html>"
    )
    only_pages = (
        f"@page :first {{ counter-reset: page {first}; }}"
        " html, body { background: none !important; }"
        " body > div { break-before: page !important; }"
    )
    document = _document(html).render(stylesheets=[_stylesheet(only_pages)])
    if len(document.pages) != count:
        raise RuntimeError(f"page furniture laid out {len(document.pages)} pages, not {count}")
    with _private(path) as file:
        document.write_pdf(file)
    return path


def _document(html: str) -> Any:
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher

    return weasyprint.HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=()))


def _stylesheet(css: str) -> Any:
    return _weasyprint().CSS(string=css)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # the package, or the Pango libraries it loads
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise TransferError(words.PDF_UNAVAILABLE.format(reason=reason)) from None
    return weasyprint


def _private(path: str) -> io.BufferedWriter:
    """A new file only the user can read (the folder is theirs alone too)."""
    return open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


# -- the workers -----------------------------------------------------------------------


_HEARD: list[tuple[int, str]] = []
"""In a worker process: what WeasyPrint said at warning level or above during the task."""


class _Ear(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        _HEARD.append((record.levelno, record.getMessage()))


def _start_worker() -> None:
    """A worker keeps WeasyPrint's warnings to hand them back with each task's result."""
    heard = logging.getLogger("weasyprint")
    heard.addHandler(_Ear(logging.WARNING))
    heard.propagate = False


def _in_worker(task: Callable[..., T], *given: Any) -> tuple[T, list[tuple[int, str]]]:
    _HEARD.clear()
    done = task(*given)
    return done, list(_HEARD)


class _Workers:
    """Worker processes (started fresh, sharing nothing with this one), or this process alone.

    ``in_order`` keeps only a few tasks queued, so the parts are rendered to HTML as the
    workers take them rather than all at once; what WeasyPrint warns of in a worker is
    logged here, as it would be had the work been done here. Leaving, the workers are let go: on an error
    the queued tasks are dropped and the ones running finish first, so nothing is still
    writing into the private folder when it is removed.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.pool = (
            ProcessPoolExecutor(
                count, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
            )
            if count > 1
            else None
        )

    def __enter__(self) -> _Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Let the workers go, once the tasks running have finished; queued ones are dropped."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def in_order(self, task: Callable[..., T], arguments: Iterable[tuple[Any, ...]]) -> list[T]:
        if self.pool is None:
            return [task(*given) for given in arguments]
        done: list[T] = []
        waiting: deque[Future[tuple[T, list[tuple[int, str]]]]] = deque()
        for given in arguments:
            waiting.append(self.pool.submit(_in_worker, task, *given))
            if len(waiting) > 2 * self.count:
                done.append(_heard(waiting.popleft().result()))
        done.extend(_heard(future.result()) for future in waiting)
        return done


def _heard(result: tuple[T, list[tuple[int, str]]]) -> T:
    """A worker's result, after logging here what WeasyPrint said there."""
    done, heard = result
    for level, message in heard:
        logging.getLogger("weasyprint").log(level, "%s", message)
    return done
