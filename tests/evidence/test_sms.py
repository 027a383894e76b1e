"""SMS Backup & Restore XML: messages, MMS, calls, and files that must be refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import sms
from reciprocity.evidence.message import MessageKind, ParseOptions

FIXTURES = Path(__file__).parent / "fixtures" / "sms"


def test_messages_of_both_directions_and_mms() -> None:
    chat = sms.parse(FIXTURES / "messages.xml", tz=UTC)
    messages = list(chat.messages)
    assert [(m.sent, m.author, m.kind, m.line) for m in messages] == [
        (datetime(2024, 1, 1, 10, 0), "Priya", MessageKind.TEXT, 5),  # type 1: received
        (datetime(2024, 1, 1, 11, 0), "Me", MessageKind.TEXT, 6),  # type 2: sent
        (datetime(2024, 1, 1, 12, 0), "+447700900999", MessageKind.TEXT, 7),  # no contact name
        (datetime(2024, 1, 1, 14, 0), "Me", MessageKind.MEDIA, 10),  # sent MMS with a picture
        (datetime(2024, 1, 1, 15, 0), "+447700900456", MessageKind.TEXT, 21),  # group MMS sender
    ]
    # Emoji written as two surrogate references are joined; &#10; is a line break.
    assert messages[0].text == "Are you free on Saturday? 😊"
    assert messages[1].text == "Yes! Lunch at 1?\nMy treat."
    assert messages[3].text == "The view from here"
    assert chat.me == "Me"
    assert [(s.line, s.reason) for s in chat.skipped] == [(9, "<sms> without a usable date")]
    assert chat.notes[0] == "1 drafts or unsent messages are not counted"
    assert "3 conversations" in chat.notes[1]
    assert chat.participants == {"Priya": 1, "Me": 2, "+447700900999": 1, "+447700900456": 1}


@pytest.mark.parametrize("name", ["Priya", "priya", "+44 7700 900123", "07700900123"])
def test_one_conversation_by_contact(name: str) -> None:
    chat = sms.parse(FIXTURES / "messages.xml", ParseOptions(chat_name=name), tz=UTC)
    assert [m.author for m in chat.messages] == ["Priya", "Me", "Me"]
    assert chat.title == "Priya"
    assert chat.notes == ["1 drafts or unsent messages are not counted"]


def test_call_log() -> None:
    chat = sms.parse(FIXTURES / "calls.xml", tz=UTC)
    assert [(m.author, m.kind) for m in chat.messages] == [
        ("Me", MessageKind.CALL),  # outgoing
        ("Priya", MessageKind.CALL),  # missed: she called
        ("Priya", MessageKind.CALL),  # incoming
    ]


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_entity_tricks_are_refused(name: str) -> None:
    chat = sms.parse(FIXTURES / name)
    with pytest.raises(ImportFormatError, match="refused"):
        list(chat.messages)


def test_malformed_xml_says_which_line(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<smses>\n<sms date="1" type="1" body="a" address="1" />\n<sms date=\n',
        encoding="utf-8",
    )
    chat = sms.parse(path)
    with pytest.raises(ImportFormatError) as caught:
        list(chat.messages)
    assert caught.value.line == 4  # where the unclosed <sms starts
    assert "not well-formed XML" in caught.value.reason


def test_other_xml_is_not_sms(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?>\n<rss><channel/></rss>\n', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not an SMS Backup & Restore file"):
        list(sms.parse(path).messages)


def test_references_are_made_valid() -> None:
    fix = sms._valid_references
    assert fix(b"a&#55357;&#56842;b") == b"a&#128522;b"
    assert fix(b"&#xD83D;&#xDE0A;") == b"&#128522;"
    assert fix(b"lone &#55357; high") == b"lone &#65533; high"
    assert fix(b"lone &#56842; low") == b"lone &#65533; low"
    assert fix(b"nul &#0; and bell &#7;") == b"nul &#65533; and bell &#65533;"
    assert fix(b"&#233;&#10;&amp;") == b"&#233;&#10;&amp;"


def test_sniff() -> None:
    assert sms.sniff((FIXTURES / "messages.xml").read_bytes())
    assert sms.sniff((FIXTURES / "calls.xml").read_bytes())
    assert not sms.sniff(b'<?xml version="1.0"?><rss/>')
    assert not sms.sniff(b"smses")


def test_a_contact_with_no_messages_is_noted() -> None:
    chat = sms.parse(FIXTURES / "messages.xml", ParseOptions(chat_name="Nobody"), tz=UTC)
    assert list(chat.messages) == []
    assert chat.notes[-1] == 'no messages with "Nobody" were found in this backup'


def test_pictures_are_emptied_on_the_way_wherever_the_chunks_end(tmp_path: Path) -> None:
    picture = "QUJD" * 400_000  # 1.6 MB of base64, on one line, as the app writes it
    path = tmp_path / "mms.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n<smses>\n"
        '<mms date="1704103200000" msg_box="1" address="+15550001" contact_name="Priya">'
        '<parts><part ct="image/jpeg" data="' + picture + '" />'
        '<part ct="text/plain" text="look" data="" /></parts></mms>\n'
        '<sms address="+15550001" date="1704103260000" type="2" body="data=&quot;x&quot; lovely" />\n'
        "</smses>\n",
        encoding="utf-8",
    )
    chat = sms.parse(path, tz=UTC)
    assert [(m.author, m.text, m.kind) for m in chat.messages] == [
        ("Priya", "look", MessageKind.MEDIA),
        ("Me", 'data="x" lovely', MessageKind.TEXT),
    ]


def test_a_line_too_long_even_without_pictures_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.xml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('<smses><sms address="1" date="1704103200000" type="1" body="')
        for _ in range(66):
            handle.write("x" * 1024**2)
        handle.write('" /></smses>\n')
    with pytest.raises(ImportFormatError, match="a line of more than 64 MiB"):
        list(sms.parse(path, tz=UTC).messages)
