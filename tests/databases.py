"""Each store, services and web test on both backends: a SQLite file and a PostgreSQL database.

A test asks for ``databases`` and gets fresh, empty databases of one backend
(``backend`` is ``sqlite`` or ``postgresql``; every such test runs once for
each): SQLite files in the test's temporary folder, or new databases in the
session's throwaway cluster (``tests.postgres``), dropped when the test ends.
Where PostgreSQL is missing, its half of the tests skips naming the package,
except under CI, where it fails. A test that is about SQLite files (copies,
backups, the journal) says so with ``sqlite_only``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from reciprocity.services.data import demo_database, load_demo
from reciprocity.store import open_database
from tests import postgres
from tests.cli_runner import Cli

BACKENDS = ("sqlite", "postgresql")

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
"""For tests about SQLite files themselves: copies kept beside them, backups, WAL."""

postgresql_only = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
"""For what only a database server does: an address with nothing behind it, a restart, exports kept as copies."""


class Databases:
    """Fresh databases of one backend for one test, named like the SQLite files they stand for."""

    def __init__(self, backend: str, folder: Path, cluster: Cluster | None) -> None:
        self.backend = backend
        self.folder = folder
        self.cluster = cluster
        self._made: list[str] = []

    def new(self, name: str = "reciprocity", *, layout: bool = True) -> str:
        """The URL of a new database; with ``layout=False`` not even migrated (an empty file)."""
        if self.cluster is None:
            return f"sqlite:///{self.folder / name}.db"
        return self.cluster.url(self._create(name, self.cluster.template if layout else None))

    def cli(self, capsys: pytest.CaptureFixture[str]) -> Cli:
        """The command line on a new database (for SQLite: ``reciprocity.db``, as ``cli`` has)."""
        return Cli(self.folder / "reciprocity.db", capsys, url=self.new("reciprocity"))

    def demo(self, *, today: date) -> str:
        """A new database holding the demo as of ``today`` (for SQLite: ``demo.db``)."""
        if self.cluster is None:
            return demo_database(self.folder, today=today)
        return self.cluster.url(self._create("demo", self.cluster.demo(today)))

    def copy(self, url: str, name: str) -> str:
        """A new database holding what ``url`` holds (nothing may be connected to it)."""
        if self.cluster is None:
            source = Path(url.removeprefix("sqlite:///"))
            target = self.folder / f"{name}.db"
            shutil.copy(source, target)
            return f"sqlite:///{target}"
        return self.cluster.url(self._create(name, make_url(url).database))

    def close(self) -> None:
        if self.cluster is not None:
            for made in self._made:
                self.cluster.drop(made)

    def _create(self, name: str, template: str | None) -> str:
        assert self.cluster is not None
        made = self.cluster.create(name, template=template or "template0")
        self._made.append(made)
        return made


class Cluster(postgres.Cluster):
    """The session's cluster, with databases made once to copy from: the layout, the demo."""

    template = "reciprocity_layout"

    def __init__(self, programs: Path, folder: Path) -> None:
        super().__init__(programs, folder)
        self._demos: dict[date, str] = {}

    def start(self) -> None:
        super().start()
        self._admin.execute(f'CREATE DATABASE "{self.template}" TEMPLATE template0')
        open_database(self.url(self.template)).close()

    def demo(self, today: date) -> str:
        """A database holding the demo as of ``today``, loaded on first use, to copy from."""
        if today not in self._demos:
            name = f"reciprocity_demo_{today:%Y%m%d}"
            self._admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
            database = open_database(self.url(name))
            try:
                load_demo(database, today=today)
            finally:
                database.close()
            self._demos[today] = name
        return self._demos[today]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL server for the whole session (started on first use)."""
    reason = postgres.missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {reason}", pytrace=False)
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    programs = postgres.server_programs()
    assert programs is not None
    postgres.sweep(programs)
    cluster = Cluster.new(programs)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: ``sqlite`` or ``postgresql``."""
    return str(request.param)


@pytest.fixture
def databases(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Databases]:
    """New databases of the test's backend, each dropped (or left in ``tmp_path``) at its end."""
    cluster = None
    if backend == "postgresql":
        cluster = request.getfixturevalue("postgres_cluster")
        # Copies of a database that is not a file go to the user's data folder: here, the test's.
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    made = Databases(backend, tmp_path, cluster)
    yield made
    made.close()
