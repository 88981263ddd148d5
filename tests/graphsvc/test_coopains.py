"""The coopain lifecycle on every backend: requests, accepts, declines,
cancels, removals and blocks, each safe to repeat, each refused with a clear
error and an unchanged graph when it breaks a rule."""

from __future__ import annotations

import threading

import pytest

from graphsvc import coopains, members, navigation
from graphsvc.errors import Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section


@pytest.fixture
def people(store):
    make_section(store)
    made = {name: make_member(store, first_name=name.capitalize(), last_name=last, visibility="members")
            for name, last in (("alice", "Arnaud"), ("bruno", "Bernard"), ("chloe", "Chevalier"), ("david", "Dubois"))}
    return store, {name: m.id for name, m in made.items()}


def state(store, a, b):
    return coopains.status(store, a, b)


def test_request_then_accept_makes_one_coopain_link_seen_from_both_sides(people):
    store, p = people
    out = coopains.request(store, p["alice"], p["bruno"], "Bonjour, on s'est vus à la fête de la rose !")
    assert out == coopains.Outcome("requested_by_me", True)
    assert state(store, p["bruno"], p["alice"]) == "requested_by_them"
    [received] = coopains.requests_received(store, p["bruno"]).items
    assert received.id == p["alice"] and received.message.startswith("Bonjour")
    assert coopains.requests_sent(store, p["alice"]).items[0].id == p["bruno"]

    assert coopains.accept(store, p["bruno"], p["alice"]) == coopains.Outcome("coopains", True)
    assert state(store, p["alice"], p["bruno"]) == state(store, p["bruno"], p["alice"]) == "coopains"
    assert [c.id for c in coopains.list_coopains(store, p["alice"]).items] == [p["bruno"]]
    assert [c.id for c in coopains.list_coopains(store, p["bruno"]).items] == [p["alice"]]
    assert coopains.count(store, p["alice"]) == coopains.Counts(1, 0, 0)
    assert coopains.requests_received(store, p["bruno"]).total == 0


def test_every_operation_is_safe_to_repeat(people):
    store, p = people
    coopains.request(store, p["alice"], p["bruno"])
    assert coopains.request(store, p["alice"], p["bruno"]) == coopains.Outcome("requested_by_me", False)
    assert coopains.count(store, p["bruno"]).received == 1
    coopains.accept(store, p["bruno"], p["alice"])
    assert coopains.accept(store, p["bruno"], p["alice"]) == coopains.Outcome("coopains", False)
    assert coopains.request(store, p["alice"], p["bruno"]) == coopains.Outcome("coopains", False)
    assert coopains.count(store, p["alice"]).coopains == 1
    assert coopains.remove(store, p["alice"], p["bruno"]) == coopains.Outcome("none", True)
    assert coopains.remove(store, p["alice"], p["bruno"]) == coopains.Outcome("none", False)
    assert coopains.block(store, p["alice"], p["bruno"]) == coopains.Outcome("blocked_by_me", True)
    assert coopains.block(store, p["alice"], p["bruno"]) == coopains.Outcome("blocked_by_me", False)
    assert coopains.unblock(store, p["alice"], p["bruno"]) == coopains.Outcome("none", True)
    assert coopains.unblock(store, p["alice"], p["bruno"]) == coopains.Outcome("none", False)
    assert coopains.count(store, p["alice"]) == coopains.Counts(0, 0, 0)


def test_decline_and_cancel_remove_the_request_and_allow_asking_again(people):
    store, p = people
    coopains.request(store, p["alice"], p["bruno"])
    assert coopains.decline(store, p["bruno"], p["alice"]) == coopains.Outcome("none", True)
    assert coopains.decline(store, p["bruno"], p["alice"]).changed is False
    assert state(store, p["alice"], p["bruno"]) == "none"
    coopains.request(store, p["alice"], p["bruno"])
    assert coopains.cancel(store, p["alice"], p["bruno"]) == coopains.Outcome("none", True)
    assert coopains.count(store, p["bruno"]).received == 0


def test_a_request_to_someone_who_already_asked_you_accepts_theirs(people):
    store, p = people
    coopains.request(store, p["alice"], p["bruno"])
    assert coopains.request(store, p["bruno"], p["alice"]) == coopains.Outcome("coopains", True)
    assert coopains.count(store, p["alice"]) == coopains.Counts(1, 0, 0)
    assert coopains.count(store, p["bruno"]) == coopains.Counts(1, 0, 0)


def test_two_accepts_of_mutual_requests_at_the_same_moment_leave_one_link(people):
    store, p = people
    a, b = p["alice"], p["bruno"]
    # Both requests pending at once (as two simultaneous requests could leave them).
    store.write("coopains/request", actor_id=a, other_id=b, message=None, now=1)
    store.write("coopains/request", actor_id=b, other_id=a, message=None, now=2)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def accept(actor, other):
        try:
            barrier.wait()
            low, high = sorted((actor, other))
            results.append(store.write("coopains/accept", actor_id=actor, other_id=other, low_id=low, high_id=high, now=3))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=accept, args=pair) for pair in ((a, b), (b, a))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert coopains.count(store, a) == coopains.Counts(1, 0, 0)
    assert coopains.count(store, b) == coopains.Counts(1, 0, 0)
    assert coopains.list_coopains(store, a).total == 1


def test_nobody_requests_themselves(people):
    store, p = people
    with pytest.raises(Invalid, match="propre coopain"):
        coopains.request(store, p["alice"], p["alice"])
    assert coopains.count(store, p["alice"]) == coopains.Counts(0, 0, 0)


@pytest.mark.parametrize("bad", ["", "nobody", "x" * 101, "a\nb", " padded", None, 42])
def test_unknown_or_hostile_ids_are_not_found_and_nothing_is_written(people, bad):
    store, p = people
    for operation in (coopains.request, coopains.accept, coopains.block, coopains.remove):
        with pytest.raises(NotFound):
            operation(store, p["alice"], bad)
        with pytest.raises(NotFound):
            operation(store, bad, p["alice"])
    assert coopains.count(store, p["alice"]) == coopains.Counts(0, 0, 0)


@pytest.mark.parametrize("message, error", [
    ("x" * 501, "500 caractères"),
    ("bonjour\x00", "contrôle"),
    ("salut \u202egnp.exe", "contrôle"),
    ("\x1b[31mrouge", "contrôle"),
])
def test_hostile_messages_are_refused_and_nothing_is_written(people, message, error):
    store, p = people
    with pytest.raises(Invalid, match=error):
        coopains.request(store, p["alice"], p["bruno"], message)
    assert state(store, p["alice"], p["bruno"]) == "none"


def test_a_message_keeps_its_line_breaks_and_an_empty_one_is_none(people):
    store, p = people
    coopains.request(store, p["alice"], p["bruno"], "  Bonjour,\r\nà bientôt  ")
    coopains.request(store, p["chloe"], p["bruno"], "   ")
    messages = {r.id: r.message for r in coopains.requests_received(store, p["bruno"]).items}
    assert messages == {p["alice"]: "Bonjour,\nà bientôt", p["chloe"]: None}


def test_block_removes_the_link_and_requests_both_ways_and_refuses_new_requests(people):
    store, p = people
    a, b = p["alice"], p["bruno"]
    coopains.request(store, a, b)
    coopains.accept(store, b, a)
    store.write("coopains/request", actor_id=b, other_id=a, message=None, now=5)  # a stray one
    coopains.block(store, a, b)
    assert coopains.count(store, a) == coopains.Counts(0, 0, 0)
    assert coopains.count(store, b) == coopains.Counts(0, 0, 0)
    assert state(store, a, b) == "blocked_by_me" and state(store, b, a) == "blocked_by_them"
    assert [x.id for x in coopains.blocked(store, a)] == [b] and coopains.blocked(store, b) == ()
    with pytest.raises(Forbidden, match="débloquez"):
        coopains.request(store, a, b)
    with pytest.raises(Forbidden):
        coopains.request(store, b, a)
    assert coopains.count(store, b).sent == 0
    # Lifting one's own block does not lift the other's.
    coopains.block(store, b, a)
    coopains.unblock(store, a, b)
    assert state(store, a, b) == "blocked_by_them"
    coopains.unblock(store, b, a)
    assert coopains.request(store, a, b).changed


def test_an_accept_without_a_request_is_not_found(people):
    store, p = people
    with pytest.raises(NotFound, match="aucune demande"):
        coopains.accept(store, p["alice"], p["bruno"])
    coopains.request(store, p["alice"], p["bruno"])
    with pytest.raises(NotFound):
        coopains.accept(store, p["alice"], p["bruno"])  # one's own request
    assert state(store, p["alice"], p["bruno"]) == "requested_by_me"


def test_a_request_needs_a_profile_the_actor_may_see(store):
    make_section(store, "sec-69381", "Lyon 1er", "69", "Rhône", ("69381",), ("69001",))
    make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    hidden = make_member(store, "sec-69381", visibility="section")
    parisian = make_member(store, "sec-75101", visibility="members")
    with pytest.raises(NotFound):
        coopains.request(store, parisian.id, hidden.id)
    assert coopains.count(store, hidden.id).received == 0
    # They may still ask the parisian, who does not see them but may accept.
    coopains.request(store, hidden.id, parisian.id)
    assert coopains.accept(store, parisian.id, hidden.id).changed


def test_lists_are_paginated_by_name_and_bounded(people):
    store, p = people
    for name in ("david", "chloe", "bruno"):
        coopains.request(store, p[name], p["alice"])
        coopains.accept(store, p["alice"], p[name])
    first = coopains.list_coopains(store, p["alice"], limit=2)
    second = coopains.list_coopains(store, p["alice"], limit=2, offset=2)
    assert [c.display_name for c in first.items + second.items] == ["Bruno Bernard", "Chloe Chevalier", "David Dubois"]
    assert first.total == 3
    with pytest.raises(Invalid):
        coopains.list_coopains(store, p["alice"], limit=0)
    with pytest.raises(Invalid):
        coopains.requests_sent(store, p["alice"], limit=10, offset=-1)


def test_common_coopains_give_the_total_and_the_first_names(people):
    store, p = people
    for a, b in (("alice", "chloe"), ("alice", "david"), ("bruno", "chloe"), ("bruno", "david")):
        coopains.request(store, p[a], p[b])
        coopains.accept(store, p[b], p[a])
    shared = coopains.common(store, p["alice"], p["bruno"], limit=1)
    assert shared.total == 2
    assert [x.display_name for x in shared.people] == ["Chloe Chevalier"]
    assert coopains.common(store, p["alice"], p["bruno"]).total == 2
    assert coopains.common(store, p["alice"], p["alice"]).total == 0
    assert coopains.common(store, p["chloe"], p["david"], limit=3).total == 2


def test_blocked_members_do_not_see_each_other_in_profiles_or_sections(store):
    make_section(store)
    a = make_member(store, visibility="members", last_name="Arnaud")
    b = make_member(store, visibility="members", last_name="Bernard")
    assert members.can_see(store, a.id, b.id)
    coopains.block(store, b.id, a.id)
    assert not members.can_see(store, a.id, b.id)
    assert not members.can_see(store, b.id, a.id)
    assert members.can_see(store, a.id, a.id)
    listing = navigation.section_members(store, a.id, a.section_id)
    assert [m.id for m in listing.members] == [a.id] and listing.visible == 1
    coopains.unblock(store, b.id, a.id)
    assert members.can_see(store, a.id, b.id)
    assert navigation.section_members(store, a.id, a.section_id).visible == 2
