"""WhatsApp layouts other people's exports showed (issue 13), our own fixtures for each.

Connecting words between date and time, the older colon layout, two spaces
before the dash, all six orders of day, month and year, refusing a file whose
dates fit no order instead of importing a wrong half, files that put two
layouts together, and lines with a header's shape that cannot be read.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import detect, whatsapp
from reciprocity.evidence.message import Chat, Message, ParseOptions


def write(folder: Path, text: str, name: str = "chat.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path, **options: str) -> tuple[Chat, list[Message]]:
    chat = whatsapp.parse(path, ParseOptions(**options))
    return chat, list(chat.messages)


def rows(messages: list[Message]) -> list[tuple[datetime, str, str]]:
    return [(m.sent, m.author, m.text) for m in messages]


@pytest.mark.parametrize(
    ("lines", "first", "second"),
    [
        # French Android: "à" between date and time
        (
            ["26/09/2019 à 22:39 - Léa: salut", "27/09/2019 à 08:05 - Marc: bonjour !"],
            datetime(2019, 9, 26, 22, 39),
            datetime(2019, 9, 27, 8, 5),
        ),
        # the older layout: a colon after the time, with seconds, and no dash
        (
            ["12.07.2017, 22:35:22: Anna: hallo", "13.07.2017, 07:01:09: Ben: guten Morgen"],
            datetime(2017, 7, 12, 22, 35, 22),
            datetime(2017, 7, 13, 7, 1, 9),
        ),
        # other locales' words: Spanish "a las", Portuguese "às", Dutch "om", Russian "в"
        (
            ["13/02/2020 a las 10:00 - Ana: hola", "14/02/2020 a las 11:30 - Luis: qué tal"],
            datetime(2020, 2, 13, 10, 0),
            datetime(2020, 2, 14, 11, 30),
        ),
        (
            ["13/02/2020 às 10:00 - Ana: olá", "14/02/2020 às 11:30 - Rui: tudo bem"],
            datetime(2020, 2, 13, 10, 0),
            datetime(2020, 2, 14, 11, 30),
        ),
        (
            ["13-02-2020 om 10:00 - Anke: hoi", "14-02-2020 om 11:30 - Bram: hallo"],
            datetime(2020, 2, 13, 10, 0),
            datetime(2020, 2, 14, 11, 30),
        ),
        (
            ["13.02.2020 в 10:00 - Аня: привет", "14.02.2020 в 11:30 - Борис: здравствуй"],
            datetime(2020, 2, 13, 10, 0),
            datetime(2020, 2, 14, 11, 30),
        ),
        # AM and PM written before the time
        (
            ["2020. 2. 13. 오후 10:00 - 민수: 안녕", "2020. 2. 14. 오전 9:15 - 지민: 좋은 아침"],
            datetime(2020, 2, 13, 22, 0),
            datetime(2020, 2, 14, 9, 15),
        ),
    ],
)
def test_connecting_words_and_older_layouts_are_read(
    tmp_path: Path, lines: list[str], first: datetime, second: datetime
) -> None:
    path = write(tmp_path, "\n".join(lines) + "\nand a second line\n")
    assert detect(path) == "whatsapp"
    chat, messages = read(path)
    assert [m.sent for m in messages] == [first, second]
    assert messages[1].text.endswith("\nand a second line")
    assert chat.skipped == []


def test_a_system_line_in_the_colon_layout_is_no_message(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "12.07.2017, 22:35:22: Anna hat Ben hinzugefügt\n12.07.2017, 22:36:00: Anna: willkommen\n",
    )
    _, messages = read(path)
    assert [(m.author, m.text) for m in messages] == [("Anna", "willkommen")]


def test_a_time_then_a_colon_without_seconds_is_no_header(tmp_path: Path) -> None:
    path = write(tmp_path, "13/02/2020, 10:00 - Ana: plan\n13/02/2020, 11:00: call Bob\n")
    _, messages = read(path)
    assert [m.text for m in messages] == ["plan\n13/02/2020, 11:00: call Bob"]


def test_two_spaces_before_the_dash_start_a_message_of_their_own(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "13.07.17, 10:35 p.m. - R: first\n"
        "13.07.17, 10:36 p.m.  - R: second, not part of the first\n"
        "13.07.17, 10:37 p.m. - S: third\n",
    )
    chat, messages = read(path)
    assert [(m.sent.strftime("%H:%M"), m.text) for m in messages] == [
        ("22:35", "first"),
        ("22:36", "second, not part of the first"),
        ("22:37", "third"),
    ]
    assert chat.skipped == []


def test_a_line_with_a_header_shape_that_cannot_be_read_is_listed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "13/07/2017, 10:35 - R: first\n"
        "14/07/2017 10h36 - R: a clock this version does not read\n"
        "13/07/2017, 10h40 - R: the same, on the run's own date\n"
        "31/12/2019, 23:59 was a great night\n"  # a date and a time, but no header's shape
        "15/07/2017, 10:37 - S: third\n",
    )
    chat, messages = read(path)
    assert len(messages) == 2
    assert [s.line for s in chat.skipped] == [2, 3]
    assert chat.skipped[0].reason == (
        "starts like a message ('14/07/2017 10h36 - R: a clock this versi') but could not be "
        "read as one; it was kept as part of the message before"
    )


@pytest.mark.parametrize(
    ("dates", "order", "expected"),
    [
        (["20-23-01", "20-24-01", "20-31-01", "20-01-02"], "YDM", "2020-01-23"),
        (["2020.23.01", "2020.24.01", "2020.31.01", "2020.01.02"], "YDM", "2020-01-23"),
        (["23-20-01", "24-20-01", "31-20-01", "01-20-02"], "DYM", "2020-01-23"),
        (["01-32-05", "01-32-06", "01-32-17", "02-32-03"], "MYD", "2032-01-05"),
    ],
)
def test_year_day_month_and_the_other_rare_orders(
    tmp_path: Path, dates: list[str], order: str, expected: str
) -> None:
    text = "".join(f"{d}, 10:0{i} - {'AB'[i % 2]}: message {i}\n" for i, d in enumerate(dates))
    chat, messages = read(write(tmp_path, text))
    assert chat.date_order == order
    assert messages[0].sent.date().isoformat() == expected
    assert len(messages) == len(dates) and chat.skipped == []


def test_dates_that_fit_no_order_are_refused_with_the_order_tried(tmp_path: Path) -> None:
    day_first = [f"{day:02d}/03/2020, 10:00 - A: day first {day}" for day in range(13, 29)]
    month_first = [f"04/{day:02d}/2020, 10:00 - B: month first {day}" for day in range(13, 25)]
    path = write(tmp_path, "\n".join(day_first + month_first) + "\n")
    with pytest.raises(ImportFormatError) as raised:
        whatsapp.parse(path)
    assert raised.value.reason.startswith(
        "has dates that fit no one order: read as day/month/year, only 16 of 28 message lines "
        "have a date that exists (line 17 reads '04/13/2020')."
    )


def test_two_layouts_in_two_orders_are_read_each_in_its_own(tmp_path: Path) -> None:
    android = [f"{day:02d}/03/2020, 10:00 - Alex: android {day}" for day in range(13, 29)]
    ios = [f"[4/{day}/20, 10:00:00 AM] Sam: iphone {day}" for day in range(13, 25)]
    chat, messages = read(write(tmp_path, "\n".join(android + ios) + "\n"))
    assert len(messages) == 28 and chat.skipped == []
    assert messages[0].sent == datetime(2020, 3, 13, 10, 0)
    assert messages[-1].sent == datetime(2020, 4, 24, 10, 0)
    assert chat.notes == [
        "This file puts together message lines of more than one layout, whose dates are in "
        "different orders; each was read in its own: '13/03/2020' from line 1, read as "
        "day/month/year; '4/13/20' from line 17, read as month/day/year."
    ]


def test_two_layouts_whose_dates_still_fit_no_order_say_so(tmp_path: Path) -> None:
    mixed = [f"{day:02d}/03/2020, 10:00 - A: {day}" for day in range(13, 29)] + [
        f"04/{day:02d}/2020, 10:00 - B: {day}" for day in range(13, 29)
    ]
    ios = [f"[4/{day}/20, 10:00:00 AM] Sam: iphone {day}" for day in range(13, 16)]
    with pytest.raises(ImportFormatError, match="mixes message lines of more than one layout"):
        whatsapp.parse(write(tmp_path, "\n".join(mixed + ios) + "\n"))


def test_a_few_broken_dates_are_skipped_not_refused(tmp_path: Path) -> None:
    lines = [f"{day:02d}/03/2020, 10:00 - A: {day}" for day in range(1, 29)]
    lines[5] = "31/02/2020, 10:00 - A: no such day"
    chat, messages = read(write(tmp_path, "\n".join(lines) + "\n"))
    assert len(messages) == 27 and [s.line for s in chat.skipped] == [6]


def test_too_many_messages_are_refused_before_any_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(whatsapp, "MAX_MESSAGES", 10)
    lines = [f"{day:02d}/03/2020, 10:00 - A: {day}" for day in range(1, 13)]
    with pytest.raises(ImportFormatError, match="holds more than 10 messages"):
        whatsapp.parse(write(tmp_path, "\n".join(lines) + "\n"))
