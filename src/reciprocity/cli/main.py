"""The one exit point of the command line.

Every known problem becomes one clear line on stderr and a non-zero exit code;
nothing prints a traceback at a person for a mistake they made.

Exit codes: 0 done · 1 a problem with stored data or a file · 2 a value on the
command line was not usable · 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reciprocity.cli.runtime import Runtime


def main(argv: Sequence[str] | None = None) -> None:
    sys.exit(run(list(sys.argv[1:] if argv is None else argv)))


def run(argv: list[str]) -> int:
    import typer

    from reciprocity.cli.app import app
    from reciprocity.cli.runtime import Runtime
    from reciprocity.coach import app as app_words
    from reciprocity.errors import ReciprocityError

    command = typer.main.get_command(app)
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:  # bytes the terminal's encoding could not read as text
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            _say_error(app_words.ARGUMENT_NOT_TEXT.format(value=shown))
            return 2
    state = Runtime()
    try:
        # Not command.main(): it turns Ctrl-C into a silent exit code, and the person is
        # owed one line saying what became of their data.
        with command.make_context("reciprocity", argv, obj=state) as ctx:
            result = command.invoke(ctx)
    except ReciprocityError as error:
        _say_error(" ".join(part for part in (str(error), error.command_hint) if part))
        return error.exit_code
    except typer.Exit as done:
        return done.exit_code
    except (typer.Abort, KeyboardInterrupt, EOFError):  # Ctrl-C, or input ended at a question
        _stopped(state)
        return 130
    except typer.TyperException as error:
        text = error.format_message()
        if text.startswith("Usage:"):  # a group called with nothing to do: show its help
            print(text, file=sys.stderr)
            return error.exit_code
        context = getattr(error, "ctx", None)
        where = context.command_path.removeprefix("reciprocity").strip() if context else ""
        hint = app_words.USAGE_HINT.format(command=where).replace("  ", " ") if where else ""
        _say_error(error.format_message().replace("\n", " ") + hint)
        return error.exit_code
    except Exception as error:  # a bug: say so calmly, keep details for those who ask
        if os.environ.get("RECIPROCITY_DEBUG"):
            raise
        detail = str(error).splitlines()[0] if str(error) else ""
        _say_error(app_words.INTERNAL_ERROR.format(kind=type(error).__name__, detail=detail))
        return 70
    return result if isinstance(result, int) else 0


def _stopped(state: Runtime) -> None:
    """One calm line after Ctrl-C: a write in progress was rolled back with its transaction,
    so nothing changed unless something was saved before the interrupt came."""
    from reciprocity.coach import app as app_words

    if sys.stdin.isatty():
        print(file=sys.stderr)  # after the ^C the terminal echoed, a line of its own
    kept = state.saved_anything()
    _say_error(app_words.INTERRUPTED_KEPT if kept else app_words.INTERRUPTED)


def _say_error(line: str) -> None:
    print(f"reciprocity: {line}", file=sys.stderr)


if __name__ == "__main__":
    main()
