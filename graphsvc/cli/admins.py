"""coopol admins: the operator names the first animators (no actor check)."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from graphsvc import admins, identity
from graphsvc.cli import cli


@cli.group("admins")
def admins_group() -> None:
    """Animation rights: national administrators, federation coordinators, section managers."""


def _member_id(store, email: str) -> str:
    rows = store.read("members/get_by_email", email=identity.normalise_email(email))
    if not rows:
        raise click.ClickException(f"no account with the e-mail {email}")
    return rows[0]["id"]


@admins_group.command("grant")
@click.argument("email")
@click.option("--national", "level", flag_value="national", help="National administrator.")
@click.option("--federation", "federation", metavar="NUMBER", help="Coordinator of this federation (69, 2A, 971, 99…).")
@click.option("--section", "section", metavar="ID", help="Manager of this section (its id, sec-…).")
@click.option("--json", "as_json", is_flag=True, help="Print the grant as JSON.")
@click.pass_obj
def grant_cmd(ctx, email, level, federation, section, as_json):
    """Grant EMAIL an animation right (exactly one of --national, --federation, --section)."""
    chosen = [name for name, value in (("national", level), ("federation", federation), ("section", section)) if value]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --national, --federation NUMBER, --section ID")
    level = chosen[0]
    unit_id = admins.unit_id_for(level, federation or section)
    store = ctx.store
    done = admins.bootstrap(store, _member_id(store, email), level, unit_id)
    if as_json:
        click.echo(json.dumps(asdict(done), ensure_ascii=False))
    else:
        click.echo(f"{done.right} right on {done.unit_id} granted")


@admins_group.command("list")
@click.argument("email")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def list_cmd(ctx, email, as_json):
    """The animation rights EMAIL holds."""
    store = ctx.store
    found = admins.rights(store, _member_id(store, email))
    if as_json:
        click.echo(json.dumps([asdict(r) for r in found], ensure_ascii=False))
    else:
        for r in found:
            click.echo(f"{r.right} {r.unit_id} ({r.unit_name}), granted by {r.granted_by}")
