"""The coopain pages and buttons through the Flask test client: every action
is a CSRF-protected POST that works without JavaScript, every page refuses an
anonymous visitor, and the profile shows counts, common coopains and state."""

from __future__ import annotations

import pytest

from graphsvc import coopains
from tests.fixtures.web import csrf_token, make_member, make_section


@pytest.fixture
def people(falkordb_store):
    store = falkordb_store
    make_section(store)
    made = {}
    for name, last in (("alice", "Arnaud"), ("bruno", "Bernard"), ("chloe", "Chevalier"), ("david", "Dubois")):
        made[name] = make_member(store, email=f"{name}@example.org", first_name=name.capitalize(), last_name=last,
                                 visibility="members")
    return {name: m.id for name, m in made.items()}


def post(client, url, data=None, page="/coopains"):
    return client.post(url, data={"csrf_token": csrf_token(client, page), **(data or {})})


@pytest.mark.parametrize("method, url", [
    ("get", "/coopains"),
    ("get", "/coopains/demandes"),
    ("post", "/coopains/x/demande"),
    ("post", "/coopains/x/accepter"),
    ("post", "/coopains/x/refuser"),
    ("post", "/coopains/x/annuler"),
    ("post", "/coopains/x/retirer"),
    ("post", "/coopains/x/bloquer"),
    ("post", "/coopains/x/debloquer"),
])
def test_every_coopain_page_and_action_refuses_an_anonymous_visitor(client, method, url):
    # Even with a valid CSRF token (the login form's), the visitor is sent to log in.
    data = {"csrf_token": csrf_token(client, "/connexion")} if method == "post" else None
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


def test_actions_without_a_csrf_token_are_refused_and_write_nothing(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    response = client.post(f"/coopains/{people['bruno']}/demande", data={"message": "salut"})
    assert response.status_code == 400
    assert coopains.status(falkordb_store, people["alice"], people["bruno"]) == "none"


def test_a_member_asks_from_a_profile_and_the_other_accepts_from_the_requests_page(auth, client, falkordb_store, people):
    store = falkordb_store
    bruno_profile = f"/membres/{people['bruno']}"
    auth.login("alice@example.org")
    page = client.get(bruno_profile).get_data(as_text=True)
    assert "Ajouter comme coopain" in page and "0 coopain" in page
    response = post(client, f"/coopains/{people['bruno']}/demande",
                    {"message": "On s'est croisés au congrès", "next": bruno_profile}, page=bruno_profile)
    assert response.status_code == 302 and response.headers["Location"].endswith(bruno_profile)
    page = client.get(bruno_profile).get_data(as_text=True)
    assert "Demande envoyée." in page and "Votre demande est en attente." in page and "Annuler la demande" in page
    sent = client.get("/coopains/demandes").get_data(as_text=True)
    assert "Bruno Bernard" in sent and "Annuler" in sent
    auth.logout()

    auth.login("bruno@example.org")
    home = client.get("/").get_data(as_text=True)
    assert 'href="/coopains">Coopains <span class="badge"' in home
    received = client.get("/coopains/demandes").get_data(as_text=True)
    assert "Alice Arnaud" in received and "On s&#39;est croisés au congrès" in received
    assert "Accepter" in received and "Refuser" in received
    response = post(client, f"/coopains/{people['alice']}/accepter", {"next": "/coopains/demandes"}, page="/coopains/demandes")
    assert response.headers["Location"].endswith("/coopains/demandes")
    assert coopains.status(store, people["bruno"], people["alice"]) == "coopains"
    mine = client.get("/coopains").get_data(as_text=True)
    assert "Alice Arnaud" in mine and "Retirer" in mine
    profile = client.get(f"/membres/{people['alice']}").get_data(as_text=True)
    assert "Vous êtes coopains." in profile and "1 coopain" in profile
    # Accepting again changes nothing and says so.
    post(client, f"/coopains/{people['alice']}/accepter")
    assert "Vous êtes déjà coopains." in client.get("/coopains").get_data(as_text=True)
    assert coopains.count(store, people["bruno"]).coopains == 1


def test_decline_cancel_and_remove_buttons(auth, client, falkordb_store, people):
    store = falkordb_store
    coopains.request(store, people["bruno"], people["alice"])
    coopains.request(store, people["alice"], people["chloe"])
    coopains.request(store, people["david"], people["alice"])
    coopains.accept(store, people["alice"], people["david"])
    auth.login("alice@example.org")
    post(client, f"/coopains/{people['bruno']}/refuser")
    post(client, f"/coopains/{people['chloe']}/annuler")
    post(client, f"/coopains/{people['david']}/retirer")
    assert coopains.count(store, people["alice"]) == coopains.Counts(0, 0, 0)
    post(client, f"/coopains/{people['bruno']}/refuser", {"next": "/coopains"})
    assert "Cette demande n’est plus en attente." in client.get("/coopains").get_data(as_text=True)


def test_blocking_hides_the_profile_and_unblocking_is_offered_on_my_coopains(auth, client, falkordb_store, people):
    store = falkordb_store
    auth.login("alice@example.org")
    response = post(client, f"/coopains/{people['bruno']}/bloquer")
    assert response.headers["Location"].endswith("/coopains")
    assert client.get(f"/membres/{people['bruno']}").status_code == 404
    page = client.get("/coopains").get_data(as_text=True)
    assert "Membres bloqués" in page and "Bruno Bernard" in page and "Débloquer" in page
    refused = post(client, f"/coopains/{people['bruno']}/demande", {"next": "/coopains"})
    assert refused.status_code == 302
    assert "débloquez-le" in client.get("/coopains").get_data(as_text=True)
    post(client, f"/coopains/{people['bruno']}/debloquer")
    assert client.get(f"/membres/{people['bruno']}").status_code == 200
    assert coopains.status(store, people["alice"], people["bruno"]) == "none"


def test_a_profile_shows_the_coopains_in_common_with_up_to_three_names(auth, client, falkordb_store, people):
    store = falkordb_store
    extra = make_member(store, email="emma@example.org", first_name="Emma", last_name="Étienne", visibility="members").id
    for shared in (people["chloe"], people["david"], people["bruno"], extra):
        for member in (people["alice"],):
            coopains.request(store, member, shared)
            coopains.accept(store, shared, member)
    other = make_member(store, email="zoe@example.org", first_name="Zoé", last_name="Zola", visibility="members").id
    for shared in (people["chloe"], people["david"], people["bruno"], extra):
        coopains.request(store, other, shared)
        coopains.accept(store, shared, other)
    auth.login("alice@example.org")
    page = client.get(f"/membres/{other}").get_data(as_text=True)
    assert "4 coopains en commun" in page and "4 coopains" in page
    assert "Bruno Bernard" in page and "Chloe Chevalier" in page and "David Dubois" in page
    assert "Emma Étienne" not in page
    own = client.get(f"/membres/{people['alice']}").get_data(as_text=True)
    assert "4 coopains" in own and "Ajouter comme coopain" not in own and "en commun" not in own


def test_a_hostile_message_is_refused_with_its_reason_and_nothing_is_written(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    post(client, f"/coopains/{people['bruno']}/demande", {"message": "bonjour\u202e", "next": "/coopains"})
    assert "caractère de contrôle refusé" in client.get("/coopains").get_data(as_text=True)
    post(client, f"/coopains/{people['bruno']}/demande", {"message": "x" * 501, "next": "/coopains"})
    assert "500 caractères au plus" in client.get("/coopains").get_data(as_text=True)
    assert coopains.status(falkordb_store, people["alice"], people["bruno"]) == "none"


def test_unknown_members_and_foreign_next_addresses(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    assert post(client, "/coopains/nobody/demande").status_code == 404
    assert post(client, "/coopains/nobody/accepter").status_code == 404
    response = post(client, f"/coopains/{people['bruno']}/demande", {"next": "https://evil.example/"})
    assert response.headers["Location"].endswith(f"/membres/{people['bruno']}")


def test_my_coopains_are_paginated(auth, client, falkordb_store, people, monkeypatch):
    from webapp import coopains as view

    monkeypatch.setattr(view, "PER_PAGE", 2)
    for name in ("bruno", "chloe", "david"):
        coopains.request(falkordb_store, people[name], people["alice"])
        coopains.accept(falkordb_store, people["alice"], people[name])
    auth.login("alice@example.org")
    first = client.get("/coopains").get_data(as_text=True)
    second = client.get("/coopains?page=2").get_data(as_text=True)
    assert "Bruno Bernard" in first and "Chloe Chevalier" in first and "David Dubois" not in first
    assert "David Dubois" in second and "Page 2 sur 2" in second
    assert client.get("/coopains?page=3").status_code == 404
    assert client.get("/coopains?page=abc").status_code == 404
