"""`coopol members export / erase`: an operator handles a member's request by
id or e-mail; unknown members are a clean error; erasing asks first."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc import mydata
from graphsvc.cli import Context, cli
from tests.fixtures.web import make_member, make_section


@pytest.fixture
def graph(falkordb_store, monkeypatch):
    store = falkordb_store
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    make_section(store)
    return store, make_member(store, email="alice@example.org", first_name="Alice", last_name="Lambert")


def run(*args, input=None):
    return CliRunner().invoke(cli, ["members", *args], input=input)


def test_export_prints_the_members_data_as_json(graph):
    store, alice = graph
    for key in (alice.id, "Alice@Example.org"):
        result = run("export", key)
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["member_id"] == alice.id and data["profile"]["last_name"] == "Lambert"
        assert "password_hash" not in result.output


def test_erase_asks_first_and_a_no_keeps_the_member(graph):
    store, alice = graph
    result = run("erase", "alice@example.org", input="n\n")
    assert result.exit_code == 1 and "Alice Lambert <alice@example.org>" in result.output
    assert mydata.find(store, alice.id).id == alice.id


def test_erase_with_yes_removes_the_member_and_says_what_went(graph):
    store, alice = graph
    result = run("erase", alice.id, "--yes", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["member_id"] == alice.id and report["compacted"] is True
    assert report["counts"]["mydata/erase_member"] == 1
    again = run("erase", alice.id, "--yes")
    assert again.exit_code == 1 and "membre introuvable" in again.output


def test_unknown_members_are_a_clean_error(graph):
    for args in (("export", "nobody@example.org"), ("export", "nobody"), ("erase", "nobody", "--yes")):
        result = run(*args)
        assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output


def test_bench_erasure_times_export_erase_and_compaction(tmp_path):
    args = ["bench", "erasure", "--members", "60", "--erase", "2", "--graph-url", f"embedded://{tmp_path}", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["members"] == 60 and report["erasures"] == 2 and report["backend"] == "falkordb"
    assert all(report[step]["max_ms"] >= report[step]["median_ms"] > 0 for step in ("export", "erase", "compact"))
