"""Fixtures shared by every suite: one embedded FalkorDB server per session,
one empty graph per test, and (issue 9) the same on Neo4j."""

from __future__ import annotations

import uuid

import pytest
from falkordb import FalkorDB

from graphsvc.store.embedded import EmbeddedServer
from graphsvc.store.falkor import FalkorStore

pytest_plugins = ["tests.fixtures.neo4j", "tests.fixtures.coverage", "tests.fixtures.web"]

BACKENDS = ["falkordb", "neo4j"]


@pytest.fixture(scope="session")
def falkor_server(tmp_path_factory):
    # everysec: the suite does not cut the power; durability has its own tests and bench.
    server = EmbeddedServer(tmp_path_factory.mktemp("graph"), fsync="everysec")
    server.ensure_started()
    yield server
    server.stop()


@pytest.fixture
def falkordb_store(falkor_server):
    """An empty FalkorDB graph of its own, with the schema applied."""
    db = FalkorDB(unix_socket_path=str(falkor_server.socket))
    store = FalkorStore(db, f"t_{uuid.uuid4().hex}", f"embedded://{falkor_server.folder}")
    store.apply_schema()
    yield store
    store.drop()
    db.connection.close()


@pytest.fixture(params=BACKENDS)
def store(request):
    """An empty graph with the schema applied, on each backend in turn."""
    return request.getfixturevalue(f"{request.param}_store")
