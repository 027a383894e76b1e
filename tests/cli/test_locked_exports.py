"""`export --encrypt` / `--to` and `import` of a locked export, through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyrage import x25519

from tests.cli_runner import Cli, Terminal

MAGIC = b"age-encryption.org/v1\n"
PASSPHRASE = "a long walk by the river"


@pytest.fixture(autouse=True)
def _no_passphrase_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test says itself whether a passphrase is in the environment."""
    monkeypatch.delenv("RECIPROCITY_EXPORT_PASSPHRASE", raising=False)


def test_a_locked_export_round_trips_into_a_fresh_database(demo_cli: Cli, tmp_path: Path) -> None:
    locked = tmp_path / "backup.json.age"
    secret = {"RECIPROCITY_EXPORT_PASSPHRASE": PASSPHRASE}
    wrote = demo_cli.process("export", str(locked), "--encrypt", env=secret)
    assert wrote.code == 0, wrote.err
    assert "It is locked with your passphrase" in wrote.out
    raw = locked.read_bytes()
    assert raw.startswith(MAGIC) and b"Jordan" not in raw and b"reciprocity" not in raw[30:]
    assert not list(tmp_path.glob("*.json")), "nothing unlocked is written beside it"

    fresh = Cli(tmp_path / "fresh.db", demo_cli.capsys)
    restored = fresh.process("import", str(locked), "--json", env=secret)
    assert restored.code == 0, restored.err
    assert restored.json()["people"] == 5
    plain = tmp_path / "plain.json"
    assert demo_cli("export", str(plain)).code == 0
    again = tmp_path / "again.json"
    assert fresh("export", str(again)).code == 0
    assert _people(plain) == _people(again)


def test_without_a_terminal_or_the_variable_one_line_and_nothing_changes(
    demo_cli: Cli, tmp_path: Path
) -> None:
    locked = tmp_path / "backup.json.age"
    refused = demo_cli.process("export", str(locked), "--encrypt")
    assert refused.code == 2 and not locked.exists()
    assert refused.err.splitlines() == [
        "reciprocity: Locking an export needs a passphrase: type it at a terminal, "
        "or set RECIPROCITY_EXPORT_PASSPHRASE for a script."
    ]
    assert (
        demo_cli.process(
            "export", str(locked), "--encrypt", env={"RECIPROCITY_EXPORT_PASSPHRASE": PASSPHRASE}
        ).code
        == 0
    )
    fresh = Cli(tmp_path / "fresh.db", demo_cli.capsys)
    asked = fresh.process("import", str(locked))
    assert asked.code == 2 and len(asked.err.splitlines()) == 1
    assert "backup.json.age is locked with a passphrase" in asked.err
    wrong = fresh.process("import", str(locked), env={"RECIPROCITY_EXPORT_PASSPHRASE": "not it"})
    assert wrong.code == 1
    assert wrong.err.splitlines() == [
        f"reciprocity: That passphrase does not open {locked}; nothing was changed."
    ]
    assert fresh("people", "list", "--json").json() == []


def test_a_terminal_asks_twice_to_lock_and_once_to_open(demo_cli: Cli, tmp_path: Path) -> None:
    locked = tmp_path / "backup.json.age"
    differ = Terminal(demo_cli.db, "export", str(locked), "--encrypt")
    differ.expect("A passphrase to lock backup.json.age: ")
    differ.send(PASSPHRASE)
    differ.expect("The same passphrase again: ")
    differ.send("something else")
    assert differ.wait() == 2 and not locked.exists()
    assert "The two passphrases differ; nothing was written." in differ.since
    assert PASSPHRASE not in differ.shown, "a passphrase is never shown as it is typed"

    term = Terminal(demo_cli.db, "export", str(locked), "--encrypt")
    term.expect("A passphrase to lock backup.json.age: ")
    term.send(PASSPHRASE)
    term.expect("The same passphrase again: ")
    term.send(PASSPHRASE)
    assert term.wait() == 0 and locked.read_bytes().startswith(MAGIC)

    fresh = tmp_path / "fresh.db"
    wrong = Terminal(fresh, "import", str(locked))
    wrong.expect("The passphrase of backup.json.age: ")
    wrong.send("not it")
    assert wrong.wait() == 1 and "does not open" in wrong.since
    opened = Terminal(fresh, "import", str(locked))
    opened.expect("The passphrase of backup.json.age: ")
    opened.send(PASSPHRASE)
    assert opened.wait() == 0
    assert "Restored 5 people" in opened.since


def test_an_export_locked_for_age_keys_opens_with_a_key_file(demo_cli: Cli, tmp_path: Path) -> None:
    mine, theirs = x25519.Identity.generate(), x25519.Identity.generate()
    locked = tmp_path / "for-keys.age"
    wrote = demo_cli(
        "export", str(locked), "--to", str(mine.to_public()), "--to", str(theirs.to_public())
    )
    assert wrote.code == 0, wrote.err
    assert "locked for 2 age key(s)" in wrote.out
    fresh = Cli(tmp_path / "fresh.db", demo_cli.capsys)
    asked = fresh("import", str(locked))
    assert asked.code == 1 and "--identity FILE" in asked.err
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(f"# created: today\n{x25519.Identity.generate()}\n")
    refused = fresh("import", str(locked), "--identity", str(stranger))
    assert refused.code == 1 and "None of the keys given opens" in refused.err
    keyfile = tmp_path / "key.txt"
    keyfile.write_text(f"# public key: {theirs.to_public()}\n{theirs}\n")
    assert fresh("import", str(locked), "--identity", str(keyfile)).code == 0
    assert len(fresh("people", "list", "--json").json()) == 5
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here\n")
    nokey = Cli(tmp_path / "other.db", demo_cli.capsys)(
        "import", str(locked), "--identity", str(empty)
    )
    assert nokey.code == 1 and "no usable age secret key" in nokey.err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["backup.json", "--encrypt"], "please use a name ending in .age"),
        (["backup.age", "--to", "age1notakey"], "is not an age public key"),
        (["backup.age"], "please use a name ending in .json"),
    ],
)
def test_wrong_names_and_keys_are_one_line(
    demo_cli: Cli, tmp_path: Path, args: list[str], says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECIPROCITY_EXPORT_PASSPHRASE", PASSPHRASE)
    result = demo_cli("export", str(tmp_path / args[0]), *args[1:])
    assert result.code == 2 and says in result.err and len(result.err.splitlines()) == 1
    assert not list(tmp_path.glob("backup*"))


def test_a_damaged_locked_export_changes_nothing(
    demo_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECIPROCITY_EXPORT_PASSPHRASE", PASSPHRASE)
    locked = tmp_path / "backup.json.age"
    assert demo_cli("export", str(locked), "--encrypt").code == 0
    cut = tmp_path / "cut.json.age"
    cut.write_bytes(locked.read_bytes()[:-200])
    fresh = Cli(tmp_path / "fresh.db", demo_cli.capsys)
    result = fresh("import", str(cut))
    assert result.code == 1 and "damaged or cut short" in result.err
    assert fresh("people", "list", "--json").json() == []


def _people(path: Path) -> list[str]:
    import json

    return [p["name"] for p in json.loads(path.read_text())["people"]]
