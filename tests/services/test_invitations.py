"""Invitations: neither side sees the other's answers until both have answered.

Real databases (a SQLite file, then PostgreSQL), the services as every face
calls them, and a clock passed in: a week after making it, the link is closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from reciprocity.errors import ConflictError, InputError, NotFoundError
from reciprocity.model.invitation import code_hash
from reciprocity.services import audits, checkins, invitations, open_database, people, reports
from reciprocity.services.audits import AuditDraft, DimensionDraft, EntryDraft, Lean
from reciprocity.services.invitations import GONE
from reciprocity.store import Database
from reciprocity.vocabulary import Dimension, Direction, InvitationKind
from tests.databases import Databases

NOW = datetime(2026, 11, 1, 9, 0)
CHECKIN = InvitationKind.CHECKIN
AUDIT = InvitationKind.AUDIT
MINE = {"supported": "the walk on Sunday", "meaningful": "", "drained": "the late calls"}
SAMS = {"supported": "you came to the clinic", "meaningful": "the soup", "drained": ""}
RATED = {
    "initiation": {"rating": 3, "leaning": "me"},
    "depth": {"rating": 5, "leaning": "mutual"},
    "crisis": {"rating": 4, "leaning": "them"},
    "maintenance": {"rating": 2, "leaning": "me"},
}


@pytest.fixture
def db(databases: Databases) -> Iterator[Database]:
    store = open_database(databases.new("invitations"))
    people.add(store, "Sam")
    yield store
    store.close()


def test_neither_sees_the_other_until_both_have_answered(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, from_name="Alex", now=NOW)
    assert len(made.code) >= 43  # 32 random bytes
    invitation_id = made.view.id
    assert made.view.state == "open" and made.view.them is None

    invitations.answer_as_friend(db, made.code, SAMS, now=NOW + timedelta(hours=1))
    mine = invitations.get(db, invitation_id, now=NOW + timedelta(hours=2))
    assert mine.them is None and mine.they_answered is not None  # that, not what
    friend = invitations.for_friend(db, made.code, now=NOW + timedelta(hours=2))
    assert friend.yours == SAMS and friend.theirs is None and friend.asker == "Alex"

    both = invitations.answer_as_user(
        db, invitation_id, MINE, on=date(2026, 11, 2), now=NOW + timedelta(hours=3)
    )
    assert both.state == "revealed" and both.them == SAMS and both.you == MINE
    friend = invitations.for_friend(db, made.code, now=NOW + timedelta(days=2))
    assert friend.state == "revealed" and friend.theirs == MINE


def test_a_check_in_answered_by_both_is_kept_with_both_sides(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    invitations.answer_as_user(db, made.view.id, MINE, on=date(2026, 11, 1), now=NOW)
    assert checkins.of(db, "Sam") == []  # nothing kept as a check-in before the reveal
    invitations.answer_as_friend(db, made.code, SAMS, on=date(2026, 11, 3), now=NOW)
    [held] = checkins.of(db, "Sam")
    assert held.on == date(2026, 11, 3)
    assert held.answer("me", "supported") == MINE["supported"]
    assert held.answer("them", "supported") == SAMS["supported"]
    assert invitations.two_sided_checkins(db, "Sam") == {held.id: made.view.id}
    assert invitations.get(db, made.view.id, now=NOW).checkin_id == held.id


def test_the_friend_answers_once_and_may_take_it_back_before_the_reveal(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    invitations.answer_as_friend(db, made.code, SAMS, now=NOW)
    with pytest.raises(ConflictError):
        invitations.answer_as_friend(db, made.code, {"supported": "again"}, now=NOW)
    taken = invitations.take_back(db, made.code, now=NOW)
    assert taken.yours is None
    with pytest.raises(ConflictError):
        invitations.take_back(db, made.code, now=NOW)
    invitations.answer_as_friend(db, made.code, {"supported": "changed my mind"}, now=NOW)
    invitations.answer_as_user(db, made.view.id, MINE, now=NOW)
    with pytest.raises(ConflictError):  # after the reveal, the answers stay as given
        invitations.take_back(db, made.code, now=NOW)
    with pytest.raises(ConflictError):
        invitations.answer_as_user(db, made.view.id, MINE, now=NOW)
    assert invitations.get(db, made.view.id, now=NOW).them == {
        "supported": "changed my mind",
        "meaningful": "",
        "drained": "",
    }


def test_only_a_fingerprint_of_the_code_is_kept(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    with db.transaction() as session:
        stored = session.execute(text("SELECT code_hash FROM invitation")).scalars().all()
    assert stored == [code_hash(made.code)] and made.code not in stored


def test_an_unknown_or_mangled_code_opens_nothing(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    for code in ("", "x", made.code[:-1], made.code + "A", "A" * 500, code_hash(made.code)):
        with pytest.raises(NotFoundError):
            invitations.for_friend(db, code, now=NOW)
        with pytest.raises(NotFoundError):
            invitations.answer_as_friend(db, code, SAMS, now=NOW)


def test_a_new_link_replaces_the_old_one(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    again = invitations.new_link(db, made.view.id, now=NOW)
    assert again.code != made.code
    with pytest.raises(NotFoundError):
        invitations.for_friend(db, made.code, now=NOW)
    assert invitations.for_friend(db, again.code, now=NOW).state == "open"


def test_after_a_week_the_link_closes_and_unseen_answers_go(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    invitations.answer_as_friend(db, made.code, SAMS, now=NOW + timedelta(days=1))
    later = NOW + timedelta(days=7)
    gone = invitations.for_friend(db, made.code, now=later)
    assert gone.state == GONE and gone.yours is None and gone.theirs is None
    with pytest.raises(ConflictError):
        invitations.answer_as_user(db, made.view.id, MINE, now=later)
    with pytest.raises(ConflictError):
        invitations.answer_as_friend(db, made.code, SAMS, now=later)
    assert invitations.get(db, made.view.id, now=later).state == "expired"
    assert invitations.expire(db, now=later) == 1
    with db.transaction() as session:
        row = session.execute(text("SELECT code_hash, friend_answers FROM invitation")).one()
    assert row == (None, None)  # given on the promise of a reveal that never came
    with pytest.raises(NotFoundError):
        invitations.for_friend(db, made.code, now=NOW)  # even with the clock turned back
    assert invitations.expire(db, now=later) == 0


def test_a_revealed_invitation_keeps_its_answers_past_its_day(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    invitations.answer_as_friend(db, made.code, SAMS, now=NOW)
    invitations.answer_as_user(db, made.view.id, MINE, now=NOW)
    later = NOW + timedelta(days=8)
    assert invitations.for_friend(db, made.code, now=later).state == GONE
    invitations.expire(db, now=later)
    assert invitations.get(db, made.view.id, now=later).them == SAMS
    with pytest.raises(NotFoundError):  # the fingerprint itself is gone now
        invitations.for_friend(db, made.code, now=later)


def test_withdrawn_by_the_user(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    invitations.answer_as_friend(db, made.code, SAMS, now=NOW)
    closed = invitations.withdraw(db, made.view.id, now=NOW)
    assert closed.state == "withdrawn" and closed.them is None
    with pytest.raises(NotFoundError):
        invitations.for_friend(db, made.code, now=NOW)
    with pytest.raises(ConflictError):
        invitations.new_link(db, made.view.id, now=NOW)
    invitations.remove(db, made.view.id)
    assert invitations.listed(db, now=NOW) == []


def test_answers_are_checked(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    with pytest.raises(InputError, match="at least one"):
        invitations.answer_as_friend(db, made.code, {"supported": "  "}, now=NOW)
    with pytest.raises(InputError, match="under 2000"):
        invitations.answer_as_friend(db, made.code, {"drained": "x" * 2001}, now=NOW)
    audit = invitations.create(db, "Sam", AUDIT, now=NOW)
    wrong = {**RATED, "crisis": {"rating": 3, "leaning": "mutual"}}
    with pytest.raises(InputError, match="Crisis response is rated 3"):
        invitations.answer_as_friend(db, audit.code, wrong, now=NOW)
    for bad in ("6", "0", "two", True, None):
        with pytest.raises(InputError):
            invitations.answer_as_friend(
                db, audit.code, {**RATED, "depth": {"rating": bad, "leaning": "me"}}, now=NOW
            )
    five = {**RATED, "depth": {"rating": "5", "leaning": "me"}}
    kept = invitations.answer_as_friend(db, audit.code, five, now=NOW)
    assert kept.yours is not None and kept.yours["depth"] == {"rating": 5, "leaning": "mutual"}
    with pytest.raises(InputError):
        invitations.create(db, "Sam", CHECKIN, from_name="x" * 201, now=NOW)
    with pytest.raises(NotFoundError):
        invitations.create(db, "Nobody", CHECKIN, now=NOW)


def _audit_sam(db: Database) -> None:
    lean = Lean(4, Direction.ME)
    audits.save(
        db,
        AuditDraft(
            on=date(2026, 10, 1),
            entries=[
                EntryDraft(
                    person="Sam",
                    overall=lean,
                    dimensions={d: DimensionDraft(lean) for d in Dimension},
                )
            ],
        ),
    )


def test_earlier_ratings_reach_the_friend_only_when_chosen(db: Database) -> None:
    _audit_sam(db)
    for include in (False, True):
        made = invitations.create(db, "Sam", AUDIT, include_ratings=include, now=NOW)
        assert made.view.earlier is not None  # the user always sees their own
        invitations.answer_as_friend(db, made.code, RATED, now=NOW)
        assert invitations.for_friend(db, made.code, now=NOW).earlier is None  # not before
        invitations.answer_as_user(db, made.view.id, RATED, now=NOW)
        shown = invitations.for_friend(db, made.code, now=NOW).earlier
        if include:
            assert shown is not None and shown.on == date(2026, 10, 1)
            assert shown.ratings["initiation"] == {"rating": 4, "leaning": "me"}
        else:
            assert shown is None
    assert set(invitations.audits_by_both(db, now=NOW)) == {
        invitations.get(db, made.view.id, now=NOW).person_id
    }


def test_removing_the_person_removes_their_invitations(db: Database) -> None:
    made = invitations.create(db, "Sam", CHECKIN, now=NOW)
    people.remove(db, "Sam")
    with pytest.raises(NotFoundError):
        invitations.for_friend(db, made.code, now=NOW)
    assert invitations.listed(db, now=NOW) == []


def test_the_report_shows_both_sides_where_both_answered(db: Database) -> None:
    assert "As Sam sees it" not in reports.report_draft(db, today=date(2026, 11, 2)).html()
    made = invitations.create(db, "Sam", AUDIT, now=NOW)
    invitations.answer_as_friend(db, made.code, RATED, now=NOW)
    invitations.answer_as_user(
        db, made.view.id, {**RATED, "depth": {"rating": 4, "leaning": "them"}}, now=NOW
    )
    page = reports.report_draft(db, today=date(2026, 11, 2), name="Sam").html()
    assert "As Sam sees it" in page and "As you see it" in page
    assert "4 of 5, Sam carries more" in page and "5 of 5, it feels shared" in page
