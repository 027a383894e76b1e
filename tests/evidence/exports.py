"""Export files of every format, written from plain message rows, for tests.

Each writer takes rows ``(sent, author, text, kind)`` and writes the file the
app (or its exporting tool) would write for them, in the app's own shape:
Meta newest first, SMS with the owner as ``Me``, Telegram with ids and service
entries for calls, and so on. The times are wall-clock local times; formats
that store epoch times are written from this machine's zone, which is the zone
they are read back in. Written for this project; no third-party file is copied.

``WRITERS`` maps a name to (writer, the name of the user in the file, whether
the format has calls).
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import quoteattr

from reciprocity.evidence.message import MessageKind


@dataclass(frozen=True)
class Row:
    sent: datetime
    author: str
    text: str
    kind: MessageKind = MessageKind.TEXT


Writer = Callable[[Path, Sequence[Row], str], Path]
"""(folder, rows, the other side's name) -> the file written."""


def _epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def whatsapp(folder: Path, rows: Sequence[Row], them: str) -> Path:
    path = folder / f"WhatsApp Chat with {them}.txt"
    lines = []
    for row in rows:
        body = {"media": "<Media omitted>", "deleted": "This message was deleted"}.get(
            row.kind.value, row.text
        )
        lines.append(f"{row.sent:%d/%m/%Y, %H:%M} - {row.author}: {body}")
    path.write_text("\n".join(lines) + "\n", "utf-8", "surrogatepass")
    return path


def whatsapp_ios(folder: Path, rows: Sequence[Row], them: str) -> Path:
    path = folder / "_chat.txt"
    lines = []
    for row in rows:
        body = row.text
        if row.kind is MessageKind.CALL:
            body = "\u200eVoice call"
        elif row.kind is MessageKind.MEDIA:
            body = "\u200eimage omitted"
        lines.append(f"[{row.sent:%d.%m.%y, %H:%M:%S}] {row.author}: {body}")
    path.write_text("\n".join(lines) + "\n", "utf-8", "surrogatepass")
    return path


def telegram(folder: Path, rows: Sequence[Row], them: str) -> Path:
    ids = {them: "user100", "Alex": "user200"}
    records = []
    for number, row in enumerate(rows, start=1):
        stamp = {
            "id": _id(row),
            "date": row.sent.isoformat(timespec="seconds"),
            "date_unixtime": str(int(row.sent.timestamp())),
        }
        if row.kind is MessageKind.CALL:
            records.append(
                {
                    **stamp,
                    "type": "service",
                    "actor": row.author,
                    "actor_id": ids.get(row.author, f"user{number}"),
                    "action": "phone_call",
                    "duration_seconds": 60,
                }
            )
            continue
        record: dict[str, object] = {
            **stamp,
            "type": "message",
            "from": row.author,
            "from_id": ids.get(row.author, f"user{number}"),
            "text": row.text,
            "text_entities": [{"type": "plain", "text": row.text}],
        }
        if row.kind is MessageKind.MEDIA:
            record["photo"] = "photos/photo.jpg"
        records.append(record)
    document = {"name": them, "type": "personal_chat", "id": 100, "messages": records}
    path = folder / "result.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8", "surrogatepass")
    return path


def _meta(folder: Path, rows: Sequence[Row], them: str, *, typed: bool) -> Path:
    records = []
    for row in reversed(rows):  # Meta writes the newest message first
        record: dict[str, object] = {"sender_name": row.author, "timestamp_ms": _epoch_ms(row.sent)}
        if row.kind is MessageKind.CALL:
            record["content"] = f"{row.author} called you."
            record["call_duration"] = 60
        elif row.kind is MessageKind.MEDIA:
            record["photos"] = [{"uri": "messages/inbox/x/photos/1.jpg"}]
        else:
            record["content"] = row.text
        if typed:
            record["type"] = "Call" if row.kind is MessageKind.CALL else "Generic"
        records.append(record)
    document = {
        "participants": [{"name": them}, {"name": "Alex"}],
        "messages": records,
        "title": them,
        "thread_path": f"inbox/{them.lower()}_1",
    }
    path = folder / "message_1.json"
    text = json.dumps(document, indent=2)  # \u escapes, as Meta writes
    path.write_text(text, "utf-8", "surrogatepass")
    return path


def messenger(folder: Path, rows: Sequence[Row], them: str) -> Path:
    return _meta(folder, rows, them, typed=True)


def instagram(folder: Path, rows: Sequence[Row], them: str) -> Path:
    return _meta(folder, rows, them, typed=False)


def signal_md(folder: Path, rows: Sequence[Row], them: str) -> Path:
    lines = []
    for row in rows:
        body = row.text
        if row.kind is MessageKind.CALL:
            body = (
                "Outgoing voice call (accepted, 1m 2s)"
                if row.author == "Me"
                else "Incoming voice call"
            )
        lines.append(f"[{row.sent:%Y-%m-%d %H:%M:%S}] {row.author}: {body}  ")
    path = folder / "chat.md"
    path.write_text("\n".join(lines) + "\n", "utf-8", "surrogatepass")
    return path


def signal_json(folder: Path, rows: Sequence[Row], them: str) -> Path:
    lines = []
    for row in rows:
        record: dict[str, object] = {
            "date": row.sent.isoformat(sep=" ", timespec="seconds"),
            "sender": row.author,
            "body": row.text,
            "quote": "",
            "sticker": "",
            "reactions": [],
            "attachments": [],
        }
        if row.kind is MessageKind.CALL:
            record["call"] = True
            record["body"] = ""
        lines.append(json.dumps(record, ensure_ascii=False))
    path = folder / "data.json"
    path.write_text("\n".join(lines) + "\n", "utf-8", "surrogatepass")
    return path


def sms(folder: Path, rows: Sequence[Row], them: str) -> Path:
    number = "+15550001234"
    elements = []
    for row in rows:
        sent = row.author == "Me"
        if row.kind is MessageKind.CALL:
            elements.append(
                f'<call number="{number}" duration="60" date="{_epoch_ms(row.sent)}" '
                f'type="{2 if sent else 1}" contact_name={quoteattr(them)} />'
            )
            continue
        elements.append(
            f'<sms protocol="0" address="{number}" date="{_epoch_ms(row.sent)}" '
            f'type="{2 if sent else 1}" body={quoteattr(row.text)} '
            f"contact_name={quoteattr(them)} />"
        )
    text = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        f'<smses count="{len(elements)}">\n  ' + "\n  ".join(elements) + "\n</smses>\n"
    )
    path = folder / "sms-20260101.xml"
    path.write_text(text, "utf-8", "surrogatepass")
    return path


def discord_json(folder: Path, rows: Sequence[Row], them: str) -> Path:
    records = []
    for row in rows:
        records.append(
            {
                "id": str(_id(row)),
                "type": "Call" if row.kind is MessageKind.CALL else "Default",
                "timestamp": row.sent.astimezone().isoformat(timespec="milliseconds"),
                "content": "" if row.kind is MessageKind.CALL else row.text,
                "author": {
                    "id": str(zlib.crc32(row.author.encode("utf-8", "surrogatepass"))),
                    "name": row.author.lower(),
                    "nickname": row.author,
                },
                "attachments": [{"url": "x.png"}] if row.kind is MessageKind.MEDIA else [],
                "stickers": [],
            }
        )
    document = {
        "guild": {"name": "Direct Messages"},
        "channel": {"name": them.lower()},
        "messages": records,
    }
    path = folder / "dm.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8", "surrogatepass")
    return path


def discord_csv(folder: Path, rows: Sequence[Row], them: str) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"])
    for row in rows:
        content = "Started a call." if row.kind is MessageKind.CALL else row.text
        attachments = "x.png" if row.kind is MessageKind.MEDIA else ""
        writer.writerow(
            ["1", row.author, row.sent.isoformat(timespec="seconds"), content, attachments, ""]
        )
    path = folder / "dm.csv"
    path.write_text(out.getvalue(), "utf-8", "surrogatepass")
    return path


def plain_csv(folder: Path, rows: Sequence[Row], them: str) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["time", "author", "text", "kind"])
    for row in rows:
        writer.writerow(
            [row.sent.isoformat(sep=" ", timespec="seconds"), row.author, row.text, row.kind.value]
        )
    path = folder / "messages.csv"
    path.write_text(out.getvalue(), "utf-8", "surrogatepass")
    return path


def _id(row: Row) -> int:
    """A message id as the app would give it: the same message, the same id, in every export."""
    return (
        int(row.sent.timestamp()) * 10
        + zlib.crc32(f"{row.author}|{row.text}".encode("utf-8", "surrogatepass")) % 10
    )


@dataclass(frozen=True)
class Format:
    name: str
    write: Writer
    me: str
    calls: bool
    seconds: bool


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("whatsapp", whatsapp, "Alex", calls=False, seconds=False),
        Format("whatsapp-ios", whatsapp_ios, "Alex", calls=True, seconds=True),
        Format("telegram", telegram, "Alex", calls=True, seconds=True),
        Format("messenger", messenger, "Alex", calls=True, seconds=True),
        Format("instagram", instagram, "Alex", calls=False, seconds=True),
        Format("signal", signal_md, "Me", calls=True, seconds=True),
        Format("signal-json", signal_json, "Me", calls=True, seconds=True),
        Format("sms", sms, "Me", calls=True, seconds=True),
        Format("discord", discord_json, "Alex", calls=True, seconds=True),
        Format("discord-csv", discord_csv, "Alex", calls=True, seconds=True),
        Format("csv", plain_csv, "Alex", calls=True, seconds=True),
    )
}
