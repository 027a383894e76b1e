"""Phones on your network: opening the app to them for a while, pairing one, noting a moment
from it, and closing it again.

The LAN pages are read on a phone, often in a hurry: short lines, nothing about
the rest of the app (which a phone never sees).
"""

from __future__ import annotations

# -- the loopback app: the Phones page and the status line ---------------------

NAV_PHONES = "Phones"
PHONES_TITLE = "Phones"
PHONES_INTRO = (
    "Note a moment from your phone when it happens, away from this computer. A paired phone "
    "can do that and nothing else: it sees the names to choose from, never your moments or "
    "patterns."
)
LAN_STATUS_OPEN = (
    "Open to phones on your network at {url} until {until}: pairing a phone, noting a "
    "moment and a friend's answers to an invitation, nothing else."
)
LAN_STATUS_LABEL = "Phones on your network"
LAN_CLOSE_BUTTON = "Close it now"
LAN_STATUS_CLOSED = (
    "Closed to your network: no phone can reach the app now. It opens again only when the "
    "app is started for phones."
)
LAN_NOT_OPEN = (
    "The app is open on this computer only. To pair a phone or note a moment from one, "
    "start the app open to your network for a while (see “Phones on your network” in the "
    "README); it closes again by itself."
)
PAIR_MAKE = "Make a pairing link"
PAIR_LINK_TITLE = "Pair a phone"
PAIR_LINK_INTRO = (
    "Scan this code with the phone's camera, or type the address on it. The link works once, "
    "until {until}."
)
PAIR_QR_LABEL = "QR code of the pairing link"
DEVICES_TITLE = "Paired phones"
DEVICES_NONE = "No phone is paired yet."
DEVICE_NAME = "Name"
DEVICE_PAIRED = "Paired"
DEVICE_LAST_SEEN = "Last used"
DEVICE_NEVER = "not yet"
REVOKE_BUTTON = "Revoke"
REVOKE_LABEL = "Revoke {name}"
REVOKED_NOTICE = "{name} is revoked: it cannot reach the app any more."
DEVICE_UNKNOWN = "No paired phone has the id {id}; it may have been revoked already."
LAN_NEEDED = (
    "The app is not open to phones right now, so a pairing link would lead nowhere. Start it "
    "open to your network first."
)

# -- the LAN listener's own pages ----------------------------------------------

LAN_TRUST_NOTE = (
    "Use this on a network you trust, such as the one at home: these pages travel without "
    "encryption (plain HTTP)."
)
PAIR_TITLE = "Pair this phone"
PAIR_INTRO = "Give this phone a name, so you know it in the list on your computer."
PAIR_NAME_LABEL = "A name for this phone"
PAIR_NAME_HINT = "For example: Alex's phone."
PAIR_SUBMIT = "Pair this phone"
PAIRING_REFUSED = (
    "This pairing link cannot be used: it was used already, it has expired, or part of it "
    "is missing. Make a new one on your computer."
)
PAIRING_SLOW_DOWN = "Too many pairing tries just now. Please wait a minute, then try again."
NOT_PAIRED_TITLE = "This phone is not paired"
NOT_PAIRED_TEXT = (
    "To note moments from this phone, open Phones in the app on your computer, make a "
    "pairing link there and open it here (the camera can read its code)."
)
PAIRED_WELCOME = "Paired. This phone can note moments now; of the app it sees only the names to choose from."
CAPTURE_SAVED = "Noted with {name}. Here is the form again for the next one."
CAPTURE_NO_PEOPLE = "No one is in the app yet: add someone on your computer first."
CAPTURE_PERSON_UNKNOWN = "Please choose who the moment was with from the list."
CAPTURE_AS = "This phone: {name}"
LAN_NOT_FOUND = (
    "There is nothing here. This address serves pairing a phone, noting a moment and "
    "answering an invitation."
)
LAN_LOCKED_TITLE = "The app is locked"
LAN_LOCKED = (
    "The app is locked: its data is encrypted and waits for its passphrase on your "
    "computer. Unlock it there, then come back."
)
LAN_CLOSED = "This address is closed; the app is no longer open to phones."
DEVICE_NAME_EMPTY = "Please give this phone a name."
DEVICE_NAME_LONG = "A phone's name can be at most {limit} characters."

# -- the command line ----------------------------------------------------------

SERVE_LAN_RUNNING = (
    "Open to phones on your network at {url} until {until}: pairing, noting a moment and "
    "a friend's answers to an invitation, nothing else. Pair a phone with: reciprocity pair"
)
SERVE_LAN_CLOSED = "Closed to phones on your network; this computer still has the app."
SERVE_LAN_NO_ADDRESS = (
    "This computer has no network address to open for phones (is it on a network?). "
    "Name one with --lan ADDRESS[:PORT]."
)
SERVE_LAN_BAD = (
    "'{value}' is not an address to open for phones; give this computer's address on your "
    "network, with a port if you like, such as 192.168.1.20 or 192.168.1.20:8766."
)
SERVE_LAN_NOT_PRIVATE = (
    "{address} is not an address on a private network; phones are served only on your own "
    "network (such as 192.168.x.x or 10.x.x.x), never to the internet."
)
SERVE_LAN_PORT_BUSY = (
    "Port {port} on {host} cannot be used for phones ({reason}). Name another with "
    "--lan {host}:PORT."
)
SERVE_LAN_FOR_BAD = (
    "'{value}' is not a length of time for --lan-for; write it like 30m, 2h or 1h30m (at most 24h)."
)
PAIR_NO_LISTENER = (
    "The app is not open to phones right now. Start it with: reciprocity serve --lan, "
    "then run reciprocity pair again."
)
PAIR_OPEN_ON_PHONE = "Open this on the phone (it works once, until {until}):"
PAIR_SCAN = "Or scan this code with the phone's camera:"
