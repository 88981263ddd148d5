"""The navigation pages through Flask's test client: what an anonymous visitor
sees (names of federations and sections, nobody's name), what a member sees
(the profiles their fellow members let them see), 404s, pagination, hostile
search strings, and members-only addresses."""

from __future__ import annotations

import html
import re

import pytest

from graphsvc import admins, members
from tests.fixtures.web import PASSWORD, make_member, make_role, make_section

LYON_1, LYON_2, PARIS_1 = "sec-69381", "sec-69382", "sec-75101"


@pytest.fixture
def town(falkordb_store):
    store = falkordb_store
    make_section(store, LYON_1, "Lyon 1er Arrondissement", "69", "Rhône", ("69381",), ("69001",))
    make_section(store, LYON_2, "Lyon 2e Arrondissement", "69", "Rhône", ("69382",), ("69002",))
    make_section(store, PARIS_1, "Paris 1er Arrondissement", "75", "Paris", ("75101",), ("75001",))
    make_role(store, "adjoint_au_maire", "Adjoint au maire", "Deputy mayor", "mandate", "commune")
    people = {
        "jeanne": make_member(store, LYON_1, first_name="Jeanne", last_name="Martin", email="jeanne@example.org",
                              visibility="members", visible_to_sympathisants=True,
                              mandates=[members.MandateInput("adjoint_au_maire", "Lyon 1er")]),
        "paul": make_member(store, LYON_1, first_name="Paul", last_name="Secret", email="paul@example.org",
                            visibility="section"),
        "karim": make_member(store, LYON_2, first_name="Karim", last_name="Benali", email="karim@example.org",
                             visibility="federation"),
        "zoe": make_member(store, PARIS_1, first_name="Zoé", last_name="Durand", email="zoe@example.org"),
    }
    admins.bootstrap(store, people["karim"].id, "federation", "fed-69")
    return people


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


NAMES = ("Jeanne Martin", "Paul Secret", "Karim Benali", "Zoé Durand")


@pytest.mark.parametrize("url", ["/", "/national", "/federations/69", f"/sections/{LYON_1}", "/recherche?q=lyon"])
def test_an_anonymous_visitor_sees_the_names_of_units_but_nobody_s_name(client, town, url):
    response = client.get(url)
    assert response.status_code == 200
    text = page_text(response)
    for name in NAMES:
        assert name not in text
    assert not re.search(r"\b\d+ membres?\b", text)  # counts are for members too


def test_the_national_page_lists_every_federation_and_members_see_the_counts(client, auth, town):
    anonymous = page_text(client.get("/national"))
    assert "Rhône" in anonymous and "Paris" in anonymous
    assert "3 membres" not in anonymous
    auth.login("zoe@example.org")
    member = page_text(client.get("/national"))
    assert "3 membres" in member  # the Rhône: Jeanne, Paul, Karim
    assert member.index("Rhône") < member.index("Paris")  # by number: 69 before 75


def test_a_federation_page_lists_its_sections_and_its_coordinators_for_members(client, auth, town):
    anonymous = page_text(client.get("/federations/69"))
    assert "Lyon 1er Arrondissement" in anonymous and "Lyon 2e Arrondissement" in anonymous
    assert "Paris 1er" not in anonymous
    assert "Karim Benali" not in anonymous
    auth.login("zoe@example.org")
    member = page_text(client.get("/federations/69"))
    assert "Karim Benali" in member
    assert "Responsables fédéraux" in member
    assert member.count('aria-current="page"') >= 1
    assert "National" in member.split("</nav>")[1]  # breadcrumbs


def test_a_section_lists_only_the_members_the_viewer_may_see_and_counts_everyone(client, auth, town):
    auth.login("zoe@example.org")  # Paris: sees profiles open to all members only
    text = page_text(client.get(f"/sections/{LYON_1}"))
    assert "Jeanne Martin" in text
    assert "Paul Secret" not in text
    assert "2 membres en tout" in text
    assert "1 membre a choisi de ne pas apparaître pour vous" in text
    auth.logout()
    auth.login("jeanne@example.org")  # the same section: sees Paul too
    text = page_text(client.get(f"/sections/{LYON_1}"))
    assert "Jeanne Martin" in text and "Paul Secret" in text
    assert "choisi de ne pas apparaître" not in text


def test_the_profile_shows_section_federation_membership_and_roles_with_their_places(client, auth, town):
    auth.login("zoe@example.org")
    response = client.get(f"/membres/{town['jeanne'].id}")
    assert response.status_code == 200
    text = page_text(response)
    for expected in ("Jeanne Martin", "Lyon 1er Arrondissement", "Rhône", "Adhérent·e", "Adjoint au maire", "Lyon 1er"):
        assert expected in text
    crumbs = text.split('aria-label="Fil d’Ariane"')[1].split("</nav>")[0]
    assert [c in crumbs for c in ("National", "Rhône", "Lyon 1er Arrondissement", "Jeanne Martin")] == [True] * 4


def test_a_hidden_profile_is_not_found_like_an_unknown_one(client, auth, town):
    auth.login("zoe@example.org")
    hidden = client.get(f"/membres/{town['paul'].id}")
    unknown = client.get("/membres/no-such-member")
    assert hidden.status_code == unknown.status_code == 404
    assert "Paul Secret" not in page_text(hidden)


def test_the_federation_s_coordinator_sees_every_profile_of_the_federation(client, auth, town):
    auth.login("karim@example.org")
    assert client.get(f"/membres/{town['paul'].id}").status_code == 200
    assert "Paul Secret" in page_text(client.get(f"/sections/{LYON_1}"))


@pytest.mark.parametrize(
    "url",
    ["/federations/999", "/federations/abc", "/federations/fed-", "/sections/nope", "/sections/fed-69",
     "/federations/69?page=0", "/federations/69?page=x", "/federations/69?page=2", f"/sections/{LYON_1}?page=-1",
     "/federations/69?page=99999999999999999999"],
)
def test_unknown_units_and_pages_are_not_found(client, town, url):
    assert client.get(url).status_code == 404


def test_a_federation_has_one_address(client, town):
    response = client.get("/federations/fed-69")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/federations/69")


def test_many_sections_come_in_pages(client, falkordb_store):
    for i in range(65):
        make_section(falkordb_store, f"sec-t{i:03d}", f"Commune {i:03d}", "01", "Ain", (f"01{i:03d}",), ())
    first = page_text(client.get("/federations/01"))
    second = page_text(client.get("/federations/01?page=2"))
    assert "Commune 000" in first and "Commune 059" in first and "Commune 060" not in first
    assert "Commune 060" in second and "Commune 064" in second and "Commune 000" not in second
    assert "Page 1 sur 2" in first and 'rel="next"' in first and 'rel="prev"' in second
    assert client.get("/federations/01?page=3").status_code == 404


@pytest.fixture(scope="module")
def rhone_and_corsica():
    from seeds import sections

    return [s for s in sections.sections() if s.federation in ("69", "2A")]


@pytest.mark.parametrize("query, found", [
    ("villeurbanne", "Villeurbanne"),  # a commune's name
    ("69002", "Lyon 2e Arrondissement"),  # a postal code
    ("69", "Rhône"),  # a département number
    ("2a", "Corse-du-Sud"),
    ("ajaccio", "Ajaccio"),
])
def test_search_finds_federations_and_sections_by_name_postcode_or_number(client, falkordb_store, rhone_and_corsica,
                                                                          query, found):
    from seeds import load_reference_data

    load_reference_data(falkordb_store, sections=rhone_and_corsica)
    response = client.get(f"/recherche?q={query}")
    assert response.status_code == 200
    text = page_text(response)
    assert found in text.split("Résultats pour")[1]


def test_a_search_that_finds_nothing_says_so(client, town):
    text = page_text(client.get("/recherche?q=atlantide"))
    assert "Aucune fédération ni section ne correspond" in text


HOSTILE = [
    "'}) DETACH DELETE n //",
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "$x {} \\ \n",
    "\u202eLyon\u202c",
    "x" * 10_000,
    "🌹 Lyon",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_search_strings_are_answered_escaped_and_change_nothing(client, falkordb_store, town, query):
    before = falkordb_store.read("members/count_nodes")
    response = client.get("/recherche", query_string={"q": query})
    assert response.status_code in (200, 400)
    body = response.get_data(as_text=True)
    assert "<script>alert" not in body
    assert 'onmouseover="alert' not in body
    if response.status_code == 400:
        assert "100 caractères au plus" in page_text(response) or "Saisissez" in page_text(response)
    assert falkordb_store.read("members/count_nodes") == before
    assert client.get("/national").status_code == 200


@pytest.mark.parametrize("path", ["/membres/{id}", "/membres/no-such-member", "/ma-section"])
def test_members_only_pages_refuse_an_anonymous_visitor(client, town, path):
    response = client.get(path.format(id=town["jeanne"].id))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion")


def test_my_section_leads_to_the_member_s_section(client, auth, town):
    auth.login("zoe@example.org")
    response = client.get("/ma-section")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/sections/{PARIS_1}")


def test_the_pages_work_in_english(client, town):
    client.set_cookie("coopol_lang", "en")
    text = page_text(client.get("/national"))
    assert "The federations" in text and "Les fédérations" not in text
    assert 'aria-label="Breadcrumbs"' in text
    assert "2 sections" in text


def test_a_member_sees_on_their_own_profile_who_sees_it(client, auth, town):
    auth.login("jeanne@example.org")
    text = page_text(client.get(f"/membres/{town['jeanne'].id}"))
    assert "C’est votre profil : tous les membres de Coopol le voient." in text
    assert "Les sympathisants aussi." in text
    assert "Mandat électif" in text  # the kind of each role
    other = page_text(client.get(f"/membres/{town['karim'].id}"))
    assert "C’est votre profil" not in other


@pytest.mark.parametrize("url", ["/", "/national", "/federations/69", f"/sections/{LYON_1}", "/recherche?q=lyon"])
def test_pages_load_nothing_from_another_site_and_carry_no_script(client, town, url):
    body = client.get(url).get_data(as_text=True)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', body)
    assert "<script" not in body and " style=" not in body
    css = client.get("/static/coopol.css")
    assert css.status_code == 200 and "url(http" not in css.get_data(as_text=True)


def test_a_member_s_own_federation_and_section_are_pointed_out(client, auth, town):
    auth.login("zoe@example.org")
    national = page_text(client.get("/national"))
    assert national.count("Votre fédération") == 1
    assert national.index("Votre fédération") > national.index("Paris")  # on the Paris card
    paris = page_text(client.get("/federations/75"))
    assert paris.count("Votre section") == 1
    assert "Votre section" not in page_text(client.get("/federations/69"))
    assert "Votre section" in page_text(client.get(f"/sections/{PARIS_1}"))
    assert "Votre section" not in page_text(client.get(f"/sections/{LYON_1}"))


def test_an_empty_section_says_so_in_words(client, auth, town, falkordb_store):
    make_section(falkordb_store, "sec-75102", "Paris 2e Arrondissement", "75", "Paris", ("75102",), ("75002",))
    auth.login("zoe@example.org")
    assert "Aucun membre pour l’instant" in page_text(client.get("/sections/sec-75102"))
    assert "aucun membre" in page_text(client.get("/federations/75"))
