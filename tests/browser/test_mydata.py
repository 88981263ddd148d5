"""In a real headless Chromium (issue 5, "vos données"): a member goes from the
account page to /mes-donnees, downloads their data as a JSON file, deletes
their account with their password and the typed word, lands on the goodbye
page, and can no longer log in. axe-core on every page, screenshots for review."""

from __future__ import annotations

import json

from graphsvc import members
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.data import LYON_7, PASSWORD
from tests.browser.test_browse import log_in

EMAIL = "zoe.depart@example.org"


def test_a_member_downloads_their_data_then_deletes_their_account(visitor, browser_store):
    members.register(browser_store, first_name="Zoé", last_name="Départ", email=EMAIL, password=PASSWORD,
                     membership="sympathisant", section_id=LYON_7, phone="06 98 76 54 32")
    v = visitor(DESKTOP)
    page = v.page
    log_in(v, EMAIL)

    v.goto("/compte")
    page.get_by_role("link", name="Télécharger mes données, supprimer mon compte").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Vos données, votre choix"
    v.assert_accessible()
    v.screenshot("mydata-page")

    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mes données").click()
    path = download.value.path()
    assert download.value.suggested_filename.startswith("coopol-mes-donnees-")
    data = json.loads(open(path, encoding="utf-8").read())
    assert data["profile"]["email"] == EMAIL and data["profile"]["phone"] == "+33698765432"
    assert "password_hash" not in json.dumps(data)

    page.get_by_label("Votre mot de passe").fill("not my password at all")
    page.get_by_label("Tapez SUPPRIMER pour confirmer").fill("SUPPRIMER")
    page.get_by_role("button", name="Supprimer mon compte").click()
    assert "Mot de passe incorrect." in page.inner_text("main")

    page.get_by_label("Votre mot de passe").fill(PASSWORD)
    page.get_by_label("Tapez SUPPRIMER pour confirmer").fill("supprimer")
    page.get_by_role("button", name="Supprimer mon compte").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Votre compte est supprimé"
    v.assert_accessible()
    v.screenshot("mydata-goodbye")

    v.goto("/connexion")
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    assert "Adresse e-mail ou mot de passe incorrect." in page.inner_text("main")


def test_the_data_page_fits_a_phone(visitor, browser_store):
    email = "yves.telephone@example.org"
    members.register(browser_store, first_name="Yves", last_name="Téléphone", email=email, password=PASSWORD,
                     membership="adherent", section_id=LYON_7)
    v = visitor(PHONE)
    log_in(v, email)
    v.goto("/mes-donnees")
    v.screenshot("mydata-page-phone")
    v.assert_accessible()
