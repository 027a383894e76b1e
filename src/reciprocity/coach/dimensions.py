"""Which dimensions a moment's own words seem to speak to: a suggestion, never a tag.

When someone notes a moment without saying which dimension it is about, the
faces can offer the dimensions its words point to (chips already chosen on the
web form, the default answer to a question on a terminal); the person decides.
A moment with no dimension counts only for energy, so every accepted
suggestion lets a moment count toward a reading.

The cues are plain English words and phrases, matched as whole words in lower
case, with ’ read as ' (a cue ending in ``*`` is the start of a word:
``diagnos*`` finds "diagnosed" and "diagnosis"). Each dimension has its own
list, drawn from its guiding questions:

- **Initiation**: who reaches out, makes contact, suggests and plans
  ("texted", "called", "invited", "suggested", "out of the blue");
- **Depth**: sharing something that matters and how it was met, hard news and
  good news alike ("listened", "opened up", "worries", "good news", "proud");
- **Crisis response**: what someone actually did in a hard time ("hospital",
  "the flu", "funeral", "lost my job", "looked after", "drove me to");
- **Maintenance**: the upkeep: checking in, remembering dates, small everyday
  care ("checked in", "remembered", "birthday", "good luck", "sorted", "cooked").

A moment's suggestions are the dimensions with the most cues found, at most
``MOST``, in the order of the audit. Words the lists do not know give no
suggestion rather than a guess.
"""

from __future__ import annotations

import re

from reciprocity.vocabulary import Dimension

MOST = 2
"""At most two suggestions: a moment that spoke to everything would say little about any."""

CUES: dict[Dimension, tuple[str, ...]] = {
    Dimension.INITIATION: (
        "reached out",
        "reaches out",
        "reach out",
        "got in touch",
        "gets in touch",
        "texted",
        "messaged",
        "called",
        "calls",
        "rang",
        "rings",
        "phoned",
        "video call",
        "invit*",
        "suggest*",
        "proposed",
        "planned",
        "plans",
        "organis*",
        "organiz*",
        "arranged",
        "booked",
        "set up",
        "asked me out",
        "asked me to",
        "asked me over",
        "made plans",
        "out of the blue",
        "popped round",
        "dropped by",
        "came round",
        "came over",
        "the first to",
        "started the conversation",
        "brought up",
        "raised",
    ),
    Dimension.DEPTH: (
        "listen*",
        "opened up",
        "opens up",
        "confid*",
        "shared how",
        "shared what",
        "told me how",
        "told me about",
        "heart to heart",
        "deep talk",
        "long talk",
        "talked about",
        "talked through",
        "talked me through",
        "talked it through",
        "unpack*",
        "vent",
        "vented",
        "venting",
        "worries",
        "worried",
        "scared about",
        "feelings",
        "felt heard",
        "understood",
        "really heard",
        "what was going on",
        "how i was feeling",
        "noticed i was",
        "good news",
        "great news",
        "the news",
        "promotion",
        "proud",
        "celebrat*",
        "congratulat*",
        "got the job",
        "engaged",
        "vulnerable",
        "cried",
        "comfort*",
        "no question back",
        "meant a lot",
        "meant so much",
        "how much it meant",
        "meant",
    ),
    Dimension.CRISIS: (
        "hospital",
        "a&e",
        "emergency",
        "operation",
        "surgery",
        "flu",
        "ill",
        "sick",
        "illness",
        "diagnos*",
        "scan",
        "results",
        "funeral",
        "passed away",
        "died",
        "grief",
        "grieving",
        "accident",
        "redundan*",
        "lost my job",
        "lost his job",
        "lost her job",
        "lost their job",
        "laid off",
        "break-up",
        "breakup",
        "broke up",
        "panic",
        "crisis",
        "bad news",
        "hard time",
        "tough time",
        "struggl*",
        "looked after",
        "took care of",
        "drove me to",
        "drove mum to",
        "drove dad to",
        "stayed over",
        "stayed with me",
        "came straight over",
        "dropped everything",
        "took the afternoon off",
        "took the day off",
        "physio*",
        "prescription*",
        "back went",
    ),
    Dimension.MAINTENANCE: (
        "checked in",
        "checks in",
        "check in",
        "checking in",
        "check-in",
        "remember*",
        "birthday",
        "anniversary",
        "card",
        "good luck",
        "thinking of you",
        "how are you",
        "how it went",
        "how did it go",
        "how the",
        "how my week",
        "how was",
        "asked how",
        "asked about",
        "kept in touch",
        "keep in touch",
        "catch up",
        "caught up",
        "sunday call",
        "weekly call",
        "a note",
        "gift",
        "sorted",
        "fixed",
        "cooked",
        "shopping",
        "bills",
        "errand*",
        "chores",
        "tidied",
        "cleaned",
        "the washing",
    ),
}


def _pattern(cue: str) -> str:
    if cue.endswith("*"):
        return re.escape(cue[:-1])
    return re.escape(cue) + r"(?![\w'])"


_FINDERS = {
    dimension: re.compile(r"(?<![\w'])(?:" + "|".join(map(_pattern, cues)) + ")")
    for dimension, cues in CUES.items()
}


def suggest_dimensions(text: str) -> list[Dimension]:
    """The dimensions a moment's words seem to speak to, likeliest first (at most ``MOST``).

    Ties keep the audit's order (initiation, depth, crisis, maintenance). An
    empty list means the words gave no clear hint: ask, do not guess.
    """
    plain = text.lower().replace("\u2019", "'")
    hits = {d: len(finder.findall(plain)) for d, finder in _FINDERS.items()}
    order = list(Dimension)
    found = sorted((d for d, n in hits.items() if n), key=lambda d: (-hits[d], order.index(d)))
    return found[:MOST]
