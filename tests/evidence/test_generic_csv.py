"""The documented generic CSV (docs/import-csv.md)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import generic_csv
from reciprocity.evidence.message import MessageKind

FIXTURES = Path(__file__).parent / "fixtures" / "csv"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "import-csv.md"


def test_rows_and_bad_rows() -> None:
    chat = generic_csv.parse(FIXTURES / "messages.csv", tz=UTC)
    messages = list(chat.messages)
    assert [(m.sent, m.author, m.kind, m.line) for m in messages] == [
        (datetime(2024, 3, 1, 9, 30), "Sam", MessageKind.TEXT, 2),
        (datetime(2024, 3, 1, 9, 42, 10), "Me", MessageKind.TEXT, 3),
        (datetime(2024, 3, 1, 9, 5), "Sam", MessageKind.MEDIA, 4),  # +01:00 shown in UTC
        (datetime(2024, 3, 1, 11, 30), "Me", MessageKind.TEXT, 8),
        (datetime(2024, 3, 1, 12, 30), "Sam", MessageKind.CALL, 11),
    ]
    assert messages[3].text == "A message\nover two lines"
    # Every row that could not be read is listed with its line; none is lost.
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (5, "time 'yesterday' is not an ISO 8601 time such as 2024-03-01 09:30"),
        (6, "row without an author"),
        (10, "kind 'voice' is not one of text, media, deleted, call"),
    ]
    assert chat.participants == {"Sam": 3, "Me": 2}


def test_semicolons_and_header_case() -> None:
    chat = generic_csv.parse(FIXTURES / "semicolon.csv", tz=UTC)
    assert [(m.author, m.text) for m in chat.messages] == [
        ("Ana", "Hola; ¿qué tal?"),
        ("Ben", "Bien"),
    ]


def test_tabs_extra_columns_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "export.tsv"
    path.write_text(
        "id\ttext\tauthor\ttime\n1\thi\tAna\t2024-01-01 10:00\n2\tshort\n", encoding="utf-8"
    )
    chat = generic_csv.parse(path)
    assert [(m.author, m.text) for m in chat.messages] == [("Ana", "hi")]
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (3, "row has 2 fields; time, author and text need 4")
    ]


def test_header_is_required() -> None:
    with pytest.raises(ImportFormatError) as caught:
        generic_csv.parse(FIXTURES / "semicolon_bad_header.csv")
    assert caught.value.line == 1
    assert "time, author and text" in caught.value.reason


def test_broken_quoting_says_where(tmp_path: Path) -> None:
    path = tmp_path / "messages.csv"
    path.write_text(
        'time,author,text\n2024-01-01 10:00,Ana,ok\n2024-01-01 10:01,Ana,"a"b\r"c\n',
        encoding="utf-8",
    )
    chat = generic_csv.parse(path)
    with pytest.raises(ImportFormatError) as caught:
        list(chat.messages)
    assert caught.value.line == 3


def test_the_documentation_examples_parse(tmp_path: Path) -> None:
    """Keep docs/import-csv.md honest: every CSV example in it reads without a skipped row."""
    examples = re.findall(r"```csv\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(examples) == 2
    for number, example in enumerate(examples):
        path = tmp_path / f"example{number}.csv"
        path.write_text(example, encoding="utf-8")
        chat = generic_csv.parse(path)
        assert list(chat.messages)
        assert chat.skipped == []


def test_sniff() -> None:
    assert generic_csv.sniff(b"time,author,text\n")
    assert generic_csv.sniff(b"\xef\xbb\xbfTime;Author;Text;Kind\r\n")
    assert generic_csv.sniff(b"author\ttext\ttime\n")
    assert not generic_csv.sniff(b"time,author,message\n")
    assert not generic_csv.sniff(b"AuthorID,Author,Date,Content,Attachments,Reactions\n")
