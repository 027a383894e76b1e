"""How fast the WhatsApp parse step reads a large export, and how much memory it takes.

Each measurement runs in a fresh process: it parses the file, reads every
message as ``reciprocity import`` reads them, in columns (once as a plain
script, once with the cycle collector paused as the import runs, and once as
one ``Message`` object a message), and reports the wall time of that and the process's peak resident
memory (``ru_maxrss``, which includes the interpreter: its size before the
parse is printed too). Ours runs ``--runs`` times and the best time counts.

With a peer venv at ``benchmarks/.venv-peers`` (never a project dependency)::

    python -m venv benchmarks/.venv-peers
    benchmarks/.venv-peers/bin/pip install whatstk==0.9.1 chat-miner

whatstk (``max_size=None``) and chat-miner parse the same file there, and the
ratios to ours are printed. They are slow, so they run ``--peer-runs`` times.

    python benchmarks/bench_whatsapp_parse.py [--messages N] [--seed S] [--runs 3] [--peer-runs 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / ".venv-peers" / "bin" / "python"
sys.path.insert(0, str(HERE))

from generate_whatsapp import default_path, generate  # noqa: E402

# Each program prints one JSON line: seconds (wall and CPU), messages, rss before and at peak (KiB).
MEASURE = """
import json, resource, sys, time
from pathlib import Path
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
{imports}
path = sys.argv[1]
start, cpu = time.perf_counter(), time.process_time()
{body}
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "cpu": cpu, "messages": count, "before": before, "peak": peak}}))
"""
PROGRAMS = {
    # The parse step's output as ``import`` reads it: columns of times, authors,
    # texts, kinds and line numbers, like the peers' data frames.
    "reciprocity": (
        "from reciprocity.evidence import whatsapp",
        "chat = whatsapp.parse(Path(path))\ncount = sum(map(len, chat.batches(50_000)))",
    ),
    "reciprocity, as import runs it": (
        "import gc\nfrom reciprocity.evidence import whatsapp",
        "gc.disable()\nchat = whatsapp.parse(Path(path))\n"
        "count = sum(map(len, chat.batches(50_000)))",
    ),
    "reciprocity, one object a message": (
        "from reciprocity.evidence import whatsapp",
        "chat = whatsapp.parse(Path(path))\ncount = sum(1 for _ in chat.messages)",
    ),
    "whatstk 0.9.1": (
        "from whatstk import WhatsAppChat",
        "chat = WhatsAppChat.from_source(filepath=path, max_size=None)\ncount = len(chat.df)",
    ),
    "chat-miner": (
        "import logging\nlogging.disable(logging.CRITICAL)\nfrom chatminer.chatparsers import WhatsAppParser",
        "parser = WhatsAppParser(path)\nparser.parse_file()\ncount = len(parser.parsed_messages.get_df())",
    ),
}


def measure(
    python: str, name: str, path: Path, runs: int, timeout: float
) -> dict[str, float] | None:
    imports, body = PROGRAMS[name]
    program = MEASURE.format(imports=imports, body=body)
    results = []
    for _ in range(runs):
        try:
            done = subprocess.run(
                [python, "-c", program, str(path)],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print(f"{name}: gave up after {timeout:.0f} s")
            return None
        if done.returncode != 0:
            print(f"{name}: failed\n{done.stderr.strip()[-2000:]}")
            return None
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(results, key=lambda result: result["seconds"])
    best["peak"] = max(result["peak"] for result in results)
    best["cpu"] = min(result["cpu"] for result in results)
    return best


def show(name: str, result: dict[str, float], ours: dict[str, float] | None) -> None:
    line = (
        f"{name:15s} {result['seconds']:7.2f} s  {result['messages']:>9,.0f} messages  "
        f"peak {result['peak'] / 1024:6.0f} MB (interpreter alone {result['before'] / 1024:.0f} MB)"
    )
    if ours is not None and result is not ours:
        line += (
            f"   {result['seconds'] / ours['seconds']:5.1f}x our time,"
            f" {result['peak'] / ours['peak']:4.1f}x our memory"
        )
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per peer run")
    args = parser.parse_args()
    path = default_path(args.messages, args.seed)
    if not path.exists():
        print(f"writing {path} …")
        generate(path, args.messages, args.seed)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, best of {args.runs}")
    ours = measure(sys.executable, "reciprocity", path, args.runs, args.timeout)
    if ours is None:
        raise SystemExit(1)
    show("reciprocity", ours, None)
    # ``import`` reads with Python's cycle collector paused (store.chats); shown
    # apart, so the ratios below compare like with like.
    paused = measure(
        sys.executable, "reciprocity, as import runs it", path, args.runs, args.timeout
    )
    if paused is not None:
        show("  collector paused", paused, None)
    objects = measure(
        sys.executable, "reciprocity, one object a message", path, args.runs, args.timeout
    )
    if objects is not None:
        show("  as Message objects", objects, None)
    if not PEERS.exists():
        print(f"(no peer venv at {PEERS.parent.parent}; see this script's docstring to compare)")
        return
    for name in ("whatstk 0.9.1", "chat-miner"):
        result = measure(str(PEERS), name, path, args.peer_runs, args.timeout)
        if result is not None:
            show(name, result, ours)


if __name__ == "__main__":
    main()
