"""Notifications on every backend: one per recipient except the actor, newest
first with a cursor, an unread count, marking read only one's own."""

from __future__ import annotations

import pytest

from graphsvc import coopains, notifications
from graphsvc.errors import Invalid, NotFound
from tests.fixtures.web import make_member, make_section


@pytest.fixture
def people(store):
    make_section(store)
    made = {name: make_member(store, first_name=name.capitalize(), last_name="Test", visibility="members")
            for name in ("alice", "bruno", "chloe")}
    return store, {name: m.id for name, m in made.items()}


def test_notify_creates_one_per_recipient_except_the_actor_with_the_actors_name(people):
    store, p = people
    created = notifications.notify(store, [p["bruno"], p["chloe"], p["alice"], p["bruno"]], "comment",
                                   actor_id=p["alice"], subject_id="post-1", subject_title="Marché de dimanche",
                                   url="/publications/post-1")
    assert created == 2
    assert notifications.unread_count(store, p["alice"]) == 0
    [n] = notifications.list_notifications(store, p["bruno"]).items
    assert (n.kind, n.actor_id, n.actor_name, n.subject_id, n.subject_title, n.url, n.read) == (
        "comment", p["alice"], "Alice Test", "post-1", "Marché de dimanche", "/publications/post-1", False)
    assert notifications.unread_count(store, p["chloe"]) == 1


def test_notify_without_actor_and_to_unknown_members(people):
    store, p = people
    assert notifications.notify(store, [p["alice"], "nobody"], "contact_found") == 1
    [n] = notifications.list_notifications(store, p["alice"]).items
    assert n.actor_id is None and n.actor_name is None and n.subject_id is None and n.url == ""
    assert notifications.notify(store, [], "comment") == 0


def test_a_member_who_blocked_the_actor_is_not_notified(people):
    store, p = people
    coopains.block(store, p["bruno"], p["alice"])
    assert notifications.notify(store, [p["bruno"], p["chloe"]], "comment", actor_id=p["alice"]) == 1
    assert notifications.unread_count(store, p["bruno"]) == 0


def test_bad_notifications_are_refused_and_nothing_is_stored(people):
    store, p = people
    with pytest.raises(Invalid, match="type de notification inconnu"):
        notifications.notify(store, [p["bruno"]], "spam")
    with pytest.raises(Invalid, match="chemin du site"):
        notifications.notify(store, [p["bruno"]], "comment", url="https://evil.example/")
    with pytest.raises(Invalid, match="chemin du site"):
        notifications.notify(store, [p["bruno"]], "comment", url="//evil.example/")
    assert notifications.unread_count(store, p["bruno"]) == 0


def test_long_titles_are_shortened_and_hostile_strings_kept_as_text(people):
    store, p = people
    notifications.notify(store, [p["bruno"]], "event_created", actor_id=p["alice"],
                         subject_title="<script>alert(1)</script> " + "x" * 300)
    [n] = notifications.list_notifications(store, p["bruno"]).items
    assert n.subject_title.startswith("<script>alert(1)</script> xx")
    assert len(n.subject_title) == notifications.MAX_TITLE and n.subject_title.endswith("…")


def test_the_list_is_newest_first_and_pages_with_a_cursor(people):
    store, p = people
    for i in range(7):
        notifications.notify(store, [p["bruno"]], "comment", actor_id=p["alice"], subject_title=f"n{i}")
    first = notifications.list_notifications(store, p["bruno"], limit=3)
    second = notifications.list_notifications(store, p["bruno"], limit=3, cursor=first.next_cursor)
    third = notifications.list_notifications(store, p["bruno"], limit=3, cursor=second.next_cursor)
    seen = [n for page in (first, second, third) for n in page.items]
    assert len(seen) == 7 and len({n.id for n in seen}) == 7
    assert [(n.at, n.id) for n in seen] == sorted(((n.at, n.id) for n in seen), reverse=True)
    assert third.next_cursor is None
    with pytest.raises(Invalid):
        notifications.list_notifications(store, p["bruno"], cursor="abc")
    with pytest.raises(Invalid):
        notifications.list_notifications(store, p["bruno"], limit=0)


def test_marking_read_one_then_all(people):
    store, p = people
    for _ in range(3):
        notifications.notify(store, [p["bruno"]], "comment", actor_id=p["alice"])
    items = notifications.list_notifications(store, p["bruno"]).items
    assert notifications.mark_read(store, p["bruno"], [items[0].id]) == 1
    assert notifications.mark_read(store, p["bruno"], [items[0].id]) == 0
    assert notifications.unread_count(store, p["bruno"]) == 2
    first_read = notifications.list_notifications(store, p["bruno"]).items[0].read_at
    assert notifications.mark_read(store, p["bruno"], "all") == 2
    assert notifications.unread_count(store, p["bruno"]) == 0
    assert notifications.list_notifications(store, p["bruno"]).items[0].read_at == first_read


def test_marking_someone_elses_notification_is_refused_and_marks_nothing(people):
    store, p = people
    notifications.notify(store, [p["bruno"], p["chloe"]], "comment", actor_id=p["alice"])
    [mine] = notifications.list_notifications(store, p["bruno"]).items
    [theirs] = notifications.list_notifications(store, p["chloe"]).items
    with pytest.raises(NotFound, match="notification introuvable"):
        notifications.mark_read(store, p["bruno"], [mine.id, theirs.id])
    with pytest.raises(NotFound):
        notifications.mark_read(store, p["bruno"], ["does-not-exist"])
    with pytest.raises(Invalid):
        notifications.mark_read(store, p["bruno"], "everything")
    assert notifications.unread_count(store, p["bruno"]) == 1
    assert notifications.unread_count(store, p["chloe"]) == 1


def test_a_coopain_request_notifies_the_other_and_an_acceptance_the_requester(people):
    store, p = people
    coopains.request(store, p["alice"], p["bruno"])
    [asked] = notifications.list_notifications(store, p["bruno"]).items
    assert (asked.kind, asked.actor_id, asked.url) == ("coopain_request", p["alice"], "/coopains/demandes")
    coopains.request(store, p["alice"], p["bruno"])  # asking again tells nobody again
    coopains.accept(store, p["bruno"], p["alice"])
    [accepted] = notifications.list_notifications(store, p["alice"]).items
    assert (accepted.kind, accepted.actor_name, accepted.url) == ("coopain_accepted", "Bruno Test", f"/membres/{p['bruno']}")
    assert notifications.unread_count(store, p["bruno"]) == 1


def test_the_unread_count_stops_at_its_cap(people, monkeypatch):
    store, p = people
    monkeypatch.setattr(notifications, "UNREAD_CAP", 3)
    for _ in range(5):
        notifications.notify(store, [p["bruno"]], "comment", actor_id=p["alice"])
    assert notifications.unread_count(store, p["bruno"]) == 3
    assert len(notifications.list_notifications(store, p["bruno"]).items) == 5


def test_purge_deletes_the_notifications_older_than_the_retention(people, monkeypatch):
    from graphsvc import accounts

    store, p = people
    now = accounts.now_ms()
    monkeypatch.setattr(accounts, "now_ms", lambda: now - 200 * 24 * 3600 * 1000)
    notifications.notify(store, [p["bruno"], p["chloe"]], "comment", actor_id=p["alice"], subject_title="ancienne")
    monkeypatch.setattr(accounts, "now_ms", lambda: now)
    notifications.notify(store, [p["bruno"]], "comment", actor_id=p["alice"], subject_title="récente")
    assert notifications.purge(store, 120) == 2
    assert [n.subject_title for n in notifications.list_notifications(store, p["bruno"]).items] == ["récente"]
    assert notifications.purge(store, 120) == 0
    with pytest.raises(Invalid):
        notifications.purge(store, 0)
