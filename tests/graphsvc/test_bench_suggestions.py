"""The suggestions benchmark: stored degrees, the resource-allocation top-10 query on
both engines (checked against a computation in Python), the sample, the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc import bench_suggestions as bs
from graphsvc import bulk, querylib, suggestions
from graphsvc.errors import Invalid
from graphsvc.store import open_store
from seeds import demo

NOW_MS = 1_790_000_000_000


def make_members(store, ids):
    for member_id in ids:
        store.write("admin/create_member_raw", id=member_id, email=f"{member_id}@example.org")


def link(store, pairs):
    store.write("seed/create_coopains", rows=[[a, b, NOW_MS] for a, b in pairs])


# A small network: "me" has coopains c1 (3 coopains), c2 (4 coopains) and hub h (6 coopains).
SMALL = [
    ("me", "c1"), ("me", "c2"), ("me", "h"),
    ("c1", "x"), ("c1", "y"),
    ("c2", "x"), ("c2", "z"), ("t", "c2"),
    ("h", "x"), ("h", "y"), ("h", "w"), ("v", "h"), ("h", "u"),
]  # fmt: skip
SMALL_IDS = sorted({m for pair in SMALL for m in pair} | {"alone"})


def test_degrees_count_each_members_coopains_in_either_direction(store):
    make_members(store, SMALL_IDS)
    link(store, SMALL)
    degrees = bs.store_degrees(store)
    assert (degrees.members, degrees.links) == (len(SMALL_IDS), len(SMALL))
    stored = cypher(store, "MATCH (m:Member) RETURN m.id AS id, m.degree AS degree")
    assert {r["id"]: r["degree"] for r in stored} == {"me": 3, "c1": 3, "c2": 4, "h": 6, "x": 3, "y": 2, "z": 1,
                                                       "t": 1, "w": 1, "v": 1, "u": 1, "alone": 0}
    link(store, [("alone", "me")])  # stored again: the two changed degrees are written, the others kept
    assert bs.store_degrees(store).links == len(SMALL) + 1
    stored = cypher(store, "MATCH (m:Member) RETURN m.id AS id, m.degree AS degree")
    assert {r["id"]: r["degree"] for r in stored} == {"me": 4, "c1": 3, "c2": 4, "h": 6, "x": 3, "y": 2, "z": 1,
                                                       "t": 1, "w": 1, "v": 1, "u": 1, "alone": 1}


def test_sample_is_fixed_by_the_seed_and_reads_every_page(store):
    ids = [f"m{i:03d}" for i in range(23)]
    make_members(store, ids)
    assert bs.member_ids(store, page=5) == ids
    first = bs.sample_members(store, 10, seed=7)
    assert first == bs.sample_members(store, 10, seed=7)
    assert len(set(first)) == 10 and set(first) <= set(ids)
    assert first != bs.sample_members(store, 10, seed=8)
    assert len(bs.sample_members(store, 40, seed=7)) == 40  # more queries than members: drawn again


def test_bad_arguments_are_refused_before_any_query(falkordb_store):
    with pytest.raises(Invalid, match="no members"):
        bs.sample_members(falkordb_store, 5, seed=1)
    with pytest.raises(Invalid, match="no members"):
        bs.time_suggestions(falkordb_store, [])


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert bs.percentile(values, 0.50) == 50.0
    assert bs.percentile(values, 0.99) == 99.0
    assert bs.percentile([3.0], 0.99) == 3.0
    t = bs.timings([5.0, 1.0, 3.0])
    assert (t.queries, t.p50_ms, t.p99_ms, t.mean_ms, t.max_ms) == (3, 3.0, 5.0, 3.0, 5.0)


def everyone_visible(store):
    cypher(store, "MATCH (m:Member) SET m.visibility = 'members', m.visible_to_sympathisants = true")


def cypher(store, text, **params):
    query = querylib.Query("test/cypher", None, "write", frozenset(params), (), "test", text, None)
    return store._run(query, params)


@pytest.fixture
def demo_network(store):
    demo.create_synthetic_sections(store, federations=2, sections_per_federation=3)
    network = demo.generate(demo.read_sections(store), [], 150, 4, 6, now_ms=NOW_MS, password_hash="$argon2id$x,y")
    bulk.load_network(store, network, method="unwind")
    return network


def test_the_scipy_baseline_gives_the_same_top_10_as_for_member(store, demo_network):
    network = demo_network
    sample = bs.sample_members(store, 12, seed=3)
    in_memory = bs.read_network(store, page=40)  # several pages
    assert len(in_memory.ids) == 150 and in_memory.coopains.nnz == 2 * len(network.link_a)
    baseline = bs.Baseline(in_memory)

    # The visibility choices of the demo network apply to both rankings.
    hidden_too = bs.time_suggestions(store, sample)
    assert bs.agreement(hidden_too.found, bs.time_baseline(baseline, sample).found) == 1.0

    everyone_visible(store)
    baseline = bs.Baseline(bs.read_network(store))
    for member_id in sample:
        ours = suggestions.for_member(store, member_id, 10, suggestions.WEIGHTS)
        theirs = baseline.top(member_id)
        assert [s.id for s in ours] == [m for m, _ in theirs]
        assert [s.score for s in ours] == pytest.approx([score for _, score in theirs], abs=1e-6)


def test_time_suggestions_counts_the_queries_of_a_stored_read(store, demo_network):
    sample = bs.sample_members(store, 2, seed=1)
    computed = bs.time_suggestions(store, sample)
    read = bs.time_suggestions(store, sample)
    assert read.found == computed.found and read.timings.queries == 2
    assert read.round_trips == 1 < computed.round_trips  # the stored list with its candidates, one query
    emails = bs.member_emails(store, [sample[0], "nobody"])
    assert list(emails) == [sample[0]] and "@" in emails[sample[0]]


@pytest.mark.slow
def test_bench_suggestions_generates_a_network_and_reports_json(tmp_path):
    from graphsvc.cli import cli

    store = open_store(f"embedded://{tmp_path}")
    store.apply_schema()
    demo.create_synthetic_sections(store, federations=2, sections_per_federation=3)  # faster than the real ones
    store.close()
    args = ["bench", "suggestions", "--graph-url", f"embedded://{tmp_path}", "--members", "200", "--queries", "15"]
    result = CliRunner().invoke(cli, [*args, "--http-seconds", "1", "--concurrency", "2", "--sessions", "2",
                                      "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["backend"] == "falkordb" and report["members"] == 200
    assert report["seeded"]["members"] == 200 and report["links"] == report["seeded"]["links"]
    assert report["degrees"]["stored_by"] == "suggestions/store_degrees"
    for figures in (report["read"], report["compute"], report["baseline"]):
        assert figures["queries"] == 15 and figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert report["p50_ms"] == report["read"]["p50_ms"] and report["baseline_p50_ms"] > 0
    assert report["ratio_p50"] == round(report["p50_ms"] / report["baseline_p50_ms"], 2)
    assert report["ratio_cpu"] > 0 and report["read"]["server_cpu_ms"] is not None
    assert report["read"]["round_trips"] == 1 and report["same_as_computed"]
    assert report["baseline"]["agreement"] > 0.9
    assert report["http"]["ok"] > 0 and report["http"]["errors"] == 0 and report["http"]["sessions"] == 2
    assert "machine" in report and "date" in report
    # A second run uses the network already there (no page load: its passwords are not the bench's to know).
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "Generating" not in again.output and "Degrees stored on 200 members" in again.output
    assert "read a stored list" in again.output and "scipy baseline" in again.output
