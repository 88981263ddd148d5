"""The suggestions benchmark: stored degrees, the Adamic-Adar top-10 query on
both engines (checked against a computation in Python), the sample, the CLI."""

from __future__ import annotations

import json
import math
from collections import defaultdict

import pytest
from click.testing import CliRunner

from graphsvc import bench_suggestions as bs
from graphsvc import bulk
from graphsvc.errors import Invalid
from graphsvc.store import open_store
from seeds import demo

NOW_MS = 1_790_000_000_000


def make_members(store, ids):
    for member_id in ids:
        store.write("admin/create_member_raw", id=member_id, email=f"{member_id}@example.org")


def link(store, pairs):
    store.write("seed/create_coopains", rows=[[a, b, NOW_MS] for a, b in pairs])


def adamic_adar(pairs, member_id, max_degree=None, limit=10):
    """The reference computation, from the list of links."""
    coopains = defaultdict(set)
    for a, b in pairs:
        coopains[a].add(b)
        coopains[b].add(a)
    scores, common = defaultdict(float), defaultdict(int)
    for c in coopains[member_id]:
        if max_degree is not None and len(coopains[c]) > max_degree:
            continue
        for candidate in coopains[c]:
            if candidate != member_id and candidate not in coopains[member_id]:
                scores[candidate] += 1 / math.log(len(coopains[c]))
                common[candidate] += 1
    ranked = sorted(scores, key=lambda k: (-round(scores[k], 9), k))[:limit]
    return [(k, round(scores[k], 9), common[k]) for k in ranked]


def as_tuples(suggestions):
    return [(s.member_id, round(s.score, 9), s.common) for s in suggestions]


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
    # Stored: the query reads them back (a member without coopains gets 0 and no suggestion).
    assert bs.adamic_adar_top(store, "alone") == []


def test_top_ranks_friends_of_friends_by_adamic_adar_without_self_or_coopains(store):
    make_members(store, SMALL_IDS)
    link(store, SMALL)
    bs.store_degrees(store)
    found = bs.adamic_adar_top(store, "me")
    # x: via c1 (3), c2 (4) and h (6); y: via c1 and h; t, z: via c2; u, v, w: via h only.
    x = 1 / math.log(3) + 1 / math.log(4) + 1 / math.log(6)
    y = 1 / math.log(3) + 1 / math.log(6)
    z = 1 / math.log(4)
    hub = 1 / math.log(6)
    assert as_tuples(found) == [
        ("x", round(x, 9), 3), ("y", round(y, 9), 2), ("t", round(z, 9), 1), ("z", round(z, 9), 1),
        ("u", round(hub, 9), 1), ("v", round(hub, 9), 1), ("w", round(hub, 9), 1),
    ]  # fmt: skip
    assert {"me", "c1", "c2", "h"}.isdisjoint(s.member_id for s in found)
    assert as_tuples(found) == adamic_adar(SMALL, "me")
    assert [s.member_id for s in bs.adamic_adar_top(store, "me", limit=2)] == ["x", "y"]


def test_cap_skips_common_coopains_with_too_many_coopains(store):
    make_members(store, SMALL_IDS)
    link(store, SMALL)
    bs.store_degrees(store)
    capped = bs.adamic_adar_top(store, "me", max_degree=4)
    assert [s.member_id for s in capped] == ["x", "y", "t", "z"]  # the hub h (6 coopains) no longer counts
    assert as_tuples(capped) == adamic_adar(SMALL, "me", max_degree=4)
    assert [s.member_id for s in bs.adamic_adar_top(store, "me", max_degree=3)] == ["x", "y"]


def test_top_matches_the_python_computation_on_a_demo_network(store):
    demo.create_synthetic_sections(store, federations=2, sections_per_federation=3)
    network = demo.generate(demo.read_sections(store), [], 150, 4, 6, now_ms=NOW_MS, password_hash="$argon2id$x,y")
    bulk.load_network(store, network, method="unwind")
    ids = [m[0] for m in network.members]
    pairs = [(ids[a], ids[b]) for a, b in zip(network.link_a.tolist(), network.link_b.tolist())]
    degrees = bs.store_degrees(store)
    assert (degrees.members, degrees.links) == (150, len(pairs))
    sample = bs.sample_members(store, 12, seed=3)
    for member_id in sample:
        assert as_tuples(bs.adamic_adar_top(store, member_id)) == adamic_adar(pairs, member_id)
        assert as_tuples(bs.adamic_adar_top(store, member_id, max_degree=8)) == adamic_adar(pairs, member_id, 8)


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
    with pytest.raises(Invalid, match="limit"):
        bs.adamic_adar_top(falkordb_store, "me", limit=0)
    with pytest.raises(Invalid, match="max_degree"):
        bs.adamic_adar_top(falkordb_store, "me", max_degree=1)
    with pytest.raises(Invalid, match="no members"):
        bs.sample_members(falkordb_store, 5, seed=1)
    with pytest.raises(Invalid, match="warmup"):
        bs.run(falkordb_store, ["a", "b"], warmup=2)


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert bs.percentile(values, 0.50) == 50.0
    assert bs.percentile(values, 0.99) == 99.0
    assert bs.percentile([3.0], 0.99) == 3.0
    t = bs.timings([5.0, 1.0, 3.0])
    assert (t.queries, t.p50_ms, t.p99_ms, t.mean_ms, t.max_ms) == (3, 3.0, 5.0, 3.0, 5.0)


def test_bench_suggestions_generates_a_network_and_reports_json(tmp_path):
    from graphsvc.cli import cli

    store = open_store(f"embedded://{tmp_path}")
    store.apply_schema()
    demo.create_synthetic_sections(store, federations=2, sections_per_federation=3)  # faster than the real ones
    store.close()
    args = ["bench", "suggestions", "--graph-url", f"embedded://{tmp_path}", "--members", "200", "--queries", "15"]
    result = CliRunner().invoke(cli, [*args, "--warmup", "3", "--max-degree", "10", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["backend"] == "falkordb" and report["members"] == 200
    assert report["seeded"]["members"] == 200 and report["links"] == report["seeded"]["links"]
    assert report["degrees"]["stored_by"] == "suggestions/store_degrees"
    assert [r["max_degree"] for r in report["runs"]] == [None, 10]
    for run in report["runs"]:
        assert run["all"]["queries"] == 15 and run["warm"]["queries"] == 12
        assert run["all"]["p50_ms"] <= run["all"]["p99_ms"] <= run["all"]["max_ms"]
    assert "machine" in report and "date" in report
    # A second run uses the network already there, and the text output names the figures.
    again = CliRunner().invoke(cli, [*args])
    assert again.exit_code == 0, again.output
    assert "Generating" not in again.output and "Degrees stored on 200 members" in again.output
    assert "p50" in again.output and "p99" in again.output


def test_bench_suggestions_refuses_a_warmup_as_long_as_the_run(tmp_path):
    from graphsvc.cli import cli

    result = CliRunner().invoke(
        cli, ["bench", "suggestions", "--graph-url", f"embedded://{tmp_path}", "--queries", "5", "--warmup", "5"]
    )
    assert result.exit_code == 2 and "--warmup" in result.output
    assert not any(tmp_path.iterdir())  # nothing opened, nothing written
