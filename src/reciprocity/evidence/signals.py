"""The words that make a message a signal: a check-in, a remembered date, a hard time.

Each kind of signal is a list of phrases, matched in lower case at the start
of a word (so "how are you" is found in "Hey, how are you?" and "hospital" in
"hospitals", but "show" is not "how"). An apostrophe in a phrase also matches
a typographic one (’) and none at all, because phones write all three.

All the phrases of every kind are searched in one pass over all the messages
of a batch with an Aho–Corasick automaton (``pyahocorasick``), over their
UTF-8 bytes, each phrase looked for only where a word starts: a million
messages take about a third of a second, where a regular expression per
message took several seconds.

The lists cover English, French, Spanish, German, Portuguese and Italian,
each phrase also matched without its accents ("felicitations", "hopital").
Other languages still give conversations, who started them, response times
and long messages; adding a language is adding its phrases here.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add

import ahocorasick

FLAG_CHECK_IN = 1
FLAG_REMEMBERED = 2
FLAG_VULNERABLE = 4
FLAG_GOOD_NEWS = 8
FLAG_HARD_TIME = 16

ENGLISH: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "how are you",
        "how r u",
        "how're you",
        "how are things",
        "how's it going",
        "how is it going",
        "how did it go",
        "how'd it go",
        "how's your",
        "how is your",
        "thinking of you",
        "thinking about you",
        "hope you're ok",
        "hope you're okay",
        "hope you're well",
        "hope you're doing",
        "hope you are ok",
        "hope you are well",
        "just checking in",
        "checking in on you",
        "are you ok",
        "you ok?",
        "how you doing",
        "how have you been",
    ),
    FLAG_REMEMBERED: (
        "happy birthday",
        "happy bday",
        "happy anniversary",
        "good luck today",
        "good luck tomorrow",
        "good luck with",
        "congrats",
        "congratulations",
        "break a leg",
        "happy mother's day",
        "happy father's day",
        "happy mothers day",
        "happy fathers day",
    ),
    FLAG_VULNERABLE: (
        "i'm struggling",
        "i am struggling",
        "struggling with",
        "i feel low",
        "i feel down",
        "i feel lost",
        "i feel alone",
        "i feel lonely",
        "i feel awful",
        "i feel terrible",
        "i feel overwhelmed",
        "i feel anxious",
        "i feel scared",
        "i feel sad",
        "i feel so low",
        "i feel so down",
        "i feel so lost",
        "i feel so alone",
        "i feel so lonely",
        "i feel so awful",
        "i feel so overwhelmed",
        "i feel so sad",
        "i'm scared",
        "i'm worried",
        "i'm anxious",
        "i'm lonely",
        "i'm overwhelmed",
        "i'm exhausted",
        "i'm so scared",
        "i'm so worried",
        "i'm so anxious",
        "i'm so lonely",
        "i'm so overwhelmed",
        "i'm so exhausted",
        "hard time",
        "rough day",
        "rough week",
        "rough time",
        "can't cope",
        "bad news",
        "i miss him",
        "i miss her",
        "i miss them",
        "breaking down",
        "crying",
    ),
    FLAG_GOOD_NEWS: (
        "good news",
        "great news",
        "got the job",
        "i passed",
        "we're engaged",
        "got engaged",
        "we're expecting",
        "i'm pregnant",
        "got promoted",
        "i got in",
        "we got the flat",
        "we got the house",
    ),
    FLAG_HARD_TIME: (
        "hospital",
        "surgery",
        "operation",
        "funeral",
        "passed away",
        "diagnos",
        "lost my job",
        "laid off",
        "made redundant",
        "broke up",
        "breaking up",
        "divorce",
        "miscarriage",
        "a&e",
        "emergency room",
    ),
}
FRENCH: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "comment vas-tu",
        "comment tu vas",
        "comment ça va",
        "tu vas bien",
        "vous allez bien",
        "comment s'est passé",
        "comment ça s'est passé",
        "je pense à toi",
        "je pense fort à toi",
    ),
    FLAG_REMEMBERED: (
        "joyeux anniversaire",
        "bon anniversaire",
        "félicitations",
        "bonne chance",
        "bonne fête",
    ),
    FLAG_VULNERABLE: (
        "je ne vais pas bien",
        "ça ne va pas",
        "je suis triste",
        "je me sens seul",
        "j'ai peur",
        "je suis épuisé",
        "je suis angoissé",
        "mauvaise nouvelle",
        "je craque",
        "j'en peux plus",
        "je n'en peux plus",
        "c'est dur",
    ),
    FLAG_GOOD_NEWS: (
        "bonne nouvelle",
        "j'ai eu le poste",
        "on est fiancés",
        "je suis enceinte",
        "j'ai réussi",
    ),
    FLAG_HARD_TIME: (
        "hôpital",
        "urgences",
        "opération",
        "enterrement",
        "obsèques",
        "décédé",
        "diagnostic",
        "licencié",
        "rupture",
        "fausse couche",
    ),
}
SPANISH: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "cómo estás",
        "qué tal estás",
        "cómo te fue",
        "cómo te encuentras",
        "pienso en ti",
        "estás bien",
        "cómo va todo",
    ),
    FLAG_REMEMBERED: (
        "feliz cumpleaños",
        "feliz cumple",
        "felicidades",
        "enhorabuena",
        "mucha suerte",
        "feliz aniversario",
    ),
    FLAG_VULNERABLE: (
        "no estoy bien",
        "estoy triste",
        "me siento solo",
        "me siento sola",
        "tengo miedo",
        "estoy agotado",
        "estoy agotada",
        "mala noticia",
        "malas noticias",
        "no puedo más",
        "lo estoy pasando mal",
    ),
    FLAG_GOOD_NEWS: (
        "buenas noticias",
        "buena noticia",
        "me dieron el trabajo",
        "nos comprometimos",
        "estoy embarazada",
        "aprobé",
    ),
    FLAG_HARD_TIME: (
        "urgencias",
        "operación",
        "funeral",
        "entierro",
        "falleció",
        "diagnóstico",
        "me despidieron",
        "rompimos",
        "divorcio",
        "aborto espontáneo",
    ),
}
GERMAN: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "wie geht's",
        "wie geht es dir",
        "wie war's",
        "wie ist es gelaufen",
        "wie lief",
        "ich denk an dich",
        "ich denke an dich",
        "alles gut bei dir",
        "alles ok bei dir",
    ),
    FLAG_REMEMBERED: (
        "alles gute zum geburtstag",
        "herzlichen glückwunsch",
        "glückwunsch",
        "viel glück",
        "alles liebe zum",
    ),
    FLAG_VULNERABLE: (
        "mir geht's nicht gut",
        "mir geht es nicht gut",
        "ich bin traurig",
        "ich fühle mich allein",
        "ich habe angst",
        "ich hab angst",
        "ich bin erschöpft",
        "schlechte nachrichten",
        "ich kann nicht mehr",
    ),
    FLAG_GOOD_NEWS: (
        "gute nachrichten",
        "ich hab den job",
        "ich habe den job",
        "wir sind verlobt",
        "ich bin schwanger",
        "bestanden",
    ),
    FLAG_HARD_TIME: (
        "krankenhaus",
        "notaufnahme",
        "beerdigung",
        "gestorben",
        "verstorben",
        "diagnose",
        "gekündigt",
        "schluss gemacht",
        "scheidung",
        "fehlgeburt",
    ),
}
PORTUGUESE: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "como você está",
        "tudo bem contigo",
        "tudo bem com você",
        "como foi",
        "penso em ti",
        "pensando em você",
        "como vai",
    ),
    FLAG_REMEMBERED: ("feliz aniversário", "parabéns", "boa sorte"),
    FLAG_VULNERABLE: (
        "não estou bem",
        "estou triste",
        "me sinto sozinho",
        "me sinto sozinha",
        "sinto-me sozinho",
        "tenho medo",
        "estou exausto",
        "estou exausta",
        "más notícias",
        "má notícia",
        "não aguento mais",
    ),
    FLAG_GOOD_NEWS: (
        "boas notícias",
        "boa notícia",
        "consegui o emprego",
        "estamos noivos",
        "estou grávida",
    ),
    FLAG_HARD_TIME: (
        "urgência",
        "cirurgia",
        "enterro",
        "faleceu",
        "fui demitido",
        "fui demitida",
        "terminamos",
        "divórcio",
    ),
}
ITALIAN: dict[int, tuple[str, ...]] = {
    FLAG_CHECK_IN: (
        "come stai",
        "come va",
        "com'è andata",
        "come è andata",
        "ti penso",
        "penso a te",
    ),
    FLAG_REMEMBERED: (
        "buon compleanno",
        "tanti auguri",
        "congratulazioni",
        "complimenti",
        "in bocca al lupo",
        "buona fortuna",
    ),
    FLAG_VULNERABLE: (
        "non sto bene",
        "sono triste",
        "mi sento solo",
        "mi sento sola",
        "ho paura",
        "sono esausto",
        "sono esausta",
        "brutte notizie",
        "brutta notizia",
        "non ce la faccio più",
    ),
    FLAG_GOOD_NEWS: (
        "buone notizie",
        "bella notizia",
        "ho avuto il lavoro",
        "ci siamo fidanzati",
        "sono incinta",
    ),
    FLAG_HARD_TIME: (
        "ospedale",
        "pronto soccorso",
        "intervento",
        "funerale",
        "è morto",
        "è morta",
        "diagnosi",
        "licenziato",
        "licenziata",
        "ci siamo lasciati",
        "divorzio",
        "aborto spontaneo",
    ),
}
LANGUAGES = {
    "English": ENGLISH,
    "French": FRENCH,
    "Spanish": SPANISH,
    "German": GERMAN,
    "Portuguese": PORTUGUESE,
    "Italian": ITALIAN,
}
PHRASES: dict[int, tuple[str, ...]] = {
    bit: tuple(phrase for language in LANGUAGES.values() for phrase in language.get(bit, ()))
    for bit in ENGLISH
}
"""Every language's phrases, by kind of signal."""

_APOSTROPHES = ("'", "\u2019", "")


def _spellings(phrase: str) -> set[str]:
    """``phrase`` as people type it: apostrophes as ', ’ or none, accents or none."""
    found = {""}
    for part_index, part in enumerate(phrase.split("'")):
        if part_index == 0:
            found = {part}
        else:
            found = {f"{before}{mark}{part}" for before in found for mark in _APOSTROPHES}
    return found | {_unaccented(spelling) for spelling in found}


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


_WORD = bytes(b if chr(b).isalnum() else 0x20 for b in range(128)).lower() + b" " * 128
"""A byte as the automaton reads it: an ASCII letter (in lower case) or digit as it is,
any other byte a space, so that every place a word can start follows a space."""


def _automaton(phrases: dict[int, tuple[str, ...]]) -> ahocorasick.Automaton:
    """Every spelling of every phrase, as ``flags_of_many`` reads text, after a space.

    Each spelling is taken as UTF-8 bytes, ASCII lower-cased; it is also added
    Capitalised, In Title Case and IN CAPITALS before that lower-casing, so
    that an accented capital ("Ça va", "FÉLICITATIONS"), which ASCII
    lower-casing leaves as it is, is found too. The automaton holds each one
    read through ``_WORD`` (so "how're you" is "how re you") after a space, and
    with it the spellings that read so and their bits: a place it is found is
    then only a candidate, checked against the text itself.
    """
    bits: dict[bytes, int] = {}
    for bit, listed in phrases.items():
        for phrase in listed:
            for spelling in _spellings(phrase):
                for cased in {spelling, spelling.capitalize(), spelling.title(), spelling.upper()}:
                    key = cased.encode("utf-8").lower()
                    bits[key] = bits.get(key, 0) | bit
    read: dict[str, list[tuple[bytes, int]]] = {}
    for key, bit in bits.items():
        read.setdefault(" " + key.translate(_WORD).decode("latin-1"), []).append((key, bit))
    automaton = ahocorasick.Automaton()
    for word, spellings in read.items():
        automaton.add_word(word, (len(word) - 1, tuple(spellings)))
    automaton.make_automaton()
    return automaton


_AUTOMATON = _automaton(PHRASES)
_SEPARATOR = b"\x00"


def flags_of_many(texts: list[bytes]) -> list[int]:
    """The ``FLAG_*`` bits of each text, given as UTF-8, found in one pass over all of them.

    The texts are joined and read through ``_WORD`` (ASCII letters lower-cased,
    anything but a letter or digit a space), then read as Latin-1, one
    character a byte, for the automaton: no text is decoded, and the joined
    text takes one byte a character, where a decoded one holding an emoji
    takes four. Each phrase is looked for after a space, so the automaton
    leaves its first state only where a word can start, which makes it several
    times faster than looking for it everywhere; each place found is then
    checked against the text (lower-cased) and the character before it.
    """
    flags = [0] * len(texts)
    joined = _SEPARATOR.join(texts)
    starts: list[int] | None = None
    # The space before the first text lets a phrase at its very start be found.
    read = " " + joined.translate(_WORD).decode("latin-1")
    for end, (length, spellings) in _AUTOMATON.iter(read):
        start = end - length  # in ``joined``: the space put first moves every place by one
        found = joined[start : start + length].lower()
        bit = 0
        for key, key_bit in spellings:
            if found == key:
                bit |= key_bit
        if not bit or (start and _inside_word(joined, start)):
            continue  # not the phrase itself, or inside a word: "show" is not "how"
        if starts is None:
            starts = list(accumulate(map(add, map(len, texts), repeat(1)), initial=0))
        flags[bisect_right(starts, start) - 1] |= bit
    return flags


def _inside_word(data: bytes, start: int) -> bool:
    """Whether the character before ``start`` in UTF-8 ``data`` is a letter or a digit."""
    before = data[start - 1]
    if before < 0x80:
        return chr(before).isalnum()
    lead = start - 1
    while lead > 0 and start - lead < 4 and 0x80 <= data[lead] < 0xC0:
        lead -= 1  # back over continuation bytes to the character's first byte
    return data[lead:start].decode("utf-8", "replace")[-1:].isalnum()


def flags_of(text: str) -> int:
    """The ``FLAG_*`` bits of one text."""
    return flags_of_many([text.encode("utf-8", "surrogatepass")])[0]
