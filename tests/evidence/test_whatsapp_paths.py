"""The WhatsApp parser's quick path (whole runs at once) agrees with its careful one.

Most runs of same-date lines are read by ``_Reader._quick``; anything unusual
goes to ``_Reader._careful``, which reads line by line and builds messages
with ``Message(...)``. Forcing every run through the careful path must give
the same chat, message for message, on every file we have.
"""

from __future__ import annotations

import importlib.util
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

from reciprocity.evidence import whatsapp
from reciprocity.evidence.message import Chat, Message, MessageColumns, MessageKind
from reciprocity.evidence.outline import Outline, Outliner

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_whatsapp.py"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_whatsapp", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path: Path) -> tuple[Chat, list[Message]]:
    chat = whatsapp.parse(path)
    return chat, list(chat.messages)


def exports(corpus: Path) -> list[Path]:
    return sorted(
        [
            *FIXTURES.iterdir(),
            *(corpus / "pitfalls").glob("*.txt"),
            *(corpus / "chat-miner" / "test" / "whatsapp").glob("*.txt"),
        ]
    )


def test_careful_path_agrees_with_quick_path(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated = generator().generate(tmp_path / "generated.txt", 3000, 7)
    paths = [*exports(corpus), generated]
    quick = {path: read(path) for path in paths}
    monkeypatch.setattr(whatsapp._Reader, "_quick", lambda *arguments: None)
    for path in paths:
        chat, messages = read(path)
        quick_chat, quick_messages = quick[path]
        assert messages == quick_messages, path.name
        assert chat.participants == quick_chat.participants, path.name
        assert chat.skipped == quick_chat.skipped, path.name


def test_generated_export_reads_back(tmp_path: Path) -> None:
    path = generator().generate(tmp_path / "generated.txt", 5000, 3)
    chat, messages = read(path)
    assert len(messages) == 5000
    assert (chat.date_order, chat.date_order_inferred, chat.skipped) == ("DMY", True, [])
    assert sum(chat.participants.values()) == 5000
    assert all(a.sent <= b.sent for a, b in pairwise(messages))
    kinds = {message.kind for message in messages}
    assert kinds == {MessageKind.TEXT, MessageKind.MEDIA, MessageKind.DELETED}
    assert any("\n" in message.text for message in messages)


def test_the_columns_the_import_reads_are_the_messages(corpus: Path, tmp_path: Path) -> None:
    """What ``import`` outlines from the parser's columns (with their UTF-8 bodies)
    is what it would outline from the same messages one object at a time."""
    generated = generator().generate(tmp_path / "generated.txt", 3000, 7)
    for path in [*exports(corpus), generated]:
        from_columns, outliner = Outline(), Outliner(keep_text=True)
        batches = list(whatsapp.parse(path).batches(50_000))
        for batch in batches:
            assert batch.utf8 is None or batch.utf8 == [t.encode() for t in batch.texts]
            from_columns.extend(outliner.outline(batch))
        messages = list(whatsapp.parse(path).messages)
        assert [m for batch in batches for m in batch.messages()] == messages, path.name
        from_messages = Outliner(keep_text=True).outline(MessageColumns.of(messages))
        assert from_columns == from_messages, path.name
