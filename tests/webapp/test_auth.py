"""Registration, login, logout, activation and the account page, through the
real forms (CSRF tokens read from the pages)."""

from __future__ import annotations

import pytest

from graphsvc import accounts, admins, members
from tests.fixtures.web import PASSWORD, csrf_token, make_member, make_role, make_section


def graph_size(store):
    row = store.read("members/count_nodes")[0]
    return row["nodes"], row["links"]


def registration(store, **overrides):
    data = {
        "section_id": "sec-69266",
        "first_name": "Camille",
        "last_name": "Martin",
        "email": "camille@example.org",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "membership": "adherent",
        "visibility": "federation",
        "mandates-0-role": "",
        "mandates-0-place": "",
    }
    data.update(overrides)
    return data


def post_registration(client, data):
    url = "/inscription?section=" + data["section_id"]
    data = dict(data, csrf_token=csrf_token(client, url))
    return client.post(url, data=data)


@pytest.fixture
def section(falkordb_store):
    make_role(falkordb_store)
    return make_section(falkordb_store)


def test_registration_starts_with_a_section_search_that_works_without_javascript(client, section):
    page = client.get("/inscription").get_data(as_text=True)
    assert 'method="get"' in page and 'name="q"' in page
    found = client.get("/inscription?q=villeur").get_data(as_text=True)
    assert "Villeurbanne" in found and "/inscription?section=sec-69266" in found
    by_postcode = client.get("/inscription?q=69100").get_data(as_text=True)
    assert "/inscription?section=sec-69266" in by_postcode
    nothing = client.get("/inscription?q=zzzz").get_data(as_text=True)
    assert "Aucune section trouvée" in nothing
    form = client.get("/inscription?section=sec-69266").get_data(as_text=True)
    assert "Villeurbanne" in form and 'name="password"' in form and "Adjoint au maire" in form


def test_registering_creates_the_account_and_logs_in(client, falkordb_store, section):
    response = post_registration(client, registration(
        falkordb_store, **{"mandates-0-role": "adjoint_maire", "mandates-0-place": "Villeurbanne"}
    ))
    assert response.status_code == 302
    account = client.get("/compte")
    assert account.status_code == 200
    page = account.get_data(as_text=True)
    assert "Camille Martin" in page and "Adjoint au maire" in page and "Villeurbanne" in page
    member_id = falkordb_store.read("members/get_by_email", email="camille@example.org")[0]["id"]
    profile = members.profile(falkordb_store, member_id, member_id)
    assert profile.visibility == "federation" and profile.visible_to_sympathisants is False
    assert admins.rights(falkordb_store, member_id) == []  # a declared role is no right


def test_a_duplicate_email_is_refused_clearly_and_writes_nothing(client, falkordb_store, section):
    make_member(falkordb_store, section, email="camille@example.org")
    before = graph_size(falkordb_store)
    response = post_registration(client, registration(falkordb_store, email="Camille@Example.org"))
    assert response.status_code == 400
    assert "Un compte existe déjà avec cette adresse e-mail" in response.get_data(as_text=True)
    assert graph_size(falkordb_store) == before


HOSTILE = {
    "quotes": "O'Brien \"x\" `y` \\ $z {w}",
    "injection": "'}) DETACH DELETE n //",
    "10kB": "x" * 10_000,
    "control": "Jean\x07Pierre",
    "rtl": "Ali\u202eecilA",
    "newline": "Jean\nPierre",
}


@pytest.mark.parametrize("field", ["first_name", "last_name", "email", "mandates-0-place", "password"])
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_strings_in_every_field_get_a_clear_answer_and_nothing_half_written(
    client, falkordb_store, section, field, kind
):
    value = HOSTILE[kind]
    overrides = {field: value, "mandates-0-role": "adjoint_maire"}
    if field == "password":
        overrides["confirm"] = value
    before = graph_size(falkordb_store)
    response = post_registration(client, registration(falkordb_store, **overrides))
    after = graph_size(falkordb_store)
    if response.status_code == 302:  # accepted: stored verbatim, as text
        member_id = falkordb_store.read("members/get_by_email", email="camille@example.org")[0]["id"]
        profile = members.profile(falkordb_store, member_id, member_id)
        stored = {"first_name": profile.first_name, "last_name": profile.last_name,
                  "mandates-0-place": profile.mandates[0].place_label}
        if field in stored:
            assert stored[field] == value
        assert after[0] == before[0] + 4  # the member, the mandate, the session, their e-mail's keyed hash
    else:
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert 'class="form-error"' in page
        assert after == before


def test_mismatched_or_short_passwords_are_refused_with_a_reason(client, falkordb_store, section):
    response = post_registration(client, registration(falkordb_store, confirm="something else entirely"))
    assert response.status_code == 400
    assert "Les deux mots de passe diffèrent" in response.get_data(as_text=True)
    response = post_registration(client, registration(falkordb_store, password="short", confirm="short"))
    assert response.status_code == 400
    assert graph_size(falkordb_store)[0] == 4


def test_an_unknown_section_sends_back_to_the_search(client, section):
    page = client.get("/inscription?section=sec-nowhere").get_data(as_text=True)
    assert "Section inconnue" in page and 'name="q"' in page


def test_a_form_without_its_csrf_token_is_refused_and_writes_nothing(client, falkordb_store, section):
    before = graph_size(falkordb_store)
    response = client.post("/inscription?section=sec-69266", data=registration(falkordb_store))
    assert response.status_code == 400
    assert graph_size(falkordb_store) == before
    assert client.post("/connexion", data={"email": "a@example.org", "password": PASSWORD}).status_code == 400


def test_login_and_logout(client, auth, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org", first_name="Ada", last_name="Lovelace")
    response = auth.login("A@example.org")
    assert response.status_code == 302
    assert "Ada Lovelace" in client.get("/").get_data(as_text=True)
    assert client.get("/compte").status_code == 200
    auth.logout()
    assert client.get("/compte").status_code == 302


def test_unknown_email_and_wrong_password_get_the_same_page(client, auth, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    wrong = auth.login("a@example.org", "not the password")
    unknown = auth.login("nobody@example.org", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "Adresse e-mail ou mot de passe incorrect." in wrong.get_data(as_text=True)

    def strip(page):  # the CSRF token and the typed e-mail differ, nothing else
        import re

        page = re.sub(r'value="[^"]*"', "", page)
        return page

    assert strip(wrong.get_data(as_text=True)) == strip(unknown.get_data(as_text=True))


def test_a_copied_session_cookie_stops_working_after_logout(app, auth, client, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    cookie = client.get_cookie("coopol")
    thief = app.test_client()
    thief.set_cookie("coopol", cookie.value)
    assert thief.get("/compte").status_code == 200  # a copy works while the session lives
    auth.logout()
    assert thief.get("/compte").status_code == 302
    assert "Se connecter" in thief.get("/").get_data(as_text=True)


def test_the_session_cookie_carries_a_random_id_not_the_member_id(app, auth, client, falkordb_store, section):
    member = make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    from flask.sessions import SecureCookieSessionInterface

    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    data = serializer.loads(client.get_cookie("coopol").value)
    assert member.id not in str(data)
    assert accounts.session_member(falkordb_store, data["_user_id"]).id == member.id


def test_a_session_used_from_another_browser_is_dropped(app, auth, client, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    assert client.get("/compte").status_code == 200
    other_agent = client.get("/compte", headers={"User-Agent": "SomethingElse/1.0"})
    assert other_agent.status_code == 302  # session protection "strong"


def test_changing_the_password_logs_out_every_other_browser(app, client, falkordb_store, section):
    from tests.fixtures.web import AuthActions

    make_member(falkordb_store, section, email="a@example.org")
    AuthActions(client).login("a@example.org")
    laptop = app.test_client()
    AuthActions(laptop).login("a@example.org")
    assert laptop.get("/compte").status_code == 200

    token = csrf_token(client, "/compte")
    response = client.post("/compte/mot-de-passe", data={
        "csrf_token": token, "current": PASSWORD, "password": "a brand new secret", "confirm": "a brand new secret",
    })
    assert response.status_code == 302
    assert "autres sessions sont fermées" in client.get("/compte").get_data(as_text=True)
    assert laptop.get("/compte").status_code == 302
    assert AuthActions(laptop).login("a@example.org", "a brand new secret").status_code == 302


def test_a_wrong_current_password_is_refused_on_the_account_page(client, auth, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    token = csrf_token(client, "/compte")
    response = client.post("/compte/mot-de-passe", data={
        "csrf_token": token, "current": "not it at all", "password": "a brand new secret", "confirm": "a brand new secret",
    })
    assert response.status_code == 400
    assert "mot de passe actuel incorrect" in response.get_data(as_text=True)
    auth.logout()
    assert auth.login("a@example.org").status_code == 302


def test_the_account_page_changes_visibility_and_declared_roles(client, auth, falkordb_store, section):
    member = make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    token = csrf_token(client, "/compte")
    client.post("/compte/visibilite", data={"csrf_token": token, "visibility": "members", "visible_to_sympathisants": "y"})
    client.post("/compte/roles", data={"csrf_token": token, "role": "adjoint_maire", "place": "Villeurbanne"})
    profile = members.profile(falkordb_store, member.id, member.id)
    assert (profile.visibility, profile.visible_to_sympathisants) == ("members", True)
    assert [m.place_label for m in profile.mandates] == ["Villeurbanne"]
    client.post(f"/compte/roles/{profile.mandates[0].id}/retirer", data={"csrf_token": token})
    assert members.profile(falkordb_store, member.id, member.id).mandates == ()
    bad = client.post("/compte/visibilite", data={"csrf_token": token, "visibility": "public"})
    assert bad.status_code == 400


def test_closing_other_sessions_from_the_account_page(app, client, auth, falkordb_store, section):
    from tests.fixtures.web import AuthActions

    make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    phone = app.test_client()
    AuthActions(phone).login("a@example.org")
    client.post("/compte/sessions/fermer", data={"csrf_token": csrf_token(client, "/compte")})
    assert phone.get("/compte").status_code == 302
    assert client.get("/compte").status_code == 200


def pending(store, section):
    member = make_member(store, section, email="pending@example.org", first_name="Paula")
    store.write("members/mark_pending", member_id=member.id)
    return member, accounts.new_activation(store, member.id)


def test_activation_sets_a_password_and_logs_in(client, falkordb_store, section):
    member, token = pending(falkordb_store, section)
    page = client.get(f"/activer/{token}").get_data(as_text=True)
    assert "Paula" in page and "pending@example.org" in page
    response = client.post(f"/activer/{token}", data={
        "csrf_token": csrf_token(client, f"/activer/{token}"), "password": "my own password", "confirm": "my own password",
        "visibility": "federation",
    })
    assert response.status_code == 302
    assert client.get("/compte").status_code == 200
    assert accounts.authenticate(falkordb_store, "pending@example.org", "my own password") == member.id
    assert members.profile(falkordb_store, member.id, member.id).visibility == "federation"
    again = client.get(f"/activer/{token}")
    assert again.status_code == 404 and "inconnu, déjà utilisé ou expiré" in again.get_data(as_text=True)


def test_an_expired_or_unknown_activation_link_says_so(client, falkordb_store, section):
    member = make_member(falkordb_store, section, email="late@example.org")
    falkordb_store.write("members/mark_pending", member_id=member.id)
    expired = accounts.new_activation(falkordb_store, member.id, days=-1)
    for token in (expired, "made-up"):
        response = client.get(f"/activer/{token}")
        assert response.status_code == 404
        assert "Lien d'activation invalide" in response.get_data(as_text=True)


def test_activation_with_a_short_password_stays_pending(client, falkordb_store, section):
    member, token = pending(falkordb_store, section)
    response = client.post(f"/activer/{token}", data={
        "csrf_token": csrf_token(client, f"/activer/{token}"), "password": "short", "confirm": "short",
        "visibility": "section",
    })
    assert response.status_code == 400
    assert accounts.pending_activation(falkordb_store, token).member_id == member.id


@pytest.mark.parametrize("method, url", [
    ("get", "/compte"),
    ("post", "/compte/mot-de-passe"),
    ("post", "/compte/visibilite"),
    ("post", "/compte/roles"),
    ("post", "/compte/roles/x/retirer"),
    ("post", "/compte/sessions/fermer"),
])
def test_account_pages_refuse_anonymous_visitors(app, method, url):
    app.config["WTF_CSRF_ENABLED"] = False
    response = getattr(app.test_client(), method)(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/connexion")


def test_login_never_redirects_to_another_site(client, auth, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    token = csrf_token(client, "/connexion")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = client.post(f"/connexion?next={target}", data={
            "csrf_token": token, "email": "a@example.org", "password": PASSWORD,
        })
        assert response.headers["Location"] == "/"
        auth.logout()
        token = csrf_token(client, "/connexion")


def test_the_language_switch_keeps_the_page_and_refuses_other_sites(client):
    response = client.get("/langue/en?next=/connexion")
    assert response.status_code == 302 and response.headers["Location"] == "/connexion"
    assert client.get_cookie("coopol_lang").value == "en"
    page = client.get("/connexion").get_data(as_text=True)
    assert '<html lang="en">' in page and "Log in" in page
    assert client.get("/langue/en?next=https://evil.example").headers["Location"] == "/"
    client.get("/langue/fr")
    assert "Connexion" in client.get("/connexion").get_data(as_text=True)
