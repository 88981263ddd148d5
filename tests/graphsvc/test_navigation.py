"""Which members of a section a viewer sees on its page, on every backend: each
member's own choice applies, the count is exact, pages are bounded, and the
rule is the profile's rule (`members.can_see`) member for member."""

from __future__ import annotations

import pytest

from graphsvc import admins, members, navigation
from graphsvc.errors import Invalid, NotFound
from tests.fixtures.web import make_member, make_section

S1, S2, S3 = "sec-69381", "sec-69382", "sec-75101"


@pytest.fixture
def town(store):
    """Three sections (two in the Rhône, one in Paris) and members with every visibility."""
    make_section(store, S1, "Lyon 1er", "69", "Rhône", ("69381",), ("69001",))
    make_section(store, S2, "Lyon 2e", "69", "Rhône", ("69382",), ("69002",))
    make_section(store, S3, "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    m = {}

    def add(key, section, last_name, membership="adherent", visibility="section", sym=False):
        m[key] = make_member(store, section, first_name=key.capitalize(), last_name=last_name,
                             membership=membership, visibility=visibility, visible_to_sympathisants=sym)

    # In S1, listed by last name: Arnaud, Bernard, Charpentier, Dubois, Esnault.
    add("sec_only", S1, "Arnaud", visibility="section")
    add("fed_wide", S1, "Bernard", visibility="federation")
    add("all_members", S1, "Charpentier", visibility="members")
    add("sympathisant", S1, "Dubois", membership="sympathisant", visibility="members", sym=True)
    add("open_to_sym", S1, "Esnault", visibility="section", sym=True)
    # Viewers elsewhere.
    add("neighbour", S2, "Fabre")
    add("parisian", S3, "Garnier")
    add("paris_sym", S3, "Hoarau", membership="sympathisant")
    add("coordinator", S2, "Imbert")
    admins.bootstrap(store, m["coordinator"].id, "federation", "fed-69")
    return store, m


def names(page):
    return [v.display_name.split()[0].lower() for v in page.members]


def visible_names(store, viewer_id, section_id=S1):
    return set(names(navigation.section_members(store, viewer_id, section_id, limit=50)))


S1_ALL = {"sec_only", "fed_wide", "all_members", "sympathisant", "open_to_sym"}


def test_a_member_of_the_section_sees_every_adherent_choice_but_a_sympathisant_only_those_open_to_them(town):
    store, m = town
    assert visible_names(store, m["sec_only"].id) == S1_ALL
    assert visible_names(store, m["sympathisant"].id) == {"sympathisant", "open_to_sym"}


def test_the_federation_sees_federation_and_all_member_profiles_the_country_only_all_member_ones(town):
    store, m = town
    assert visible_names(store, m["neighbour"].id) == {"fed_wide", "all_members", "sympathisant"}
    assert visible_names(store, m["parisian"].id) == {"all_members", "sympathisant"}
    assert visible_names(store, m["paris_sym"].id) == {"sympathisant"}


def test_a_coordinator_of_the_federation_sees_every_member_of_its_sections(town):
    store, m = town
    assert visible_names(store, m["coordinator"].id) == S1_ALL


def test_an_anonymous_viewer_sees_nobody_and_an_unknown_viewer_too(town):
    store, _ = town
    assert navigation.section_members(store, None, S1).members == ()
    assert navigation.section_members(store, None, S1).visible == 0
    assert navigation.section_members(store, "nobody", S1).members == ()


def test_a_pending_account_is_neither_listed_nor_a_viewer(town):
    store, m = town
    store.write("members/mark_pending", member_id=m["all_members"].id)
    assert "all_members" not in visible_names(store, m["sec_only"].id)
    assert visible_names(store, m["all_members"].id) == set()


def test_the_list_agrees_with_the_profile_rule_member_for_member(town):
    store, m = town
    section_ids = {key for key, member in m.items() if member.section_id == S1}
    for viewer in m.values():
        listed = visible_names(store, viewer.id)
        allowed = {key for key in section_ids if members.can_see(store, viewer.id, m[key].id)}
        assert listed == allowed, viewer.display_name


def test_pages_are_ordered_by_name_bounded_and_counted(town):
    store, m = town
    viewer = m["coordinator"].id
    first = navigation.section_members(store, viewer, S1, limit=2, offset=0)
    second = navigation.section_members(store, viewer, S1, limit=2, offset=2)
    last = navigation.section_members(store, viewer, S1, limit=2, offset=4)
    beyond = navigation.section_members(store, viewer, S1, limit=2, offset=6)
    assert names(first) == ["sec_only", "fed_wide"]
    assert names(second) == ["all_members", "sympathisant"]
    assert names(last) == ["open_to_sym"]
    assert beyond.members == ()
    assert first.visible == second.visible == 5


def test_bad_pages_and_unknown_sections_are_refused(town):
    store, m = town
    with pytest.raises(Invalid):
        navigation.section_members(store, m["sec_only"].id, S1, limit=0)
    with pytest.raises(Invalid):
        navigation.section_members(store, m["sec_only"].id, S1, limit=10_000)
    with pytest.raises(Invalid):
        navigation.section_members(store, m["sec_only"].id, S1, offset=-1)
    with pytest.raises(NotFound):
        navigation.section_members(store, m["sec_only"].id, "sec-nowhere")
    with pytest.raises(NotFound):
        navigation.section_members(store, m["sec_only"].id, "fed-69")  # a federation is no section


def test_my_section_is_the_members_own(town):
    store, m = town
    mine = navigation.my_section(store, m["parisian"].id)
    assert (mine.section_id, mine.federation_number) == (S3, "75")
    with pytest.raises(NotFound):
        navigation.my_section(store, "nobody")
