"""``reciprocity report`` on the demo data, through the real entry point: HTML, PDF, worksheet.

The demo is loaded and rendered once per module (a PDF takes a second or two);
the PDF's pages are turned into PNG images with Debian's ``pdftoppm`` to prove
it renders, and the HTML is searched for any reference outside itself.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from reciprocity.cli.main import run
from reciprocity.coach import audit as audit_words
from reciprocity.report.content import Report, build
from reciprocity.report.html import render_report, render_worksheet, stylesheet
from reciprocity.report.pdf import pdf_from_html
from reciprocity.report.worksheet import worksheet
from tests.report.marks import draws_something

DEMO_PEOPLE = ("Jordan", "Priya", "Rosa", "Sam", "Theo")


@dataclass(frozen=True)
class Rendered:
    folder: Path
    url: str
    complaints: list[str]
    """What WeasyPrint logged at warning level or above while making the PDFs."""

    def path(self, name: str) -> Path:
        return self.folder / name

    def text(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")


def reciprocity(url: str, *args: str) -> int:
    """The command line's real entry point, on the database at ``url``."""
    return run(["--db", url, *args])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    folder = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{folder / 'demo.db'}"
    assert reciprocity(url, "demo") == 0
    # A few practices of our own, so every section has something in it.
    assert (
        reciprocity(url, "win", "add", "Jordan", "Jordan asked first how the interview went") == 0
    )
    assert (
        reciprocity(
            url, "boundary", "add", "Jordan", "time", "Calls after ten can wait until the morning"
        )
        == 0
    )
    assert reciprocity(url, "ritual", "add", "Sam", "Saturday market walk", "--rule", "weekly") == 0
    complaints: list[str] = []
    listener = logging.Handler(logging.WARNING)
    listener.emit = lambda record: complaints.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("weasyprint").addHandler(listener)
    try:
        _render(url, folder)
    finally:
        logging.getLogger("weasyprint").removeHandler(listener)
    return Rendered(folder, url, complaints)


def _render(url: str, folder: Path) -> None:
    for name, args in (
        ("everyone.html", []),
        ("everyone.pdf", []),
        ("rosa.html", ["rosa"]),
        ("worksheet.html", ["--worksheet"]),
        ("sam-worksheet.html", ["Sam", "--worksheet"]),
        ("sam-worksheet.pdf", ["Sam", "--worksheet"]),
    ):
        assert reciprocity(url, "report", *args, "--out", str(folder / name)) == 0, name


# -- no reference to anything outside the file -----------------------------------

_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\s([a-z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_LOADING_TAGS = re.compile(
    r"<\s*(script|link|img|iframe|object|embed|image|use|audio|video|source)\b", re.IGNORECASE
)
LOADING = {"src", "srcset", "data", "action", "formaction", "poster", "background"}
"""Attributes that load something whatever their value."""
LINKING = {"href", "xlink:href"}
"""Attributes that may point within the file (``#person-1``) and nowhere else."""
SVG_NAMESPACES = {
    "xmlns": "http://www.w3.org/2000/svg",
    "xmlns:xlink": "http://www.w3.org/1999/xlink",
}


def external_references(html: str) -> list[str]:
    """Everything in ``html`` that would make a browser or a PDF renderer fetch something."""
    found = []
    attributes = [(m.group(1).lower(), m.group(2).strip("'\"")) for m in _ATTRIBUTE.finditer(html)]
    for name, value in attributes:
        if name in SVG_NAMESPACES:
            if value != SVG_NAMESPACES[name]:
                found.append(f"{name}={value}")
        elif name in LOADING or (name in LINKING and not value.startswith("#")):
            found.append(f"{name}={value}")
    without_namespaces = _ATTRIBUTE.sub(
        lambda m: "" if m.group(1).lower() in SVG_NAMESPACES else m.group(0), html
    )
    found += _URL.findall(without_namespaces)
    found += re.findall(r"(?<![:\w])//[\w.-]+", without_namespaces)
    found += re.findall(r"url\(|@import", html, re.IGNORECASE)
    found += [m.group(0) for m in _LOADING_TAGS.finditer(html)]
    return found


def test_the_checker_finds_what_it_should() -> None:
    planted = (
        '<link rel="stylesheet" href="style.css"><img src="a.png">'
        '<a href="https://example.org">x</a><p style="background:url(x.png)">protocol-relative '
        '//cdn.example.org/x.js</p><svg xmlns="http://www.w3.org/2000/svg"></svg>'
        '<svg xmlns="http://example.org/other"></svg><a href="#person-1">fine</a>'
    )
    found = external_references(planted)
    assert "href=style.css" in found and "src=a.png" in found
    assert "href=https://example.org" in found and "xmlns=http://example.org/other" in found
    assert "//cdn.example.org" in found and "url(" in found
    assert not any("w3.org/2000/svg" in f for f in found), "the SVG namespace is not a fetch"
    assert "href=#person-1" not in found
    assert external_references('<svg xmlns="http://www.w3.org/2000/svg"></svg>') == []


def test_the_html_refers_to_nothing_outside_itself(rendered: Rendered) -> None:
    for name in ("everyone.html", "rosa.html", "worksheet.html", "sam-worksheet.html"):
        assert external_references(rendered.text(name)) == [], name


# -- the report -------------------------------------------------------------------


def test_the_report_covers_everyone_with_a_first_page(rendered: Rendered) -> None:
    html = rendered.text("everyone.html")
    assert "<title>Your relationships: a report</title>" in html
    summary = html.split('<article class="relationship"')[0]
    assert "Everyone at a glance" in summary
    for n, name in enumerate(DEMO_PEOPLE, start=1):
        assert f'<a href="#person-{n}">{name}</a>' in summary
        assert f'<article class="relationship" id="person-{n}"' in html
    assert html.count('<article class="relationship"') == len(DEMO_PEOPLE)
    for heading in (
        "Your latest audit",
        "How it feels, beside what was noted",
        "Over time",
        "Month by month, dimension by dimension",
        "Energy",
        "Visions",
        "Practices",
        "Next steps to consider",
    ):
        assert html.count(f">{heading}</h3>") == len(DEMO_PEOPLE), heading
    assert html.count(">Across audits</h3>") == 3, "Sam, Jordan and Rosa were audited"
    assert "Jordan asked first how the interview went" in html
    assert "Calls after ten can wait until the morning" in html
    assert "Saturday market walk" in html
    assert "temporary: a season" in summary, "Rosa's operation is a season in the demo"
    assert "Rosa&#39;s illness" in html, "the season, named in the timeline"
    assert "<style>" in html and "<script" not in html


def test_every_chart_is_inline_svg_with_a_text_alternative(rendered: Rendered) -> None:
    html = rendered.text("everyone.html")
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", html, re.DOTALL)
    # Felt, timeline, months and energy for those with readings, trends where audited twice.
    assert len(svgs) >= 20
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert [svg for svg in svgs if not draws_something(svg)] == [], "no chart is empty"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique across relationships"


def test_the_print_stylesheet_puts_each_relationship_on_a_new_page() -> None:
    css = stylesheet()
    assert "@page" in css and "size: A4" in css
    print_rules = css[css.index("@media print") :]
    assert re.search(r"\.relationship\s*\{[^}]*break-before:\s*page", print_rules)


def test_a_report_on_one_person(rendered: Rendered) -> None:
    html = rendered.text("rosa.html")
    assert "<title>You and Rosa: a report</title>" in html, "the name as it is stored"
    assert html.count('<article class="relationship"') == 1
    assert "Jordan" not in html


def _pages(pdf: Path, folder: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing; scripts/test installs it with apt (poppler-utils)")
    stem = folder / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(stem)], check=True, timeout=120)
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def _ink(page: Path) -> float:
    """How far a page is from blank white: the share of pixels that are not near white."""
    with Image.open(page) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
        assert ImageStat.Stat(grey).extrema[0][0] < 128, f"{page.name} has no dark marks"
    return sum(histogram[:240]) / sum(histogram)


def test_the_pdf_has_a_page_per_relationship_and_none_is_blank(
    rendered: Rendered, tmp_path: Path
) -> None:
    pdf = rendered.path("everyone.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 1 + len(DEMO_PEOPLE)
    for page in pages:
        with Image.open(page) as image:
            width, height = image.size
        assert height > width, "A4 portrait"
        assert _ink(page) > 0.005, f"{page.name} looks blank"


def test_the_worksheet_blank_and_prefilled(rendered: Rendered, tmp_path: Path) -> None:
    blank = rendered.text("worksheet.html")
    assert "The Reciprocity Audit: a worksheet" in blank
    for guide in audit_words.GUIDES.values():
        assert f">{guide.title}</h2>" in blank
        for question in guide.questions:
            assert question.text.replace("'", "&#39;") in blank
    for words in audit_words.SCALE.values():
        assert words in blank
    assert blank.count('class="box chosen"') == 0
    assert blank.count('class="box"') == 5 * (5 + 2), "five parts, five ratings, two ways to lean"
    assert "it feels shared" not in blank, "a 5 feels shared: it is not a way to lean"

    sam = rendered.text("sam-worksheet.html")
    assert 'class="write filled">Sam</p>' in sam
    assert "Filled in from your audit of" in sam
    from reciprocity.services import audits, open_database

    database = open_database(rendered.url)
    latest = [e for a in audits.everyone(database) for e in a.entries if e.person.name == "Sam"][-1]
    database.close()
    leaning = [r.rating for r in (latest, *latest.ratings) if r.rating < 5]
    assert 0 < len(leaning) < 5
    assert sam.count('class="box chosen"') == 5 + len(leaning), "a rating each, a way if below 5"
    pages = _pages(rendered.path("sam-worksheet.pdf"), tmp_path)
    assert len(pages) >= 2 and all(_ink(p) > 0.003 for p in pages)


def test_the_pdf_renderer_has_nothing_to_complain_about(
    rendered: Rendered, caplog: pytest.LogCaptureFixture
) -> None:
    """WeasyPrint logs CSS it cannot use and resources it cannot fetch: there are none."""
    assert rendered.complaints == [], "the demo report and worksheet"
    from reciprocity.patterns import analyse
    from reciprocity.vocabulary import RelationshipKind

    today = date(2026, 6, 15)
    relationship = build(
        name="Alex",
        kind=RelationshipKind.FRIEND,
        my_care=[],
        their_care=[],
        pattern=analyse("Alex", [], [], {}, today=today),
        audits=[],
        seasons=[],
    )
    with caplog.at_level(logging.INFO, logger="weasyprint"):
        report = pdf_from_html(render_report(Report(today, None, (relationship,))))
        sheet = pdf_from_html(render_worksheet(worksheet(today=today)))
    assert report.startswith(b"%PDF-") and sheet.startswith(b"%PDF-")
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == []


def test_weasyprint_is_imported_only_when_a_pdf_is_made(tmp_path: Path) -> None:
    """Startup stays quick: an HTML report, help and the web app never load the PDF library."""
    script = (
        "import sys\n"
        "from reciprocity.cli.main import run\n"
        f"url = 'sqlite:///{tmp_path / 'quick.db'}'\n"
        "assert run(['--db', url, 'people', 'add', 'Sam']) == 0\n"
        f"assert run(['--db', url, 'report', '--out', '{tmp_path / 'sam.html'}']) == 0\n"
        "from reciprocity.web import WebSettings, create_app\n"
        "create_app(WebSettings(database_url=url))\n"
        "assert 'weasyprint' not in sys.modules, 'loaded too early'\n"
        f"assert run(['--db', url, 'report', '--out', '{tmp_path / 'sam.pdf'}']) == 0\n"
        "assert 'weasyprint' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "sam.pdf").read_bytes().startswith(b"%PDF-")
