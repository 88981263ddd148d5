"""In a real headless Chromium (issue 4): a newcomer registers, sees suggestions
with their reasons, clicks "Ajouter"; the other member logs in and accepts the
request; the newcomer then sees a coopain of their new coopain suggested, with
the common coopain named. axe-core on every page, screenshots for review."""

from __future__ import annotations

import re

import pytest

from graphsvc import coopains, members
from tests.browser.conftest import DESKTOP
from tests.browser.data import PASSWORD
from tests.browser.test_browse import log_in, log_out, register

NEWCOMER = ("Bruno", "Leclerc", "bruno.leclerc@example.org")
# A section of their own: other walks add members to Lyon 7e, and a newcomer's
# page shows only the ten best of many equal same-section suggestions.
LYON_4 = ("sec-69384", "Lyon 4", "Lyon 4e Arrondissement")
AMBES = "sec-33004"  # Ambès, Gironde: another federation than Lyon's


@pytest.fixture(scope="module")
def paul_and_sophie(browser_store):
    """Paul Girard (Lyon 4e) and Sophie Lambert (Ambès, Gironde), coopains already."""
    made = {}
    for key, first, last, section in (("paul", "Paul", "Girard", LYON_4[0]), ("sophie", "Sophie", "Lambert", AMBES)):
        made[key] = members.register(
            browser_store,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}@example.org",
            password=PASSWORD,
            membership="adherent",
            section_id=section,
            visibility="members",
            visible_to_sympathisants=True,
        )
    coopains.request(browser_store, made["paul"].id, made["sophie"].id)
    coopains.accept(browser_store, made["sophie"].id, made["paul"].id)
    return made


def card(page, name: str):
    return page.locator("li.suggestion").filter(has=page.get_by_role("link", name=name, exact=True))


def open_suggestions(v):
    v.goto("/coopains/suggestions")
    assert v.page.get_by_role("heading", level=1).inner_text() == "Vous les connaissez peut-être"
    v.assert_accessible()


def test_a_newcomer_adds_a_suggested_member_who_accepts_then_sees_a_common_coopain(visitor, paul_and_sophie):
    first, last, email = NEWCOMER
    newcomer = visitor(DESKTOP)
    register(newcomer, first, last, email, search=LYON_4[1], section=LYON_4[2])
    page = newcomer.page

    # Suggested: a member of the same section, with the reason said.
    open_suggestions(newcomer)
    paul = card(page, "Paul Girard")
    assert paul.count() == 1
    assert f"même section : {LYON_4[2]}" in paul.locator(".reasons").inner_text()
    # Sophie is in another federation's section and shares no coopain yet.
    assert card(page, "Sophie Lambert").count() == 0
    newcomer.screenshot("suggestions-newcomer-desktop")

    paul.get_by_role("button", name="Ajouter").click()
    status = page.locator(".js-status")
    status.filter(has_text=re.compile(r"\S")).wait_for()
    assert status.inner_text() == "Demande envoyée."
    assert paul.get_by_role("button", name="Ajouter").count() == 0
    newcomer.assert_accessible()
    newcomer.screenshot("suggestions-request-sent-desktop")
    newcomer.goto("/coopains/demandes")
    sent = page.get_by_role("region", name=re.compile("^Envoyées"))
    assert "Paul Girard" in sent.inner_text()
    log_out(newcomer)

    # Paul logs in, finds the request and accepts it.
    host = visitor(DESKTOP)
    log_in(host, "paul.girard@example.org")
    host.page.get_by_role("banner").get_by_role("link", name=re.compile("^Coopains")).click()
    host.page.get_by_role("link", name=re.compile(r"demande reçue")).click()
    assert host.page.get_by_role("heading", level=1).inner_text() == "Demandes de coopains"
    host.assert_accessible()
    host.screenshot("requests-received-desktop")
    received = host.page.get_by_role("region", name=re.compile("^Reçues"))
    request = received.locator("li.person").filter(has=host.page.get_by_role("link", name="Bruno Leclerc"))
    assert request.count() == 1
    request.get_by_role("button", name="Accepter").click()
    host.page.wait_for_load_state()
    assert "Bruno Leclerc" not in host.page.get_by_role("region", name=re.compile("^Reçues")).inner_text()
    host.goto("/coopains")
    assert host.page.get_by_role("link", name="Bruno Leclerc").count() == 1
    host.assert_accessible()
    host.screenshot("coopains-after-accept-desktop")

    # Back to the newcomer: Paul is a coopain now, and Paul's coopain is suggested.
    log_in(newcomer, email)
    open_suggestions(newcomer)
    assert card(page, "Paul Girard").count() == 0
    sophie = card(page, "Sophie Lambert")
    assert sophie.count() == 1
    assert "Paul Girard, coopain en commun" in sophie.locator(".reasons").inner_text()
    newcomer.screenshot("suggestions-common-coopain-desktop")
