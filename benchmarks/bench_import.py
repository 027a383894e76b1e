"""End-to-end chat import as a person runs it, every figure a ratio measured in the same run.

Generates the WhatsApp export with ``generate_whatsapp.py`` if it is missing
(a three-person group: ``--me "Alice Martin"`` and both others added), then,
each in a new process, as ``python -m reciprocity import FILE ... --json``:

* **fresh**: the import into a new, empty store (made beforehand, so the
  one-time making of a store is not counted), wall time and peak memory;
* **unchanged**: the same file again into that store, and a copy of it under
  another name: known by its digest, "nothing new" (target: at most 0.2x a
  fresh import);
* **keep text**: a fresh import with ``--keep-text`` (target: under 400 MB,
  about the memory of a plain import);
* **whatstk** (and **chat-miner** with ``--chat-miner``) parsing the same
  file in ``benchmarks/.venv-peers`` (see ``bench_whatsapp_parse.py`` for how
  to make it): how many times faster our whole import is than their parse
  alone (target: at least 5x).

Runs alternate (fresh, unchanged, keep text) ``--runs`` times, and each peer
runs ``--peer-runs`` times; the best time of each counts, and the largest peak.
Processor time (user and system) is shown beside the wall time for the
fresh import and the peers: on a machine others share, it is the steadier figure. Peak memory is each child's own maximum
resident set size (``wait4``).

With ``--stages`` it also runs one fresh import under Python's profiler and
prints where the time goes, step by step (the profiler slows everything by a
quarter or so: read the shares, not the seconds).

    python3 benchmarks/bench_import.py [--messages N] [--runs R] [--stages] [--chat-miner]

In a git worktree, run it with ``PYTHONPATH=src`` so that the worktree's code is measured.
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
PEERS = HERE / ".venv-peers" / "bin" / "python"
sys.path.insert(0, str(HERE))

from bench_whatsapp_parse import measure  # noqa: E402
from generate_whatsapp import default_path, generate  # noqa: E402

WHO = ["--me", "Alice Martin", "--person", "Bob", "--person", "Chloé Dubois-Laurent"]


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


CPU: list[float] = []
"""The processor time of each ``measured`` run, in order (user and system, start-up included)."""


def measured(command: list[str]) -> tuple[float, float, dict[str, object]]:
    """Wall time (s), the child's own peak resident memory (MB, its VmHWM), and its JSON answer.

    Its processor time is added to ``CPU``: on a machine others share, it moves far less
    than the wall time does.
    """
    program = (
        "import runpy, sys\n"
        "sys.argv = ['reciprocity', *sys.argv[1:]]\n"
        "try:\n"
        "    runpy.run_module('reciprocity', run_name='__main__')\n"
        "finally:\n"
        "    with open('/proc/self/status') as s:\n"
        "        peak = next(int(l.split()[1]) for l in s if l.startswith('VmHWM:'))\n"
        "    print(peak, file=sys.stderr)\n"
    )
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(
        [sys.executable, "-c", program, *command], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    CPU.append(children_cpu() - cpu)
    if done.returncode:
        raise SystemExit(f"import {' '.join(command)} failed:\n{done.stderr[-2000:]}")
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024
    return elapsed, peak, json.loads(done.stdout)


def make_store(folder: Path, name: str) -> str:
    url = f"sqlite:///{folder / name}"
    subprocess.run(
        [sys.executable, "-m", "reciprocity", "--db", url, "status"], check=True, capture_output=True
    )
    return url


# (label, file name ending, function name): steps of one import, in order.
STAGES = (
    ("know the file (its digest)", "reciprocity/files.py", "file_digest"),
    ("open the file, check it, find the runs, decide the date order", "evidence/__init__.py", "parse"),
    ("read the messages (the parse step proper)", "evidence/whatsapp.py", "runs"),
    ("outline them (fingerprints, lengths, kinds)", "evidence/outline.py", "outline"),
    ("  of which: find the signal words", "evidence/signals.py", "flags_of_many"),
    ("put them in time order", "evidence/outline.py", "in_time_order"),
    ("write the days", "store/chats.py", "write_days"),
    ("each person's exchange", "evidence/conversations.py", "exchanges_by_person"),
    ("read the evidence from it", "evidence/derive.py", "read"),
    ("commit", "~", "<method 'commit' of 'sqlite3.Connection' objects>"),
)


def stages(export: Path) -> None:
    """Run one import under cProfile and print the cumulative time of each step."""
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "import.prof"
        url = make_store(Path(folder), "bench.db")
        command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "reciprocity"]
        subprocess.run(
            [*command, "--db", url, "import", str(export), *WHO, "--json"],
            check=True,
            capture_output=True,
        )
        table = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in table.values())
    print(f"\nunder the profiler, into an empty store: {total:.2f} s in all")
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
    print(f"  {rest:5.2f} s  {rest / total:4.0%}  the rest: start-up (imports), opening the store, the summary")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also show where the time goes")
    parser.add_argument("--chat-miner", action="store_true", help="also time chat-miner (slow)")
    parser.add_argument("--no-peers", action="store_true", help="leave whatstk out")
    parser.add_argument("--peer-runs", type=int, default=2, help="runs of each peer (best counts)")
    args = parser.parse_args()
    export = default_path(args.messages, 1)
    if not export.exists():
        print(f"writing {export} …")
        generate(export, args.messages, 1)
    size = export.stat().st_size / 1e6
    fresh: list[tuple[float, float]] = []
    fresh_cpu: list[float] = []
    again: list[float] = []
    copied: list[float] = []
    kept: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        place = Path(folder)
        copy = place / "the same chat, saved again.txt"
        shutil.copyfile(export, copy)
        for number in range(args.runs):
            url = make_store(place, f"plain{number}.db")
            elapsed, peak, summary = measured(["--db", url, "import", str(export), *WHO, "--json"])
            fresh.append((elapsed, peak))
            fresh_cpu.append(CPU[-1])
            elapsed, _peak, second = measured(["--db", url, "import", str(export), "--json"])
            again.append(elapsed)
            elapsed, _peak, third = measured(["--db", url, "import", str(copy), "--json"])
            copied.append(elapsed)
            if not (second.get("unchanged") and third.get("unchanged")):
                print("(the same file again was read again: this version does not know it)")
            url = make_store(place, f"text{number}.db")
            command = ["--db", url, "import", str(export), *WHO, "--keep-text", "--json"]
            elapsed, peak, _ = measured(command)
            kept.append((elapsed, peak))
    best = min(t for t, _ in fresh)
    peak = max(p for _, p in fresh)
    print(
        f"file: {export.name}, {size:.1f} MB, {summary['messages']:,} messages, "
        f"{summary['conversations']:,} conversations; best of {args.runs}"
    )
    print(
        f"fresh import        {best:6.2f} s  peak {peak:4.0f} MB"
        f"   (runs {', '.join(f'{t:.2f}' for t, _ in fresh)}; processor {min(fresh_cpu):.2f} s)"
    )
    print(
        f"unchanged again     {min(again):6.2f} s   {min(again) / best:5.2f}x a fresh import"
        f"   (a copy under another name: {min(copied):.2f} s, {min(copied) / best:.2f}x)"
    )
    text_time, text_peak = min(t for t, _ in kept), max(p for _, p in kept)
    print(
        f"with --keep-text    {text_time:6.2f} s  peak {text_peak:4.0f} MB"
        f"   {text_peak / peak:4.2f}x the memory of a plain import, {text_time / best:.2f}x its time"
    )
    if args.no_peers:
        pass
    elif not PEERS.exists():
        print(f"(no peer venv at {PEERS.parent.parent}; see bench_whatsapp_parse.py to compare)")
    else:
        peers = ["whatstk 0.9.1", *(["chat-miner"] if args.chat_miner else [])]
        for name in peers:
            result = measure(str(PEERS), name, export, args.peer_runs, 3600)
            if result is not None:
                print(
                    f"{name:19s} {result['seconds']:6.2f} s  peak {result['peak'] / 1024:4.0f} MB"
                    f"   our whole import is {result['seconds'] / best:4.1f}x faster than its parse"
                    f" (processor time: {result['cpu']:.2f} s, {result['cpu'] / min(fresh_cpu):.1f}x"
                    " ours, our start-up counted, not theirs)"
                )
    if args.stages:
        stages(export)


if __name__ == "__main__":
    main()
