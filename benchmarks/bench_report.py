"""Benchmark: the PDF report on one relationship and on 200, as ``reciprocity report`` makes it.

The data is ``bench_web``'s: a SQLite file with 200 people, two years of moments
each (about 60,000 in all), a season for a fifth of them, an audit covering
everyone and a chat with each (a million messages by default), generated
deterministically from a seed. Each PDF is made in a fresh process, through
``services.reports`` as the command line and the web app make it, and measured
from outside:

* wall: the process from start to exit (Python's start, imports, reading, the PDF);
* cpu: user + system time of the process and every process it started (its workers);
* cpu/wall: how many cores were busy on average (2.0 = both cores all the time);
* peak: the largest memory of the process and its workers together at any moment, sampled
  from /proc every 50 ms as the sum of their proportional set sizes (PSS: a page shared by
  n processes counts 1/n in each, so nothing is counted twice); beside it the largest
  single process's own peak (VmHWM);
* inside: the time the process itself spent making the PDF, start-up and reading excluded.

Given ``--before SRC`` (the ``src`` folder of another checkout, such as main), the
same cases run on that code too, alternating with this checkout's, and the ratios
(this / before) are printed from the same run. The machine's load average is printed
with them: the figures mean most on an otherwise idle machine.

    python benchmarks/bench_report.py --before ../main/src
    python benchmarks/bench_report.py --db /tmp/bench.db --repeat 3   # keep the data between runs
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench_web import PEOPLE, TODAY, build

HERE = Path(__file__).resolve().parents[1] / "src"
TARGET_PEAK_MB = 500
"""Issue 16: the 200-relationship PDF within 500 MB, both cores used, one relationship under a second."""

RUNNER = r"""
import json, sys, time
from datetime import date
from pathlib import Path
started = time.perf_counter()
from reciprocity.services import open_database, reports
url, today, who, out = sys.argv[1], date.fromisoformat(sys.argv[2]), sys.argv[3] or None, sys.argv[4]
database = open_database(url)
begun = time.perf_counter()
if hasattr(reports, "report_draft"):  # relationship by relationship, in workers
    draft = reports.report_draft(database, today=today, name=who)
    read = time.perf_counter()
    data, names = draft.file(reports.Format.PDF), draft.names
else:  # before: one document, laid out in this process
    html, names = reports.report_html(database, today=today, name=who)
    read = time.perf_counter()
    data = reports.finish(html, reports.Format.PDF)
done = time.perf_counter()
Path(out).write_bytes(data)
database.close()
import reciprocity
print(json.dumps({"code": reciprocity.__file__, "relationships": len(names), "bytes": len(data), "read": read - begun,
                  "pdf": done - read, "imports": begun - started}))
"""


@dataclass(frozen=True)
class Figures:
    wall: float
    cpu: float
    peak_mb: float
    largest_mb: float
    inside: float
    relationships: int
    pages: int
    size_mb: float

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def memory_mb(pid: int) -> tuple[float, float]:
    """A process's proportional set size now and its resident peak (VmHWM), in MB."""
    found = {}
    for name, keys in (
        (f"/proc/{pid}/smaps_rollup", ("Pss:",)),
        (f"/proc/{pid}/status", ("VmHWM:",)),
    ):
        try:
            with open(name, encoding="ascii") as status:
                for line in status:
                    if line.startswith(keys):
                        found[line.split(":")[0]] = int(line.split()[1]) / 1024
        except OSError:
            pass
    return found.get("Pss", 0.0), found.get("VmHWM", 0.0)


def descendants(pid: int) -> list[int]:
    """The process and everything it started, through /proc/PID/task/*/children."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    queue.extend(int(child) for child in children.read().split())
            except OSError:
                pass
    return found


class Sampler(threading.Thread):
    """The memory of a process tree, looked at every 50 ms: the largest sum at one moment,
    and each process's own peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()
        self.peaks: dict[int, float] = {}

    def run(self) -> None:
        while not self.stop.is_set():
            now = 0.0
            for pid in descendants(self.pid):
                pss, hwm = memory_mb(pid)
                now += pss
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), hwm)
            self.peak = max(self.peak, now)
            self.stop.wait(0.05)


def pages_of(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def measure(src: Path, url: str, who: str, out: Path) -> Figures:
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER, url, TODAY.isoformat(), who, str(out)],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    sampler = Sampler(process.pid)
    sampler.start()
    _, status, _usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    said = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"the report failed on {src} ({process.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    told = json.loads(said.strip().splitlines()[-1])
    if not Path(told["code"]).is_relative_to(src):
        raise SystemExit(f"the report ran {told['code']}, not the code in {src}")
    return Figures(
        wall=wall,
        cpu=cpu,
        peak_mb=sampler.peak,
        largest_mb=max(sampler.peaks.values(), default=0.0),
        inside=told["pdf"],
        relationships=told["relationships"],
        pages=pages_of(out),
        size_mb=told["bytes"] / 1e6,
    )


def best(runs: list[Figures]) -> Figures:
    return min(runs, key=lambda f: f.wall)


def line(label: str, f: Figures) -> str:
    return (
        f"{label:<24} {f.wall:7.2f} s {f.cpu:7.2f} s {f.cores:6.2f} {f.peak_mb:8.0f} MB "
        f"{f.largest_mb:8.0f} MB {f.inside:7.2f} s {f.pages:6d} {f.size_mb:6.1f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the src folder of the code to compare with")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each case (the best is shown)"
    )
    parser.add_argument("--messages", type=int, default=1_000_000, help="chat messages in all")
    parser.add_argument(
        "--db", type=Path, help="keep the data in this SQLite file (made if missing)"
    )
    parser.add_argument(
        "--only", choices=("one", "many"), help="only the report on one relationship, or on all"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = options.db or Path(folder) / "bench.db"
        url = f"sqlite:///{db}"
        if not db.exists():
            start = time.perf_counter()
            moments = build(url, messages=options.messages)
            print(
                f"built {PEOPLE} people, {moments} moments in {time.perf_counter() - start:.1f} s"
            )
        codes = {"after": HERE, **({"before": options.before.resolve()} if options.before else {})}
        cases = {"1 relationship": "person-000", f"{PEOPLE} relationships": ""}
        if options.only:
            cases = dict([list(cases.items())[0 if options.only == "one" else 1]])
        runs: dict[tuple[str, str], list[Figures]] = {}
        for _ in range(options.repeat):
            for case, who in cases.items():
                for code in reversed(codes):  # before first, then after, alternating
                    out = Path(folder) / "report.pdf"
                    runs.setdefault((code, case), []).append(measure(codes[code], url, who, out))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':<24} {'wall':>9} {'cpu':>9} {'cpu/wall':>6} {'peak (tree)':>11} "
          f"{'largest':>11} {'PDF inside':>9} {'pages':>6} {'size':>9}")  # fmt: skip
    shown = {key: best(found) for key, found in runs.items()}
    for (code, case), figures in shown.items():
        print(line(f"{code} {case}", figures))
    for case in cases:
        if ("before", case) in shown:
            now, then = shown[("after", case)], shown[("before", case)]
            print(
                f"{case}: after / before: wall {now.wall / then.wall:.2f}, "
                f"peak {now.peak_mb / then.peak_mb:.2f}, cpu {now.cpu / then.cpu:.2f}, "
                f"cores busy {then.cores:.2f} -> {now.cores:.2f}"
            )
    many, one = (
        shown.get(("after", f"{PEOPLE} relationships")),
        shown.get(("after", "1 relationship")),
    )
    if many:
        print(
            f"target: {PEOPLE} relationships within {TARGET_PEAK_MB} MB: "
            f"{'yes' if many.peak_mb <= TARGET_PEAK_MB else 'no'} ({many.peak_mb:.0f} MB); "
            f"both cores used: {'yes' if many.cores >= 1.5 else 'no'} ({many.cores:.2f})"
        )
    if one:
        print(
            f"target: one relationship's PDF under a second: {'yes' if one.inside < 1 else 'no'} "
            f"({one.inside:.2f} s making it, {one.wall:.2f} s for the whole command)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
