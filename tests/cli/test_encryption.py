"""Encryption at rest through the real entry point, on real files: what is on disk, and every
way the passphrase arrives (RECIPROCITY_PASSPHRASE, a terminal, neither)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from reciprocity.store import cipher
from tests.cli_runner import Cli, Result, Terminal

WORD = "Quetzalcoatlus"
"""A word no SQLite file holds by chance: written before encrypting, looked for in raw bytes."""
LATER = "Ornithocheirus"
"""Another, written after encrypting (it passes through the WAL)."""
PASSPHRASE = "correct horse battery"
SECRET = {"RECIPROCITY_PASSPHRASE": PASSPHRASE}


def _plain_env() -> dict[str, str]:
    """The test's environment without any passphrase variable (a person who set none)."""
    return {
        k: v
        for k, v in os.environ.items()
        if k not in ("RECIPROCITY_PASSPHRASE", "RECIPROCITY_NEW_PASSPHRASE")
    }


def run(cli: Cli, *args: str, env: dict[str, str] | None = None, stdin: str = "") -> Result:
    """The CLI in a subprocess with no terminal, with exactly the passphrase variables in ``env``."""
    done = subprocess.run(
        [sys.executable, "-m", "reciprocity", "--db", cli.url, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**_plain_env(), "COLUMNS": "200", **(env or {})},
        timeout=120,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def unlocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """RECIPROCITY_PASSPHRASE set for the in-process entry point (``cli(...)``): quicker than a
    new process, for the tests about what works on an encrypted database rather than how the
    passphrase arrives."""
    monkeypatch.setenv("RECIPROCITY_PASSPHRASE", PASSPHRASE)


def here(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, *args: str, env: dict[str, str] | None = None
) -> Result:
    """The entry point in this process (no terminal), with exactly the passphrase variables in
    ``env``: the same paths as ``run``, without a new process's start-up."""
    with monkeypatch.context() as scoped:
        for name in ("RECIPROCITY_PASSPHRASE", "RECIPROCITY_NEW_PASSPHRASE"):
            scoped.delenv(name, raising=False)
        for name, value in (env or {}).items():
            scoped.setenv(name, value)
        return cli(*args)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_beside(db: Path) -> dict[str, bytes]:
    """Every file in the database's folder, by name, with its raw bytes."""
    return {p.name: p.read_bytes() for p in sorted(db.parent.iterdir()) if p.is_file()}


@pytest.fixture
def person_db(cli: Cli) -> Cli:
    """A plain database holding a few people, one of them with WORD in their name and note."""
    for name in ("Sam", "Jordan"):
        assert cli("people", "add", name).code == 0
    added = cli("people", "add", WORD, "--note", f"{WORD} knows about the hospital")
    assert added.code == 0, added.err
    logged = cli("log", WORD, f"{WORD} came round with soup", "--by", "them", "--no-dims")
    assert logged.code == 0, logged.err
    return cli


@pytest.fixture
def encrypted(person_db: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    with monkeypatch.context() as scoped:
        scoped.setenv("RECIPROCITY_PASSPHRASE", PASSPHRASE)
        done = person_db("encrypt", "--yes")
    assert done.code == 0, done.err
    return person_db


def test_the_encrypted_file_holds_none_of_what_was_written(person_db: Cli) -> None:
    cli = person_db
    assert WORD.encode() in cli.db.read_bytes() + _side(cli.db)
    removed = cli("people", "remove", "Sam", "--yes")  # a copy of everything is kept beside it
    assert removed.code == 0
    done = run(cli, "encrypt", "--yes", env=SECRET)
    assert done.code == 0, done.err
    assert f"Encrypted {cli.db}" in done.out
    assert "Copies kept beside it, encrypted too: 1." in done.out
    names = set(files_beside(cli.db))
    assert f"{cli.db.name}.key" in names
    assert not any(n.endswith(("-wal", "-shm")) for n in names), names
    for name, content in files_beside(cli.db).items():
        assert WORD.encode() not in content, name
        assert WORD.encode("utf-16-le") not in content, name
        assert not content.startswith(cipher.PLAIN_MAGIC), name
    # Written after: the WAL holds it while a connection is open, encrypted too.
    from reciprocity.services import moments, open_database

    database = open_database(cli.url, passphrase=PASSPHRASE)
    try:
        from reciprocity.vocabulary import Giver

        moments.note(
            database, WORD, f"{LATER} brought the paperwork", by=Giver.THEM, on=date.today()
        )
        wal = cli.db.with_name(cli.db.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        for name, content in files_beside(cli.db).items():
            assert LATER.encode() not in content and WORD.encode() not in content, name
    finally:
        database.close()
    shown = run(cli, "moment", "list", WORD, "--search", LATER, env=SECRET)
    assert shown.code == 0 and LATER in shown.out


def _side(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_plain_sqlite_cannot_read_it(encrypted: Cli) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(encrypted.db).execute("SELECT name FROM sqlite_master").fetchall()
    binary = shutil.which("sqlite3")
    if binary is not None:
        done = subprocess.run(
            [binary, str(encrypted.db), "SELECT name FROM person"], capture_output=True, text=True
        )
        assert done.returncode != 0 and "not a database" in done.stderr
        assert WORD not in done.stdout


def test_without_a_terminal_or_the_variable_one_line_and_nothing_changed(encrypted: Cli) -> None:
    before = digest(encrypted.db)
    done = run(encrypted, "people", "list")
    assert done.code == 1
    assert done.err.strip().splitlines() == [
        f"reciprocity: {encrypted.db} is encrypted: type its passphrase on a terminal, or set "
        "RECIPROCITY_PASSPHRASE for a script."
    ]
    assert done.out == ""
    assert digest(encrypted.db) == before


def test_a_wrong_passphrase_is_one_line_and_changes_nothing(encrypted: Cli) -> None:
    before = files_beside(encrypted.db)
    done = run(
        encrypted, "log", WORD, "never written", env={"RECIPROCITY_PASSPHRASE": "not it at all"}
    )
    assert done.code == 2
    assert done.err.strip().splitlines() == [
        f"reciprocity: That passphrase does not open {encrypted.db}; nothing was changed."
    ]
    assert files_beside(encrypted.db) == before
    right = run(encrypted, "people", "show", WORD, "--json", env=SECRET)
    assert right.code == 0, right.err
    assert right.json()["note"] == f"{WORD} knows about the hospital"


def test_the_passphrase_typed_on_a_terminal(
    encrypted: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECIPROCITY_PASSPHRASE", raising=False)
    terminal = Terminal(encrypted.db, "people", "show", WORD)
    terminal.expect(f"Passphrase for {encrypted.db}: ")
    terminal.send("a wrong guess")
    terminal.expect("That passphrase does not open")
    terminal.expect(f"Passphrase for {encrypted.db}: ")
    terminal.send(PASSPHRASE)
    terminal.expect(f"{WORD} knows about the hospital")
    assert terminal.wait() == 0
    assert PASSPHRASE not in terminal.shown and "a wrong guess" not in terminal.shown  # not echoed


def test_three_wrong_passphrases_on_a_terminal_end_it(
    encrypted: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECIPROCITY_PASSPHRASE", raising=False)
    before = files_beside(encrypted.db)
    terminal = Terminal(encrypted.db, "status")
    for guess in ("one", "two", "three"):
        terminal.expect("Passphrase for")
        terminal.send(guess)
    assert terminal.wait() == 2
    assert terminal.shown.count("That passphrase does not open") == 3
    assert files_beside(encrypted.db) == before


def test_encrypting_on_a_terminal_warns_asks_and_takes_the_passphrase_twice(
    person_db: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECIPROCITY_PASSPHRASE", raising=False)
    terminal = Terminal(person_db.db, "encrypt")
    terminal.expect("a lost passphrase means lost data")
    terminal.expect(f"Encrypt {person_db.db} now? [y/N]:")
    terminal.send("y")
    terminal.expect("New passphrase: ")
    terminal.send(PASSPHRASE)
    terminal.expect("The same passphrase again: ")
    terminal.send(PASSPHRASE)
    terminal.expect(f"Encrypted {person_db.db}")
    assert terminal.wait() == 0
    assert PASSPHRASE not in terminal.shown
    assert cipher.is_encrypted(person_db.db)
    assert run(person_db, "people", "show", WORD, env=SECRET).code == 0


def test_saying_no_or_typing_two_passphrases_changes_nothing(
    person_db: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECIPROCITY_PASSPHRASE", raising=False)
    before = digest(person_db.db)
    terminal = Terminal(person_db.db, "encrypt")
    terminal.expect("now? [y/N]:")
    terminal.send("n")
    terminal.expect("Nothing was changed")
    assert terminal.wait() == 0
    terminal = Terminal(person_db.db, "encrypt")
    terminal.expect("now? [y/N]:")
    terminal.send("y")
    terminal.expect("New passphrase: ")
    terminal.send(PASSPHRASE)
    terminal.expect("again: ")
    terminal.send(PASSPHRASE + "!")
    terminal.expect("The two passphrases differ; nothing was changed.")
    assert terminal.wait() == 2
    assert digest(person_db.db) == before and cipher.is_plain(person_db.db)
    assert not cipher.key_file(person_db.db).exists()


def test_encrypting_from_a_script_needs_yes_and_a_passphrase(
    person_db: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(person_db.db)
    asked = run(person_db, "encrypt", env=SECRET)  # a real process with no terminal
    assert asked.code == 2
    assert asked.err.strip().splitlines() == [
        "reciprocity: Encrypting asks first, because a lost passphrase means lost data: add "
        "--yes to answer for a script."
    ]
    none = here(person_db, monkeypatch, "encrypt", "--yes")
    assert none.code == 2
    assert "set RECIPROCITY_PASSPHRASE for a script" in none.err
    short = here(
        person_db, monkeypatch, "encrypt", "--yes", env={"RECIPROCITY_PASSPHRASE": "short"}
    )
    assert short.code == 2 and "at least 8 characters" in short.err
    assert digest(person_db.db) == before and not cipher.key_file(person_db.db).exists()
    again = here(person_db, monkeypatch, "encrypt", "--yes", env=SECRET)
    assert again.code == 0
    twice = here(person_db, monkeypatch, "encrypt", "--yes", env=SECRET)
    assert twice.code == 1
    assert "is already encrypted; reciprocity passphrase changes its passphrase." in twice.err


def test_changing_the_passphrase_rewrites_only_the_key_file(
    encrypted: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = cipher.key_file(encrypted.db)
    data_before, key_before = digest(encrypted.db), json.loads(key_file.read_text())
    new = {**SECRET, "RECIPROCITY_NEW_PASSPHRASE": "a whole new sentence"}
    done = run(encrypted, "passphrase", env=new)
    assert done.code == 0, done.err
    assert "only its key file was rewritten" in done.out
    assert digest(encrypted.db) == data_before
    key_after = json.loads(key_file.read_text())
    assert key_after["kdf"]["salt"] != key_before["kdf"]["salt"]
    assert key_after["wrap"]["key"] != key_before["wrap"]["key"]
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert (
        PASSPHRASE not in key_file.read_text()
        and "a whole new sentence" not in key_file.read_text()
    )
    old = here(encrypted, monkeypatch, "people", "list", env=SECRET)
    assert old.code == 2 and "does not open" in old.err
    fresh = here(
        encrypted,
        monkeypatch,
        "people",
        "show",
        WORD,
        env={"RECIPROCITY_PASSPHRASE": "a whole new sentence"},
    )
    assert fresh.code == 0 and WORD in fresh.out
    missing = here(
        encrypted, monkeypatch, "passphrase", env={"RECIPROCITY_PASSPHRASE": "a whole new sentence"}
    )
    assert missing.code == 2 and "set RECIPROCITY_NEW_PASSPHRASE for a script" in missing.err
    wrong = here(encrypted, monkeypatch, "passphrase", env={**new, "RECIPROCITY_PASSPHRASE": "no"})
    assert wrong.code == 2 and json.loads(key_file.read_text()) == key_after


def test_the_key_file_says_its_format_and_never_the_passphrase(encrypted: Cli) -> None:
    key_file = cipher.key_file(encrypted.db)
    assert key_file.stat().st_mode & 0o777 == 0o600
    document = json.loads(key_file.read_text())
    assert document["format"] == "reciprocity-key" and document["version"] == 1
    assert document["kdf"]["name"] == "argon2id"
    assert {k: document["kdf"][k] for k in cipher.ARGON2} == cipher.ARGON2
    assert len(base64.b64decode(document["kdf"]["salt"])) == 16
    assert document["wrap"]["name"] == "aes-256-gcm"
    assert PASSPHRASE not in key_file.read_text()


def test_decrypting_goes_back_to_plain_files(encrypted: Cli) -> None:
    assert run(encrypted, "people", "remove", "Jordan", "--yes", env=SECRET).code == 0
    assert run(encrypted, "decrypt").code == 1  # no passphrase, no terminal
    assert cipher.is_encrypted(encrypted.db)
    done = run(encrypted, "decrypt", env=SECRET)
    assert done.code == 0, done.err
    assert "plain files again" in done.out
    assert not cipher.key_file(encrypted.db).exists()
    for name, content in files_beside(encrypted.db).items():
        assert content.startswith(cipher.PLAIN_MAGIC), name
    with sqlite3.connect(encrypted.db) as connection:
        assert connection.execute("SELECT note FROM person WHERE name = ?", (WORD,)).fetchone() == (
            f"{WORD} knows about the hospital",
        )
    copies = run(encrypted, "copies", "--json")
    assert copies.code == 0 and len(copies.json()) == 1
    again = run(encrypted, "decrypt")
    assert again.code == 1 and "is not encrypted, so there is nothing to decrypt" in again.err


def test_backups_restore_bring_back_and_the_demo_on_an_encrypted_database(
    encrypted: Cli, tmp_path: Path, unlocked: None
) -> None:
    (tmp_path / "elsewhere").mkdir()
    export = tmp_path / "elsewhere" / "everything.json"
    assert encrypted("export", str(export)).code == 0
    removed = encrypted("people", "remove", WORD, "--yes")
    assert removed.code == 0
    copies = encrypted("copies", "--json").json()
    assert [c["reason"] for c in copies] == ["before-remove"]
    copy = encrypted.db.with_name(copies[0]["name"])
    assert not copy.read_bytes().startswith(cipher.PLAIN_MAGIC)
    assert WORD.encode() not in copy.read_bytes()
    back = encrypted("bring-back", copy.name, "--yes")
    assert back.code == 0, back.err
    assert encrypted("people", "show", WORD).code == 0
    restored = encrypted("import", str(export), "--replace")
    assert restored.code == 0, restored.err
    demo = encrypted("demo", "--force")  # over what is there: a copy first
    assert demo.code == 0, demo.err
    assert encrypted("people", "show", WORD).code == 1  # the demo replaced it
    for name, content in files_beside(encrypted.db).items():
        assert not content.startswith(cipher.PLAIN_MAGIC), name
        assert WORD.encode() not in content, name
    kinds = sorted(c["reason"] for c in encrypted("copies", "--json").json())
    assert kinds == ["before-bring-back", "before-demo", "before-import", "before-remove"]


def test_a_chat_import_into_an_encrypted_database(
    encrypted: Cli, tmp_path: Path, unlocked: None
) -> None:
    (tmp_path / "elsewhere").mkdir()
    export = tmp_path / "elsewhere" / "WhatsApp Chat with Sam.txt"
    start = datetime.combine(date.today() - timedelta(days=40), datetime.min.time())
    lines = []
    for day in range(30):
        when = start + timedelta(days=day)
        lines.append(f"{when:%d/%m/%Y}, 09:00 - Sam: {LATER} says good morning")
        lines.append(f"{when:%d/%m/%Y}, 09:05 - Alex: morning!")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = encrypted("import", str(export), "--me", "Alex", "--keep-text", "--json")
    assert done.code == 0, done.err
    assert done.json()["messages"] == 60
    for name, content in files_beside(encrypted.db).items():
        assert LATER.encode() not in content, name


def test_a_migration_on_an_encrypted_database_keeps_an_encrypted_copy(cli: Cli) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from reciprocity.store import migrate
    from reciprocity.store.database import SCHEMA_REVISION

    engine = create_engine(cli.url)
    cfg = migrate.config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
        connection.execute(
            text(
                "INSERT INTO person (name, kind, my_care, their_care, note) "
                f"VALUES ('{WORD}', 'friend', '[]', '[]', 'kept through the update')"
            )
        )
    engine.dispose()
    made = cipher.new_key(PASSPHRASE)  # encrypted as it is, at the first layout
    with cipher.conversion(cli.db, None, made.key, kind="encrypting") as converted:
        cipher.write_key_file(cipher.key_file(cli.db), made.document)
        cipher.put_in_place(converted, cli.db)
    done = run(cli, "people", "show", WORD, "--json", env=SECRET)
    assert done.code == 0, done.err
    assert done.json()["note"] == "kept through the update"
    assert "before updating its layout" in done.err
    copy = next(cli.db.parent.glob(f"{cli.db.stem}.before-{SCHEMA_REVISION}.*.db"))
    assert not copy.read_bytes().startswith(cipher.PLAIN_MAGIC)
    assert WORD.encode() not in copy.read_bytes()
    from reciprocity.store import backup

    assert backup.revision_of(copy, made.key) == "0001"
    assert backup.revision_of(copy) is None


def test_a_database_open_in_another_program_is_not_converted(person_db: Cli) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1 FROM person').fetchall(); "
            "print('open', flush=True); time.sleep(60)",
            str(person_db.db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = digest(person_db.db)
        done = run(person_db, "encrypt", "--yes", env=SECRET)
        assert done.code == 1
        assert "is open in another program" in done.err and "Nothing was changed" in done.err
        assert digest(person_db.db) == before and not cipher.key_file(person_db.db).exists()
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert run(person_db, "encrypt", "--yes", env=SECRET).code == 0


@pytest.mark.parametrize(
    "step", ["encrypting-exported", "encrypting-checked", "encrypting-key-written"]
)
def test_killed_during_encrypt_the_old_database_is_whole(person_db: Cli, step: str) -> None:
    before = digest(person_db.db)
    _kill_at(person_db, "encrypt", "--yes", step=step)
    assert digest(person_db.db) == before
    assert cipher.is_plain(person_db.db) and not cipher.is_encrypted(person_db.db)
    shown = run(person_db, "people", "show", WORD, "--json")  # plain: no passphrase needed
    assert shown.code == 0, shown.err
    assert shown.json()["note"] == f"{WORD} knows about the hospital"
    left = [p.name for p in person_db.db.parent.iterdir() if ".encrypting-" in p.name]
    assert left == [], "what the stopped run left is swept away when the database is opened"
    done = run(person_db, "encrypt", "--yes", env=SECRET)
    assert done.code == 0, done.err
    assert run(person_db, "people", "show", WORD, env=SECRET).code == 0


def test_killed_after_the_switch_the_database_is_encrypted_and_whole(person_db: Cli) -> None:
    assert person_db("people", "remove", "Sam", "--yes").code == 0
    _kill_at(person_db, "encrypt", "--yes", step="encrypting-replaced")
    assert cipher.is_encrypted(person_db.db)
    shown = run(person_db, "people", "show", WORD, "--json", env=SECRET)
    assert shown.code == 0 and shown.json()["name"] == WORD
    copy = next(person_db.db.parent.glob("reciprocity.before-remove.*.db"))
    assert copy.read_bytes().startswith(cipher.PLAIN_MAGIC)  # not reached before the kill
    finish = run(person_db, "encrypt", "--yes", env=SECRET)  # running it again finishes it
    assert finish.code == 0, finish.err
    assert "Copies kept beside it, encrypted too: 1." in finish.out
    assert not copy.read_bytes().startswith(cipher.PLAIN_MAGIC)


@pytest.mark.parametrize("step", ["decrypting-exported", "decrypting-checked"])
def test_killed_during_decrypt_the_encrypted_database_is_whole(encrypted: Cli, step: str) -> None:
    before = digest(encrypted.db)
    _kill_at(encrypted, "decrypt", step=step)
    assert digest(encrypted.db) == before and cipher.is_encrypted(encrypted.db)
    assert run(encrypted, "people", "show", WORD, env=SECRET).code == 0
    assert run(encrypted, "decrypt", env=SECRET).code == 0


def _kill_at(cli: Cli, *args: str, step: str) -> None:
    """Run the command until it reaches ``step``, then kill it (-9), as a power cut would."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reciprocity", "--db", cli.url, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**_plain_env(), **SECRET, cipher.PAUSE: step},
    )
    assert process.stderr is not None
    try:
        line = process.stderr.readline().decode()
        assert line.strip() == f"paused at {step}", line + process.stderr.read().decode()
    finally:
        process.kill()
        process.wait()
        process.stderr.close()


def test_serve_asks_once_on_a_terminal(encrypted: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import signal
    import urllib.request

    from tests.browser.server import free_port

    monkeypatch.delenv("RECIPROCITY_PASSPHRASE", raising=False)
    port = free_port()
    terminal = Terminal(encrypted.db, "serve", "--no-browser", "--port", str(port))
    terminal.expect(f"Passphrase for {encrypted.db}: ")
    terminal.send(PASSPHRASE)
    terminal.expect(f"is open at http://127.0.0.1:{port}/")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as answer:
            assert answer.status == 200 and answer.url == f"http://127.0.0.1:{port}/"  # no unlock
            assert WORD in answer.read().decode()
    finally:
        os.kill(terminal.pid, signal.SIGTERM)
    assert terminal.wait() == 0
    assert terminal.shown.count("Passphrase for") == 1 and "unlock" not in terminal.shown


def test_serve_with_a_wrong_passphrase_says_so_and_stops(encrypted: Cli) -> None:
    from tests.browser.server import free_port

    done = run(
        encrypted,
        "serve",
        "--no-browser",
        "--port",
        str(free_port()),
        env={"RECIPROCITY_PASSPHRASE": "not this one"},
    )
    assert done.code == 2
    assert done.err.strip().splitlines() == [
        f"reciprocity: That passphrase does not open {encrypted.db}; nothing was changed."
    ]
