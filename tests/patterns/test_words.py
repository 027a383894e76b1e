"""The words of the patterns view: complete, kind, and in the product's own voice."""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest

from reciprocity.coach import suggestions as words
from reciprocity.patterns.suggest import PRACTICE

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
KEYS_USED = {
    *PRACTICE.values(),
    "check-in-energy",
    "listening-time-blocks",
    "other-support",
    "season-patience",
    "rotate-roles",
    "notice-change",
    "small-win",
    "ways-of-caring",
    "compare-views",
    "receiving-more",
    "name-dimensions",  # added with issue 14: moments noted with no dimension
}
WITHDRAWAL = re.compile(
    r"\b(withdraw\w*|step(?:ping)? back|pull(?:ing)? back|distance yourself|cut (?:off|ties)|"
    r"walk away|give less|stop giving|end (?:the|this) (?:friendship|relationship)|"
    r"let (?:them|it) go)\b",
    re.IGNORECASE,
)
PLACEHOLDERS = {"name", "dimension", "Dimension", "season", "felt", "suggested", "days"}
PLACEHOLDERS |= {"moments", "count", "horizon", "months", "mine", "theirs", "whose"}


def _all_texts() -> list[str]:
    texts: list[str] = []
    for name, value in vars(words).items():
        if name.startswith("_"):
            continue  # the module docstring is developer text
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts.extend(v for v in value.values() if isinstance(v, str))
    return texts


def test_every_suggestion_key_has_words() -> None:
    base_keys = {key.split(":")[0] for key in words.SUGGESTIONS}
    assert base_keys == KEYS_USED


def test_no_words_advise_withdrawing() -> None:
    for text in _all_texts():
        assert not WITHDRAWAL.search(text), text


def test_templates_use_only_known_placeholders() -> None:
    for text in _all_texts():
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert fields <= PLACEHOLDERS, text


def _grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    tokens = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def test_no_sentence_of_the_seed_texts_is_quoted() -> None:
    if not SEEDS.is_dir():
        reason = f"the seed texts are not beside the checkout ({SEEDS})"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run this test")
        pytest.skip(reason)
    seed = set().union(*(_grams(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    for text in _all_texts():
        assert not _grams(text) & seed, text


def test_labels() -> None:
    assert words.leaning_label("unknown", "Sam", 0.0) == "not enough to say yet"
    assert words.leaning_label("them", "Sam", 0.7) == "Sam has been carrying more (strongly)"
    assert words.leaning_label("me", "Sam", 0.1) == "you have been carrying more (a little)"
    assert words.season_phrase("move", "Sam", "Sam") == "Sam's move"
    assert words.season_phrase("illness", "me", "Sam") == "your illness"
    assert words.energy_label("drained", "falling").endswith("getting heavier")
