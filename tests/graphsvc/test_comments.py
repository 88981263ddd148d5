"""Comments and followed conversations on every backend: commenting follows the
conversation and notifies the other followers in the same statement; authors
edit and delete their own; bad input is refused with an unchanged graph."""

from __future__ import annotations

import time

import pytest

from graphsvc import accounts, admins, comments, coopains, events, feed, moderation, mydata, notifications, posts, querylib
from graphsvc.errors import Conflict, Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section

HOUR = 3600 * 1000


@pytest.fixture
def world(store):
    make_section(store, "sec-69384", "Lyon 4e", "69", "Rhône")
    make_section(store, "sec-13201", "Marseille 1er", "13", "Bouches-du-Rhône")
    p = {name: make_member(store, section, first_name=name.capitalize(), last_name="Test", visibility="members").id
         for name, section in (("alice", "sec-69384"), ("bruno", "sec-69384"), ("chloe", "sec-69384"),
                               ("marc", "sec-13201"))}
    post = posts.create(store, p["alice"], "sec-69384", "Tractage dimanche au marché, qui vient ?")
    return store, p, post.id


def unread(store, member_id) -> list[notifications.Notification]:
    return [n for n in notifications.list_notifications(store, member_id).items if not n.read]


def test_posting_follows_and_a_comment_notifies_the_author_of_the_post(world):
    store, p, post_id = world
    assert notifications.is_following(store, p["alice"], post_id)
    added = comments.add(store, p["bruno"], post_id, "Je viens, avec des tracts !", url=f"/publications/{post_id}")
    assert added.notified == 1
    assert (added.comment.text, added.comment.author_id, added.comment.author_name) == (
        "Je viens, avec des tracts !", p["bruno"], "Bruno Test")
    [note] = unread(store, p["alice"])
    assert (note.kind, note.actor_id, note.actor_name, note.subject_id, note.url) == (
        "comment", p["bruno"], "Bruno Test", post_id, f"/publications/{post_id}")
    assert note.subject_title.startswith("Tractage dimanche")
    assert unread(store, p["bruno"]) == []  # not told about one's own comment
    assert notifications.is_following(store, p["bruno"], post_id)


def test_a_comment_notifies_every_follower_except_its_author_and_those_who_blocked_them(world):
    store, p, post_id = world
    comments.add(store, p["bruno"], post_id, "Présent.")
    notifications.follow(store, p["chloe"], post_id, auto=False)
    coopains.block(store, p["chloe"], p["bruno"])
    added = comments.add(store, p["bruno"], post_id, "Rendez-vous à 9 h.")
    assert added.notified == 1  # alice only: chloe blocked bruno, bruno wrote it
    assert len(unread(store, p["alice"])) == 2 and unread(store, p["chloe"]) == []
    comments.add(store, p["alice"], post_id, "Merci !")
    assert [n.actor_id for n in unread(store, p["bruno"])] == [p["alice"]]
    assert [n.actor_id for n in unread(store, p["chloe"])] == [p["alice"]]


def test_following_by_hand_and_unfollowing(world):
    store, p, post_id = world
    assert not notifications.is_following(store, p["chloe"], post_id)
    notifications.follow(store, p["chloe"], post_id, auto=False)
    notifications.follow(store, p["chloe"], post_id, auto=True)  # a later automatic follow changes nothing
    assert notifications.is_following(store, p["chloe"], post_id)
    assert notifications.unfollow(store, p["alice"], post_id) is True
    assert notifications.unfollow(store, p["alice"], post_id) is False
    comments.add(store, p["bruno"], post_id, "Qui apporte le café ?")
    assert unread(store, p["alice"]) == [] and len(unread(store, p["chloe"])) == 1
    with pytest.raises(NotFound):
        notifications.follow(store, p["chloe"], "no-such-post")


def test_comments_on_an_event_follow_and_notify_its_organiser(world):
    store, p, _ = world
    from graphsvc import admins

    admins.bootstrap(store, p["alice"], "section", "sec-69384")
    now = accounts.now_ms()
    event = events.create(store, p["alice"], "sec-69384",
                          events.EventInput(title="Réunion de section", starts_at=now + 24 * HOUR,
                                            ends_at=now + 26 * HOUR, place="Local de la section"))
    added = comments.add(store, p["marc"], event.id, "Je peux venir de Marseille ?")
    assert added.notified == 1
    assert [n.subject_title for n in unread(store, p["alice"]) if n.kind == "comment"] == ["Réunion de section"]
    assert [c.id for c in comments.thread(store, p["bruno"], event.id).items] == [added.comment.id]


def test_the_thread_is_oldest_first_and_pages_with_a_cursor(world):
    store, p, post_id = world
    made = []
    for i in range(5):
        made.append(comments.add(store, p["bruno" if i % 2 else "chloe"], post_id, f"message {i}").comment.id)
        time.sleep(0.002)  # distinct milliseconds: the order under test is by time
    first = comments.thread(store, p["alice"], post_id, limit=2)
    second = comments.thread(store, p["alice"], post_id, limit=2, cursor=first.next_cursor)
    third = comments.thread(store, p["alice"], post_id, limit=2, cursor=second.next_cursor)
    assert [c.id for c in first.items + second.items + third.items] == made
    assert third.next_cursor is None and not first.moderator
    assert comments.counts(store, [post_id, "unknown"]) == {post_id: 5, "unknown": 0}
    with pytest.raises(Invalid, match="curseur"):
        comments.thread(store, p["alice"], post_id, cursor="zz")


def test_authors_edit_and_delete_their_own_comments_only(world):
    store, p, post_id = world
    mine = comments.add(store, p["bruno"], post_id, "Premier jet").comment
    edited = comments.edit(store, p["bruno"], mine.id, "  Version corrigée  ")
    assert edited.text == "Version corrigée" and edited.edited_at is not None
    with pytest.raises(Forbidden, match="auteur"):
        comments.edit(store, p["alice"], mine.id, "pirate")
    with pytest.raises(Forbidden, match="auteur"):
        comments.delete(store, p["alice"], mine.id)
    assert comments.get(store, p["alice"], mine.id).text == "Version corrigée"
    assert comments.delete(store, p["bruno"], mine.id) is True
    with pytest.raises(NotFound):
        comments.delete(store, p["bruno"], mine.id)
    assert comments.thread(store, p["alice"], post_id).items == ()


def test_the_visible_comments_kept_on_posts_and_events_follow_every_change(world):
    store, p, post_id = world
    admins.bootstrap(store, p["alice"], "section", "sec-69384")  # alice moderates the section
    now = accounts.now_ms()
    event_id = events.create(store, p["alice"], "sec-69384",
                             events.EventInput(title="Réunion de section", starts_at=now + 24 * HOUR,
                                               ends_at=now + 26 * HOUR, place="Local")).id

    def kept():
        return comments.counts(store, [post_id, event_id])

    first = comments.add(store, p["bruno"], post_id, "Présent.").comment.id
    comments.add(store, p["bruno"], post_id, "Avec des tracts.")
    chloe = comments.add(store, p["chloe"], post_id, "Moi aussi.").comment.id
    comments.add(store, p["marc"], event_id, "Je peux venir ?")
    assert kept() == {post_id: 3, event_id: 1}
    assert posts.get(store, p["chloe"], post_id).comments == 3
    cards = {item.id: item.comments for item in feed.page(store, p["chloe"]).items}
    assert cards == {post_id: 3, event_id: 1}

    moderation.hide(store, p["alice"], chloe, "Hors sujet")
    assert kept()[post_id] == 2
    with pytest.raises(Conflict):
        moderation.hide(store, p["alice"], chloe, "Deux fois")
    assert kept()[post_id] == 2
    moderation.unhide(store, p["alice"], chloe, "Finalement, non")
    assert kept()[post_id] == 3
    moderation.hide(store, p["alice"], chloe, "Hors sujet")
    moderation.hide(store, p["alice"], post_id, "Le fil entier")  # a hidden post keeps its count
    assert kept()[post_id] == 2

    assert comments.delete(store, p["chloe"], chloe) is True  # hidden: not counted, nothing to take off
    assert kept()[post_id] == 2
    assert comments.delete(store, p["bruno"], first) is True
    assert kept()[post_id] == 1

    moderation.unhide(store, p["alice"], post_id, "Rétabli")
    comments.add(store, p["bruno"], post_id, "Encore moi.")
    hidden = comments.add(store, p["bruno"], post_id, "À cacher.").comment.id
    moderation.hide(store, p["alice"], hidden, "Insulte")
    assert kept() == {post_id: 2, event_id: 1}
    mydata.erase(store, p["bruno"], compact=False)  # two visible comments and a hidden one
    assert kept() == {post_id: 0, event_id: 1}
    assert posts.get(store, p["chloe"], post_id).comments == 0


def test_recount_sets_the_counts_of_a_graph_written_before_they_were_kept(world):
    store, p, post_id = world
    other = posts.create(store, p["alice"], "sec-69384", "Rien à dire ?").id
    comments.add(store, p["bruno"], post_id, "Un.")
    comments.add(store, p["chloe"], post_id, "Deux.")
    admins.bootstrap(store, p["alice"], "section", "sec-69384")
    moderation.hide(store, p["alice"], comments.add(store, p["bruno"], post_id, "Trois.").comment.id, "Non")
    forget = querylib.Query("test/cypher", None, "write", frozenset(), (), "test",
                            "MATCH (s:Post) SET s.comment_count = null RETURN count(s) AS n", None)
    store._run(forget, {})
    assert comments.counts(store, [post_id, other]) == {post_id: 0, other: 0}
    assert comments.recount(store) == 1  # the one post with comments
    assert comments.counts(store, [post_id, other]) == {post_id: 2, other: 0}
    assert comments.recount(store) == 1
    assert comments.counts(store, [post_id, other]) == {post_id: 2, other: 0}


def test_hostile_strings_are_stored_as_plain_text(world):
    store, p, post_id = world
    hostile = "<script>alert('x')</script>\n\n\n\n<img src=x onerror=alert(1)> ' OR 1=1 -- }) RETURN 1"
    stored = comments.add(store, p["bruno"], post_id, hostile).comment
    assert stored.text == "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)> ' OR 1=1 -- }) RETURN 1"


@pytest.mark.parametrize("text, message", [
    ("", "vide"),
    ("   \n  ", "vide"),
    ("x" * (comments.MAX_TEXT + 1), "2000 caractères au plus"),
    ("x" * 100_000, "2000 caractères au plus"),
    ("bonjour\x07", "caractère de contrôle"),
    ("caché\u202e", "caractère de contrôle"),
    (None, "du texte"),
])
def test_bad_comments_are_refused_and_nothing_is_stored(world, text, message):
    store, p, post_id = world
    with pytest.raises(Invalid, match=message):
        comments.add(store, p["bruno"], post_id, text)
    assert comments.thread(store, p["alice"], post_id).items == ()
    assert unread(store, p["alice"]) == []
    assert not notifications.is_following(store, p["bruno"], post_id)


def test_commenting_on_an_unknown_unreadable_or_hidden_conversation_is_refused(world):
    store, p, post_id = world
    with pytest.raises(NotFound, match="introuvable"):
        comments.add(store, p["bruno"], "no-such-post", "Bonjour")
    # Marc is in another federation: the section's stream is not his to read.
    with pytest.raises(NotFound, match="introuvable"):
        comments.add(store, p["marc"], post_id, "Bonjour")
    comment = comments.add(store, p["bruno"], post_id, "Bonjour").comment
    with pytest.raises(NotFound):
        comments.add(store, p["bruno"], comment.id, "un commentaire n'est pas une conversation")
    from graphsvc import admins, moderation

    admins.bootstrap(store, p["chloe"], "section", "sec-69384")
    moderation.hide(store, p["chloe"], post_id, "Hors charte")
    with pytest.raises(Forbidden, match="masquée"):
        comments.add(store, p["alice"], post_id, "Mais pourquoi ?")
    with pytest.raises(NotFound):
        comments.add(store, p["bruno"], post_id, "Et moi ?")
    assert [c.id for c in comments.thread(store, p["alice"], post_id).items] == [comment.id]
