"""Posts on every backend: who may post where (a matrix), who may read, edit
and delete, links that become players, and bad input refused with a clear
message and an unchanged graph."""

from __future__ import annotations

import pytest

from graphsvc import admins, coopains, mydata, posts
from graphsvc.errors import Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def world(store):
    """Two sections of the Rhône federation, one in Paris; a national admin, a
    coordinator of the Rhône, a manager of Villeurbanne, members and a sympathiser."""
    villeurbanne = make_section(store)
    lyon = make_section(store, "sec-69381", "Lyon 1er", communes=("69381",), postcodes=("69001",))
    paris = make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    def make(section, **kw):
        return make_member(store, section, visibility="members", **kw)

    people = {
        "admin": make(paris, first_name="Ada", last_name="Admin"),
        "coordinator": make(lyon, first_name="Cora", last_name="Coord"),
        "other_coordinator": make(paris, first_name="Otto", last_name="Coord"),
        "manager": make(villeurbanne, first_name="Manon", last_name="Manager"),
        "other_manager": make(lyon, first_name="Max", last_name="Manager"),
        "member": make(villeurbanne, first_name="Marie", last_name="Membre"),
        "sympathiser": make(villeurbanne, first_name="Sam", last_name="Sympa", membership="sympathisant"),
        "neighbour": make(lyon, first_name="Nina", last_name="Voisine"),
        "parisian": make(paris, first_name="Paul", last_name="Parisien"),
    }
    ids = {name: m.id for name, m in people.items()}
    admins.bootstrap(store, ids["admin"], "national", "national")
    admins.bootstrap(store, ids["coordinator"], "federation", "fed-69")
    admins.bootstrap(store, ids["other_coordinator"], "federation", "fed-75")
    admins.bootstrap(store, ids["manager"], "section", villeurbanne)
    admins.bootstrap(store, ids["other_manager"], "section", lyon)
    return store, ids


def snapshot(store):
    """What the graph holds, to check that a refused operation wrote nothing."""
    labels = {r["label"]: r["count"] for r in store.read("admin/stats_labels")}
    types = {r["type"]: r["count"] for r in store.read("admin/stats_relationships")}
    return labels, types


# Who may post where: True allowed, False refused (Forbidden).
MATRIX = {
    #                      section (Villeurbanne), other section (Lyon), federation (Rhône), other federation, national
    "admin":              (True, True, True, True, True),
    "coordinator":        (True, True, True, False, False),
    "other_coordinator":  (False, False, False, True, False),
    "manager":            (True, False, True, False, False),
    "other_manager":      (False, True, True, False, False),
    "member":             (True, False, True, False, False),
    "sympathiser":        (True, False, False, False, False),
    "neighbour":          (False, True, True, False, False),
    "parisian":           (False, False, False, True, False),
}
PLACES = ("sec-69266", "sec-69381", "fed-69", "fed-75", "national")


@pytest.mark.parametrize("who", MATRIX)
def test_who_may_post_where_follows_the_party_rule(world, who):
    store, ids = world
    for place, allowed in zip(PLACES, MATRIX[who]):
        assert posts.may_post(store, ids[who], place) is allowed, (who, place)
        if allowed:
            post = posts.create(store, ids[who], place, f"Bonjour de {who}")
            assert (post.place_id, post.author_id, post.text) == (place, ids[who], f"Bonjour de {who}")
        else:
            before = snapshot(store)
            with pytest.raises(Forbidden):
                posts.create(store, ids[who], place, f"Bonjour de {who}")
            assert snapshot(store) == before


def test_a_post_keeps_its_text_and_link_and_its_author_follows_it(world):
    store, ids = world
    post = posts.create(store, ids["member"], "sec-69266", "Tractage samedi !\n\nRendez-vous 10 h.", YOUTUBE)
    assert post.text == "Tractage samedi !\n\nRendez-vous 10 h."
    assert post.link_url == YOUTUBE
    assert post.embed == posts.embeds.Embed("youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert (post.place_kind, post.place_name, post.unit_id) == ("section", "Villeurbanne", "sec-69266")
    assert (post.author_name, post.author_section, post.comments) == ("Marie Membre", "Villeurbanne", 0)
    assert post.created_at > 0 and post.edited_at is None and not post.hidden
    assert [f["type"] for f in store.read("admin/stats_relationships") if f["type"] == "FOLLOWS"] == ["FOLLOWS"]


def test_a_link_alone_is_a_post_and_a_plain_link_has_no_player(world):
    store, ids = world
    post = posts.create(store, ids["member"], "sec-69266", "", "https://www.parti.example/programme")
    assert (post.text, post.link_url, post.embed) == ("", "https://www.parti.example/programme", None)


def test_members_read_their_streams_and_their_coopains_posts_not_other_sections(world):
    store, ids = world
    lyon_post = posts.create(store, ids["neighbour"], "sec-69381", "À Lyon")
    assert posts.get(store, ids["neighbour"], lyon_post.id).id == lyon_post.id
    assert posts.get(store, ids["coordinator"], lyon_post.id).id == lyon_post.id  # animator above
    with pytest.raises(NotFound):
        posts.get(store, ids["member"], lyon_post.id)  # another section's stream
    coopains.request(store, ids["member"], ids["neighbour"])
    coopains.accept(store, ids["neighbour"], ids["member"])
    assert posts.get(store, ids["member"], lyon_post.id).author_name == "Nina Voisine"
    with pytest.raises(NotFound):
        posts.get(store, ids["parisian"], lyon_post.id)
    fed_post = posts.create(store, ids["coordinator"], "fed-69", "Fédération")
    assert posts.get(store, ids["sympathiser"], fed_post.id).id == fed_post.id
    national = posts.create(store, ids["admin"], "national", "À tous")
    assert posts.get(store, ids["parisian"], national.id).place_kind == "national"


def test_a_block_hides_posts_both_ways(world):
    store, ids = world
    post = posts.create(store, ids["member"], "sec-69266", "Bonjour")
    coopains.block(store, ids["sympathiser"], ids["member"])
    with pytest.raises(NotFound):
        posts.get(store, ids["sympathiser"], post.id)
    assert posts.stream(store, ids["sympathiser"], "sec-69266").items == ()
    assert [p.id for p in posts.stream(store, ids["manager"], "sec-69266").items] == [post.id]


def test_a_stream_pages_newest_first_with_an_opaque_cursor(world):
    store, ids = world
    made = [posts.create(store, ids["member"], "sec-69266", f"post {i}").id for i in range(7)]
    first = posts.stream(store, ids["sympathiser"], "sec-69266", limit=3)
    assert [p.text for p in first.items] == ["post 6", "post 5", "post 4"]
    assert first.next_cursor and "post" not in first.next_cursor
    second = posts.stream(store, ids["sympathiser"], "sec-69266", first.next_cursor, limit=3)
    third = posts.stream(store, ids["sympathiser"], "sec-69266", second.next_cursor, limit=3)
    seen = [p.id for page in (first, second, third) for p in page.items]
    assert seen == made[::-1] and third.next_cursor is None


def test_another_sections_stream_is_for_its_people_and_animators(world):
    store, ids = world
    posts.create(store, ids["neighbour"], "sec-69381", "À Lyon")
    with pytest.raises(Forbidden):
        posts.stream(store, ids["member"], "sec-69381")
    assert len(posts.stream(store, ids["coordinator"], "sec-69381").items) == 1
    with pytest.raises(NotFound):
        posts.stream(store, ids["member"], "sec-00000")


def test_authors_edit_and_delete_their_own_posts_only(world):
    store, ids = world
    post = posts.create(store, ids["member"], "sec-69266", "Premier jet")
    edited = posts.edit(store, ids["member"], post.id, "Version relue", "https://youtu.be/dQw4w9WgXcQ")
    assert (edited.text, edited.embed.provider) == ("Version relue", "youtube") and edited.edited_at
    before = snapshot(store)
    for who in ("sympathiser", "manager", "admin"):
        with pytest.raises(Forbidden):
            posts.edit(store, ids[who], post.id, "Détourné")
        with pytest.raises(Forbidden):
            posts.delete(store, ids[who], post.id)
    assert snapshot(store) == before and posts.get(store, ids["member"], post.id).text == "Version relue"
    assert posts.delete(store, ids["member"], post.id) == 0
    with pytest.raises(NotFound):
        posts.get(store, ids["member"], post.id)
    assert "Post" not in snapshot(store)[0]


HOSTILE_TEXT = '<script>alert(1)</script> "quotes" \'$x\' {a} \\ \u200févil 🌹'


def test_hostile_text_is_stored_as_it_was_typed(world):
    store, ids = world
    post = posts.create(store, ids["member"], "sec-69266", HOSTILE_TEXT)
    assert posts.get(store, ids["member"], post.id).text == HOSTILE_TEXT


@pytest.mark.parametrize("text, link, message", [
    ("", None, "publication vide"),
    ("   \n\t ", "  ", "publication vide"),
    ("x" * 100_000, None, "5000 caractères au plus"),
    ("x" * 5001, None, "5000 caractères au plus"),
    ("bip\x07", None, "caractère de contrôle"),
    ("\u202eevil", None, "caractère de contrôle"),
    ("bonjour", "javascript:alert(1)", "http:// ou https://"),
    ("bonjour", "data:text/html,<script>alert(1)</script>", "http:// ou https://"),
    ("bonjour", "https://tube.evil.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d", "instance non autorisée"),
    ("bonjour", "https://www.youtube.com/watch?v=<script>", "lien YouTube non reconnu"),
    ("bonjour", "https://www.youtube.com@evil.org/watch?v=dQw4w9WgXcQ", "« @ »"),
    ("bonjour", "https://example.org/" + "a" * 2100, "2000 caractères au plus"),
    ("bonjour", "ftp://example.org/file.mp3", "http:// ou https://"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(world, text, link, message):
    store, ids = world
    before = snapshot(store)
    with pytest.raises(Invalid, match=message):
        posts.create(store, ids["member"], "sec-69266", text, link)
    assert snapshot(store) == before


@pytest.mark.parametrize("place", ["sec-00000", "fed-00", "", "x" * 300, "evt-unknown"])
def test_posting_in_an_unknown_stream_is_not_found_and_writes_nothing(world, place):
    store, ids = world
    before = snapshot(store)
    with pytest.raises(NotFound):
        posts.create(store, ids["member"], place, "Bonjour")
    assert snapshot(store) == before


@pytest.mark.parametrize("cursor", ["%%%", "bm90LWEtY3Vyc29y", "MTIzNDU", "x" * 500, "MTIzLjxzY3JpcHQ-"])
def test_a_forged_cursor_is_refused_clearly(world, cursor):
    store, ids = world
    with pytest.raises(Invalid, match="curseur"):
        posts.stream(store, ids["member"], "sec-69266", cursor)


def test_a_members_posts_join_their_export_and_leave_with_their_erasure(world):
    store, ids = world
    post = posts.create(store, ids["member"], "sec-69266", "À effacer", YOUTUBE)
    other = posts.create(store, ids["sympathiser"], "sec-69266", "Je reste")
    [exported] = mydata.export(store, ids["member"])["posts"]
    assert (exported["id"], exported["text"], exported["link_url"], exported["place_name"]) == (
        post.id, "À effacer", YOUTUBE, "Villeurbanne")
    mydata.erase(store, ids["member"], compact=False)
    assert [p.id for p in posts.stream(store, ids["manager"], "sec-69266").items] == [other.id]
    assert store.read("posts/export_member", member_id=ids["member"], limit=10) == []
    assert snapshot(store)[0]["Post"] == 1


def test_a_stream_pages_through_two_years_of_posts_in_order(world):
    """The month index for the latest months, the walk below them: together, every post once, in order."""
    from graphsvc import bench_feed

    store, ids = world
    people = [p for p in bench_feed.member_places(store) if p.section_id == "sec-69266"]
    bench_feed.add_posts(store, 60, seed=5, people=people)
    expected = sorted(((r["created_at"], r["id"]) for p in people
                       for r in store.read("posts/export_member", member_id=p.id, limit=1000)
                       if r["place_id"] == "sec-69266"), reverse=True)
    seen, cursor = [], None
    while True:
        page = posts.stream(store, ids["member"], "sec-69266", cursor, limit=6)
        seen += [p.sort_key for p in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == expected and len(expected) > 30


def test_members_post_on_an_event_meant_for_them_and_its_stream_lists_them(world):
    from graphsvc import accounts, events

    store, ids = world
    start = accounts.now_ms() + 86_400_000
    event = events.create(store, ids["manager"], "sec-69266",
                          events.EventInput("Réunion publique", start, start + 7_200_000, place="Salle Camille-Claudel"))
    post = posts.create(store, ids["member"], event.id, "J’apporte les affiches")
    page = posts.stream(store, ids["member"], event.id)
    assert page.place.kind == "event"
    assert [p.id for p in page.items] == [post.id]
    before = snapshot(store)
    with pytest.raises(Forbidden):
        posts.create(store, ids["parisian"], event.id, "Moi aussi")
    assert snapshot(store) == before
