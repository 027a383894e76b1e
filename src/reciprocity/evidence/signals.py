"""The words that make a message a signal: a check-in, a remembered date, a hard time.

Each kind of signal is a list of phrases, matched in lower case at the start
of a word (so "how are you" is found in "Hey, how are you?" and "hospital" in
"hospitals", but "show" is not "how"). An apostrophe in a phrase also matches
a typographic one (’) and none at all, because phones write all three.

All the phrases of every kind are searched in one pass over all the messages
of a batch with an Aho–Corasick automaton (``pyahocorasick``): a million
messages take a fraction of a second, where a regular expression per message
took several seconds.

The lists are English. Other languages still give conversations, who started
them, response times and long messages; adding a language is adding phrases.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, repeat
from operator import add

import ahocorasick

FLAG_CHECK_IN = 1
FLAG_REMEMBERED = 2
FLAG_VULNERABLE = 4
FLAG_GOOD_NEWS = 8
FLAG_HARD_TIME = 16

PHRASES: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "how are you", "how r u", "how're you", "how are things", "how's it going",
        "how is it going", "how did it go", "how'd it go", "how's your", "how is your",
        "thinking of you", "thinking about you", "hope you're ok", "hope you're okay",
        "hope you're well", "hope you're doing", "hope you are ok", "hope you are well",
        "just checking in", "checking in on you", "are you ok", "you ok?", "how you doing",
        "how have you been",
    ),
    FLAG_REMEMBERED: (
        "happy birthday", "happy bday", "happy anniversary", "good luck today",
        "good luck tomorrow", "good luck with", "congrats", "congratulations", "break a leg",
        "happy mother's day", "happy father's day", "happy mothers day", "happy fathers day",
    ),
    FLAG_VULNERABLE: (
        "i'm struggling", "i am struggling", "struggling with", "i feel low", "i feel down",
        "i feel lost", "i feel alone", "i feel lonely", "i feel awful", "i feel terrible",
        "i feel overwhelmed", "i feel anxious", "i feel scared", "i feel sad", "i feel so low",
        "i feel so down", "i feel so lost", "i feel so alone", "i feel so lonely",
        "i feel so awful", "i feel so overwhelmed", "i feel so sad", "i'm scared",
        "i'm worried", "i'm anxious", "i'm lonely", "i'm overwhelmed", "i'm exhausted",
        "i'm so scared", "i'm so worried", "i'm so anxious", "i'm so lonely",
        "i'm so overwhelmed", "i'm so exhausted", "hard time", "rough day", "rough week",
        "rough time", "can't cope", "bad news", "i miss him", "i miss her", "i miss them",
        "breaking down", "crying",
    ),
    FLAG_GOOD_NEWS: (
        "good news", "great news", "got the job", "i passed", "we're engaged", "got engaged",
        "we're expecting", "i'm pregnant", "got promoted", "i got in", "we got the flat",
        "we got the house",
    ),
    FLAG_HARD_TIME: (
        "hospital", "surgery", "operation", "funeral", "passed away", "diagnos", "lost my job",
        "laid off", "made redundant", "broke up", "breaking up", "divorce", "miscarriage",
        "a&e", "emergency room",
    ),
}

_APOSTROPHES = ("'", "\u2019", "")


def _spellings(phrase: str) -> set[str]:
    """``phrase`` with each apostrophe written as ', ’ or left out."""
    found = {""}
    for part_index, part in enumerate(phrase.split("'")):
        if part_index == 0:
            found = {part}
        else:
            found = {f"{before}{mark}{part}" for before in found for mark in _APOSTROPHES}
    return found


def _automaton(phrases: dict[int, tuple[str, ...]]) -> ahocorasick.Automaton:
    bits: dict[str, int] = {}
    for bit, listed in phrases.items():
        for phrase in listed:
            for spelling in _spellings(phrase):
                bits[spelling] = bits.get(spelling, 0) | bit
    automaton = ahocorasick.Automaton()
    for spelling, bit in bits.items():
        automaton.add_word(spelling, (len(spelling), bit))
    automaton.make_automaton()
    return automaton


_AUTOMATON = _automaton(PHRASES)
_SEPARATOR = "\x00"


def flags_of_many(texts: Iterable[str]) -> list[int]:
    """The ``FLAG_*`` bits of each text, found in one pass over all of them."""
    lowered = list(map(str.lower, texts))
    flags = [0] * len(lowered)
    joined = _SEPARATOR.join(lowered)
    starts: list[int] | None = None
    for end, (length, bit) in _AUTOMATON.iter(joined):
        start = end - length + 1
        if start and joined[start - 1].isalnum():
            continue  # inside a word: "show" is not "how"
        if starts is None:
            starts = list(accumulate(map(add, map(len, lowered), repeat(1)), initial=0))
        flags[_message_at(starts, start)] |= bit
    return flags


def _message_at(starts: list[int], position: int) -> int:
    return bisect_right(starts, position) - 1


def flags_of(text: str) -> int:
    """The ``FLAG_*`` bits of one text."""
    return flags_of_many([text])[0]
