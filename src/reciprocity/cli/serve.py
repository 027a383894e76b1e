"""``reciprocity serve``: the whole product in your browser, on this machine only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity.cli.runtime import runtime, say

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

DEFAULT_PORT = 8765
UPLOAD_LIMIT_MB = 200  # as web.settings.DEFAULT_UPLOAD_LIMIT; that module imports FastAPI


def serve(
    ctx: typer.Context,
    demo: Annotated[
        bool, typer.Option("--demo", help="Run on a throwaway copy of the demo data.")
    ] = False,
    host: Annotated[
        str,
        typer.Option(metavar="HOST", help="Where to listen; keep the default to stay on this machine."),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(metavar="N", help="The port to listen on (0: any free port).", min=0, max=65535),
    ] = DEFAULT_PORT,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser window.")
    ] = False,
    upload_limit: Annotated[
        int, typer.Option(metavar="MB", help="The largest upload accepted, in megabytes.", min=1)
    ] = UPLOAD_LIMIT_MB,
) -> None:
    """Open reciprocity in your browser: the same features, served only to this machine."""
    import tempfile
    from contextlib import ExitStack
    from pathlib import Path

    from reciprocity.coach import web as words
    from reciprocity.web import WebSettings, create_app
    from reciprocity.web.settings import LOOPBACK_HOSTS

    state = runtime(ctx)
    with ExitStack() as stack:
        if demo:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="reciprocity-")))
            url: str | None = demo_database(folder, state.today)
            database = None
        else:
            url = state.db_url
            database = state.database()
        settings = WebSettings(
            database_url=url,
            host=host,
            port=port or free_port(host),
            demo=demo,
            upload_limit=upload_limit * 1024 * 1024,
        )
        app = create_app(settings, database)
        if host not in LOOPBACK_HOSTS:
            say(words.SERVE_NOT_LOOPBACK.format(host=host), err=True)
        say(words.SERVE_RUNNING.format(url=settings.url))
        if demo:
            say(words.SERVE_DEMO)
        if not no_browser:
            open_browser(settings.url)
        run(app, settings.host, settings.port)


def demo_database(folder: Path, today: date) -> str:
    """A fresh SQLite file in ``folder`` holding the demo; returns its URL."""
    from reciprocity.services import demo as dataset
    from reciprocity.store import open_database

    url = f"sqlite:///{folder / 'demo.db'}"
    database = open_database(url)
    try:
        people, seasons, audits = dataset.build(today)
        with database.transaction() as session:
            session.add_all([*people, *seasons, *audits, *dataset.practices(today, people)])
    finally:
        database.close()
    return url


def free_port(host: str) -> int:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def open_browser(url: str) -> None:
    """Open the page shortly after the server starts, without waiting for it."""
    import threading
    import webbrowser

    timer = threading.Timer(0.8, webbrowser.open, args=(url,))
    timer.daemon = True
    timer.start()


def run(app: object, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)  # type: ignore[arg-type]
