"""The whole import, fuzzed: every input ends in a summary or the project's error, never a crash.

Parsers are fuzzed on their own in ``tests/evidence``; the crashes of issue 13
were in *storing*, after a clean parse (a year 4090 overflowing a
fingerprint, half a character in a name, a newer export of a chat). Here
every step runs, through ``services.chats.import_chat_file`` into a real
SQLite file: exports of every format written from arbitrary messages (any
text, names, times from 1800 to 9999, calls), imported again and again into
the same store, and real exports with bytes flipped, cut or inserted. A
restore gets any value anywhere in a real export document, and the hostile
shapes (deep nesting, numbers thousands of digits long, half characters).

Accepted outcomes: an ``ImportSummary`` that adds up, or a ReciprocityError;
an ImportFormatError must say where (its path). Bounded for the test suite;
``benchmarks/fuzz_import.py`` runs the same for minutes.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.errors import ImportFormatError, ReciprocityError
from reciprocity.evidence.message import MessageKind
from reciprocity.services import data
from reciprocity.services.chats import ChatChoices, ImportSummary, import_chat_file
from reciprocity.store import Database, open_database
from tests.evidence.exports import FORMATS, Row

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
NAMES = st.sampled_from(["Sam", "Alex", "Ró", "Me", "A: B", "\ud83d", "  ", "Sam - x", "[1]", "😀"])
TEXTS = st.text(max_size=60) | st.sampled_from(
    [
        "how are you?",
        "happy birthday!",
        "I'm in hospital",
        "",
        "\ud83d",
        "13/02/2020, 10:00 - X: y",
        "<Media omitted>",
        "x" * 400,
    ]
)
TIMES = st.datetimes(
    min_value=datetime(1800, 1, 1), max_value=datetime(9999, 12, 30)
) | st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2025, 12, 31))
ROWS = st.lists(
    st.builds(Row, TIMES, NAMES, TEXTS, st.sampled_from(list(MessageKind))), min_size=1, max_size=25
)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Database]]:
    """One store per format, shared by the examples: later examples are re-imports."""
    folder = tmp_path_factory.mktemp("fuzz-stores")
    opened: dict[str, Database] = {}

    def get(name: str) -> Database:
        if name not in opened:
            opened[name] = open_database(f"sqlite:///{folder / f'{name}.db'}")
        return opened[name]

    yield _Lazy(get)  # type: ignore[misc]
    for database in opened.values():
        database.close()


class _Lazy(dict[str, Database]):
    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> Database:
        value: Database = self.make(key)
        self[key] = value
        return value


def check(summary: ImportSummary) -> None:
    """A summary adds up: counts in range, first before last, every evidence side counted."""
    assert 0 <= summary.new <= summary.messages and 0 <= summary.new_calls <= summary.calls
    assert summary.messages + summary.calls > 0
    if summary.first is not None and summary.last is not None:
        assert summary.first <= summary.last
    assert all(count > 0 for count in summary.participants.values())
    json.dumps(summary.as_dict())  # the --json shape is always JSON


def outcome(database: Database, path: Path, choices: ChatChoices) -> None:
    try:
        check(import_chat_file(database, path, choices))
    except ImportFormatError as error:
        assert error.path, error
    except ReciprocityError:
        pass


@pytest.mark.parametrize("name", sorted(FORMATS))
@FUZZ
@given(rows=ROWS, keep=st.booleans(), who=st.sampled_from(["format", "none", "Sam"]))
def test_any_messages_in_any_format_store_or_say_why(
    stores: dict[str, Database],
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    rows: list[Row],
    keep: bool,
    who: str,
) -> None:
    fmt = FORMATS[name]
    folder = tmp_path_factory.mktemp("export")
    path = fmt.write(folder, rows, "Sam")
    me = {"format": fmt.me, "none": None, "Sam": "Sam"}[who]
    outcome(stores[name], path, ChatChoices(me=me, keep_text=keep))


EDITS = st.lists(
    st.tuples(st.integers(0, 1 << 16), st.integers(0, 3), st.binary(min_size=1, max_size=6)),
    max_size=6,
)


def mutate(original: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, operation, chunk in edits:
        at = position % (len(original) + 1)
        if operation == 0:
            original = original[:at] + chunk + original[at:]
        elif operation == 1:
            original = original[:at] + original[at + len(chunk) + 1 :]
        elif operation == 2:
            original = original[:at] + chunk + original[at + len(chunk) :]
        else:
            original = original[:at]
    return original


def sample_export(fmt_name: str, folder: Path) -> Path:
    fmt = FORMATS[fmt_name]
    start = datetime(2024, 5, 1, 9, 0)
    rows = [
        Row(
            start + timedelta(minutes=41 * i, seconds=i),
            fmt.me if i % 2 else "Sam",
            ["how are you?", "fine, you?", "I'm in hospital", "coming over"][i % 4],
            MessageKind.CALL if fmt.calls and i == 3 else MessageKind.TEXT,
        )
        for i in range(8)
    ]
    return fmt.write(folder, rows, "Sam")


@pytest.mark.parametrize("name", sorted(FORMATS))
@FUZZ
@given(edits=EDITS)
def test_damaged_exports_store_or_say_why(
    stores: dict[str, Database],
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    edits: list[tuple[int, int, bytes]],
) -> None:
    folder = tmp_path_factory.mktemp("damaged")
    path = sample_export(name, folder)
    path.write_bytes(mutate(path.read_bytes(), edits))
    outcome(stores[f"damaged-{name}"], path, ChatChoices(me=FORMATS[name].me))


# Restoring ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def export_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo's export with a chat, its moments cut to a few: a bit of every kind of entry."""
    folder = tmp_path_factory.mktemp("export-source")
    database = open_database(f"sqlite:///{folder / 'source.db'}")
    data.load_demo(database, today=date(2026, 6, 1))
    import_chat_file(
        database, sample_export("whatsapp", folder), ChatChoices(me="Alex", person="Sam")
    )
    document = data.export_document(database)
    database.close()
    for person in document["people"]:
        person["moments"] = person["moments"][:2]
    for ritual in document["rituals"]:
        ritual["occurrences"] = ritual["occurrences"][:3]
    return document


def places_in(value: object, here: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield here
    if isinstance(value, dict):
        for key, child in value.items():
            yield from places_in(child, (*here, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from places_in(child, (*here, index))


def replaced(document: object, where: tuple[object, ...], value: object) -> object:
    if not where:
        return value
    head, *rest = where
    if isinstance(document, dict):
        return {**document, head: replaced(document[head], tuple(rest), value)}
    assert isinstance(document, list) and isinstance(head, int)
    return [*document[:head], replaced(document[head], tuple(rest), value), *document[head + 1 :]]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=10)
    | st.sampled_from(["2024-01-01", "me", "Sam", "Rosa", "weekly", "\ud83d", "friend", "them"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty store, its layout made once: each restore starts from a copy of it."""
    path = tmp_path_factory.mktemp("empty") / "empty.db"
    open_database(f"sqlite:///{path}").close()
    return path


def _restore(tmp_path_factory: pytest.TempPathFactory, empty: Path, text: str) -> None:
    folder = tmp_path_factory.mktemp("restore")
    path = folder / "export.json"
    path.write_text(text, "utf-8", "surrogatepass")
    shutil.copyfile(empty, folder / "store.db")
    database = open_database(f"sqlite:///{folder / 'store.db'}")
    try:
        restored = data.restore_file(database, path)
        assert all(count >= 0 for count in restored.counts.values())
    except ImportFormatError as error:
        assert error.path, error
    except ReciprocityError:
        pass
    finally:
        database.close()


@FUZZ
@given(choice=st.integers(0, 1 << 16), value=JSON_VALUES, twice=st.booleans())
def test_a_restore_with_any_value_anywhere_restores_or_says_where(
    export_document: dict[str, Any],
    empty_store: Path,
    tmp_path_factory: pytest.TempPathFactory,
    choice: int,
    value: object,
    twice: bool,
) -> None:
    places = list(places_in(export_document))
    changed = replaced(export_document, places[choice % len(places)], value)
    if twice and isinstance(changed, dict):  # the same entries twice: duplicates of every kind
        changed = {
            k: v + v if isinstance(v, list) and k != "people" else v for k, v in changed.items()
        }
    _restore(tmp_path_factory, empty_store, json.dumps(changed))


@FUZZ
@given(edits=EDITS)
def test_a_damaged_restore_file_restores_or_says_where(
    export_document: dict[str, Any],
    empty_store: Path,
    tmp_path_factory: pytest.TempPathFactory,
    edits: list[tuple[int, int, bytes]],
) -> None:
    text = json.dumps(export_document, indent=1)
    damaged = mutate(text.encode(), edits).decode("utf-8", "surrogateescape")
    _restore(tmp_path_factory, empty_store, damaged)
