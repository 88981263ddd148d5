"""The dashboard benchmark at a small size (seconds, not minutes), and the
bridge measure set against networkx's betweenness on a generated network."""

from __future__ import annotations

import json

import networkx as nx
from click.testing import CliRunner
from scipy.stats import spearmanr

from graphsvc import bench_dashboard, dashboard
from graphsvc.store import open_store


def test_bench_dashboard_builds_a_federation_and_reports_json(tmp_path):
    from graphsvc.cli import cli

    args = ["bench", "dashboard", "--graph-url", f"embedded://{tmp_path}", "--members", "300",
            "--federation-members", "100", "--sections", "3", "--links-per-member", "4",
            "--events-per-section", "1", "--queries", "3", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["members"] == 300 and report["federations"] == 3 and report["sections"] == 3
    assert 50 <= report["federation_members"] <= 150
    assert report["refreshed_members"] == report["federation_members"]
    assert report["page"]["cpu_ms_per_page"] > 0
    assert report["page"]["queries"] == 3 and report["p50_ms"] <= report["p99_ms"] == report["page"]["p99_ms"]
    assert report["zoom"]["members_drawn"] > 0 and report["export_rows"] > 0
    assert report["events"] == 3 and report["signups"] == 3 * 2 * 3
    assert report["links_between_sections"] == 3  # three sections, every pair linked
    assert "machine" in report and "date" in report
    # The same graph again: measured as it is, not loaded twice.
    again = json.loads(CliRunner().invoke(cli, args).output.strip().splitlines()[-1])
    assert again["members"] == 300 and again["build_seconds"] == 0
    assert (again["federation_id"], again["federation_members"]) == (report["federation_id"], report["federation_members"])
    assert (again["events"], again["signups"], again["links"]) == (report["events"], report["signups"], report["links"])
    other = CliRunner().invoke(cli, [*args[:5], "400", *args[6:]])
    assert other.exit_code != 0 and "holds 300 members" in other.output


def test_the_bridge_measure_follows_betweenness_on_a_generated_federation(tmp_path):
    """Spearman's rank correlation between our bridge measure (distinct other
    sections among one's coopains, then coopains outside one's section) and
    networkx's exact betweenness, over the members of one federation."""
    store = open_store(f"embedded://{tmp_path}")
    try:
        built = bench_dashboard.build(store, members=600, federation_members=300, sections_per_federation=6,
                                      links_per_member=3, seed=2, events_per_section=0)
        dashboard.refresh(store, built.federation_id)
        pairs = store.read("seed/list_coopain_pairs", skip=0, limit=100_000)
        _, ranked = dashboard.people(store, built.coordinator_id, built.federation_id, "connected")
    finally:
        store.close()
    graph = nx.Graph()
    graph.add_edges_from((p["a"], p["b"]) for p in pairs)
    betweenness = nx.betweenness_centrality(graph)
    # people() names only visible members: the coordinator's view; compare those.
    named = [p for p in ranked if p.id in betweenness]
    assert len(named) > 50
    ours = [p.sections * 1000 + p.outside for p in named]
    rho = spearmanr(ours, [betweenness[p.id] for p in named]).statistic
    assert rho > 0.6, rho
