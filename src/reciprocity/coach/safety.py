"""When the user's own words speak of fear, control or harm.

Reciprocity is the wrong lens for such a relationship: the question there is
not who gives more, and no practice is the answer. When anything the user
wrote about someone — a moment, a check-in, a vision in an audit — holds one
of the phrases below, the patterns of that relationship carry ``safety`` and
their suggestions give way to one calm note that points to professional and
emergency help (``coach.suggestions.SAFETY_NOTE``).

The list is short on purpose and matched at the start of a word, in lower
case, with ’ read as '. It is a net for the user's own plain words, not a
judgement about anyone: a false alarm costs one gentle note; a missed one
could cost much more, so when in doubt a phrase is in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PHRASES: tuple[str, ...] = (
    # Fear
    "afraid of him",
    "afraid of her",
    "afraid of them",
    "scared of him",
    "scared of her",
    "scared of them",
    "frightened of",
    "terrified of",
    "afraid to say no",
    "scared to say no",
    "afraid to tell",
    "scared to tell",
    "afraid he'll",
    "afraid she'll",
    "scared he'll",
    "scared she'll",
    "afraid of what he",
    "afraid of what she",
    "i feel unsafe",
    "not safe with",
    "unsafe around",
    "walk on eggshells",
    "walking on eggshells",
    # Harm
    "hit me",
    "hits me",
    "hurt me",
    "hurts me",
    "pushed me",
    "shoved me",
    "slapped me",
    "choked me",
    "kicked me",
    "threatened me",
    "threatens me",
    "threatened to",
    "forced me",
    "forces me",
    # Control
    "controls my",
    "controlling me",
    "won't let me",
    "doesn't let me",
    "does not let me",
    "not allowed to see",
    "not allowed to go",
    "checks my phone",
    "goes through my phone",
    "tracks my",
    "takes my money",
    "keeps me from seeing",
    "isolates me",
    "cut me off from",
)

_FINDER = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in PHRASES) + ")")


def signs_in(texts: Iterable[str]) -> list[str]:
    """The phrases found in ``texts``, in the order of the list, each once."""
    found = {m.group(0) for t in texts if t for m in _FINDER.finditer(_plain(t))}
    return [phrase for phrase in PHRASES if phrase in found]


def _plain(text: str) -> str:
    return text.lower().replace("\u2019", "'")
