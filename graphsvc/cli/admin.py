"""Schema and health commands."""

from __future__ import annotations

import json

import click

from graphsvc.cli import Context, cli
from graphsvc.store import redact


@cli.command("init")
@click.pass_obj
def init_cmd(obj: Context) -> None:
    """Create the constraints and indexes of queries/schema/ (safe to repeat)."""
    obj.store.apply_schema()
    click.echo(f"schema applied on {redact(obj.graph_url)}")


@cli.command("ping")
@click.pass_obj
def ping_cmd(obj: Context) -> None:
    """Check that the graph answers."""
    obj.store.ping()
    click.echo(f"{redact(obj.graph_url)} answers")
