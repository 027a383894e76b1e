"""A throwaway PostgreSQL cluster for the tests: Debian's server on a private socket.

The cluster lives in a fresh folder under the temporary directory: its data
directory, its log and its Unix socket, with ``listen_addresses=''`` so that
nothing listens on the network. It runs with fsync off (nothing in it is worth
keeping) and ICU's English collation, so that text sorts as on a typical
server rather than byte by byte as in SQLite. As root it runs as Debian's
``postgres`` user, since the server refuses to run as root. It is stopped and
its folder removed when the session ends; a cluster left by a run that was
killed outright is swept away by the next one.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "postgresql"
"""The Debian package that brings the server (``scripts/test`` installs it when missing)."""

PREFIX = "reciprocity-pg-"
SUPERUSER = "reciprocity"
_PROGRAMS = ("initdb", "pg_ctl", "postgres")


def server_programs() -> Path | None:
    """The folder of the newest installed server's programs (Debian's layout), if any."""
    found = [
        folder
        for folder in Path("/usr/lib/postgresql").glob("*/bin")
        if all((folder / program).is_file() for program in _PROGRAMS)
    ]
    if found:
        return max(found, key=lambda folder: _version(folder.parent.name))
    on_path = [shutil.which(program) for program in _PROGRAMS]
    if all(on_path):
        return Path(str(on_path[0])).parent
    return None


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def missing() -> str | None:
    """Why a cluster cannot be started here, or None when it can."""
    if server_programs() is None:
        return f"the PostgreSQL server is not installed (Debian package {PACKAGE})"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the PostgreSQL driver psycopg is not installed (pip install '.[test]')"
    if os.geteuid() == 0 and _system_user() is None:
        return f"there is no postgres user to run the server as (Debian package {PACKAGE})"
    return None


def _system_user() -> tuple[int, int] | None:
    import pwd

    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


class Cluster:
    """One running server in its own folder; databases are made and dropped through it."""

    def __init__(self, programs: Path, folder: Path) -> None:
        self.programs = programs
        self.folder = folder
        self._names = itertools.count(1)
        self._admin: Any = None
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @classmethod
    def new(cls, programs: Path) -> Cluster:
        """A cluster in a fresh private folder, marked with this process as its owner."""
        folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (folder / "owner.pid").write_text(str(os.getpid()))
        if os.geteuid() == 0:
            owner = _system_user()
            assert owner is not None
            os.chown(folder, *owner)
        return cls(programs, folder)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def start(self) -> None:
        self._run(
            "initdb", "--pgdata", str(self.data), "--username", SUPERUSER, "--auth", "trust",
            "--encoding", "UTF8", "--locale", "C.UTF-8", "--locale-provider", "icu",
            "--icu-locale", "en-US", "--no-sync", "--no-instructions",
        )  # fmt: skip
        options = " ".join(
            [
                "-c listen_addresses=''",
                f"-c unix_socket_directories={self.folder}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ]
        )
        self._run(
            "pg_ctl", "start", "--pgdata", str(self.data), "--wait", "--silent",
            "--log", str(self.folder / "server.log"), "--options", options,
        )  # fmt: skip
        self._connect()

    def restart(self) -> None:
        """Restart the server, as an administrator might; connections made before are cut."""
        self._admin.close()
        self._run(
            "pg_ctl", "restart", "--pgdata", str(self.data), "--wait", "--silent",
            "--mode", "fast", "--log", str(self.folder / "server.log"),
        )  # fmt: skip
        self._connect()

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` in this cluster, through its private socket."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}"

    def create(self, name: str, *, template: str = "template0") -> str:
        """A new database called after ``name`` (copied from ``template``); returns its name."""
        unique = f"t{next(self._names)}_" + "".join(c for c in name.lower() if c.isalnum())
        self._admin.execute(f'CREATE DATABASE "{unique}" TEMPLATE "{template}"')
        return unique

    def drop(self, name: str) -> None:
        """Drop a database, ending any connection a test left open to it."""
        self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server and remove its folder, whatever state it is in."""
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "--pgdata", str(self.data), "--mode", "immediate",
                      "--wait", "--silent", check=False)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _connect(self) -> None:
        import psycopg

        self._admin = psycopg.connect(
            host=str(self.folder), user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        done = subprocess.run(
            [*self._as, str(self.programs / program), *args],
            capture_output=True,
            text=True,
            cwd=self.folder,
            check=False,
            timeout=120,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr}{self.log()}")


def sweep(programs: Path) -> None:
    """Stop and remove the clusters of test runs that are no longer alive."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((folder / "owner.pid").read_text())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        Cluster(programs, folder).stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
