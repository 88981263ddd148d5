"""In a real headless Chromium (issue 5): a member opens the address-book page,
reads what is kept and consents, uploads a vCard (the script shows the upload's
progress), sees which contacts are on Coopol and sends a coopain request in one
click. axe-core on every page, screenshots for review."""

from __future__ import annotations

import re

import pytest

from graphsvc import members
from tests.browser.conftest import CONTACTS_KEY, DESKTOP
from tests.browser.data import LYON_7, PASSWORD
from tests.browser.test_browse import log_in

# An Android-style vCard 2.1 export: quoted-printable name, several numbers, a
# member (by e-mail), a member who opted out (by phone) and a stranger.
BOOK = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Roux;Th=C3=A9o;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Th=C3=A9o Roux
EMAIL;HOME:Theo.Roux@Example.org
TEL;CELL:06 11 22 33 44
END:VCARD
BEGIN:VCARD
VERSION:2.1
FN:Nina Discrète
TEL;CELL:+33 6 55 44 33 22
END:VCARD
BEGIN:VCARD
VERSION:2.1
FN:Paul Inconnu
EMAIL:paul.inconnu@example.net
END:VCARD
"""


@pytest.fixture(scope="module")
def people(browser_store):
    made = {}
    for key, first, last, phone in (("importer", "Iris", "Carnet", None), ("theo", "Théo", "Roux", None),
                                    ("nina", "Nina", "Discrète", "+33655443322")):
        made[key] = members.register(
            browser_store, first_name=first, last_name=last, email=f"{key}.contacts@example.org" if key != "theo"
            else "theo.roux@example.org", password=PASSWORD, membership="adherent", section_id=LYON_7,
            visibility="members", phone=phone, contacts_key=CONTACTS_KEY)
    from graphsvc import contacts

    contacts.set_findable(browser_store, made["nina"].id, False)
    return made


def test_a_member_consents_uploads_a_vcard_and_asks_a_contact_in_one_click(visitor, people, tmp_path):
    book = tmp_path / "contacts.vcf"
    book.write_text(BOOK.replace("\n", "\r\n"), encoding="utf-8")
    v = visitor(DESKTOP)
    page = v.page
    log_in(v, "importer.contacts@example.org")
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Mes contacts").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Retrouver mes contacts"
    assert "seulement une empreinte" in page.inner_text("main")
    v.assert_accessible()

    page.get_by_label("J'ai lu ce qui est conservé et j'accepte").check()
    page.get_by_role("button", name="Continuer").click()
    assert "Vous pouvez importer" in page.inner_text("main")
    v.assert_accessible()

    page.get_by_label(re.compile("^Votre carnet d'adresses")).set_input_files(str(book))
    page.get_by_role("button", name="Importer").click()
    page.get_by_role("heading", name="1 de vos contacts est sur Coopol").wait_for()
    main = page.inner_text("main")
    assert "3 contacts lus. 1 de vos contacts est sur Coopol." in main
    assert "Théo Roux" in main and "Nina" not in main and "Paul Inconnu" not in main
    v.assert_accessible()
    v.screenshot("contacts-matches-desktop")

    found = page.locator(".contacts-found li").filter(has=page.get_by_role("link", name="Théo Roux"))
    found.get_by_role("button", name="Ajouter comme coopain").click()
    assert "Demande envoyée." in page.inner_text(".flashes")
    assert found.locator(".state").inner_text() == "Demande envoyée"
    assert "Coopol conserve 4 empreintes de contacts pour vous." in page.inner_text("main")
    v.assert_accessible()
    v.screenshot("contacts-request-sent-desktop")
