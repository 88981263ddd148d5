"""Fixtures shared by every suite: one embedded FalkorDB server per session,
one empty graph per test, and (issue 9) the same on Neo4j."""

from __future__ import annotations

import pytest

from graphsvc.store.embedded import EmbeddedServer
from tests.fixtures.falkordb import fresh_graph

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
    with fresh_graph(falkor_server) as store:
        yield store


@pytest.fixture(params=BACKENDS)
def store(request):
    """An empty graph with the schema applied, on each backend in turn."""
    return request.getfixturevalue(f"{request.param}_store")
