"""The phrases that make a message a signal, found in one pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.evidence.signals import (
    FLAG_CHECK_IN,
    FLAG_GOOD_NEWS,
    FLAG_HARD_TIME,
    FLAG_REMEMBERED,
    FLAG_VULNERABLE,
    PHRASES,
    flags_of,
    flags_of_many,
)


def test_each_kind_is_found_whatever_the_case() -> None:
    assert flags_of("Hey, HOW ARE YOU?") == FLAG_CHECK_IN
    assert flags_of("happy Birthday!! 🎂") == FLAG_REMEMBERED
    assert flags_of("honestly I'm struggling") == FLAG_VULNERABLE
    assert flags_of("Great news: I got in") == FLAG_GOOD_NEWS
    assert flags_of("dad is in hospital") == FLAG_HARD_TIME
    assert flags_of("good news, mum is out of hospital") == FLAG_GOOD_NEWS | FLAG_HARD_TIME


def test_apostrophes_as_phones_write_them() -> None:
    for spelling in ("I'm so worried", "I\u2019m so worried", "im so worried"):
        assert flags_of(spelling) == FLAG_VULNERABLE, spelling
    assert flags_of("hope you\u2019re ok") == FLAG_CHECK_IN


def test_a_phrase_starts_at_a_word() -> None:
    assert flags_of("the show must go on") == 0  # "how" inside "show"
    assert flags_of("hospitals are busy") == FLAG_HARD_TIME  # the end is open
    assert flags_of("") == 0


def _utf8(texts: list[str]) -> list[bytes]:
    return [text.encode("utf-8", "surrogatepass") for text in texts]


def test_many_at_once_agree_with_one_at_a_time() -> None:
    texts = ["how are you", "", "x", "show", "a&e again", "\x00how are you", "Congrats!"]
    assert flags_of_many(_utf8(texts)) == [flags_of(t) for t in texts]
    assert flags_of_many(_utf8(texts))[5] == FLAG_CHECK_IN


def test_every_listed_phrase_is_found_on_its_own() -> None:
    for bit, phrases in PHRASES.items():
        for phrase in phrases:
            assert flags_of(phrase) & bit, phrase


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=20))
def test_one_pass_is_the_same_as_each_text_alone(texts: list[str]) -> None:
    assert flags_of_many(_utf8(texts)) == [flags_of(t) for t in texts]


def test_accented_capitals_and_letters_before_a_phrase() -> None:
    assert flags_of("FÉLICITATIONS !!") == flags_of("Félicitations") == FLAG_REMEMBERED
    assert flags_of("Comment Ça Va ?") == flags_of("COMMENT ÇA VA") == FLAG_CHECK_IN
    assert flags_of("HOSPITAL") == FLAG_HARD_TIME
    assert flags_of("Éhospital") == 0  # a letter before: inside a word
    assert flags_of("😢hospital") == flags_of("\ud800hospital") == FLAG_HARD_TIME


def test_other_languages_with_or_without_accents() -> None:
    assert flags_of("Joyeux anniversaire !!") == FLAG_REMEMBERED
    assert flags_of("je suis à l'hôpital") == flags_of("je suis a l hopital") == FLAG_HARD_TIME
    assert flags_of("Wie geht\u2019s dir?") == FLAG_CHECK_IN
    assert flags_of("Tengo MIEDO") == FLAG_VULNERABLE
    assert flags_of("boas notícias!") == flags_of("boas noticias!") == FLAG_GOOD_NEWS
    assert flags_of("come stai?") == FLAG_CHECK_IN
