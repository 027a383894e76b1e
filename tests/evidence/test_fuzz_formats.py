"""Any input gives a Chat (fully iterated without error) or an ImportFormatError: never another exception.

Three kinds of input per parser: arbitrary bytes (some behind a prefix that
gets them past the first checks), real exports with bytes flipped, cut,
inserted or deleted, and, for JSON formats, real exports with any value
anywhere replaced by arbitrary JSON. Detection gets arbitrary and mutated
bytes too. Bounded so that the suite stays fast.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity import evidence
from reciprocity.errors import ImportFormatError
from reciprocity.evidence import FORMATS, detect, discord, generic_csv, meta, signal, sms, telegram
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions
from tests.conftest import corpus_present

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_TESTS = (
    Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "chat-miner" / "test"
)

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEEDS: dict[str, tuple[ModuleType, list[Path]]] = {
    "telegram": (
        telegram,
        [
            FIXTURES / "telegram" / "account.json",
            CORPUS_TESTS / "telegram" / "test_single_export.json",
            CORPUS_TESTS / "telegram" / "test_batch_export.json",
        ],
    ),
    "meta": (
        meta,
        [
            FIXTURES / "messenger" / "mis_encoded.json",
            FIXTURES / "messenger" / "e2ee.json",
            FIXTURES / "instagram" / "inbox.json",
            CORPUS_TESTS / "instagram" / "testlog.json",
            CORPUS_TESTS / "facebookMessenger" / "testlog.json",
        ],
    ),
    "signal": (
        signal,
        [
            FIXTURES / "signal" / "chat.md",
            FIXTURES / "signal" / "data.json",
            CORPUS_TESTS / "signal" / "test_export.txt",
        ],
    ),
    "sms": (sms, [FIXTURES / "sms" / "messages.xml", FIXTURES / "sms" / "calls.xml"]),
    "discord": (discord, [FIXTURES / "discord" / "dm.json", FIXTURES / "discord" / "dm.csv"]),
    "csv": (generic_csv, [FIXTURES / "csv" / "messages.csv", FIXTURES / "csv" / "semicolon.csv"]),
}
SEEDS = {
    name: (module, [p for p in paths if p.is_relative_to(FIXTURES) or corpus_present()])
    for name, (module, paths) in SEEDS.items()
}
"""The corpus' files seed the fuzzing only where the corpus is (``test_the_corpus_seeds_too``)."""
JSON_SEEDS = [
    (module, path) for module, paths in SEEDS.values() for path in paths if path.suffix == ".json"
]
# Starts that carry arbitrary bytes past each format's first checks.
PREFIXES = [
    b"",
    b'{"messages": [',
    b'{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"type": "message", "date": "',
    b'{"chats": {"list": [',
    b'{"guild": {"name": "g"}, "channel": {}, "messages": [{"timestamp": "',
    b'{"participants": [], "messages": [{"sender_name": "\xc3',
    b'{"date": "2024-01-01T10:00:00", "sender": "Me", "body": "',
    b"[2024-03-10 08:15:02] Me: ",
    b'<?xml version=\'1.0\'?>\n<smses>\n<sms date="1704103200000" type="1" body="',
    b"<calls><call ",
    b'AuthorID,Author,Date,Content,Attachments,Reactions\n"1","a","',
    b"time,author,text,kind\n2024-01-01 10:00,",
    b"\xef\xbb\xbftime;author;text\r\n",
]
JSON_KEYS = st.sampled_from(
    [
        "messages",
        "type",
        "from",
        "from_id",
        "text",
        "date",
        "date_unixtime",
        "action",
        "actor",
        "chats",
        "list",
        "name",
        "id",
        "personal_information",
        "sender_name",
        "senderName",
        "timestamp_ms",
        "timestamp",
        "content",
        "photos",
        "is_unsent",
        "isUnsent",
        "share",
        "author",
        "nickname",
        "attachments",
        "sender",
        "body",
        "deleted",
        "call",
        "sticker",
    ]
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(
        ["2024-01-01T10:00:00", "1704103200", "service", "Call", "message", "12/31/2024 1:00 PM"]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(JSON_KEYS | st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)
OPTIONS = st.builds(
    ParseOptions,
    date_order=st.sampled_from([None, "DMY", "MDY", "YMD", "ydm"]),
    chat_name=st.one_of(
        st.none(), st.sampled_from(["Chatname", "Priya", "Alex Rivera"]), st.text(max_size=8)
    ),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _read_fully(chat: Chat) -> None:
    for message in chat.messages:
        assert isinstance(message, Message)
        assert message.sent.tzinfo is None
        assert isinstance(message.author, str) and message.author
        assert isinstance(message.text, str)
        assert isinstance(message.kind, MessageKind)
    assert all(count > 0 for count in chat.participants.values())


def _survives(module: ModuleType, path: Path, options: ParseOptions = ParseOptions()) -> None:
    with contextlib.suppress(ImportFormatError):
        _read_fully(module.parse(path, options, tz=UTC))


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, operation, chunk in edits:
        at = position % (len(data) + 1)
        if operation == 0:  # insert
            data = data[:at] + chunk + data[at:]
        elif operation == 1:  # delete a few bytes
            data = data[:at] + data[at + len(chunk) + 1 :]
        elif operation == 2:  # overwrite
            data = data[:at] + chunk + data[at + len(chunk) :]
        else:  # cut the file short
            data = data[:at]
    return data


EDITS = st.lists(
    st.tuples(st.integers(0, 1 << 20), st.integers(0, 3), st.binary(min_size=1, max_size=6)),
    max_size=6,
)


@pytest.mark.parametrize("name", sorted(SEEDS))
@FUZZ
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2048), options=OPTIONS)
def test_arbitrary_bytes(
    scratch: Path, name: str, prefix: bytes, data: bytes, options: ParseOptions
) -> None:
    module, _ = SEEDS[name]
    path = scratch / f"arbitrary-{name}"
    path.write_bytes(prefix + data)
    _survives(module, path, options)


@pytest.mark.parametrize("name", sorted(SEEDS))
@FUZZ
@given(seed=st.integers(0, 10), edits=EDITS, options=OPTIONS)
def test_mutated_exports(
    scratch: Path, name: str, seed: int, edits: list[tuple[int, int, bytes]], options: ParseOptions
) -> None:
    module, seeds = SEEDS[name]
    original = seeds[seed % len(seeds)]
    path = scratch / f"mutated-{name}{original.suffix}"
    path.write_bytes(_mutate(original.read_bytes(), edits))
    _survives(module, path, options)


def _paths(value: object, here: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield here
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*here, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*here, index))


def _replace(document: object, where: tuple[object, ...], value: object) -> object:
    if not where:
        return value
    head, *rest = where
    if isinstance(document, dict):
        return {**document, head: _replace(document[head], tuple(rest), value)}
    assert isinstance(document, list) and isinstance(head, int)
    return [*document[:head], _replace(document[head], tuple(rest), value), *document[head + 1 :]]


def _load(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except ValueError:  # JSON lines (signal-export's data.json)
        return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


@FUZZ
@given(seed=st.integers(0, 20), choice=st.integers(0, 1 << 16), value=JSON_VALUES, options=OPTIONS)
def test_any_json_value_anywhere(
    scratch: Path, seed: int, choice: int, value: object, options: ParseOptions
) -> None:
    module, original = JSON_SEEDS[seed % len(JSON_SEEDS)]
    document = _load(original)
    paths = list(_paths(document))
    changed = _replace(document, paths[choice % len(paths)], value)
    path = scratch / "structured.json"
    lines = original.read_text(encoding="utf-8").lstrip().startswith("{") and module is signal
    if lines and isinstance(changed, list):
        path.write_text("\n".join(json.dumps(item) for item in changed), encoding="utf-8")
    else:
        path.write_text(json.dumps(changed), encoding="utf-8")
    _survives(module, path, options)


ALL_SEEDS = sorted({path for _, paths in SEEDS.values() for path in paths})


@FUZZ
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2048))
def test_detect_arbitrary_bytes(scratch: Path, prefix: bytes, data: bytes) -> None:
    path = scratch / "detect-arbitrary"
    path.write_bytes(prefix + data)
    with contextlib.suppress(ImportFormatError):
        assert detect(path) in {*FORMATS, "reciprocity"}


@FUZZ
@given(seed=st.integers(0, 30), edits=EDITS)
def test_detect_and_parse_mutated_exports(
    scratch: Path, seed: int, edits: list[tuple[int, int, bytes]]
) -> None:
    original = ALL_SEEDS[seed % len(ALL_SEEDS)]
    path = scratch / f"pipeline{original.suffix}"
    path.write_bytes(_mutate(original.read_bytes(), edits))
    try:
        found = detect(path)
    except ImportFormatError:
        return
    assert found in {*FORMATS, "reciprocity"}
    if found in ("whatsapp", "reciprocity"):
        return  # WhatsApp has its own fuzz tests; a reciprocity file is the store's
    try:
        chat = evidence.parse(path, evidence.ParseOptions(chat_name="Alex Rivera"), tz=UTC)
        _read_fully(chat)
    except ImportFormatError:
        pass


def test_the_corpus_seeds_too(corpus: Path) -> None:
    """Visible where the corpus is missing (a skip, or a failure in CI): its files seed the above."""
    corpus_seeds = [
        p for _, paths in SEEDS.values() for p in paths if not p.is_relative_to(FIXTURES)
    ]
    assert corpus_seeds and all(p.is_file() for p in corpus_seeds)
    assert all(p.is_relative_to(corpus) for p in corpus_seeds)
