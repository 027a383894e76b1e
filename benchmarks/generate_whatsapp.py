"""Write a large, realistic WhatsApp Android export for the parse benchmark.

The file is deterministic for a given seed and size: a three-person group
chat, day-first dates with four-digit years and a 24-hour clock
(``13/02/2020, 10:00 - Alice: hi``), mostly short messages, some long ones,
some running over several lines (blank lines included), media and deleted
placeholders, a few system lines, emoji and accented letters. About 70 bytes
a message, so the default million messages is about 70 MB.

    python benchmarks/generate_whatsapp.py [--messages N] [--seed S] [--out PATH]
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent / ".data"
AUTHORS = ("Alice Martin", "Bob", "Chloé Dubois-Laurent")
WORDS = tuple(
    " ".join(
        (
            "yes no ok sure maybe tonight tomorrow dinner call me later love you thanks",
            "haha 😂 ❤️ 👍 café work home train late sorry busy free weekend film coffee",
            "did you see this how are you doing fine great tired soon again really what",
            "when where why because the a to of and in is it that for on with as at",
        )
    ).split()
)
SYSTEM_LINES = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, "
    "not even WhatsApp, can read or listen to them. Tap to learn more.",
    'Bob changed the subject from "Weekend" to "Weekend: plans"',
    "Alice Martin changed this group's icon",
)


def default_path(messages: int, seed: int) -> Path:
    return DATA / f"whatsapp_{messages}_{seed}.txt"


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def body(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return "<Media omitted>"
    if roll < 0.06:
        return "This message was deleted"
    if roll < 0.10:  # several lines, now and then a blank one between paragraphs
        lines = [sentence(rng, 2, 12) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.3:
            lines.insert(1, "")
        return "\n".join(lines)
    if roll < 0.15:
        return sentence(rng, 15, 40)
    return sentence(rng, 1, 9)


def generate(path: Path, messages: int, seed: int) -> Path:
    rng = random.Random(seed)
    moment = datetime(2017, 3, 1, 8, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        stamp = moment.strftime("%d/%m/%Y, %H:%M")
        out.write(f"{stamp} - {SYSTEM_LINES[0]}\n")
        for index in range(messages):
            # Mostly seconds to minutes apart, now and then a night's silence:
            # a million messages span about five years.
            gap = rng.expovariate(1 / 60) if rng.random() < 0.995 else rng.uniform(7200, 36000)
            moment += timedelta(seconds=gap)
            stamp = moment.strftime("%d/%m/%Y, %H:%M")
            if index % 50_000 == 49_999:
                out.write(f"{stamp} - {SYSTEM_LINES[1 + index % 2]}\n")
            author = AUTHORS[min(int(rng.random() * 3.2), 2)]
            out.write(f"{stamp} - {author}: {body(rng)}\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    path = args.out or default_path(args.messages, args.seed)
    generate(path, args.messages, args.seed)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB, {args.messages} messages)")


if __name__ == "__main__":
    main()
