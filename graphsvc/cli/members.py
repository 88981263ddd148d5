"""coopol members: the membership file of a federation."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import click

from graphsvc.cli import cli
from graphsvc.errors import Invalid


@cli.group("members")
def members() -> None:
    """Members' accounts."""


@members.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option(
    "--links-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write `email,activation_url` lines here (a new file, readable by you only) for the federation to send.",
)
@click.option(
    "--base-url",
    envvar="COOPOL_BASE_URL",
    default="http://127.0.0.1:5000",
    show_default=True,
    help="Address of the site in the activation links.",
)
@click.option("--dry-run", is_flag=True, help="Check the file and report, without creating anything.")
@click.pass_obj
def import_cmd(obj, csv_file: Path, as_json: bool, links_out: Path | None, base_url: str, dry_run: bool):
    """Import a membership file: header first_name,last_name,email,phone,section,membership.

    Creates pending accounts that people activate with their link; reports the
    rows created, already present (same e-mail) and rejected (line, reasons).
    Valid rows are created even when others are rejected; a file that cannot
    be read (not UTF-8, binary, wrong header) creates nothing."""
    from graphsvc import membership
    from graphsvc.cli.contacts import contacts_key

    data = csv_file.read_bytes()
    if dry_run and links_out is not None:
        raise click.UsageError("--dry-run creates no account, so no activation link: drop --links-out")
    links = None
    if links_out is not None:
        # Opened before anything is written: the tokens exist only in this file.
        try:
            fd = os.open(links_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise click.ClickException(f"{links_out} exists: choose a new file for the activation links") from None
        except OSError as exc:
            raise click.ClickException(f"cannot create {links_out}: {exc.strerror}") from None
        links = os.fdopen(fd, "w", encoding="utf-8", newline="")
    report = None
    try:
        try:
            report = membership.import_members(obj.store, None, data, dry_run=dry_run,
                                                contacts_key=contacts_key(obj))
        except Invalid as exc:
            raise click.ClickException(f"{csv_file.name}: {exc} (nothing imported)") from None
        if links is not None:
            out = csv.writer(links, lineterminator="\n")
            out.writerow(["email", "activation_url"])
            for activation in report.activations:
                out.writerow([activation.email, membership.activation_url(base_url, activation.token)])
    finally:
        if links is not None:
            links.close()
            if report is None:  # nothing imported: no links file either
                links_out.unlink(missing_ok=True)
    result = report.as_dict()
    result["file"] = str(csv_file)
    result["links_out"] = str(links_out) if links_out else None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        created = "would be created (dry run, nothing written)" if dry_run else "created"
        click.echo(
            f"{csv_file.name}: {report.rows} rows, {report.created} {created}, "
            f"{report.already_present} already present, {len(report.rejected)} rejected."
        )
        for rejected in report.rejected:
            click.echo(f"  line {rejected.line}: {rejected.reason}")
        if links_out and report.created:
            click.echo(f"Activation links: {links_out}")
    if report.created and links_out is None and not dry_run:
        click.echo(
            "Warning: no --links-out: the activation links of the accounts just created were not saved.",
            err=True,
        )

