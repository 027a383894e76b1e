"""Reading vCard files as Apple, Google and Android write them (fixtures written for each quirk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.contacts import BrokenCard, Contact, DateToRemember, read_file, read_vcards
from reciprocity.dates import PartialDate
from reciprocity.errors import ImportFormatError

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> dict[str, Contact]:
    return {c.name: c for c in read_file(FIXTURES / name).contacts}


def test_apple_year_less_birthdays_labelled_dates_and_folded_lines() -> None:
    found = read_file(FIXTURES / "apple.vcf")
    assert found.broken == []
    johnny, chidi = found.contacts
    assert johnny.name == "Johnny Appleseed" and johnny.line == 1
    assert johnny.birthday == PartialDate(3, 15)  # 1604-03-15 with X-APPLE-OMIT-YEAR
    assert johnny.dates == (
        DateToRemember("Anniversary", PartialDate(6, 16, 2012)),
        DateToRemember("Gotcha day", PartialDate(10, 2)),
    )
    assert johnny.note == (  # a folded line joined mid-word, escapes undone
        "Met at the orchard, 2009. Loves long walks and will always ask how your parents "
        "are doing.\nPrefers calls to messages."
    )
    assert chidi.line == 23 and chidi.birthday == PartialDate(11, 3, 1988)  # VALUE=date
    assert chidi.dates == (
        DateToRemember("A date from the address book", PartialDate(8, 28, 2021)),
    )


def test_google_dashes_for_a_birthday_without_its_year() -> None:
    found = _read("google.vcf")
    assert found["María García"].birthday == PartialDate(5, 17)
    assert found["María García"].dates == (DateToRemember("Anniversary", PartialDate(9, 12, 2015)),)
    assert found["María García"].note == "Cousin on mum's side"
    assert found["Sam Lee"].dates == (
        DateToRemember("First climb together", PartialDate(4, 20, 2019)),
    )


def test_android_quoted_printable_charsets_and_its_own_events() -> None:
    found = read_file(FIXTURES / "android.vcf")
    assert found.broken == []
    jurgen, priya, francois = found.contacts
    assert jurgen.name == "Jürgen Müller" and jurgen.birthday == PartialDate(7, 4, 1985)
    assert jurgen.dates == (
        DateToRemember("Anniversary", PartialDate(6, 12, 2010)),
        DateToRemember("Hochzeitstag der Großeltern", PartialDate(12, 24)),
    )
    assert (
        jurgen.note
        == "Kennt mich seit der Schule. Schreibt gern lange Nachrichten und ruft selten an."
    )
    assert priya.birthday == PartialDate(8, 9)  # an Android event of type 3, no year
    assert francois.name == "François Dubois" and francois.line == 21  # N only, Latin-1


def test_vcard_4_compact_dates_and_what_is_not_a_day() -> None:
    found = read_file(FIXTURES / "vcard4.vcf")
    ana, kenji, old = found.contacts
    assert ana.birthday == PartialDate(3, 15, 1990) and ana.note == "Line one\nline two"
    assert ana.dates == (DateToRemember("Anniversary", PartialDate(6, 12, 2010)),)
    assert kenji.birthday == PartialDate(2, 29) and kenji.dates == ()
    assert old.name == "Old Friend" and old.birthday is None
    assert found.broken == [
        BrokenCard(17, "the date 'the summer we met' is not a day of the year; it was left out"),
        BrokenCard(22, "the birthday 'circa 1960' is not a day of the year; it was left out"),
    ]


def test_a_broken_card_in_the_middle_is_listed_and_the_rest_come_in() -> None:
    found = read_file(FIXTURES / "broken.vcf")
    assert [c.name for c in found.contacts] == ["Rosa Martin", "Theo Brandt", "rosa martin"]
    assert [(b.line, b.reason.split(",")[0].split(";")[0]) for b in found.broken] == [
        (9, "this line is not a detail of a card (NAME:value)"),
        (11, "this card does not end (END:VCARD) before the next one or the end of the file"),
        (14, "this card has no name (FN or N)"),
        (21, "the birthday '1979-02' is not a day of the year"),
    ]
    assert found.contacts[1].note == "Works with me" and found.contacts[1].birthday is None


def test_a_file_that_is_not_a_vcard_is_one_line() -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_file(FIXTURES / "not-contacts.txt")
    assert str(caught.value).endswith(
        "not-contacts.txt: this is not a contacts file (vCard): no card in it starts with BEGIN:VCARD"
    )
    with pytest.raises(ImportFormatError):
        read_vcards(b"\x00\x01BEGIN:VCARD\n", "binary")


def test_what_is_never_read_from_a_card() -> None:
    text = (FIXTURES / "apple.vcf").read_text()
    assert "+1 555 0100" in text and "Orchard Lane" in text
    kept = repr(read_file(FIXTURES / "apple.vcf").contacts)
    assert "555" not in kept and "Orchard Lane" not in kept and "example.com" not in kept


@pytest.mark.parametrize(
    ("encoding", "marker"),
    [("utf-16", b"\xff\xfe"), ("cp1252", b""), ("utf-8-sig", b"\xef\xbb\xbf")],
)
def test_files_in_other_encodings(encoding: str, marker: bytes) -> None:
    content = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ørsted\r\nEND:VCARD\r\n".encode(encoding)
    assert content.startswith(marker)
    [zoe] = read_vcards(content, "x.vcf").contacts
    assert zoe.name == "Zoë Ørsted"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "BEGIN:VCARD",
                "END:VCARD",
                "VERSION:3.0",
                "VERSION:2.1",
                "FN:Ana",
                "FN:",
                "N:;Bo;;;",
                "BDAY:--02-30",
                "BDAY:1990-01-01",
                "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-31",
                "item1.X-ABDATE:2000-01-01",
                "item1.X-ABLabel:_$!<Anniversary>!$_",
                " folded",
                "NOTE;ENCODING=QUOTED-PRINTABLE:=",
                "N;CHARSET=X-NONE;ENCODING=QUOTED-PRINTABLE:=C3;;;;",
                "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;x;1",
                "garbage",
                "",
            ]
        ),
        max_size=30,
    )
)
def test_any_mix_of_lines_reads_or_says_why(lines: list[str]) -> None:
    content = "\r\n".join(lines).encode()
    try:
        found = read_vcards(content, "mixed.vcf")
    except ImportFormatError as error:
        assert "not a contacts file" in str(error)
        return
    assert all(c.name for c in found.contacts)
    assert all(1 <= b.line <= len(lines) for b in found.broken)
