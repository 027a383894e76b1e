"""A long report's PDF laid out part by part in worker processes, then joined.

The joined PDF must be the PDF the whole HTML makes in one go: the same pages
(compared as pictures), the same text in the same order (page numbers too), the
same links, named places, bookmarks and title. The parts live in a private
folder that is gone afterwards, when the PDF is made and when making it fails,
and no worker outlives the call.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageChops
from pypdf import PdfReader

from reciprocity.cli.main import run
from reciprocity.report.content import Report
from reciprocity.report.html import render_report, report_parts, stylesheet
from reciprocity.report.pdf import (
    FURNITURE_PAGES,
    MARGIN_BOXES,
    furniture_runs,
    pdf_from_html,
    pdf_from_parts,
)
from reciprocity.services.reports import gather
from reciprocity.store import open_database

TODAY = date.today()  # the demo is made around the real today


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The report on the first three people of the demo, read from a real SQLite file."""
    folder = tmp_path_factory.mktemp("three")
    url = f"sqlite:///{folder / 'demo.db'}"
    assert run(["--db", url, "demo"]) == 0
    database = open_database(url)
    try:
        with database.transaction() as session:
            everyone = gather(session, today=TODAY)
    finally:
        database.close()
    return Report(everyone.today, None, everyone.relationships[:3])


@pytest.fixture(scope="module")
def whole(three: Report) -> bytes:
    """The PDF of the three, laid out as one document in this process."""
    return pdf_from_html(render_report(three))


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing; scripts/test installs it with apt (poppler-utils)")
    return found


def _text(pdf: bytes, folder: Path, name: str) -> str:
    """Every page's text in reading order, pages parted by form feeds, as pdftotext reads it."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _pictures(pdf: bytes, folder: Path, name: str) -> list[Image.Image]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        [_tool("pdftoppm"), "-png", "-r", "40", str(path), str(folder / name)], check=True
    )
    return [Image.open(page).convert("RGB") for page in sorted(folder.glob(f"{name}-*.png"))]


def _anatomy(pdf: bytes) -> dict[str, object]:
    """What a reader finds besides the drawing: title, bookmarks, named places and links."""
    reader = PdfReader(BytesIO(pdf))

    def marks(items: list[object], depth: int = 0) -> Iterator[tuple[object, ...]]:
        for item in items:
            if isinstance(item, list):
                yield from marks(item, depth + 1)
            else:
                yield (depth, item.title, reader.get_destination_page_number(item),  # type: ignore[attr-defined, arg-type]
                       round(item.left, 1), round(item.top, 1))  # type: ignore[attr-defined]  # fmt: skip

    return {
        "pages": len(reader.pages),
        "metadata": dict(reader.metadata or {}),
        "language": reader.root_object.get("/Lang"),
        "bookmarks": list(marks(reader.outline)),
        "places": {
            name: (
                reader.get_destination_page_number(place),
                round(place.left, 1),
                round(place.top, 1),
            )
            for name, place in reader.named_destinations.items()
        },
        "links": [
            (
                number,
                str(link.get_object()["/Dest"]),
                [round(float(v), 1) for v in link.get_object()["/Rect"]],
            )
            for number, page in enumerate(reader.pages)
            for link in page.get("/Annots") or []
        ],
    }


@pytest.mark.parametrize("together", [1, 2])
def test_the_joined_pdf_is_the_pdf_of_the_whole(
    three: Report, whole: bytes, tmp_path: Path, together: int
) -> None:
    joined = pdf_from_parts(
        report_parts(three, together=together), stylesheet=stylesheet(), workers=2
    )

    assert _anatomy(joined)["pages"] == _anatomy(whole)["pages"] > 1 + 3
    text = _text(joined, tmp_path, "joined")
    assert text == _text(whole, tmp_path, "whole"), "the same words in the same order"
    pages = text.split("\f")[:-1]
    assert [page.strip().splitlines()[-1].strip() for page in pages] == [
        f"{n} / {len(pages)}" for n in range(1, len(pages) + 1)
    ], "numbered across the parts, at the foot of every page"
    names = [r.name for r in three.relationships]
    starts = [n for n, page in enumerate(pages) if page.strip().splitlines()[0].strip() in names]
    assert [pages[n].strip().splitlines()[0].strip() for n in starts] == names, (
        "in the report's order"
    )

    assert _anatomy(joined) == _anatomy(whole)
    links = _anatomy(joined)["links"]
    assert [dest for _, dest, _ in links] == ["person-1", "person-2", "person-3"]  # type: ignore[attr-defined]
    places = _anatomy(joined)["places"]
    assert [places[f"person-{n}"][0] for n in (1, 2, 3)] == starts, "each link reaches its person"  # type: ignore[index]

    pictures = zip(
        _pictures(joined, tmp_path, "joined"), _pictures(whole, tmp_path, "whole"), strict=True
    )
    assert [n for n, (a, b) in enumerate(pictures) if ImageChops.difference(a, b).getbbox()] == []


def test_a_failing_part_leaves_no_folder_and_no_worker(three: Report, tmp_path: Path) -> None:
    """WeasyPrint gives up on absurdly deep nesting; what was laid out before it is removed."""
    parts = list(report_parts(three, together=1))
    deep = (
        "<!doctype html><html><body>"
        + "<div>" * 3000
        + "too deep"
        + "</div>" * 3000
        + "</body></html>"
    )
    with pytest.raises(RecursionError):
        pdf_from_parts(
            [*parts[:2], deep, *parts[2:]], stylesheet=stylesheet(), workers=2, folder=str(tmp_path)
        )
    assert list(tmp_path.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_a_failure_while_reading_leaves_no_folder_and_no_worker(
    three: Report, tmp_path: Path
) -> None:
    def parts() -> Iterator[str]:
        laid = report_parts(three, together=1)
        yield from (next(laid), next(laid), next(laid))
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="the disk went away"):
        pdf_from_parts(parts(), stylesheet=stylesheet(), workers=2, folder=str(tmp_path))
    assert list(tmp_path.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_the_parts_are_the_users_alone_and_gone_after(three: Report, tmp_path: Path) -> None:
    seen: list[tuple[str, int]] = []

    def parts() -> Iterator[str]:
        for n, part in enumerate(report_parts(three, together=1)):
            if n == 2:  # in this process, parts 0 and 1 are written by now
                (private,) = tmp_path.iterdir()
                seen.append((private.name, stat.S_IMODE(private.stat().st_mode)))
                seen.extend(
                    (f.name, stat.S_IMODE(f.stat().st_mode)) for f in sorted(private.iterdir())
                )
            yield part

    pdf = pdf_from_parts(parts(), stylesheet=stylesheet(), workers=1, folder=str(tmp_path))
    assert pdf.startswith(b"%PDF-")
    assert seen[0][0].startswith("reciprocity-pdf-") and seen[0][1] == 0o700
    assert seen[1:] == [("part-00000.pdf", 0o600), ("part-00001.pdf", 0o600)]
    assert list(tmp_path.iterdir()) == []


def test_what_weasyprint_says_in_a_worker_is_logged_here(
    three: Report, caplog: pytest.LogCaptureFixture
) -> None:
    parts = list(report_parts(three, together=1))
    odd = parts[1].replace("</style>", "p { colour-of-nothing: 3; }</style>", 1)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf_from_parts([parts[0], odd], stylesheet=stylesheet(), workers=2)
    said = [r.getMessage() for r in caplog.records if r.name == "weasyprint"]
    assert any("colour-of-nothing" in message for message in said), said


def test_the_page_furniture_depends_on_the_page_numbers_alone() -> None:
    """It is laid out after the parts, from the page number and the total alone: no rule for a
    first, left, right or named page, and nothing taken from the pages' content."""
    css = stylesheet()
    assert "@page" in css and "counter(page)" in css
    for unknown in ("@page :", "page:", "string(", "element(", "target-counter", "leader("):
        assert unknown not in css, unknown
    assert all(f"@{box}" not in css for box in MARGIN_BOXES if box != "bottom-center")


def test_the_command_line_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    """``reciprocity report`` on the demo's five people (laid out in parts), in a process of
    its own whose temporary folder is watched."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert run(["--db", url, "demo"]) == 0
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = tmp_path / "everyone.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "reciprocity", "--db", url, "report", "--out", str(out)],
        env={**os.environ, "TMPDIR": str(scratch)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Wrote a report on 5 relationships to {out}."
    assert len(PdfReader(out).pages) > 5
    assert list(scratch.iterdir()) == []


def test_a_report_stopped_midway_leaves_nothing_behind(tmp_path: Path) -> None:
    """SIGTERM while the parts are on disk: the command stops as with Ctrl-C, writes nothing,
    and its private folder goes with it."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert run(["--db", url, "demo"]) == 0
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = tmp_path / "everyone.pdf"
    process = subprocess.Popen(
        [sys.executable, "-m", "reciprocity", "--db", url, "report", "--out", str(out)],
        env={**os.environ, "TMPDIR": str(scratch)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    while not list(scratch.glob("reciprocity-pdf-*/part-*.pdf")):
        assert process.poll() is None, "finished before a part was seen"
        assert time.monotonic() < deadline, "no part was laid out in time"
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=240)
    assert process.returncode == 130
    assert stderr.strip() == "reciprocity: Stopped. Nothing was changed."
    assert not out.exists()
    assert list(scratch.iterdir()) == []


@given(st.integers(0, 3000), st.integers(1, 4))
def test_furniture_runs_cover_every_page_once(total: int, workers: int) -> None:
    spans = furniture_runs(total, workers)
    pages = [page for first, count in spans for page in range(first, first + count)]
    assert pages == list(range(1, total + 1))
    assert all(0 < count <= FURNITURE_PAGES for _, count in spans)
    assert len(spans) >= min(workers, total)
