"""coopol load-edgelist: a network of coopains from an edge list (SNAP format)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from graphsvc import edgelist
from graphsvc.cli import cli
from graphsvc.cli.seed import progress_bar


@cli.command("load-edgelist")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--section", "section_id", default=None,
              help=f"Id of an existing section for the new members (default: {edgelist.IMPORT_SECTION_ID}, "
                   f"created under federation {edgelist.IMPORT_FEDERATION_NUMBER} if missing).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_obj
def load_edgelist_cmd(obj, file, section_id, as_json, quiet):
    """Load FILE, one `a b` pair a line (`#` comments), as members linked as coopains.

    Each node label becomes a member id; members and links that exist are kept
    (loading twice changes nothing). The whole file is checked first: a bad
    line stops everything, nothing is written."""
    edges = edgelist.read_file(file)
    with progress_bar(not quiet and not as_json) as progress:
        report = edgelist.load(obj.store, edges, section_id, progress)
    if as_json:
        click.echo(json.dumps(asdict(report), ensure_ascii=False))
        return
    section = f"{report.section_id} (created)" if report.section_created else report.section_id
    click.echo(
        f"{report.nodes} nodes, {report.pairs} pairs read from {file.name}: "
        f"{report.members_created} members created in {section}, {report.links_created} coopain links created "
        f"in {report.seconds:.1f} s."
    )
    if report.self_links or report.repeated:
        click.echo(f"Skipped: {report.self_links} self-links, {report.repeated} repeated pairs.")
