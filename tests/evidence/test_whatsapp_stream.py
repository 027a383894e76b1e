"""The WhatsApp parser reads a segment at a time: any block size gives the same chat.

The file is read twice (first its dates, then its messages), a block at a
time; a small text is kept between the readings and a large one read again.
Whatever the block size and either way, the messages, participants, skipped
lines and notes are the same; a line far longer than any message is cut, a
message running on for megabytes keeps its start, and a zip member is
stopped past its limit whatever its headers claim.
"""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.errors import ImportFormatError
from reciprocity.evidence import whatsapp
from reciprocity.evidence.chunks import LineBlocks
from reciprocity.evidence.message import Chat
from reciprocity.evidence.whatsapp_file import Segments, Source

from .test_whatsapp_paths import exports, generator

LINES = st.sampled_from(
    [
        "13/02/2020, 10:00 - Alice: hi",
        "13/02/2020, 10:01 - Bob: hello there",
        "14/02/2020, 09:00 - Alice: how are you",
        '14/02/2020, 09:05 - Bob changed the subject to "x: y"',
        "[14/02/2020, 09:06:07] Bob: from an iPhone",
        "15/02/2020, 25:61 - Bob: an impossible time",
        "31/02/2020, 10:00 - Bob: an impossible date",
        "15/02/2020 10h00 - Bob: a header's shape, unread",
        "a continuation line",
        "",
        "31/12/2019, 23:59 was a great night",
        "15.02.2020 à 11:00 - Léa: salut 😀",
    ]
)


def outcome(chat: Chat) -> tuple[object, ...]:
    messages = list(chat.messages)
    return messages, chat.participants, chat.skipped, chat.notes, chat.date_order


def read(path: Path, **sizes: int) -> tuple[object, ...] | str:
    try:
        return outcome(whatsapp.parse(path, **sizes))
    except ImportFormatError as error:
        return error.reason


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(LINES, min_size=1, max_size=40), st.integers(8, 300), st.booleans())
def test_any_block_size_gives_the_same_chat(
    tmp_path: Path, lines: list[str], block: int, keep: bool
) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read(path, block=block, keep=10**9 if keep else 0) == read(path)


def test_every_export_we_have_reads_the_same_in_small_blocks(corpus: Path, tmp_path: Path) -> None:
    generated = generator().generate(tmp_path / "generated.txt", 3000, 11)
    for path in [*exports(corpus), generated]:
        assert read(path, block=512, keep=0) == read(path), path.name


def test_segments_start_where_messages_start(tmp_path: Path) -> None:
    generated = generator().generate(tmp_path / "generated.txt", 2000, 5)
    segments = list(Segments(Source.of(generated, 4096)))
    assert len(segments) > 10
    assert b"".join(s.data for s in segments) == generated.read_bytes()
    assert all(s.data[:1].isdigit() for s in segments)
    for before, after in pairwise(segments):
        assert after.line == before.line + before.data.count(b"\n")


def test_a_line_far_longer_than_any_message_is_cut_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    long_line = "x" * (3 * 1024**2)
    path.write_text(
        f"13/02/2020, 10:00 - Alice: hi\n13/02/2020, 10:01 - Bob: {long_line}\n"
        "13/02/2020, 10:02 - Alice: and after it\n",
        encoding="utf-8",
    )
    for keep in (0, 10**9):
        chat = whatsapp.parse(path, keep=keep)
        messages = list(chat.messages)
        assert [m.author for m in messages] == ["Alice", "Bob", "Alice"]
        assert 1024**2 - 40 <= len(messages[1].text) <= 1024**2
        assert [(s.line, s.reason) for s in chat.skipped] == [
            (
                2,
                "this line is 3.0 MiB long, longer than any chat message; only its first MiB was read",
            )
        ]


def test_a_message_running_on_for_megabytes_keeps_its_start(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    lines = "\n".join(["y" * 1000] * 6000)  # 6 MB of continuation lines
    path.write_text(
        f"13/02/2020, 10:00 - Alice: hi\n13/02/2020, 10:01 - Bob: start\n{lines}\n"
        "13/02/2020, 10:02 - Alice: and after it\n",
        encoding="utf-8",
    )
    chat = whatsapp.parse(path)
    messages = list(chat.messages)
    assert [m.author for m in messages] == ["Alice", "Bob", "Alice"]
    assert 3 * 1024**2 < len(messages[1].text) <= 4 * 1024**2
    assert messages[2].line == 6003
    assert [s.line for s in chat.skipped] == [4193]
    assert len(chat.skipped) == 1 and chat.skipped[0].reason.startswith(
        "the message that starts on line 2 runs on for more than 4 MiB"
    )


def test_line_blocks_cut_only_long_lines() -> None:
    import io

    data = b"short\n" + b"z" * 50 + b"\nshort again\n" + b"w" * 30
    blocks = LineBlocks(io.BytesIO(data), size=7, longest=20)
    text = b"".join(blocks)
    assert text == b"short\n" + b"z" * 20 + b"\nshort again\n" + b"w" * 20
    assert [(cut.size) for cut in blocks.cuts] == [50, 30]


def test_a_zip_whose_headers_lie_about_its_size_is_stopped(tmp_path: Path) -> None:
    archive = tmp_path / "chat.zip"
    body = b"13/02/2020, 10:00 - Alice: hi\n" + b"\n" * (64 * 1024**2)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("_chat.txt", body)
    # Claim a small text in both headers: the sizes may not be trusted.
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature)
        data[at + offset : at + offset + 4] = (1000).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    with pytest.raises(ImportFormatError, match="zip"):
        list(whatsapp.parse(archive).messages)


def test_a_zip_that_claims_a_modest_ratio_is_stopped_by_its_real_size(tmp_path: Path) -> None:
    archive = tmp_path / "chat.zip"
    body = b"13/02/2020, 10:00 - Alice: hi\n" + b"\n" * (32 * 1024**2)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("_chat.txt", body)
    assert archive.stat().st_size < 100_000
    # Claim a compressed size near the real text's, so that the ratio in the headers looks fine.
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 18), (b"PK\x01\x02", 20)):
        at = data.index(signature)
        data[at + offset : at + offset + 4] = (len(body) // 2).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    # Read a block at a time, the member runs out of compressed bytes long before
    # its text could fill memory: a clear refusal, not a read of everything at once.
    with pytest.raises(ImportFormatError, match=r"zip file that cannot be read|unpacks to more"):
        list(whatsapp.parse(archive).messages)
