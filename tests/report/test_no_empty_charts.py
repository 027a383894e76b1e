"""No pages of empty charts: a chart with nothing to draw is left out, and one sentence says what is missing.

A new user's three people, through the real entry point: one with a few weeks of notes
about reaching out, one with two notes, one with none. Every chart in the HTML draws
something; the people with nothing to draw get sentences instead of frames; the PDF
holds a page for the first page and one for each person, not pages of empty frames.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reciprocity.cli.main import run
from tests.report.marks import charts, draws_something


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("three")
    url = f"sqlite:///{folder / 'three.db'}"

    def reciprocity(*args: str) -> None:
        assert run(["--db", url, *args]) == 0, args

    for name, kind in (("Ana", "friend"), ("Ben", "partner"), ("Cleo", "family")):
        reciprocity("people", "add", name, "--kind", kind)
    for days in range(1, 17, 2):  # eight notes all one way: enough for a first reading
        reciprocity(
            "log",
            "Ana",
            f"Ana called, {days}",
            "--by",
            "them",
            "--dim",
            "initiation",
            "--energy",
            "1",
            "--on",
            f"{days} days ago",
        )
    reciprocity("log", "Ben", "Dinner together", "--by", "both", "--dim", "maintenance")
    reciprocity("log", "Ben", "Talked late", "--dim", "depth", "--on", "40 days ago")
    reciprocity("report", "--out", str(folder / "three.html"))
    reciprocity("report", "--out", str(folder / "three.pdf"))
    return folder


def _articles(html: str) -> dict[str, str]:
    parts = html.split('<article class="relationship"')[1:]
    return {re.search(r'-name">([^<]+)</h2>', p).group(1): p for p in parts}  # type: ignore[union-attr]


def test_the_checker_tells_an_empty_chart_from_a_drawn_one() -> None:
    frame = '<svg><rect x="0.5" y="0.5" width="599" height="179" fill="#ffffff"></rect>'
    hollow = '<circle cx="1" cy="90" r="3.5" fill="#ffffff" stroke="#2f5d50"></circle>'
    grey = '<rect x="0" y="34" width="50" height="16" fill="#e6e3dc"></rect>'
    assert not draws_something(f"{frame}{hollow}{grey}</svg>")
    assert draws_something(f'{frame}<circle cx="1" cy="9" r="3.5" fill="#2f5d50"></circle></svg>')
    assert draws_something(
        f'{frame}<rect x="0" y="34" width="5" height="16" fill="#6f9fc8"></rect></svg>'
    )
    assert draws_something(f'{frame}<circle cx="1" cy="9" r="6.5" fill="#ffffff"></circle></svg>')


def test_every_chart_draws_something_and_the_rest_say_what_is_missing(three: Path) -> None:
    html = (three / "three.html").read_text(encoding="utf-8")
    drawn = charts(html)
    assert drawn, "Ana's notes give charts"
    assert [svg for svg in drawn if not draws_something(svg)] == []
    people = _articles(html)
    ana = people["Ana"]
    assert "Initiation over time" in ana, "a reading of reaching out is drawn"
    assert (
        "Depth, crisis response and maintenance are not drawn: no month has had enough notes "
        "about them yet to say which way care leaned." in ana
    )
    for name in ("Ben", "Cleo"):
        article = people[name]
        assert "<svg" not in article, f"{name} has nothing to draw"
        for said in (
            "Nothing to set side by side yet: there is no felt rating from an audit",
            "Nothing to draw yet: no month has had enough notes to say which way care leaned.",
            "Initiation, depth, crisis response and maintenance are not drawn",
            f"Nothing practised with {name} yet",
        ):
            assert said in article, (name, said)
    assert (
        "Nothing noted in the last 90 days says how time with Cleo left you feeling."
        in (people["Cleo"])
    ), "energy says what is missing in the readings' own words"


def test_the_pdf_is_not_pages_of_empty_frames(three: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing; scripts/test installs it with apt (poppler-utils)")
    pdf = three / "three.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    pages = text.split("\f")[:-1]
    # The first page, Ana's three (her charts, practices and next steps), and one page each
    # for Ben and Cleo: thirteen pages before empty charts were left out.
    assert len(pages) <= 1 + 3 + 1 + 1, f"{len(pages)} pages"
    for name in ("Ben", "Cleo"):
        theirs = [p for p in pages if f"Nothing practised with {name} yet" in p]
        assert len(theirs) == 1 and theirs[0].lstrip().startswith(name), f"{name} fits on a page"
    for empty in ("Depth over time", "Crisis response over time", "Maintenance over time"):
        assert empty not in text, "a chart with nothing to draw is not drawn"
    assert "Initiation over time" in text
