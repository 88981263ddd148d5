"""The web app on Neo4j through a `neo4j://` URL (routing driver), opened by the
app itself from its settings, as a deployment on a cluster or Aura would."""

from __future__ import annotations

import uuid

from graphsvc.config import Settings
from graphsvc.store.neo4j_store import Neo4jStore
from tests.fixtures.web import AuthActions, make_member
from webapp.graph import store_of


def test_the_app_runs_on_a_routing_url_and_a_member_reads_their_own_write(neo4j_server, neo4j_store, tmp_path):
    from webapp import create_app

    settings = Settings.from_env(
        {
            "COOPOL_INSTANCE": str(tmp_path / "instance"),
            "COOPOL_GRAPH_URL": neo4j_server.routing_url(),
            "COOPOL_NEO4J_USER": neo4j_server.user,
            "COOPOL_NEO4J_PASSWORD": neo4j_server.password,
        }
    )
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-" + uuid.uuid4().hex,
            "COOPOL_SETTINGS": settings,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        store = store_of(app)
    try:
        assert isinstance(store, Neo4jStore) and store.url.startswith("neo4j://")
        member = make_member(store, first_name="Routée", last_name="Lecture")
        client = app.test_client()
        login = AuthActions(client).login(member.email)
        assert login.status_code == 302, login.get_data(as_text=True)[:500]
        page = client.get("/ma-section", follow_redirects=True)
        assert page.status_code == 200
        assert "Villeurbanne" in page.get_data(as_text=True)
    finally:
        app.extensions["coopol_store"].close()
