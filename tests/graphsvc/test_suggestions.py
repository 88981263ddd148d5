"""Suggestions ("Vous les connaissez peut-être") on every backend: who is
suggested, who never is, in which order, and the reasons given."""

from __future__ import annotations

import math

import pytest

from graphsvc import admins, coopains, suggestions
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
    # Adamic-Adar: each common coopain has two coopains (me and the candidate).
    assert found[0].score == pytest.approx(2 / math.log(2))
    assert found[1].score == pytest.approx(1 / math.log(2))


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
    assert suggestions._federation_outranked(suggestions.WEIGHTS)

    assert ids(suggestions.for_member(store, me.id, limit=1)) == [neighbour.id]
    heavy = suggestions.Weights(same_federation=1.5)
    assert not suggestions._federation_outranked(heavy)
    assert ids(suggestions.for_member(store, me.id, limit=1, weights=heavy)) == [federal.id]
