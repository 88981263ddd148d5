"""coopol suggest: the suggestions of members, one JSON object a line."""

from __future__ import annotations

import json
import math
import random
import time

import click

from graphsvc import suggestions
from graphsvc.cli import cli
from graphsvc.errors import Invalid, NotFound


@cli.command("suggest")
@click.argument("member_ids", nargs=-1)
@click.option("--limit", type=click.IntRange(1, suggestions.MAX_LIMIT), default=10, show_default=True,
              help="Suggestions per member.")
@click.option("--all", "every_member", is_flag=True, help="Every member, in id order (streamed).")
@click.option("--sample", type=click.IntRange(1, 100_000), default=None,
              help="N members drawn at random (fixed --seed) among all members.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True, help="Seed of --sample.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line: {\"member\": ID, \"suggestions\": [...]}.")
@click.option("--stats", is_flag=True, help="Print on stderr how long each member's suggestions took (p50, p99).")
@click.option("--refresh", is_flag=True,
              help="Compute and store the lists instead of printing them: the stale or missing ones "
                   "(or those of the members given, or --all).")
@click.pass_obj
def suggest_cmd(obj, member_ids, limit, every_member, sample, seed_value, as_json, stats, refresh):
    """Print the suggestions of each member ID, best first, with their reasons.

    An unknown or pending member gets an `error` instead (exit code 1 at the end).
    With --refresh, compute and store the members' lists (read fast until they
    go stale) and print how many and how long."""
    store = obj.store
    if refresh and sample is None:
        _refresh(store, member_ids or (_all_member_ids(store) if every_member else None), as_json)
        return
    if (every_member + bool(member_ids) + (sample is not None)) != 1:
        raise click.UsageError("give member ids, --all or --sample N (one of them)")
    failed = 0
    times: list[float] = []
    if every_member:
        chosen = _all_member_ids(store)
    elif sample is not None:
        chosen = _sample(_all_member_ids(store), sample, seed_value)
    else:
        chosen = member_ids
    for member_id in chosen:
        try:
            started = time.perf_counter()
            found = suggestions.for_member(store, member_id, limit)
            times.append((time.perf_counter() - started) * 1000)
        except (NotFound, Invalid) as exc:
            failed += 1
            if as_json:
                click.echo(json.dumps({"member": member_id, "error": str(exc)}, ensure_ascii=False))
            else:
                click.echo(f"{member_id}: {exc}", err=True)
            continue
        if as_json:
            line = {"member": member_id, "suggestions": [s.as_dict() for s in found]}
            click.echo(json.dumps(line, ensure_ascii=False))
        else:
            click.echo(f"{member_id}:")
            for s in found:
                click.echo(f"  {s.score:8.4f}  {s.id}  {s.display_name} ({s.section_name})  {_describe(s.reasons)}")
    if stats and times:
        times.sort()
        click.echo(
            f"{len(times)} members, top {limit}: p50 {_rank(times, 0.50):.1f} ms, "
            f"p99 {_rank(times, 0.99):.1f} ms, max {times[-1]:.1f} ms",
            err=True,
        )
    if failed:
        raise click.exceptions.Exit(1)


def _refresh(store, chosen, as_json: bool) -> None:
    """Store the lists of `chosen` (None: the stale or missing ones); one summary line."""
    ids = list(suggestions.stale_member_ids(store) if chosen is None else chosen)
    times: list[float] = []
    failed = 0
    started = time.monotonic()
    for member_id in ids:
        began = time.perf_counter()
        try:
            suggestions.refresh(store, member_id)
        except (NotFound, Invalid):
            failed += 1
            continue
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    summary = {
        "refreshed": len(times),
        "failed": failed,
        "seconds": round(time.monotonic() - started, 2),
        "p50_ms": round(_rank(times, 0.50), 1) if times else None,
        "p99_ms": round(_rank(times, 0.99), 1) if times else None,
    }
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(f"Lists computed and stored: {summary['refreshed']} in {summary['seconds']} s "
                   f"(p50 {summary['p50_ms']} ms a list; {failed} unknown or pending members)")
    if failed:
        raise click.exceptions.Exit(1)


def _rank(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _sample(ids, size: int, seed: int) -> list[str]:
    """`size` ids drawn uniformly from a stream (reservoir sampling), in id order."""
    rng = random.Random(seed)
    chosen: list[str] = []
    for seen, member_id in enumerate(ids):
        if seen < size:
            chosen.append(member_id)
        else:
            slot = rng.randrange(seen + 1)
            if slot < size:
                chosen[slot] = member_id
    return sorted(chosen)


def _all_member_ids(store, page: int = 1000):
    """Every member id in id order, a page at a time (bounded memory)."""
    after = ""
    while True:
        rows = store.read("suggestions/list_member_ids", after=after, limit=page)
        for row in rows:
            yield row["member_id"]
        if len(rows) < page:
            return
        after = rows[-1]["member_id"]


def _describe(reasons) -> str:
    parts = []
    for r in reasons:
        if r.kind == "common_coopains":
            parts.append(f"{r.count} coopains en commun ({', '.join(r.names)})")
        elif r.kind == "same_section":
            parts.append(f"même section : {r.place}")
        elif r.kind == "same_federation":
            parts.append(f"même fédération : {r.place}")
        elif r.kind == "in_contacts":
            parts.append("dans vos contacts")
        elif r.kind == "same_event":
            parts.append(f"vous étiez tous deux à : {r.place}")
    return "; ".join(parts)
