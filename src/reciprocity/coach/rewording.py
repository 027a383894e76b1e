"""Request-shaped versions of a flagged sentence that keep what the person actually asked about.

``coach.phrasing`` finds the wording that may not land; this module offers
the same content as a request. Each shape it knows is a pattern over the
sentence and a way to rebuild it: "Why am I the one who always books
dinner?" becomes "Could we take turns booking dinner?"; "You never call me"
becomes "Would you be up for calling me more often?"; "He should have asked
first" becomes "I'd like to ask him to ask first next time." When no shape
fits, nothing is offered, and the check gives guidance instead: a blank for
the person to fill in is never a rewrite.

``candidates`` yields every version it can build, best first; the phrasing
check keeps the first that reads whole and passes the check itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reciprocity.coach.grammar import (
    KIN,
    NAME,
    NUMBER,
    base,
    gerund,
    is_past,
    mid_sentence,
    object_form,
    singular,
    third_person,
    word_set,
)

TAKE_TURNS = "Could we take turns {doing}?"
SHARE = "Could we share {thing}?"
UP_FOR_MORE = "Would you be up for {doing}? It would mean a lot to me."
UP_FOR = "Would you be up for {doing}?"
UP_FOR_NEXT_TIME = "Next time, would you be up for {doing}?"
UP_FOR_SOON = "Would you be up for {thing} soon?"
UP_FOR_CATCHING_UP = "Would you be up for {doing} just to catch up now and then?"
ASK_THEM = "I'd like to ask {them} to {do}."
ASK_THEM_NEXT_TIME = "I'd like to ask {them} to {do} next time."
ASK_THEM_SOON = "I'd like to ask {them} about {thing} soon."
ASK_THEM_CATCHING_UP = "I'd like to ask {them} to {do} just to catch up now and then."
MAKE_SURE_YOU_KNOW = "I'd like to make sure you know {what}."
MAKE_SURE_THEY_KNOW = "I'd like to make sure {who} {knows} {what}."
WHEN_YOU = "When {clause}, I find it hard. Could we find a way that works better for both of us?"
WHEN_THEY = (
    "When {clause}, I find it hard; I'd like to talk with {them} about what would work better "
    "for us both."
)
TALK_WITH_YOU = "Could we talk about {topic}? I'd like us to find a way that works for both of us."
TALK_WITH_THEM = (
    "I'd like to talk with {them} about {topic} and find a way that works for both of us."
)

UNFINISHED = re.compile(r"…|\.\.|\{|\}|\[|\]|_{2,}|<|>")
"""What a rewrite must never hold: a blank or a placeholder left for the person to fill in."""

_SUBJECT = rf"(?P<who>you|he|she|they|{KIN}|{NAME})"
_CLAUSE_END = re.compile(
    r"\s*(?:[.!?;:]|,|\s[-–—]\s|\s+(?:and|but|so|or|because|unless|though|although|while|whereas|yet)"
    r"\s+(?:I|I'm|I've|you|you're|he|he's|she|she's|they|they're|we|we're|it|it's|then|now|that|"
    r"there|not)\b|\s+(?:but|because|unless|although|though|whereas|so\s+that)\b|$)"
)
_LEADING = re.compile(
    r"^(?:(?:always|never|ever|just|even|really|honestly|simply|actually|still|constantly|"
    r"finally|once|for\s+once|at\s+least|definitely|seriously|literally|also|already|grow\s+up\s+and|"
    r"has\s+to|have\s+to|had\s+to|ends\s+up|end\s+up|keeps?(?=\s+\w+ing\b))\s+)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:for\s+once(?:\s+in\s+(?:your|his|her|their)\s+life)?|again|anyway|anymore|by\s+now|"
    r"all\s+the\s+time|every\s+(?:single\s+)?time|for\s+a\s+change|not\s+mine|like\s+I\s+do|"
    r"either|too|as\s+usual)\b",
    re.IGNORECASE,
)
_COUNTS = re.compile(
    rf"\s*\b(?:(?:for\s+)?(?:the\s+|my\s+)?(?:last|past|previous)\s+{NUMBER}\s+\w+|"
    rf"{NUMBER}\s+(?:\w+\s+)?\w+\s+in\s+a\s+row|{NUMBER}\s+times(?:\s+(?:this|last)\s+\w+)?|"
    r"every\s+(?:single\s+)?\w+(?:\s+(?:for|since)\s+(?:an?\s+)?\w+)?|(?:this|last)\s+(?:time|week|month|"
    r"year|term|summer|winter|weekend)|since\s+\w+|twice|thrice|again|each\s+time)\b",
    re.IGNORECASE,
)
_NOT_A_VERB = word_set(
    "the a an my your his her their our i you he she they we it this that there not no so very "
    "too to of in on at for with about by from up down out over off what how why who when where "
    "me him them us more less all some any every each"
)
_WH = re.compile(r"^(?:how|what|whether|if|who|why|where)\b", re.IGNORECASE)
_AUXILIARIES = word_set("do does did be is are was were have has had can could will would")


def sentences(text: str) -> list[str]:
    """``text`` in sentences, each with its own ending mark."""
    found = re.findall(r"[^.!?]+[.!?]*|[.!?]+", text)
    return [s.strip() for s in found if s.strip(" .!?")]


def _clause(text: str) -> str:
    """The words up to the end of their clause, without the adverbs that only add heat."""
    text = text.strip()
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()] if end else text
    clause = _LEADING.sub("", clause.strip())
    clause = _TRAILING.sub("", clause)
    clause = re.sub(r"\beverything\b", "things", clause, flags=re.IGNORECASE)
    clause = re.sub(r"\ball\s+(?:of\s+)?the\b", "the", clause, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", clause).strip(" ,")


def _split(phrase: str) -> tuple[str, str] | None:
    """A verb phrase as (its verb, the rest); None when it does not start with a verb."""
    words = phrase.split(maxsplit=1)
    if not words:
        return None
    verb = words[0].lower()
    if verb == "to" and len(words) > 1:
        return _split(words[1])
    if verb in _NOT_A_VERB or not re.fullmatch(r"[a-z]+(?:'[a-z]+)?", verb) or "'" in verb:
        return None
    return base(verb), words[1] if len(words) > 1 else ""


def _verb_phrase(phrase: str) -> tuple[str, str] | None:
    """(verb, rest) of a phrase worth asking for: "stop calling late" asks for not calling late."""
    split = _split(phrase)
    if split is None:
        return None
    verb, rest = split
    if verb in _AUXILIARIES and verb != "be" and not rest:
        return None  # "you always do": nothing concrete to ask for
    if verb == "be" and rest.startswith(("the one", "the only one")):
        return None
    started = re.match(r"(\w+ing)\b\s*(.*)", rest)
    if verb in ("start", "begin") and started:
        return base(started.group(1)), started.group(2)
    if verb == "stop" and started:
        return "not " + base(started.group(1)), started.group(2)
    return verb, rest


def _often(head: str, rest: str) -> str:
    """ "more often" where it reads: before a how-clause or a when-clause, else at the end."""
    if re.search(r"\bmore\s+often\b", rest):
        return f"{head} {rest}".strip()
    if _WH.match(rest):
        return f"{head} more often {rest}"
    when = re.search(r"(?:^|\s)(?=(?:when|whenever|if|while)\s)", rest)
    if when:
        return re.sub(
            r"\s+", " ", f"{head} {rest[: when.start()]} more often {rest[when.start() :]}"
        )
    return f"{head} {rest}".strip() + " more often"


def _doing(phrase: str, *, more_often: bool = False) -> str | None:
    """ "book dinner" (or "books", "booked") → "booking dinner"; "more often" placed where it reads."""
    found = _verb_phrase(phrase)
    if found is None:
        return None
    verb, rest = found
    head = "not " + gerund(verb[4:]) if verb.startswith("not ") else gerund(verb)
    return _often(head, rest) if more_often else f"{head} {rest}".strip()


def _do(phrase: str, *, more_often: bool = False) -> str | None:
    found = _verb_phrase(phrase)
    if found is None or found[0].startswith("not "):
        return None
    verb, rest = found
    return _often(verb, rest) if more_often else f"{verb} {rest}".strip()


def _each_other(phrase: str) -> str:
    """The other person's side of a shared task, said as both of ours: "calls you" → "calls each other"."""
    phrase = re.sub(r"\b(?:your|his|their)\b", "each other's", phrase, flags=re.IGNORECASE)
    phrase = re.sub(
        r"\bher\b(?=\s+(?!(?:to|for|with|at|on|in|up|out|back|home|over|again)\b)[a-z])",
        "each other's",
        phrase,
        flags=re.IGNORECASE,
    )
    return re.sub(r"\b(?:you|him|her|them)\b", "each other", phrase, flags=re.IGNORECASE)


@dataclass(frozen=True)
class _Shape:
    needs: frozenset[str]  # the kinds of wording this shape answers; empty: any
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str]], str | None]


_SHAPES: list[_Shape] = []


def _shape(
    needs: str, *patterns: str
) -> Callable[[Callable[[re.Match[str]], str | None]], Callable[[re.Match[str]], str | None]]:
    def register(
        build: Callable[[re.Match[str]], str | None],
    ) -> Callable[[re.Match[str]], str | None]:
        for pattern in patterns:
            _SHAPES.append(
                _Shape(frozenset(needs.split()), re.compile(pattern, re.IGNORECASE), build)
            )
        return build

    return register


# -- shared tasks: "why am I the one who…", "I hosted the last three times", "it's his turn" -----


@_shape(
    "rhetorical count turn",
    r"\bwhy\s+am\s+(?-i:I)\s+(?:always\s+|still\s+)?the\s+(?:only\s+)?one\s+(?:who|that|to)\s+(?P<task>.+)",
    r"\bwhy\s+(?:do|must|should)\s+(?-i:I)\s+(?:always\s+)?(?:have\s+to|need\s+to|end\s+up|get\s+stuck|keep)\s+"
    r"(?:be(?:ing)?\s+the\s+(?:only\s+)?one\s+(?:who|to|that)\s+)?(?P<task>.+)",
    r"\bwhy\s+(?:is|does|did)\s+it\s+(?:always\s+)?(?:me|up\s+to\s+me|fall\s+to\s+me|land\s+on\s+me|"
    r"come\s+down\s+to\s+me)\s+(?:who|that|to)\s+(?P<task>.+)",
    r"\b(?-i:I)(?:'m|\s+am)\s+(?:always\s+|forever\s+|constantly\s+|still\s+|usually\s+)?the\s+(?:only\s+)?one\s+"
    r"(?:who|that|to)\s+(?P<task>.+)",
    r"\b(?:sick|tired|fed\s+up)\s+of\s+(?:always\s+)?being\s+the\s+(?:only\s+)?one\s+(?:who|to|that)\s+(?P<task>.+)",
    r"\b(?-i:I)\s+(?:always\s+|constantly\s+|usually\s+)(?:have\s+to|end\s+up|get\s+stuck|wind\s+up)\s+"
    r"(?:being\s+the\s+(?:only\s+)?one\s+(?:who|that|to)\s+)?(?P<task>.+)",
    r"\b(?-i:I)\s+(?:always|constantly|usually)\s+(?P<task>(?:pay|host|drive|cook|clean|plan|organi[sz]e|book|"
    r"reach\s+out|make\s+the\s+effort|initiate|pick\s+up)\b.*)",
    r"\b(?:it's|it\s+is)\s+always\s+(?:me|up\s+to\s+me)\s+(?:who|that|to)\s+(?P<task>.+)",
    r"\balways\s+me\s+who\s+(?P<task>.+)",
    rf"\b(?:your|his|her|their|my|{NAME}'s)\s+turn\s+to\s+(?P<task>.+)",
)
def _take_turns(match: re.Match[str]) -> str | None:
    doing = _doing(_each_other(_COUNTS.sub("", _clause(match.group("task")))))
    return None if doing is None else TAKE_TURNS.format(doing=doing)


@_shape(
    "count",
    r"\b(?-i:I)(?:'ve|\s+have|\s+had|'d)?\s+(?:already\s+|also\s+|just\s+)?(?P<task>(?!been\b|got\s+to\b)\w+.*)",
)
def _counted(match: re.Match[str]) -> str | None:
    clause = _clause(match.group("task"))
    uncounted = _COUNTS.sub("", clause).strip()
    if uncounted == clause:
        return None  # nothing was counted in this clause: not a favour being tallied
    doing = _doing(_each_other(uncounted))
    return None if doing is None else TAKE_TURNS.format(doing=doing)


@_shape(
    "count",
    r"\b(?-i:I)(?:'m|\s+am)?\s+(?:do|doing|did|carry|carrying|carried|handle|handling)\s+"
    r"(?:all\s+(?:of\s+)?|most\s+of\s+)(?P<thing>the\s+.+)",
)
def _share(match: re.Match[str]) -> str | None:
    return SHARE.format(thing=_each_other(_clause(match.group("thing"))))


# -- score wording that holds a request: "we'll be square when you…", "only fair that you…" ------


@_shape(
    "even due demand",
    rf"\b(?:square|even|quits|evens)\s+(?:when|once|if|after|as\s+soon\s+as)\s+{_SUBJECT}\s+(?P<task>.+)",
    rf"\b(?:when|once|if|after|as\s+soon\s+as)\s+{_SUBJECT}\s+(?P<task>[^,]+),\s*(?:then\s+)?we(?:'re|'ll\s+be|"
    r"\s+are|\s+will\s+be)\s+(?:square|even|quits)",
    rf"\bonly\s+(?:fair|right|reasonable)\s+(?:that|if)\s+{_SUBJECT}\s+(?:should\s+)?(?P<task>.+)",
    rf"\bonly\s+(?:fair|right|reasonable)\s+for\s+{_SUBJECT}\s+to\s+(?P<task>.+)",
    rf"\b(?:about|high)\s+time\s+{_SUBJECT}\s+(?P<task>.+)",
)
def _their_part(match: re.Match[str]) -> str | None:
    return _ask(match.group("who"), _clause(match.group("task")))


_THINGS = (
    r"visit|call|phone\s+call|coffee|drink|dinner|lunch|meal|night\s+out|catch-up|lift|ride|trip"
)


@_shape("due", rf"\b{_SUBJECT}\s+\w+\s+me\s+(?:a|an|one)\s+(?P<thing>{_THINGS})\b")
def _a_thing(match: re.Match[str]) -> str | None:
    thing = match.group("thing").lower()
    thing = thing if thing in ("coffee", "dinner", "lunch") else f"a {thing}"
    who = match.group("who")
    if who.lower() == "you":
        return UP_FOR_SOON.format(thing=thing)
    return ASK_THEM_SOON.format(them=object_form(who), thing=thing)


@_shape(
    "due",
    rf"\b{_SUBJECT}\s+only\s+(?:ever\s+)?(?P<task>\w+(?:\s+(?:me|us))?)\s+when\s+(?:you|he|she|they)\s+(?:need|needs|want|wants)",
)
def _only_when(match: re.Match[str]) -> str | None:
    who = match.group("who")
    if who.lower() == "you":
        doing = _doing(match.group("task"))
        return None if doing is None else UP_FOR_CATCHING_UP.format(doing=doing)
    do = _do(match.group("task"))
    return None if do is None else ASK_THEM_CATCHING_UP.format(them=object_form(who), do=do)


# -- blame that holds a request: questions, should, never, "keep forgetting" ---------------------


def _ask(who: str, task: str, *, past: bool = False, more_often: bool = False) -> str | None:
    """The request itself: of "you" as a question, of someone else as what I'd like to ask them."""
    if who.lower() == "you":
        doing = _doing(task, more_often=more_often)
        if doing is None:
            return None
        if more_often:
            return UP_FOR_MORE.format(doing=doing)
        return (UP_FOR_NEXT_TIME if past else UP_FOR).format(doing=doing)
    do = _do(task, more_often=more_often)
    if do is None:
        return None
    return (ASK_THEM_NEXT_TIME if past else ASK_THEM).format(them=object_form(who), do=do)


@_shape(
    "rhetorical scorn motive",
    rf"\bwhy\s+(?:can't|cannot|won't|don't|doesn't|didn't|do|does|wouldn't)\s+{_SUBJECT}\s+(?:ever\s+|just\s+|"
    r"even\s+|for\s+once\s+|once\s+|simply\s+)*(?P<task>(?!always|never|keep)\w+.*)",
    r"\bhow\s+(?:hard|difficult)\s+(?:is|was|can|could)\s+it\s+(?:be\s+)?(?:for\s+(?P<who>you)\s+)?to\s+(?P<task>.+)",
    rf"\bwhy\s+(?:is|was)\s+it\s+(?:so\s+|that\s+)?(?:hard|difficult)\s+for\s+(?P<them>you|him|her|them|{NAME})\s+to\s+(?P<task>.+)",
    r"\bwould\s+it\s+kill\s+(?P<who>you)\s+to\s+(?P<task>.+)",
    r"\bis\s+it\s+(?:really\s+|so\s+)?too\s+much\s+to\s+ask\s+(?:(?P<who>you)\s+|for\s+you\s+)?to\s+(?P<task>.+)",
    r"\bis\s+it\s+(?:really\s+|so\s+)?too\s+much\s+to\s+ask\s+that\s+(?P<who>you)\s+(?P<task>.+)",
    r"\bhow\s+many\s+(?:more\s+)?times\s+(?:do|must|will|should)\s+(?-i:I)\s+(?:have\s+to\s+)?(?:ask|tell|remind|beg)\s+"
    r"(?P<who>you)\s+to\s+(?P<task>.+)",
    r"\b(?P<who>you)\s+(?:can't|couldn't|won't|wouldn't|cannot|don't)\s+even\s+(?P<task>.+)",
    r"\blike\s+(?P<who>you)(?:'d|\s+would|'ll|\s+will)\s+ever\s+(?P<task>.+)",
    r"^\W*grow\s+up\s+and\s+(?P<task>.+)",
    r"\b(?:could|can|would)\s+(?P<who>you)\s+(?P<task>.+?)\s+for\s+once\b",
    r"\bif\s+(?P<who>you)\s+(?:really|actually|truly)\s+\w+\s+(?:me|us)\s*,?\s+you(?:'d|\s+would)\s+(?P<task>.+)",
    r"\b(?:do|does)\s+(?P<who>you)\s+(?:even|ever)\s+care\s+(?P<wonder>(?:how|what|whether|if|about)\b.+)",
)
def _up_for(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("wonder"):
        return UP_FOR.format(doing=f"asking {_clause(groups['wonder'])}")
    who = groups.get("who") or "you"
    them = groups.get("them")
    if them is not None:  # "hard for him to…": ask him
        who = {"him": "he", "her": "she", "them": "they"}.get(them.lower(), them)
    return _ask(who, _clause(match.group("task")))


@_shape(
    "rhetorical",
    r"\bis\s+it\s+(?:really\s+|so\s+)?too\s+much\s+to\s+ask\s+for\s+(?P<thing>(?:a|an|some|the|one|more)\b.+)",
)
def _up_for_a_thing(match: re.Match[str]) -> str | None:
    return UP_FOR.format(doing=_clause(match.group("thing")))


@_shape(
    "scorn demand",
    rf"\b{_SUBJECT}\s+(?:didn't|did\s+not)\s+even\s+(?P<task>.+)",
    rf"\b{_SUBJECT}\s+(?:could|might)(?:'ve|\s+have)\s+(?:at\s+least\s+)?(?P<task>\w+.*)",
)
def _next_time(match: re.Match[str]) -> str | None:
    return _ask(match.group("who"), _clause(match.group("task")), past=True)


@_shape(
    "demand",
    rf"\b{_SUBJECT}(?:'d|\s+had)?\s+(?:really\s+|just\s+|honestly\s+|seriously\s+|definitely\s+|clearly\s+)?"
    r"(?P<modal>should|ought\s+to|needs?\s+to|ha(?:ve|s)\s+to|must|better|should've)\s+"
    r"(?P<have>have\s+)?(?P<task>.+)",
    rf"\b{_SUBJECT}\s+(?:really\s+)?(?P<negative>shouldn't|should\s+not|ought\s+not\s+to|mustn't)\s+"
    r"(?P<have>have\s+)?(?P<task>.+)",
)
def _asked_for(match: re.Match[str]) -> str | None:
    who = match.group("who")
    task = _clause(match.group("task"))
    groups = match.groupdict()
    past = bool(groups.get("have")) or groups.get("modal") == "should've"
    know = re.match(
        r"know\b\s*(?:by\s+now\s+)?(?P<what>(?:that|how|what|when|why)\b.+)?", task, re.I
    )
    if know is not None:
        what = know.group("what")
        if what is None:
            return None  # "should know better": nothing to ask for
        if who.lower() == "you":
            return MAKE_SURE_YOU_KNOW.format(what=what)
        knows = third_person("know") if singular(who) else "know"
        return MAKE_SURE_THEY_KNOW.format(who=mid_sentence(who), knows=knows, what=what)
    if groups.get("negative"):
        if who.lower() != "you":
            return None
        doing = _doing(task)
        return (
            None
            if doing is None
            else (UP_FOR_NEXT_TIME if past else UP_FOR).format(doing=f"not {doing}")
        )
    return _ask(who, task, past=past)


@_shape(
    "absolute",
    rf"\b{_SUBJECT}(?:'ve|'d|'ll|\s+(?:have|has|had|do|does|did|can|could|will|would|just|also|still|"
    r"literally|basically))*\s+never\s+(?:once\s+|ever\s+|even\s+|really\s+)*(?P<task>.+)",
    rf"\b{_SUBJECT}\s+(?:don't|doesn't|didn't|won't|can't)\s+ever\s+(?P<task>.+)",
)
def _more_often(match: re.Match[str]) -> str | None:
    task = _clause(match.group("task"))
    first = task.split(maxsplit=1)[0] if task else ""
    return _ask(match.group("who"), task, more_often=not is_past(first))


@_shape(
    "absolute",
    r"\b(?P<who>you)(?:'re|\s+are)\s+never\s+(?P<where>(?:around|there|home|here|free|about|in|on\s+time)\b.*)",
)
def _being_there(match: re.Match[str]) -> str | None:
    return UP_FOR_MORE.format(doing=_often("being", _clause(match.group("where"))))


_OPPOSITES = {
    "forget": "remember",
    "ignore": "answer",
    "interrupt": "let me finish",
    "cancel": "keep",
}


@_shape(
    "absolute",
    rf"\b{_SUBJECT}\s+(?:just\s+)?(?:keeps?|always|constantly)\s+(?P<task>(?:forget|ignor|interrupt|cancel)\w*\b.*)",
)
def _the_opposite(match: re.Match[str]) -> str | None:
    split = _split(_clause(match.group("task")))
    if split is None or split[0] not in _OPPOSITES:
        return None
    verb, rest = split
    if verb == "interrupt":
        rest = re.sub(r"^(?:me|us)\b\s*", "", rest)
    if verb == "cancel" and not re.match(r"(?:our\s+|the\s+)?plans?\b", rest):
        return None
    return _ask(match.group("who"), f"{_OPPOSITES[verb]} {rest}".strip())


@_shape(
    "absolute",
    rf"\b(?P<asked>why)\s+(?:must|do|does)\s+{_SUBJECT}\s+(?:always|constantly)\s+(?P<task>.+)",
    rf"\b{_SUBJECT}(?P<be>'re|'s|\s+are|\s+is)?\s+(?:always|constantly|forever|continually)\s+(?P<task>.+)",
    rf"\b{_SUBJECT}\s+(?:just\s+)?(?P<keep>keeps?)\s+(?P<task>\w+ing\b.*)",
)
def _when(match: re.Match[str]) -> str | None:
    """ "You always cancel at the last minute" → "When you cancel at the last minute, I find it hard…"."""
    who = match.group("who")
    task = _clause(match.group("task"))
    groups = match.groupdict()
    if not task or (not groups.get("be") and _verb_phrase(task) is None):
        return None
    subject = mid_sentence(who)
    if groups.get("be"):
        be = groups["be"]
        verb_phrase = (
            f"{subject}{be} {task}" if be.startswith("'") else f"{subject} {be.strip()} {task}"
        )
    else:
        verb, _, rest = task.partition(" ")
        if groups.get("keep") or groups.get("asked"):  # "keeps cancelling", "why must she cancel"
            verb = third_person(base(verb)) if singular(who) else base(verb)
        verb_phrase = f"{subject} {verb} {rest}".strip()
    during = re.match(r"(?P<what>.+?)\s+(?:when|whenever)\s+(?P<then>.+)", verb_phrase)
    if during is not None:
        verb_phrase = f"{during.group('then')} and {during.group('what')}"  # "when we eat and you're on your phone"
    if who.lower() == "you":
        return WHEN_YOU.format(clause=verb_phrase)
    return WHEN_THEY.format(clause=verb_phrase, them=object_form(who))


# -- labels that name a topic: "selfish about the holidays" ---------------------------------------


@_shape(
    "label",
    rf"\b{_SUBJECT}\b.*?\b(?:about|when\s+it\s+comes\s+to|over)\s+(?P<topic>(?:the|my|our|your|his|her|their|"
    r"this|that|money|plans|holidays|christmas|birthdays|keeping|planning|calling|visiting|work)\b.+)",
)
def _talk_about(match: re.Match[str]) -> str | None:
    topic = _clause(match.group("topic"))
    who = match.group("who")
    if who.lower() == "you":
        return TALK_WITH_YOU.format(topic=topic)
    return TALK_WITH_THEM.format(them=object_form(who), topic=topic)


@_shape(
    "label scorn", rf"\b{_SUBJECT}\b.*?\b(?:when|whenever)\s+(?P<clause>(?:you|he|she|they)\b.+)"
)
def _when_it_happens(match: re.Match[str]) -> str | None:
    clause = _clause(match.group("clause"))
    who = match.group("who")
    if len(clause.split()) < 2:
        return None
    if who.lower() == "you":
        return WHEN_YOU.format(clause=clause)
    return WHEN_THEY.format(clause=clause, them=object_form(who))


def candidates(sentence: str, kinds: frozenset[str]) -> Iterator[str]:
    """Every request-shaped version of ``sentence`` this module can build, best first.

    ``kinds`` names what the check found in it (``"count"``, ``"label"``…);
    a shape is tried only for the kinds it answers.
    """
    for shape in _SHAPES:
        if shape.needs and not shape.needs & kinds:
            continue
        for match in shape.pattern.finditer(sentence):
            built = shape.build(match)
            if built is not None:
                yield _tidy(built)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([?.,;])", r"\1", re.sub(r"\s+", " ", text)).strip()
    return text[:1].upper() + text[1:]
