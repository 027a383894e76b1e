"""``reciprocity serve``: the whole product in your browser, on this machine only.

With ``--lan``, a second listener opens on the local network in the same
process, for phones and friends: pairing, noting a moment and answering an invitation,
nothing else (``web.lan``).
It closes itself after ``--lan-for`` (two hours unless said), or at once with
the app's "Close it now"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity.cli.runtime import runtime, say, started

if TYPE_CHECKING:
    import socket

    from reciprocity.web import LanState

DEFAULT_PORT = 8765
LAN_FOR = "2h"
LONGEST_LAN = 24 * 3600
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
    lan: Annotated[
        str | None,
        typer.Option(
            "--lan",
            metavar="[ADDRESS[:PORT]]",
            help="Also open a listener on your network for phones: pairing, noting a moment "
            "and a friend's answers to an invitation, nothing else (default: this computer's "
            "network address, the port after the app's).",
        ),
    ] = None,
    lan_for: Annotated[
        str,
        typer.Option(
            "--lan-for",
            metavar="TIME",
            help="How long phones can reach it (30m, 2h, 1h30m; at most 24h); then it closes.",
        ),
    ] = LAN_FOR,
) -> None:
    """Open reciprocity in your browser: the same features, served only to this machine."""
    import shutil
    import sys
    from contextlib import ExitStack

    from reciprocity.coach import app as app_words
    from reciprocity.coach import devices as device_words
    from reciprocity.errors import InputError, LockedError
    from reciprocity.files import scratch_folder, sweep_scratch
    from reciprocity.services import data
    from reciprocity.web import WebSettings, create_app, locked_app
    from reciprocity.web.settings import LOOPBACK_HOSTS

    if host.strip("[]").lower() not in LOOPBACK_HOSTS:
        raise InputError(app_words.SERVE_NOT_LOOPBACK.format(host=host))
    phones = None if lan is None else (lan_address(lan), duration(lan_for))
    state = runtime(ctx)
    locked = False
    sweep_scratch()  # what a server that was killed left behind
    listener = bind(host, port)  # before anything is said or opened
    lan_socket = None
    if phones is not None:
        (address, lan_port), _ = phones
        if lan_port is None:
            lan_port = (listener.getsockname()[1] + 1) % 65536 if port else 0
        try:
            lan_socket = bind(address, lan_port, device_words.SERVE_LAN_PORT_BUSY)
        except InputError:
            listener.close()
            raise
    with ExitStack() as stack:
        stack.callback(listener.close)
        if lan_socket is not None:
            stack.callback(lan_socket.close)
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
        phone_state = None
        if phones is not None and lan_socket is not None:
            phone_state = _phone_state(lan_socket, phones[1])
        if locked:
            app: object = locked_app(settings, phone_state)
        else:
            app = create_app(settings, database, lan=phone_state)
        say(app_words.SERVE_RUNNING.format(url=settings.url))
        if phone_state is not None:
            say(
                device_words.SERVE_LAN_RUNNING.format(
                    url=phone_state.url, until=phone_state.until_local()
                )
            )
        if demo:
            say(app_words.SERVE_DEMO)
        if locked:
            from reciprocity.coach import data as data_words

            say(data_words.SERVE_LOCKED.format(url=settings.url))
        if not no_browser:
            open_browser(settings.url)
        started()  # a server lives long: its garbage is collected as usual
        try:
            if phone_state is None or lan_socket is None:
                run(app, listener)
            else:
                from reciprocity.web import create_lan_app

                lan_app = create_lan_app(settings, phone_state, app)
                run(app, listener, (lan_app, lan_socket, phone_state))
        except KeyboardInterrupt:  # Ctrl+C is how it is meant to stop: a calm end, not an error
            stopped = True
        else:
            stopped = False
    if stopped:
        if sys.stdin.isatty():
            print()  # after the ^C the terminal echoed, a line of its own
        say(app_words.SERVE_DEMO_STOPPED if demo else app_words.SERVE_STOPPED)


def bind(host: str, port: int, busy: str | None = None) -> socket.socket:
    """The listening socket, bound now: a port in use is said in one line, before any browser opens.

    ``busy``: that line, when it is not the app's own port (the phones' listener)."""
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
        said = busy or app_words.SERVE_PORT_BUSY
        raise InputError(said.format(port=port, host=host, reason=reason)) from None


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


def run(
    app: object,
    listener: socket.socket,
    lan: tuple[object, socket.socket, LanState] | None = None,
) -> None:
    """Serve ``app`` (FastAPI's, or the unlock gate before it) on ``listener`` until stopped;
    and, with ``lan``, the listener for phones beside it in the same event loop, until it
    closes (its time is up, or "Close it now") or the app stops."""
    import asyncio
    import contextlib

    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False)  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    if lan is None:
        server.run(sockets=[listener])
        return
    lan_app, lan_socket, phone_state = lan

    class Beside(uvicorn.Server):
        """The phones' server: the app's own server hears Ctrl+C and stops it."""

        @contextlib.contextmanager
        def capture_signals(self):  # type: ignore[no-untyped-def]
            yield

    lan_server = Beside(
        uvicorn.Config(
            lan_app,  # type: ignore[arg-type]
            log_level="warning",
            access_log=False,
            lifespan="off",  # the app's own lifespan opens and closes the data
            timeout_graceful_shutdown=3,
        )
    )

    def stop_listening() -> None:
        lan_server.should_exit = True

    phone_state.on_close(stop_listening)

    async def both() -> None:
        from reciprocity.coach import devices as device_words

        seconds = (phone_state.until - phone_state.clock()).total_seconds()
        timer = asyncio.get_running_loop().call_later(max(0.0, seconds), phone_state.close)
        phones = asyncio.create_task(lan_server.serve(sockets=[lan_socket]))
        phones.add_done_callback(  # closed while the app goes on: said on the terminal too
            lambda _: None if server.should_exit else say(device_words.SERVE_LAN_CLOSED)
        )
        try:
            await server.serve(sockets=[listener])
        finally:
            timer.cancel()
            lan_server.should_exit = True
            await phones

    asyncio.run(both())


def lan_address(value: str) -> tuple[str, int | None]:
    """``--lan``'s ``ADDRESS[:PORT]`` (empty: this computer's address on its network).

    The address must be an IP address on a private network (192.168.x.x, 10.x.x.x,
    fd00::/8 …; loopback ones too, which tests use to stand for a network), never
    "every address" or one on the internet."""
    import ipaddress

    from reciprocity.coach import devices as device_words
    from reciprocity.errors import InputError

    text = value.strip()
    port: int | None = None
    if text.startswith("["):
        address, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                raise InputError(device_words.SERVE_LAN_BAD.format(value=value))
            port = int(rest[1:])
    elif text.count(":") == 1:
        address, _, number = text.partition(":")
        if not number.isdigit():
            raise InputError(device_words.SERVE_LAN_BAD.format(value=value))
        port = int(number)
    else:
        address = text
    if port is not None and not 0 <= port <= 65535:
        raise InputError(device_words.SERVE_LAN_BAD.format(value=value))
    if not address:
        found = network_address()
        if found is None:
            raise InputError(device_words.SERVE_LAN_NO_ADDRESS)
        return found, port
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        raise InputError(device_words.SERVE_LAN_BAD.format(value=value)) from None
    if ip.is_unspecified or not ip.is_private:
        raise InputError(device_words.SERVE_LAN_NOT_PRIVATE.format(address=address))
    return str(ip), port


def network_address() -> str | None:
    """This computer's address on its local network, or None.

    A UDP socket "connected" to a private address sends nothing: the system only
    chooses the address it would send from."""
    import ipaddress
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 9))
            found = str(probe.getsockname()[0])
        except OSError:
            return None
    ip = ipaddress.ip_address(found)
    return found if ip.is_private and not ip.is_loopback and not ip.is_unspecified else None


def duration(value: str) -> int:
    """``--lan-for``: 30m, 2h, 1h30m or 45s, in seconds (at most a day)."""
    import re

    from reciprocity.coach import devices as device_words
    from reciprocity.errors import InputError

    found = re.fullmatch(r"\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*", value.lower())
    if found is None or not any(found.groups()):
        raise InputError(device_words.SERVE_LAN_FOR_BAD.format(value=value))
    hours, minutes, seconds = (int(part or 0) for part in found.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if not 0 < total <= LONGEST_LAN:
        raise InputError(device_words.SERVE_LAN_FOR_BAD.format(value=value))
    return total


def _phone_state(lan_socket: socket.socket, seconds: int) -> LanState:
    from datetime import timedelta

    from reciprocity.services.devices import utc_now
    from reciprocity.web import LanState

    address, port = lan_socket.getsockname()[:2]
    return LanState(address, port, utc_now() + timedelta(seconds=seconds))
