"""A count meets its noun through one helper: "1 person", "3 people", never "1 people"."""

from __future__ import annotations

from reciprocity.coach import chats, data, people
from reciprocity.coach.terms import counted, counts_words


def test_counted_says_one_and_many() -> None:
    assert counted(1, "moment") == "1 moment"
    assert counted(0, "moment") == "0 moments"
    assert counted(12_000, "message") == "12,000 messages"
    assert counted(1, "audit entry", "audit entries") == "1 audit entry"
    assert counted(2, "audit entry", "audit entries") == "2 audit entries"


def test_counts_become_words_and_anything_else_passes_through() -> None:
    said = counts_words({"people": 1, "moments": "3", "path": "/tmp/x.json", "name": "Sam"})
    assert said == {
        "people": "1 person",
        "moments": "3 moments",
        "path": "/tmp/x.json",
        "name": "Sam",
    }


def test_the_sentences_that_count_things_read_well_for_one() -> None:
    one = {"people": 1, "moments": 1, "seasons": 1, "audits": 1, "chats": 1}
    assert data.EXPORTED.format(path="x.json", **counts_words(one)) == (
        "Wrote 1 person, 1 moment, 1 season, 1 audit and 1 imported chat to x.json."
    )
    removed = people.PERSON_REMOVED.format(
        name="Sam", **counts_words({"moments": 1, "seasons": 0, "ratings": 1})
    )
    assert removed == "Removed Sam, with 1 moment, 0 seasons and 1 audit entry."
    assert data.DATA_NOT_EMPTY.format(**counts_words({"people": 1})).startswith(
        "This database already holds 1 person;"
    )
    headline = chats.summary_words(1, 1, "14 Mar 2026, 09:05", "14 Mar 2026, 09:05", 1)
    assert headline == (
        "Read one message (1 new) from 14 Mar 2026, 09:05 to 14 Mar 2026, 09:05: one conversation."
    )
    assert chats.skipped_words(1, page=False) == chats.IMPORT_SKIPPED_ONE
    assert chats.skipped_words(2, page=True).startswith("2 lines were left out.")
    assert chats.damaged_lines_words(1).startswith("1 line had bytes")
    assert chats.service_messages_words(1).startswith("1 service message ")
    assert chats.messages_words(1204) == "1,204 messages"
