"""The PDF of a report: the same HTML, laid out for paper by WeasyPrint.

WeasyPrint is imported here, and only when a PDF is asked for, so the command
line starts as quickly as ever. It is given a URL fetcher that allows no
protocol at all: the HTML refers to nothing outside itself, and the PDF
renderer could not reach the network even if it did.
"""

from __future__ import annotations

from reciprocity.coach import report as words
from reciprocity.errors import TransferError


def pdf_from_html(html: str) -> bytes:
    """The PDF of a self-contained HTML document."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as error:  # the package, or the Pango libraries it loads
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise TransferError(words.PDF_UNAVAILABLE.format(reason=reason)) from None
    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=()))
    data: bytes = document.write_pdf()
    return data
