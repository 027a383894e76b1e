"""End-to-end chat import: detect, parse, derive evidence and store, as a person runs it.

Generates the WhatsApp export with ``generate_whatsapp.py`` if it is missing,
then runs ``reciprocity import FILE --me NAME --json`` into a fresh SQLite file
in a new process, several times, and prints wall time and peak memory (the
child's maximum resident set size). A second run into the same database shows
the cost of a re-import, where nothing is new.
Targets (issue 5): 1,000,000 messages in at most 2 s and 400 MB.

With ``--stages`` it also runs the import once under Python's profiler and
prints where the time goes, step by step (the profiler slows everything by
a quarter or so: read the shares, not the seconds).

    python3 benchmarks/bench_import.py [--messages N] [--runs R] [--stages]
"""

from __future__ import annotations

import argparse
import json
import pstats
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


# (label, file name ending, function name): steps of one import, in order.
STAGES = (
    (
        "open the file, check it, find the runs, decide the date order",
        "evidence/__init__.py",
        "parse",
    ),
    ("read the messages (the parse step proper)", "evidence/whatsapp.py", "runs"),
    ("outline them (fingerprints, lengths, kinds)", "evidence/outline.py", "outline"),
    ("  of which: find the signal words", "evidence/signals.py", "flags_of_many"),
    ("put them in time order", "evidence/outline.py", "in_time_order"),
    ("write the days", "store/chats.py", "write_days"),
    ("each person's exchange", "evidence/conversations.py", "exchanges_by_person"),
    ("read the evidence from it", "evidence/derive.py", "read"),
    ("commit", "~", "<method 'commit' of 'sqlite3.Connection' objects>"),
)


def stages(exe: str, export: Path) -> None:
    """Run one import under cProfile and print the cumulative time of each step."""
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "import.prof"
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        subprocess.run([exe, "--db", url, "status"], check=True, capture_output=True)  # make it
        command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "reciprocity"]
        subprocess.run(
            [*command, "--db", url, "import", str(export), "--me", "Alice Martin", "--json"],
            check=True,
            capture_output=True,
        )
        table = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in table.values())
    print(f"\nunder the profiler, into an existing store: {total:.2f} s in all")
    counted = 0.0
    for label, ending, name in STAGES:
        spent = sum(
            entry[3]
            for (filename, _line, function), entry in table.items()
            if function == name and filename.endswith(ending)
        )
        if not label.startswith(" "):
            counted += spent
        print(f"  {spent:5.2f} s  {spent / total:4.0%}  {label}")
    rest = total - counted
    print(
        f"  {rest:5.2f} s  {rest / total:4.0%}  the rest: start-up (imports), opening the store, the summary"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also show where the time goes")
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
    if args.stages:
        stages(exe, export)


if __name__ == "__main__":
    main()
