"""/mes-donnees through the Flask test client: the member downloads their own
data (and nobody else's), a wrong password or word erases nothing, and after
the erasure the login fails and the sessions are gone."""

from __future__ import annotations

import json

import pytest

from graphsvc import accounts, coopains, mydata
from graphsvc.errors import NotFound
from tests.fixtures.web import PASSWORD, csrf_token, make_member, make_section


@pytest.fixture
def people(falkordb_store):
    make_section(falkordb_store)
    made = {name: make_member(falkordb_store, email=f"{name}@example.org", first_name=name.capitalize(),
                              last_name="Test", visibility="members")
            for name in ("alice", "bruno")}
    ids = {name: m.id for name, m in made.items()}
    coopains.request(falkordb_store, ids["alice"], ids["bruno"])
    coopains.accept(falkordb_store, ids["bruno"], ids["alice"])
    return ids


def erase(client, password=PASSWORD, word="SUPPRIMER"):
    return client.post("/mes-donnees/supprimer", data={
        "csrf_token": csrf_token(client, "/mes-donnees"), "password": password, "confirmation": word,
    })


@pytest.mark.parametrize("method, url", [
    ("get", "/mes-donnees"), ("get", "/mes-donnees/export.json"), ("post", "/mes-donnees/supprimer"),
    ("post", "/compte/coordonnees"),
])
def test_every_page_refuses_an_anonymous_visitor(client, method, url):
    data = {"csrf_token": csrf_token(client, "/connexion")} if method == "post" else None
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


def test_the_page_says_what_is_held_and_the_account_page_links_to_it(auth, client, people):
    auth.login("alice@example.org")
    assert "/mes-donnees" in client.get("/compte").get_data(as_text=True)
    page = client.get("/mes-donnees").get_data(as_text=True)
    assert "Vos coopains <strong>(1)</strong>" in page
    assert "Télécharger mes données" in page and "SUPPRIMER" in page and 'name="csrf_token"' in page


def test_download_gives_the_members_own_data_as_an_attachment(auth, client, people):
    auth.login("alice@example.org")
    response = client.get("/mes-donnees/export.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="coopol-mes-donnees-')
    assert "no-store" in response.headers["Cache-Control"]
    data = json.loads(response.get_data(as_text=True))
    assert data["member_id"] == people["alice"] and data["profile"]["email"] == "alice@example.org"
    assert [c["id"] for c in data["coopains"]] == [people["bruno"]]
    text = response.get_data(as_text=True)
    assert "bruno@example.org" not in text and "password_hash" not in text and "$argon2" not in text


def test_a_wrong_password_or_word_erases_nothing(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    wrong_password = erase(client, password="not my password")
    assert wrong_password.status_code == 400 and "Mot de passe incorrect." in wrong_password.get_data(as_text=True)
    wrong_word = erase(client, word="oui")
    assert wrong_word.status_code == 400 and "Tapez SUPPRIMER pour confirmer." in wrong_word.get_data(as_text=True)
    no_token = client.post("/mes-donnees/supprimer", data={"password": PASSWORD, "confirmation": "SUPPRIMER"})
    assert no_token.status_code == 400
    assert mydata.find(falkordb_store, "alice@example.org").id == people["alice"]
    assert client.get("/mes-donnees").status_code == 200  # still logged in


def test_after_erasure_the_login_fails_and_the_sessions_are_gone(auth, client, app, falkordb_store, people):
    auth.login("alice@example.org")
    other_browser = app.test_client()
    token = csrf_token(other_browser, "/connexion")
    other_browser.post("/connexion", data={"csrf_token": token, "email": "alice@example.org", "password": PASSWORD})
    assert accounts.count_sessions(falkordb_store, people["alice"]) == 2

    response = erase(client, word=" supprimer ")
    assert response.status_code == 302 and response.headers["Location"].endswith("/au-revoir")
    assert "Votre compte est supprimé" in client.get("/au-revoir").get_data(as_text=True)

    assert accounts.count_sessions(falkordb_store, people["alice"]) == 0
    for browser in (client, other_browser):
        assert browser.get("/mes-donnees").status_code == 302  # logged out everywhere
    with pytest.raises(NotFound):
        mydata.find(falkordb_store, "alice@example.org")
    refused = auth.login("alice@example.org")
    assert refused.status_code != 302 and "Adresse e-mail ou mot de passe incorrect." in refused.get_data(as_text=True)
    assert coopains.list_coopains(falkordb_store, people["bruno"]).total == 0


def test_erasure_attempts_are_rate_limited(make_app, falkordb_store, people):
    app = make_app(COOPOL_ERASE_LIMIT_ACCOUNT="2 per hour")
    client = app.test_client()
    token = csrf_token(client, "/connexion")
    client.post("/connexion", data={"csrf_token": token, "email": "alice@example.org", "password": PASSWORD})
    assert [erase(client, password="wrong wrong wrong").status_code for _ in range(3)] == [400, 400, 429]
    assert erase(client).status_code == 429  # even with the right password, until the window passes
    assert mydata.find(falkordb_store, "alice@example.org").id == people["alice"]


# --- e-mail and phone, on the account page ---------------------------------------------


def change_identifiers(client, **data):
    return client.post("/compte/coordonnees", data={"csrf_token": csrf_token(client, "/compte"), **data},
                       follow_redirects=True)


def test_the_account_page_changes_the_email_and_phone(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    page = client.get("/compte").get_data(as_text=True)
    assert 'id="coordonnees"' in page and 'value="alice@example.org"' in page
    done = change_identifiers(client, email="Alice.Neuve@example.org", phone="06 12 34 56 78", password=PASSWORD)
    text = done.get_data(as_text=True)
    assert "Adresse e-mail et téléphone enregistrés." in text and 'value="+33612345678"' in text
    assert accounts.authenticate(falkordb_store, "alice.neuve@example.org", PASSWORD) == people["alice"]


@pytest.mark.parametrize("data, message", [
    ({"email": "bruno@example.org", "password": PASSWORD}, "Un autre compte utilise déjà cette adresse e-mail."),
    ({"email": "alice2@example.org", "password": "not the password"}, "Mot de passe incorrect."),
    ({"email": "alice2@example.org", "phone": "<script>", "password": PASSWORD}, "Refusé : numéro de téléphone"),
    ({"email": "", "password": PASSWORD}, "Indiquez votre adresse e-mail et votre mot de passe."),
])
def test_a_refused_change_says_why_and_changes_nothing(auth, client, falkordb_store, people, data, message):
    auth.login("alice@example.org")
    text = change_identifiers(client, **data).get_data(as_text=True)
    assert message in text and "<script>" not in text
    assert mydata.find(falkordb_store, "alice@example.org").id == people["alice"]


def test_changing_identifiers_needs_a_csrf_token(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    response = client.post("/compte/coordonnees", data={"email": "alice2@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert mydata.find(falkordb_store, "alice@example.org").id == people["alice"]
