"""The embedded graph server: one server per folder however many processes open
it at once, recovery after `kill -9`, the fsync policy from the settings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graphsvc import querylib
from graphsvc.config import Settings
from graphsvc.errors import StoreError
from graphsvc.store import open_store
from graphsvc.store.embedded import QUERY_PLANS, EmbeddedServer, _allocator, open_embedded

GRAPH = "embedded_test"

# One process: say it is ready, wait for the gate, open the folder, write K marks (one statement
# each), wait until every process has written, close, print what it saw.
OPENER = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    from graphsvc.store.embedded import open_embedded

    folder, index, count, processes = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    (folder.parent / f"ready-{index}").touch()
    gate = folder.parent / "gate"
    while not gate.exists():
        time.sleep(0.002)
    store = open_embedded(folder, "embedded_test")
    for seq in range(count):
        store.write("durability/write_mark", round=index, seq=seq, size=1)
    (folder.parent / f"done-{index}").touch()
    while len(list(folder.parent.glob("done-*"))) < processes:
        time.sleep(0.01)
    pid = store.server.pid()
    store.close()
    print(json.dumps({"index": index, "server_pid": pid}))
    """
)


@pytest.fixture
def folder(tmp_path):
    where = tmp_path / "graph"
    yield where
    EmbeddedServer(where).stop()


def server_starts(folder) -> int:
    log = folder / "server.log"
    return log.read_text().count("Server initialized") if log.exists() else 0


def test_processes_opening_one_folder_at_once_share_one_server(folder):
    processes, count = 6, 25
    children = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(folder), str(i), str(count), str(processes)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    deadline = time.monotonic() + 120
    while len(list(folder.parent.glob("ready-*"))) < processes:  # every interpreter at the gate
        assert time.monotonic() < deadline and all(c.poll() is None for c in children)
        time.sleep(0.01)
    (folder.parent / "gate").touch()
    reports = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        reports.append(json.loads(out))
    assert server_starts(folder) == 1
    assert len({r["server_pid"] for r in reports}) == 1
    store = open_embedded(folder, GRAPH)
    try:
        for i in range(processes):
            rows = store.read("durability/list_marks", round=i, limit=1000)
            assert rows == [{"seq": seq, "parts": 1} for seq in range(count)]
    finally:
        store.close()


def test_the_next_open_after_kill_9_recovers_without_connection_refused(folder):
    store = open_embedded(folder, GRAPH)
    store.write("durability/write_mark", round=0, seq=0, size=3)
    pid = store.server.pid()
    os.kill(pid, signal.SIGKILL)
    again = open_embedded(folder, GRAPH)  # at once: the killed server may not even be reaped
    try:
        assert again.read("durability/list_marks", round=0, limit=10) == [{"seq": 0, "parts": 3}]
        assert again.server.pid() not in (None, pid)
        # The first store's connection reconnects to the new server by itself.
        assert store.read("durability/list_marks", round=0, limit=10) == [{"seq": 0, "parts": 3}]
    finally:
        store.db.connection.close()
        again.close()
    assert server_starts(folder) == 2


def test_a_pid_file_naming_another_live_process_is_stale(folder):
    folder.mkdir(parents=True)
    (folder / "server.pid").write_text(str(os.getpid()))  # alive, but not a graph server
    (folder / "server.sock").write_text("")  # not a socket either
    store = open_embedded(folder, GRAPH)
    try:
        assert store.server.pid() not in (None, os.getpid())
        assert store.write("durability/write_mark", round=0, seq=0, size=1) == [{"created": 1}]
    finally:
        store.close()


def test_a_server_busy_loading_is_waited_for_and_a_hung_one_named(folder, monkeypatch):
    # While FalkorDB decodes a large graph its server does not answer at all (7 s
    # for 1M posts): the next open must wait for it, not fail on a read timeout.
    from graphsvc.store import embedded

    store = open_embedded(folder, GRAPH)
    pid = store.server.pid()
    monkeypatch.setattr(embedded, "START_TIMEOUT_S", 30.0)
    os.kill(pid, signal.SIGSTOP)
    try:
        resume = subprocess.Popen(["sh", "-c", f"sleep 7; kill -CONT {pid}"])
        again = open_embedded(folder, GRAPH)  # the probe times out after 5 s, then waits on
        resume.wait()
        assert again.server.pid() == pid and again.read("admin/ping") == [{"ok": 1}]
        again.db.connection.close()
        monkeypatch.setattr(embedded, "START_TIMEOUT_S", 1.0)
        os.kill(pid, signal.SIGSTOP)
        with pytest.raises(StoreError, match=f"a process \\({pid}\\) holds .* does not answer"):
            open_embedded(folder, GRAPH)
    finally:
        os.kill(pid, signal.SIGCONT)
        store.close()


def test_closing_the_starter_leaves_the_server_to_the_others(folder):
    starter = open_embedded(folder, GRAPH)
    other = open_embedded(folder, GRAPH)
    starter.write("durability/write_mark", round=0, seq=0, size=1)
    starter.close()
    try:
        assert other.server.answers()
        assert other.write("durability/write_mark", round=1, seq=0, size=1) == [{"created": 1}]
    finally:
        other.close()


def test_the_last_close_of_the_starter_stops_the_server(folder):
    store = open_embedded(folder, GRAPH)
    store.write("durability/write_mark", round=0, seq=0, size=1)
    server = store.server
    store.close()
    assert not server.answers() and server.pid() is None
    again = open_embedded(folder, GRAPH)
    try:
        assert again.read("durability/list_marks", round=0, limit=10) == [{"seq": 0, "parts": 1}]
    finally:
        again.close()


@pytest.mark.skipif(_allocator() is None, reason="libjemalloc2 is not installed (make test installs it)")
def test_the_server_runs_on_jemalloc_when_it_is_installed(folder):
    store = open_embedded(folder, GRAPH)
    try:
        store.write("durability/write_mark", round=0, seq=0, size=1)
        maps = Path(f"/proc/{store.server.pid()}/maps").read_text()
        assert "libjemalloc" in maps
    finally:
        store.close()


def test_the_server_keeps_a_plan_for_every_query_of_the_library(folder):
    store = open_embedded(folder, GRAPH)
    try:
        plans = store.server.client().execute_command("GRAPH.CONFIG", "GET", "CACHE_SIZE")
        assert plans == [b"CACHE_SIZE", QUERY_PLANS]
        assert QUERY_PLANS >= 2 * len(querylib.names())
    finally:
        store.close()


@pytest.mark.parametrize("policy", ["always", "everysec", "no"])
def test_the_fsync_policy_comes_from_coopol_fsync(tmp_path, policy):
    settings = Settings.from_env({"COOPOL_FSYNC": policy, "COOPOL_INSTANCE": str(tmp_path / "instance")})
    store = open_store(f"embedded://{tmp_path / 'graph'}", settings)
    try:
        config = store.server.client().config_get("append*")
        assert config["appendonly"] == "yes" and config["appendfsync"] == policy
    finally:
        store.close()


def test_an_unknown_fsync_policy_is_refused():
    with pytest.raises(ValueError, match="COOPOL_FSYNC must be one of always, everysec, no"):
        Settings.from_env({"COOPOL_FSYNC": "sometimes"})
