"""coopol roles list|add: the roles catalogue."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from graphsvc import roles
from graphsvc.cli import Context, cli


@cli.group("roles")
def roles_group() -> None:
    """The roles catalogue (party functions, elected mandates, jobs)."""


@roles_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def list_cmd(obj: Context, as_json: bool) -> None:
    """List the catalogue, by kind then label."""
    items = roles.list_roles(obj.store)
    if as_json:
        click.echo(json.dumps([asdict(role) for role in items], ensure_ascii=False))
        return
    for role in items:
        click.echo(f"{role.kind:<8} {role.level:<16} {role.key:<50} {role.label}")


@roles_group.command("add")
@click.argument("key")
@click.option("--label", required=True, help="French label, e.g. 'Secrétaire fédéral'.")
@click.option("--label-en", required=True, help="English label.")
@click.option("--kind", required=True, type=click.Choice(roles.KINDS))
@click.option(
    "--level",
    required=True,
    help="Place the role needs: section|federation|national (party); "
    "commune|arrondissement|intercommunalite|departement|region|circonscription|senat|europe|none "
    "(mandate); none (job).",
)
@click.pass_obj
def add_cmd(obj: Context, key: str, label: str, label_en: str, kind: str, level: str) -> None:
    """Add the role KEY (ASCII snake_case) to the catalogue."""
    role = roles.add(obj.store, key, label, label_en, kind, level)
    click.echo(f"role {role.key} added: {role.label} ({role.kind}, {role.level})")
