"""The one gentle check on wording: blame, score-keeping and contempt, for every place people write.

Visions, boundaries, check-in answers and honest feedback all go through
``check`` (what it finds), ``explain`` (why it may not land as meant) and
``offer`` (the whole check in one call, with a request-shaped rewrite that
keeps the person's own content, or guidance when no honest rewrite can be
made). It never refuses the user's words: the person chooses.

Three concerns, each made of a few kinds of wording:

- **blame**: always/never (``absolute``), character labels (``label``),
  should/ought/need to (``demand``) and questions that already hold their
  answer (``rhetorical``);
- **score-keeping**: whose turn it is (``turn``), favours counted (``count``),
  what is due (``due``) and coming out even or square (``even``);
- **contempt**: sarcasm, scorn and eye-rolls (``scorn``).

Fair requests are left alone: taking turns *asked for* ("Could we take turns
choosing the film?") is an invitation; "it's your turn" is a charge. So turns
are flagged only when someone's turn is claimed, counts only when a person did
the counted thing, "always" only when it is said of the other person.

The regular expressions below *detect* debt and blame wording; they are the
one place such words may appear (see ``tests/test_no_ledger_words.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from reciprocity.coach import practices as words
from reciprocity.coach import rewording
from reciprocity.coach.grammar import KIN, NAME, NUMBER, OTHER


class Concern(StrEnum):
    BLAME = "blame"
    SCORE = "score"
    CONTEMPT = "contempt"


class Kind(StrEnum):
    ABSOLUTE = "absolute"
    LABEL = "label"
    DEMAND = "demand"
    RHETORICAL = "rhetorical"
    MOTIVE = "motive"
    TURN = "turn"
    COUNT = "count"
    DUE = "due"
    EVEN = "even"
    SCORN = "scorn"

    @property
    def concern(self) -> Concern:
        return CONCERN_OF[self]


CONCERN_OF = {
    Kind.ABSOLUTE: Concern.BLAME,
    Kind.LABEL: Concern.BLAME,
    Kind.DEMAND: Concern.BLAME,
    Kind.RHETORICAL: Concern.BLAME,
    Kind.MOTIVE: Concern.BLAME,
    Kind.TURN: Concern.SCORE,
    Kind.COUNT: Concern.SCORE,
    Kind.DUE: Concern.SCORE,
    Kind.EVEN: Concern.SCORE,
    Kind.SCORN: Concern.CONTEMPT,
}

WHY = {
    Kind.ABSOLUTE: (
        "'Always' and 'never' invite a debate about the exceptions; one recent moment, and what "
        "you would like, is easier to hear."
    ),
    Kind.LABEL: (
        "A word for who someone is tends to put them on the defensive; what they did, and how it "
        "landed for you, leaves them room to answer."
    ),
    Kind.DEMAND: (
        "'Should' and 'need to' sound like a verdict; asking for what you would like gives them "
        "something to say yes to."
    ),
    Kind.RHETORICAL: (
        "A question that already holds its answer is heard as a complaint; saying plainly what "
        "you would like is kinder to you both."
    ),
    Kind.MOTIVE: (
        "Saying what someone cares about or expects is a guess at their inside; what they did, "
        "and how it landed for you, is yours to say and easier to hear."
    ),
    Kind.TURN: (
        "Naming whose go it is makes care a rota to be settled; asking to share it sounds like "
        "an invitation."
    ),
    Kind.COUNT: (
        "Counting who did what, and how many times, tends to start both people counting; the "
        "pattern you would like from now on is easier to agree on."
    ),
    Kind.DUE: (
        "Talk of what someone is due frames care as an exchange; asking for what would help "
        "now keeps it a gift."
    ),
    Kind.EVEN: (
        "Aiming to come out even turns the friendship into a sum to balance; saying what would "
        "feel mutual to you invites them in."
    ),
    Kind.SCORN: (
        "Sarcasm and scorn are heard before anything else in the sentence; plain words about "
        "what hurt, and what you would like, are easier to take in."
    ),
}

GUIDANCE = {
    Concern.BLAME: (
        "Try one recent moment, how it left you, and one thing you would like next time, asked "
        "as a question they can say yes to."
    ),
    Concern.SCORE: (
        "Try saying what you would like from here on, one specific thing asked as a question "
        "they can say yes to, rather than what has been done so far."
    ),
    Concern.CONTEMPT: (
        "Try plain words: what happened, how it felt, and one thing you would like, asked as a "
        "question they can say yes to."
    ),
}


@dataclass(frozen=True)
class Flag:
    """One place the check points at: what kind of wording, where, and the words themselves."""

    kind: Kind
    start: int
    end: int
    words: str

    @property
    def concern(self) -> Concern:
        return self.kind.concern

    @property
    def why(self) -> str:
        return WHY[self.kind]


# -- the rules ------------------------------------------------------------------

_I = r"(?-i:I)"
_BE = (
    r"(?:(?:'re|'s|\s+are|\s+is|\s+was|\s+were)?\s+(?:acting|behaving)\s+like|\s+(?:act|acts|behave|behaves)\s+like|"
    r"'re|'s|\s+(?:are|is|was|were|am|'ve\s+been|have\s+been|has\s+been|had\s+been|can\s+be|could\s+be|"
    r"get|gets|got|seem|seems|act|acts|sound|sounds))"
)
_SOFTENERS = (
    r"(?:\s+(?:being|just|so|such|really|truly|totally|completely|utterly|incredibly|very|too|"
    r"always|often|a\s+bit|kind\s+of|sort\s+of|pretty|quite|rather|extremely|absolutely|"
    r"honestly|frankly|basically|literally|clearly|simply|plain|downright|a|an|the|such\s+an?|"
    r"a\s+real|a\s+total|a\s+complete|the\s+most|a\s+bit\s+of\s+an?|one|selfish|lazy|"
    r"entitled|spoilt|spoiled|useless|little|big|massive|huge|typical))*"
)
_TRAITS = (
    r"self[-\s]?absorbed|self[-\s]?centr(?:ed|ic)|self[-\s]?center(?:ed)?|self[-\s]?obsessed|"
    r"self[-\s]?serving|selfish|egotistical|narcissistic|inconsiderate|thoughtless|careless|"
    r"insensitive|uncaring|unfeeling|heartless|cold[-\s]?hearted|callous|cruel|nasty|rude|"
    r"disrespectful|ungrateful|entitled|spoil(?:ed|t)|greedy|stingy|tight[-\s]?fisted|petty|lazy|"
    r"useless|hopeless|pathetic|worthless|incompetent|irresponsible|unreliable|flaky|immature|"
    r"childish|clingy|needy|controlling|manipulative|passive[-\s]?aggressive|toxic|fake|"
    r"two[-\s]?faced|dishonest|arrogant|condescending|patroni[sz]ing|dismissive|stubborn|"
    r"unreasonable|irrational|hysterical|oblivious|clueless|ignorant|stupid|dumb|insufferable|"
    r"unbearable|negligent|neglectful|inattentive|uninterested|unsupportive|possessive|jealous|"
    r"spineless|vain|shallow|sneaky|cheap|mean"
)
_PERSON_ONLY = (
    r"impossible|difficult|exhausting|draining|demanding|dramatic|crazy|boring|annoying|cold|"
    r"unbelievable|unreal|too\s+much(?!\s+(?:fun|of|for))|hard\s+work|a\s+lot(?!\s+of)"
)
_NOUNS = (
    r"jerk|idiot|moron|loser|narcissist|taker|leech|parasite|freeloader|mooch(?:er)?|"
    r"slob|slacker|flake|brat|control[-\s]freak|drama[-\s]queen|liar|hypocrite|coward|"
    r"snob|bully|nightmare|piece\s+of\s+work|waste\s+of\s+space|know[-\s]it[-\s]all|diva|"
    r"(?:bad|terrible|awful|lousy|horrible|crappy|poor|useless|selfish|rubbish)\s+"
    r"(?:friend|partner|mother|father|mum|mom|dad|parent|sister|brother|son|daughter|listener|"
    r"husband|wife|boyfriend|girlfriend|person|host|guest)|(?:worst|bare\s+minimum)\s+\w+"
)
_LITERAL_NOUNS = r"baby|child|kid|user|joke|martyr|sponge|princess|saint"
"""Nouns that are often meant plainly ("my son is a baby"): a label only with an intensifier."""
_GAVE = (
    r"paid|hosted|drove|driven|cooked|called|rang|phoned|texted|booked|bought|organi[sz]ed|planned|"
    r"treated|covered|picked\s+up|came|visited|made|did|done|sent|took|went|washed\s+up|cleaned|"
    r"invited|chose|arranged|got\s+(?:the|it|dinner|lunch|coffee|drinks)|reached\s+out|"
    r"gave|given|helped|listened|remembered|checked\s+in|sorted|fixed"
)
_ME_FIRST = rf"\b{_I}(?:'m|\s+am|'ve|\s+have|'d|\s+had)?"


@dataclass(frozen=True)
class _Rule:
    kind: Kind
    pattern: re.Pattern[str]
    keep: Callable[[str, re.Match[str]], bool] | None = None


def _rule(
    kind: Kind, *patterns: str, keep: Callable[[str, re.Match[str]], bool] | None = None
) -> _Rule:
    return _Rule(kind, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE), keep)


def _sentence_of(text: str, match: re.Match[str]) -> str:
    start = max(text.rfind(mark, 0, match.start()) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, match.end()) for mark in ".!?\n") if i != -1]
    return text[start : min(ends, default=len(text))]


_SOMEONE_DID = re.compile(
    rf"\b(?:{_I}|{_I}'(?:ve|d|m)|you|you've|he|he's|she|she's|they|they've|{NAME})\b", re.IGNORECASE
)
_THANKS = re.compile(
    r"^\W*(?:thank|thanks|grateful|I'm\s+grateful|I\s+am\s+grateful|cheers)\b", re.I
)
_SELF = re.compile(
    rf"\b{_I}(?:'m|\s+am|\s+feel|\s+felt|\s+was)\s+(?:so\s+|really\s+|a\s+bit\s+)?$|\bme\s+feel\s+(?:so\s+)?$",
    re.I,
)


def _someone_counted(text: str, match: re.Match[str]) -> bool:
    """A count is a tally when a person did the counted thing, not when thanks are given."""
    sentence = _sentence_of(text, match)
    return bool(_SOMEONE_DID.search(sentence)) and not _THANKS.search(sentence)


_APPRECIATION = re.compile(
    r"\b(?:which\s+I\s+love|and\s+I\s+love\s+(?:it|that)|I\s+love\s+(?:that|how)|I\s+appreciate|"
    r"(?:and\s+)?(?:that's|that\s+is|which\s+is|it's)\s+(?:fine|ok|okay|alright|all\s+right|lovely)|"
    r"thank\s+you|thanks|I'm\s+grateful|I\s+am\s+grateful|means\s+(?:a\s+lot|so\s+much|the\s+world))\b",
    re.IGNORECASE,
)


_UNTHANKED = re.compile(
    r"\b(?:didn't|did\s+not|doesn't|never|no|without|not\s+even)\s+(?:\w+\s+)?(?:a\s+)?(?:thanks|thank\s+you)\b",
    re.IGNORECASE,
)


def _not_praise(text: str, match: re.Match[str]) -> bool:
    """ "He always texts when he gets home, which I love" is thanks, not a charge."""
    sentence = _UNTHANKED.sub("", _sentence_of(text, match))
    return not _APPRECIATION.search(sentence)


def _not_about_me(text: str, match: re.Match[str]) -> bool:
    """Scorn is about someone else; "I felt pathetic" is a feeling, not a charge."""
    return not _SELF.search(text[max(0, match.start() - 30) : match.start()])


_RULES = (
    _rule(
        Kind.ABSOLUTE,
        rf"\b{OTHER}(?:'re|'s|'ve|'d|'ll|\s+(?:are|is|was|were|has|have|had|do|does|did|can|"
        r"could|will|would|just|also|still|literally|basically|seem\s+to|seems\s+to))*\s+"
        r"(?:always|constantly|forever|continually|perpetually|invariably)\b"
        r"(?!\s+(?:make|makes|made)\s+me\s+(?:laugh|smile|feel\s+(?:better|good|loved|welcome|safe|"
        r"seen|heard|special))|\s+(?:know|knows)\s+(?:what|how|when|just)|\s+(?:been\s+)?there\s+"
        r"for|\s+(?:remember|remembers|help|helps|listen|listens|welcome|welcomes|cheer|cheers|"
        r"support|supports|look\s+out|looks\s+out|have\s+my\s+back|has\s+my\s+back|so\s+kind|kind|"
        r"generous|lovely|good\s+to|been\s+good))",
        rf"\b{OTHER}(?:'re|'s|'ve|'d|'ll|\s+(?:are|is|was|were|has|have|had|do|does|did|can|"
        r"could|will|would|just|also|still|literally|basically))*\s+never\b"
        r"(?!\s+(?:forget|forgets|fail|fails|let\s+me\s+down|lets\s+me\s+down|judge|judges|miss|misses|have\s+to|need\s+to|"
        r"has\s+to|needs\s+to|complain|complains|hesitate|hesitates|stop|stops|been\s+one\s+(?:for|to)|"
        r"(?:a|an)\s+(?:burden|bother|nuisance|imposition|problem|trouble)|too\s+much|in\s+the\s+way))",
        rf"\b{OTHER}\s+(?:don't|doesn't|didn't|won't|can't|never)\s+(?:\w+\s+)?ever\b",
        r"\bnot\s+(?:even\s+)?once\b|\bn't\s+\w+\s+(?:me\s+|us\s+)?(?:even\s+)?once\b",
        rf"\b{OTHER}(?:\s+just)?\s+keeps?\s+(?!going|trying|smiling|growing|learning|improving|"
        r"showing\s+up|checking\s+in|asking\s+how|making\s+me|surprising|helping)\w+ing\b",
        r"\bevery\s+single\s+\w+",
        rf"\b(?:every\s+time|whenever)\s+{_I}\b[^.!?;,]{{1,40}},\s*{OTHER}\b",
        rf"(?<!{_I}'ve\s)(?<!{_I}\s)(?<!{_I}'d\s)\bnever\s+once\b",
        rf"\b{OTHER}\s+(?:hasn't|haven't|hadn't|didn't|doesn't|don't|won't|never)\s+\w+(?:\s+(?:me|us|for))?\s+"
        r"(?:a|one)\s+single\b",
        rf"\b{OTHER}(?:'ve|\s+have|\s+has)?\s+(?:did|do|does|done)\s+(?:absolutely\s+|literally\s+)?nothing\b",
        rf"\b{OTHER}\s+(?:\w+\s+)?(?:forgot|forgotten|cancelled|canceled|ignored|missed|flaked|bailed|"
        r"left|skipped|blew\s+(?:me|us|it)\s+off)\b[^.!?;]{0,30}\bagain\b",
        keep=_not_praise,
    ),
    _rule(
        Kind.LABEL,
        rf"\b{OTHER}{_BE}{_SOFTENERS}\s+(?:{_TRAITS})\b",
        rf"\b{OTHER}{_BE}{_SOFTENERS}\s+(?:{_PERSON_ONLY})\b(?!\s+to\s+(?!please|talk\s+to|live\s+with|be\s+around|deal\s+with)\b)",
        rf"\b{OTHER}{_BE}{_SOFTENERS}\s+(?:{_NOUNS})\b",
        rf"\b{OTHER}{_BE}\s+(?:being\s+|just\s+|always\s+)?(?:such\s+an?|so|an?\s+(?:big|total|real|complete|"
        rf"right|massive|typical|spoiled|spoilt|selfish|lazy))\s+(?:{_LITERAL_NOUNS})\b",
        rf"\b(?:acting|behaving|act|acts|behave|behaves)\s+like\s+(?:an?\s+)?(?:\w+\s+)?(?:{_LITERAL_NOUNS}|{_NOUNS})\b",
        rf"\bhow\s+(?:{_TRAITS})\s+(?:of\s+(?:you|him|her|them|{NAME})|you\s+are|he\s+is|she\s+is|they\s+are)\b",
        rf"\b(?:{_TRAITS})\s+of\s+(?:you|him|her|them)\b",
        rf"\byou\s+(?:(?:{_TRAITS})\s+)?(?:{_NOUNS})\b(?!\s+(?:of|to|who|that)\b)",
        rf"\bwhat\s+an?\s+(?:(?:{_TRAITS})\s+)?(?:{_NOUNS})\b",
        rf"\bstop\s+being\s+(?:so\s+|such\s+an?\s+)?(?:{_TRAITS}|{_PERSON_ONLY}|an?\s+(?:{_NOUNS}))\b",
        rf"\b(?:your|his|her|their)\s+(?:{_TRAITS})\s+(?:behaviou?r|attitude|ways|streak|nature|side|self)\b",
    ),
    _rule(
        Kind.DEMAND,
        rf"\b{OTHER}\s*(?:'d|\s+had)\s+better\b",
        rf"\b{OTHER}\s+(?:really\s+|just\s+|honestly\s+|seriously\s+|clearly\s+|definitely\s+|"
        r"simply\s+)?(?:should(?:n't|\s+not)?(?!\s+have\s+to\b|n't\s+have\s+to\b|\s+not\s+have\s+to\b)|"
        r"should've|ought(?:n't)?\s+to|ought\s+not\s+to|needs?\s+to|ha(?:ve|s)\s+to|must(?:n't)?)\b",
        r"\bshouldn't\s+(?:you|he|she|they)\b",
        rf"\b{_I}\s+(?:shouldn't|should\s+not|mustn't)\s+(?:have|need)\s+to\b",
        r"\bit\s+shouldn't\s+(?:always\s+)?(?:be|have\s+to\s+be)\s+(?:me|up\s+to\s+me|my\s+job)\b",
        r"\b(?:it's|it\s+is)\s+(?:about|high)\s+time\s+(?:you|he|she|they)\b",
        rf"\b{OTHER}\s+could(?:'ve|\s+have)?\s+at\s+least\b|\bcould\s+at\s+least\s+have\b",
        rf"\b{OTHER}\s+(?:could|might)(?:'ve|\s+have)\s+(?:at\s+least\s+)?(?:told|asked|called|texted|said|"
        r"warned|mentioned|let|rung|phoned|checked|offered|thanked)\b",
    ),
    _rule(
        Kind.MOTIVE,
        rf"\b{OTHER}\s+(?:clearly\s+|obviously\s+|just\s+|really\s+|simply\s+)?(?:don't|doesn't|didn't|"
        r"never|can't|won't|couldn't)\s+(?:even\s+|really\s+|actually\s+)?(?:care|value|respect|appreciate|"
        r"notice|think\s+about|consider|give\s+a|bother\s+about|want\s+to\s+know|see\s+how\s+much)\b",
        rf"\b{OTHER}\s+(?:has|have|'s|'ve)\s+no\s+(?:idea|clue|respect|regard|consideration)\b",
        rf"\b{OTHER}\s+couldn't\s+care\s+less\b",
        rf"\bif\s+{OTHER}\s+(?:really|actually|truly)\s+(?:loved|cared|valued|respected|wanted|meant)\b",
        rf"\b{OTHER}\s+(?:act|acts|acted|behave|behaves)\s+(?:like|as\s+if)\s+(?:my|I|I'm|me)\b",
        r"\b(?:doesn't|don't|didn't|never)\s+(?:seem\s+to\s+)?matter\s+(?:to|for)\s+(?:you|him|her|them)\b",
        rf"\b{OTHER}\s+(?:just\s+|always\s+)?(?:expects?|expected|assumes?|assumed|thinks?|thought)\s+"
        rf"(?:that\s+)?(?:me\s+to|{_I}(?:'ll|\s+will|\s+should|'m\s+(?:always|just|here))|{_I}\s+owe)\b",
        rf"\b{OTHER}\s+(?:only\s+|just\s+)?(?:ever\s+)?(?:care|cares|think|thinks|talk|talks|worry|worries)\s+"
        r"about\s+(?:yourself|himself|herself|themselves|"
        r"your\s+own|his\s+own|her\s+own|their\s+own)\b|\banyone\s+but\s+(?:yourself|himself|herself|themselves)\b",
        keep=_not_praise,
    ),
    _rule(
        Kind.RHETORICAL,
        rf"\bwhy\s+am\s+{_I}\s+(?:always\s+|still\s+|again\s+)?(?:the\s+(?:only\s+)?one|stuck|left|expected)\b",
        rf"\bwhy\s+(?:do|must|should|did|does)\s+{_I}\s+(?:always|have\s+to|need\s+to|end\s+up|get\s+stuck|keep|bother)\b",
        r"\bwhy\s+(?:is|was)\s+it\s+(?:always\s+|only\s+|still\s+)?(?:me|up\s+to\s+me|on\s+me|my\s+job)\b",
        r"\bwhy\s+(?:is|was)\s+it\s+(?:always|never)\b",
        rf"\bwhy\s+(?:can't|cannot|won't|don't|doesn't|didn't|wouldn't|couldn't|do|does|did|are|is|must)"
        rf"\s+(?:you|he|she|they|{KIN}|{NAME})\s+(?:always|never|ever|even|just|keep|still|bother|insist)\b",
        rf"\bwhy\s+(?:can't|cannot|won't)\s+(?:you|he|she|they|{KIN}|{NAME})\b",
        rf"\bwhy\s+should\s+{_I}\b",
        r"\bwhy\s+bother\b",
        r"\bwhy\s+(?:\w+\s+){0,6}?(?:always|never)\b",
        r"\bwhy\s+(?:is|was)\s+it\s+(?:so\s+|that\s+)?(?:hard|difficult|much\s+to\s+ask)\s+for\s+(?:you|him|her|them)\b",
        r"\bwhy\s+(?:does|did|is|has)\s+it\s+(?:\w+\s+){0,3}?(?:fall|land|come\s+down)\s+(?:to|on)\s+me\b",
        r"\bhow\s+(?:hard|difficult)\s+(?:is|was|can|could)\s+it\b",
        rf"\bhow\s+many\s+(?:more\s+)?times\s+(?:do|must|have|will|should|did|does)\s+(?:{_I}|you|he|she|they)\b",
        r"\bis\s+it\s+(?:really\s+|so\s+)?too\s+much\s+to\s+ask\b",
        r"\b(?:is|was)\s+that\s+(?:really\s+)?(?:so|too)\s+(?:hard|much|difficult)\b",
        r"\bwould\s+it\s+kill\s+(?:you|him|her|them)\b",
        r"\bwhat(?:'s|\s+is)\s+(?:wrong|the\s+matter)\s+with\s+(?:you|him|her|them)\b",
        r"\bwho\s+(?:does|do)\s+that\b",
        rf"\b(?:do|does|did)\s+(?:you|he|she|they|{NAME})\s+(?:ever|even)\s+(?:think|care|listen|notice|"
        r"remember|ask|wonder|consider|bother|realise|realize|try|see|hear)\b",
        r"\b(?:don't|doesn't|didn't)\s+(?:you|he|she|they)\s+(?:ever|even)\b",
        rf"\bwhen\s+was\s+the\s+last\s+time\s+(?:you|he|she|they|{NAME})\s+(?:actually|even|ever|"
        r"bothered|asked|called|offered|did|made|planned|texted|remembered|reached|paid|hosted|"
        r"came|listened|rang|phoned|visited)\b",
        r"\bhave\s+you\s+(?:ever\s+)?(?:even\s+)?once\b",
        r"\bwhere\s+(?:were|was|are|is)\s+(?:you|he|she|they)\s+when\b",
        r"\bwhat(?:'s|\s+is)\s+the\s+point\s+(?:of|in)\b",
        rf"\bmust\s+{_I}\b|\bdo\s+{_I}\s+(?:have|need)\s+to\s+spell\b",
        r"\bwho\s+(?:forgets|cancels|ignores|treats|leaves|abandons|ghosts|flakes|bails|says\s+that|"
        r"does\s+that|would\s+do\s+that|behaves\s+like\s+that)\b",
    ),
    _rule(
        Kind.TURN,
        rf"\b(?:your|his|her|their|{NAME}'s)\s+turn\b",
        r"\bwhose\s+turn\b",
        r"\b(?:not|isn't|wasn't|never)\s+my\s+turn\b",
        r"\bmy\s+turn\s+to\s+(?:be\s+(?:looked|taken|cared|spoilt|spoiled|treated)|get|receive|have\s+some)\b",
        r"\bnow\s+it's\s+(?:on|up\s+to)\s+(?:you|him|her|them)\b|\bit's\s+on\s+(?:you|him|her|them)\s+now\b",
        r"\bball\s+is\s+in\s+(?:your|his|her|their)\s+court\b",
    ),
    _rule(
        Kind.COUNT,
        rf"\b(?:the\s+|my\s+|our\s+)?(?:last|past|previous)\s+{NUMBER}\s+times\b",
        rf"\b{NUMBER}\s+times\b(?!\s+(?:a|an|per|each|every|as)\b)",
        rf"\b{NUMBER}\s+(?:\w+\s+)?(?:times|weeks|weekends|months|years|days|nights|visits|dinners|"
        r"calls|trips|birthdays|christmases|holidays|rounds|meals|lunches)\s+in\s+a\s+row\b",
        r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|hundredth|"
        r"millionth|nth|\d+(?:nd|rd|th))\s+time\b",
        rf"\bmore\s+(?:times\s+|often\s+)?than\s+(?:you|he|she|they|{NAME})\s+(?:do|does|did|ever|have|has|had)\b",
        r"\b(?:twice|three\s+times|ten\s+times)\s+as\s+(?:much|many|often)\b",
        rf"\b(?:{_I}|you|he|she|they|{NAME})(?:'ve|\s+have|\s+has|'s)?\s+\w+(?:\s+\w+){{0,5}}?\s+(?:twice|thrice)\b"
        r"(?!\s+(?:a|an|per|each|every|as)\b)",
        r"\bthe\s+(?:one|time)\s+before\s+(?:that|this)\b",
        rf"\b{NUMBER}\s+(?:\w+\s+)?(?:birthdays|dinners|parties|christmases|visits|meals|weekends|holidays|lunches|"
        r"rounds|favou?rs|lifts|rides|presents|gifts|trips)\b",
        keep=_someone_counted,
    ),
    _rule(
        Kind.COUNT,
        rf"{_ME_FIRST}\s+(?:(?:already|also|just)\s+)?(?:{_GAVE})\b[^.!?;]{{0,30}}?\blast\s+time\b",
        rf"{_ME_FIRST}\s+(?:(?:already|also|just)\s+)?(?:{_GAVE})\b[^.!?;]{{0,40}}?\b(?:every|each)\s+(?:single\s+)?"
        r"(?:day|night|week|weekend|month|time|morning|evening|\w+day)\b",
        rf"\b{_I}(?:'m|\s+am)\s+(?:always|forever|constantly|usually|still)\s+the\s+(?:only\s+)?one\b",
        rf"\b{_I}(?:'m|\s+am)\s+the\s+only\s+one\b",
        rf"\b{_I}(?:'m|\s+am)\s+the\s+one\s+who\s+(?:always|has\s+to|ends\s+up|keeps)\b",
        rf"\b{_I}\s+(?:always|constantly|forever|usually)\s+(?:have\s+to|end\s+up|get\s+stuck|seem\s+to\s+be|wind\s+up|"
        r"pay|host|drive|cook|clean|plan|organi[sz]e|book|reach\s+out|make\s+the\s+effort|initiate|"
        r"do\s+(?:the|all|everything|most)|pick\s+up\s+the\s+(?:bill|tab|check)|(?:call|text|message|ring)\s+first)\b",
        rf"{_ME_FIRST}\s+(?:{_GAVE})\s+the\s+last\s+(?:round|bill|tab|check|dinner|one|meal|coffee|drinks|lot)\b",
        r"\b(?:bent|bend|bending)\s+over\s+backwards\b",
        rf"\b{_I}(?:'m|\s+am)\s+(?:so\s+)?(?:sick|tired|fed\s+up)\s+of\s+(?:always\s+)?(?:being\s+the\s+one|doing|"
        r"carrying|having\s+to|paying|hosting|chasing|organi[sz]ing|planning|making\s+(?:all\s+)?the\s+effort|giving)\b",
        r"\b(?:carry|carrying|carried|hold|holding|held)\s+(?:this|the|our)\s+(?:whole\s+)?(?:friendship|"
        r"relationship|marriage|family)\b",
        r"\b(?:it's|it\s+is|it\s+was)\s+always\s+(?:me|up\s+to\s+me|on\s+me|my\s+job)\b",
        r"\b(?:it's|it\s+is|it\s+isn't|it\s+shouldn't\s+be)\s+(?:not\s+)?(?:only\s+|just\s+)?(?:my\s+job|up\s+to\s+me|on\s+me)\s+"
        r"to\s+(?:keep|hold|carry|make|do|fix|save)\b",
        rf"{_ME_FIRST}\s+(?:{_GAVE})\s+(?:her|his|their|your)\s+(?:whole|entire)\b[^.!?;]{{0,40}}\b(?:and|but)\s+"
        r"(?:you|he|she|they)\s+(?:didn't|never|couldn't|wouldn't|did\s+not)\b",
        r"\balways\s+(?:me|up\s+to\s+me)\s+who\b",
        rf"\b{_I}(?:'m|\s+am)?\s+(?:do|doing|did|carry|carrying|carried|organi[sz]e|plan|make|pay|"
        r"handle|handling)\s+(?:all\s+(?:of\s+)?the\b|all\s+of\s+it\b|everything\b|most\s+of\s+the\b|"
        r"the\s+lion's\s+share\b)",
        keep=_not_praise,
    ),
    _rule(
        Kind.DUE,
        r"\bowe[sd]?\b|\bowing\b|\bindebted\b|\bdebts?\b",
        r"\bpa(?:y|ys|id|ying)\s+(?:me\s+|us\s+|him\s+|her\s+|them\s+|it\s+)?back\b",
        r"\brepa(?:y|ys|id|ying|yment)\b",
        r"\bmake\s+it\s+up\s+to\s+me\b",
        r"\breturn(?:s|ed|ing)?\s+the\s+favou?r\b",
        r"\bin\s+return\b",
        rf"\bthe\s+least\s+(?:you|he|she|they|{NAME})\s+(?:can|could)\s+do\b",
        r"\bmak(?:e|ing)\s+up\s+(?:for\s+it\s+)?to\s+do\b|\bmake\s+(?:it\s+)?up\s+(?:to|for)\s+(?:me|this|that)\b",
        rf"{_ME_FIRST}\s+\w+\s+(?:your|his|her|their)\b[^.!?;]{{0,40}}?,?\s+so\s+(?:now\s+)?(?:you|he|she|they)\s+"
        r"(?:can|could|should|ought|have\s+to|has\s+to)\b",
        r"\b(?:you|he|she|they)\s+(?:can|could|should)\s+\w+\s+mine\b",
        rf"\bafter\s+(?:all|everything)\s+(?:that\s+)?{_I}(?:'ve|\s+have)?\s+(?:done|did|given|gave|sacrificed)\b",
        r"\b(?:got|get|getting|gets)\s+nothing\s+(?:back|in\s+return)\b|\bnothing\s+in\s+return\b",
        rf"\bwhat(?:'s|\s+is)\s+in\s+it\s+for\s+me\b|\bwhat\s+do\s+{_I}\s+get\s+(?:back|in\s+return|out\s+of)\b",
        rf"\b{OTHER}\s+only\s+(?:ever\s+)?(?:\w+\s+){{1,3}}?when\s+(?:you|he|she|they)\s+(?:need|needs|want|wants)\b",
        rf"\b(?:not|won't|n't|never)\b[^.!?;]{{0,30}}\buntil\s+(?:you|he|she|they|{NAME})(?:'ve|\s+have|\s+has|'s|"
        r"\s+do|\s+does|\s+did|\s+finally)?\s+(?:had\s+(?:me|us)\s+over|returned|paid|hosted|called|invited|"
        r"made\s+the\s+effort|reached\s+out|done\s+the\s+same|return|pay|host|call|invite|reach\s+out|"
        r"make\s+the\s+effort|do\s+the\s+same|step\s+up|stepped\s+up)\b",
    ),
    _rule(
        Kind.EVEN,
        r"\b(?:we're|we\s+are|we'll\s+be|we\s+will\s+be|we'd\s+be|we\s+would\s+be|be|get|call\s+it|"
        r"make\s+(?:it|us)|makes\s+us|then\s+we're|now\s+we're)\s+(?:even|square|quits|all\s+square|evens)"
        r"\b(?!\s+(?:more|less|better|closer|happier|\w+er)\b)",
        r"\beven(?:s|ed)?\s+(?:it|things|the\s+score|us|the\s+balance)\s+(?:out|up)\b|\beven\s+(?:up|out)\s+the\b",
        r"\b(?:keep|keeps|keeping|kept)\s+(?:a\s+|the\s+)?(?:score|count|tally|tabs)\b",
        r"\b(?:keep|keeps|keeping|kept)\s+track\s+of\s+(?:who|how\s+(?:many|much|often)|what\s+I|all\s+the\s+times|everything\s+I)\b",
        r"(?<!never\sa\s)(?<!not\sa\s)(?<!no\s)\btall(?:y|ies)\b|\btit[-\s]+for[-\s]+tat\b|\bquid\s+pro\s+quo\b|\bscore[-\s]?(?:keeping|card|board)\b",
        r"\b(?:settle|settling|even|evening)\s+(?:the\s+|a\s+)?scores?\b",
        r"\b(?:your|his|her|their)\s+(?:fair\s+)?share\b(?!\s+of\s+(?:the\s+)?(?:news|story|thoughts|feelings))",
        r"\bpull(?:s|ed|ing)?\s+(?:your|his|her|their)\s+(?:own\s+)?weight\b",
        r"\b(?:it's|it\s+is|that's|that\s+is|it\s+would\s+be|it'd\s+be)\s+only\s+(?:fair|right|reasonable|decent)\b|"
        r"\bonly\s+(?:fair|right|reasonable)\s+(?:that|if|for)\b",
        r"\bfair'?s\s+fair\b|\bfair\s+is\s+fair\b|\bbalance\s+the\s+books\b",
        r"\b(?:not|n't)\s+(?:even\s+)?(?:close\s+to\s+)?(?:equal|even|square)\b(?!\s+(?:more|less|better|if|when|though)\b)",
    ),
    _rule(
        Kind.SCORN,
        rf"\b{OTHER}\s+(?:just\s+|only\s+|basically\s+|clearly\s+)?(?:use|uses|used|(?:are|is|were|was|'re|'s)\s+(?:just\s+)?using)\s+me\b",
        r"\btreat(?:s|ed|ing)?\s+me\s+like\s+(?:an?|your|his|her|their|some|dirt|garbage|rubbish|crap)\b",
        rf"\b{_I}(?:'m|\s+am)\s+not\s+(?:your|his|her|their)\s+(?:\w+\s+)?(?:taxi|bank|atm|maid|servant|"
        r"therapist|babysitter|chauffeur|doormat|mother|mum|mom|secretary|cleaner|cook|slave|butler|"
        r"assistant|wallet|diary|alarm\s+clock|service|free\s+\w+)\b",
        r"\b(?:like|as|being|be|not)\s+(?:just\s+)?(?:your|his|her|their)\s+(?:free\s+|unpaid\s+|personal\s+|own\s+|emotional\s+)?(?:taxi|bank|"
        r"atm|maid|servant|therapist|babysitter|chauffeur|doormat|secretary|cleaner|slave|butler|"
        r"wallet|backup\s+plan|dumping\s+ground|punching\s+bag)\b",
        r"\b(?:wow|oh)\b,?\s+(?:what\s+an?|thanks|thank\s+you|great|nice|lovely|brilliant|perfect|sure)\b",
        r"(?:^|[.!?]\s*)\s*(?:sure|right|yeah|oh\s+sure|of\s+course),?\s+because\b",
        r"(?:^|[.!?]\s*)\s*seriously\s*[?!]",
        r"\bwhatever\s+you\s+say\b|,\s*(?:genius|einstein|sherlock|smart\s+guy|your\s+majesty|princess)\s*[.!?]*\s*$",
        r"\b(?:oh,?\s+)?so\s+now\s+(?:you|he|she|they)\s+(?:want|wants|care|cares|need|needs|decide|decides|"
        r"remember|remembers|have\s+time|has\s+time|feel\s+like)\b",
        r"\boh\s+please\b|\bgee\b|\bjeez\b|\blike\s+(?:you|he|she|they)(?:'ve|\s+have|\s+has|'s)\s+ever\b|"
        r"\bwhat\s+a\s+joke\b|\bhow\s+convenient\b|\boh\s+wait\b|\bgood\s+luck\s+(?:finding|with\s+that|getting)\b",
        r"\bdon't\s+(?:act|pretend|behave)\s+(?:like|as\s+if)\b",
        r"\boh\s+(?:great|sure|wonderful|brilliant|perfect|lovely|fantastic|joy|goody|well\s+done|"
        r"how\s+(?:nice|lovely|kind|thoughtful)|of\s+course)\b",
        r"\bthanks?\s+(?:a\s+lot\s+|so\s+much\s+)?for\s+nothing\b|\byeah,?\s+right\b",
        rf"\bas\s+if\s+(?:you|he|she|they|{NAME})(?:'d|\s+would|\s+will|\s+ever|\s+care|\s+cares|'ll)\b",
        r"\blike\s+(?:you|he|she|they)(?:'d|\s+would|\s+will|'ll)\s+ever\b",
        r"\b(?:big|what\s+a|surprise,?)\s+surprise\b|\bshocker\b|\bmust\s+be\s+nice\b",
        r"\b(?:nice|good|kind|sweet)\s+of\s+(?:you|him|her|them)\s+to\s+(?:finally|actually|bother|"
        r"show|join|grace|remember|turn\s+up)\b",
        r"\bhow\s+(?:nice|kind|thoughtful|generous|good|sweet|lovely)\s+of\s+(?:you|him|her|them)\s+to\s+"
        r"(?:finally|actually|bother|remember|show)\b",
        r"\b(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:finally|actually\s+bothering|bothering|gracing)\b",
        r"\bcongrat\w*\s+(?:on|for)\s+finally\b|\bfor\s+once\b|\bonce\s+again\s+(?:you|he|she|they)\b",
        rf"\b(?:classic|typical)\s+(?:you|him|her|them|{NAME})\b|(?:^|[.!?]\s+)typical\b|\bhow\s+typical\b",
        r"\beye[-\s]?roll\w*|\broll(?:s|ed|ing)?\s+(?:my|her|his|their|your)\s+eyes\b|\U0001f644|"
        r"\U0001f612|\*sigh\*|\bsmh\b|\bugh+\b",
        r"(?:^|[.!?]\s*)\s*whatever\s*(?:[,.!]|$)",
        r"\b(?:pathetic|ridiculous|laughable|disgusting|contemptible)\b",
        r"\bgrow\s+up\b|\bget\s+over\s+(?:it|yourself|himself|herself)\b|\bgive\s+me\s+a\s+break\b",
        r"\bare\s+you\s+(?:kidding|serious|joking|for\s+real)\b|\bspare\s+me\b|\bbig\s+deal\b|\bwho\s+cares\b",
        rf"\b{_I}\s+can't\s+believe\s+(?:you|he|she|they|{NAME})\b",
        rf"\b{OTHER}\s+(?:can't|couldn't|don't|didn't|won't|wouldn't|cannot)\s+even\b",
        r"\b(?:can't|couldn't|never|won't)\s+(?:even\s+)?be\s+bothered\b|\blifts?\s+a\s+finger\b|"
        r"\blifted\s+a\s+finger\b|\bzero\s+effort\b",
        keep=_not_about_me,
    ),
)


def check(text: str) -> list[Flag]:
    """Every place in ``text`` that the wording check would gently point at, in reading order."""
    flags: dict[tuple[Kind, int], Flag] = {}
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            if rule.keep is not None and not rule.keep(text, match):
                continue
            key = (rule.kind, match.start())
            if key not in flags:
                flags[key] = Flag(rule.kind, match.start(), match.end(), match.group(0).strip())
    return sorted(flags.values(), key=lambda flag: (flag.start, flag.kind.value))


def explain(flags: list[Flag]) -> str:
    """One or two calm sentences on why the flagged words may not land as meant."""
    kinds = list(dict.fromkeys(flag.kind for flag in flags))[:2]
    return " ".join(WHY[kind] for kind in kinds)


def rewrite(text: str) -> str | None:
    """A request-shaped version of ``text`` that keeps its concrete content, or None.

    None when nothing was flagged, and also when no honest rewrite can be
    made (a bare label, say): ``offer`` then gives guidance instead. A
    rewrite never holds a blank for the person to fill in, and it passes this
    same check.
    """
    if not check(text):
        return None
    kept: list[str] = []
    changed = False
    for part in rewording.sentences(text):
        found = check(part)
        if not found:
            kept.append(part)
            continue
        kinds = frozenset(flag.kind.value for flag in found)
        suggestion = next((c for c in rewording.candidates(part, kinds) if _sound(c)), None)
        if suggestion is not None:
            kept.append(suggestion)
            changed = True
    if not changed:
        return None
    result = " ".join(kept)
    return result if _sound(result) else None


def _sound(candidate: str) -> bool:
    """A rewrite worth offering: whole sentences, no blanks or placeholders, and nothing flagged."""
    return (
        bool(candidate.strip())
        and not rewording.UNFINISHED.search(candidate)
        and candidate.rstrip()[-1:] in (".", "?")
        and not check(candidate)
    )


@dataclass(frozen=True)
class Offer:
    """Why some words may not land as meant, and a request-shaped version or, failing one, guidance."""

    why: str
    rewrite: str | None
    guidance: str | None
    concerns: tuple[Concern, ...]

    def note(self) -> str:
        """The offer in one line, for the places that say it rather than offer a button."""
        if self.rewrite is not None:
            return words.PHRASING_NOTE.format(why=self.why, rewrite=self.rewrite)
        return words.PHRASING_GUIDANCE_NOTE.format(why=self.why, guidance=self.guidance)

    def as_dict(self) -> dict[str, object]:
        """The offer as JSON: ``why`` and ``rewrite`` (None when guidance is given instead)."""
        return {
            "why": self.why,
            "rewrite": self.rewrite,
            "guidance": self.guidance,
            "concerns": [c.value for c in self.concerns],
        }


def offer(text: str) -> Offer | None:
    """The whole gentle check in one call, for every place that offers a rewrite; None if all is well."""
    flags = check(text)
    if not flags:
        return None
    concerns = tuple(dict.fromkeys(flag.concern for flag in flags))
    suggestion = rewrite(text)
    guidance = None if suggestion is not None else GUIDANCE[concerns[0]]
    return Offer(explain(flags), suggestion, guidance, concerns)
