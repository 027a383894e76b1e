"""Export and import through the CLI, and the round trip as a property."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.store import open_database, transfer
from reciprocity.vocabulary import (
    AdjustmentOutcome,
    BoundaryArea,
    BoundaryStatus,
    CareStyle,
    Dimension,
    Giver,
    OccurrenceStatus,
    RelationshipKind,
    SeasonKind,
)
from tests.cli_runner import Cli


def _without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def test_export_then_import_elsewhere_gives_the_same_data(demo_cli: Cli, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    assert demo_cli("export", str(first)).code == 0
    other = Cli(tmp_path / "other.db", demo_cli.capsys)
    imported = other("import", str(first), "--json")
    assert imported.code == 0, imported.err
    assert imported.json()["people"] == 5
    second = tmp_path / "second.json"
    assert other("export", str(second)).code == 0
    assert _without_stamp(json.loads(first.read_text())) == _without_stamp(
        json.loads(second.read_text())
    )


def test_import_refuses_a_non_empty_database_unless_replacing(
    demo_cli: Cli, tmp_path: Path
) -> None:
    export = tmp_path / "mine.json"
    demo_cli("export", str(export))
    demo_cli("people", "add", "Extra")
    refused = demo_cli("import", str(export))
    assert refused.code == 1 and "--replace" in refused.err
    replaced = demo_cli("import", str(export), "--replace")
    assert replaced.code == 0, replaced.err
    assert "Kept a copy" in replaced.out
    assert "Extra" not in [p["name"] for p in demo_cli("people", "list", "--json").json()]
    assert list(tmp_path.glob("reciprocity.before-import.*.db"))


def test_broken_imports_say_where_and_change_nothing(demo_cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    demo_cli("export", str(good))
    text = good.read_text()
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[: len(text) // 2])
    document = json.loads(text)
    document["people"][1]["moments"][3]["energy"] = 7
    bad_energy = tmp_path / "bad_energy.json"
    bad_energy.write_text(json.dumps(document))
    document = json.loads(text)
    document["audits"][0]["entries"][0]["dimensions"]["depth"]["rating"] = 9
    bad_rating = tmp_path / "bad_rating.json"
    bad_rating.write_text(json.dumps(document))
    other = tmp_path / "other.json"
    other.write_text('{"messages": []}')
    binary = tmp_path / "binary.json"
    binary.write_bytes(bytes(range(256)))

    expectations = {
        truncated: "line ",
        bad_energy: "people[1].moments[3]: Energy is 7",
        bad_rating: "audits[0].entries[0]: A rating of 9",
        other: "not a chat export",
        binary: "not a chat export",
        tmp_path / "missing.json": "no such file",
    }
    for path, expected in expectations.items():
        result = demo_cli("import", str(path), "--replace")
        assert result.code != 0, path
        assert expected in result.err, (path, result.err)
        assert str(path) in result.err
        assert len(result.err.strip().splitlines()) == 1
    assert len(demo_cli("people", "list", "--json").json()) == 5


def test_export_to_an_unwritable_place_leaves_nothing(demo_cli: Cli, tmp_path: Path) -> None:
    result = demo_cli("export", str(tmp_path / "no" / "such" / "folder" / "x.json"))
    assert result.code == 1 and "Could not write" in result.err
    assert demo_cli("export", str(tmp_path / "x.txt")).code == 2
    assert list(tmp_path.glob("*.tmp")) == [] and list(tmp_path.glob(".*.tmp")) == []


names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: s.split() and " ".join(s.split()).casefold() != "me")
days = st.dates().map(lambda d: d.isoformat())
# Any text but a NUL, which no database keeps alike and so is refused (tests/store/test_values.py).
free_text = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    people_names = draw(
        st.lists(names, max_size=4, unique_by=lambda s: " ".join(s.split()).casefold())
    )
    people = []
    for name in people_names:
        moments = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "on": days,
                        "by": st.sampled_from([g.value for g in Giver]),
                        "dimensions": st.lists(
                            st.sampled_from([d.value for d in Dimension]), unique=True
                        ),
                        "style": st.none() | st.sampled_from([s.value for s in CareStyle]),
                        "energy": st.none() | st.integers(-2, 2),
                        "text": free_text.map(str.strip),
                    }
                ),
                max_size=5,
            )
        )
        people.append(
            {
                "name": " ".join(name.split()),
                "kind": draw(st.sampled_from([k.value for k in RelationshipKind])),
                "birthday": draw(st.none() | days),
                "my_care": draw(
                    st.lists(st.sampled_from([s.value for s in CareStyle]), unique=True)
                ),
                "their_care": draw(
                    st.lists(st.sampled_from([s.value for s in CareStyle]), unique=True)
                ),
                "note": draw(free_text),
                "moments": sorted(moments, key=lambda m: m["on"]),
            }
        )
    owners = ["me", *[p["name"] for p in people]]
    seasons = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.dates())
        end = draw(st.none() | st.dates(min_value=start))
        seasons.append(
            {
                "whose": draw(st.sampled_from(owners)),
                "kind": draw(st.sampled_from([k.value for k in SeasonKind])),
                "start": start.isoformat(),
                "end": end.isoformat() if end else None,
                "note": draw(free_text),
            }
        )
    seasons.sort(key=lambda s: s["start"])
    audits = []
    if people:
        for _ in range(draw(st.integers(0, 2))):
            entries = []
            for person in draw(
                st.lists(st.sampled_from(people), unique_by=lambda p: p["name"], min_size=1)
            ):

                def lean() -> dict[str, Any]:
                    rating = draw(st.integers(1, 5))
                    direction = "mutual" if rating == 5 else draw(st.sampled_from(["me", "them"]))
                    vision = (
                        draw(free_text.filter(str.strip))
                        if rating <= 2
                        else draw(st.none() | free_text.filter(str.strip))
                    )
                    return {"rating": rating, "direction": direction, "vision": vision}

                dims = {
                    d.value: {
                        **lean(),
                        "answers": [{"key": "k", "question": "q", "answer": draw(free_text)}],
                    }
                    for d in draw(st.lists(st.sampled_from(list(Dimension)), unique=True))
                }
                entries.append(
                    {
                        "person": person["name"],
                        **lean(),
                        "note": draw(free_text),
                        "dimensions": dims,
                    }
                )
            audits.append({"date": draw(days), "note": draw(free_text), "entries": entries})
    audits.sort(key=lambda a: a["date"])
    return {
        "format": "reciprocity",
        "version": 1,
        "people": people,
        "seasons": seasons,
        "audits": audits,
        **draw(practices(people, len(seasons))),
    }


words = free_text.filter(str.strip)


@st.composite
def practices(draw: st.DrawFn, people: list[dict[str, Any]], seasons: int) -> dict[str, Any]:
    """Rituals, check-ins, boundaries, wins, dates, rhythms and roles for ``people``."""
    names = [p["name"] for p in people]
    owners = st.sampled_from(["me", *names])
    found: dict[str, Any] = {
        "boundaries": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "whose": owners,
                        "area": st.sampled_from([a.value for a in BoundaryArea]),
                        "request": words,
                        "status": st.sampled_from([s.value for s in BoundaryStatus]),
                        "since": days,
                        "review_on": st.none(),
                        "note": free_text,
                    }
                ),
                max_size=2,
            )
        ),
        "wins": draw(
            st.lists(
                st.fixed_dictionaries({"whose": owners, "on": days, "text": words}), max_size=2
            )
        ),
        "dates": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"whose": owners, "title": words, "on": days, "yearly": st.booleans()}
                ),
                max_size=2,
            )
        ),
    }
    if not names:
        return found
    found["rhythms"] = [
        {"person": name, "ideal_days": ideal, "longest_days": ideal + extra}
        for name in draw(st.lists(st.sampled_from(names), unique=True, max_size=2))
        for ideal, extra in [(draw(st.integers(1, 60)), draw(st.integers(0, 60)))]
    ]
    found["rituals"] = [
        {
            "person": draw(st.sampled_from(names)),
            "title": draw(words),
            "rule": draw(st.sampled_from(["weekly", "FREQ=MONTHLY;BYDAY=1SA", "fortnightly"])),
            "start": draw(days),
            "at": draw(st.none() | st.just("19:30")),
            "rotation": ["me", *draw(st.lists(st.sampled_from(names), unique=True, max_size=2))],
            "next_position": draw(st.integers(0, 1)),
            "occurrences": [
                {"due": due.isoformat(), "status": status, "on": None, "host": None, "note": ""}
                for due in draw(st.lists(st.dates(), unique=True, max_size=3))
                for status in [draw(st.sampled_from([s.value for s in OccurrenceStatus]))]
            ],
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    found["checkins"] = [
        {
            "person": draw(st.sampled_from(names)),
            "on": draw(days),
            "sides": {"me": {"supported": draw(free_text)}, "them": {"drained": draw(free_text)}},
            "adjustments": [
                {
                    "text": text,
                    "outcome": draw(
                        st.none() | st.sampled_from([o.value for o in AdjustmentOutcome])
                    ),
                }
                for text in draw(st.lists(words, max_size=2))
            ],
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    if seasons:
        found["roles"] = [
            {
                "season": draw(st.integers(0, seasons - 1)),
                "person": draw(st.sampled_from(names)),
                "roles": ["planner", "listener"],
                "start": draw(days),
                "every_days": draw(st.none() | st.integers(1, 30)),
            }
            for _ in range(draw(st.integers(0, 1)))
        ]
    return found


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents())
def test_export_import_export_round_trip(tmp_path_factory: Any, document: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("round")
    first = open_database(f"sqlite:///{folder / 'a.db'}")
    with first.transaction() as session:
        transfer.restore(session, document, "generated")
    with first.transaction() as session:
        exported = transfer.export_document(session)
    first.close()
    second = open_database(f"sqlite:///{folder / 'b.db'}")
    with second.transaction() as session:
        transfer.restore(session, json.loads(transfer.dump(exported)), "exported")
    with second.transaction() as session:
        again = transfer.export_document(session)
    second.close()
    assert _without_stamp(exported) == _without_stamp(again)
    assert transfer.counts(exported) == transfer.counts(document)
