"""coopol refdata load, coopol stats: reference data and what the graph holds."""

from __future__ import annotations

import json

import click

from graphsvc.cli import Context, cli


@cli.group("refdata")
def refdata_group() -> None:
    """Reference data: federations, sections, roles catalogue."""


@refdata_group.command("load")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.pass_obj
def load_cmd(obj: Context, as_json: bool) -> None:
    """Load (or update) federations, sections and roles; safe to repeat."""
    from seeds import load_reference_data

    store = obj.store
    store.apply_schema()
    report = load_reference_data(store)
    if as_json:
        click.echo(json.dumps(report.as_dict()))
    else:
        click.echo(
            f"{report.federations} federations, {report.sections} sections, "
            f"{report.roles} roles loaded in {report.seconds:.1f} s"
        )


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def stats_cmd(obj: Context, as_json: bool) -> None:
    """Node counts per label and relationship counts per type."""
    store = obj.store
    nodes = {row["label"]: row["count"] for row in store.read("admin/stats_labels")}
    relationships = {row["type"]: row["count"] for row in store.read("admin/stats_relationships")}
    if as_json:
        click.echo(json.dumps({"nodes": nodes, "relationships": relationships}, sort_keys=True))
        return
    click.echo("nodes")
    for label, count in nodes.items():
        click.echo(f"  {label:<20} {count:>10}")
    click.echo("relationships")
    for rel_type, count in relationships.items():
        click.echo(f"  {rel_type:<20} {count:>10}")
