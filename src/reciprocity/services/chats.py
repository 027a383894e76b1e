"""A chat export file into the store as evidence: parse, then store in one transaction.

The one path from a file to evidence, shared by ``reciprocity import`` and the
web app's chat import, so both detect, parse and derive alike. Parsing
streams inside the transaction (``store_chat`` reads the messages once);
``tick`` hears how many messages have been read so far.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reciprocity import evidence
from reciprocity.errors import InputError, WhoIsWhoError
from reciprocity.evidence.exportfile import valid_unicode
from reciprocity.store import Database
from reciprocity.store.chats import ImportSummary, store_chat

RECIPROCITY = "reciprocity"
"""What ``format_of`` says of a reciprocity export (restored, not imported as a chat)."""

__all__ = ["RECIPROCITY", "ChatChoices", "ImportSummary", "format_of", "import_chat_file"]


def format_of(path: Path) -> str:
    """The format the file's content shows (``whatsapp``, ``telegram`` …, or ``reciprocity``)."""
    return evidence.detect(path)


@dataclass(frozen=True)
class ChatChoices:
    """What the person may say about a chat: who they are, who the other side is, and more.

    ``date_order`` (DMY, MDY, YMD) overrides the guess; ``chat_name`` picks one
    chat from a whole-account export; ``keep_text`` keeps message text (off by default).
    """

    me: str | None = None
    person: str | None = None
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
    chat = evidence.parse(path, options)
    try:
        with database.transaction() as session:
            return store_chat(
                session,
                chat,
                me=valid_unicode(choices.me) if choices.me else None,
                person=valid_unicode(choices.person) if choices.person else None,
                keep_text=choices.keep_text,
                tick=tick,
            )
    except InputError as error:
        # The messages were all read by now, so the participants are complete.
        if chat.participants and not isinstance(error, WhoIsWhoError):
            raise WhoIsWhoError(str(error), sorted(chat.participants)) from None
        raise
