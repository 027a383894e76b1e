"""Just enough English to put a person's own words into a request: verb forms and sentence edges.

The rewrites of ``coach.phrasing`` and the honest-feedback builder of
``coach.feedback`` splice what someone typed into a sentence of ours. These
helpers make the splice read as English: a verb turned into its ``-ing`` form
("book" → "booking"), back to its base ("books", "booked", "driven" → "book",
"drive"), and a fragment given a capital and an ending. The rules are the
regular ones plus a table of the irregular verbs people use about each other;
an unknown word is left as it was rather than guessed wildly.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, split on spaces: a compact way to write a word list."""
    return frozenset(text.split())


_IRREGULAR = {
    # past or participle: base
    "was": "be",
    "were": "be",
    "been": "be",
    "am": "be",
    "is": "be",
    "are": "be",
    "had": "have",
    "has": "have",
    "did": "do",
    "done": "do",
    "does": "do",
    "made": "make",
    "paid": "pay",
    "said": "say",
    "drove": "drive",
    "driven": "drive",
    "bought": "buy",
    "brought": "bring",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "came": "come",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "sent": "send",
    "spent": "spend",
    "told": "tell",
    "got": "get",
    "gotten": "get",
    "left": "leave",
    "kept": "keep",
    "met": "meet",
    "rang": "ring",
    "rung": "ring",
    "ran": "run",
    "sat": "sit",
    "thought": "think",
    "forgot": "forget",
    "forgotten": "forget",
    "found": "find",
    "held": "hold",
    "heard": "hear",
    "lent": "lend",
    "lost": "lose",
    "stood": "stand",
    "taught": "teach",
    "wrote": "write",
    "written": "write",
    "chose": "choose",
    "chosen": "choose",
    "fed": "feed",
    "felt": "feel",
    "led": "lead",
    "shown": "show",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "became": "become",
    "began": "begin",
    "begun": "begin",
    "forgave": "forgive",
    "forgiven": "forgive",
    "spoke": "speak",
    "spoken": "speak",
    "understood": "understand",
    "woke": "wake",
    "woken": "wake",
    "slept": "sleep",
    "sold": "sell",
    "swept": "sweep",
    "won": "win",
    "hung": "hang",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "flew": "fly",
    "flown": "fly",
    "threw": "throw",
    "thrown": "throw",
    "cooked": "cook",
    "built": "build",
    "caught": "catch",
    "dealt": "deal",
    "dug": "dig",
    "fought": "fight",
    "meant": "mean",
    "picked": "pick",
    "read": "read",
    "put": "put",
    "set": "set",
    "let": "let",
    "cut": "cut",
    "hit": "hit",
    "shut": "shut",
    "quit": "quit",
    "hurt": "hurt",
    "cost": "cost",
}
_NOT_VERBS = word_set(
    "thing nothing something anything everything morning evening during ceiling spring "
    "string sibling wedding pudding king ring sing bring swing sting wing cling fling"
)
_STEM_WITH_E = re.compile(
    r"(?:[^aeiou][aeiou][^aeiouwxy]|[aeiou]r|[^aeiou]?[aeiou]s|[aeiou]z|v|[^aeiou]c|[aeiou]c|ng|"
    r"dg|rg|at|ut|id|ud|ok|ib|ik|ul|ld)$"
)
_STEM_KEPT = word_set(
    "visit edit limit credit benefit exhibit inherit deposit offer cover answer listen open happen "
    "enter order wonder gather bother remember consider deliver text host book look cook help ask "
    "call wait want need start plan stop shop chat drop bring sing ring hang belong long "
    "check pick thank rest last cost post boost trust test suggest expect accept respect "
    "invest"
)
_DOUBLE_IN_LONGER = word_set(
    "begin forget prefer admit commit occur refer regret permit submit control patrol cancel "
    "travel label equal signal model level babysit upset outrun"
)
_VOWELS = re.compile(r"[aeiou]+")


def _syllables(word: str) -> int:
    return len(_VOWELS.findall(word.rstrip("e") or word))


def _doubles(word: str) -> bool:
    """Whether the last consonant doubles before -ing or -ed ("plan" → "planning")."""
    if word in _DOUBLE_IN_LONGER:
        return True
    return bool(re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprstv]$", word)) and _syllables(word) == 1


def gerund(verb: str) -> str:
    """The -ing form of a base verb: "book" → "booking", "plan" → "planning", "make" → "making"."""
    word = verb.lower()
    if word.endswith("ing") and len(word) > 4 and word not in _NOT_VERBS:
        return verb
    if word == "be":
        return "being"
    if word.endswith("ie"):
        return verb[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return verb[:-1] + "ing"
    if _doubles(word):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def base(word: str) -> str:
    """A verb's base form from its -s, -ed, participle or -ing form; unknown words come back as they are."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith("ing") and len(lower) > 4 and lower not in _NOT_VERBS:
        return _stem(lower[:-3])
    if lower.endswith(("eed", "ss")) or lower in ("bed", "red", "wed", "shed", "led"):
        return lower
    if lower.endswith("ied") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("ed") and len(lower) > 3:
        return _stem(lower[:-2])
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        return lower[:-1]
    return lower


def _stem(stem: str) -> str:
    """What is left of a verb once -ed or -ing is taken off, made whole again."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz" + "aeiou":
        return stem[:-1]  # planned, stopped
    if stem.endswith("ll") and stem[:-1] in _DOUBLE_IN_LONGER:
        return stem[:-1]  # cancelled, travelled
    if stem in _STEM_KEPT or stem.endswith(("er", "en", "ow", "ay", "ey", "oy", "ew", "st", "sk")):
        return stem
    if stem.endswith(("v", "eat")) and stem not in ("eat", "treat", "heat", "repeat", "cheat"):
        return stem + "e"  # leave, arrive, create
    if _STEM_WITH_E.search(stem) and not re.search(r"[aeiou]{2}[^aeiou]$", stem):
        return stem + "e"
    return stem


def third_person(verb: str) -> str:
    """The he/she form of a base verb: "call" → "calls", "watch" → "watches", "try" → "tries"."""
    lower = verb.lower()
    if lower == "be":
        return "is"
    if lower == "have":
        return "has"
    if re.search(r"[^aeiou]y$", lower):
        return verb[:-1] + "ies"
    if lower.endswith(("ch", "sh", "ss", "x", "z", "o")):
        return verb + "es"
    return verb + "s"


def sentence(text: str, end: str = ".") -> str:
    """``text`` with a capital first letter and one ending mark."""
    text = text.strip().rstrip(" .,;:!?")
    if not text:
        return ""
    return text[0].upper() + text[1:] + end


def lower_first(text: str) -> str:
    """``text`` with its first word in lower case when it is a common word, not a name or "I"."""
    words = text.split(maxsplit=1)
    if not words:
        return text
    first = words[0]
    if first.lower().rstrip(",") in COMMON_STARTS or first.lower() in COMMON_VERBS:
        return first.lower() + text[len(first) :]
    return text


def first_word(text: str) -> str:
    """The first word of ``text`` in lower case, without the punctuation around it."""
    words = text.split(maxsplit=1)
    return words[0].lower().strip(".,;:!?\"'()") if words else ""


COMMON_STARTS = word_set(
    "you your you're you've you'd you'll we we're we've our he he's his she she's her they "
    "they're their it it's its the a an my this that these those there there's last on at in "
    "yesterday today tonight after before during since over for earlier recently lately when "
    "whenever every each most some all both more less plans our what how why "
    "would could can will might may shall do does did is are was were please maybe perhaps"
)


COMMON_VERBS = word_set(
    "ask answer arrange be bring book buy call cancel change check choose clean come cook cover "
    "do drive eat find finish get give go help hear hold host invite join keep leave let listen "
    "look make meet mention message move notice offer organise organize pay phone pick plan play "
    "put reach remember reply ring rotate alternate say see send set share show sit spend split "
    "start stay stop suggest swap take talk tell text think try turn visit wait walk warn wash "
    "watch write agree hug sort celebrate catch remind trade"
)
"""Verbs people use when they ask each other for something; a request starting with one is an action."""


# -- who a sentence is about ---------------------------------------------------

_NOT_NAMES = (
    r"I|It|Its|This|That|These|Those|There|Then|Than|The|We|Our|Us|My|Me|What|When|Whenever|Why|"
    r"How|Who|Which|Where|If|So|And|But|Or|Now|Next|Last|Honestly|Typical|Classic|Yeah|Oh|Well|"
    r"Maybe|Perhaps|Please|Once|Since|After|Before|Every|Each|Sometimes|Often|Always|Never|"
    r"Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays|Weekends|Mornings|Evenings|"
    r"Nights|Plans|Things|People|Friends|Holidays|Calls|Texts|Messages|Dinners|Visits|Weekdays|"
    r"Christmas|Birthdays|Work|Life|Everyone|Everybody|Nobody|Someone|Somebody|Anyone|"
    r"Could|Can|Would|Will|Should|Shall|May|Might|Must|Let|Lets|Thanks|Thank|Sorry|Yes|No|"
    r"Also|Just|Even|Still|Really|Actually|Again|Here|Today|Tonight|Yesterday|Tomorrow|"
    r"Is|Are|Was|Were|Do|Does|Did|Have|Has|Had|Being|Not|Nothing|Everything|Something|Anything|"
    r"Like|Whatever|Grow|Nice|Must|Good|Great|Thanks|Wow|Seriously|Literally|Basically|Clearly|"
    r"Home|Dinner|Lunch|Breakfast|Coffee|Love|Family|Friday|Monday|Tuesday|"
    r"Wednesday|Thursday|Saturday|Sunday|January|February|March|April|June|July|August|"
    r"September|October|November|December"
)
NAME = rf"(?-i:(?!(?:{_NOT_NAMES})\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
"""A pattern for a person's first name: a capitalised word that is not a common sentence opener."""
KIN = (
    r"(?:my|our)\s+(?:mum|mom|mother|dad|father|parents|sister|brother|partner|husband|wife|"
    r"boyfriend|girlfriend|fianc[eé]e?|(?:best\s+|oldest\s+|closest\s+)?friend|son|daughter|"
    r"family|boss|flatmate|roommate|housemate|in-laws|aunt|uncle|cousin|gran|grandma|grandad|"
    r"grandpa|nan|kids|ex)"
)
"""A pattern for someone named by who they are to the writer: "my sister", "our friend"."""
OTHER = rf"(?:you|he|she|they|{KIN}|{NAME})"
"""A pattern for the other person as the one doing something: "you", "he", "my sister", "Sam"."""

_OBJECTS = {"you": "you", "he": "him", "she": "her", "they": "them", "i": "me", "we": "us"}
_PLURAL = re.compile(r"^(?:you|they|we|i|my\s+parents|our\s+parents|my\s+in-laws|my\s+kids)$", re.I)


def object_form(subject: str) -> str:
    """ "he" → "him", "they" → "them"; a name or "my sister" stays as it is."""
    return _OBJECTS.get(
        subject.lower(),
        subject[:1].lower() + subject[1:] if subject[:3].lower() in ("my ", "our") else subject,
    )


def singular(subject: str) -> bool:
    """Whether a present-tense verb after ``subject`` takes an -s ("he calls", "you call")."""
    return not _PLURAL.match(subject.strip())


NUMBER = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|"
    r"a\s+dozen|dozens\s+of|a\s+few|few|several|many|countless|umpteen|a\s+hundred|hundreds\s+of|"
    r"a\s+million|a\s+couple\s+of|couple\s+of)"
)
"""A pattern for a number of times, in figures or words."""


def is_past(word: str) -> bool:
    """Whether ``word`` reads as a past form ("asked", "drove", "driven"), not a present one."""
    lower = word.lower()
    return lower != base(lower) and not lower.endswith("s") and not lower.endswith("ing")


def mid_sentence(subject: str) -> str:
    """A subject as it reads after the first word: "He" → "he", "My sister" → "my sister", "Sam" → "Sam"."""
    if subject.lower() in ("you", "he", "she", "they") or subject[:3].lower() in ("my ", "our"):
        return subject[:1].lower() + subject[1:]
    return subject
