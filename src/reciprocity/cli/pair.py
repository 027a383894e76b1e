"""``reciprocity pair``: a one-time link to pair a phone, while ``serve --lan`` is open.

The serving process is another one: the link's code is kept (as a hash) in the
database, where the listener for phones finds it, and the listener's address is
read from there too. The link is printed, with its QR code drawn in text.
"""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity.cli.runtime import emit_json, runtime, say


def pair(
    ctx: typer.Context,
    as_json: Annotated[
        bool, typer.Option("--json", help='Print {"url", "expires"} as JSON instead.')
    ] = False,
) -> None:
    """Pair a phone: a link to open on it (once, for ten minutes), with its QR code."""
    from datetime import UTC

    from reciprocity.coach import devices as words
    from reciprocity.errors import InputError
    from reciprocity.services import devices, shapes

    database = runtime(ctx).database()
    now = devices.utc_now()
    listener = devices.open_listener(database, now=now)
    if listener is None:
        raise InputError(words.PAIR_NO_LISTENER)
    made = devices.new_code(database, now=now)
    url = f"{listener.url}pair/{made.code}"
    if as_json:
        emit_json(shapes.pairing(url, made.expires))
        return
    until = made.expires.replace(tzinfo=UTC).astimezone().strftime("%H:%M")
    say(words.PAIR_OPEN_ON_PHONE.format(until=until))
    say(url)
    say(words.PAIR_SCAN)
    print(qr_text(url), end="")


def qr_text(url: str) -> str:
    """The link's QR code in text (half blocks), for any terminal."""
    import io

    import segno

    drawn = io.StringIO()
    segno.make(url, error="m").terminal(out=drawn, compact=True)
    return drawn.getvalue()
