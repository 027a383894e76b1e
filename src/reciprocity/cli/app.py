"""The ``reciprocity`` command and its groups. Each group lives in its own module.

A command's module is imported when that command runs (or when ``--help`` lists
them all), so a quick command does not wait for the others to load."""

from __future__ import annotations

import importlib
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

from reciprocity import __version__
from reciprocity.cli.parsing import quicken
from reciprocity.cli.runtime import Runtime

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from typer._click.core import Command, Context  # the command-line parser Typer builds on

COMMANDS: dict[str, tuple[str, str]] = {
    "log": ("moments", "log"),
    "patterns": ("patterns", "patterns"),
    "status": ("patterns", "status"),
    "demo": ("demo", "demo"),
    "export": ("transfer", "export"),
    "import": ("transfer", "import_"),
    "copies": ("transfer", "copies"),
    "bring-back": ("transfer", "bring_back"),
    "serve": ("serve", "serve"),
    "pair": ("pair", "pair"),
    "encrypt": ("encryption", "encrypt"),
    "decrypt": ("encryption", "decrypt"),
    "passphrase": ("encryption", "passphrase"),
    "due": ("due", "due"),
    "calendar": ("due", "calendar"),
    "report": ("report", "report"),
    "people": ("people", "app"),
    "moment": ("moments", "app"),
    "season": ("seasons", "app"),
    "audit": ("audit", "app"),
    "checkin": ("checkin", "app"),
    "ritual": ("rituals", "app"),
    "boundary": ("boundaries", "app"),
    "roles": ("roles", "app"),
    "win": ("wins", "app"),
    "rhythm": ("rhythm", "app"),
    "date": ("occasions", "app"),
    "talk": ("talk", "app"),
}
"""Each command, then each group of commands, by name, in the order ``--help`` lists them:
the module of ``reciprocity.cli`` that holds it, and its function (or Typer group) there."""


class Commands(MutableMapping[str, "Command"]):
    """The commands of a group by name, each made from its module the first time it is asked for.

    ``reciprocity log`` imports what noting a moment needs and nothing else;
    ``--help`` asks for them all, and lists every one with its help."""

    def __init__(self, make: Callable[[str], Command], names: list[str]) -> None:
        self._make = make
        self._names = list(names)
        self._made: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._made:
            if name not in self._names:
                raise KeyError(name)
            self._made[name] = self._make(name)
        return self._made[name]

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self._names:
            self._names.append(name)
        self._made[name] = command

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._made.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class Reciprocity(TyperGroup):
    """The ``reciprocity`` group: its commands made on demand (see ``Commands``)."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = Commands(self._command, list(COMMANDS))

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        quicken(self, ctx, subcommands=False)
        return super().parse_args(ctx, bare_lan(args))

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        found = self.commands.get(cmd_name)
        if found is not None:
            quicken(found, ctx)
        return found

    def _command(self, name: str) -> Command:
        module, attribute = COMMANDS[name]
        found = getattr(importlib.import_module(f"reciprocity.cli.{module}"), attribute)
        made: Command
        if isinstance(found, typer.Typer):
            made = typer.main.get_group_from_info(
                TyperInfo(found, name=name),
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=self.rich_markup_mode,
                suggest_commands=self.suggest_commands,
            )
        else:
            made = typer.main.get_command_from_info(
                CommandInfo(name=name, callback=found),
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=self.rich_markup_mode,
            )
        return made


def bare_lan(args: list[str]) -> list[str]:
    """``serve --lan`` with no address after it means this computer's own (``--lan=``)."""
    if "serve" not in args:
        return args
    after = args.index("serve")
    found = list(args)
    for i, arg in enumerate(args):
        bare = i + 1 == len(args) or args[i + 1].startswith("-")
        if i > after and arg == "--lan" and bare:
            found[i] = "--lan="
    return found


app = typer.Typer(
    name="reciprocity",
    help=(
        "Keep your close relationships mutual: patterns over months, never a tally. "
        "Your data stays on this machine."
    ),
    cls=Reciprocity,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"reciprocity {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database to use (any SQLAlchemy URL). Default: RECIPROCITY_DB, "
            "else a SQLite file in your user data folder.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Keep your close relationships mutual: patterns over months, never a tally."""
    state = ctx.ensure_object(Runtime)
    state.db_url = db
    ctx.call_on_close(state.close)
