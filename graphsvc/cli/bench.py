"""coopol bench commands: measurements written to docs/benchmarks.md.

`bench` is a click group; each benchmark is one subcommand of it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from graphsvc.cli import cli
from graphsvc.config import FSYNC_POLICIES


@cli.group()
def bench() -> None:
    """Benchmarks (results go to docs/benchmarks.md)."""


@bench.command("durability")
@click.option("--kills", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="How many times the graph server is killed with SIGKILL.")
@click.option("--fsync", type=click.Choice(FSYNC_POLICIES), default="everysec", show_default=True,
              help="The append-only file's fsync policy (COOPOL_FSYNC).")
@click.option("--victim", type=click.Choice(["server", "client"]), default="server", show_default=True,
              help="Kill the graph server, or the client process writing.")
@click.option("--folder", type=click.Path(file_okay=False, path_type=Path),
              help="Embedded folder to use (default: a fresh temporary one).")
@click.option("--seed", type=int, default=None, help="Seed of the random kill moments.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def durability_cmd(kills, fsync, victim, folder, seed, as_json):
    """Kill the embedded graph server mid-writes, restart, count acknowledged writes lost.

    A writer process writes and records each acknowledged write; the server is
    killed at a random moment, the graph reopened, every acknowledged write
    looked for. Target: lost 0."""
    from graphsvc import durability

    if folder is not None and folder.exists() and any(folder.iterdir()):
        raise click.BadParameter("the folder must be empty or absent (the bench writes its own graph)", param_hint="--folder")

    def progress(result):
        if not as_json:
            click.echo(f"kill {result.round + 1}/{kills}: {result.acknowledged} acknowledged, {result.lost} lost", err=True)

    result = durability.bench(kills, fsync=fsync, folder=folder, victim=victim, seed=seed, progress=progress)
    if as_json:
        click.echo(json.dumps(asdict(result)))
    else:
        click.echo(
            f"{result.kills} kills of the {result.victim} (appendfsync {result.fsync}): "
            f"{result.acknowledged} writes acknowledged, {result.lost} lost, {result.torn} torn, "
            f"{result.seconds} s"
        )
    if result.lost or result.torn:
        raise SystemExit(1)
