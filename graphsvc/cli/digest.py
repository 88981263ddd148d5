"""coopol digest send: the e-mail digest of unread notifications (run it daily)."""

from __future__ import annotations

import json

import click

from graphsvc import accounts, digest
from graphsvc.cli import cli


@cli.group("digest")
def digest_group():
    """The e-mail digest of members' unread notifications."""


@digest_group.command("send")
@click.option("--since-hours", type=click.IntRange(1, 24 * 31), default=24, show_default=True,
              help="Unread notifications of the last N hours (each one goes in one digest only).")
@click.option("--dry-run", is_flag=True, help="Say who would get a digest; send and record nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.pass_obj
def send_cmd(obj, since_hours, dry_run, as_json):
    """Send each member who did not opt out a digest of their unread
    notifications: through COOPOL_SMTP_URL when set, else as .eml files into
    the instance folder's outbox/."""
    settings = obj.settings
    mailer = digest.mailer_for(settings)
    since = accounts.now_ms() - since_hours * 3600 * 1000
    report = digest.send_digests(obj.store, mailer, since=since, sender=settings.mail_from,
                                 base_url=settings.base_url, dry_run=dry_run)
    where = "SMTP" if settings.smtp_url else str(settings.instance_path / "outbox")
    if as_json:
        click.echo(json.dumps({"sent": 0 if dry_run else report.sent, "due": report.sent, "dry_run": dry_run,
                               "to": where}, ensure_ascii=False))
    elif dry_run:
        click.echo(f"{report.sent} digest(s) due (dry run: nothing sent)")
    else:
        click.echo(f"{report.sent} digest(s) sent ({where})")
