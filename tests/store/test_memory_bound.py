"""Imports stay under 400 MB whatever the export's size or line length (issue 13).

Each import runs as ``reciprocity import`` in a child process whose address
space is capped at 400 MB (``RLIMIT_AS``, which counts more than the memory
actually used), so going over the bound fails the import. The files are the
kinds that used to take gigabytes: a large WhatsApp export read in segments,
a Telegram export read a message at a time instead of as one document, and
a single line of 300 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.evidence.test_whatsapp_paths import generator

LIMIT_MB = 400
RUN = """
import resource, sys
limit = {limit} * 1024**2
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from reciprocity.cli.main import run
code = run(sys.argv[1:])
# This process's own high-water mark (ru_maxrss would count the parent's, from before exec).
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(peak // 1024, file=sys.stderr)
sys.exit(code)
"""

pytestmark = pytest.mark.slow


def _run(tmp_path: Path, export: Path, *options: str) -> subprocess.CompletedProcess[str]:
    database = f"sqlite:///{tmp_path / 'store.db'}"
    return subprocess.run(
        [
            sys.executable,
            "-c",
            RUN.format(limit=LIMIT_MB),
            "--db",
            database,
            "import",
            str(export),
            "--json",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )


def _import(tmp_path: Path, export: Path, *options: str) -> tuple[dict[str, object], int]:
    """Import under the cap; the summary, and the child's peak resident memory in MB."""
    done = _run(tmp_path, export, *options)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout), int(done.stderr.strip().splitlines()[-1])


def test_a_zip_that_lies_about_its_sizes_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    archive = tmp_path / "chat.zip"
    with (
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle,
        bundle.open("_chat.txt", "w") as member,
    ):
        member.write(b"13/02/2020, 10:00 - Alice: hi\n")
        for _ in range(512):
            member.write(b"\n" * 1024**2)
    # A compressed size that makes the ratio in the headers look like a chat's.
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 18), (b"PK\x01\x02", 20)):
        at = data.index(signature)
        data[at + offset : at + offset + 4] = (8 * 1024**2).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    done = _run(tmp_path, archive, "--me", "Alice")
    assert done.returncode == 1, done.stderr[-2000:]  # a clear line, not a crash (70)
    assert "chat.zip: is a zip file" in done.stderr


def test_a_large_whatsapp_export_is_read_in_bounded_memory(tmp_path: Path) -> None:
    export = generator().generate(tmp_path / "WhatsApp Chat with Bob.txt", 600_000, 3)
    assert export.stat().st_size > 32 * 1024**2  # past what is kept between the two readings
    summary, peak = _import(
        tmp_path,
        export,
        "--me",
        "Alice Martin",
        "--person",
        "Bob",
        "--person",
        "Chloé Dubois-Laurent",
    )
    assert summary["messages"] == 600_000
    assert peak < LIMIT_MB
    again, peak = _import(tmp_path, export)
    assert again["new"] == 0 and peak < LIMIT_MB


def test_a_large_telegram_export_is_read_a_message_at_a_time(tmp_path: Path) -> None:
    export = tmp_path / "result.json"
    start = datetime(2020, 1, 1, 8, 0)
    with export.open("w", encoding="utf-8") as handle:
        handle.write('{"name": "Sam", "type": "personal_chat", "id": 100, "messages": [\n')
        for index in range(400_000):
            sent = start + timedelta(minutes=7 * index)
            author, user = ("Sam", "user100") if index % 3 else ("Alex", "user200")
            record = {
                "id": index,
                "type": "message",
                "date": sent.isoformat(),
                "date_unixtime": str(int(sent.timestamp())),
                "from": author,
                "from_id": user,
                "text": f"message number {index}, with some words to make it a real line",
                "text_entities": [{"type": "plain", "text": "message"}],
            }
            handle.write(("," if index else "") + json.dumps(record) + "\n")
        handle.write("]}\n")
    assert export.stat().st_size > 100 * 1024**2  # as one document, several gigabytes of objects
    summary, peak = _import(tmp_path, export, "--me", "Alex")
    assert summary["messages"] == 400_000
    assert peak < LIMIT_MB


def test_a_line_of_300_megabytes_costs_no_more_than_a_short_one(tmp_path: Path) -> None:
    export = tmp_path / "chat.txt"
    with export.open("wb") as handle:
        handle.write(b"13/02/2020, 10:00 - Alice: hi\n13/02/2020, 10:01 - Bob: ")
        block = b"x" * 1024**2
        for _ in range(300):
            handle.write(block)
        handle.write(b"\n13/02/2020, 10:02 - Alice: and after it\n")
    summary, peak = _import(tmp_path, export, "--me", "Alice")
    assert summary["messages"] == 3
    assert [item["line"] for item in summary["skipped"]] == [2]  # type: ignore[union-attr]
    assert peak < LIMIT_MB
