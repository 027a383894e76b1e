"""A longer fuzz run of the whole import and of restore: minutes, not part of the test suite.

The same inputs as ``tests/store/test_fuzz_import.py`` and the parser fuzz
tests, for as long as asked: exports of every format written from arbitrary
messages and imported again and again into one store per format; real
exports damaged byte by byte (flipped, cut, inserted), through detection,
parsing and storing; arbitrary bytes behind each format's opening; restores
with any value anywhere, the same entries twice, and damaged bytes.

Every outcome is counted: a summary, an ImportFormatError (which must say
where), another ReciprocityError, or a crash. Crashes are written to
``benchmarks/.data/fuzz-crashes/`` with their traceback, and the run exits 1.

    python3 benchmarks/fuzz_import.py [--minutes 5] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.evidence.exports import FORMATS, Row  # noqa: E402
from tests.store.test_fuzz_import import (  # noqa: E402
    EDITS,
    JSON_VALUES,
    ROWS,
    check,
    mutate,
    places_in,
    replaced,
    sample_export,
)

from reciprocity.errors import ImportFormatError, ReciprocityError  # noqa: E402
from reciprocity.services import data  # noqa: E402
from reciprocity.services.chats import ChatChoices, import_chat_file  # noqa: E402
from reciprocity.store import Database, open_database  # noqa: E402

CRASHES = HERE / ".data" / "fuzz-crashes"
PREFIXES = [
    b"",
    b'{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"type": "message", "date": "',
    b'{"chats": {"list": [',
    b'{"guild": {"name": "g"}, "channel": {}, "messages": [{"timestamp": "',
    b'{"participants": [], "messages": [{"sender_name": "\xc3',
    b"[2024-03-10 08:15:02] Me: ",
    b'<?xml version=\'1.0\'?>\n<smses>\n<sms date="1704103200000" type="1" body="',
    b'AuthorID,Author,Date,Content,Attachments,Reactions\n"1","a","',
    b"time,author,text,kind\n2024-01-01 10:00,",
    b"13/02/2020, 10:00 - Alice: ",
    b"[13/02/2020, 10:00:00] Alice: ",
    b"PK\x03\x04",
]


class Run:
    """Counts of outcomes, by step and kind; crashes kept for a look."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.counts: Counter[tuple[str, str]] = Counter()
        self.crashes = 0

    def outcome(self, step: str, action: Callable[[], Any], keep: Callable[[], bytes]) -> None:
        try:
            result = action()
            if result is not None and hasattr(result, "new"):
                check(result)
            self.counts[step, "result"] += 1
        except ImportFormatError as error:
            if not error.path:
                self._crash(step, f"ImportFormatError without a place: {error}", keep())
            self.counts[step, "ImportFormatError"] += 1
        except ReciprocityError as error:
            self.counts[step, type(error).__name__] += 1
        except Exception:
            self._crash(step, traceback.format_exc(), keep())
            self.counts[step, "CRASH"] += 1

    def _crash(self, step: str, report: str, content: bytes) -> None:
        self.crashes += 1
        CRASHES.mkdir(parents=True, exist_ok=True)
        stem = CRASHES / f"{step}-{self.crashes}"
        stem.with_suffix(".input").write_bytes(content)
        stem.with_suffix(".txt").write_text(report, encoding="utf-8")


FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def phase_messages(run: Run, stores: dict[str, Database], examples: int) -> None:
    for name in sorted(FORMATS):
        _messages_of(run, stores, name, examples)()


def _messages_of(run: Run, stores: dict[str, Database], name: str, examples: int) -> Any:
    fmt = FORMATS[name]

    @settings(FUZZ, max_examples=examples)
    @given(rows=ROWS, keep=st.booleans(), who=st.sampled_from(["format", "none", "Sam"]))
    def one(rows: list[Row], keep: bool, who: str) -> None:
        folder = Path(tempfile.mkdtemp(dir=run.folder))
        path = fmt.write(folder, rows, "Sam")
        me = {"format": fmt.me, "none": None, "Sam": "Sam"}[who]
        choices = ChatChoices(me=me, keep_text=keep)
        run.outcome(
            f"store-{name}", lambda: import_chat_file(stores[name], path, choices), path.read_bytes
        )

    return one


def phase_damaged(run: Run, stores: dict[str, Database], examples: int) -> None:
    for name in sorted(FORMATS):
        _damaged_of(run, stores, name, examples)()


def _damaged_of(run: Run, stores: dict[str, Database], name: str, examples: int) -> Any:
    choices = ChatChoices(me=FORMATS[name].me)

    @settings(FUZZ, max_examples=examples)
    @given(edits=EDITS)
    def one(edits: list[tuple[int, int, bytes]]) -> None:
        folder = Path(tempfile.mkdtemp(dir=run.folder))
        path = sample_export(name, folder)
        path.write_bytes(mutate(path.read_bytes(), edits))
        run.outcome(
            f"damaged-{name}",
            lambda: import_chat_file(stores[f"damaged-{name}"], path, choices),
            path.read_bytes,
        )

    return one


def phase_bytes(run: Run, stores: dict[str, Database], examples: int) -> None:
    @settings(FUZZ, max_examples=examples)
    @given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=4096))
    def one(prefix: bytes, body: bytes) -> None:
        folder = Path(tempfile.mkdtemp(dir=run.folder))
        path = folder / "export"
        path.write_bytes(prefix + body)
        run.outcome(
            "bytes",
            lambda: import_chat_file(stores["bytes"], path, ChatChoices(me="Alice")),
            path.read_bytes,
        )

    one()


def phase_restore(run: Run, document: dict[str, Any], examples: int) -> None:
    places = list(places_in(document))
    empty = run.folder / "empty.db"
    if not empty.exists():
        open_database(f"sqlite:///{empty}").close()

    def restore(text: str) -> None:
        folder = Path(tempfile.mkdtemp(dir=run.folder))
        path = folder / "export.json"
        path.write_text(text, "utf-8", "surrogatepass")
        shutil.copyfile(empty, folder / "store.db")
        database = open_database(f"sqlite:///{folder / 'store.db'}")
        try:
            run.outcome("restore", lambda: data.restore_file(database, path), path.read_bytes)
        finally:
            database.close()

    @settings(FUZZ, max_examples=examples)
    @given(choice=st.integers(0, 1 << 16), value=JSON_VALUES, twice=st.booleans())
    def any_value(choice: int, value: object, twice: bool) -> None:
        changed = replaced(document, places[choice % len(places)], value)
        if twice and isinstance(changed, dict):
            changed = {
                k: v + v if isinstance(v, list) and k != "people" else v for k, v in changed.items()
            }
        restore(json.dumps(changed))

    @settings(FUZZ, max_examples=examples)
    @given(edits=EDITS)
    def damaged(edits: list[tuple[int, int, bytes]]) -> None:
        text = json.dumps(document, indent=1)
        restore(mutate(text.encode(), edits).decode("utf-8", "surrogateescape"))

    any_value()
    damaged()


def export_document(folder: Path) -> dict[str, Any]:
    database = open_database(f"sqlite:///{folder / 'source.db'}")
    data.load_demo(database, today=date(2026, 6, 1))
    start = datetime(2024, 5, 1, 9, 0)
    chat = folder / "chat.txt"
    chat.write_text(
        "".join(
            f"{start + timedelta(minutes=41 * i):%d/%m/%Y, %H:%M} - {'Alex' if i % 2 else 'Sam'}: "
            f"{['how are you?', 'fine, you?', 'in hospital', 'coming over'][i % 4]}\n"
            for i in range(8)
        ),
        encoding="utf-8",
    )
    import_chat_file(database, chat, ChatChoices(me="Alex", person="Sam"))
    document = data.export_document(database)
    database.close()
    for person in document["people"]:
        person["moments"] = person["moments"][:2]
    for ritual in document["rituals"]:
        ritual["occurrences"] = ritual["occurrences"][:3]
    return document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    random.seed(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    with tempfile.TemporaryDirectory(prefix="reciprocity-fuzz-") as scratch:
        folder = Path(scratch)
        run = Run(folder)
        stores: dict[str, Database] = {}

        class Stores(dict[str, Database]):
            def __missing__(self, key: str) -> Database:
                value = open_database(f"sqlite:///{folder / f'{key}.db'}")
                self[key] = value
                stores[key] = value
                return value

        shared = Stores()
        document = export_document(folder)
        rounds = 0
        started = time.monotonic()
        while time.monotonic() < deadline:
            rounds += 1
            phase_messages(run, shared, 25)
            phase_damaged(run, shared, 25)
            phase_bytes(run, shared, 100)
            phase_restore(run, document, 25)
        for database in stores.values():
            database.close()
    elapsed = time.monotonic() - started
    total = sum(run.counts.values())
    print(
        f"{total:,} inputs in {elapsed / 60:.1f} minutes ({rounds} rounds), {run.crashes} crashes"
    )
    steps = sorted({step for step, _ in run.counts})
    kinds = sorted({kind for _, kind in run.counts})
    print(f"{'step':22s}" + "".join(f"{kind:>20s}" for kind in kinds))
    for step in steps:
        print(f"{step:22s}" + "".join(f"{run.counts[step, kind]:>20,}" for kind in kinds))
    if run.crashes:
        print(f"crashes written to {CRASHES}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
