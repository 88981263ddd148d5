"""In a real headless Chromium: a new member registers through the real form,
logs out and in again, and walks national → federation → section → member,
with axe-core on every page and screenshots for review; logging out makes the
old session cookie worthless."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.data import LYON_7, PASSWORD

NEWCOMER_EMAIL = "amelie.rousseau@example.org"


def register(v, first_name, last_name, email, search="Lyon 7", section="Lyon 7e Arrondissement"):
    page = v.page
    v.goto("/")
    v.assert_accessible()
    page.get_by_role("main").get_by_role("link", name="Créer mon compte").click()
    page.get_by_label("Commune, code postal ou numéro de département").fill(search)
    page.get_by_role("button", name="Chercher").click()
    v.assert_accessible()
    page.get_by_role("link", name=section).click()
    v.assert_accessible()
    page.get_by_label("Prénom").fill(first_name)
    page.get_by_label("Nom", exact=True).fill(last_name)
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label(re.compile(r"^Mot de passe \(")).fill(PASSWORD)
    page.get_by_label("Mot de passe, une seconde fois").fill(PASSWORD)
    page.get_by_label("Adhérent·e du parti").check()
    page.locator("#mandates-0-role").select_option("conseiller_d_arrondissement")
    page.locator("#mandates-0-place").fill("Lyon 7e")
    page.get_by_label("Tous les membres de Coopol").check()
    page.get_by_role("button", name="Créer mon compte").click()
    assert "Bienvenue sur Coopol" in page.inner_text("main")


def log_out(v):
    v.page.get_by_role("button", name="Se déconnecter").click()
    assert "Vous êtes déconnecté" in v.page.inner_text("main")


def log_in(v, email, password=PASSWORD):
    page = v.page
    v.goto("/connexion")
    v.assert_accessible()
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    assert "Vous êtes connecté" in page.inner_text("main")


def breadcrumb_trail(page) -> list[str]:
    return [t.strip() for t in page.get_by_role("navigation", name="Fil d’Ariane").locator("li").all_inner_texts()]


def walk_down(v, shots: str | None):
    """National → Rhône → Lyon 7e → Jeanne Martin by clicking; returns the URLs."""
    page = v.page
    urls = {}
    page.get_by_role("banner").get_by_role("link", name="Fédérations").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Les fédérations"
    urls["national"] = page.url
    v.assert_accessible()
    if shots:
        v.screenshot(f"national-{shots}")

    page.get_by_role("link", name=re.compile(r"^69 · Rhône")).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Rhône"
    assert breadcrumb_trail(page) == ["National", "Rhône"]
    assert "Karim Benali" in page.inner_text("main")  # the federation's coordinator
    urls["federation"] = page.url
    v.assert_accessible()
    if shots:
        v.screenshot(f"federation-{shots}")

    section_link = page.get_by_role("link", name=re.compile(r"^Lyon 7e Arrondissement"))
    while not section_link.count():  # the sections come in pages, by name
        page.get_by_role("link", name="Suivante ›").click()
        v.assert_accessible()
    section_link.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Lyon 7e Arrondissement"
    assert breadcrumb_trail(page) == ["National", "Rhône", "Lyon 7e Arrondissement"]
    urls["section"] = page.url
    v.assert_accessible()
    if shots:
        v.screenshot(f"section-{shots}")

    page.get_by_role("link", name="Jeanne Martin").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Jeanne Martin"
    assert breadcrumb_trail(page) == ["National", "Rhône", "Lyon 7e Arrondissement", "Jeanne Martin"]
    main = page.inner_text("main")
    assert "Adjoint au maire d'arrondissement" in main or "Adjoint au maire d’arrondissement" in main
    assert "Lyon 7e" in main
    urls["profile"] = page.url
    v.assert_accessible()
    if shots:
        v.screenshot(f"profile-{shots}")
    return urls


def test_a_new_member_registers_logs_in_and_walks_down_to_a_member(visitor, browser_people):
    v = visitor(DESKTOP)
    register(v, "Amélie", "Rousseau", NEWCOMER_EMAIL)
    log_out(v)
    log_in(v, NEWCOMER_EMAIL)
    urls = walk_down(v, shots="desktop")
    assert urls["section"].endswith(f"/sections/{LYON_7}")
    # The newcomer is listed in her own section, like any member visible to all.
    v.page.goto(urls["section"])
    assert "Amélie Rousseau" in v.page.inner_text("main")
    v.page.goto("/recherche?q=69007")
    assert v.page.get_by_role("link", name=re.compile(r"^Lyon 7e Arrondissement")).count() == 1
    v.assert_accessible()


def test_a_coordinator_walks_down_on_a_phone_without_javascript_or_sideways_scrolling(visitor, browser_people):
    v = visitor(PHONE, javascript=False)  # the pages need none: links, forms, CSS
    log_in(v, "karim.benali@example.org")
    v.goto("/")
    v.assert_accessible()
    v.screenshot("home-phone")
    walk_down(v, shots="phone")


def test_anonymous_pages_are_accessible_and_name_nobody(visitor, browser_people):
    v = visitor(DESKTOP)
    for path in ("/", "/national", "/federations/69", f"/sections/{LYON_7}", "/recherche?q=lyon"):
        v.goto(path)
        v.assert_accessible()
        html = v.page.content()
        assert "Jeanne Martin" not in html and "Karim Benali" not in html
        if path == "/":
            v.screenshot("home-anonymous-desktop")
    v.screenshot("search-anonymous-desktop")
    v.goto(f"/sections/{LYON_7}")
    assert "Connectez-vous" in v.page.inner_text("main") or "membres connectés" in v.page.inner_text("main")


def test_after_logout_the_old_session_cookie_is_refused(visitor, browser_people, live_server):
    v = visitor(DESKTOP)
    log_in(v, "jeanne.martin@example.org")
    profile = f"/membres/{browser_people.karim.id}"
    v.goto(profile)
    assert v.page.get_by_role("heading", level=1).inner_text() == "Karim Benali"
    stolen = v.context.cookies()
    assert stolen, "the login set no cookie"
    log_out(v)

    thief = visitor(DESKTOP)
    thief.context.add_cookies(stolen)
    response = thief.page.goto(profile)
    assert response.ok
    assert "/connexion" in thief.page.url
    assert "Karim Benali" not in thief.page.content()
