"""The words of the patterns view: labels, notes, felt-versus-evidence, suggestions.

Everything a person reads about their patterns is here, so the tone can be
read and revised in one sitting. The analysis in ``reciprocity.patterns``
chooses *which* words apply (by stable keys); this module says them.

Tone: calm, kind, specific. Every suggestion is an invitation or a question to
reflect on, never a verdict and never advice to step back from someone. Either
direction of imbalance is described as gently as the other. Nothing here frames
care as something to be counted or returned; ``tests/test_no_ledger_words.py``
checks that.

Placeholders: ``{name}`` is the other person; ``{dimension}`` a dimension's
everyday name; the others are named where they are used. Every template is
filled with ``str.format`` and keyword arguments only.
"""

from __future__ import annotations

DIMENSION_NAMES: dict[str, str] = {
    "initiation": "initiation",
    "depth": "depth",
    "crisis": "crisis response",
    "maintenance": "maintenance",
}
"""The one name of each dimension inside a sentence: ``terms.DIMENSION_TITLES``, lower case."""

LEANING_LABELS: dict[str, str] = {
    "me": "you have been carrying more",
    "them": "{name} has been carrying more",
    "mutual": "flowing both ways",
    "unknown": "not enough to say yet",
}

STRENGTH_WORDS: tuple[tuple[float, str], ...] = (
    (0.3, "a little"),
    (0.6, "clearly"),
    (1.01, "strongly"),
)
"""Upper bounds on strength and the word for a leaning below each bound."""

ENERGY_LABELS: dict[str, str] = {
    "nourished": "time together has mostly left you nourished",
    "mixed": "time together has left you sometimes nourished, sometimes drained",
    "drained": "time together has mostly left you drained",
    "unknown": "not enough to say yet",
}

TREND_LABELS: dict[str, str] = {
    "rising": "and it has been getting lighter",
    "falling": "and it has been getting heavier",
    "steady": "and it has been fairly steady",
    "unknown": "",
}

STYLE_WORDS: dict[str, str] = {
    "listening": "listening",
    "practical": "practical help",
    "words": "kind words",
    "humour": "humour",
    "presence": "being there",
    "time": "time together",
    "gifts": "gifts",
    "other": "ways of their own",
}

SEASON_PHRASES: dict[str, str] = {
    "illness": "{whose} illness",
    "grief": "{whose} time of grief",
    "move": "{whose} move",
    "new-baby": "{whose} new baby",
    "job-loss": "{whose} job loss",
    "exams": "{whose} exams",
    "caregiving": "{whose} time of caregiving",
    "breakup": "{whose} breakup",
    "other": "{whose} hard stretch",
}
YOUR = "your"
POSSESSIVE = "{name}'s"

# Notes beside a dimension's leaning.
SAFETY_NOTE = (
    "Some of what you have written about {name} speaks of feeling afraid, controlled or hurt. "
    "If that is what is happening, this is not a question of who gives more, and nothing "
    "here is the answer to it. You deserve to feel safe: please talk it over with someone "
    "you trust, a counsellor or a domestic abuse helpline, and if you are in danger now, "
    "call your local emergency number."
)
NOTE_LITTLE_DATA = (
    "Only {moments} moments were noted here in the last {days} days. Quiet stretches are "
    "common and say nothing about how much anyone cares."
)
NOTE_ONE_MOMENT = (
    "Only one moment was noted here in the last {days} days. Quiet stretches are "
    "common and say nothing about how much anyone cares."
)
NOTE_NOTHING_NOTED = (
    "Nothing was noted here in the last {days} days. Quiet stretches are common and say "
    "nothing about how much anyone cares."
)
NOTE_UNSURE = (
    "The {moments} moments noted in the last {days} days do not yet point clearly one way "
    "or the other."
)
# What would let a dimension say something, beside its "not enough to say yet".
# The count is the fewest further notes that could give a reading (some mixes of who
# gave would, not every mix), hence "could be enough".
NEED: dict[str, str] = {
    "first": "{count} more notes about {dimension} could be enough for a first reading.",
    "first-one": "One more note about {dimension} could be enough for a first reading.",
    "again": (
        "{count} more notes about {dimension} could be enough to say something about the "
        "last {days} days."
    ),
    "again-one": (
        "One more note about {dimension} could be enough to say something about the last "
        "{days} days."
    ),
}
NEED_SHORT = "{count} more notes could be enough"
NEED_SHORT_ONE = "one more note could be enough"
NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
"""Counts up to twelve are written in words; larger ones in figures."""
NOTE_IN_SEASON = "This overlaps with {season}. While it lasts, one of you needing more is expected."
NOTE_CHRONIC: dict[str, str] = {
    "me": (
        "Outside any season, you have been carrying more here in {count} of the last "
        "{horizon} months. That can be worth a gentle conversation about what would feel "
        "mutual to both of you."
    ),
    "them": (
        "Outside any season, {name} has been carrying more here in {count} of the last "
        "{horizon} months. Receiving more is not a failing; you might ask {name} how it "
        "feels from their side."
    ),
}
NOTE_CHANGE: dict[str, str] = {
    "toward-me": (
        "This used to flow both ways and has lately tilted toward you carrying more. It is "
        "too early to call it a pattern; it may be worth asking what changed."
    ),
    "toward-them": (
        "This used to flow both ways and has lately tilted toward {name} carrying more. It is "
        "too early to call it a pattern; it may be worth asking what changed."
    ),
    "toward-mutual": (
        "After a one-sided stretch this is flowing both ways again. A small win worth noticing."
    ),
}
NOTE_STYLES = (
    "Lately your care here has mostly taken the form of {mine}, and {name}'s the form of "
    "{theirs}. Different ways of caring can both count; only the two of you know what "
    "mattered."
)

# Felt rating beside the evidence, by agreement key.
FELT_VS_EVIDENCE: dict[str, str] = {
    "nothing-yet": (
        "There is no felt rating yet, and too little noted to suggest one. An audit, when "
        "you have a quiet half hour, is a good place to start."
    ),
    "felt-only": (
        "Your felt rating of {felt} stands on its own for now: too little was noted in the "
        "last {days} days to hold anything beside it."
    ),
    "evidence-only": (
        "The moments noted in the last {days} days suggest about {suggested} out of 5. It is "
        "only a suggestion; your own sense of it, in an audit, comes first."
    ),
    "agree": (
        "Your felt rating ({felt}) and what was noted ({suggested}) tell much the same story."
    ),
    "evidence-more-mutual": (
        "What was noted looks more mutual ({suggested}) than it feels to you ({felt}). Both "
        "can be true. The notes may miss what mattered most to you; your felt rating stays "
        "the one that guides."
    ),
    "evidence-more-one-sided": (
        "What was noted looks more one-sided ({suggested}) than it feels to you ({felt}). "
        "Notes catch some moments and miss others; your felt rating stays the one that "
        "guides. It may still be worth a look at whether this is a passing stretch."
    ),
    "other-way": (
        "Your felt rating ({felt}) leans one way and the notes ({suggested}) lean the other. "
        "Memory and notes each catch different moments; a check-in could bring both views "
        "together."
    ),
}
DEPTH_NOTE = (
    " For depth, think of how each of you met the other's hard news, and their good news too."
)

ENERGY_NOTHING_NOTED = (
    "Nothing noted in the last {days} days says how time with {name} left you feeling."
)
ENERGY_LITTLE_DATA = (
    "Only {moments} moments in the last {days} days say how time with {name} left you feeling."
)
ENERGY_ONE_MOMENT = (
    "Only one moment in the last {days} days says how time with {name} left you feeling."
)
ENERGY_RECURRING = (
    "In {count} of the last {months} months, time with {name} mostly left you drained."
)

# Suggestions, by key (and by variant where the words depend on the direction).
SUGGESTIONS: dict[str, str] = {
    "ritual-alternating-initiation:me": (
        "Would a small ritual help with reaching out, such as a regular call or walk where "
        "you and {name} take turns setting it up? Alternating who starts leaves room for "
        "{name} to reach out too."
    ),
    "ritual-alternating-initiation:them": (
        "Would a small ritual help with reaching out, such as a regular call or walk where "
        "you and {name} take turns setting it up? Alternating who starts gives you an easy, "
        "regular way to be the one who reaches out."
    ),
    "ritual-alternating-initiation": (
        "Would a shared ritual with {name}, where you take turns setting it up, make reaching "
        "out feel easy for both of you?"
    ),
    "depth-prompts": (
        "Next time one of you shares something, hard or happy, you might ask an open "
        "question and say back what you heard before offering anything else. How did {name} "
        "meet your last piece of good news, and how did you meet theirs?"
    ),
    "crisis-support-conversation": (
        "On a calm day, you could talk with {name} about what real support in a hard time "
        "looks like for each of you: what helped last time, and what each of you would "
        "want next time."
    ),
    "shared-upkeep:me": (
        "Could the small things be shared, such as remembering dates or checking in? You "
        "might ask {name} whether you could alternate who checks in each week."
    ),
    "shared-upkeep:them": (
        "{name} seems to look after many of the small things, such as remembering dates or "
        "checking in. You might offer to alternate who checks in each week."
    ),
    "shared-upkeep": (
        "Could the small things, such as remembering dates or checking in, be shared in a "
        "way that suits you both?"
    ),
    "check-in-energy": (
        "A short check-in with {name} could help: where each of you felt supported lately, "
        "what meant something, and where it felt heavy. Talk about what happened and how it "
        "landed rather than what anyone meant."
    ),
    "listening-time-blocks": (
        "If conversations often leave you drained, you could ask {name} for a set time to "
        "talk things through where one of you speaks and the other simply listens, without "
        "trying to fix anything. A clear, specific request is kinder than running on empty."
    ),
    "other-support": (
        "Time with {name} has often left you drained lately. That is a reason to pause and "
        "take stock, not to give up on each other. It may help to lean on other support "
        "too: other friends, or a professional you can talk to."
    ),
    "season-patience:me": (
        "During {season}, it is all right to need more. You might tell {name} what kind of "
        "support helps right now, and what can wait."
    ),
    "season-patience": (
        "During {season}, one of you needing more is part of caring for each other. Patience "
        "helps; you might ask {name} what kind of support fits right now, and what can wait."
    ),
    "rotate-roles": (
        "While this season lasts, you could share the load in turns: one of you looks after "
        "plans and practical things, the other listens, and then you switch."
    ),
    "notice-change": (
        "Something has shifted in {dimension} lately. Before drawing any conclusion, a "
        "check-in could ask what changed for each of you."
    ),
    "small-win": (
        "{Dimension} is flowing both ways again. Small wins are worth noticing; you could "
        "tell {name} you appreciated it."
    ),
    "ways-of-caring": (
        "You and {name} seem to show care in different ways. You might each say what made "
        "you feel supported recently; asking is better than assuming either way."
    ),
    "compare-views": (
        "Your felt rating and the notes differ for {dimension}. You could ask {name} how it "
        "looks from their side; people often notice their own efforts more easily than "
        "the other person's."
    ),
    "name-dimensions": (
        "{count} of the moments noted with {name} in the last {days} days say nothing yet "
        "about what they were ({dimension}). Adding that would let them count toward a "
        "reading."
    ),
    "name-dimensions:one": (
        "One moment noted with {name} in the last {days} days says nothing yet about what "
        "it was ({dimension}). Adding that would let it count toward a reading."
    ),
    "receiving-more": (
        "{name} has been carrying more in {dimension} for a while. That is not a failing. "
        "You might ask what would feel supportive to them, in a way that suits you."
    ),
}


def strength_word(strength: float) -> str:
    """A word for how strongly a window leans: "a little", "clearly", "strongly"."""
    for bound, word in STRENGTH_WORDS:
        if strength < bound:
            return word
    return STRENGTH_WORDS[-1][1]


def leaning_label(leaning: str, name: str, strength: float) -> str:
    """A short label such as "you have been carrying more (a little)"."""
    label = LEANING_LABELS[leaning].format(name=name)
    if leaning in ("me", "them"):
        return f"{label} ({strength_word(strength)})"
    return label


def number_word(count: int) -> str:
    """ "two", "twelve", "15": small counts in words, as a sentence would say them."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def need_sentence(dimension: str, count: int, *, first: bool, days: int) -> str:
    """ "Two more notes about depth could be enough for a first reading." """
    key = ("first" if first else "again") + ("-one" if count == 1 else "")
    said = number_word(count)
    return NEED[key].format(count=said[:1].upper() + said[1:], dimension=dimension, days=days)


def need_short(count: int) -> str:
    """ "two more notes could be enough": the same, for a table cell."""
    if count == 1:
        return NEED_SHORT_ONE
    return NEED_SHORT.format(count=number_word(count))


def season_phrase(kind: str, whose: str, name: str) -> str:
    """ "your illness", "Sam's move": whose season it is, in words."""
    owner = YOUR if whose == "me" else POSSESSIVE.format(name=whose or name)
    return SEASON_PHRASES.get(kind, SEASON_PHRASES["other"]).format(whose=owner)


def dimension_name(dimension: str) -> str:
    return DIMENSION_NAMES.get(dimension, dimension)


def dimension_choices() -> str:
    """ "initiation, depth, crisis response or maintenance"."""
    names = list(DIMENSION_NAMES.values())
    return ", ".join(names[:-1]) + " or " + names[-1]


def styles_phrase(styles: list[str]) -> str:
    """ "listening", "listening and humour": the one or two most used styles."""
    words = [STYLE_WORDS.get(style, style) for style in styles[:2]]
    return " and ".join(words)


def energy_label(state: str, trend: str) -> str:
    """ "time together has mostly left you drained, and it has been getting heavier"."""
    label = ENERGY_LABELS[state]
    tail = TREND_LABELS.get(trend, "")
    return f"{label}, {tail}" if tail and state != "unknown" else label


def suggestion_text(key: str, variant: str | None = None, **values: str) -> str:
    """The words of one suggestion; a direction variant is used when it exists."""
    template = SUGGESTIONS.get(f"{key}:{variant}") if variant else None
    if template is None:
        template = SUGGESTIONS[key]
    dimension = values.get("dimension", "")
    return template.format(Dimension=dimension[:1].upper() + dimension[1:], **values)
