"""WhatsApp exports: the shared corpus, the pitfalls, our own fixtures, broken files.

Conformance with chat-miner's targets: every timestamp and author in a target
is reproduced. The targets list system lines under the author "System" (for
us they are not messages) and chat-miner drops a message whose body is only
"." after the colon (``John Doe:.``), which we keep; both are checked as such.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from reciprocity.errors import ImportFormatError, InputError
from reciprocity.evidence import whatsapp
from reciprocity.evidence.message import Chat, Message, MessageKind, ParseOptions

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
TEXT, MEDIA, DELETED, CALL = (
    MessageKind.TEXT,
    MessageKind.MEDIA,
    MessageKind.DELETED,
    MessageKind.CALL,
)


def read(path: Path, **options: str) -> tuple[Chat, list[Message]]:
    chat = whatsapp.parse(path, ParseOptions(**options))
    return chat, list(chat.messages)


def stamps(messages: list[Message]) -> list[tuple[str, str]]:
    return [(message.sent.isoformat(sep=" "), message.author) for message in messages]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# chat-miner's test exports --------------------------------------------------

JSON_TARGET = [
    "test_ddmmyy_24hrs.txt",
    "test_mmddyy_24hrs.txt",
    "test_mmddyyyy_12hrs.txt",
    "test_yyyymmdd_24hrs.txt",
    "test_[mmddyy]_24hrs.txt",
]
CSV_TARGET = [f"test_dateformat{number}" for number in range(1, 7)] + ["test_unicode"]


@pytest.mark.parametrize("name", JSON_TARGET)
def test_chat_miner_json_target(corpus: Path, name: str) -> None:
    folder = corpus / "chat-miner" / "test" / "whatsapp"
    target = json.loads((folder / "target.json").read_text(encoding="utf-8"))
    expected = Counter((row["timestamp"].replace("T", " "), row["author"]) for row in target)
    chat, messages = read(folder / name)
    found = Counter(stamps(messages))
    assert expected - found == Counter()
    # chat-miner drops "John Doe:."; a message with the body "." is still a message.
    assert found - expected == Counter({("2019-01-20 11:23:00", "John Doe"): 1})
    assert [m.text for m in messages if m.sent == at("2019-01-20 11:23")] == ["."]
    assert chat.skipped == []


@pytest.mark.parametrize("name", CSV_TARGET)
def test_chat_miner_csv_target(corpus: Path, name: str) -> None:
    folder = corpus / "chat-miner" / "test" / "whatsapp"
    with (folder / f"{name}_target.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = Counter(
        (row["timestamp"], row["author"]) for row in rows if row["author"] != "System"
    )
    chat, messages = read(folder / f"{name}.txt")
    assert Counter(stamps(messages)) == expected
    assert chat.skipped == []


def test_identical_first_lines_opposite_orders(corpus: Path) -> None:
    folder = corpus / "chat-miner" / "test" / "whatsapp"
    day_first, day_first_messages = read(folder / "test_ddmmyy_24hrs.txt")
    month_first, month_first_messages = read(folder / "test_mmddyy_24hrs.txt")
    assert (folder / "test_ddmmyy_24hrs.txt").read_text().split("\n")[0] == (
        (folder / "test_mmddyy_24hrs.txt").read_text().split("\n")[0]
    )
    assert (day_first.date_order, month_first.date_order) == ("DMY", "MDY")
    assert stamps(day_first_messages) == stamps(month_first_messages)


def test_chat_miner_testlog_mixes_every_shape(corpus: Path) -> None:
    """No target exists for testlog.txt; these are read off the file by hand."""
    chat, messages = read(corpus / "chat-miner" / "test" / "whatsapp" / "testlog.txt")
    assert chat.date_order == "MDY" and not chat.date_order_inferred
    assert [(m.line, *stamp) for m, stamp in zip(messages, stamps(messages), strict=True)] == [
        (1, "2019-12-24 11:23:00", "John Doe"),
        (2, "2019-12-24 11:23:00", "John Doe"),
        (3, "2020-01-17 20:49:00", "Jahn Doe"),
        (5, "2020-01-18 14:53:00", "Jahn Doe"),
        (14, "2017-07-16 19:13:00", "+12 345 578"),
        (15, "2019-09-24 23:30:00", "John Doe"),
        (16, "2019-09-24 11:30:00", "John Doe"),
        (17, "2019-12-24 23:30:00", "John Doe"),
        (18, "2022-09-10 22:37:00", "John Doe"),
        (19, "2022-09-10 22:37:00", "John Doe"),
        (20, "2022-09-10 22:37:00", "John Doe"),
        (21, "2021-10-24 15:21:43", "John-John Doe"),
        (22, "2021-10-24 15:21:43", "John-John Doe"),
        (23, "2021-10-24 15:21:43", "John-John Doe"),
        (24, "2022-09-10 22:37:00", "John Doe"),
        (25, "2022-09-10 22:37:00", "John Doe 🤓"),
        (26, "2022-09-10 22:37:00", "🤓"),
        (27, "2022-12-24 13:01:00", "John Doe"),
        (28, "2022-12-24 13:01:00", "John Doe 🤓"),
        (29, "2022-12-24 13:01:00", "🤓"),
    ]
    assert messages[4].text == "Lorem ipsum."
    assert messages[13].text == "Testing dash - in message body"
    assert chat.skipped == []


# The pitfalls -----------------------------------------------------------------


def pitfall(corpus: Path, name: str) -> tuple[Chat, list[Message]]:
    chat, messages = read(corpus / "pitfalls" / f"{name}.txt")
    assert chat.format == "whatsapp"
    assert chat.skipped == []
    return chat, messages


def test_pitfall_ampm_12am(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_ampm_12am")
    assert [m.sent for m in messages] == [
        at("2020-02-13 00:30"),
        at("2020-02-13 12:31"),
        at("2020-02-14 13:02"),
    ]


def test_pitfall_author_with_dash(corpus: Path) -> None:
    chat, messages = pitfall(corpus, "case_author_with_dash")
    assert len(messages) == 5
    assert messages[2].author == "Sandrine - French"
    assert messages[2].text == "name with dash"
    assert chat.participants == {"Alice": 2, "Bob": 2, "Sandrine - French": 1}


def test_pitfall_blank_line_in_message(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_blank_line_in_msg")
    assert len(messages) == 5
    assert messages[1].author == "Bob"
    assert messages[1].text == "hello there\npara two\n\n para three"
    assert [m.line for m in messages] == [1, 2, 6, 7, 8]


def test_pitfall_bom(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_bom")
    assert len(messages) == 5
    assert (messages[0].author, messages[0].text, messages[0].sent) == (
        "Alice",
        "hi",
        at("2020-02-13 10:00"),
    )


def test_pitfall_colon_dot_body(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_colon_dot_body")
    assert len(messages) == 6
    assert (messages[2].author, messages[2].text) == ("Alice", ".")


def test_pitfall_continuation_starting_with_a_date(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_cont_starts_with_datetime")
    assert len(messages) == 5
    assert messages[1].text == "hello there\n31/12/2019, 23:59 was a great night"
    assert min(m.sent for m in messages) == at("2020-02-13 10:00")


def test_pitfall_crlf(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_crlf")
    assert len(messages) == 5
    assert not any("\r" in m.text or "\r" in m.author for m in messages)


def test_pitfall_empty_body(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_empty_body")
    assert len(messages) == 6
    assert (messages[2].author, messages[2].text, messages[2].kind) == ("Alice", "", TEXT)


def test_pitfall_finnish_klo(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_finnish_klo")
    assert len(messages) == 3
    assert messages[0].sent == at("2020-02-13 10:00")


def test_pitfall_german_dots(corpus: Path) -> None:
    chat, messages = pitfall(corpus, "case_german_dots")
    assert len(messages) == 3
    assert messages[0].sent == at("2020-02-13 10:00")
    assert chat.date_order == "DMY"


def test_pitfall_header_inside_a_line(corpus: Path) -> None:
    """The corpus README says 4 messages, but the file has five real header
    lines; what matters is that the header in the middle of line 3 does not
    become a sixth message from Bob."""
    _, messages = pitfall(corpus, "case_inline_header_midline")
    assert [m.author for m in messages] == ["Alice", "Bob", "Alice", "Bob", "Alice"]
    assert messages[2].text == "meet at 14/02/2020, 10:00 - Bob: fake"
    assert not any(m.text == "fake" for m in messages)


def test_pitfall_ios_left_to_right_marks(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_ios_lrm_prefix_line")
    assert len(messages) == 3
    assert (messages[1].author, messages[1].kind) == ("Bob", MEDIA)
    assert not any("\u200e" in m.author for m in messages)


def test_pitfall_spanish_pm_with_no_break_spaces(corpus: Path) -> None:
    _, messages = pitfall(corpus, "case_nbsp_spanish_pm")
    assert [m.sent for m in messages] == [
        at("2020-02-13 23:30"),
        at("2020-02-13 23:31"),
        at("2020-02-14 01:02"),
    ]


def test_pitfall_truly_ambiguous_dates(corpus: Path) -> None:
    chat, messages = pitfall(corpus, "case_no_day_gt_12_us")
    assert [m.sent.date().isoformat() for m in messages] == [
        "2020-01-02",
        "2020-01-03",
        "2020-01-04",
    ]
    assert chat.date_order == "MDY"
    assert chat.date_order_inferred
    assert len(chat.notes) == 1
    assert "month/day/year" in chat.notes[0] and "say which order" in chat.notes[0]


def test_pitfall_system_line_without_colon(corpus: Path) -> None:
    chat, messages = pitfall(corpus, "case_system_no_colon")
    assert len(messages) == 5
    assert not any("encrypted" in m.text for m in messages)
    assert set(chat.participants) == {"Alice", "Bob"}


def test_pitfall_system_line_with_colon(corpus: Path) -> None:
    chat, messages = pitfall(corpus, "case_system_with_colon")
    assert len(messages) == 5
    assert chat.participants == {"Alice": 3, "Bob": 2}


# Our own fixtures ---------------------------------------------------------------


def test_ios_brackets_with_seconds() -> None:
    chat, messages = read(FIXTURES / "ios_seconds.txt")
    assert (chat.date_order, chat.date_order_inferred) == ("DMY", False)
    assert [(m.line, m.sent, m.author, m.kind) for m in messages] == [
        (4, at("2021-01-03 09:16:05"), "Alice", TEXT),
        (5, at("2021-01-03 09:17:11"), "Bob", MEDIA),
        (6, at("2021-01-03 09:17:30"), "Bob", MEDIA),
        (7, at("2021-01-03 21:48:59"), "Alice", TEXT),
        (11, at("2021-01-04 07:02:13"), "Bob", DELETED),
        (12, at("2021-01-04 07:05:00"), "Alice", CALL),
        (13, at("2021-01-04 08:30:45"), "Chris", TEXT),
        (14, at("2021-01-25 18:00:00"), "Bob", TEXT),
    ]
    assert messages[3].text == "Long day.\nTalk tomorrow?\n\nNight x"
    assert messages[6].text == "Hi: anyone up? 🙂"
    assert messages[7].text == "See you at 19:00 - don't be late"
    # The group's own lines (encryption notice, created, added) are no one's messages.
    assert chat.participants == {"Alice": 3, "Bob": 4, "Chris": 1}
    assert chat.skipped == []


def test_zip_export() -> None:
    chat, messages = read(FIXTURES / "WhatsApp Chat - Family.zip")
    _, from_text = read(FIXTURES / "ios_seconds.txt")
    assert messages == from_text
    assert chat.title == "Family"
    assert whatsapp.sniff((FIXTURES / "WhatsApp Chat - Family.zip").read_bytes()[:65536])


def test_zip_named_after_the_chat(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.write(FIXTURES / "ymd_dashes.txt", "WhatsApp Chat with Anna.txt")
        bundle.writestr("IMG-20220101-WA0001.jpg", b"\xff\xd8")
    chat, messages = read(archive)
    assert chat.title == "Anna"
    assert len(messages) == 4


def test_four_digit_year_first_with_dashes() -> None:
    chat, messages = read(FIXTURES / "ymd_dashes.txt")
    assert (chat.date_order, chat.date_order_inferred, chat.notes) == ("YMD", False, [])
    assert [m.sent for m in messages] == [
        at("2021-12-30 22:15"),
        at("2021-12-31 23:59"),
        at("2022-01-01 00:00"),
        at("2022-01-01 00:01"),
    ]
    assert [m.author for m in messages] == ["Anna", "Björn", "Anna", "Björn"]


def test_uppercase_am_pm() -> None:
    chat, messages = read(FIXTURES / "android_ampm_upper.txt")
    assert (chat.date_order, chat.date_order_inferred) == ("MDY", False)
    assert [(m.sent, m.author, m.kind) for m in messages] == [
        (at("2020-02-13 23:59"), "Dana", TEXT),
        (at("2020-02-14 00:01"), "Eli", TEXT),
        (at("2020-02-14 12:30"), "Dana", TEXT),
        (at("2020-02-14 13:05"), "Eli", MEDIA),  # with a narrow no-break space before PM
        (at("2020-02-14 13:06"), "Eli", DELETED),
        (at("2020-02-15 09:00"), "Dana", TEXT),
    ]


def test_crlf_and_bom_together() -> None:
    chat, messages = read(FIXTURES / "crlf_bom.txt")
    assert [(m.line, m.sent, m.author, m.text) for m in messages] == [
        (1, at("2019-03-01 08:00"), "Fatima", "Good morning"),
        (2, at("2019-03-01 08:01"), "Gus", "Morning!\nHow did it go?\n\nTell me everything"),
        (6, at("2019-03-15 19:45"), "Fatima", "Later :)"),
    ]
    assert chat.skipped == []


# Options, broken lines, files that are not exports ----------------------------


def write(tmp_path: Path, text: str, name: str = "chat.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_date_order_option_overrides_inference(corpus: Path) -> None:
    path = corpus / "pitfalls" / "case_no_day_gt_12_us.txt"
    chat, messages = read(path, date_order="dmy")
    assert (chat.date_order, chat.date_order_inferred, chat.notes) == ("DMY", False, [])
    assert [m.sent.date().isoformat() for m in messages] == [
        "2020-02-01",
        "2020-03-01",
        "2020-04-01",
    ]


def test_unknown_date_order_is_an_input_error(corpus: Path) -> None:
    with pytest.raises(InputError, match="'DDM' is not one of DMY, MDY, YMD, YDM, DYM, MYD"):
        whatsapp.parse(corpus / "pitfalls" / "case_bom.txt", ParseOptions(date_order="DDM"))


def test_a_date_order_that_fits_no_line_is_refused_not_half_imported(corpus: Path) -> None:
    with pytest.raises(ImportFormatError) as raised:
        whatsapp.parse(corpus / "pitfalls" / "case_bom.txt", ParseOptions(date_order="DYM"))
    assert raised.value.reason.startswith(
        "has dates that fit no one order: read as day/year/month, as asked, "
        "only 0 of 5 message lines have a date that exists (line 1 reads '13/02/2020')."
    )


def test_impossible_time_is_skipped_with_its_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "13/02/2020, 10:00 - Alice: hi\n"
        "13/02/2020, 25:61 - Bob: broken\n"
        "and its second line\n"
        "13/02/2020, 10:02 - Bob: fine\n",
    )
    chat, messages = read(path)
    assert [(m.line, m.author, m.text) for m in messages] == [
        (1, "Alice", "hi"),
        (4, "Bob", "fine"),
    ]
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (2, "the time '25:61' does not exist; the message was left out")
    ]


def test_date_that_does_not_exist_in_the_order_is_skipped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "13/02/2020, 10:00 - Alice: hi\n31/02/2020, 10:01 - Bob: no such day\n14/02/2020, 10:02 - Bob: ok\n",
    )
    chat, messages = read(path)
    assert [m.text for m in messages] == ["hi", "ok"]
    assert [(s.line, s.reason) for s in chat.skipped] == [
        (
            2,
            "the date '31/02/2020' does not exist in day/month/year order; the message was left out",
        )
    ]


def test_text_before_the_first_message_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "\nsomething odd\n13/02/2020, 10:00 - Alice: hi\n")
    chat, messages = read(path)
    assert [(m.line, m.text) for m in messages] == [(3, "hi")]
    assert [s.line for s in chat.skipped] == [2]


def test_same_prefix_line_that_is_no_header_continues_the_message(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "13/02/2020, 10:00 - Alice: plans\n13/02/2020, what a day\n13/02/2020, 10:05 - Bob: yes\n",
    )
    chat, messages = read(path)
    assert [(m.line, m.author, m.text) for m in messages] == [
        (1, "Alice", "plans\n13/02/2020, what a day"),
        (3, "Bob", "yes"),
    ]
    assert chat.skipped == []


def test_system_lines_in_a_group(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '13/02/2020, 10:00 - Alice created group "Trip: June"\n'
        "13/02/2020, 10:00 - Alice added Bob\n"
        "13/02/2020, 10:01 - You were added\n"
        '13/02/2020, 10:02 - Bob changed the group name to "Trip: July"\n'
        "13/02/2020, 10:03 - Bob: hi all\n"
        "13/02/2020, 10:04 - Bob left\n"
        "14/02/2020, 10:05 - Alice: IMG-20200214-WA0001.jpg (file attached)\n"
        "the view\n"
        "14/02/2020, 10:06 - Bob: I sent the form (file attached) yesterday\n",
    )
    chat, messages = read(path)
    assert [(m.author, m.kind, m.text) for m in messages] == [
        ("Bob", TEXT, "hi all"),
        ("Alice", MEDIA, "IMG-20200214-WA0001.jpg (file attached)\nthe view"),
        ("Bob", TEXT, "I sent the form (file attached) yesterday"),
    ]
    assert chat.skipped == []


def test_marks_before_the_first_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "\ufeff\u200e\u200f13/02/2020, 10:00 - Alice: hi\n\u200e13/02/2020, 10:01 - Bob: yo\n",
    )
    chat, messages = read(path)
    assert [(m.line, m.author, m.text) for m in messages] == [(1, "Alice", "hi"), (2, "Bob", "yo")]
    assert chat.skipped == []


def test_phone_number_authors_lose_their_direction_marks(tmp_path: Path) -> None:
    path = write(tmp_path, "13/02/2020, 10:00 - \u202a+44 7700 900123\u202c: hello\n")
    _, messages = read(path)
    assert messages[0].author == "+44 7700 900123"


def test_not_a_whatsapp_export(tmp_path: Path) -> None:
    path = write(tmp_path, "Dear diary,\ntoday was 13/02/2020, 10:00 and nothing happened.\n")
    with pytest.raises(ImportFormatError, match="is not a WhatsApp chat export") as raised:
        whatsapp.parse(path)
    assert raised.value.path == str(path)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"13/02/2020, 10:00 - Alice: hi\n13/02/2020, 10:01 - Bob: caf\xe9\n")
    with pytest.raises(ImportFormatError, match="not UTF-8") as raised:
        whatsapp.parse(path)
    assert (raised.value.path, raised.value.line) == (str(path), 2)


def test_zip_without_a_chat(tmp_path: Path) -> None:
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("IMG-1.jpg", b"\xff\xd8")
    with pytest.raises(ImportFormatError, match="without a WhatsApp chat"):
        whatsapp.parse(archive)


def test_password_protected_zip(tmp_path: Path) -> None:
    archive = tmp_path / "locked.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(FIXTURES / "ymd_dashes.txt", "_chat.txt")
    # Python writes no encrypted zips; set the "encrypted" flag bit by hand in
    # the local header (offset 6) and the central directory entry (offset 8).
    data = bytearray(archive.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    data[6] |= 1
    data[central + 8] |= 1
    archive.write_bytes(bytes(data))
    with pytest.raises(ImportFormatError, match="password-protected"):
        whatsapp.parse(archive)


def test_zip_bomb_is_not_opened(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("_chat.txt", b"\n" * (8 * 1024**2))  # 8 MiB deflates to about 8 KiB
    with pytest.raises(ImportFormatError, match="compressed more than"):
        whatsapp.parse(archive)


def test_damaged_zip(tmp_path: Path) -> None:
    archive = tmp_path / "cut.zip"
    archive.write_bytes((FIXTURES / "WhatsApp Chat - Family.zip").read_bytes()[:300])
    with pytest.raises(ImportFormatError, match="zip file that cannot be read"):
        whatsapp.parse(archive)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("13/02/2020, 10:00 - Alice: hi", True),
        ("\ufeff\u200e[13/02/2020, 10:00:00] Alice: hi", True),
        ("13.2.2020 klo 10.00 - Alice: hi", True),
        ("2/13/20, 1:02\u202fPM - Bob: hi", True),
        ("13/02/2020, 10:00 Alice: hi", False),
        ('{"messages": []}', False),
        ("timestamp,author,text", False),
    ],
)
def test_sniff(head: str, expected: bool) -> None:
    assert whatsapp.sniff(head.encode()) is expected


def test_corpus_text_files_are_sniffed(corpus: Path) -> None:
    for path in [
        *(corpus / "pitfalls").glob("*.txt"),
        *(corpus / "chat-miner/test/whatsapp").glob("*.txt"),
    ]:
        assert whatsapp.sniff(path.read_bytes()[:65536]), path.name
