"""``reciprocity serve``: the whole product in your browser, on this machine only."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import runtime, say

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

    from reciprocity.coach import app as app_words
    from reciprocity.services import data
    from reciprocity.web import WebSettings, create_app
    from reciprocity.web.settings import LOOPBACK_HOSTS

    state = runtime(ctx)
    with ExitStack() as stack:
        if demo:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="reciprocity-")))
            url: str | None = data.demo_database(folder, today=state.today)
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
            say(app_words.SERVE_NOT_LOOPBACK.format(host=host), err=True)
        say(app_words.SERVE_RUNNING.format(url=settings.url))
        if demo:
            say(app_words.SERVE_DEMO)
        if not no_browser:
            open_browser(settings.url)
        run(app, settings.host, settings.port)


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
