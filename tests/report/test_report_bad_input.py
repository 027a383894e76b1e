"""Bad input to ``reciprocity report``: one clear line, a non-zero exit, and no partial file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import Cli, Result


@pytest.fixture
def sam(cli: Cli) -> Cli:
    """A database holding one person, Sam (quicker than the demo, and enough to go wrong)."""
    assert cli("people", "add", "Sam").code == 0
    return cli


def _one_line(result: Result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert result.out == ""
    return lines[0]


def _leftovers(folder: Path) -> list[str]:
    """Files a failed write could have left behind: the output, or its temporary file."""
    return sorted(p.name for p in folder.iterdir() if p.name != "reciprocity.db")


@pytest.mark.parametrize("worksheet", [[], ["--worksheet"]])
def test_an_unknown_person_offers_close_names(
    sam: Cli, tmp_path: Path, worksheet: list[str]
) -> None:
    out = tmp_path / "report.html"
    result = sam("report", "Sma", *worksheet, "--out", str(out))
    assert result.code == 1
    assert _one_line(result) == (
        "reciprocity: No one called 'Sma' is in your list. Did you mean 'Sam'?"
    )
    assert _leftovers(tmp_path) == []


def test_someone_with_no_close_name_gets_a_hint(sam: Cli, tmp_path: Path) -> None:
    result = sam("report", "Quentin", "--out", str(tmp_path / "q.pdf"))
    assert result.code == 1
    assert "reciprocity people add 'Quentin'" in _one_line(result)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["report.docx", "report", "report.html.txt", "report.PNG"])
def test_an_unknown_extension_is_refused_before_anything_is_done(
    sam: Cli, tmp_path: Path, name: str
) -> None:
    result = sam("report", "--out", str(tmp_path / name))
    assert result.code == 2
    line = _one_line(result)
    assert name in line and ".html or .pdf" in line
    assert _leftovers(tmp_path) == []


def test_upper_case_and_htm_endings_are_understood(sam: Cli, tmp_path: Path) -> None:
    assert sam("report", "--out", str(tmp_path / "REPORT.HTML")).code == 0
    assert sam("report", "--worksheet", "--out", str(tmp_path / "sheet.htm")).code == 0
    assert (tmp_path / "REPORT.HTML").read_text().startswith("<!doctype html>")
    assert (tmp_path / "sheet.htm").read_text().startswith("<!doctype html>")


def test_a_folder_that_is_not_there(sam: Cli, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.pdf"
    result = sam("report", "--out", str(out))
    assert result.code == 1
    assert _one_line(result) == (
        f"reciprocity: Could not write {out}: there is no folder {out.parent}."
    )
    assert _leftovers(tmp_path) == []


def test_a_path_inside_a_file(sam: Cli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    out = tmp_path / "notes.txt" / "report.html"
    result = sam("report", "--out", str(out))
    assert result.code == 1
    assert _one_line(result).startswith(f"reciprocity: Could not write {out}")
    assert _leftovers(tmp_path) == ["notes.txt"]
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_a_target_that_cannot_be_replaced_leaves_no_temporary_file(
    sam: Cli, tmp_path: Path
) -> None:
    """The rename fails at the very end (the name is a folder): nothing is left beside it."""
    (tmp_path / "report.html").mkdir()
    result = sam("report", "--out", str(tmp_path / "report.html"))
    assert result.code == 1
    assert _one_line(result).startswith(f"reciprocity: Could not write {tmp_path / 'report.html'}")
    assert _leftovers(tmp_path) == ["report.html"]
    assert list((tmp_path / "report.html").iterdir()) == []


def test_a_failed_report_keeps_the_file_that_was_there(sam: Cli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("last month's report\n")
    assert sam("report", "Nobody", "--out", str(out)).code == 1
    assert out.read_text() == "last month's report\n"
    assert sam("report", "Sam", "--out", str(out)).code == 0
    assert "You and Sam: a report" in out.read_text()
    assert _leftovers(tmp_path) == ["report.html"]


def test_out_is_required(sam: Cli) -> None:
    result = sam("report")
    assert result.code == 2
    assert "--out" in _one_line(result)


def test_an_empty_list_still_gives_a_report_that_says_so(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cli("report", "--out", str(out))
    assert result.code == 0 and "no one is in your list yet" in result.out
    assert "No one is in your list yet" in out.read_text()
