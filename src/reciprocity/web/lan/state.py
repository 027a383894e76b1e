"""The phones' listener as one small object, shared by the app on this computer and the
listener on the network (same process): where it listens, until when, and closing it.

Nothing here is kept in the database but the record ``reciprocity pair`` reads
(``services.devices.opened``/``closed``), written when the app's data is open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from reciprocity.services import Database, devices


class LanState:
    """Open from the start until ``until`` (naive UTC) or ``close()``, whichever comes first."""

    def __init__(
        self,
        address: str,
        port: int,
        until: datetime,
        *,
        clock: Callable[[], datetime] = devices.utc_now,
    ) -> None:
        self.address = address
        self.port = port
        self.until = until
        self.clock = clock
        self.closed = False
        self._stops: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._database: Database | None = None
        self._listener: int | None = None

    @property
    def url(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"http://{host}:{self.port}/"

    def hosts(self) -> frozenset[str]:
        """The Host headers it answers to: its address, with or without its port; no other."""
        host = f"[{self.address}]" if ":" in self.address else self.address
        return frozenset({host.lower(), f"{host}:{self.port}".lower()})

    def is_open(self) -> bool:
        return not self.closed and self.clock() < self.until

    def until_local(self) -> str:
        """When it closes, in this computer's time, as a person reads it (14:05)."""
        return self.until.replace(tzinfo=UTC).astimezone().strftime("%H:%M")

    def attach(self, database: Database) -> None:
        """Record where it listens in ``database`` (once), for ``reciprocity pair``."""
        with self._lock:
            if self._database is not None or self.closed:
                return
            self._database = database
            now = self.clock()
            self._listener = devices.opened(database, self.url, until=self.until, now=now).id

    def on_close(self, stop: Callable[[], None]) -> None:
        """Call ``stop`` when it closes (the server stops listening)."""
        self._stops.append(stop)

    def close(self) -> None:
        """Close it now: refused at once, the record closed, the listening socket let go."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            database, listener = self._database, self._listener
        if database is not None and listener is not None:
            devices.closed(database, listener, now=self.clock())
        for stop in self._stops:
            stop()
