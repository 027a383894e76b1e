"""Pairing a phone: a one-time link that cannot be guessed, used twice or used late, and
slows down whoever keeps trying codes that are not good."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from reciprocity.coach import devices as words
from reciprocity.web.lan.pairing import Attempts
from tests.web.lan_helpers import Phones, form_token, phones_beside


@pytest.fixture
def phones(web_url: str) -> Iterator[Phones]:
    with phones_beside(web_url) as found:
        yield found


def _rows(url: str, table: str) -> list[dict[str, object]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [dict(r._mapping) for r in connection.execute(text(f"SELECT * FROM {table}"))]
    finally:
        engine.dispose()


def test_pairing_sets_a_strict_cookie_and_keeps_only_hashes(phones: Phones, web_url: str) -> None:
    path = phones.link()
    code = path.removeprefix("/pair/")
    assert len(code) >= 43  # 32 random bytes, url-safe: 256 bits (128 would be 22 characters)
    page = phones.phone.get(path)
    assert page.status_code == 200 and words.LAN_TRUST_NOTE in page.text
    assert 'name="name"' in page.text
    token = form_token(phones.phone, path)
    done = phones.phone.post(
        path, data={"name": "Alex's phone", "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert cookie.startswith("reciprocity_device=")
    for part in ("HttpOnly", "SameSite=strict", "Path=/", "Max-Age=34560000"):
        assert part in cookie, part
    device_token = cookie.split(";")[0].split("=", 1)[1]
    assert len(device_token) >= 43
    [device] = _rows(web_url, "device")
    [kept] = _rows(web_url, "pairing_code")
    assert device["token_hash"] == hashlib.sha256(device_token.encode()).hexdigest()
    assert kept["code_hash"] == hashlib.sha256(code.encode()).hexdigest()
    everything = repr(_rows(web_url, "device")) + repr(_rows(web_url, "pairing_code"))
    assert code not in everything and device_token not in everything
    welcome = phones.phone.get("/capture?paired=1")
    assert words.PAIRED_WELCOME in welcome.text


def test_a_link_pairs_once(phones: Phones) -> None:
    path = phones.link()
    token = form_token(phones.phone, path)
    sent = {"name": "Alex's phone", "csrf_token": token}
    assert phones.phone.post(path, data=sent, follow_redirects=False).status_code == 303
    replayed = phones.phone.post(path, data=sent, follow_redirects=False)  # the same request again
    assert replayed.status_code == 404 and words.PAIRING_REFUSED in replayed.text
    assert (
        "set-cookie" not in replayed.headers
        or "reciprocity_device" not in replayed.headers["set-cookie"]
    )
    other = phones.another_phone()
    assert other.get(path).status_code == 404
    assert len(phones.home.get("/api/devices").json()) == 1


def test_a_link_lasts_ten_minutes(phones: Phones) -> None:
    path = phones.link()
    phones.clock.move(minutes=9, seconds=59)
    token = form_token(phones.phone, path)
    phones.clock.move(seconds=1)
    assert phones.phone.get(path).status_code == 404
    late = phones.phone.post(path, data={"name": "late", "csrf_token": token})
    assert late.status_code == 404 and words.PAIRING_REFUSED in late.text
    assert phones.home.get("/api/devices").json() == []


def test_a_code_that_was_never_made_pairs_nothing(phones: Phones) -> None:
    good = phones.link()
    token = form_token(phones.phone, good)
    for code in ("x", good.removeprefix("/pair/")[:-1], good.removeprefix("/pair/") + "A"):
        answer = phones.phone.post(f"/pair/{code}", data={"name": "n", "csrf_token": token})
        assert answer.status_code == 404, code
    assert phones.home.get("/api/devices").json() == []


def test_a_bad_name_keeps_the_link_good(phones: Phones) -> None:
    path = phones.link()
    token = form_token(phones.phone, path)
    for name, said in (("   ", words.DEVICE_NAME_EMPTY), ("x" * 201, "at most 200")):
        answer = phones.phone.post(path, data={"name": name, "csrf_token": token})
        assert answer.status_code == 400 and said in answer.text
        assert f'value="{name}"' in answer.text  # kept in the form
    phones.pair()  # another link, and this one still works:
    done = phones.another_phone()
    token = form_token(done, path)
    ok = done.post(path, data={"name": "Kit", "csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303


def test_trying_codes_is_slowed_down(phones: Phones) -> None:
    good = phones.link()
    for attempt in range(5):
        assert phones.phone.get(f"/pair/guess{attempt}").status_code == 404
    slowed = phones.phone.get(good)
    assert slowed.status_code == 429 and words.PAIRING_SLOW_DOWN in slowed.text
    assert slowed.headers["retry-after"] == "60"
    assert phones.lan_app.inner is not None
    nonce = phones.phone.cookies["reciprocity_lan_csrf"]
    token = phones.lan_app.inner.state.csrf.token(nonce)  # a good form token, as a form holds
    blocked = phones.phone.post(good, data={"name": "n", "csrf_token": token})
    assert blocked.status_code == 429  # never paired while slowed down
    assert phones.home.get("/api/devices").json() == []


def test_the_limit_holds_per_address_and_in_all_and_passes_with_time() -> None:
    now = [0.0]
    attempts = Attempts(per_address=3, overall=5, clock=lambda: now[0])
    for _ in range(3):
        assert not attempts.limited("10.0.0.5")
        attempts.failed("10.0.0.5")
    assert attempts.limited("10.0.0.5") and not attempts.limited("10.0.0.6")
    attempts.failed("10.0.0.6")
    attempts.failed("10.0.0.7")
    assert attempts.limited("10.0.0.8"), "many failures from anywhere slow everyone down"
    now[0] = 59.0
    assert attempts.limited("10.0.0.8")
    now[0] = 60.5
    assert not attempts.limited("10.0.0.5") and not attempts.limited("10.0.0.8")
