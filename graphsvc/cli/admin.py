"""Schema and health commands."""

from __future__ import annotations

import click

from graphsvc.cli import Context, cli
from graphsvc.store import redact


@cli.command("init")
@click.option("--schema-only", is_flag=True, help="Only the constraints and indexes, not the reference data.")
@click.pass_obj
def init_cmd(obj: Context, schema_only: bool) -> None:
    """Create the constraints and indexes of queries/schema/, set the values
    kept on nodes (comments on posts and events, members' last post), then
    load the reference data (federations, sections, roles). Safe to repeat."""
    from graphsvc import comments, posts
    from seeds import load_reference_data

    obj.store.apply_schema()
    click.echo(f"schema applied on {redact(obj.graph_url)}")
    click.echo(f"comment counts set on {comments.recount(obj.store)} posts and events")
    click.echo(f"last post's time set on {posts.fill_last_posted_at(obj.store)} members")
    if not schema_only:
        report = load_reference_data(obj.store)
        click.echo(
            f"reference data: {report.federations} federations, {report.sections} sections, "
            f"{report.roles} roles"
        )


@cli.command("ping")
@click.pass_obj
def ping_cmd(obj: Context) -> None:
    """Check that the graph answers."""
    obj.store.ping()
    click.echo(f"{redact(obj.graph_url)} answers")
