"""``reciprocity talk feedback`` through the real entry point: one grammatical message, gently checked."""

from __future__ import annotations

from tests.cli_runner import Cli


def test_feedback_splices_any_shape_of_words_into_english(cli: Cli) -> None:
    built = cli(
        "talk",
        "feedback",
        "--situation",
        "Why am I the one who always books dinner?",
        "--request",
        "it's his turn to call",
        "--json",
    ).json()
    assert set(built) >= {"message", "tips", "notes"}, "the keys scripts rely on stay"
    assert built["message"].startswith(
        "Why am I the one who always books dinner? I felt a bit alone with it. "
        "Would it work for you if it's his turn to call?"
    )
    assert "When Why" not in built["message"] and "open to it's" not in built["message"]
    assert [f["part"] for f in built["findings"]] == ["situation", "request"]
    assert any("Could we take turns calling?" in note for note in built["notes"])


def test_feedback_on_a_terminal_shows_the_message_notes_and_tips(cli: Cli) -> None:
    result = cli(
        "talk",
        "feedback",
        "--situation",
        "You cancelled on Friday.",
        "--impact",
        "I felt hurt.",
        "--request",
        "Could you call on Sundays?",
        "--alternative",
        "Could we alternate?",
    )
    assert result.code == 0, result.err
    said = " ".join(result.out.split())  # the terminal wraps long lines
    assert "When you cancelled on Friday, I felt hurt. Could you call on Sundays?" in said
    assert "One option we could try: alternating." in said
    assert "gentle thought" not in said and "Timing:" in said


def test_feedback_needs_a_situation_and_a_request(cli: Cli) -> None:
    result = cli.process("talk", "feedback", "--situation", " ?", "--request", "a call")
    assert result.code in (1, 2)
    assert "needs at least --situation and --request" in result.err
