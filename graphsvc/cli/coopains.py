"""coopol load-edgelist (a network of coopains from an edge list, SNAP format) and
coopol bench suggestions-quality (hidden links found by the suggestions)."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

import click

from graphsvc import edgelist, quality
from graphsvc.cli import cli
from graphsvc.cli.bench import bench, measured_on
from graphsvc.cli.seed import progress_bar
from graphsvc.store import open_store


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


@bench.command("suggestions-quality")
@click.option("--datasets", default=",".join(quality.DATASETS), show_default=True,
              help="Comma-separated: ego-facebook (the SNAP file), demo (a generated network).")
@click.option("--edgelist", "edgelist_path", type=click.Path(exists=True, dir_okay=False), default=quality.EGO_FACEBOOK,
              show_default=True, help="The ego-facebook edge list.")
@click.option("--demo-members", type=click.IntRange(10, 1_000_000), default=quality.DEMO_MEMBERS, show_default=True,
              help="Size of the generated demo network.")
@click.option("--members", "evaluated", type=click.IntRange(1, 1_000_000), default=500, show_default=True,
              help="Members evaluated per dataset (a fixed random sample of those with a hidden link).")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True,
              help="Seed of the hidden links, of the sample and of the demo network.")
@click.option("--weights", "variants", multiple=True,
              help="Also evaluate ours with other weights, such as same_section=2,same_federation=0.5 (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_obj
def suggestions_quality_cmd(obj, datasets, edgelist_path, demo_members, evaluated, seed_value, variants, as_json,
                            quiet):
    """Hide 10 % of the coopain links; report precision@10 and recall@10 of the suggestions
    against them, beside networkx's Adamic-Adar and common-neighbours baselines.

    Each dataset is loaded into a fresh temporary embedded graph."""
    names = quality.parse_datasets(datasets)
    weights = {label: quality.parse_weights(label) for label in variants}
    results = {}
    for name in names:
        folder = tempfile.mkdtemp(prefix="coopol-quality-")
        store = open_store(f"embedded://{folder}", obj.settings)
        try:
            store.apply_schema()
            if not as_json:
                click.echo(f"{name}: loading 90 % of the links, then {evaluated} members evaluated…", err=True)
            with progress_bar(not quiet and not as_json) as progress:
                if name == "ego-facebook":
                    result = quality.run_edgelist(store, edgelist_path, evaluated, seed_value, progress, weights)
                else:
                    result = quality.run_demo(store, demo_members, evaluated, seed_value, progress, weights)
            results[name] = asdict(result)
        finally:
            store.close()
            shutil.rmtree(folder, ignore_errors=True)
    report = {
        "datasets": results,
        "k": quality.K,
        "hidden_share": quality.HIDDEN_SHARE,
        **measured_on(),
    }
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    for name, r in results.items():
        click.echo(
            f"{name}: {r['members']} members, {r['links']} links, {r['hidden']} hidden, {r['evaluated']} members evaluated "
            f"(loaded in {r['load_seconds']} s, our suggestions in {r['ours_seconds']} s)"
        )
        for method in ("ours", "adamic_adar", "common_neighbours"):
            s = r[method]
            click.echo(f"  {method:<18} precision@10 {s['precision_at_10']:.4f}  recall@10 {s['recall_at_10']:.4f}")
        for label, s in r["variants"].items():
            click.echo(f"  ours, {label}: precision@10 {s['precision_at_10']:.4f}  recall@10 {s['recall_at_10']:.4f}")
