"""The web app's settings: one typed object, handed to ``create_app``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
"""Host names the app always answers to; anything else is refused (DNS rebinding)."""
DEFAULT_PORT = 8765
DEFAULT_UPLOAD_LIMIT = 200 * 1024 * 1024
"""Room for years of chat history (a million WhatsApp messages are about 70 MB)."""


@dataclass(frozen=True)
class WebSettings:
    """Where the data is and how the app is reached.

    ``database_url`` is any SQLAlchemy URL (``None``: the default file, as on the
    command line). ``host`` and ``port`` are where the server listens; the app
    answers only to loopback names, ``host`` itself and ``allowed_hosts``.
    ``demo`` shows that the data is a throwaway demo. ``upload_limit`` caps any
    request body, in bytes. ``today`` is the clock, so tests can fix the date.
    ``secret`` signs the anti-forgery tokens; a fresh random one is used when empty.
    """

    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    demo: bool = False
    upload_limit: int = DEFAULT_UPLOAD_LIMIT
    allowed_hosts: tuple[str, ...] = ()
    today: Callable[[], date] = field(default=date.today)
    secret: bytes = b""
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC).replace(tzinfo=None))
    """The clock for what expires (pairing links, the phones' listener): naive UTC."""

    def hosts(self) -> frozenset[str]:
        """Every host name the app answers to, lowercased, without brackets."""
        names = {*LOOPBACK_HOSTS, *self.allowed_hosts}
        if self.host not in ("0.0.0.0", "::", ""):
            names.add(self.host)
        return frozenset(n.strip("[]").lower() for n in names)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        return f"http://{host}:{self.port}/"
