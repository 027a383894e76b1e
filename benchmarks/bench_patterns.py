"""Benchmark: a full recompute of ``reciprocity.patterns.analyse`` for 200 relationships.

Each relationship has ten years of daily moments (about 730,000 in all) with
drifting leanings, energy and a few seasons, generated deterministically from a
seed. The timed part is ``analyse`` for all 200 relationships; the figure is
the best wall time of three runs. Target: at most one second on a 2-core machine.

    python benchmarks/bench_patterns.py            # print the figure
    python benchmarks/bench_patterns.py --check    # also exit 1 above the target
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta

from reciprocity.patterns import FeltRating, analyse
from reciprocity.vocabulary import CareStyle, Dimension, Direction, Giver, SeasonKind

TODAY = date(2026, 3, 14)
YEARS = 10
RELATIONSHIPS = 200
TARGET_SECONDS = 1.0
DIMENSIONS = tuple(Dimension)
STYLES = (*CareStyle, None)
KINDS = tuple(SeasonKind)


@dataclass(frozen=True, slots=True)
class Moment:
    on: date
    by: Giver
    dimensions: tuple[Dimension, ...]
    style: CareStyle | None
    energy: int | None


@dataclass(frozen=True, slots=True)
class Season:
    start: date
    end: date | None
    kind: SeasonKind
    whose: str


@dataclass(frozen=True, slots=True)
class Relationship:
    person: str
    moments: list[Moment]
    seasons: list[Season]
    felt: dict[Dimension, FeltRating]


def _relationship(index: int, rng: random.Random) -> Relationship:
    name = f"person-{index:03d}"
    days = YEARS * 365
    first = TODAY - timedelta(days=days - 1)
    dim_choices = [
        (),
        *((d,) for d in DIMENSIONS),
        *((a, b) for a in DIMENSIONS for b in DIMENSIONS if a < b),
    ]
    moments: list[Moment] = []
    share = rng.uniform(0.25, 0.8)
    mood = rng.uniform(-1.0, 1.5)
    next_regime = 0
    for day in range(days):
        if day >= next_regime:
            # Leaning and energy drift: a new regime every 6 to 18 months.
            share = rng.uniform(0.25, 0.8)
            mood = rng.uniform(-1.0, 1.5)
            next_regime = day + rng.randint(180, 540)
        on = first + timedelta(days=day)
        for _ in range(rng.choices((0, 1, 2), weights=(27, 46, 27))[0]):
            roll = rng.random()
            by = Giver.BOTH if roll < 0.1 else Giver.ME if roll < 0.1 + 0.9 * share else Giver.THEM
            energy = None if rng.random() < 0.4 else max(-2, min(2, round(rng.gauss(mood, 1.0))))
            moments.append(Moment(on, by, rng.choice(dim_choices), rng.choice(STYLES), energy))
    seasons: list[Season] = []
    for _ in range(rng.randint(0, 4)):
        start = first + timedelta(days=rng.randrange(days))
        length = rng.randint(30, 240)
        end = start + timedelta(days=length)
        seasons.append(
            Season(start, None if end > TODAY else end, rng.choice(KINDS), rng.choice(("me", name)))
        )
    felt = {
        d: FeltRating(rng.randint(1, 5), rng.choice(tuple(Direction)))
        for d in DIMENSIONS
        if rng.random() < 0.7
    }
    return Relationship(name, moments, seasons, felt)


def generate(seed: int = 20261114) -> list[Relationship]:
    rng = random.Random(seed)
    return [_relationship(i, rng) for i in range(RELATIONSHIPS)]


def run(relationships: list[Relationship]) -> float:
    start = time.perf_counter()
    for r in relationships:
        analyse(r.person, r.moments, r.seasons, r.felt, today=TODAY)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 above the target")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    relationships = generate()
    flows = sum(len(r.moments) for r in relationships)
    times = [run(relationships) for _ in range(args.repeat)]
    best = min(times)
    print(
        f"analyse: {len(relationships)} relationships, {flows:,} moments, "
        f"best of {args.repeat}: {best:.3f} s (target <= {TARGET_SECONDS:.1f} s); "
        f"runs: {', '.join(f'{t:.3f}' for t in times)} (the first starts with an empty memo)"
    )
    return 1 if args.check and best > TARGET_SECONDS else 0


if __name__ == "__main__":
    sys.exit(main())
