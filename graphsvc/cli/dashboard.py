"""coopol dashboard refresh: compute the coopain network the dashboards read
(run it from cron, e.g. hourly); coopol bench dashboard: its benchmark."""

from __future__ import annotations

import json
import time
from dataclasses import asdict

import click

from graphsvc import dashboard, hierarchy
from graphsvc.cli import cli
from graphsvc.cli.bench import bench, bench_graph, measured_on
from graphsvc.store import redact


@cli.group("dashboard")
def dashboard_group() -> None:
    """The federation dashboards."""


@dashboard_group.command("refresh")
@click.option("--federation", "numbers", multiple=True, help="A federation number (repeatable).")
@click.option("--section", "section_ids", multiple=True, help="A section id, sec-… (repeatable).")
@click.option("--all", "every", is_flag=True, help="Every federation.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@click.pass_obj
def refresh_cmd(obj, numbers, section_ids, every, as_json):
    """Compute the coopain links, bridges and lists of federations or sections."""
    store = obj.store
    units = [hierarchy.federation_id(n) for n in numbers] + list(section_ids)
    if every:
        units += [f.id for f in hierarchy.national(store).federations]
    if not units:
        raise click.UsageError("name --federation N, --section ID or --all")
    for unit_id in dict.fromkeys(units):
        done = dashboard.refresh(store, unit_id)
        if as_json:
            click.echo(json.dumps({"unit_id": unit_id, **asdict(done)}))
        else:
            click.echo(f"{unit_id}: {done.sections} sections, {done.members} members in {done.seconds} s")


@bench.command("dashboard")
@click.option("--members", type=click.IntRange(2, 10_000_000), default=200_000, show_default=True,
              help="Members of the whole network.")
@click.option("--federation-members", type=click.IntRange(2, 10_000_000), default=20_000, show_default=True,
              help="Expected members of each federation (the measured one is the closest).")
@click.option("--sections", "sections_per_federation", type=click.IntRange(1, 1000), default=40, show_default=True,
              help="Sections per federation.")
@click.option("--links-per-member", type=click.FloatRange(0, 200), default=20.0, show_default=True)
@click.option("--events-per-section", type=click.IntRange(0, 100), default=3, show_default=True)
@click.option("--queries", type=click.IntRange(1, 100_000), default=50, show_default=True,
              help="Times the dashboard's data is read.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@click.option("--graph-url", "bench_url", default=None,
              help="Load into this graph instead of a fresh temporary embedded one; a graph kept from an earlier "
                   "run with the same --members is measured as it is.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def bench_dashboard_cmd(obj, members, federation_members, sections_per_federation, links_per_member,
                        events_per_section, queries, seed_value, bench_url, as_json):
    """Time the data behind a federation's dashboard (p50_ms, p99_ms), its biggest
    section's zoom, computing its links and one CSV export."""
    from graphsvc import bench_dashboard as bd

    with bench_graph(obj, bench_url) as (store, url, folder):
        if not as_json:
            click.echo(f"Generating {members} members into {redact(url)}…", err=True)
        built = bd.build(store, members, federation_members, sections_per_federation, links_per_member, seed_value,
                         events_per_section)
        if not as_json:
            click.echo(f"Loaded in {built.seconds} s; measuring {built.federation_id} ({built.federation_members} members)…",
                       err=True)
        started = time.monotonic()
        measured = bd.measure(store, built.federation_id, built.coordinator_id, queries)
        result = {
            "p50_ms": measured.page.p50_ms,
            "p99_ms": measured.page.p99_ms,
            "page": asdict(measured.page) | {"cpu_ms_per_page": measured.page_cpu_ms},
            "zoom": asdict(measured.zoom) | {"members_drawn": measured.zoom_members},
            "refresh_seconds": measured.refresh_seconds,
            "refreshed_members": measured.refreshed_members,
            "export_seconds": measured.export_seconds,
            "export_rows": measured.export_rows,
            "federation_id": built.federation_id,
            "federation_members": built.federation_members,
            "sections": measured.sections,
            "links_between_sections": measured.links_between_sections,
            "events": built.events,
            "signups": built.signups,
            "members": built.members,
            "links": built.links,
            "federations": built.federations,
            "build_seconds": built.seconds,
            "measure_seconds": round(time.monotonic() - started, 2),
            "backend": store.backend,
            "graph": "temporary embedded graph" if folder else redact(url),
            "seed": seed_value,
            **measured_on(),
        }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(
            f"{result['federation_id']} ({result['federation_members']} members of {result['members']}): "
            f"page data p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms; zoom p50 {result['zoom']['p50_ms']} ms; "
            f"links computed in {result['refresh_seconds']} s; export {result['export_rows']} rows in "
            f"{result['export_seconds']} s"
        )
