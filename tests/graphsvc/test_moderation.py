"""Moderation on every backend, as a matrix of roles × actions: who may hide a
post or a comment of a section, show it again and read the section's log; a
hidden item disappears for members and stays, marked, for its author and the
moderators; every refusal leaves the graph unchanged."""

from __future__ import annotations

import time

import pytest

from graphsvc import admins, comments, moderation, posts
from graphsvc.errors import Conflict, Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section

ROLES = ("admin", "coordinator", "other_coordinator", "manager", "other_manager", "author", "member", "sympathisant")
# Who moderates the section sec-69384 (Lyon 4e, federation 69).
MODERATORS = {"admin", "coordinator", "manager"}


@pytest.fixture
def world(store):
    make_section(store, "sec-69266", "Villeurbanne", "69", "Rhône")
    make_section(store, "sec-69384", "Lyon 4e", "69", "Rhône")
    make_section(store, "sec-13201", "Marseille 1er", "13", "Bouches-du-Rhône")

    def person(first, section, **kw):
        return make_member(store, section, first_name=first, last_name="Test", visibility="members", **kw).id

    p = {
        "admin": person("Ada", "sec-69266"),
        "coordinator": person("Colette", "sec-69266"),
        "other_coordinator": person("Octave", "sec-13201"),
        "manager": person("Manon", "sec-69384"),
        "other_manager": person("Mathis", "sec-69266"),
        "author": person("Aurore", "sec-69384"),
        "member": person("Maya", "sec-69384"),
        "sympathisant": person("Sacha", "sec-69384", membership="sympathisant"),
    }
    admins.bootstrap(store, p["admin"], "national", "national")
    admins.bootstrap(store, p["coordinator"], "federation", "fed-69")
    admins.bootstrap(store, p["other_coordinator"], "federation", "fed-13")
    admins.bootstrap(store, p["manager"], "section", "sec-69384")
    admins.bootstrap(store, p["other_manager"], "section", "sec-69266")
    post = posts.create(store, p["author"], "sec-69384", "Un texte à modérer peut-être")
    comment = comments.add(store, p["author"], post.id, "Un commentaire à modérer peut-être").comment
    return store, p, post.id, comment.id


def outcome(call) -> str:
    try:
        call()
    except Forbidden:
        return "forbidden"
    return "done"


def expected(allowed: set[str]) -> dict[str, str]:
    return {role: "done" if role in allowed else "forbidden" for role in ROLES}


@pytest.mark.parametrize("kind", ["post", "comment"])
def test_matrix_hide(world, kind):
    store, p, post_id, comment_id = world
    target = post_id if kind == "post" else comment_id
    seen = {}
    for role in ROLES:
        seen[role] = outcome(lambda: moderation.hide(store, p[role], target, f"Hors charte ({role})"))
        if seen[role] == "done":
            assert moderation.target(store, target).hidden_reason == f"Hors charte ({role})"
            moderation.unhide(store, p["admin"], target, "Remise en ligne pour le test")
        assert not moderation.target(store, target).hidden
    assert seen == expected(MODERATORS)


@pytest.mark.parametrize("kind", ["post", "comment"])
def test_matrix_unhide(world, kind):
    store, p, post_id, comment_id = world
    target = post_id if kind == "post" else comment_id
    seen = {}
    for role in ROLES:
        moderation.hide(store, p["admin"], target, "Masqué pour le test")
        seen[role] = outcome(lambda: moderation.unhide(store, p[role], target, "Erreur de modération"))
        assert moderation.target(store, target).hidden == (seen[role] != "done")
        if seen[role] != "done":
            moderation.unhide(store, p["admin"], target, "Remise en ligne pour le test")
    assert seen == expected(MODERATORS)


def test_matrix_read_the_log(world):
    store, p, post_id, _ = world
    moderation.hide(store, p["manager"], post_id, "Propos injurieux")
    seen = {}
    for role in ROLES:
        def read():
            [entry] = moderation.read_log(store, p[role], "sec-69384").items
            assert (entry.action, entry.reason, entry.target_id, entry.moderator_id) == (
                "hide", "Propos injurieux", post_id, p["manager"])
        seen[role] = outcome(read)
    assert seen == expected(MODERATORS)
    # Each animator reads their own unit's log, which includes what is below it.
    assert len(moderation.read_log(store, p["coordinator"], "fed-69").items) == 1
    assert len(moderation.read_log(store, p["admin"], "national").items) == 1
    assert moderation.read_log(store, p["other_coordinator"], "fed-13").items == ()
    assert moderation.read_log(store, p["other_manager"], "sec-69266").items == ()


def test_an_author_may_not_show_again_what_was_hidden(world):
    store, p, post_id, _ = world
    moderation.hide(store, p["manager"], post_id, "Hors sujet")
    with pytest.raises(Forbidden, match="seule la modération"):
        moderation.unhide(store, p["author"], post_id, "Je ne suis pas d'accord")
    assert moderation.target(store, post_id).hidden


def test_hidden_content_disappears_for_members_and_stays_marked_for_author_and_moderators(world):
    store, p, post_id, comment_id = world
    moderation.hide(store, p["coordinator"], comment_id, "Attaque personnelle")
    for role in ("author", "manager", "coordinator", "admin"):
        thread = comments.thread(store, p[role], post_id)
        [shown] = thread.items
        assert shown.hidden and shown.hidden_reason == "Attaque personnelle"
    assert comments.thread(store, p["member"], post_id).items == ()
    assert comments.counts(store, [post_id]) == {post_id: 0}
    with pytest.raises(NotFound):
        comments.get(store, p["member"], comment_id)

    moderation.hide(store, p["manager"], post_id, "Fausse information")
    assert posts.get(store, p["author"], post_id).hidden
    assert posts.get(store, p["manager"], post_id).hidden
    for role in ("member", "sympathisant", "other_manager"):
        with pytest.raises(NotFound):
            posts.get(store, p[role], post_id)
        with pytest.raises(NotFound):
            comments.thread(store, p[role], post_id)


def test_the_log_is_newest_first_with_a_cursor(world):
    store, p, post_id, comment_id = world
    for action, target, reason in ((moderation.hide, post_id, "Un."), (moderation.unhide, post_id, "Deux."),
                                   (moderation.hide, comment_id, "Trois.")):
        action(store, p["manager"], target, reason)
        time.sleep(0.002)  # distinct milliseconds: the order under test is by time
    first = moderation.read_log(store, p["manager"], "sec-69384", limit=2)
    second = moderation.read_log(store, p["manager"], "sec-69384", limit=2, cursor=first.next_cursor)
    assert [e.reason for e in first.items + second.items] == ["Trois.", "Deux.", "Un."]
    assert [e.action for e in first.items + second.items] == ["hide", "unhide", "hide"]
    assert second.next_cursor is None
    assert first.items[0].excerpt == "Un commentaire à modérer peut-être"
    assert first.items[0].author_name == "Aurore Test" and first.items[0].target_kind == "comment"


def test_bad_moderation_is_refused_and_nothing_is_logged(world):
    store, p, post_id, _ = world
    with pytest.raises(Invalid, match="motif"):
        moderation.hide(store, p["manager"], post_id, "  ")
    with pytest.raises(Invalid, match="500 caractères"):
        moderation.hide(store, p["manager"], post_id, "x" * 501)
    with pytest.raises(NotFound):
        moderation.hide(store, p["manager"], "no-such-thing", "Hors charte")
    with pytest.raises(Conflict, match="déjà visible"):
        moderation.unhide(store, p["manager"], post_id, "Rien à faire")
    moderation.hide(store, p["manager"], post_id, "<script>alert(1)</script>")
    with pytest.raises(Conflict, match="déjà masqué"):
        moderation.hide(store, p["admin"], post_id, "Encore")
    [entry] = moderation.read_log(store, p["admin"], "national").items
    assert entry.reason == "<script>alert(1)</script>"
    with pytest.raises(Forbidden):
        moderation.read_log(store, p["member"], "national")
    with pytest.raises(Invalid):
        moderation.read_log(store, p["admin"], "national", cursor="nope")
