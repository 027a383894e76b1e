"""``reciprocity serve``: the whole product in your browser, on this machine only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity.cli.runtime import runtime, say, started

if TYPE_CHECKING:
    import socket

DEFAULT_PORT = 8765
UPLOAD_LIMIT_MB = 200  # as web.settings.DEFAULT_UPLOAD_LIMIT; that module imports FastAPI


def serve(
    ctx: typer.Context,
    demo: Annotated[
        bool, typer.Option("--demo", help="Run on a throwaway copy of the demo data.")
    ] = False,
    host: Annotated[
        str,
        typer.Option(
            metavar="HOST",
            help="Where to listen: 127.0.0.1 (the default), localhost or ::1, this machine only.",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            metavar="N", help="The port to listen on (0: any free port).", min=0, max=65535
        ),
    ] = DEFAULT_PORT,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser window.")
    ] = False,
    upload_limit: Annotated[
        int, typer.Option(metavar="MB", help="The largest upload accepted, in megabytes.", min=1)
    ] = UPLOAD_LIMIT_MB,
) -> None:
    """Open reciprocity in your browser: the same features, served only to this machine."""
    import shutil
    import sys
    from contextlib import ExitStack

    from reciprocity.coach import app as app_words
    from reciprocity.errors import InputError, LockedError
    from reciprocity.files import scratch_folder, sweep_scratch
    from reciprocity.services import data
    from reciprocity.web import WebSettings, create_app, locked_app
    from reciprocity.web.settings import LOOPBACK_HOSTS

    if host.strip("[]").lower() not in LOOPBACK_HOSTS:
        raise InputError(app_words.SERVE_NOT_LOOPBACK.format(host=host))
    state = runtime(ctx)
    locked = False
    sweep_scratch()  # what a server that was killed left behind
    listener = bind(host, port)  # before anything is said or opened
    with ExitStack() as stack:
        stack.callback(listener.close)
        stop_on_sigterm()
        if demo:
            folder = scratch_folder("demo")
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
            url: str | None = data.demo_database(folder, today=state.today)
            database = None
        else:
            url = state.db_url
            try:  # an encrypted one: its passphrase asked once here, on a terminal
                database = state.database()
            except LockedError:  # no terminal and no RECIPROCITY_PASSPHRASE: the unlock page
                database = None
                locked = True
        settings = WebSettings(
            database_url=url,
            host=host,
            port=listener.getsockname()[1],
            demo=demo,
            upload_limit=upload_limit * 1024 * 1024,
        )
        app = locked_app(settings) if locked else create_app(settings, database)
        say(app_words.SERVE_RUNNING.format(url=settings.url))
        if demo:
            say(app_words.SERVE_DEMO)
        if locked:
            from reciprocity.coach import data as data_words

            say(data_words.SERVE_LOCKED.format(url=settings.url))
        if not no_browser:
            open_browser(settings.url)
        started()  # a server lives long: its garbage is collected as usual
        try:
            run(app, listener)
        except KeyboardInterrupt:  # Ctrl+C is how it is meant to stop: a calm end, not an error
            stopped = True
        else:
            stopped = False
    if stopped:
        if sys.stdin.isatty():
            print()  # after the ^C the terminal echoed, a line of its own
        say(app_words.SERVE_DEMO_STOPPED if demo else app_words.SERVE_STOPPED)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound now: a port in use is said in one line, before any browser opens."""
    import os
    import socket

    from reciprocity.coach import app as app_words
    from reciprocity.errors import InputError

    address = "127.0.0.1" if host == "localhost" else host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        return socket.create_server((address, port), family=family, backlog=128)
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise InputError(
            app_words.SERVE_PORT_BUSY.format(port=port, host=host, reason=reason)
        ) from None


def stop_on_sigterm() -> None:
    """A polite stop (SIGTERM) unwinds like Ctrl+C, so the demo's copy and uploads are removed."""
    import signal

    def stop(_signal: int, _frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)


def open_browser(url: str) -> None:
    """Open the page shortly after the server starts, without waiting for it."""
    import threading
    import webbrowser

    timer = threading.Timer(0.8, webbrowser.open, args=(url,))
    timer.daemon = True
    timer.start()


def run(app: object, listener: socket.socket) -> None:
    """Serve ``app`` (FastAPI's, or the unlock gate before it) on ``listener`` until stopped."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False)  # type: ignore[arg-type]
    uvicorn.Server(config).run(sockets=[listener])
