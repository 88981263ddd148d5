"""The news feed on every backend: what it gathers (section, federation,
national, coopains, own posts, events), what it leaves out (hidden items,
blocked members, other sections), its order and its cursor pagination."""

from __future__ import annotations

import time

import pytest

from graphsvc import admins, comments, coopains, events, feed, moderation, posts, querylib
from graphsvc.errors import Invalid, NotFound
from tests.fixtures.web import make_member, make_section

HOUR = 3600 * 1000


@pytest.fixture
def world(store):
    villeurbanne = make_section(store)
    lyon = make_section(store, "sec-69381", "Lyon 1er", communes=("69381",), postcodes=("69001",))
    paris = make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    people = {
        "admin": make_member(store, paris, first_name="Ada", last_name="Admin", visibility="members"),
        "manager": make_member(store, villeurbanne, first_name="Manon", last_name="Manager", visibility="members"),
        "me": make_member(store, villeurbanne, first_name="Marie", last_name="Membre", visibility="members"),
        "neighbour": make_member(store, lyon, first_name="Nina", last_name="Voisine", visibility="members"),
        "parisian": make_member(store, paris, first_name="Paul", last_name="Parisien", visibility="members"),
        "friend": make_member(store, paris, first_name="Fred", last_name="Ami", visibility="members"),
    }
    ids = {name: m.id for name, m in people.items()}
    admins.bootstrap(store, ids["admin"], "national", "national")
    admins.bootstrap(store, ids["manager"], "section", villeurbanne)
    coopains.request(store, ids["me"], ids["friend"])
    coopains.accept(store, ids["friend"], ids["me"])
    return store, ids


def texts(page):
    return [item.text if item.kind == "post" else f"event:{item.title}" for item in page.items]


def test_the_feed_gathers_my_streams_my_coopains_and_me_newest_first(world):
    store, ids = world
    posts.create(store, ids["manager"], "sec-69266", "section")
    posts.create(store, ids["neighbour"], "fed-69", "federation")
    posts.create(store, ids["admin"], "national", "national")
    posts.create(store, ids["friend"], "sec-75101", "coopain à Paris")
    posts.create(store, ids["parisian"], "sec-75101", "Paris, pas pour moi")
    posts.create(store, ids["neighbour"], "sec-69381", "Lyon, pas pour moi")
    posts.create(store, ids["me"], "sec-69266", "moi")
    page = feed.page(store, ids["me"])
    assert texts(page) == ["moi", "coopain à Paris", "national", "federation", "section"]
    assert page.next_cursor is None
    friend_post = page.items[1]
    assert (friend_post.author_name, friend_post.place_name, friend_post.place_kind) == ("Fred Ami", "Paris 1er", "section")


def test_a_coopains_post_in_my_section_comes_once(world):
    store, ids = world
    coopains.request(store, ids["me"], ids["manager"])
    coopains.accept(store, ids["manager"], ids["me"])
    posts.create(store, ids["manager"], "sec-69266", "une fois")
    assert texts(feed.page(store, ids["me"])) == ["une fois"]


def test_events_of_my_units_come_with_their_places_left_and_comment_counts(world):
    store, ids = world
    start = int(time.time() * 1000) + 48 * HOUR
    event = events.create(store, ids["manager"], "sec-69266",
                          events.EventInput("Tractage au marché", start, start + 2 * HOUR, place="Marché de Villeurbanne"))
    events.add_task(store, ids["manager"], event.id, "Distribuer des tracts", 6)
    events.create(store, ids["admin"], "sec-75101", events.EventInput("À Paris", start, start + HOUR, place="Paris"))
    post = posts.create(store, ids["me"], "sec-69266", "J'y serai")
    comments.add(store, ids["manager"], post.id, "Super !")
    page = feed.page(store, ids["me"])
    assert texts(page) == ["J'y serai", "event:Tractage au marché"]
    assert page.items[0].comments == 1
    item = page.items[1]
    assert (item.places_left, item.tasks, item.unit_name, item.organiser_name) == (6, 1, "Villeurbanne", "Manon Manager")
    assert item.starts_at == start and item.place == "Marché de Villeurbanne"


def test_hidden_posts_leave_the_feed_except_for_their_author(world):
    store, ids = world
    mine = posts.create(store, ids["me"], "sec-69266", "hors sujet")
    theirs = posts.create(store, ids["manager"], "sec-69266", "visible")
    moderation.hide(store, ids["manager"], mine.id, "Hors sujet")
    assert texts(feed.page(store, ids["manager"])) == ["visible"]
    [_, hidden] = feed.page(store, ids["me"]).items
    assert hidden.id == mine.id and hidden.hidden and hidden.hidden_reason == "Hors sujet"
    assert theirs.id in [p.id for p in posts.stream(store, ids["manager"], "sec-69266").items]
    assert mine.id in [p.id for p in posts.stream(store, ids["manager"], "sec-69266").items]  # the moderator sees it


def test_blocked_members_posts_leave_the_feed(world):
    store, ids = world
    posts.create(store, ids["manager"], "sec-69266", "du responsable")
    posts.create(store, ids["friend"], "sec-75101", "de mon ami")
    assert texts(feed.page(store, ids["me"])) == ["de mon ami", "du responsable"]
    coopains.block(store, ids["manager"], ids["me"])  # blocked by them
    coopains.block(store, ids["me"], ids["friend"])  # blocked by me (the coopain link goes too)
    assert texts(feed.page(store, ids["me"])) == []


def test_the_cursor_pages_through_the_whole_feed_without_repeat_or_gap(world):
    store, ids = world
    made = []
    for i in range(11):
        author, place = [("manager", "sec-69266"), ("friend", "sec-75101"), ("admin", "national")][i % 3]
        made.append(posts.create(store, ids[author], place, f"n°{i}").id)
    seen, cursor = [], None
    for _ in range(10):
        page = feed.page(store, ids["me"], cursor, limit=4)
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == made[::-1]


def test_posts_and_events_older_than_a_full_page_of_my_streams_come_on_later_pages(world):
    """The coopains' posts and the events are read only above the oldest item the
    streams already put on the page (the floor): the newer ones join it, the
    older ones wait for their page, none is lost."""
    store, ids = world
    start = int(time.time() * 1000) + 48 * HOUR
    made = []
    for what in ["A", "event:E", "S1", "S2", "B", "S3", "event:F"]:
        time.sleep(0.002)  # distinct milliseconds: the order is the order written
        if what.startswith("event:"):
            events.create(store, ids["manager"], "sec-69266", events.EventInput(what[6:], start, start + HOUR, place="Salle des fêtes"))
        elif what.startswith("S"):
            posts.create(store, ids["manager"], "sec-69266", what)
        else:
            posts.create(store, ids["friend"], "sec-75101", what)
        made.append(what)
    pages, cursor = [], None
    for _ in range(6):
        page = feed.page(store, ids["me"], cursor, limit=2)
        pages.append(texts(page))
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages == [["event:F", "S3"], ["B", "S2"], ["S1", "event:E"], ["A"]]


def test_coopains_posts_written_before_last_posted_at_was_kept_come_back_once_it_is_filled(world):
    """The coopains' read skips authors whose `last_posted_at` is below the
    floor (or unset: no post). A graph written before it was kept gets it from
    `posts.fill_last_posted_at` (`coopol init`)."""
    store, ids = world
    posts.create(store, ids["friend"], "sec-75101", "écrit avant")
    posts.create(store, ids["manager"], "sec-69266", "section")
    forget = querylib.Query("test/cypher", None, "write", frozenset(), (), "test",
                            "MATCH (m:Member) SET m.last_posted_at = null RETURN count(m) AS n", None)
    store._run(forget, {})
    assert texts(feed.page(store, ids["me"])) == ["section"]
    assert posts.fill_last_posted_at(store) == 2  # the friend and the manager
    assert texts(feed.page(store, ids["me"])) == ["section", "écrit avant"]
    assert posts.fill_last_posted_at(store) == 0
    posts.create(store, ids["friend"], "sec-75101", "écrit après")
    posts.delete(store, ids["friend"], posts.get(store, ids["friend"], feed.page(store, ids["me"]).items[0].id).id)
    assert texts(feed.page(store, ids["me"])) == ["section", "écrit avant"]  # a deletion leaves a bound above


def test_a_post_written_while_paging_does_not_shift_the_next_page(world):
    store, ids = world
    for i in range(4):
        posts.create(store, ids["manager"], "sec-69266", f"n°{i}")
    first = feed.page(store, ids["me"], limit=2)
    posts.create(store, ids["manager"], "sec-69266", "nouveau")
    second = feed.page(store, ids["me"], first.next_cursor, limit=2)
    assert texts(first) == ["n°3", "n°2"] and texts(second) == ["n°1", "n°0"]


def test_an_empty_feed_and_an_unknown_member(world):
    store, ids = world
    assert feed.page(store, ids["parisian"]).items == ()
    me = feed.member(store, ids["me"])
    assert (me.section_name, me.federation_number, me.coopains) == ("Villeurbanne", "69", 1)
    with pytest.raises(NotFound):
        feed.member(store, "nobody")
    with pytest.raises(NotFound):
        feed.page(store, "nobody")


@pytest.mark.parametrize("cursor", ["not-base64!", "MTIz", "QUFB", "MTIzLmFiYyBkZWY", "A" * 300])
def test_a_forged_cursor_is_refused(world, cursor):
    store, ids = world
    with pytest.raises(Invalid, match="curseur"):
        feed.page(store, ids["me"], cursor)


@pytest.mark.parametrize("limit", [0, 51, -1, True, "20"])
def test_the_page_size_is_bounded(world, limit):
    store, ids = world
    with pytest.raises(Invalid):
        feed.page(store, ids["me"], limit=limit)


def test_the_places_a_member_may_post_in(world):
    store, ids = world
    assert [p.kind for p in posts.places(store, ids["me"])] == ["section", "federation"]
    assert [p.kind for p in posts.places(store, ids["admin"])] == ["section", "federation", "national"]


def test_the_places_from_the_feeds_member_follow_the_same_rule(world):
    """`/fil` passes the member `feed.page` read: the places are those `may_post`
    allows, for members, a sympathisant, a coordinator and an administrator."""
    store, ids = world
    ids["sympathisant"] = make_member(store, "sec-69266", membership="sympathisant").id
    ids["coordinator"] = make_member(store, "sec-69381").id
    admins.bootstrap(store, ids["coordinator"], "federation", "fed-69")
    kinds = {}
    for name, member_id in ids.items():
        me = feed.page(store, member_id).me
        found = posts.places(store, member_id, me)
        assert found == posts.places(store, member_id)
        assert [p.id for p in found] == [unit for unit in (me.section_id, me.federation_id, "national")
                                         if posts.may_post(store, member_id, unit)]
        kinds[name] = [p.kind for p in found]
    assert kinds["sympathisant"] == ["section"]
    assert kinds["coordinator"] == ["section", "federation"]
    assert kinds["admin"] == ["section", "federation", "national"]


def test_paging_through_two_years_of_posts_matches_a_plain_sort(world):
    """Posts spread over two years (the benchmark's generator): the month index
    and the walk below it give, page after page, exactly the visible posts in order."""
    from graphsvc import bench_feed

    store, ids = world
    people = bench_feed.member_places(store)
    assert {p.id for p in people} == set(ids.values())
    assert bench_feed.add_posts(store, 150, seed=3, people=people).created == 150
    assert bench_feed.add_events(store, 12, seed=3, people=people).created == 12
    written = [row | {"author_id": member_id} for member_id in ids.values()
               for row in store.read("posts/export_member", member_id=member_id, limit=1000)]
    mine = {ids["me"], ids["friend"]}
    expected = sorted(((r["created_at"], r["id"]) for r in written
                       if r["place_id"] in ("sec-69266", "fed-69", "national") or r["author_id"] in mine), reverse=True)
    seen, cursor = [], None
    while True:
        page = feed.page(store, ids["me"], cursor, limit=7)
        seen += [item.sort_key for item in page.items if item.kind == "post"]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected and len(expected) > 20
