"""In a real headless Chromium (issue 6): a member posts a YouTube link in their
section from the news feed; it shows as a player (the youtube-nocookie embed,
not loaded: no network needed); another member of the section sees it in
their feed on a phone, beside an event card. axe-core on each page,
screenshots of the feed on desktop and phone."""

from __future__ import annotations

import time

import pytest

from graphsvc import admins, events, members
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.data import LYON_7, PASSWORD
from tests.browser.test_browse import log_in

HOUR = 3600 * 1000


@pytest.fixture(scope="module")
def lea_and_omar(browser_store):
    """Léa Moreau and Omar Benali, of Lyon 7e; Omar manages the section and announced an event."""
    made = {}
    for key, first, last in (("lea", "Léa", "Moreau"), ("omar", "Omar", "Benali")):
        made[key] = members.register(
            browser_store, first_name=first, last_name=last, email=f"{key}.feed@example.org", password=PASSWORD,
            membership="adherent", section_id=LYON_7, visibility="members", visible_to_sympathisants=True,
        )
    admins.bootstrap(browser_store, made["omar"].id, "section", LYON_7)
    start = int(time.time() * 1000) + 72 * HOUR
    event = events.create(browser_store, made["omar"].id, LYON_7, events.EventInput(
        "Porte-à-porte sur les pentes de la Croix-Rousse", start, start + 2 * HOUR, place="Marché de la Croix-Rousse"))
    events.add_task(browser_store, made["omar"].id, event.id, "Distribuer les tracts", 6)
    return made


def test_a_member_posts_a_youtube_link_that_plays_in_the_feed(visitor, lea_and_omar):
    lea = visitor(DESKTOP)
    log_in(lea, "lea.feed@example.org")
    page = lea.page
    lea.goto("/fil")
    assert page.get_by_role("heading", level=1).inner_text() == "Fil d’actu"
    page.get_by_label("Votre message").fill("Le discours de clôture du congrès, à revoir et à partager !")
    page.get_by_label("Un lien (vidéo, son, article) — facultatif").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    page.get_by_role("button", name="Publier").click()
    assert "C’est publié !" in page.inner_text("main")

    card = page.locator("article.post-card").filter(has_text="Le discours de clôture")
    frame = card.locator("iframe")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert frame.get_attribute("title") == "Lecteur YouTube"
    assert "Léa Moreau" in card.inner_text()
    event = page.locator("article.event-card").filter(has_text="Porte-à-porte sur les pentes de la Croix-Rousse")
    assert "6 places de bénévoles libres" in event.inner_text()
    lea.assert_accessible()
    lea.screenshot("feed-desktop")

    omar = visitor(PHONE)
    log_in(omar, "omar.feed@example.org")
    omar.goto("/")  # a member's home is their feed
    phone_card = omar.page.locator("article.post-card").filter(has_text="Le discours de clôture")
    assert phone_card.locator("iframe").get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    omar.assert_accessible()
    omar.screenshot("feed-phone")
