"""Values typed on the command line read the same with the quick check as with Typer's own.

``reciprocity.cli.parsing`` reads plain values without pydantic and hands the
rest to Typer. Every value here goes through the same little command twice,
once as Typer builds it and once quickened, and must come out the same: the
same values, or the same words saying what was wrong.
"""

from __future__ import annotations

from typing import Annotated, Any

import pytest
import typer
import typer.main

from reciprocity.cli.parsing import PlainParam, quicken
from reciprocity.vocabulary import Dimension, Giver


def _command() -> Any:
    app = typer.Typer(add_completion=False)

    @app.command()
    def note(
        word: str,
        energy: Annotated[int | None, typer.Option(min=-2, max=2)] = None,
        limit: Annotated[int, typer.Option(min=1)] = 50,
        count: int = 0,
        by: Giver = Giver.ME,
        dim: Annotated[list[Dimension] | None, typer.Option("--dim")] = None,
        yes: bool = False,
    ) -> tuple[object, ...]:
        return (word, energy, limit, count, by, dim, yes)

    return typer.main.get_command(app)


def _read(command: Any, args: list[str]) -> object:
    try:
        return command.main(args=args, prog_name="note", standalone_mode=False)
    except typer.Exit as done:
        return ("exit", done.exit_code)
    except Exception as error:  # what Typer says is wrong, as it says it
        said = error.format_message() if isinstance(error, typer.TyperException) else str(error)
        return (type(error).__name__, said)


CASES = [
    ["tea"],
    [""],
    ["a few words, with ü and 🙂"],
    ["tea", "--energy", "2"],
    ["tea", "--energy", "-2"],
    ["tea", "--energy", "+1"],
    ["tea", "--energy", "007"],
    ["tea", "--energy", "3"],
    ["tea", "--energy", "-3"],
    ["tea", "--energy", " 1"],
    ["tea", "--energy", "1.0"],
    ["tea", "--energy", "1_0"],
    ["tea", "--energy", "one"],
    ["tea", "--energy", ""],
    ["tea", "--limit", "0"],
    ["tea", "--limit", "1"],
    ["tea", "--limit", "99999999999999999999"],
    ["tea", "--count", "-12"],
    ["tea", "--by", "both"],
    ["tea", "--by", "them"],
    ["tea", "--by", "BOTH"],
    ["tea", "--by", "nobody"],
    ["tea", "--by", ""],
    ["tea", "--dim", "depth"],
    ["tea", "--dim", "depth", "--dim", "crisis", "--dim", "depth"],
    ["tea", "--dim", "loyalty"],
    ["tea", "--dim", "Depth"],
    ["tea", "--yes"],
    ["tea", "--help"],
    [],
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a) or "nothing")
def test_the_quick_check_reads_as_typer_does(args: list[str]) -> None:
    typers = _command()
    quick = _command()
    ctx = typer.Context(quick)  # a context that has parsed nothing yet
    quicken(quick, ctx)
    checks = {p.name: p._runtime_param for p in [*quick.params, quick.get_help_option(ctx)]}
    assert all(isinstance(check, PlainParam) for check in checks.values()), checks
    assert _read(quick, args) == _read(typers, args)
