"""``reciprocity export`` and ``reciprocity import``: your data in one JSON file, and back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity.cli.runtime import emit_json, runtime, say
from reciprocity.coach.terms import counts_words

if TYPE_CHECKING:
    from reciprocity.services.chats import ImportSummary
    from reciprocity.services.data import Key

PASSPHRASE_VARIABLE = "RECIPROCITY_EXPORT_PASSPHRASE"
"""Where a script gives a locked export's passphrase (its own variable: an encrypted
database's passphrase, RECIPROCITY_PASSPHRASE, is a different secret); anything that can read this process's environment
can read it too, so a terminal, which asks without showing it, is the safer place."""


def export(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE.json", help="Where to write the export (FILE.age locked)."),
    ],
    encrypt: Annotated[
        bool,
        typer.Option("--encrypt", help="Lock it with a passphrase (an age file, FILE.json.age)."),
    ] = False,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to", metavar="AGE_PUBLIC_KEY", help="Lock it for this age key instead (repeatable)."
        ),
    ] = None,
) -> None:
    """Write everything to one JSON file you can keep, read or restore; locked if you ask."""
    from reciprocity.coach import data as data_words
    from reciprocity.errors import InputError
    from reciprocity.services import data

    locked = encrypt or bool(to)
    if locked and file.suffix.lower() != ".age":
        raise InputError(data_words.EXPORT_LOCKED_NEEDS_AGE.format(path=file))
    if not locked and file.suffix.lower() != ".json":
        raise InputError(data_words.EXPORT_NEEDS_JSON.format(path=file))
    key = None
    if to:
        key = data.Key(public_keys=tuple(to))
    elif encrypt:
        key = data.Key(passphrase=_new_passphrase(file))
    counts = data.export_to(runtime(ctx).database(), file, key=key)
    said = data_words.EXPORTED.format(path=file, **counts_words(counts))
    if to:
        said = f"{said} {data_words.EXPORTED_FOR_KEYS.format(count=len(to))}"
    elif encrypt:
        said = f"{said} {data_words.EXPORTED_LOCKED}"
    say(said)


def _new_passphrase(file: Path) -> str:
    """The passphrase to lock ``file`` with: from the environment, or typed twice."""
    import os
    import sys
    from getpass import getpass

    from reciprocity.coach import data as data_words
    from reciprocity.errors import InputError

    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given is None:
        if not sys.stdin.isatty():
            raise InputError(data_words.PASSPHRASE_NEEDED_TO_LOCK)
        given = getpass(data_words.PASSPHRASE_ASK_NEW.format(name=file.name))
        if given and getpass(data_words.PASSPHRASE_ASK_AGAIN) != given:
            raise InputError(data_words.PASSPHRASE_DIFFER)
    if not given:
        raise InputError(data_words.PASSPHRASE_EMPTY)
    return given


def _opening_key(file: Path, how: str, identity: Path | None) -> Key:
    """What opens a locked export: the key file given, or the passphrase (environment or typed)."""
    import os
    import sys
    from getpass import getpass

    from reciprocity.coach import data as data_words
    from reciprocity.errors import InputError, TransferError
    from reciprocity.services import data

    if how == "keys":
        if identity is None:
            raise TransferError(data_words.LOCKED_FOR_KEYS.format(name=file))
        return data.Key(secret_keys=data.secret_keys_in(identity))
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given is None:
        if not sys.stdin.isatty():
            raise InputError(data_words.PASSPHRASE_NEEDED_TO_OPEN.format(name=file))
        given = getpass(data_words.PASSPHRASE_ASK.format(name=file.name))
    return data.Key(passphrase=given)


def import_(
    ctx: typer.Context,
    # Taken as text and made a path here: Typer's own path check loads pydantic, which
    # costs more than knowing an unchanged export again.
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="A chat export (format detected) or a reciprocity export."
        ),
    ],
    me: Annotated[
        str | None, typer.Option("--me", metavar="NAME", help="Your own name in the chat.")
    ] = None,
    person: Annotated[
        list[str] | None,
        typer.Option(
            "--person",
            metavar="NAME",
            help=(
                "Who the other side is, in your list; in a group chat, someone to add "
                "(once for each)."
            ),
        ),
    ] = None,
    add_none: Annotated[
        bool,
        typer.Option("--add-none", help="In a group chat, add none of its people to your list."),
    ] = False,
    date_order: Annotated[
        str | None,
        typer.Option(
            "--date-order",
            metavar="ORDER",
            help="DMY, MDY, YMD, YDM, DYM or MYD, if the guess was wrong.",
        ),
    ] = None,
    chat_name: Annotated[
        str | None,
        typer.Option("--chat", metavar="NAME", help="Which chat, in a whole-account export."),
    ] = None,
    keep_text: Annotated[
        bool, typer.Option("--keep-text", help="Keep message text (not kept by default).")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Restoring: replace everything (a copy is kept first)."),
    ] = False,
    identity: Annotated[
        Path | None,
        typer.Option(
            "--identity",
            metavar="KEYFILE",
            help="Restoring an export locked for an age key: the file with its secret key.",
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print a JSON summary for scripts.")] = False,
) -> None:
    """Import a chat export as evidence, or restore a reciprocity export (locked or not)."""
    from reciprocity.coach import data as data_words
    from reciprocity.errors import TransferError
    from reciprocity.services import chats, data

    file = Path(path)
    if not file.exists():
        raise TransferError(data_words.FILE_MISSING.format(path=file))
    if file.suffix.lower() in (".vcf", ".vcard"):
        from reciprocity.coach import people as people_words
        from reciprocity.errors import InputError

        raise InputError(people_words.CONTACTS_NOT_A_CHAT.format(path=file))
    how = data.how_locked(file)
    if how is not None:
        key = _opening_key(file, how, identity)
        _restore(ctx, file, replace=replace, json=json, key=key)
    elif chats.format_of(file) == "reciprocity":
        _restore(ctx, file, replace=replace, json=json)
    else:
        _import_chat(ctx, file, me, person or [], add_none, date_order, chat_name, keep_text, json)


def _restore(
    ctx: typer.Context, file: Path, *, replace: bool, json: bool, key: Key | None = None
) -> None:
    from reciprocity.coach import data as data_words
    from reciprocity.services import data

    restored = data.restore_file(runtime(ctx).database(), file, replace=replace, key=key)
    if restored.copy is not None:
        say(data_words.REPLACED_BACKUP.format(path=restored.copy), err=json)
    if json:
        emit_json({"format": "reciprocity", **restored.counts})
    else:
        say(data_words.IMPORTED.format(path=file, **counts_words(restored.counts)))


def _import_chat(
    ctx: typer.Context,
    file: Path,
    me: str | None,
    person: list[str],
    add_none: bool,
    date_order: str | None,
    chat_name: str | None,
    keep_text: bool,
    json: bool,
) -> None:
    import sys
    from contextlib import ExitStack
    from dataclasses import replace

    from reciprocity.coach import chats as chat_words
    from reciprocity.errors import ChoosePeopleError, InputError
    from reciprocity.services.chats import ChatChoices, import_chat_file

    if add_none and person:
        raise InputError(chat_words.IMPORT_ADD_NONE_OR_PERSON_CLI)
    choices = ChatChoices(
        me=me,
        person=person[0] if len(person) == 1 else None,
        people=() if add_none else (tuple(person) if len(person) > 1 else None),
        date_order=date_order,
        chat_name=chat_name,
        keep_text=keep_text,
    )
    database = runtime(ctx).database()
    while True:
        try:
            with ExitStack() as stack:
                tick = (
                    _progress(stack) if sys.stderr.isatty() and not json else (lambda _count: None)
                )
                summary = import_chat_file(database, file, choices, tick=tick)
            break
        except ChoosePeopleError as error:
            if not sys.stdin.isatty() or choices.people is not None:
                raise
            choices = replace(choices, person=None, people=_ask_people(error.names, error.known))
    if json:
        emit_json(summary.as_dict())
    else:
        _print_summary(summary, keep_text)


def _ask_people(names: list[str], known: list[str]) -> tuple[str, ...]:
    """On a terminal: which of a group's people to add, by number or name (none is an answer)."""
    from reciprocity.coach import chats as chat_words

    say(chat_words.IMPORT_ASK_PEOPLE, err=True)
    for number, name in enumerate(names, 1):
        say(f"  {number}. {name}", err=True)
    if known:
        say(chat_words.IMPORT_ASK_KNOWN.format(names=", ".join(known)), err=True)
    by_fold = {name.casefold(): name for name in names}
    while True:
        answer = typer.prompt(
            chat_words.IMPORT_ASK_ANSWER, default="", show_default=False, err=True
        )
        chosen: list[str] = []
        for part in (p.strip() for p in answer.split(",")):
            if not part:
                continue
            if part.isdigit() and 1 <= int(part) <= len(names):
                found: str | None = names[int(part) - 1]
            else:
                found = by_fold.get(" ".join(part.split()).casefold())
            if found is None:
                say(chat_words.IMPORT_ASK_AGAIN.format(answer=part), err=True)
                break
            if found not in chosen:
                chosen.append(found)
        else:
            return tuple(chosen)


def _progress(stack: object) -> Callable[[int], None]:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from reciprocity.coach import chats as chat_words

    # On stderr, where the check above looked: the summary on stdout stays clean.
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description} {task.completed:,}"),
        console=Console(stderr=True, highlight=False),
        transient=True,
    )
    stack.enter_context(progress)  # type: ignore[attr-defined]
    task = progress.add_task(chat_words.IMPORT_PROGRESS, total=None)
    return lambda count: progress.update(task, completed=count)


def _print_summary(summary: ImportSummary, keep_text: bool) -> None:
    from reciprocity.coach import chats as chat_words
    from reciprocity.coach.terms import day_words, dimension_title, moment_words
    from reciprocity.services.chats import suggested

    first = moment_words(summary.first) if summary.first else "-"
    last = moment_words(summary.last) if summary.last else "-"
    if summary.unchanged is not None:  # the same file again: nothing was read or changed
        day = day_words(summary.unchanged.date())
        say(chat_words.unchanged_words(summary.messages, first, last, day))
        for note in summary.notes:  # what the file itself says, as the web page shows it
            say(note)
        return
    read = summary.conversations if summary.readings else None
    say(chat_words.summary_words(summary.messages, summary.new, first, last, read))
    for person in suggested(summary):
        reply = chat_words.reply_words(*person.reply_minutes)
        quiet = chat_words.quiet_words(person.one_sided)
        say(
            chat_words.IMPORT_PERSON_LINE.format(
                name=person.name,
                conversations=chat_words.conversation_words(person.conversations),
                reply=f"{reply} {quiet}".strip(),
            )
        )
        for found in person.dimensions:
            if found.signs:
                leaning = chat_words.leaning_words(
                    found.leaning,
                    found.strength,
                    found.signs,
                    enough=found.enough,
                    name=person.name,
                )
                say(
                    chat_words.IMPORT_LEANING_LINE.format(
                        dimension=dimension_title(found.dimension), leaning=leaning
                    )
                )
        silent = [dimension_title(d.dimension) for d in person.dimensions if not d.signs]
        if silent:
            say("  " + chat_words.silent_words(silent))
    if summary.added:
        say(chat_words.IMPORT_ADDED.format(names=", ".join(summary.added)))
    if summary.not_added:
        say(chat_words.IMPORT_NOT_ADDED.format(names=", ".join(summary.not_added)))
    if summary.date_order_inferred and summary.date_order:
        say(chat_words.IMPORT_DATE_ORDER_CLI.format(order=summary.date_order))
    for note in summary.notes:
        say(note)
    if summary.skipped:
        say(chat_words.skipped_words(len(summary.skipped), page=False))
        for line in summary.skipped[:10]:
            say(chat_words.IMPORT_SKIPPED_LINE.format(**line))
        if len(summary.skipped) > 10:
            say(chat_words.IMPORT_SKIPPED_MORE_CLI.format(count=len(summary.skipped) - 10))
    say(chat_words.IMPORT_TEXT_KEPT_CLI if keep_text else chat_words.IMPORT_TEXT_NOT_KEPT)


def copies(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List the copies of your data kept beside it, newest first."""
    from reciprocity.coach import data as data_words
    from reciprocity.coach.terms import moment_words
    from reciprocity.services import data, shapes

    found = data.copies(runtime(ctx).database())
    if json:
        emit_json([shapes.copy(c) for c in found])
        return
    if not found:
        say(data_words.NO_COPIES)
        return
    for copy in found:
        say(f"{copy.path.name}  {moment_words(copy.made)}  {data_words.copy_reason(copy.reason)}")


def bring_back(
    ctx: typer.Context,
    copy: Annotated[
        str,
        typer.Argument(
            metavar="COPY", help="A copy's file name ('reciprocity copies' lists them)."
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask first.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Put a kept copy back in place of your data (what is there now is kept as a copy first)."""
    from reciprocity.cli.runtime import confirm
    from reciprocity.coach import data as data_words
    from reciprocity.services import data

    if not confirm(data_words.BRING_BACK_ASK.format(copy=copy), yes=yes):
        return
    done = data.bring_back(runtime(ctx).database(), copy)
    if json:
        emit_json(
            {
                "brought_back": done.copy.name,
                "kept_before": None if done.before is None else str(done.before),
            }
        )
        return
    say(data_words.BROUGHT_BACK.format(copy=done.copy.name))
    if done.before is not None:
        say(data_words.BROUGHT_BACK_BEFORE.format(before=done.before))
