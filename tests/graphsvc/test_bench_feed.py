"""The feed benchmark end to end on a small network: the command generates
members, posts and events, times feed.page, loads /fil through gunicorn and
reports JSON with p50_ms and p99_ms."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc import bench_feed
from graphsvc.store import open_store
from seeds import demo


def test_timings_are_nearest_rank_percentiles():
    figures = bench_feed.timings([float(x) for x in range(1, 101)])
    assert (figures.calls, figures.p50_ms, figures.p99_ms, figures.max_ms, figures.mean_ms) == (100, 50.0, 99.0, 100.0, 50.5)


@pytest.mark.slow
def test_bench_feed_generates_a_network_with_posts_and_reports_json(tmp_path):
    from graphsvc.cli import cli

    store = open_store(f"embedded://{tmp_path}")
    store.apply_schema()
    demo.create_synthetic_sections(store, federations=2, sections_per_federation=3)  # faster than the real ones
    store.close()
    args = ["bench", "feed", "--graph-url", f"embedded://{tmp_path}", "--members", "120", "--posts", "1500",
            "--events", "30", "--queries", "12"]
    result = CliRunner().invoke(cli, [*args, "--http-seconds", "1", "--concurrency", "2", "--sessions", "2",
                                      "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["backend"] == "falkordb" and (report["members"], report["posts"], report["events"]) == (120, 1500, 30)
    assert report["seeded"]["posts"] == 1500 and report["seeded"]["events"] == 30
    for figures in (report["first_page"], report["next_page"]):
        assert 0 < figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert report["p50_ms"] == report["first_page"]["p50_ms"] and report["first_page"]["calls"] == 12
    assert report["mean_items"] == 20 and report["empty_feeds"] == 0
    assert report["http"]["ok"] > 0 and report["http"]["errors"] == 0 and report["http"]["sessions"] == 2
    assert "machine" in report and "date" in report
    # A second run reads the network already there and does not load the page.
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "feed.page on falkordb (120 members, 1500 posts, 12 members drawn)" in again.output
    # Given explicitly, --http-seconds loads the page of a network already there too.
    loaded = CliRunner().invoke(cli, [*args, "--http-seconds", "1", "--concurrency", "1", "--sessions", "1",
                                      "--workers", "1", "--json"])
    assert loaded.exit_code == 0, loaded.output
    report = json.loads(loaded.output.strip().splitlines()[-1])
    assert report["seeded"] is None and report["http"]["ok"] > 0 and report["http"]["errors"] == 0
