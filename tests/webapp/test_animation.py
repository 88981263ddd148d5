"""Naming coordinators and managers on the web (the service checks the rights)."""

from __future__ import annotations

import pytest

from graphsvc import admins
from tests.fixtures.web import csrf_token, make_member, make_section


@pytest.fixture
def world(falkordb_store):
    store = falkordb_store
    rhone = make_section(store)
    paris = make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    people = {
        "admin": make_member(store, paris, email="admin@example.org"),
        "coord": make_member(store, rhone, email="coord@example.org"),
        "local": make_member(store, rhone, email="local@example.org"),
    }
    admins.bootstrap(store, people["admin"].id, "national", "national")
    return people


def name(client, email, level, unit):
    return client.post("/animation", data={
        "csrf_token": csrf_token(client, "/animation"), "email": email, "level": level, "unit": unit,
    })


def test_an_admin_names_a_coordinator_who_names_a_manager(app, auth, client, falkordb_store, world):
    auth.login("admin@example.org")
    page = client.get("/animation").get_data(as_text=True)
    assert "Administrateur national" in page and "Nommer" in page
    assert name(client, "Coord@example.org", "federation", "69").status_code == 302
    assert [r.unit_id for r in admins.rights(falkordb_store, world["coord"].id)] == ["fed-69"]
    auth.logout()

    auth.login("coord@example.org")
    assert name(client, "local@example.org", "section", "sec-69266").status_code == 302
    [right] = admins.rights(falkordb_store, world["local"].id)
    assert (right.right, right.granted_by) == ("manager", world["coord"].id)
    refused = name(client, "admin@example.org", "section", "sec-75101")
    assert refused.status_code == 403
    assert "Vous ne pouvez pas attribuer ce droit" in refused.get_data(as_text=True)


def test_a_member_without_rights_sees_no_form_and_cannot_post_one(auth, client, falkordb_store, world):
    auth.login("local@example.org")
    page = client.get("/animation").get_data(as_text=True)
    assert "aucun droit d'animation" in page and 'name="unit"' not in page
    assert name(client, "coord@example.org", "section", "sec-69266").status_code == 403
    assert admins.rights(falkordb_store, world["coord"].id) == []


@pytest.mark.parametrize("email, level, unit, message", [
    ("nobody@example.org", "federation", "69", "aucun compte"),
    ("coord@example.org", "federation", "98", "aucune unité"),
    ("coord@example.org", "section", "'}) DETACH DELETE n //", "aucune unité"),
    ("not an address", "federation", "69", "e-mail"),
])
def test_bad_nominations_say_why(auth, client, falkordb_store, world, email, level, unit, message):
    auth.login("admin@example.org")
    response = name(client, email, level, unit)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert admins.rights(falkordb_store, world["coord"].id) == []


def test_the_animation_page_needs_a_login(client):
    assert client.get("/animation").headers["Location"].startswith("/connexion")
