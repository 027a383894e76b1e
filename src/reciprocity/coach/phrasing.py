"""A gentle check on wording: blame, absolutes, debt and labels.

Visions and requests land better as specific, request-shaped sentences than as
accusations. This module finds the patterns that tend to put people on the
defensive and proposes a request-shaped rewrite. It never refuses the user's
words: the person chooses.

The regular expressions below *detect* debt and blame wording; they are the
one place such words may appear (see ``tests/test_no_ledger_words.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    ABSOLUTE = "absolute"
    DEBT = "debt"
    LABEL = "label"


@dataclass(frozen=True)
class Flag:
    concern: Concern
    start: int
    end: int
    words: str


_CLAUSE_END = r"(?=[.!?;,]|\s+(?:and|but|so|because|unless|when|if|after|except)\s|$)"
ABSOLUTE = re.compile(
    r"\b(?:you|he|she|they)\s+(?:(?:are|is|'re)\s+)?(always|never)\s+(?P<rest>[^.!?;,]*?)"
    + _CLAUSE_END,
    re.IGNORECASE,
)
DEBT = re.compile(
    r"\b(?:owes?|owed|owing|in\s+(?:my\s+)?debt|debts?|pay(?:s|ing)?\s+(?:me\s+)?back|repay\w*|"
    r"your\s+turn|(?:even|settle|keep\w*)\s+(?:the\s+)?scores?|keep\w*\s+count|tit\s+for\s+tat|"
    r"make\s+it\s+up\s+to\s+me)\b",
    re.IGNORECASE,
)
_LABELS = (
    "selfish|lazy|useless|needy|cold|toxic|narcissistic|a narcissist|manipulative|inconsiderate|"
    "thoughtless|careless|clingy|hopeless|pathetic|a taker|a user|fake|heartless|self-absorbed|"
    "uncaring|ungrateful|a bad friend|a bad partner|so difficult|impossible|draining"
)
LABEL = re.compile(
    rf"\b(?:you|he|she|they)\s*(?:are|is|'re|'s)\s+(?:just\s+|so\s+|such\s+|really\s+)?(?:{_LABELS})\b",
    re.IGNORECASE,
)

WHY = {
    Concern.ABSOLUTE: "'always' and 'never' tend to start a debate about exceptions instead of a conversation about what you need.",
    Concern.DEBT: "talk of what is due, or whose turn it is, frames care as an exchange and tends to start both people counting.",
    Concern.LABEL: "a label describes who someone is; describing what happened and its impact is easier to hear.",
}


def check(text: str) -> list[Flag]:
    """Every place in ``text`` that the wording check would gently point at."""
    flags: list[Flag] = []
    for concern, pattern in (
        (Concern.ABSOLUTE, ABSOLUTE),
        (Concern.DEBT, DEBT),
        (Concern.LABEL, LABEL),
    ):
        flags.extend(
            Flag(concern, match.start(), match.end(), match.group(0))
            for match in pattern.finditer(text)
        )
    return sorted(flags, key=lambda flag: flag.start)


def explain(flags: list[Flag]) -> str:
    """One or two sentences on why the flagged words may not land as meant."""
    concerns = list(dict.fromkeys(flag.concern for flag in flags))
    return " ".join(WHY[c][0].upper() + WHY[c][1:] for c in concerns)


def rewrite(text: str) -> str | None:
    """A request-shaped version of ``text``, or None when nothing was flagged.

    The rewrite keeps what the person asked for where it can and leaves a
    blank (``…``) where only they know the words.
    """
    flags = check(text)
    if not flags:
        return None
    first = flags[0]
    if first.concern is Concern.ABSOLUTE:
        match = ABSOLUTE.search(text, first.start)
        assert match is not None
        rest = _second_person(match.group("rest").strip()).replace("anything", "something")
        if match.group(1).lower() == "never":
            return (
                f"Would you be up for {_gerund_hint(rest)} more often? It would mean a lot to me."
            )
        return f"When you {rest}, I feel … . Could we look for another way together?"
    if first.concern is Concern.DEBT:
        return (
            "I would like us both to feel looked after. Could we talk about what that "
            "would look like for each of us right now?"
        )
    return "When … happened, I felt … . What would help me is … . Would you be open to that?"


@dataclass(frozen=True)
class Offer:
    """Why some words may not land as meant, and a request-shaped version to choose instead."""

    why: str
    rewrite: str


def offer(text: str) -> Offer | None:
    """The whole gentle check in one call, for every place that offers a rewrite; None if all is well."""
    suggestion = rewrite(text)
    if suggestion is None:
        return None
    return Offer(explain(check(text)), suggestion)


def _second_person(phrase: str) -> str:
    return re.sub(r"\b(him|her|them)self\b", "yourself", phrase, flags=re.IGNORECASE)


def _gerund_hint(phrase: str) -> str:
    """Turn 'call me' into 'calling me' for the request; keep anything unusual as is."""
    words = phrase.split(maxsplit=1)
    if not words:
        return "that"
    verb = words[0].lower()
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        verb = verb[:-1] + "ing"
    elif re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnpt]", verb) and len(verb) <= 4:
        verb = verb + verb[-1] + "ing"
    elif verb.endswith("ing"):
        pass
    else:
        verb = verb + "ing"
    return " ".join([verb, *words[1:]])
