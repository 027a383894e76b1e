"""The key file and SQLCipher files, on real files: what is written, and what a changed byte does.

Encryption is of SQLite files only, so these run on SQLite alone.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
from datetime import date
from pathlib import Path

import pytest

from reciprocity.errors import LockedError, StoreError, WrongPassphraseError
from reciprocity.services import audits, encryption, open_database, people
from reciprocity.store import cipher

CHEAP = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}
PASSPHRASE = "seven seas of rhye"
WORD = "Archaeopteryx"


def test_a_key_wraps_and_unwraps_only_with_its_passphrase() -> None:
    made = cipher.new_key(PASSPHRASE, cost=CHEAP)
    assert len(made.key) == 32
    assert cipher.unwrap(made.document, PASSPHRASE, "here") == made.key
    with pytest.raises(WrongPassphraseError, match="does not open here"):
        cipher.unwrap(made.document, PASSPHRASE + " ", "here")
    again = cipher.wrap(PASSPHRASE, made.key, cost=CHEAP)
    assert again["kdf"]["salt"] != made.document["kdf"]["salt"], "a fresh salt every time"
    assert again["wrap"]["nonce"] != made.document["wrap"]["nonce"]


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("time_cost", 2),
        ("memory_cost", 16 * 1024),
        ("parallelism", 2),
        ("salt", "AAAAAAAAAAAAAAAAAAAAAA=="),
    ],
)
def test_every_parameter_is_bound_to_the_wrapped_key(where: str, value: object) -> None:
    made = cipher.new_key(PASSPHRASE, cost=CHEAP)
    changed = json.loads(json.dumps(made.document))
    changed["kdf"][where] = value
    with pytest.raises(WrongPassphraseError):
        cipher.unwrap(changed, PASSPHRASE, "here")


def test_a_changed_version_or_cipher_name_is_refused(tmp_path: Path) -> None:
    made = cipher.new_key(PASSPHRASE, cost=CHEAP)
    path = tmp_path / "reciprocity.db.key"
    cipher.write_key_file(path, {**made.document, "cipher": "sqlcipher-5"})
    with pytest.raises(WrongPassphraseError):
        cipher.unwrap(cipher.read_key_file(path), PASSPHRASE, "here")
    cipher.write_key_file(path, {**made.document, "version": 2})
    with pytest.raises(StoreError, match="has version 2; this reciprocity reads up to version 1"):
        cipher.read_key_file(path)


@pytest.mark.parametrize(
    "broken",
    [
        "not json",
        '{"format": "something else"}',
        '{"format": "reciprocity-key", "version": 1}',
    ],
)
def test_a_broken_key_file_is_one_clear_line(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "reciprocity.db.key"
    path.write_text(broken)
    with pytest.raises(StoreError, match=r"The key file .* cannot be read"):
        cipher.read_key_file(path)


def test_a_key_file_cannot_ask_for_hours_of_work(tmp_path: Path) -> None:
    made = cipher.new_key(PASSPHRASE, cost=CHEAP)
    path = tmp_path / "reciprocity.db.key"
    greedy = json.loads(json.dumps(made.document))
    greedy["kdf"]["memory_cost"] = 64 * 1024 * 1024  # 64 GiB
    path.write_text(json.dumps(greedy))
    with pytest.raises(StoreError, match="memory_cost"):
        cipher.read_key_file(path)


def test_the_key_file_is_private_and_written_whole(tmp_path: Path) -> None:
    made = cipher.new_key(PASSPHRASE, cost=CHEAP)
    path = tmp_path / "reciprocity.db.key"
    before = os.umask(0o022)  # a usual umask: the file is private all the same
    try:
        cipher.write_key_file(path, made.document)
    finally:
        os.umask(before)
    assert path.stat().st_mode & 0o777 == 0o600
    assert json.loads(path.read_text()) == made.document
    assert [p.name for p in tmp_path.iterdir()] == ["reciprocity.db.key"]
    assert len(base64.b64decode(made.document["wrap"]["key"])) == 32 + 16  # the key and its tag


def test_a_plain_file_and_an_encrypted_one_told_apart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reciprocity.db'}"
    path = tmp_path / "reciprocity.db"
    assert cipher.is_plain(path) and not cipher.is_encrypted(path)  # not there yet
    database = open_database(url)
    people.add(database, WORD)
    assert cipher.is_plain(path)
    encryption.encrypt(database, PASSPHRASE, cost=CHEAP)
    assert [p.name for p in people.everyone(database)] == [WORD], "the handle goes on working"
    database.close()
    assert cipher.is_encrypted(path) and not cipher.is_plain(path)
    with pytest.raises(LockedError, match="is encrypted"):
        open_database(url)
    with pytest.raises(WrongPassphraseError):
        open_database(url, passphrase="nope")
    key_file = cipher.key_file(path)
    key_file.rename(tmp_path / "away")
    with pytest.raises(StoreError, match=r"key file, .*reciprocity\.db\.key, is not beside it"):
        open_database(url, passphrase=PASSPHRASE)
    (tmp_path / "away").rename(key_file)
    reopened = open_database(url, passphrase=PASSPHRASE)
    assert reopened.encrypted and [p.name for p in people.everyone(reopened)] == [WORD]
    reopened.close()


def test_a_stale_conversion_is_swept_but_a_running_one_is_left(tmp_path: Path) -> None:
    path = tmp_path / "reciprocity.db"
    open_database(f"sqlite:///{path}").close()
    stale = tmp_path / "reciprocity.db.decrypting-1234abcd"
    stale.write_bytes(b"plain leftovers")
    running = tmp_path / "reciprocity.db.encrypting-5678ef00"
    running.write_bytes(b"being written")
    copy = tmp_path / "reciprocity.before-remove.20260101-000000.db"
    copy.write_bytes(b"a kept copy")
    held = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        open_database(f"sqlite:///{path}").close()
        assert not stale.exists() and running.exists() and copy.exists()
    finally:
        os.close(held)
    open_database(f"sqlite:///{path}").close()
    assert not running.exists()


def test_audit_drafts_are_sealed_once_the_database_is_encrypted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'reciprocity.db'}"
    database = open_database(url)
    people.add(database, "Ines")
    draft = audits.new_draft(["Ines"], date(2026, 11, 1))
    draft["note"] = f"{WORD} is what I could not say"
    drafts = audits.keep_draft(database, draft)
    assert WORD.encode() in drafts.read_bytes()
    encryption.encrypt(database, PASSPHRASE, cost=CHEAP)
    assert WORD.encode() not in drafts.read_bytes()
    assert drafts.stat().st_mode & 0o777 == 0o600
    assert [d.document["note"] for d in audits.kept_drafts(database)] == [draft["note"]]
    audits.keep_draft(database, {**draft, "note": f"{WORD}, said again"})
    assert WORD.encode() not in drafts.read_bytes()
    database.close()
    reopened = open_database(url, passphrase=PASSPHRASE)
    assert [d.document["note"] for d in audits.kept_drafts(reopened)] == [f"{WORD}, said again"]
    encryption.decrypt(reopened)
    assert WORD.encode() in drafts.read_bytes()
    assert [d.document["note"] for d in audits.kept_drafts(reopened)] == [f"{WORD}, said again"]
    reopened.close()


def test_a_backup_of_an_encrypted_database_is_encrypted(tmp_path: Path) -> None:
    from reciprocity.services import data

    url = f"sqlite:///{tmp_path / 'reciprocity.db'}"
    database = open_database(url)
    people.add(database, WORD)
    encryption.encrypt(database, PASSPHRASE, cost=CHEAP)
    copy = data.backup_now(database)
    assert not cipher.is_plain(copy) and WORD.encode() not in copy.read_bytes()
    assert copy.stat().st_mode & 0o777 == 0o600
    people.add(database, "Someone later")
    data.bring_back(database, copy.name)
    assert [p.name for p in people.everyone(database)] == [WORD]
    database.close()
