"""The dashboard pages through the Flask test client: the access matrix of
roles × pages (page, section zoom, JSON data, each CSV, the recompute button,
the export log), what the pages and the JSON show, the CSV download, and the
links from the federation and account pages."""

from __future__ import annotations

import csv
import io

import pytest

from graphsvc import admins, coopains
from tests.fixtures.web import csrf_token, make_member, make_section


@pytest.fixture
def people(falkordb_store):
    """Federation 69 (sections A and B), federation 13 (section M); a1-a2 and
    a1-b1 are coopains; a2 shows to their section only; `<b>` is in b1's name."""
    store = falkordb_store
    for sid, name, number, fname in (("sec-A", "Alpha", "69", "Rhône"), ("sec-B", "Bravo", "69", "Rhône"),
                                     ("sec-M", "Mike", "13", "Bouches-du-Rhône")):
        make_section(store, sid, name, number, fname, communes=(sid,), postcodes=())
    made = {}
    for key, section, visibility, last in (
        ("a1", "sec-A", "members", "Un"), ("a2", "sec-A", "section", "Deux"), ("b1", "sec-B", "members", "<b>Trois</b>"),
        ("coord", "sec-B", "section", "Coord"), ("manager", "sec-A", "section", "Manager"),
        ("coord13", "sec-M", "section", "Autre"), ("admin", "sec-M", "section", "Admin"), ("member", "sec-A", "section", "Simple"),
    ):
        made[key] = make_member(store, section, email=f"{key}@example.org", first_name=key.capitalize(),
                                last_name=last, visibility=visibility).id
    for a, b in (("a1", "a2"), ("a1", "b1")):
        coopains.request(store, made[a], made[b])
        coopains.accept(store, made[b], made[a])
    admins.bootstrap(store, made["coord"], "federation", "fed-69")
    admins.bootstrap(store, made["manager"], "section", "sec-A")
    admins.bootstrap(store, made["coord13"], "federation", "fed-13")
    admins.bootstrap(store, made["admin"], "national", "national")
    return made


PAGES = [
    ("federation page", "/federations/69/tableau-de-bord", "fed"),
    ("federation data", "/tableau-de-bord/fed-69/donnees.json", "fed"),
    ("federation bridges CSV", "/tableau-de-bord/fed-69/bridges.csv", "fed"),
    ("federation connected CSV", "/tableau-de-bord/fed-69/connected.csv", "fed"),
    ("federation isolated CSV", "/tableau-de-bord/fed-69/isolated.csv", "fed"),
    ("federation newcomers CSV", "/tableau-de-bord/fed-69/newcomers.csv", "fed"),
    ("section zoom", "/sections/sec-A/tableau-de-bord", "sec"),
    ("section data", "/tableau-de-bord/sec-A/donnees.json", "sec"),
    ("section bridges CSV", "/tableau-de-bord/sec-A/bridges.csv", "sec"),
    ("section isolated CSV", "/tableau-de-bord/sec-A/isolated.csv", "sec"),
]
ALLOWED = {  # role -> the scopes whose pages they may open
    "coord": {"fed", "sec"},
    "admin": {"fed", "sec"},
    "manager": {"sec"},
    "coord13": set(),
    "member": set(),
}


def test_access_matrix_of_roles_and_pages(app, falkordb_store, people):
    for role, scopes in ALLOWED.items():
        client = app.test_client()
        token = csrf_token(client, "/connexion")
        client.post("/connexion", data={"csrf_token": token, "email": f"{role}@example.org",
                                        "password": "correct horse battery"})
        for name, url, scope in PAGES:
            expected = 200 if scope in scopes else 403
            assert client.get(url).status_code == expected, (role, name)
        for unit, scope in (("fed-69", "fed"), ("sec-A", "sec")):
            response = client.post(f"/tableau-de-bord/{unit}/recalculer",
                                   data={"csrf_token": csrf_token(client, "/")})
            assert response.status_code == (302 if scope in scopes else 403), (role, unit)
        assert client.get("/tableaux-de-bord/exports").status_code == (200 if role == "admin" else 403)
        assert client.get("/tableaux-de-bord").status_code == (403 if role == "member" else 200), role


@pytest.mark.parametrize("url", [url for _, url, _ in PAGES] + ["/tableaux-de-bord", "/tableaux-de-bord/exports"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


def test_the_federation_page_shows_figures_lists_and_escapes_names(auth, client, people):
    auth.login("coord@example.org")
    page = client.get("/federations/69/tableau-de-bord").get_data(as_text=True)
    assert "Chiffres par section" in page and "Alpha" in page and "Bravo" in page
    assert "Qui relie les sections" in page and "Exporter (CSV)" in page
    assert "B1 &lt;b&gt;Trois&lt;/b&gt;" in page and "<b>Trois</b>" not in page
    assert "Membre non visible" in page  # a2 shows to their section only
    assert "Effectifs, nouveaux, actifs et liens entre coopains au " in page and "Les événements sont à jour." in page
    assert 'data-url="/tableau-de-bord/fed-69/donnees.json"' in page
    assert 'src="/static/vendor/cytoscape.min.js"' in page
    assert 'name="csrf_token"' in page


def test_the_json_gives_sections_and_links_and_hides_hidden_members(auth, client, people):
    auth.login("coord@example.org")
    body = client.get("/tableau-de-bord/fed-69/donnees.json").get_json()
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes["sec-A"]["members"] == 4 and nodes["sec-B"]["members"] == 2
    assert body["edges"] == [{"source": "sec-A", "target": "sec-B", "links": 1}]
    zoom = client.get("/tableau-de-bord/sec-A/donnees.json")
    assert zoom.headers["Cache-Control"] == "private, no-store"
    data = zoom.get_json()
    labels = sorted(n["label"] for n in data["nodes"])
    assert labels == ["", "", "", "A1 Un"]  # a2, the manager and the member: their section only
    text = zoom.get_data(as_text=True)
    assert people["a2"] not in text and people["member"] not in text
    assert len(data["edges"]) == 1 and all(n["id"].startswith("n") for n in data["nodes"])


def test_a_csv_export_downloads_with_a_bom_and_is_logged(auth, client, people, falkordb_store):
    auth.login("coord@example.org")
    response = client.get("/tableau-de-bord/fed-69/connected.csv")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="coopol-federation-69-plus-lies.csv"'
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "nom" and {r[0] for r in rows[1:]} == {"A1 Un", "B1 <b>Trois</b>", "(membre non visible)"}
    auth.logout()
    auth.login("admin@example.org")
    log = client.get("/tableaux-de-bord/exports").get_data(as_text=True)
    assert "Coord Coord" in log and "Les plus liés" in log and "Rhône" in log
    assert client.get("/tableau-de-bord/fed-69/everyone.csv").status_code == 404
    assert client.get("/tableaux-de-bord/exports?avant=zzz").status_code == 404


def test_recomputing_needs_a_csrf_token(auth, client, people):
    auth.login("coord@example.org")
    assert client.post("/tableau-de-bord/fed-69/recalculer").status_code == 400
    response = client.post("/tableau-de-bord/fed-69/recalculer", data={"csrf_token": csrf_token(client, "/")},
                           follow_redirects=True)
    assert "Chiffres recalculés : 2 sections, 6 membres." in response.get_data(as_text=True)


def test_the_federation_and_account_pages_link_to_the_dashboard_for_those_allowed(auth, client, people):
    auth.login("coord@example.org")
    assert "/federations/69/tableau-de-bord" in client.get("/federations/69").get_data(as_text=True)
    assert "/tableaux-de-bord" in client.get("/compte").get_data(as_text=True)
    auth.logout()
    auth.login("member@example.org")
    assert "/federations/69/tableau-de-bord" not in client.get("/federations/69").get_data(as_text=True)
    assert "/tableaux-de-bord" not in client.get("/compte").get_data(as_text=True)


def test_unknown_federations_and_sections_are_not_found(auth, client, people):
    auth.login("admin@example.org")
    assert client.get("/federations/00/tableau-de-bord").status_code == 404
    assert client.get("/sections/sec-nope/tableau-de-bord").status_code == 404
    assert client.get("/tableau-de-bord/sec-nope/donnees.json").status_code == 404
