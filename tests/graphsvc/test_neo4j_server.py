"""The development Neo4j server (`coopol neo4j start|stop|status`) and what a
store sees when that server stops and comes back."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphsvc.cli import cli
from graphsvc.errors import StoreUnavailable
from graphsvc.neo4jserver import Neo4jServer, Neo4jServerError, _up_to_date, free_port, require_tools
from graphsvc.store.neo4j_store import Neo4jStore


def _coopol(instance: Path, *args: str):
    env = {"COOPOL_INSTANCE": str(instance), "COOPOL_NEO4J_PASSWORD": None}
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result


@pytest.fixture
def own_server(neo4j_server, tmp_path):
    """A server this test may stop: the session's own (restarted afterwards),
    or, when the session uses COOPOL_TEST_NEO4J_URI, one started for the test."""
    server = neo4j_server.server
    started_here = server is None
    if started_here:
        server = Neo4jServer(tmp_path / "instance" / "neo4j", port=free_port())
        server.start(die_with_parent=True, quick=True)
    try:
        yield server
    finally:
        if started_here:
            server.stop()
        elif not server.status().running:
            server.start(die_with_parent=True, quick=True)


def test_a_store_fails_fast_while_neo4j_is_down_and_recovers_without_reopening(own_server):
    """Stop, call, start, call; `coopol neo4j` sees the server of its instance folder."""
    instance, port = own_server.folder.parent, own_server.port
    status = json.loads(_coopol(instance, "neo4j", "status", "--json").output)
    assert status["running"] and status["port"] == port
    shown = _coopol(instance, "neo4j", "status").output
    assert f"COOPOL_GRAPH_URL=bolt://127.0.0.1:{port}" in shown
    assert f"$(cat {own_server.password_file})" in shown
    assert oct(own_server.password_file.stat().st_mode & 0o777) == "0o600"
    again = _coopol(instance, "neo4j", "start")
    assert again.exit_code == 0 and f"already runs (pid {status['pid']})" in again.output

    store = Neo4jStore(own_server.url, password=own_server.password)
    try:
        store.clear()
        store.apply_schema()
        store.write("admin/create_member_raw", id="before", email="before@example.org")

        stopped = _coopol(instance, "neo4j", "stop")
        assert stopped.exit_code == 0 and "Neo4j stopped" in stopped.output
        assert "not running" in _coopol(instance, "neo4j", "status").output

        began = time.monotonic()
        with pytest.raises(StoreUnavailable) as err:
            store.write("admin/create_member_raw", id="during", email="during@example.org")
        assert f"bolt://127.0.0.1:{port} is not answering" in str(err.value)
        with pytest.raises(StoreUnavailable):
            store.read("admin/count_members")
        assert time.monotonic() - began < 60  # seconds, not the driver's minutes

        own_server.start(die_with_parent=True, quick=True)
        assert store.read("admin/count_members") == [{"members": 1}]  # nothing half-written
        store.write("admin/create_member_raw", id="after", email="after@example.org")
        assert store.read("admin/count_members") == [{"members": 2}]
        store.clear()
    finally:
        store.close()


def test_status_of_a_server_never_started_says_so(tmp_path):
    result = _coopol(tmp_path, "neo4j", "status")
    assert result.exit_code == 0
    assert "not running" in result.output
    assert json.loads(_coopol(tmp_path, "neo4j", "status", "--json").output)["running"] is False
    assert "not running" in _coopol(tmp_path, "neo4j", "stop").output


def test_a_taken_port_is_refused_with_a_clear_message(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["neo4j", "start", "--port", str(port)], env={"COOPOL_INSTANCE": str(tmp_path)}
        )
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is taken" in result.output


def test_a_short_password_is_refused_before_starting(tmp_path):
    server = Neo4jServer(tmp_path, port=free_port(), password="short")
    with pytest.raises(Neo4jServerError, match="at least 8 characters"):
        server.start()
    assert not server.status().running


def test_missing_java_or_maven_is_a_loud_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jServerError, match="java and mvn not found"):
        require_tools()
    server = Neo4jServer(tmp_path / "neo4j", port=free_port(), password="long enough password")
    with pytest.raises(Neo4jServerError, match="JDK 17 and Maven"):
        server.start()


def _fake_launcher(root: Path) -> Path:
    jar = root / "repo" / "neo4j.jar"
    jar.parent.mkdir(parents=True)
    jar.write_text("jar")
    (root / "src" / "main").mkdir(parents=True)
    (root / "pom.xml").write_text("<project/>")
    (root / "src" / "main" / "Neo4jServer.java").write_text("class Neo4jServer {}")
    classes = root / "target" / "classes" / "coopol"
    classes.mkdir(parents=True)
    (classes / "Neo4jServer.class").write_text("class")
    (root / "target" / "classpath.txt").write_text(str(jar))
    return jar


def _age(path: Path, seconds: float) -> None:
    when = time.time() - seconds
    os.utime(path, (when, when))


def test_the_launcher_build_is_skipped_only_while_up_to_date(tmp_path):
    jar = _fake_launcher(tmp_path)
    for source in (tmp_path / "pom.xml", tmp_path / "src" / "main" / "Neo4jServer.java"):
        _age(source, 60)
    assert _up_to_date(tmp_path)

    (tmp_path / "src" / "main" / "Neo4jServer.java").touch()  # an edited source
    assert not _up_to_date(tmp_path)
    _age(tmp_path / "src" / "main" / "Neo4jServer.java", 60)
    assert _up_to_date(tmp_path)

    jar.unlink()  # Maven's cache was cleaned
    assert not _up_to_date(tmp_path)
