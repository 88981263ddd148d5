"""coopol suggest: the suggestions of members, one JSON object a line."""

from __future__ import annotations

import json

import click

from graphsvc import suggestions
from graphsvc.cli import cli
from graphsvc.errors import Invalid, NotFound


@cli.command("suggest")
@click.argument("member_ids", nargs=-1)
@click.option("--limit", type=click.IntRange(1, suggestions.MAX_LIMIT), default=10, show_default=True,
              help="Suggestions per member.")
@click.option("--all", "every_member", is_flag=True, help="Every member, in id order (streamed).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line: {\"member\": ID, \"suggestions\": [...]}.")
@click.pass_obj
def suggest_cmd(obj, member_ids, limit, every_member, as_json):
    """Print the suggestions of each member ID, best first, with their reasons.

    An unknown or pending member gets an `error` instead (exit code 1 at the end)."""
    if every_member == bool(member_ids):
        raise click.UsageError("give member ids or --all (not both)")
    store = obj.store
    failed = 0
    for member_id in _all_member_ids(store) if every_member else member_ids:
        try:
            found = suggestions.for_member(store, member_id, limit)
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
    if failed:
        raise click.exceptions.Exit(1)


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
    return "; ".join(parts)
