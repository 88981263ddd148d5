"""Passwords, login checks, server-side sessions and activation — on every backend."""

from __future__ import annotations

import statistics
import time

import pytest
from argon2 import PasswordHasher

from graphsvc import accounts
from graphsvc.errors import Invalid, NotFound
from tests.fixtures.web import CHEAP_HASHER, PASSWORD, make_member


def test_passwords_are_stored_as_argon2id_hashes(store):
    member = make_member(store, email="a@example.org")
    [row] = store.read("accounts/get_login", email="a@example.org")
    assert row["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in row["password_hash"]
    assert accounts.authenticate(store, "A@Example.org ", PASSWORD) == member.id


@pytest.mark.parametrize("email, password", [
    ("a@example.org", "wrong password!"),
    ("nobody@example.org", PASSWORD),
    ("not an address", PASSWORD),
    ("a@example.org", ""),
    ("a@example.org", "x" * 5000),
])
def test_unknown_email_and_wrong_password_get_the_same_answer(store, email, password):
    make_member(store, email="a@example.org")
    with pytest.raises(Invalid) as refused:
        accounts.authenticate(store, email, password)
    assert str(refused.value) == accounts.LOGIN_REFUSED


def test_a_pending_account_cannot_log_in(store):
    member = make_member(store, email="a@example.org")
    store.write("members/mark_pending", member_id=member.id)
    with pytest.raises(Invalid, match="incorrect"):
        accounts.authenticate(store, "a@example.org", PASSWORD)


def test_unknown_email_takes_as_long_as_a_wrong_password(store):
    """The ratio of two medians measured in one run, never an absolute time."""
    # Costs high enough that skipping the argon2 verification would show.
    accounts.set_hasher(PasswordHasher(time_cost=2, memory_cost=16 * 1024, parallelism=1))
    try:
        make_member(store, email="a@example.org")

        def timed(email):
            start = time.perf_counter()
            with pytest.raises(Invalid):
                accounts.authenticate(store, email, "wrong password!")
            return time.perf_counter() - start

        unknown, wrong = [], []
        for _ in range(9):
            unknown.append(timed("nobody@example.org"))
            wrong.append(timed("a@example.org"))
        ratio = statistics.median(unknown) / statistics.median(wrong)
        assert 1 / 3 < ratio < 3, ratio
    finally:
        accounts.set_hasher(CHEAP_HASHER)


def test_an_old_hash_is_upgraded_at_login(store):
    weak = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1)
    accounts.set_hasher(weak)
    member = make_member(store, email="a@example.org")
    accounts.set_hasher(CHEAP_HASHER)
    assert accounts.authenticate(store, "a@example.org", PASSWORD) == member.id
    [row] = store.read("accounts/get_login", email="a@example.org")
    assert "m=1024" in row["password_hash"]


def test_a_session_stores_only_the_hash_of_its_id(store):
    member = make_member(store)
    session_id = accounts.open_session(store, member.id)
    assert accounts.session_member(store, session_id).id == member.id
    [row] = store.read("accounts/list_sessions", member_id=member.id, limit=10)
    assert row["id_hash"] == accounts.token_hash(session_id) != session_id


def test_a_closed_session_no_longer_opens(store):
    member = make_member(store)
    session_id = accounts.open_session(store, member.id)
    assert accounts.close_session(store, session_id) is True
    assert accounts.session_member(store, session_id) is None
    assert accounts.close_session(store, session_id) is False


def test_an_idle_or_old_session_has_expired(store):
    member = make_member(store)
    session_id = accounts.open_session(store, member.id)
    assert accounts.session_member(store, session_id, idle_days=-1, max_days=90) is None
    assert accounts.session_member(store, session_id, idle_days=14, max_days=-1) is None
    assert accounts.session_member(store, "made-up") is None


def test_changing_the_password_ends_every_other_session(store):
    member = make_member(store)
    here = accounts.open_session(store, member.id)
    elsewhere = [accounts.open_session(store, member.id) for _ in range(2)]
    other_member = make_member(store, first_name="Lou")
    theirs = accounts.open_session(store, other_member.id)

    assert accounts.change_password(store, member.id, PASSWORD, "a brand new secret", here) == 2
    assert accounts.session_member(store, here).id == member.id
    assert all(accounts.session_member(store, s) is None for s in elsewhere)
    assert accounts.session_member(store, theirs).id == other_member.id
    assert accounts.authenticate(store, member.email, "a brand new secret") == member.id
    with pytest.raises(Invalid):
        accounts.authenticate(store, member.email, PASSWORD)


def test_a_wrong_current_password_changes_nothing(store):
    member = make_member(store)
    here = accounts.open_session(store, member.id)
    other = accounts.open_session(store, member.id)
    with pytest.raises(Invalid, match="actuel"):
        accounts.change_password(store, member.id, "not my password", "a brand new secret", here)
    with pytest.raises(Invalid, match="10 caractères"):
        accounts.change_password(store, member.id, PASSWORD, "short", here)
    assert accounts.session_member(store, other) is not None
    assert accounts.authenticate(store, member.email, PASSWORD) == member.id


def test_closing_other_sessions_keeps_this_one(store):
    member = make_member(store)
    here = accounts.open_session(store, member.id)
    other = accounts.open_session(store, member.id)
    assert accounts.close_other_sessions(store, member.id, here) == 1
    assert accounts.session_member(store, here) is not None
    assert accounts.session_member(store, other) is None


def pending_member(store):
    member = make_member(store, email="pending@example.org")
    store.write("members/mark_pending", member_id=member.id)
    return member, accounts.new_activation(store, member.id)


def test_activation_sets_the_password_and_opens_a_session(store):
    member, token = pending_member(store)
    found = accounts.pending_activation(store, token)
    assert (found.member_id, found.email) == (member.id, "pending@example.org")
    member_id, session_id = accounts.activate(store, token, "my own password", "members", True)
    assert member_id == member.id
    [row] = store.read("members/get_profile", viewer_id=member.id, member_id=member.id)
    assert (row["visibility"], row["visible_to_sympathisants"]) == ("members", True)
    assert accounts.session_member(store, session_id).id == member.id
    assert accounts.authenticate(store, "pending@example.org", "my own password") == member.id


def test_an_activation_token_works_once(store):
    _, token = pending_member(store)
    accounts.activate(store, token, "my own password")
    with pytest.raises(NotFound, match="inconnu ou expiré"):
        accounts.pending_activation(store, token)
    with pytest.raises(NotFound):
        accounts.activate(store, token, "another password")


def test_an_expired_or_unknown_token_is_refused(store):
    member = make_member(store)
    store.write("members/mark_pending", member_id=member.id)
    token = accounts.new_activation(store, member.id, days=-1)
    for bad in (token, "made-up-token", "x" * 1000):
        with pytest.raises(NotFound, match="inconnu ou expiré"):
            accounts.pending_activation(store, bad)
    with pytest.raises(NotFound):
        accounts.activate(store, token, "my own password")
    with pytest.raises(Invalid):
        accounts.authenticate(store, member.email, "my own password")


def test_activation_with_a_short_password_changes_nothing(store):
    member, token = pending_member(store)
    with pytest.raises(Invalid, match="10 caractères"):
        accounts.activate(store, token, "short")
    with pytest.raises(Invalid, match="visibilité"):
        accounts.activate(store, token, "long enough password", "everyone")
    assert accounts.pending_activation(store, token).member_id == member.id


def test_an_active_account_gets_no_activation_token(store):
    member = make_member(store)
    with pytest.raises(NotFound):
        accounts.new_activation(store, member.id)


def test_using_a_session_records_when_it_was_last_seen(store):
    member = make_member(store)
    session_id = accounts.open_session(store, member.id)
    [before] = store.read("accounts/list_sessions", member_id=member.id, limit=10)
    time.sleep(0.01)
    accounts.session_member(store, session_id)  # within a minute: no write
    assert store.read("accounts/list_sessions", member_id=member.id, limit=10)[0] == before
    accounts.session_member(store, session_id, touch_after_ms=0)
    [after] = store.read("accounts/list_sessions", member_id=member.id, limit=10)
    assert after["last_seen_at"] > before["last_seen_at"]


def test_opening_a_session_deletes_the_members_expired_ones(store):
    member = make_member(store)
    other = make_member(store, first_name="Lou")
    stale = accounts.open_session(store, member.id)
    theirs = accounts.open_session(store, other.id)
    time.sleep(0.01)
    fresh = accounts.open_session(store, member.id, idle_days=0)  # everything older than now has expired
    assert accounts.count_sessions(store, member.id) == 1
    assert accounts.session_member(store, fresh) is not None and accounts.session_member(store, stale) is None
    assert accounts.session_member(store, theirs) is not None  # only this member's
