"""How quickly the everyday commands answer, against ``--help`` and a one-command Typer app.

Each command runs as a fresh process, as a person would start it, on a demo
database made in a temporary folder (or the database given with ``--db``,
which should hold the demo's people). The rounds alternate: every round runs
each command once, in a rotating order, so a busy machine slows them all
alike, and the ratios measured in the same run stay fair. Printed: the median
of each command, and its ratio to ``reciprocity --help`` and to a Typer app
with one command (written to the temporary folder), with the targets of
issue 16 beside them.

    python3 benchmarks/bench_startup.py [--runs N] [--db URL]

To measure a working tree rather than the installed package, put its ``src``
first on ``PYTHONPATH``; the first line printed says which one is measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TYPER_APP = textwrap.dedent(
    '''
    import typer

    app = typer.Typer(add_completion=False)


    @app.command()
    def hello(name: str) -> None:
        """Say hello."""
        print(f"Hello {name}")


    if __name__ == "__main__":
        app()
    '''
)

HELP = "reciprocity --help"
TYPER = "one-command Typer app"
COMMANDS: dict[str, list[str]] = {
    HELP: ["--help"],
    "reciprocity log Sam 'Tea together' --by both": ["log", "Sam", "Tea together", "--by", "both"],
    "reciprocity status": ["status"],
    "reciprocity people list": ["people", "list"],
    "reciprocity due": ["due"],
    "reciprocity moment list": ["moment", "list"],
}
TARGETS = {"reciprocity log Sam 'Tea together' --by both": 3.5, "reciprocity status": 4.0}
"""The most each may take, as a multiple of ``--help`` (issue 16)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (default 15)")
    parser.add_argument(
        "--db", metavar="URL", help="a database holding the demo (default: a new one)"
    )
    options = parser.parse_args()
    where = subprocess.run(
        [sys.executable, "-c", "import reciprocity; print(reciprocity.__file__)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"measuring {Path(where).parent} with {sys.executable}, {options.runs} rounds")
    with tempfile.TemporaryDirectory() as folder:
        app = Path(folder) / "hello.py"
        app.write_text(TYPER_APP)
        url = options.db or f"sqlite:///{Path(folder) / 'demo.db'}"
        environment = {**os.environ, "RECIPROCITY_DB": url, "COLUMNS": "120"}
        reciprocity = [sys.executable, "-m", "reciprocity"]
        if options.db is None:
            subprocess.run([*reciprocity, "demo"], check=True, capture_output=True, env=environment)
        cases = {name: [*reciprocity, *args] for name, args in COMMANDS.items()}
        cases[TYPER] = [sys.executable, str(app), "World"]
        for command in cases.values():  # each works, and its bytecode is written, before timing
            subprocess.run(command, check=True, capture_output=True, env=environment)
        times = alternate(cases, options.runs, environment)
    report(times)


def alternate(
    cases: dict[str, list[str]], runs: int, environment: dict[str, str]
) -> dict[str, list[float]]:
    """Wall times of every case, one of each per round, the order rotating round by round."""
    names = list(cases)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(runs):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            subprocess.run(cases[name], check=True, capture_output=True, env=environment)
            times[name].append(time.perf_counter() - start)
    return times


def report(times: dict[str, list[float]]) -> None:
    medians = {name: statistics.median(found) for name, found in times.items()}
    help_, typer_ = medians[HELP], medians[TYPER]
    print(f"{'command':46s} {'median':>8s} {'× --help':>9s} {'× Typer':>8s}  target")
    for name, median in medians.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"≤ {target}× --help: {'met' if median / help_ <= target else 'NOT met'}"
        print(
            f"{name:46s} {median * 1000:6.0f} ms {median / help_:8.2f}× {median / typer_:7.2f}×  {verdict}"
        )


if __name__ == "__main__":
    main()
