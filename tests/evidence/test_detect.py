"""Format detection, and parse() dispatching to the detected format."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reciprocity import evidence
from reciprocity.errors import ImportFormatError
from reciprocity.evidence import detect

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("telegram/account.json", "telegram"),
        ("messenger/mis_encoded.json", "messenger"),
        ("messenger/e2ee.json", "messenger"),
        ("instagram/inbox.json", "instagram"),
        ("signal/chat.md", "signal"),
        ("signal/data.json", "signal"),
        ("sms/messages.xml", "sms"),
        ("sms/calls.xml", "sms"),
        ("sms/billion_laughs.xml", "sms"),  # detected as SMS; refused when parsed
        ("discord/dm.json", "discord"),
        ("discord/dm.csv", "discord"),
        ("csv/messages.csv", "csv"),
        ("csv/semicolon.csv", "csv"),
    ],
)
def test_fixtures(fixture: str, expected: str) -> None:
    assert detect(FIXTURES / fixture) == expected


@pytest.mark.parametrize(
    ("export", "expected"),
    [
        ("telegram/test_single_export.json", "telegram"),
        ("telegram/test_batch_export.json", "telegram"),
        ("facebookMessenger/testlog.json", "messenger"),
        ("instagram/testlog.json", "instagram"),
        ("instagram/test_export.json", "instagram"),
        ("signal/test_export.txt", "signal"),
    ],
)
def test_corpus_exports(corpus: Path, export: str, expected: str) -> None:
    assert detect(corpus / "chat-miner" / "test" / export) == expected


@pytest.mark.parametrize(
    "target",
    [
        "telegram/target.json",
        "instagram/target.json",
        "telegram/test_target.csv",
        "signal/test_target.csv",
    ],
)
def test_chat_miner_results_are_not_exports(corpus: Path, target: str) -> None:
    with pytest.raises(ImportFormatError, match="not a chat export this version understands"):
        detect(corpus / "chat-miner" / "test" / target)


def test_zip_and_text_go_to_whatsapp(corpus: Path, tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat with Sam.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(corpus / "pitfalls" / "case_crlf.txt", "_chat.txt")
    assert detect(archive) == "whatsapp"
    assert detect(corpus / "chat-miner" / "test" / "whatsapp" / "testlog.txt") == "whatsapp"


def test_reciprocity_export(tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    path.write_text(
        '{\n  "format": "reciprocity",\n  "version": 1,\n  "people": []\n}', encoding="utf-8"
    )
    assert detect(path) == "reciprocity"
    with pytest.raises(ImportFormatError, match="reciprocity export"):
        evidence.parse(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match="is empty"):
        detect(path)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: three gigabytes of nothing, no disk used
    with pytest.raises(ImportFormatError, match=r"more than the 2\.0 GiB limit"):
        detect(path)
    small = FIXTURES / "csv" / "messages.csv"
    with pytest.raises(ImportFormatError, match="more than the 100 bytes limit"):
        detect(small, max_bytes=100)


def test_unknown_content_lists_what_is_understood(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary,\ntoday nothing happened.\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        detect(path)
    message = str(caught.value)
    for name in (
        "WhatsApp",
        "Telegram",
        "Messenger",
        "Instagram",
        "Signal",
        "SMS",
        "Discord",
        "CSV",
    ):
        assert name in message
    assert str(path) in message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="cannot be read"):
        detect(tmp_path / "nowhere.json")
    with pytest.raises(ImportFormatError, match="is a folder"):
        detect(tmp_path)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("telegram/account.json", "telegram"),
        ("instagram/inbox.json", "instagram"),
        ("signal/chat.md", "signal"),
        ("sms/calls.xml", "sms"),
        ("discord/dm.csv", "discord"),
        ("csv/messages.csv", "csv"),
    ],
)
def test_parse_dispatches(fixture: str, expected: str) -> None:
    # The account export holds two chats, so it needs a name; the others take none.
    name = "Book club" if expected == "telegram" else None
    chat = evidence.parse(FIXTURES / fixture, evidence.ParseOptions(chat_name=name))
    assert chat.format == expected
    assert list(chat.messages)


def test_importing_the_package_loads_no_format_module() -> None:
    """The CLI imports reciprocity.evidence; the parsers load only when a file needs them."""
    code = (
        "import sys, reciprocity.evidence as e\n"
        "modules = set(e.FORMATS.values()) | {'csv', 'defusedxml', 'xml.sax'}\n"
        "print(sorted(m for m in modules if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
