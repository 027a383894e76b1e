"""Honest feedback, put together: the situation, its impact, a request, and alternatives to offer.

``compose`` takes the four parts as a person types them, in any shape (a
question, a whole sentence with its capital and full stop, a fragment
starting with "it's"), and makes one message that reads as English: a
clause goes after "When …,", a sentence stands on its own, a bare verb is
asked for ("Would you be willing to call on Sundays?"), a noun phrase is
offered ("Would you be open to more time together?"), a question is kept as
asked. Each part also goes through the one phrasing check, and what it finds
comes back beside the message, never in place of the person's words.

Pure: the command line uses it today, and the web app can call the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reciprocity.coach import phrasing
from reciprocity.coach import practices as words
from reciprocity.coach.grammar import (
    COMMON_VERBS,
    base,
    first_word,
    gerund,
    lower_first,
    sentence,
    word_set,
)

_QUESTION_WORDS = frozenset(
    ("why", "how", "who", "what", "is", "are", "do", "does", "did", "can't", "won't", "isn't", "am")
)
_ASKING = frozenset(
    ("would", "could", "can", "will", "might", "may", "shall", "do", "how", "what", "is", "are")
)
_ON_ITS_OWN = word_set(
    "yesterday today tonight last on at this earlier recently lately after before during since "
    "over for in it it's there there's i i'm i've i'd i'll"
)
_FEELING = re.compile(
    r"^(?:(?:i\s+)?(?:felt|feel|was\s+feeling|am\s+feeling|'ve\s+been\s+feeling|have\s+been\s+feeling)|"
    r"i'm\s+feeling|i've\s+been\s+feeling|(?:it\s+)?(?:made|makes|left|leaves)\s+me\s+(?:feel|feeling)|"
    r"feeling|i\s+was|i\s+am|i'm)\s+",
    re.IGNORECASE,
)
_SUBJECTS = word_set("it it's that this my we you he she they i i'm i've i'd there")
_ASKING_INTO = re.compile(
    r"^(?:could|can|would|will|shall|might)\s+we\s+|^we\s+(?:could|can|might|should)\s+|"
    r"^(?:maybe|perhaps)\s+(?:we\s+(?:could|can)\s+)?|^(?:how|what)\s+about\s+|^or\s+|^let'?s\s+|"
    r"^i'?d\s+like\s+us\s+to\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """What the phrasing check said about one part of the feedback."""

    part: str
    words: str
    offer: phrasing.Offer

    def as_dict(self) -> dict[str, object]:
        return {"part": self.part, "words": self.words, **self.offer.as_dict()}


@dataclass(frozen=True)
class Feedback:
    """The message to say, the tips to say it well, and the gentle notes on its wording."""

    message: str
    findings: tuple[Finding, ...]
    tips: tuple[str, ...] = words.FEEDBACK_TIPS

    @property
    def notes(self) -> list[str]:
        return list(dict.fromkeys(finding.offer.note() for finding in self.findings))

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``talk feedback --json``: ``message``, ``tips``, ``notes``, ``findings``."""
        return {
            "message": self.message,
            "tips": list(self.tips),
            "notes": self.notes,
            "findings": [finding.as_dict() for finding in self.findings],
        }


def compose(
    situation: str,
    request: str,
    impact: str | None = None,
    alternatives: Iterable[str] = (),
) -> Feedback:
    """One message from the four parts, grammatical whatever shape each was typed in."""
    feeling = _impact(impact if impact and impact.strip() else words.FEEDBACK_DEFAULT_IMPACT)
    options = [o for o in (_option(a) for a in alternatives) if o] or [
        _option(a) for a in words.FEEDBACK_DEFAULT_ALTERNATIVES
    ]
    said = [
        *_situation(situation, feeling),
        _request(request),
        (
            words.FEEDBACK_ALTERNATIVES.format(options="; ".join(options))
            if len(options) > 1
            else words.FEEDBACK_ALTERNATIVE.format(option=options[0])
        ),
        words.FEEDBACK_CLOSE,
    ]
    typed = [("situation", situation), ("impact", impact or ""), ("request", request)]
    typed += [("alternative", a) for a in alternatives]
    findings = []
    for part, text in typed:
        found = phrasing.offer(text)
        if found is not None:
            findings.append(Finding(part, text.strip(), found))
    return Feedback(" ".join(s for s in said if s), tuple(findings))


def _bare(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip("\"'“”").strip()


def _situation(text: str, feeling: tuple[str, bool]) -> list[str]:
    """The situation and how it landed: "When you cancelled, I felt flat." or two sentences."""
    phrase, whole = feeling
    typed = _bare(text)
    asked = typed.endswith("?") or first_word(typed) in _QUESTION_WORDS
    typed = typed.rstrip(" .,;:!?")
    if not typed:
        return [phrase if whole else sentence(words.FEEDBACK_IMPACT.format(impact=phrase))]
    after_when = re.sub(r"^when(?:ever)?\s+", "", typed, flags=re.IGNORECASE)
    inner_break = re.search(r"[.!?;]\s", typed)
    own = asked or inner_break or (after_when == typed and first_word(typed) in _ON_ITS_OWN)
    if own:
        first = sentence(typed, "?" if asked else ".")
        second = phrase if whole else words.FEEDBACK_IMPACT.format(impact=phrase)
        return [first, second]
    clause = lower_first(after_when)
    if whole:
        return [f"{words.FEEDBACK_SITUATION.format(situation=clause)} {lower_first(phrase)}"]
    return [
        f"{words.FEEDBACK_SITUATION.format(situation=clause)} {words.FEEDBACK_IMPACT.format(impact=phrase)}"
    ]


def _impact(text: str) -> tuple[str, bool]:
    """How it landed, as (words, whether they are a whole sentence): "I felt hurt" → ("hurt", False)."""
    typed = _bare(text).rstrip(" .,;:!?")
    phrase = _FEELING.sub("", typed)
    if phrase != typed:
        return phrase, False
    if first_word(typed) in _SUBJECTS:
        return sentence(typed), True
    return lower_first(typed), False


def _request(text: str) -> str:
    """The request as something they can say yes to, keeping the person's words."""
    typed = _bare(text)
    asked = typed.endswith("?")
    typed = typed.rstrip(" .,;:!?")
    if not typed:
        return ""
    first = first_word(typed)
    if asked or first in _ASKING:
        return sentence(typed, "?")
    typed = re.sub(r"^please\s+", "", typed, flags=re.IGNORECASE)
    first = first_word(typed)
    rest = typed.split(maxsplit=1)[1] if " " in typed else ""
    if first in ("let's", "lets"):
        return words.FEEDBACK_REQUEST_US.format(request=rest)
    if first == "we":
        return words.FEEDBACK_REQUEST_US.format(
            request=re.sub(r"^(?:could|can|should|might|would)\s+", "", rest, flags=re.IGNORECASE)
        )
    if first == "you":
        rest = re.sub(r"^(?:could|can|would|will|should|might)\s+", "", rest, flags=re.IGNORECASE)
        return _asked(rest) or words.FEEDBACK_REQUEST_IF.format(request=lower_first(typed))
    if first in _SUBJECTS or (
        typed[:1].isupper() and first not in COMMON_VERBS and first.endswith("'s")
    ):
        if first in ("i", "i'd", "i'm", "i've"):
            return sentence(typed)
        return words.FEEDBACK_REQUEST_IF.format(request=lower_first(typed))
    return _asked(typed) or words.FEEDBACK_REQUEST.format(request=lower_first(typed))


def _asked(phrase: str) -> str | None:
    """A request that starts with a verb: "call on Sundays" → "Would you be willing to call on Sundays?"."""
    first = first_word(phrase)
    if first.endswith("ing") and base(first) != first:
        return words.FEEDBACK_REQUEST.format(request=lower_first(phrase))
    if first in COMMON_VERBS or (base(first) in COMMON_VERBS and first != base(first)):
        rest = phrase.split(maxsplit=1)[1] if " " in phrase else ""
        return words.FEEDBACK_REQUEST_DO.format(request=f"{base(first)} {rest}".strip())
    return None


def _option(text: str) -> str:
    """One alternative as an item of a list: "Could we alternate?" → "alternating"."""
    typed = _ASKING_INTO.sub("", _bare(text).rstrip(" .,;:!?"))
    first = first_word(typed)
    if first in COMMON_VERBS:
        rest = typed.split(maxsplit=1)[1] if " " in typed else ""
        return f"{gerund(first)} {rest}".strip()
    return lower_first(typed)
