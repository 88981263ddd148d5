"""coopol bench addressbook: the time to read an address book of each format."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from graphsvc import addressbook, bench_addressbook
from graphsvc.cli.bench import bench, machine


@bench.command("addressbook")
@click.option("--contacts", type=click.IntRange(1, addressbook.MAX_CONTACTS), default=addressbook.MAX_CONTACTS,
              show_default=True, help="Entries in each generated book.")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True, help="Runs; the best is kept.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_addressbook_cmd(contacts, repeat, as_json):
    """Read a generated vCard and an Outlook CSV of CONTACTS entries (no graph involved)."""
    readings = [bench_addressbook.measure(f, contacts, repeat) for f in bench_addressbook.FORMATS]
    if as_json:
        click.echo(json.dumps({"readings": [asdict(r) for r in readings], "machine": machine()}))
        return
    for r in readings:
        click.echo(f"{r.format}: {r.contacts} contacts ({r.megabytes} MB), {r.valid} valid, "
                   f"{r.cpu_seconds} CPU s, {r.seconds} s")
