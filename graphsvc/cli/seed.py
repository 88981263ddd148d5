"""coopol seed: the demo network (reference data first if missing)."""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import asdict

import click

from graphsvc.cli import cli


@contextmanager
def progress_bar(enabled: bool = True):
    """A rich progress bar on stderr, fed by `(stage, done, total)` callbacks."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    tasks: dict[str, int] = {}
    with Progress(
        TextColumn("{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    ) as bar:

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


@cli.command("seed")
@click.option("--members", type=click.IntRange(1, 10_000_000), default=2000, show_default=True, help="Members to create.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True, help="Same seed, same network.")
@click.option(
    "--links-per-member",
    type=click.FloatRange(0, 200),
    default=20.0,
    show_default=True,
    help="COOPAIN relationships per member (each member has twice as many coopains on average).",
)
@click.option("--if-empty", is_flag=True, help="Do nothing if the graph already has members.")
@click.option(
    "--password",
    default=None,
    help="Password of every demo account (default: coopain-demo).",
)
@click.option(
    "--method",
    type=click.Choice(["auto", "falkordb-bulk", "unwind"]),
    default="auto",
    show_default=True,
    help="How to load: the FalkorDB bulk loader where it applies, or batched UNWIND.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_obj
def seed_cmd(obj, members, seed_value, links_per_member, if_empty, password, method, as_json, quiet):
    """Create a deterministic demo network: members, roles, rights, coopains.

    Loads the reference data (federations, sections, roles) first if the graph
    has none. The demo account is demo@example.org (a national administrator);
    every generated member has the same password, printed at the end."""
    from graphsvc.cli.contacts import contacts_key
    from seeds import demo, demo_events, demo_posts

    password = password or demo.DEMO_PASSWORD
    with progress_bar(not quiet and not as_json) as progress:
        report = demo.seed_demo(
            obj.store,
            members,
            seed_value,
            links_per_member=links_per_member,
            if_empty=if_empty,
            password=password,
            method=method,
            progress=progress,
            contacts_key=contacts_key(obj),
        )
        if not report.skipped:
            demo_events.seed_events(obj.store, seed_value)  # upcoming events, their tasks, answers
            demo_posts.seed_posts(obj.store, seed_value)  # a lived-in news feed
    if as_json:
        click.echo(json.dumps(asdict(report), ensure_ascii=False))
        return
    if report.skipped:
        click.echo(f"The graph already has {report.members} members: nothing done.")
        return
    if report.reference_data_loaded:
        click.echo("Reference data loaded (federations, sections, roles).")
    click.echo(
        f"{report.members} members ({report.adherents} adherents, {report.sympathisants} sympathisants), "
        f"{report.links} coopain links, {report.mandates} roles held, {report.animations} animation rights "
        f"— generated in {report.generate_seconds:.1f} s, loaded in {report.load_seconds:.1f} s ({report.method})."
    )
    click.echo(f"Demo account: {report.demo_email} / {password} (every demo member has this password).")
