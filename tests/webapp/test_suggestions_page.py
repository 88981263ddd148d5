"""The suggestions page through Flask's test client: cards with their reasons,
"Ajouter" and "Pas intéressé" with and without JavaScript (JSON answers), the
choice not to be suggested, CSRF, and members only."""

from __future__ import annotations

import html

import pytest

from graphsvc import coopains, suggestions
from tests.fixtures.web import csrf_token, make_member, make_section

LYON7, PARIS = "sec-69387", "sec-75101"
URL = "/coopains/suggestions"


@pytest.fixture
def people(falkordb_store):
    store = falkordb_store
    make_section(store, LYON7, "Lyon 7e", "69", "Rhône", ("69387",), ("69007",))
    make_section(store, PARIS, "Paris 1er", "75", "Paris", ("75101",), ("75001",))

    def add(first, last, section, email):
        return make_member(store, section, first_name=first, last_name=last, email=email, visibility="members")

    p = {
        "me": add("Alice", "Ardant", LYON7, "alice@example.org"),
        "marie": add("Marie", "Dupont", PARIS, "marie@example.org"),
        "paul": add("Paul", "Martin", PARIS, "paul@example.org"),
        "far": add("Farid", "Faure", PARIS, "farid@example.org"),
        "neighbour": add("Nina", "Voisin", LYON7, "nina@example.org"),
    }
    rows = [sorted([p[a].id, p[b].id]) + [1] for a, b in
            (("me", "marie"), ("me", "paul"), ("marie", "far"), ("paul", "far"))]
    store.write("seed/create_coopains", rows=rows)
    return p


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_the_page_is_for_members_only(client, people):
    response = client.get(URL)
    assert response.status_code in (302, 401)
    assert "/connexion" in response.headers.get("Location", "/connexion")


def test_the_page_shows_cards_with_their_reasons(client, auth, people):
    auth.login("alice@example.org")
    page = text(client.get(URL))

    assert "Vous les connaissez peut-être" in page
    assert "Farid Faure" in page and "Nina Voisin" in page
    assert "Marie Dupont et Paul Martin, coopains en commun" in page
    assert "même section : Lyon 7e" in page
    # A section of two members says more than two common coopains of two coopains each.
    assert page.index("Nina Voisin") < page.index("Farid Faure")
    assert "js/suggestions.js" in page and "<script>" not in page


def test_add_without_javascript_sends_a_request_and_redirects_back(client, auth, people, falkordb_store):
    auth.login("alice@example.org")
    token = csrf_token(client, URL)
    far = people["far"].id

    response = client.post(f"{URL}/{far}/ajouter", data={"csrf_token": token})

    assert response.status_code == 303 and response.headers["Location"].endswith(URL)
    assert coopains.status(falkordb_store, people["me"].id, far) == "requested_by_me"
    page = text(client.get(URL))
    assert "Demande envoyée." in page
    assert f"suggestion-{far}" not in page


def test_add_with_javascript_answers_json(client, auth, people, falkordb_store):
    auth.login("alice@example.org")
    token = csrf_token(client, URL)
    far = people["far"].id

    response = client.post(f"{URL}/{far}/ajouter", headers={"Accept": "application/json", "X-CSRFToken": token})

    assert response.status_code == 200
    assert response.get_json() == {"ok": True, "message": "Demande envoyée.", "state": "requested_by_me"}
    assert coopains.status(falkordb_store, people["me"].id, far) == "requested_by_me"


def test_dismiss_removes_the_suggestion_for_good(client, auth, people, falkordb_store):
    auth.login("alice@example.org")
    token = csrf_token(client, URL)
    far = people["far"].id

    response = client.post(f"{URL}/{far}/ignorer", headers={"Accept": "application/json", "X-CSRFToken": token})

    assert response.status_code == 200 and response.get_json()["state"] == "dismissed"
    assert far not in [s.id for s in suggestions.for_member(falkordb_store, people["me"].id)]
    assert "Farid Faure" not in text(client.get(URL))


def test_actions_without_csrf_token_change_nothing(client, auth, people, falkordb_store):
    auth.login("alice@example.org")
    far = people["far"].id

    assert client.post(f"{URL}/{far}/ajouter").status_code == 400
    assert client.post(f"{URL}/{far}/ignorer", headers={"Accept": "application/json"}).status_code == 400

    assert coopains.status(falkordb_store, people["me"].id, far) == "none"
    assert far in [s.id for s in suggestions.for_member(falkordb_store, people["me"].id)]


def test_actions_on_unknown_or_hostile_ids_are_refused(client, auth, people):
    auth.login("alice@example.org")
    token = csrf_token(client, URL)
    headers = {"Accept": "application/json", "X-CSRFToken": token}

    for action in ("ajouter", "ignorer"):
        response = client.post(f"{URL}/nobody/{action}", headers=headers)
        assert response.status_code == 404 and response.get_json()["ok"] is False
    response = client.post(f"{URL}/{people['me'].id}/ignorer", headers=headers)
    assert response.status_code == 400
    response = client.post(f"{URL}/%3Cscript%3E/ajouter", data={"csrf_token": token})
    assert response.status_code == 303
    assert "<script>" not in client.get(URL).get_data(as_text=True)


def test_a_member_may_choose_not_to_be_suggested(client, auth, people, falkordb_store):
    auth.login("nina@example.org")
    token = csrf_token(client, URL)
    assert "Ne pas me proposer en suggestion" in text(client.get(URL))

    response = client.post(f"{URL}/preference", data={"csrf_token": token, "suggestible": "0"})

    assert response.status_code == 303
    assert not suggestions.is_suggestible(falkordb_store, people["neighbour"].id)
    assert "Me proposer à nouveau en suggestion" in text(client.get(URL))
    assert "nina" not in [s.display_name.lower() for s in suggestions.for_member(falkordb_store, people["me"].id)]
    response = client.post(f"{URL}/preference", data={"csrf_token": token, "suggestible": "maybe"})
    assert response.status_code == 303
    assert not suggestions.is_suggestible(falkordb_store, people["neighbour"].id)
    client.post(f"{URL}/preference", data={"csrf_token": token, "suggestible": "1"})
    assert suggestions.is_suggestible(falkordb_store, people["neighbour"].id)


def test_reasons_read_naturally(app):
    from webapp.suggestions import describe

    R = suggestions.Reason
    with app.test_request_context():
        assert describe(R("common_coopains", 1, ("Marie Dupont",))) == "Marie Dupont, coopain en commun"
        assert describe(R("common_coopains", 3, ("A", "B", "C"))) == "A, B et C, coopains en commun"
        assert (describe(R("common_coopains", 7, ("Marie Dupont", "Paul Martin", "Zoé Zola")))
                == "Marie Dupont, Paul Martin, Zoé Zola et 4 autres coopains en commun")
        assert describe(R("common_coopains", 4, ("A", "B", "C"))) == "A, B, C et 1 autre coopain en commun"
        assert describe(R("same_federation", place="Rhône")) == "même fédération : Rhône"


def test_the_page_is_available_in_english(client, auth, people):
    auth.login("alice@example.org")
    client.get("/langue/en")

    page = text(client.get(URL))

    assert "People you may know" in page
    assert "Marie Dupont and Paul Martin, coopains in common" in page
    assert "same section: Lyon 7e" in page and "Not interested" in page


def test_my_coopains_page_leads_to_the_suggestions(client, auth, people):
    auth.login("alice@example.org")

    assert f'href="{URL}"' in client.get("/coopains").get_data(as_text=True)
    assert 'href="/coopains"' in client.get(URL).get_data(as_text=True)


def test_address_book_and_event_reasons_are_shown_and_escaped(client, auth, people, falkordb_store):
    from tests.graphsvc.test_suggestions import answered, in_address_book

    store = falkordb_store
    guest = make_member(store, PARIS, first_name="Gaëlle", last_name="Invitée", email="g@example.org",
                        visibility="members")
    in_address_book(store, people["me"], guest, "hash-g")
    answered(store, "ev-1", "<script>alert(1)</script> Fête", 1, people["me"], guest)
    auth.login("alice@example.org")

    raw = client.get(URL).get_data(as_text=True)

    assert "Gaëlle Invitée" in html.unescape(raw)
    assert "dans vos contacts" in raw
    assert "vous étiez tous deux à : &lt;script&gt;alert(1)&lt;/script&gt; Fête" in raw
    assert "<script>alert(1)" not in raw


def test_the_new_reasons_read_naturally(app):
    from webapp.suggestions import describe

    R = suggestions.Reason
    with app.test_request_context():
        assert describe(R("in_contacts")) == "dans vos contacts"
        assert describe(R("same_event", place="Fête de la rose")) == "vous étiez tous deux à : Fête de la rose"
