"""In a real headless Chromium (issue 6): a section manager creates an event
and adds a volunteer task; a member finds it through the header's "Agenda",
answers "J'y vais", signs up for the task and sees the places left. axe-core
on every page, a phone check, screenshots for review."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from graphsvc import admins, members
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.data import LYON_7, PASSWORD
from tests.browser.test_browse import log_in, log_out

TITLE = "Tractage au marché de la Croix-Rousse"


@pytest.fixture(scope="module")
def manager_and_member(browser_store):
    made = {}
    for key, first, last in (("manager", "Nadia", "Benali"), ("member", "Lucas", "Moreau")):
        made[key] = members.register(
            browser_store, first_name=first, last_name=last, email=f"{first.lower()}.{last.lower()}@example.org",
            password=PASSWORD, membership="adherent", section_id=LYON_7, visibility="members",
            visible_to_sympathisants=True)
    admins.bootstrap(browser_store, made["manager"].id, "section", LYON_7)
    return made


def test_a_manager_creates_an_event_with_a_task_and_a_member_signs_up(visitor, manager_and_member):
    start = (datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=4)).replace(hour=9, minute=0)

    organiser = visitor(DESKTOP)
    page = organiser.page
    log_in(organiser, "nadia.benali@example.org")
    organiser.goto(f"/sections/{LYON_7}/agenda")
    organiser.assert_accessible()
    page.get_by_role("link", name="Créer un événement").click()
    organiser.assert_accessible()
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Début").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Fin").fill(start.replace(hour=12).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Lieu").fill("Boulevard de la Croix-Rousse, devant le métro")
    page.get_by_label("Description").fill("Tracts et café fournis.\nGilets à récupérer au local.")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert "09:00 – 12:00" in page.inner_text("main")

    panel = page.locator("#organisation")
    panel.get_by_label("Tâche").fill("Distribuer les tracts")
    panel.get_by_label("Nombre de volontaires").fill("6")
    panel.get_by_role("button", name="Ajouter la tâche").click()
    assert "Tâche ajoutée." in page.inner_text("main")
    assert "6 places libres" in page.inner_text("#taches")
    organiser.assert_accessible()
    event_path = page.url.split("#")[0].replace(organiser.base_url, "")
    log_out(organiser)

    member = visitor(DESKTOP)
    page = member.page
    log_in(member, "lucas.moreau@example.org")
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Agenda").click()
    member.assert_accessible()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="J’y vais").click()
    assert "C’est noté : vous y allez." in page.inner_text("main")
    assert page.get_by_role("button", name="J’y vais").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Je m’inscris").click()
    tasks = page.locator("#taches")
    assert "Vous êtes inscrit·e." in tasks.inner_text() and "5 places libres" in tasks.inner_text()
    assert "Lucas Moreau" in page.inner_text("#reponse")
    member.assert_accessible()
    member.screenshot("events-member-signed-up")

    phone = visitor(PHONE)
    log_in(phone, "lucas.moreau@example.org")
    phone.goto(event_path)
    phone.assert_accessible()
    phone.screenshot("events-phone")
    phone.goto("/mes-evenements")
    assert TITLE in phone.page.inner_text("main")
    phone.assert_accessible()
