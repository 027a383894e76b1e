"""A chat export file into the store as evidence: parse, then store in one transaction.

The one path from a file to evidence, shared by ``reciprocity import`` and the
web app's chat import, so both detect, parse and derive alike. Parsing
streams inside the transaction (``store_chat`` reads the messages once);
``tick`` hears how many messages have been read so far.

Before anything is parsed, the file's digest is taken (a block at a time):
a file imported before, under any name, whose messages the store still
holds, is known at once and the summary says there is nothing new
(``ImportSummary.unchanged``), without reading it again.

What an import suggests (``suggested``) is read as the patterns read notes: a
leaning for each dimension with how sure it can be, from the signs of both
sides together, so that no face shows one side's count beside the other's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reciprocity import evidence
from reciprocity.errors import InputError, WhoIsWhoError, hinted
from reciprocity.evidence.derive import Reading
from reciprocity.evidence.exportfile import valid_unicode
from reciprocity.files import file_digest
from reciprocity.store import Database
from reciprocity.store.chats import ImportSummary, recognised, store_chat
from reciprocity.store.sources import Source
from reciprocity.vocabulary import Dimension, Giver

if TYPE_CHECKING:  # the patterns are loaded when a summary is read, not to know a file again
    from reciprocity.patterns import PatternSettings

RECIPROCITY = "reciprocity"
"""What ``format_of`` says of a reciprocity export (restored, not imported as a chat)."""

__all__ = [
    "RECIPROCITY",
    "ChatChoices",
    "ChatSuggests",
    "DimensionSuggests",
    "ImportSummary",
    "format_of",
    "import_chat_file",
    "suggested",
]


def format_of(path: Path) -> str:
    """The format the file's content shows (``whatsapp``, ``telegram`` …, or ``reciprocity``)."""
    return evidence.detect(path)


@dataclass(frozen=True)
class ChatChoices:
    """What the person may say about a chat: who they are, who the other side is, and more.

    ``person`` is who the other side of a two-person chat is in the list.
    ``people`` are the people of a group chat to add to the list (empty: no
    one; None: not asked yet, so a group with people not in the list raises
    ChoosePeopleError). ``date_order`` (one of ``evidence.dateorder.ORDERS``)
    overrides the guess; ``chat_name`` picks one chat from a whole-account
    export; ``keep_text`` keeps message text (off by default).
    """

    me: str | None = None
    person: str | None = None
    people: tuple[str, ...] | None = None
    date_order: str | None = None
    chat_name: str | None = None
    keep_text: bool = False


def import_chat_file(
    database: Database,
    path: Path,
    choices: ChatChoices = ChatChoices(),
    *,
    tick: Callable[[int], None] = lambda _count: None,
) -> ImportSummary:
    """Read the chat export at ``path`` and store it with its evidence; all or nothing.

    Raises WhoIsWhoError (with the names in the chat) when the user or the other
    side cannot be told from the file and the choices; ImportFormatError when
    the file cannot be read.
    """
    options = evidence.ParseOptions(
        date_order=choices.date_order.upper() if choices.date_order else None,
        chat_name=choices.chat_name,
    )
    me = valid_unicode(choices.me) if choices.me else None
    person = valid_unicode(choices.person) if choices.person else None
    add = None if choices.people is None else [valid_unicode(n) for n in choices.people]
    keep_text = choices.keep_text
    source = _source(path, choices.chat_name)
    if source is not None:
        with database.transaction() as session:
            known = recognised(
                session,
                source,
                me=me,
                person=person,
                add=add,
                keep_text=keep_text,
                date_order=options.date_order,
            )
        if known is not None:
            return known
    chat = evidence.parse(path, options)
    try:
        with database.transaction() as session:
            return store_chat(
                session,
                chat,
                me=me,
                person=person,
                add=add,
                keep_text=keep_text,
                tick=tick,
                source=source,
            )
    except InputError as error:
        # The messages were all read by now, so the participants are complete.
        if chat.participants and not isinstance(error, WhoIsWhoError):
            named = WhoIsWhoError(str(error), sorted(chat.participants))
            raise hinted(named, error.command_hint) from None
        raise


def _source(path: Path, chat_name: str | None) -> Source | None:
    """The file as the store knows it again; None when it cannot be read (parsing says why)."""
    try:
        return Source(file_digest(path), path.stat().st_size, valid_unicode(chat_name or ""))
    except (OSError, ValueError):
        return None


@dataclass(frozen=True)
class DimensionSuggests:
    """What a chat suggests about one dimension: a patterns leaning, and how much it rests on.

    ``leaning`` is ``me``, ``them``, ``mutual`` or ``unknown``; ``signs`` counts the
    chat's signs for the dimension, both sides together; ``enough`` says
    whether that many could give a reading at all.
    """

    dimension: Dimension
    leaning: str
    strength: float
    signs: int
    enough: bool


@dataclass(frozen=True)
class ChatSuggests:
    """What a chat suggests about the user and one person, with nothing counted side by side."""

    name: str
    conversations: int
    one_sided: int
    """Conversations in which only one side wrote, both sides together."""
    reply_minutes: tuple[float | None, float | None]
    """The typical reply each way (the user's, theirs): said as one time, never side by side."""
    dimensions: tuple[DimensionSuggests, ...]


def suggested(
    summary: ImportSummary, settings: PatternSettings | None = None
) -> list[ChatSuggests]:
    """For each person read in the import, what the chat suggests, as the patterns read it.

    A chat's signs are read over the whole chat with the patterns' own rule
    (``patterns.leaning.estimate``): the same prior, the same band for "both
    ways", the same bar for "not enough to say yet".
    """
    from reciprocity.patterns import PatternSettings

    chosen = settings or PatternSettings()
    return [_suggests(name, reading, chosen) for name, reading in summary.readings.items()]


def _suggests(name: str, reading: Reading, settings: PatternSettings) -> ChatSuggests:
    from reciprocity.patterns.leaning import estimate

    sides = {d: {Giver.ME: 0, Giver.THEM: 0, Giver.BOTH: 0} for d in Dimension}
    for signal in reading.signals:
        for dimension in signal.dimensions:
            sides[dimension][signal.by] += 1
    dimensions = []
    for dimension, counts in sides.items():
        found = estimate(counts[Giver.ME], counts[Giver.THEM], counts[Giver.BOTH], settings)
        dimensions.append(
            DimensionSuggests(
                dimension,
                str(found.leaning),
                found.strength,
                found.moments,
                found.moments >= settings.min_moments,
            )
        )
    return ChatSuggests(
        name,
        reading.conversations,
        reading.unanswered["me"] + reading.unanswered["them"],
        (reading.response_minutes["me"], reading.response_minutes["them"]),
        tuple(dimensions),
    )
