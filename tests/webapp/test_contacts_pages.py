"""The address-book page through the Flask test client: consent first, the
upload (10 MB on this route only), the matches with one-click requests, the
deletion, the opt-out, bad files and the per-member limits, without JavaScript."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from graphsvc import contacts
from tests.fixtures.web import csrf_token, make_member, make_section

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "addressbooks"
KEY = "web-contacts-key"


@pytest.fixture
def app(make_app):
    return make_app(COOPOL_CONTACTS_KEY=KEY, COOPOL_CONTACTS_UPLOADS_PER_DAY=3)


@pytest.fixture
def people(falkordb_store):
    store = falkordb_store
    make_section(store)
    made = {name: make_member(store, email=email, first_name=name.capitalize(), last_name="Test", visibility="members")
            for name, email in (("me", "me@example.org"), ("camille", "camille.martin@example.org"),
                                ("helene", "other@example.org"))}
    contacts.rehash(store, KEY)
    return store, {name: m.id for name, m in made.items()}


def flashes(client) -> str:
    """The messages the next page shows, unescaped."""
    page = client.get("/contacts").get_data(as_text=True)
    return " ".join(html.unescape(m) for m in re.findall(r'<p class="flash flash-\w+">(.*?)</p>', page, re.S))


def vcard(*emails: str) -> bytes:
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact {i}\r\nEMAIL:{e}\r\nEND:VCARD\r\n"
                   for i, e in enumerate(emails)).encode()


def consent(client):
    return client.post("/contacts/consentement", data={"csrf_token": csrf_token(client, "/contacts"), "accept": "y"})


def upload(client, data: bytes, name="contacts.vcf", **headers):
    token = csrf_token(client, "/contacts")
    return client.post("/contacts/import", data={"csrf_token": token, "book": (io.BytesIO(data), name)},
                       content_type="multipart/form-data", headers=headers)


@pytest.mark.parametrize("method, url", [
    ("get", "/contacts"), ("post", "/contacts/consentement"), ("post", "/contacts/import"),
    ("post", "/contacts/supprimer"), ("post", "/contacts/trouvable"),
])
def test_every_contacts_page_refuses_an_anonymous_visitor(client, method, url):
    answer = getattr(client, method)(url, data={"csrf_token": csrf_token(client, "/connexion")})
    assert answer.status_code == 302 and "/connexion" in answer.headers["Location"]


def test_the_page_states_what_is_kept_and_asks_consent_before_any_upload(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    page = client.get("/contacts").get_data(as_text=True)
    assert "Ce que Coopol conserve" in page and "empreinte" in page and "365 jours" in page
    assert 'action="/contacts/import"' not in page
    refused = upload(client, vcard("camille.martin@example.org"))
    assert refused.status_code == 303
    assert contacts.summary(store, p["me"]).held == 0
    assert "acceptez d" in flashes(client)
    assert consent(client).status_code == 303
    assert contacts.summary(store, p["me"]).consent_at is not None
    assert 'action="/contacts/import"' in client.get("/contacts").get_data(as_text=True)


def test_unticked_consent_is_refused(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    client.post("/contacts/consentement", data={"csrf_token": csrf_token(client, "/contacts")})
    assert contacts.summary(store, p["me"]).consent_at is None


def test_upload_shows_the_matches_and_a_request_is_one_click(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    answer = upload(client, (FIXTURES / "apple_v30.vcf").read_bytes())
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/contacts")
    page = client.get("/contacts").get_data(as_text=True)
    assert "1 de vos contacts est sur Coopol" in page and "Camille Test" in page
    assert f'action="/coopains/{p["camille"]}/demande"' in page
    sent = client.post(f"/coopains/{p['camille']}/demande",
                       data={"csrf_token": csrf_token(client, "/contacts"), "next": "/contacts"})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/contacts")
    assert "Demande envoyée" in client.get("/contacts").get_data(as_text=True)


def test_the_script_gets_json_with_where_to_go(client, auth, people):
    auth.login("me@example.org")
    consent(client)
    answer = upload(client, vcard("camille.martin@example.org"), Accept="application/json")
    assert answer.status_code == 200
    assert answer.get_json()["redirect"] == "/contacts" and "sur Coopol" in answer.get_json()["message"]


@pytest.mark.parametrize("data, message", [
    (b"", "le fichier est vide"),
    (b"\x00\x01\x02junk" * 1000, "binaire"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tronqu", "Rien n'a été importé"),
    ("Nom;Prénom\r\nDurand;Zoé\r\n".encode("cp1252"), "Rien n'a été importé"),
    ('BEGIN:VCARD\r\nFN:<script>alert(1)</script>\r\nEMAIL:"<b>"@x\r\nEND:VCARD\r\n'.encode(), "Rien n'a été importé"),
])
def test_bad_files_get_a_french_message_and_store_nothing(client, auth, people, data, message):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    answer = upload(client, data)
    assert answer.status_code == 303
    shown = flashes(client)
    assert message in shown and "<script>alert" not in shown
    assert contacts.summary(store, p["me"]).held == 0 and contacts.summary(store, p["me"]).last_import is None


def test_a_file_over_10_mb_is_refused_and_the_rest_of_the_app_keeps_its_2_mb_limit(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    big = upload(client, b"BEGIN:VCARD\r\n" + b"X" * (11 * 1024 * 1024))
    assert big.status_code == 303
    assert "10 Mo" in flashes(client)
    assert contacts.summary(store, p["me"]).held == 0
    # 5 MB are accepted by this route (the file is read, then refused as junk)...
    five = upload(client, b"BEGIN:VCARD\r\nFN:x\r\n" + b"NOTE:" + b"x" * (5 * 1024 * 1024) + b"\r\nEND:VCARD\r\n")
    assert five.status_code == 303 and "10 Mo" not in flashes(client)
    # ... and refused elsewhere.
    elsewhere = client.post("/contacts/consentement", data={"csrf_token": "x", "accept": "y" * (3 * 1024 * 1024)})
    assert elsewhere.status_code == 413


def test_uploads_are_limited_per_member_with_a_clear_message(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    for i in range(3):
        upload(client, vcard(f"someone{i}@example.net"))
    assert contacts.summary(store, p["me"]).held == 3
    answer = upload(client, vcard("camille.martin@example.org"), Accept="application/json")
    assert answer.status_code == 429 and "réessayez demain" in answer.get_json()["message"]
    assert contacts.summary(store, p["me"]).held == 3
    # Refused before the file is read: junk gets the limit's answer, not the reader's.
    junk = upload(client, b"\x00\xff" * 1000, Accept="application/json")
    assert junk.status_code == 429 and "réessayez demain" in junk.get_json()["message"]


def test_delete_in_one_click_and_opt_out(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    upload(client, vcard("camille.martin@example.org", "x@example.net"))
    assert "2 empreintes" in client.get("/contacts").get_data(as_text=True)
    client.post("/contacts/supprimer", data={"csrf_token": csrf_token(client, "/contacts")})
    summary = contacts.summary(store, p["me"])
    assert (summary.held, summary.consent_at) == (0, None)
    client.post("/contacts/trouvable", data={"csrf_token": csrf_token(client, "/contacts"), "hidden": "1"})
    assert contacts.summary(store, p["me"]).findable is False
    assert "checked" in client.get("/contacts").get_data(as_text=True)
    client.post("/contacts/trouvable", data={"csrf_token": csrf_token(client, "/contacts")})
    assert contacts.summary(store, p["me"]).findable is True


def test_a_stale_form_is_refused(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    answer = client.post("/contacts/import", data={"csrf_token": "forged", "book": (io.BytesIO(vcard("a@b.fr")), "a.vcf")},
                         content_type="multipart/form-data")
    assert answer.status_code == 303
    assert "expiré" in flashes(client)
    assert contacts.summary(store, p["me"]).held == 0


def test_registration_through_the_web_announces_the_newcomer_to_importers(client, auth, people):
    store, p = people
    auth.login("me@example.org")
    consent(client)
    upload(client, vcard("newcomer@example.org"))
    auth.logout()
    token = csrf_token(client, "/inscription?section=sec-69266")
    client.post("/inscription?section=sec-69266", data={
        "csrf_token": token, "section_id": "sec-69266", "first_name": "Nora", "last_name": "Nouvelle",
        "email": "newcomer@example.org", "password": "correct horse battery", "confirm": "correct horse battery",
        "membership": "adherent", "visibility": "members",
    }, follow_redirects=False)
    from graphsvc import notifications

    kinds = [n.kind for n in notifications.list_notifications(store, p["me"]).items]
    assert kinds == ["contact_joined"]
