"""Keep the docs honest: every command has help, and the README names every command."""

from __future__ import annotations

from pathlib import Path

import typer.main

from reciprocity.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    found = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            found += [(f"{name} {sub}", c) for sub, c in subcommands.items() if sub != "run"]
            found.append((name, command))
        else:
            found.append((name, command))
    return found


def test_every_command_has_help_and_is_in_the_readme() -> None:
    commands = _commands()
    assert len(commands) >= 15
    for name, command in commands:
        assert (command.help or "").strip(), f"{name} has no help"  # type: ignore[attr-defined]
        assert f"`{name}" in README, f"{name} is missing from the README's commands"
    for name, command in commands:
        if name.endswith(" list") or name.endswith(" show") or name == "audit compare":
            options = {p.name for p in command.params}  # type: ignore[attr-defined]
            assert "json" in options, f"{name} has no --json"


def test_the_readme_quick_start_is_what_ci_runs() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "bash scripts/test" in README and "bash scripts/test" in ci
