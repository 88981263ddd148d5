"""coopol members export / erase: a member's GDPR request handled by an
operator (a letter, an e-mail), by member id or e-mail address."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from graphsvc import mydata
from graphsvc.cli.members import members


@members.command("export")
@click.argument("id_or_email")
@click.pass_obj
def export_cmd(obj, id_or_email: str):
    """Print everything held about a member as one JSON document."""
    found = mydata.find(obj.store, id_or_email)
    click.echo(json.dumps(mydata.export(obj.store, found.id), ensure_ascii=False, indent=2))


@members.command("erase")
@click.argument("id_or_email")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--no-compact", is_flag=True,
              help="Leave the store's files as they are (a batch of erasures: compact with the last one).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.pass_obj
def erase_cmd(obj, id_or_email: str, yes: bool, no_compact: bool, as_json: bool):
    """Erase a member's account and what only they own, for good; then rewrite
    the store's files so the erased data leaves the disk."""
    found = mydata.find(obj.store, id_or_email)
    if not yes:
        click.confirm(f"Erase {found.display_name} <{found.email}> ({found.id}) for good?", abort=True, err=True)
    erasure = mydata.erase(obj.store, found.id, compact=not no_compact)
    if as_json:
        click.echo(json.dumps(asdict(erasure) | {"counts": dict(erasure.counts)}, ensure_ascii=False))
        return
    for step, removed in erasure.counts:
        click.echo(f"{step}: {removed}")
    click.echo(f"Member {found.id} erased; store {'compacted' if erasure.compacted else 'not compacted'}.")
