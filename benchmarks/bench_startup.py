"""How quickly the command line answers: ``--help`` and ``log``, end to end.

Runs each command as a fresh process, as a person would, several times, and
prints the median and best wall time. The database is a demo in a temporary
folder. Target (issue 2): ``--help`` under 150 ms on the reference machine.

    python3 benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    exe = shutil.which("reciprocity")
    if exe is None:
        raise SystemExit("install reciprocity first: python3 -m pip install -e .")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        subprocess.run([exe, "--db", url, "demo"], check=True, capture_output=True)
        cases = {
            "reciprocity --help": [exe, "--help"],
            "reciprocity log (demo db)": [
                exe,
                "--db",
                url,
                "log",
                "Sam",
                "Tea together",
                "--by",
                "both",
            ],
            "reciprocity people list --json": [exe, "--db", url, "people", "list", "--json"],
        }
        for name, command in cases.items():
            times = timed(command, runs)
            print(
                f"{name:34s} median {statistics.median(times) * 1000:6.0f} ms   "
                f"best {min(times) * 1000:6.0f} ms   ({runs} runs)"
            )


if __name__ == "__main__":
    main()
