"""Benchmark: the report on 200 relationships, as HTML and as PDF.

The data is ``bench_web``'s: a SQLite file in a temporary folder with 200
people, two years of moments each (about 100,000 in all), a season for a fifth
of them and an audit covering everyone, generated deterministically from a
seed. Timed separately, with the figures printed:

* gather: reading the store and analysing every relationship (``report.content``);
* HTML: rendering the self-contained file (``report.html``), best of ``--repeat``;
* PDF: laying the same HTML out on paper with WeasyPrint (``report.pdf``), once
  unless ``--pdf-repeat`` says otherwise (it is by far the slowest step).

There is no target: the report is made on request, and the figure is there to
notice when it drifts.

    python benchmarks/bench_report.py
    python benchmarks/bench_report.py --repeat 5 --pdf-repeat 2
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_web import PEOPLE, TODAY, build
from reciprocity.report.content import Report, gather
from reciprocity.report.html import render_report
from reciprocity.report.pdf import pdf_from_html
from reciprocity.store import open_database


def timed_gather(url: str) -> tuple[Report, float]:
    database = open_database(url)
    try:
        start = time.perf_counter()
        with database.transaction() as session:
            report = gather(session, today=TODAY)
        return report, time.perf_counter() - start
    finally:
        database.close()


def page_count(pdf: bytes) -> str:
    """Pages, as poppler's ``pdfinfo`` counts them (page objects sit in compressed streams)."""
    if shutil.which("pdfinfo") is None:
        return "? (pdfinfo is in poppler-utils)"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    return found.group(1) if found else "?"


def best(times: list[float]) -> str:
    return f"best {min(times):6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of gather and HTML")
    parser.add_argument("--pdf-repeat", type=int, default=1, help="runs of the PDF")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        start = time.perf_counter()
        moments = build(url)
        print(f"built {PEOPLE} people, {moments} moments in {time.perf_counter() - start:.1f} s")
        gathered = [timed_gather(url) for _ in range(options.repeat)]
    report = gathered[0][0]
    html = ""
    html_times = []
    for _ in range(options.repeat):
        start = time.perf_counter()
        html = render_report(report)
        html_times.append(time.perf_counter() - start)
    pdf = b""
    pdf_times = []
    for _ in range(options.pdf_repeat):
        start = time.perf_counter()
        pdf = pdf_from_html(html)
        pdf_times.append(time.perf_counter() - start)
    pages = page_count(pdf)
    print(f"gather  {best([t for _, t in gathered])}  {len(report.relationships)} relationships")
    print(f"HTML    {best(html_times)}  {len(html.encode()) / 1e6:.1f} MB")
    print(f"PDF     {best(pdf_times)}  {len(pdf) / 1e6:.1f} MB, {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
