"""coopol bench feed: the news feed of a large network, through graphsvc and through the page."""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import asdict
from pathlib import Path

import click
from click.core import ParameterSource

from graphsvc.cli.bench import bench, bench_graph, measured_on
from graphsvc.store import redact


@bench.command("feed")
@click.option("--graph-url", "bench_url", default=None,
              help="Query this graph (a network with posts is generated into it when it holds no members) "
                   "instead of a fresh temporary embedded one.")
@click.option("--members", type=click.IntRange(2, 10_000_000), default=200_000, show_default=True,
              help="Size of the demo network generated when the graph holds no members.")
@click.option("--posts", "post_count", type=click.IntRange(0, 100_000_000), default=1_000_000, show_default=True,
              help="Posts written into the generated network.")
@click.option("--events", "event_count", type=click.IntRange(0, 10_000_000), default=20_000, show_default=True,
              help="Events (each with a volunteer task) written into the generated network.")
@click.option("--queries", type=click.IntRange(1, 1_000_000), default=1000, show_default=True,
              help="How many members are drawn at random, one feed each (then its next page).")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True,
              help="Seed of the network, the posts and the members drawn.")
@click.option("--http-seconds", type=click.FloatRange(0, 3600), default=30.0, show_default=True,
              help="How long /fil is loaded through `coopol serve` (0: not measured). On a graph "
                   "already there (members log in with the demo password), only when given.")
@click.option("--concurrency", type=click.IntRange(1, 256), default=8, show_default=True,
              help="Clients requesting the page at once.")
@click.option("--sessions", type=click.IntRange(1, 50), default=8, show_default=True,
              help="Members logged in through the login form (demo password), shared by the clients.")
@click.option("--workers", type=click.IntRange(1, 64), default=os.cpu_count() or 2, show_default=True,
              help="gunicorn workers serving the page.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def feed_cmd(obj, bench_url, members, post_count, event_count, queries, seed_value, http_seconds, concurrency,
             sessions, workers, as_json):
    """Time feed.page (20 items: posts of the member's section, federation,
    national stream and coopains, and events) for members drawn at random;
    then the feed page's requests per second under concurrent load.

    p50_ms / p99_ms are the first pages; `next_page` times the page after
    each first page's cursor ("Voir plus")."""
    from graphsvc import bench_feed as bf
    from graphsvc import bench_http, comments, posts
    from seeds import demo

    def say(message: str) -> None:
        if not as_json:
            click.echo(message, err=True)

    with bench_graph(obj, bench_url) as (store, url, folder):
        store.apply_schema()
        comments.recount(store)  # what `coopol init` does to a graph kept from before these values
        posts.fill_last_posted_at(store)
        seeded = None
        if not store.read("seed/count_members")[0]["members"]:
            say(f"Generating a demo network of {members} members into {redact(url)}…")
            report = demo.seed_demo(store, members, seed_value)
            people = bf.member_places(store)
            say(f"Writing {post_count} posts and {event_count} events…")
            written = bf.add_posts(store, post_count, seed_value, people=people)
            planned = bf.add_events(store, event_count, seed_value, people=people)
            seeded = {"members": report.members, "links": report.links,
                      "network_seconds": round(report.generate_seconds + report.load_seconds, 2),
                      "posts": written.created, "posts_seconds": round(written.seconds, 2),
                      "posts_per_s": round(written.created / written.seconds) if written.seconds else None,
                      "events": planned.created, "events_seconds": round(planned.seconds, 2)}
        people = bf.member_places(store)
        counts = {row["label"]: row["count"] for row in store.read("admin/stats_labels")}
        rng = random.Random(f"coopol-bench-feed:{seed_value}")
        sample = [rng.choice(people).id for _ in range(queries)]
        load_before = [round(x, 2) for x in os.getloadavg()]
        say(f"Timing {queries} feeds…")
        result_run = bf.run(store, sample)
        http = None
        given = click.get_current_context().get_parameter_source("http_seconds") is not ParameterSource.DEFAULT
        if http_seconds and (seeded or given):
            chosen = list(dict.fromkeys(sample))[:sessions]
            emails = {p.id: p.email for p in people}
            say(f"Loading /fil for {http_seconds} s with {concurrency} clients, {workers} workers…")
            with tempfile.TemporaryDirectory(prefix="coopol-bench-http-") as instance:
                with bench_http.served(url, Path(instance), workers=workers) as base_url:
                    cookies = [bench_http.login(base_url, emails[m], demo.DEMO_PASSWORD) for m in chosen]
                    http = bench_http.measure_pages(base_url, ["/fil"], cookies, concurrency, http_seconds)
            http["workers"] = workers
        result = {
            "backend": store.backend,
            "graph": "temporary embedded graph" if folder else redact(url),
            "members": counts.get("Member", 0),
            "posts": counts.get("Post", 0),
            "events": counts.get("Event", 0),
            "seeded": seeded,
            "queries": queries,
            "limit": 20,
            "seed": seed_value,
            "p50_ms": result_run.first_page.p50_ms,
            "p99_ms": result_run.first_page.p99_ms,
            "first_page": asdict(result_run.first_page),
            "next_page": asdict(result_run.next_page),
            "mean_items": result_run.mean_items,
            "empty_feeds": result_run.empty,
            "http": http,
            "load_average_before": load_before,
            **measured_on(),
        }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    if seeded:
        click.echo(f"Network: {seeded['members']} members, {seeded['links']} links in {seeded['network_seconds']} s; "
                   f"{seeded['posts']} posts in {seeded['posts_seconds']} s, {seeded['events']} events.")
    first, following = result_run.first_page, result_run.next_page
    click.echo(f"feed.page on {result['backend']} ({result['members']} members, {result['posts']} posts, "
               f"{queries} members drawn): first page p50 {first.p50_ms} ms, p99 {first.p99_ms} ms, "
               f"mean {first.mean_ms} ms; next page p50 {following.p50_ms} ms, p99 {following.p99_ms} ms "
               f"({result_run.mean_items} items a page, {result_run.empty} empty feeds)")
    if http:
        click.echo(f"/fil: {http['requests_per_s']} requests/s with {concurrency} clients and {workers} workers "
                   f"(p50 {http['p50_ms']} ms, p99 {http['p99_ms']} ms, {http['errors']} errors)")
