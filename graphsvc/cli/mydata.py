"""coopol members export / erase: a member's GDPR request handled by an
operator (a letter, an e-mail), by member id or e-mail address; and
coopol bench erasure: how long an export, an erasure and the compaction take."""

from __future__ import annotations

import json
import random
import statistics
import time
from dataclasses import asdict
from pathlib import Path

import click

from graphsvc import bench_suggestions, mydata
from graphsvc.cli.bench import bench, bench_graph, measured_on
from graphsvc.cli.members import members
from graphsvc.cli.seed import progress_bar
from graphsvc.store import redact


@members.command("export")
@click.argument("id_or_email")
@click.pass_obj
def export_cmd(obj, id_or_email: str):
    """Print everything held about a member as one JSON document."""
    found = mydata.find(obj.store, id_or_email)
    click.echo(json.dumps(mydata.export(obj.store, found.id), ensure_ascii=False, indent=2))


@members.command("erase")
@click.argument("id_or_email")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--no-compact", is_flag=True,
              help="Leave the store's files as they are (a batch of erasures: compact with the last one).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.pass_obj
def erase_cmd(obj, id_or_email: str, yes: bool, no_compact: bool, as_json: bool):
    """Erase a member's account and what only they own, for good; then rewrite
    the store's files so the erased data leaves the disk."""
    found = mydata.find(obj.store, id_or_email)
    if not yes:
        click.confirm(f"Erase {found.display_name} <{found.email}> ({found.id}) for good?", abort=True, err=True)
    erasure = mydata.erase(obj.store, found.id, compact=not no_compact)
    if as_json:
        click.echo(json.dumps(asdict(erasure) | {"counts": dict(erasure.counts)}, ensure_ascii=False))
        return
    for step, removed in erasure.counts:
        click.echo(f"{step}: {removed}")
    click.echo(f"Member {found.id} erased; store {'compacted' if erasure.compacted else 'not compacted'}.")


def _ms(seconds: list[float]) -> dict:
    return {"median_ms": round(statistics.median(seconds) * 1000, 1), "max_ms": round(max(seconds) * 1000, 1)}


@bench.command("erasure")
@click.option("--members", type=click.IntRange(10, 10_000_000), default=20_000, show_default=True)
@click.option("--links-per-member", type=click.FloatRange(0, 200), default=20.0, show_default=True)
@click.option("--erase", "erasures", type=click.IntRange(1, 1000), default=5, show_default=True,
              help="Members exported then erased, drawn at random.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@click.option("--graph-url", "bench_url", default=None,
              help="A graph without members to fill (default: a temporary embedded graph, removed afterwards).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def erasure_cmd(obj, members, links_per_member, erasures, seed_value, bench_url, as_json):
    """Fill a graph with a demo network, then for members drawn at random time
    the export, the erase steps and the compaction (the append-only file
    rewrite on FalkorDB, a checkpoint on Neo4j Enterprise) separately."""
    from seeds import demo

    with bench_graph(obj, bench_url) as (store, url, folder):
        with progress_bar(not as_json) as progress:
            demo.seed_demo(store, members, seed_value, links_per_member=links_per_member, progress=progress)
        chosen = random.Random(seed_value).sample(bench_suggestions.member_ids(store), erasures)
        exported, erased, compacted = [], [], []
        for member_id in chosen:
            started = time.perf_counter()
            mydata.export(store, member_id)
            exported.append(time.perf_counter() - started)
            started = time.perf_counter()
            mydata.erase(store, member_id, compact=False)
            erased.append(time.perf_counter() - started)
            started = time.perf_counter()
            store.compact()
            compacted.append(time.perf_counter() - started)
        result = {
            "members": members,
            "links_per_member": links_per_member,
            "erasures": erasures,
            "export": _ms(exported),
            "erase": _ms(erased),
            "compact": _ms(compacted),
            "aof_bytes": sum(p.stat().st_size for p in Path(folder).rglob("appendonlydir/*")) if folder else None,
            "backend": store.backend,
            "graph": "temporary embedded graph" if folder else redact(url),
            "seed": seed_value,
            **measured_on(),
        }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(
        f"{erasures} members of {members} on {result['backend']}: export {result['export']['median_ms']} ms, "
        f"erase {result['erase']['median_ms']} ms, compaction {result['compact']['median_ms']} ms (medians)"
    )
