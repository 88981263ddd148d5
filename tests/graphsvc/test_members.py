"""Registration, profiles and who sees them, declared roles — on every backend."""

from __future__ import annotations

import pytest

from graphsvc import accounts, members
from graphsvc.errors import Conflict, Invalid, NotFound
from tests.fixtures.web import PASSWORD, make_member, make_role, make_section

HOSTILE = [
    "O'Brien \"the\" `x`",
    "'}) DETACH DELETE n //",
    "x" * 10_000,
    "Jean\x07Pierre",
    "Ali\u202eecilA",
    "\x00",
]


def graph_size(store):
    rows = store.read("members/count_nodes")
    return rows[0]["nodes"], rows[0]["links"]


def register(store, **overrides):
    fields = dict(
        first_name="Camille",
        last_name="Martin",
        email="camille@example.org",
        password=PASSWORD,
        membership="adherent",
        section_id=make_section(store),
        visibility="section",
        visible_to_sympathisants=False,
    )
    fields.update(overrides)
    return members.register(store, **fields)


def test_registration_creates_an_active_member_in_the_section_with_their_roles(store):
    make_role(store)
    member = register(
        store,
        email="  Camille.Martin@Example.ORG ",
        mandates=[members.MandateInput("adjoint_maire", "Villeurbanne")],
    )
    assert member.email == "camille.martin@example.org"
    profile = members.profile(store, member.id, member.id)
    assert profile.display_name == "Camille Martin"
    assert profile.membership == "adherent"
    assert profile.section_id == "sec-69266"
    assert profile.federation_number == "69"
    assert [(m.role_key, m.place_label) for m in profile.mandates] == [("adjoint_maire", "Villeurbanne")]
    assert profile.email == "camille.martin@example.org"
    assert accounts.authenticate(store, "camille.martin@example.org", PASSWORD) == member.id


def test_sympathiser_registration_gets_the_sympathisant_label(store):
    member = register(store, membership="sympathisant")
    assert members.profile(store, member.id, member.id).membership == "sympathisant"
    assert store.read("members/count_nodes")[0]["sympathisants"] == 1


def test_duplicate_email_is_a_conflict_and_writes_nothing(store):
    register(store)
    before = graph_size(store)
    with pytest.raises(Conflict, match="existe déjà"):
        register(store, email="CAMILLE@example.org", first_name="Autre")
    assert graph_size(store) == before


def test_the_database_refuses_a_duplicate_email_even_past_the_check(store):
    first = register(store)
    with pytest.raises(Conflict):
        store.write(
            "members/register_adherent",
            id="other", email=first.email, first_name="A", last_name="B", display_name="A B",
            phone=None, password_hash="x", now=1, visibility="section",
            visible_to_sympathisants=False, section_id=first.section_id, mandates=[],
        )
    assert graph_size(store)[0] == 4  # national, federation, section, one member


@pytest.mark.parametrize("value", HOSTILE, ids=["quotes", "injection", "10kB", "control", "rtl", "nul"])
def test_hostile_strings_are_refused_or_kept_verbatim_never_half_written(store, value):
    section = make_section(store)
    for number, field in enumerate(["first_name", "last_name", "email"]):
        before = graph_size(store)
        try:
            fields = {"section_id": section, "email": f"m{number}@example.org", field: value}
            member = register(store, **fields)
        except Invalid as exc:
            assert str(exc)
            assert graph_size(store) == before
            continue
        stored = members.profile(store, member.id, member.id)
        assert getattr(stored, field) == value.strip()
        assert graph_size(store)[0] == before[0] + 1


def test_an_injection_attempt_in_a_role_place_is_stored_as_text(store):
    make_role(store)
    member = register(store, mandates=[members.MandateInput("adjoint_maire", "'}) DETACH DELETE n //")])
    profile = members.profile(store, member.id, member.id)
    assert profile.mandates[0].place_label == "'}) DETACH DELETE n //"
    assert graph_size(store)[0] == 6  # national, federation, section, role, member, mandate


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password": "short"}, "10 caractères"),
        ({"membership": "militant"}, "adhésion"),
        ({"visibility": "everyone"}, "visibilité"),
        ({"section_id": "sec-nowhere"}, "section inconnue"),
        ({"email": "not an address"}, "e-mail"),
        ({"mandates": [members.MandateInput("grand_chef", "Lyon")]}, "rôle inconnu"),
        ({"mandates": [members.MandateInput("adjoint_maire", "x" * 500)]}, "lieu"),
    ],
)
def test_bad_registration_says_why_and_writes_nothing(store, overrides, message):
    make_role(store)
    make_section(store)
    before = graph_size(store)
    with pytest.raises((Invalid, NotFound), match=message):
        register(store, **overrides)
    assert graph_size(store) == before


def test_roles_can_be_added_and_withdrawn_later(store):
    make_role(store)
    make_role(store, key="conseiller_departemental", label="Conseiller départemental", level="departement")
    member = register(store)
    mandate_id = members.add_mandate(store, member.id, members.MandateInput("conseiller_departemental", "Rhône"))
    assert [m.role_key for m in members.profile(store, member.id, member.id).mandates] == ["conseiller_departemental"]
    members.remove_mandate(store, member.id, mandate_id)
    assert members.profile(store, member.id, member.id).mandates == ()


def test_a_member_cannot_withdraw_someone_elses_role(store):
    make_role(store)
    owner = register(store, mandates=[members.MandateInput("adjoint_maire", "Villeurbanne")])
    other = register(store, email="other@example.org")
    mandate_id = members.profile(store, owner.id, owner.id).mandates[0].id
    with pytest.raises(NotFound):
        members.remove_mandate(store, other.id, mandate_id)
    assert len(members.profile(store, owner.id, owner.id).mandates) == 1


# -- who sees whom -------------------------------------------------------------


@pytest.fixture
def places(store):
    return {
        "villeurbanne": make_section(store),
        "lyon1": make_section(store, "sec-69381", "Lyon 1er", communes=("69381",), postcodes=("69001",)),
        "paris1": make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",)),
    }


@pytest.mark.parametrize(
    "visibility, sympathisants, viewer_place, viewer_membership, sees",
    [
        ("section", False, "villeurbanne", "adherent", True),
        ("section", False, "lyon1", "adherent", False),
        ("federation", False, "lyon1", "adherent", True),
        ("federation", False, "paris1", "adherent", False),
        ("members", False, "paris1", "adherent", True),
        ("members", False, "paris1", "sympathisant", False),
        ("members", True, "paris1", "sympathisant", True),
        ("section", True, "villeurbanne", "sympathisant", True),
        ("section", False, "villeurbanne", "sympathisant", False),
    ],
)
def test_a_profile_is_seen_only_by_those_the_member_chose(
    store, places, visibility, sympathisants, viewer_place, viewer_membership, sees
):
    member = make_member(store, places["villeurbanne"], visibility=visibility, visible_to_sympathisants=sympathisants)
    viewer = make_member(store, places[viewer_place], membership=viewer_membership, first_name="Lou")
    assert members.can_see(store, viewer.id, member.id) is sees
    if not sees:
        with pytest.raises(NotFound):
            members.profile(store, viewer.id, member.id)


def test_a_hidden_profile_looks_exactly_like_an_unknown_one(store, places):
    member = make_member(store, places["villeurbanne"])
    viewer = make_member(store, places["paris1"])
    with pytest.raises(NotFound) as hidden:
        members.profile(store, viewer.id, member.id)
    with pytest.raises(NotFound) as unknown:
        members.profile(store, viewer.id, "no-such-member")
    assert str(hidden.value) == str(unknown.value)


def test_anonymous_visitors_see_no_profile(store, places):
    member = make_member(store, places["villeurbanne"], visibility="members", visible_to_sympathisants=True)
    assert members.can_see(store, None, member.id) is False


def test_other_members_never_see_email_or_phone(store, places):
    member = make_member(store, places["villeurbanne"], visibility="members")
    viewer = make_member(store, places["villeurbanne"])
    seen = members.profile(store, viewer.id, member.id)
    assert seen.email is None and seen.phone is None


def test_changing_visibility_takes_effect_at_once(store, places):
    member = make_member(store, places["villeurbanne"], visibility="section")
    viewer = make_member(store, places["lyon1"])
    assert not members.can_see(store, viewer.id, member.id)
    members.update_visibility(store, member.id, "federation", False)
    assert members.can_see(store, viewer.id, member.id)
    with pytest.raises(Invalid):
        members.update_visibility(store, member.id, "public", False)


def test_a_pending_account_is_seen_by_nobody_else(store, places):
    member = make_member(store, places["villeurbanne"], visibility="members")
    store.write("members/mark_pending", member_id=member.id)
    viewer = make_member(store, places["villeurbanne"])
    assert not members.can_see(store, viewer.id, member.id)


def test_section_search_finds_by_name_postcode_insee_and_federation_number(store, places):
    assert [s.id for s in members.search_sections(store, "villeur")] == ["sec-69266"]
    assert [s.id for s in members.search_sections(store, "Lyon 1ER")] == ["sec-69381"]
    assert [s.id for s in members.search_sections(store, "69100")] == ["sec-69266"]
    assert [s.id for s in members.search_sections(store, "75101")] == ["sec-75101"]
    assert {s.id for s in members.search_sections(store, "69")} == {"sec-69266", "sec-69381"}
    assert members.search_sections(store, "'}) DETACH DELETE n //") == []
    assert members.search_sections(store, "") == []


def test_the_roles_catalogue_lists_party_functions_then_mandates_then_jobs(store):
    make_role(store, key="assistant_parlementaire", label="Assistant parlementaire", kind="job", level="national")
    make_role(store)
    make_role(store, key="secretaire_section", label="Secrétaire de section", kind="party", level="section")
    assert [r.key for r in members.list_roles(store)] == ["secretaire_section", "adjoint_maire", "assistant_parlementaire"]
    assert len(members.list_roles(store, limit=2)) == 2
