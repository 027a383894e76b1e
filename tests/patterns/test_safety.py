"""When the user's own words speak of fear, control or harm, help comes before practices."""

from __future__ import annotations

from datetime import date

from reciprocity.coach.safety import PHRASES, signs_in
from reciprocity.patterns import analyse
from tests.cli_runner import Cli


def test_the_listed_phrases_are_found_in_plain_words() -> None:
    assert signs_in(["He won\u2019t let me see my sister"]) == ["won't let me"]
    assert signs_in(["I'm SCARED OF HIM when he drinks", "we had lunch"]) == ["scared of him"]
    assert signs_in(["we laughed about the film", "", "she helped me move"]) == []
    assert signs_in(["a shit mess"]) == []  # "hit me" only at the start of a word
    for phrase in PHRASES:
        assert signs_in([f"Honestly, {phrase}."]) == [phrase], phrase


def test_practices_give_way_to_one_note_about_help() -> None:
    plain = analyse("Sam", [], [], {}, today=date(2026, 6, 1))
    worried = analyse("Sam", [], [], {}, today=date(2026, 6, 1), safety=True)
    assert not plain.safety and all(s.key != "safety" for s in plain.suggestions)
    assert worried.safety and [s.key for s in worried.suggestions] == ["safety"]
    note = worried.suggestions[0].text
    assert "Sam" in note and "emergency" in note and "helpline" in note
    assert worried.as_dict()["safety"] is True


def test_words_in_a_moment_a_check_in_or_a_vision_bring_the_note(cli: Cli) -> None:
    assert cli("people", "add", "Sam").code == 0
    assert cli("people", "add", "Rosa").code == 0
    logged = cli("log", "Sam", "I was afraid to say no when he asked again", "--by", "them")
    assert logged.code == 0
    assert "deserve to feel safe" in logged.out and "emergency" in logged.out
    assert cli("log", "Rosa", "lovely walk by the river", "--by", "both").code == 0
    patterns = {p["person"]: p for p in cli("patterns", "--json").json()}
    assert patterns["Sam"]["safety"] is True
    assert [s["key"] for s in patterns["Sam"]["suggestions"]] == ["safety"]
    assert patterns["Rosa"]["safety"] is False
    status = cli("status")
    assert status.code == 0 and "deserve to feel safe" in status.out


def test_a_check_in_or_an_audit_vision_is_read_too(cli: Cli) -> None:
    from reciprocity.model import Audit, AuditEntry, CheckIn, DimensionRating, Person
    from reciprocity.services import patterns as overview
    from reciprocity.store import open_database
    from reciprocity.vocabulary import Dimension, Direction

    for name in ("Jo", "Kit", "Lee"):
        assert cli("people", "add", name).code == 0
    database = open_database(cli.url)
    with database.transaction() as session:
        people = {p.name: p for p in session.query(Person)}
        session.add(
            CheckIn(person=people["Jo"], on=date(2026, 5, 1), me_drained="He checks my phone")
        )
        entry = AuditEntry(person=people["Kit"], rating=3, direction=Direction.ME)
        entry.ratings.append(
            DimensionRating(
                dimension=Dimension.CRISIS,
                rating=1,
                direction=Direction.ME,
                vision="That I stop walking on eggshells around her",
            )
        )
        session.add(Audit(on=date(2026, 5, 2), entries=[entry]))
    with database.transaction() as session:
        assert overview.people_with_safety_signs(session) == {people["Jo"].id, people["Kit"].id}
        jo = session.get_one(Person, people["Jo"].id)
        assert overview.pattern_of(session, jo, today=date(2026, 6, 1)).safety
    database.close()
