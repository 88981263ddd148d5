"""Suggestions ("Vous les connaissez peut-être") on every backend: who is
suggested, who never is, in which order, and the reasons given."""

from __future__ import annotations

import pytest

from graphsvc import admins, coopains, edgelist, querylib, suggestions
from graphsvc.errors import Invalid, NotFound
from tests.fixtures.web import make_member, make_section

LYON7, LYON8, PARIS = "sec-69387", "sec-69388", "sec-75101"


def link(store, *pairs):
    """Coopain links, stored once per pair from the lower id to the higher."""
    rows = [sorted([a.id, b.id]) + [1] for a, b in pairs]
    store.write("seed/create_coopains", rows=rows)


def ids(found):
    return [s.id for s in found]


@pytest.fixture
def places(store):
    make_section(store, LYON7, "Lyon 7e", "69", "Rhône", ("69387",), ("69007",))
    make_section(store, LYON8, "Lyon 8e", "69", "Rhône", ("69388",), ("69008",))
    make_section(store, PARIS, "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    return store


def person(store, section, first, last, **kw):
    kw.setdefault("visibility", "members")
    return make_member(store, section, first_name=first, last_name=last, **kw)


def test_a_friend_of_a_friend_is_suggested_with_the_common_coopains_named(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    marie = person(store, LYON7, "Marie", "Dupont")
    paul = person(store, LYON8, "Paul", "Martin")
    zoe = person(store, LYON7, "Zoé", "Zola")
    far = person(store, LYON8, "Farid", "Faure")
    link(store, (me, marie), (me, paul), (me, zoe), (marie, far), (paul, far), (zoe, far))

    found = suggestions.for_member(store, me.id)

    assert found[0].id == far.id
    assert found[0].display_name == "Farid Faure" and found[0].section_name == "Lyon 8e"
    common = found[0].reasons[0]
    assert common.kind == "common_coopains" and common.count == 3
    assert common.names == ("Marie Dupont", "Paul Martin", "Zoé Zola")  # by name, three at most
    assert me.id not in ids(found)
    assert not {marie.id, paul.id, zoe.id} & set(ids(found))  # already coopains


def test_only_three_common_coopains_are_named_and_all_are_counted(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    target = person(store, LYON7, "Théo", "Target")
    friends = [person(store, LYON8, f"Ami{i}", "Commun") for i in range(5)]
    link(store, *[(me, f) for f in friends], *[(f, target) for f in friends])

    reason = suggestions.for_member(store, me.id)[0].reasons[0]

    assert reason.count == 5 and len(reason.names) == 3


def test_more_common_coopains_rank_higher(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    a, b, c = (person(store, PARIS, n, "Ami") for n in ("A", "B", "C"))
    two = person(store, LYON7, "Deux", "Communs")
    one = person(store, LYON7, "Un", "Commun")
    link(store, (me, a), (me, b), (me, c), (a, two), (b, two), (c, one))

    found = suggestions.for_member(store, me.id)

    assert ids(found) == [two.id, one.id]
    # Resource allocation: each common coopain has two coopains (me and the candidate).
    assert found[0].score == pytest.approx(suggestions.WEIGHTS.coopains * 2 / 2)
    assert found[1].score == pytest.approx(suggestions.WEIGHTS.coopains * 1 / 2)


def test_a_rarer_common_coopain_counts_more_than_a_hub(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    hub = person(store, LYON8, "Hub", "Central")
    quiet = person(store, LYON8, "Discret", "Ami")
    via_hub = person(store, LYON7, "ParLe", "Hub")
    via_quiet = person(store, LYON7, "ParLe", "Discret")
    crowd = [person(store, LYON8, f"Foule{i}", "Foule", visibility="section") for i in range(6)]
    link(store, (me, hub), (me, quiet), (hub, via_hub), (quiet, via_quiet), *[(hub, x) for x in crowd])

    found = suggestions.for_member(store, me.id)

    assert ids(found)[0] == via_quiet.id
    assert ids(found).index(via_quiet.id) < ids(found).index(via_hub.id)


def test_a_newcomer_gets_their_section_first_then_their_federation(places):
    store = places
    neighbour = person(store, LYON7, "Voisin", "Section")
    federal = person(store, LYON8, "Voisin", "Fédération")
    person(store, PARIS, "Loin", "Paris")
    me = person(store, LYON7, "Nouveau", "Venu")

    found = suggestions.for_member(store, me.id)

    assert ids(found) == [neighbour.id, federal.id]  # nobody from elsewhere without a common coopain
    assert found[0].reasons == (suggestions.Reason("same_section", place="Lyon 7e"),)
    assert found[1].reasons == (suggestions.Reason("same_federation", place="Rhône"),)
    assert found[0].score > found[1].score > 0


def test_context_adds_to_common_coopains(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    friend = person(store, PARIS, "Ami", "Commun")
    same_place = person(store, LYON7, "Même", "Section")
    elsewhere = person(store, PARIS, "Ailleurs", "Paris")
    link(store, (me, friend), (friend, same_place), (friend, elsewhere))

    found = suggestions.for_member(store, me.id)

    assert ids(found)[:2] == [same_place.id, elsewhere.id]
    assert [r.kind for r in found[0].reasons] == ["common_coopains", "same_section"]
    assert [r.kind for r in found[1].reasons] == ["common_coopains"]


def test_requests_either_way_and_blocks_either_way_are_never_suggested(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    asked, asking, blocked, blocker, free = (person(store, LYON7, n, "Voisin") for n in "ABCDE")
    coopains.request(store, me.id, asked.id)
    coopains.request(store, asking.id, me.id)
    coopains.block(store, me.id, blocked.id)
    coopains.block(store, blocker.id, me.id)

    assert ids(suggestions.for_member(store, me.id)) == [free.id]
    assert me.id not in ids(suggestions.for_member(store, blocker.id))


def test_a_dismissed_member_is_never_suggested_again(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    other = person(store, LYON7, "Bruno", "Voisin")
    friend = person(store, LYON8, "Ami", "Commun")

    suggestions.dismiss(store, me.id, other.id)
    suggestions.dismiss(store, me.id, other.id)  # idempotent
    link(store, (me, friend), (friend, other))  # even with a coopain in common later

    assert other.id not in ids(suggestions.for_member(store, me.id))
    assert me.id in ids(suggestions.for_member(store, other.id))  # only for the one who dismissed


def test_dismissing_oneself_or_an_unknown_member_is_refused(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    with pytest.raises(Invalid):
        suggestions.dismiss(store, me.id, me.id)
    with pytest.raises(NotFound):
        suggestions.dismiss(store, me.id, "nobody")
    with pytest.raises(Invalid):
        suggestions.dismiss(store, me.id, "x" * 101)


def test_a_member_who_chose_not_to_be_suggested_is_not(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    shy = person(store, LYON7, "Timide", "Voisin")
    assert suggestions.is_suggestible(store, shy.id)

    suggestions.set_suggestible(store, shy.id, False)

    assert not suggestions.is_suggestible(store, shy.id)
    assert suggestions.for_member(store, me.id) == []
    assert ids(suggestions.for_member(store, shy.id)) == [me.id]  # they still get suggestions
    suggestions.set_suggestible(store, shy.id, True)
    assert ids(suggestions.for_member(store, me.id)) == [shy.id]


def test_set_suggestible_refuses_bad_input(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    with pytest.raises(Invalid):
        suggestions.set_suggestible(store, me.id, "no")
    with pytest.raises(NotFound):
        suggestions.set_suggestible(store, "nobody", False)
    assert suggestions.is_suggestible(store, me.id)


def test_visibility_choices_hide_members_from_suggestions(places):
    store = places
    me = person(store, LYON8, "Alice", "Ardant")
    friend = person(store, PARIS, "Ami", "Commun")
    section_only = person(store, LYON7, "Section", "Seulement", visibility="section")
    federation = person(store, LYON7, "Fédération", "Visible", visibility="federation")
    parisian_fed = person(store, PARIS, "Parisien", "Fédéral", visibility="federation")
    link(store, (me, friend), (friend, section_only), (friend, federation), (friend, parisian_fed))

    found = ids(suggestions.for_member(store, me.id))

    assert federation.id in found
    assert section_only.id not in found and parisian_fed.id not in found


def test_sympathisants_see_only_members_open_to_them(places):
    store = places
    sym = person(store, LYON7, "Sym", "Pathisant", membership="sympathisant")
    closed = person(store, LYON7, "Fermé", "Adhérent")
    open_ = person(store, LYON7, "Ouvert", "Adhérent", visible_to_sympathisants=True)

    assert ids(suggestions.for_member(store, sym.id)) == [open_.id]
    assert closed.id not in ids(suggestions.for_member(store, sym.id))


def test_an_animator_may_be_suggested_members_they_animate(places):
    store = places
    coordinator = person(store, LYON8, "Coord", "Rhône")
    admins.bootstrap(store, coordinator.id, "federation", "fed-69")
    friend = person(store, PARIS, "Ami", "Commun")
    hidden = person(store, LYON7, "Caché", "Lyonnais", visibility="section")
    link(store, (coordinator, friend), (friend, hidden))

    assert hidden.id in ids(suggestions.for_member(store, coordinator.id))


def test_a_right_granted_or_withdrawn_applies_at_once_to_a_stored_list(places):
    """The units a member animates are stored with their list: the statements
    that grant and withdraw a right mark it stale themselves."""
    store = places
    admin = person(store, PARIS, "Admin", "National")
    admins.bootstrap(store, admin.id, "national", "national")
    coordinator = person(store, LYON8, "Coord", "Rhône")
    friend = person(store, PARIS, "Ami", "Commun")
    hidden = person(store, LYON7, "Caché", "Lyonnais", visibility="section")
    link(store, (coordinator, friend), (friend, hidden))
    assert hidden.id not in ids(suggestions.for_member(store, coordinator.id))
    assert hidden.id in stored_ids(store, coordinator)["ids"]  # stored, hidden from them

    admins.grant(store, admin.id, coordinator.id, "federation", "fed-69")
    assert hidden.id in ids(suggestions.for_member(store, coordinator.id))

    assert admins.revoke(store, admin.id, coordinator.id, "federation", "fed-69")
    assert hidden.id not in ids(suggestions.for_member(store, coordinator.id))


def test_pending_accounts_are_never_suggested_and_get_none(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    pending = person(store, LYON7, "Pas", "Activé")
    store.write("members/mark_pending", member_id=pending.id)

    assert suggestions.for_member(store, me.id) == []
    with pytest.raises(NotFound):
        suggestions.for_member(store, pending.id)


def test_unknown_members_and_bad_limits_are_refused(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    with pytest.raises(NotFound):
        suggestions.for_member(store, "nobody")
    for bad in ("", None, "x" * 101, "a\x00b"):
        with pytest.raises(Invalid):
            suggestions.for_member(store, bad)
    for bad in (0, 101, "10", True):
        with pytest.raises(Invalid):
            suggestions.for_member(store, me.id, limit=bad)


def test_the_limit_holds_and_hidden_candidates_do_not_take_places(places):
    store = places
    me = person(store, LYON8, "Alice", "Ardant")
    friend = person(store, PARIS, "Ami", "Commun")
    # Many hidden friends-of-friends ranked above the visible ones (more common coopains).
    hidden = [person(store, PARIS, f"Caché{i}", "Parisien", visibility="section") for i in range(30)]
    friend2 = person(store, PARIS, "Ami2", "Commun")
    visible = [person(store, PARIS, f"Visible{i}", "Parisien") for i in range(4)]
    link(store, (me, friend), (me, friend2), *[(friend, h) for h in hidden], *[(friend2, h) for h in hidden],
         *[(friend, v) for v in visible])

    found = suggestions.for_member(store, me.id, limit=3)

    assert len(found) == 3
    assert set(ids(found)) <= {v.id for v in visible}
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_the_weights_decide_the_order_and_the_federation_is_scanned_when_it_could_rank(places):
    store = places
    neighbour = person(store, LYON7, "Voisin", "Section")
    federal = person(store, LYON8, "Voisin", "Fédération")
    me = person(store, LYON7, "Nouveau", "Venu")

    assert ids(suggestions.for_member(store, me.id, limit=1)) == [neighbour.id]  # 40 / 2 against 40 / 3
    heavy = suggestions.Weights(same_federation=100.0)  # 100 / 3: above the section's 40 / 2
    assert ids(suggestions.for_member(store, me.id, limit=1, weights=heavy)) == [federal.id]


def test_a_small_section_counts_more_than_a_large_one(places):
    """The section counts like a common coopain with as many coopains as the
    section has members: in a section of two, more than a common coopain of
    two coopains; in a section of ten, less."""
    store = places
    w = suggestions.WEIGHTS
    small, small_neighbour = person(store, LYON8, "Petite", "Section"), person(store, LYON8, "Voisin", "Petit")
    large = person(store, LYON7, "Grande", "Section")
    large_neighbours = [person(store, LYON7, f"Voisin{i}", "Grand") for i in range(9)]
    small_friend, large_friend = person(store, PARIS, "Ami", "Petit"), person(store, PARIS, "Ami", "Grand")
    small_fof, large_fof = person(store, PARIS, "Connu", "Petit"), person(store, PARIS, "Connu", "Grand")
    link(store, (small, small_friend), (small_friend, small_fof), (large, large_friend), (large_friend, large_fof))

    found = suggestions.for_member(store, small.id)
    assert ids(found)[:2] == [small_neighbour.id, small_fof.id]
    assert found[0].score == pytest.approx(w.same_section / 2)
    assert found[0].reasons == (suggestions.Reason("same_section", place="Lyon 8e"),)
    assert found[1].score == pytest.approx(w.coopains / 2)

    found = suggestions.for_member(store, large.id)
    assert ids(found)[0] == large_fof.id
    assert set(ids(found)[1:10]) == {p.id for p in large_neighbours}
    assert found[1].score == pytest.approx(w.same_section / 10)  # below the common coopain's 10 / 2


# --- address books and events: two more terms of the score ---------------------


def cypher(store, text, **params):
    """Arrange what other areas' services make (address books, events) on the
    agreed model; inspect storage."""
    query = querylib.Query("test/cypher", None, "write", frozenset(params), (), "test", text, None)
    return store._run(query, params)


def in_address_book(store, owner, other, digest):
    """`owner` imported a contact whose hash identifies `other` (issue 5's model)."""
    cypher(store, "MATCH (o:Member {id: $owner}), (m:Member {id: $other}) MERGE (h:ContactHash {hash: $digest}) "
                  "MERGE (m)-[:IDENTIFIED_BY]->(h) MERGE (o)-[:HAS_CONTACT {imported_at: 1}]->(h)",
           owner=owner.id, other=other.id, digest=digest)


def answered(store, event_id, title, starts_at, *people, answer="going", hidden=False):
    """An event (issue 6's model) and the answers of `people`."""
    cypher(store, "MERGE (e:Event {id: $id}) SET e.title = $title, e.starts_at = $starts_at, "
                  "e.hidden_at = CASE WHEN $hidden THEN 1 ELSE null END "
                  "WITH e UNWIND $people AS pid MATCH (m:Member {id: pid}) "
                  "MERGE (m)-[a:ANSWERED]->(e) SET a.answer = $answer, a.at = 1",
           id=event_id, title=title, starts_at=starts_at, hidden=hidden, people=[p.id for p in people], answer=answer)


def test_a_member_in_the_address_book_is_suggested_as_in_contacts(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    known = person(store, LYON7, "Connu", "Carnet")
    person(store, LYON7, "Inconnu", "Lyonnais")
    in_address_book(store, me, known, "ab12")

    found = suggestions.for_member(store, me.id)

    assert ids(found) == [known.id]  # the other Lyonnais shares nothing with a Parisian
    assert found[0].reasons == (suggestions.Reason("in_contacts"),)
    assert found[0].score == pytest.approx(suggestions.WEIGHTS.in_contacts)
    assert found[0].as_dict()["reasons"] == [{"kind": "in_contacts"}]


def test_a_member_who_is_not_findable_is_not_suggested_through_an_address_book(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    far = person(store, PARIS, "Loin", "Introuvable")
    near = person(store, LYON7, "Voisin", "Introuvable")
    in_address_book(store, me, far, "h-far")
    in_address_book(store, me, near, "h-near")
    cypher(store, "MATCH (m:Member) WHERE m.id IN $ids SET m.findable = false", ids=[far.id, near.id])

    found = suggestions.for_member(store, me.id)

    assert ids(found) == [near.id]  # still a neighbour, but not "in your contacts"
    assert found[0].reasons == (suggestions.Reason("same_section", place="Lyon 7e"),)


def test_members_who_went_to_the_same_event_are_suggested_with_the_latest_event(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    met = person(store, LYON7, "Vue", "Deux Fois")
    maybe = person(store, LYON7, "Peut", "Être")
    hidden_event = person(store, LYON7, "Caché", "Modéré")
    answered(store, "ev-1", "Fête de la rose", 1_000, me, met)
    answered(store, "ev-2", "Université d'été <b>2026</b>", 2_000, me, met, maybe)
    cypher(store, "MATCH (m:Member {id: $id})-[a:ANSWERED]->(:Event {id: 'ev-2'}) SET a.answer = 'maybe'", id=maybe.id)
    answered(store, "ev-3", "Réunion masquée", 3_000, me, hidden_event, hidden=True)

    found = suggestions.for_member(store, me.id)

    assert ids(found) == [met.id]
    assert found[0].reasons == (suggestions.Reason("same_event", place="Université d'été <b>2026</b>"),)
    assert found[0].score == pytest.approx(suggestions.WEIGHTS.same_event)


def test_every_signal_adds_its_term_to_one_score(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    friend = person(store, PARIS, "Ami", "Commun")
    everything = person(store, LYON7, "Tout", "Àlafois")
    link(store, (me, friend), (friend, everything))
    in_address_book(store, me, everything, "h-all")
    answered(store, "ev-1", "Meeting", 1_000, me, everything)

    found = suggestions.for_member(store, me.id)

    w = suggestions.WEIGHTS
    assert found[0].id == everything.id
    # Resource allocation over one common coopain of two coopains; a section of two members.
    assert found[0].score == pytest.approx(w.coopains / 2 + w.same_section / 2 + w.in_contacts + w.same_event)
    assert [r.kind for r in found[0].reasons] == ["common_coopains", "in_contacts", "same_event", "same_section"]


# --- stored lists: read fast, rules applied live, recomputed when stale ---------


def stored_ids(store, member):
    return cypher(store, "MATCH (m:Member {id: $id}) RETURN m.suggested_ids AS ids, m.suggested_at AS at", id=member.id)[0]


def test_a_list_is_stored_and_read_back_with_the_same_suggestions(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    friend = person(store, PARIS, "Ami", "Commun")
    fof = person(store, PARIS, "Ami", "DAmi")
    neighbour = person(store, LYON7, "Voisin", "Section")
    link(store, (me, friend), (friend, fof))

    computed = suggestions.for_member(store, me.id)
    stored = stored_ids(store, me)
    read = suggestions.for_member(store, me.id)

    assert set(stored["ids"]) == {fof.id, neighbour.id}
    assert read == computed and stored_ids(store, me) == stored  # read, not computed again


def test_rules_apply_at_once_to_a_stored_list(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    dismissed, asked, blocker, shy, closed, kept = (person(store, LYON7, n, "Voisin") for n in "ABCDEF")
    suggestions.for_member(store, me.id)
    at = stored_ids(store, me)["at"]

    suggestions.dismiss(store, me.id, dismissed.id)
    coopains.request(store, me.id, asked.id)
    coopains.block(store, blocker.id, me.id)
    suggestions.set_suggestible(store, shy.id, False)
    store.write("members/mark_pending", member_id=closed.id)

    assert ids(suggestions.for_member(store, me.id)) == [kept.id]
    assert stored_ids(store, me)["at"] == at  # the stored list was read, the rules applied live
    suggestions.set_suggestible(store, shy.id, True)
    assert ids(suggestions.for_member(store, me.id)) == sorted([kept.id, shy.id])


def neighbours_in_stored_order(store, me, count):
    """`count` members of my section, my list computed: they rank by id (the same score)."""
    found = sorted((person(store, LYON7, f"Voisin{i}", "Section") for i in range(count)), key=lambda p: p.id)
    assert ids(suggestions.for_member(store, me.id, 1)) == [found[0].id]
    assert stored_ids(store, me)["ids"] == [p.id for p in found]
    return found


def test_a_read_goes_past_the_head_of_a_stored_list_when_its_candidates_are_gone(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    head = 2 + suggestions.HEAD_MARGIN  # the entries a read of the best two describes first
    found = neighbours_in_stored_order(store, me, head + 2)
    at = stored_ids(store, me)["at"]

    for other in found[: head - 1]:  # one left in the head
        suggestions.dismiss(store, me.id, other.id)
    assert ids(suggestions.for_member(store, me.id, 2)) == [found[head - 1].id, found[head].id]

    suggestions.dismiss(store, me.id, found[head - 1].id)  # none left in the head
    assert ids(suggestions.for_member(store, me.id, 2)) == [found[head].id, found[head + 1].id]
    assert stored_ids(store, me)["at"] == at  # the stored list was read


def test_a_candidate_who_left_the_section_ranks_by_their_place_now(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    # The federation larger than the section, so that its term is smaller: my coopains in Lyon 8e.
    link(store, *[(me, person(store, LYON8, f"Ami{i}", "Lyon")) for i in range(3)])
    head = 1 + suggestions.HEAD_MARGIN
    found = neighbours_in_stored_order(store, me, head + 2)
    at = stored_ids(store, me)["at"]

    for other in found[:head]:  # to Lyon 8e: the same federation only
        cypher(store, "MATCH (m:Member {id: $id})-[b:BELONGS_TO]->(:Section) DELETE b", id=other.id)
        cypher(store, "MATCH (m:Member {id: $id}), (s:Section {id: $section}) CREATE (m)-[:BELONGS_TO]->(s)",
               id=other.id, section=LYON8)

    assert ids(suggestions.for_member(store, me.id, 3)) == [found[head].id, found[head + 1].id, found[0].id]
    best = suggestions.for_member(store, me.id, 1)
    assert ids(best) == [found[head].id] and best[0].reasons == (suggestions.Reason("same_section", place="Lyon 7e"),)
    assert stored_ids(store, me)["at"] == at


def test_a_new_coopain_makes_the_lists_around_them_stale(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    other = person(store, LYON7, "Bruno", "Nouvel")
    their_friend = person(store, LYON8, "Chloé", "Amie")
    my_friend = person(store, PARIS, "Denis", "Ami")
    link(store, (other, their_friend), (me, my_friend))
    assert their_friend.id not in ids(suggestions.for_member(store, me.id))
    assert other.id not in ids(suggestions.for_member(store, my_friend.id))

    coopains.request(store, me.id, other.id)
    coopains.accept(store, other.id, me.id)

    assert their_friend.id in ids(suggestions.for_member(store, me.id))  # my list was recomputed
    assert other.id in ids(suggestions.for_member(store, my_friend.id))  # and my coopains' lists


def test_a_new_coopain_leaves_a_stored_list_at_once_however_linked(places):
    """A fresh list never holds a coopain (its read does not look them up):
    the statements that link two members mark both lists stale themselves."""
    store = places
    me, you, asked, loaded = (person(store, LYON7, n, "Voisin") for n in "ABCD")
    assert ids(suggestions.for_member(store, me.id)) == sorted([you.id, asked.id, loaded.id])
    assert ids(suggestions.for_member(store, you.id)) == sorted([me.id, asked.id, loaded.id])

    coopains.request(store, asked.id, me.id)
    low, high = sorted((me.id, asked.id))  # the accept statement alone, without the service's marking after it
    store.write("coopains/accept", actor_id=me.id, other_id=asked.id, low_id=low, high_id=high, now=suggestions._now_ms())
    edgelist.load(store, edgelist.parse([f"{you.id} {loaded.id}"]), LYON7)

    assert asked.id not in ids(suggestions.for_member(store, me.id))
    assert loaded.id not in ids(suggestions.for_member(store, you.id))


def test_a_stored_list_is_computed_again_once_it_is_old(places):
    store = places
    me = person(store, PARIS, "Alice", "Ardant")
    friend = person(store, PARIS, "Ami", "Commun")
    later = person(store, LYON7, "Plus", "Tard")
    link(store, (me, friend))
    assert suggestions.for_member(store, me.id) == []
    link(store, (friend, later))  # not through the service: nothing marks the list stale
    assert suggestions.for_member(store, me.id) == []

    old = suggestions._now_ms() - suggestions.REFRESH_SHORT_AFTER_MS - 1
    cypher(store, "MATCH (m:Member {id: $id}) SET m.suggested_at = $old", id=me.id, old=old)
    assert [me.id] == [m for m in suggestions.stale_member_ids(store) if m == me.id]

    assert ids(suggestions.for_member(store, me.id)) == [later.id]
    assert me.id not in list(suggestions.stale_member_ids(store))


def test_withdrawn_requests_and_lifted_blocks_are_suggested_again(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    asked, blocked = person(store, LYON7, "Demandé", "Voisin"), person(store, LYON7, "Bloqué", "Voisin")
    coopains.request(store, me.id, asked.id)
    coopains.block(store, me.id, blocked.id)
    assert suggestions.for_member(store, me.id) == []

    coopains.cancel(store, me.id, asked.id)
    coopains.unblock(store, me.id, blocked.id)

    assert set(ids(suggestions.for_member(store, me.id))) == {asked.id, blocked.id}


def degrees(store, *people):
    return [cypher(store, "MATCH (m:Member {id: $id}) RETURN m.degree AS d", id=p.id)[0]["d"] for p in people]


def test_the_stored_degree_follows_accepts_removals_and_blocks(places):
    store = places
    a, b, c = (person(store, LYON7, n, "Membre") for n in "ABC")
    for x, y in ((a, b), (a, c)):
        coopains.request(store, x.id, y.id)
        coopains.accept(store, y.id, x.id)
    assert degrees(store, a, b, c) == [2, 1, 1]

    coopains.remove(store, b.id, a.id)
    assert degrees(store, a, b, c) == [1, 0, 1]
    coopains.block(store, c.id, a.id)
    assert degrees(store, a, b, c) == [0, 0, 0]


def test_refresh_computes_a_list_now(places):
    store = places
    me = person(store, LYON7, "Alice", "Ardant")
    person(store, LYON7, "Voisin", "Section")
    assert suggestions.refresh(store, me.id) == 1
    assert stored_ids(store, me)["at"] is not None
    with pytest.raises(NotFound):
        suggestions.refresh(store, "nobody")


def test_erasing_a_member_leaves_their_name_in_no_stored_list_and_degrees_right(places):
    from graphsvc import mydata

    store = places
    gone, b, c = (person(store, LYON7, n, "Membre") for n in ("Effacé", "Bruno", "Chloé"))
    for x, y in ((gone, b), (gone, c)):
        coopains.request(store, x.id, y.id)
        coopains.accept(store, y.id, x.id)
    assert suggestions.for_member(store, b.id)[0].reasons[0].names == ("Effacé Membre",)

    mydata.erase(store, gone.id)

    assert degrees(store, b, c) == [0, 0]
    assert stored_ids(store, b)["ids"] is None
    assert "Effacé" not in str(cypher(store, "MATCH (m:Member) RETURN m.suggested_names AS n"))
    assert [r.kind for r in suggestions.for_member(store, b.id)[0].reasons] == ["same_section"]


def test_an_imported_address_book_and_a_contact_who_joins_are_suggested_at_once(places):
    from graphsvc import contacts
    from tests.graphsvc.test_contacts import KEY, Contact, book, register

    store = places
    me = register(store, "alice@example.org", "Alice", "Ardant", section_id=PARIS)
    known = register(store, "connu@example.org", "Connu", "Carnet", section_id=LYON7)
    assert suggestions.for_member(store, me.id) == []  # stored, empty

    contacts.import_contacts(store, KEY, me.id, book(Contact(emails=("connu@example.org", "plus.tard@example.org"))),
                             require_consent=False)
    assert ids(suggestions.for_member(store, me.id)) == [known.id]

    later = register(store, "plus.tard@example.org", "Plus", "Tard", section_id=LYON8)
    contacts.joined(store, KEY, later.id)
    found = suggestions.for_member(store, me.id)
    assert ids(found) == sorted([known.id, later.id]) and found[1].reasons == (suggestions.Reason("in_contacts"),)
