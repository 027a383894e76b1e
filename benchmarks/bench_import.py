"""End-to-end chat import: detect, parse, derive evidence and store, as a person runs it.

Generates the WhatsApp export with ``generate_whatsapp.py`` if it is missing,
then runs ``reciprocity import FILE --me NAME --json`` into a fresh SQLite file
in a new process, several times, and prints wall time and peak memory (the
child's maximum resident set size). A second run into the same database shows
the cost of a re-import, where nothing is new.
Targets (issue 5): 1,000,000 messages in at most 2 s and 400 MB.

    python3 benchmarks/bench_import.py [--messages N] [--runs R]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(command: list[str]) -> tuple[float, float, dict[str, object]]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("reciprocity")
    if exe is None:
        raise SystemExit("install reciprocity first: python3 -m pip install -e .")
    export = HERE / ".data" / f"whatsapp_{args.messages}_1.txt"
    if not export.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_whatsapp.py"),
                "--messages",
                str(args.messages),
                "--seed",
                "1",
                "--out",
                str(export),
            ],
            check=True,
        )
    size = export.stat().st_size / 1e6
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            command = [exe, "--db", url, "import", str(export), "--me", "Alice Martin", "--json"]
            elapsed, peak, summary = run(command)
            times.append(elapsed)
            again, _, second = run(command)
    print(
        f"file: {export.name}, {size:.1f} MB, {summary['messages']:,} messages, "
        f"{summary['conversations']:,} conversations"
    )
    print(
        f"first import   best {min(times):.2f} s  runs {', '.join(f'{t:.2f}' for t in times)}"
        f"  peak memory {peak:.0f} MB (largest child so far)"
    )
    print(f"re-import      {again:.2f} s  (new: {second['new']})")


if __name__ == "__main__":
    main()
