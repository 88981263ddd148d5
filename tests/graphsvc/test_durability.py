"""A write the store acknowledged survives `kill -9` of the embedded graph server
and of the client process writing; `coopol bench durability` repeats it."""

from __future__ import annotations

import json
import os
import signal

import pytest
from click.testing import CliRunner

from graphsvc import durability
from graphsvc.cli import cli
from graphsvc.store.embedded import EmbeddedServer, open_embedded


@pytest.fixture
def folder(tmp_path):
    where = tmp_path / "graph"
    yield where
    EmbeddedServer(where).stop()


def test_every_acknowledged_write_survives_kill_9_of_the_server(folder):
    first = durability.run_round(folder, 0, victim="server", min_acks=200)
    second = durability.run_round(folder, 1, victim="server", min_acks=50, delay_s=0.2)
    for result in (first, second):
        assert result.acknowledged >= 50
        assert result.found == result.acknowledged and result.lost == 0
        assert result.torn == 0


def test_a_write_cut_by_the_server_kill_is_all_or_nothing(folder):
    durability.run_round(folder, 0, victim="server", min_acks=100)
    store = open_embedded(folder, durability.GRAPH)
    try:
        rows = store.read("durability/list_marks", round=0, limit=100_000)
    finally:
        store.db.connection.close()
    assert rows and {row["parts"] for row in rows} == {durability.MARKS_PER_WRITE}
    assert [row["seq"] for row in rows] == list(range(len(rows)))  # no gap before the last write


def test_every_acknowledged_write_survives_kill_9_of_a_client_mid_writes(folder):
    result = durability.run_round(folder, 0, victim="client", min_acks=200, delay_s=0.1)
    assert result.acknowledged >= 200 and result.lost == 0 and result.torn == 0
    server = EmbeddedServer(folder)
    pid = server.pid()
    assert pid and server.answers()  # the server did not notice more than a closed socket
    again = durability.run_round(folder, 1, victim="client", min_acks=20)
    assert again.lost == 0 and server.pid() == pid


def test_the_server_restarts_on_its_stale_pid_and_socket_files(folder):
    store = open_embedded(folder, durability.GRAPH)
    store.write("durability/write_mark", round=0, seq=0, size=1)
    server = store.server
    old_pid = server.pid()
    os.kill(old_pid, signal.SIGKILL)
    durability._wait_gone(old_pid)
    assert server.pidfile.exists() and server.socket.exists()  # left by the killed server
    assert not server.answers()
    again = open_embedded(folder, durability.GRAPH)  # at once: no wait for init to reap it
    try:
        assert server.answers() and server.pid() not in (None, old_pid)
        assert again.read("durability/list_marks", round=0, limit=10) == [{"seq": 0, "parts": 1}]
    finally:
        again.close()
        store.db.connection.close()


def test_the_check_counts_a_missing_or_partial_write_as_lost(store):
    store.write("durability/write_mark", round=3, seq=0, size=durability.MARKS_PER_WRITE)
    store.write("durability/write_mark", round=3, seq=1, size=durability.MARKS_PER_WRITE - 2)
    result = durability.check(store, 3, [0, 1, 2])
    assert (result.acknowledged, result.found, result.lost, result.torn) == (3, 1, 2, 1)
    assert durability.check(store, 4, []).lost == 0


def test_an_acknowledgement_cut_mid_line_is_not_counted(tmp_path):
    acks = tmp_path / "acks.txt"
    acks.write_text("0\n1\n2\n1")
    assert durability.read_acks(acks) == [0, 1, 2]
    assert durability.read_acks(tmp_path / "none.txt") == []


def test_bench_durability_prints_kills_acknowledged_lost_and_seconds(tmp_path):
    result = CliRunner().invoke(
        cli, ["bench", "durability", "--kills", "2", "--json", "--seed", "1", "--folder", str(tmp_path / "b")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["kills"] == 2 and report["acknowledged"] > 0
    assert report["lost"] == 0 and report["torn"] == 0
    assert report["seconds"] > 0 and report["fsync"] == "always"
    assert not EmbeddedServer(tmp_path / "b").answers()  # the bench stops its server


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kills", "0"], "0 is not in the range"),
        (["--kills", "many"], "'many' is not a valid integer"),
        (["--fsync", "sometimes"], "'sometimes' is not one of"),
        (["--victim", "everyone"], "'everyone' is not one of"),
    ],
)
def test_bench_durability_refuses_bad_options(args, message):
    result = CliRunner().invoke(cli, ["bench", "durability", *args])
    assert result.exit_code == 2 and message in result.output


def test_bench_durability_refuses_a_folder_holding_data(tmp_path):
    (tmp_path / "kept.txt").write_text("precious")
    result = CliRunner().invoke(cli, ["bench", "durability", "--kills", "1", "--folder", str(tmp_path)])
    assert result.exit_code == 2 and "must be empty" in result.output
    assert sorted(os.listdir(tmp_path)) == ["kept.txt"]


def test_the_writer_stops_when_the_server_is_killed(folder):
    server = EmbeddedServer(folder)
    server.ensure_started()
    acks = folder / "acks.txt"
    os.kill(server.pid(), signal.SIGKILL)
    # Nothing to open: the writer restarts the server itself, writes, and stops at the deadline.
    written = durability.write_until_killed(folder, 0, acks, "everysec", max_seconds=0.2)
    assert written > 0 and durability.read_acks(acks) == list(range(written))
