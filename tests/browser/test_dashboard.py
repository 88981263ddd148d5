"""In a real headless Chromium (issue 7): the Rhône coordinator opens the
dashboard from the federation page, sees the network of sections drawn by
cytoscape.js (its canvas; a screenshot is saved), opens one section and sees
its members drawn; axe-core on each page; without JavaScript the tables
carry the same figures."""

from __future__ import annotations

import subprocess

import pytest

from graphsvc import dashboard
from tests.browser.conftest import REPO
from tests.browser.data import LYON_7
from tests.browser.test_browse import log_in

VENDOR = REPO / "webapp" / "static" / "vendor" / "cytoscape.min.js"


@pytest.fixture(scope="module", autouse=True)
def vendored_cytoscape():
    """The page serves cytoscape.js from static/vendor/ (`make assets`, part of `make test`)."""
    if not VENDOR.exists():
        subprocess.run(["make", "-s", "assets"], cwd=REPO, check=True)
    assert VENDOR.exists()


def test_a_coordinator_sees_the_network_of_sections_and_opens_one(visitor, browser_store, browser_people):
    dashboard.refresh(browser_store, "fed-69")
    v = visitor()
    page = v.page
    log_in(v, "karim.benali@example.org")
    v.goto("/federations/69")
    page.get_by_role("link", name="Tableau de bord").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Rhône"
    page.wait_for_selector("#dash-network[data-drawn] canvas", state="attached", timeout=30_000)
    assert int(page.get_attribute("#dash-network", "data-drawn")) > 1
    assert page.locator("#dash-network").is_visible()
    v.screenshot("dashboard-federation")
    v.assert_accessible()
    assert page.get_by_role("heading", name="Qui relie les sections").is_visible()

    page.get_by_role("table").first.get_by_role("link", name="Lyon 7e Arrondissement").click()
    assert page.url.endswith(f"/sections/{LYON_7}/tableau-de-bord")
    page.wait_for_selector("#dash-network[data-drawn] canvas", state="attached", timeout=30_000)
    assert int(page.get_attribute("#dash-network", "data-drawn")) > 1
    v.screenshot("dashboard-section")
    v.assert_accessible()
    page.get_by_text("Les membres en tableau").click()
    assert page.get_by_role("link", name="Jeanne Martin").first.is_visible()


def test_without_javascript_the_tables_carry_the_figures(visitor, browser_people):
    v = visitor(javascript=False)
    log_in(v, "karim.benali@example.org")
    v.goto("/federations/69/tableau-de-bord")
    assert v.page.locator("#dash-network").is_hidden()
    assert v.page.get_by_role("columnheader", name="Liens vers la fédération").is_visible()
    v.assert_accessible()
