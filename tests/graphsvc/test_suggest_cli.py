"""`coopol suggest`: one JSON object a line per member, best first; `--all`
streams every member; unknown members get an error line and exit code 1."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc.cli import Context, cli
from tests.fixtures.web import make_member, make_section


@pytest.fixture
def graph(falkordb_store, monkeypatch):
    store = falkordb_store
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    make_section(store, "sec-69387", "Lyon 7e", "69", "Rhône", ("69387",), ("69007",))
    make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    p = {name: make_member(store, section, first_name=name.capitalize(), last_name="Test", visibility="members")
         for name, section in (("ana", "sec-69387"), ("bob", "sec-75101"), ("cyd", "sec-75101"),
                               ("dan", "sec-69387"))}
    rows = [sorted([p[a].id, p[b].id]) + [1] for a, b in (("ana", "bob"), ("bob", "cyd"))]
    store.write("seed/create_coopains", rows=rows)
    return p


def run(*args):
    return CliRunner().invoke(cli, ["suggest", *args])


def test_suggest_prints_one_json_object_a_line_best_first(graph):
    ana, cyd, dan = graph["ana"].id, graph["cyd"].id, graph["dan"].id

    result = run(ana, cyd, "--limit", "5", "--json")

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["member"] for line in lines] == [ana, cyd]
    first = lines[0]["suggestions"]
    assert [s["id"] for s in first] == [dan, cyd]  # a section of two says more than a common coopain of two
    assert first[0]["reasons"] == [{"kind": "same_section", "place": "Lyon 7e"}]
    assert first[1]["reasons"] == [{"kind": "common_coopains", "count": 1, "names": ["Bob Test"]}]
    assert first[0]["score"] > first[1]["score"]


def test_suggest_limit_and_text_output(graph):
    result = run(graph["ana"].id, "--limit", "1")

    assert result.exit_code == 0, result.output
    assert "Dan Test" in result.output and "même section : Lyon 7e" in result.output
    assert "Cyd Test" not in result.output
    result = run(graph["cyd"].id, "--limit", "1")
    assert "Ana Test" in result.output and "1 coopains en commun (Bob Test)" in result.output


def test_suggest_all_does_every_member(graph):
    result = run("--all", "--json")

    assert result.exit_code == 0, result.output
    members = [json.loads(line)["member"] for line in result.output.splitlines()]
    assert members == sorted(p.id for p in graph.values())


def test_suggest_reports_unknown_members_and_bad_arguments(graph):
    result = run("nobody", graph["ana"].id, "--json")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines[0] == {"member": "nobody", "error": "membre introuvable"}
    assert lines[1]["member"] == graph["ana"].id
    assert run().exit_code == 2
    assert run("--all", graph["ana"].id).exit_code == 2
    assert run("--sample", "2", graph["ana"].id).exit_code == 2
    assert run(graph["ana"].id, "--limit", "0").exit_code == 2


def test_suggest_sample_draws_members_and_prints_timings(graph):
    result = CliRunner().invoke(cli, ["suggest", "--sample", "2", "--json", "--stats"])

    assert result.exit_code == 0, result.output
    members = [json.loads(line)["member"] for line in result.stdout.splitlines()]
    assert len(members) == 2 and set(members) <= {p.id for p in graph.values()}
    assert members == sorted(members)
    assert "2 members, top 10: p50" in result.stderr and "p99" in result.stderr
    again = CliRunner().invoke(cli, ["suggest", "--sample", "2", "--json"])
    assert [json.loads(line)["member"] for line in again.stdout.splitlines()] == members  # same seed


def test_suggest_json_gives_the_address_book_and_event_reasons(graph, falkordb_store):
    from tests.graphsvc.test_suggestions import answered, in_address_book

    ana, dan = graph["ana"], graph["dan"]
    in_address_book(falkordb_store, ana, dan, "h-dan")
    answered(falkordb_store, "ev-1", "Fête de la rose", 1, ana, dan)

    result = run(ana.id, "--json")

    assert result.exit_code == 0, result.output
    found = {s["id"]: s for s in json.loads(result.output)["suggestions"]}
    assert found[dan.id]["reasons"] == [
        {"kind": "in_contacts"}, {"kind": "same_event", "place": "Fête de la rose"},
        {"kind": "same_section", "place": "Lyon 7e"},
    ]
    assert "dans vos contacts; vous étiez tous deux à : Fête de la rose" in run(ana.id).output


def test_suggest_refresh_stores_the_stale_lists_then_none(graph):
    first = run("--refresh", "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["refreshed"] == 4

    again = run("--refresh", "--json")
    assert json.loads(again.output)["refreshed"] == 0  # all fresh now
    one = run("--refresh", graph["ana"].id)
    assert one.exit_code == 0 and "Lists computed and stored: 1 in" in one.output
    assert run("--refresh", "nobody").exit_code == 1
