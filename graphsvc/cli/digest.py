"""coopol digest send: the e-mail digest of unread notifications (run it daily);
coopol notifications purge: delete old notifications;
coopol bench conversations: the notifications and comments hot paths."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from graphsvc import accounts, bench_conversations, digest, notifications
from graphsvc.cli import cli
from graphsvc.cli.bench import bench, bench_graph, machine


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


@bench.command("conversations")
@click.option("--followers", type=click.IntRange(1, 100_000), default=1_000, show_default=True,
              help="Members following the conversation a comment is added to.")
@click.option("--notifications", "held", type=click.IntRange(1, 1_000_000), default=5_000, show_default=True,
              help="Notifications held by the member whose unread count and list are read.")
@click.option("--runs", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--bench-url", default=None, help="An empty graph to run on (default: a temporary embedded one).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as one JSON object.")
@click.pass_obj
def bench_conversations_cmd(obj, followers, held, runs, bench_url, as_json):
    """Time the header's unread count, the first page of notifications and a
    comment notifying every follower of a conversation, through graphsvc."""
    with bench_graph(obj, bench_url) as (store, url, _folder):
        store.apply_schema()
        result = bench_conversations.run(store, followers=followers, held=held, runs=runs)
        backend = store.backend
    report = {"backend": backend, "machine": machine(), **asdict(result)}
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(f"{backend}: {held} notifications held, a conversation with {followers} followers, {runs} runs each")
    for key in ("unread_count", "list_first_page", "comment_fan_out"):
        t = report[key]
        click.echo(f"  {key}: p50 {t['p50_ms']} ms, p99 {t['p99_ms']} ms")


@cli.group("notifications")
def notifications_group():
    """Members' notifications."""


@notifications_group.command("purge")
@click.option("--days", type=click.IntRange(1, 3650), default=notifications.RETENTION_DAYS, show_default=True,
              help="Delete the notifications older than this, read or not.")
@click.pass_obj
def purge_cmd(obj, days):
    """Delete old notifications (run it daily, with the digest): every member's
    list stays short, so the header's count and the notifications page stay fast."""
    click.echo(f"{notifications.purge(obj.store, days)} notification(s) older than {days} days deleted")
