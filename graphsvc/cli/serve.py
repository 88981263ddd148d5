"""coopol serve: the web app under gunicorn, several worker processes sharing
the one embedded graph server.

The parent process starts the embedded server (when the graph URL is
`embedded://`) and stops it at exit; it never opens a store itself, and the
app is not preloaded, so each worker builds its app and opens its own store
after the fork."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import click

from graphsvc.cli import cli

log = logging.getLogger(__name__)


def gunicorn_app(options: dict):
    from gunicorn.app.base import BaseApplication

    class CoopolApplication(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):  # in each worker (preload_app is off)
            from webapp import create_app

            return create_app()

    return CoopolApplication()


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=5000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=3, show_default=True)
@click.option("--timeout", type=click.IntRange(5, 600), default=60, show_default=True, help="Worker timeout, seconds.")
@click.option(
    "--access-log",
    type=click.Path(dir_okay=False),
    help="Write an access log here ('-': standard error): worker pid, method, path, status, size, time; no address.",
)
@click.pass_obj
def serve_cmd(ctx, host, port, workers, timeout, access_log):
    """Serve the web app with gunicorn (production WSGI server)."""
    import os

    os.environ["COOPOL_GRAPH_URL"] = ctx.graph_url  # the workers read the same settings
    server = None
    parts = urlsplit(ctx.graph_url)
    if parts.scheme == "embedded":
        from graphsvc.store.embedded import EmbeddedServer

        server = EmbeddedServer(parts.path, ctx.settings.fsync)
        if not server.ensure_started():
            server = None  # someone else's server: theirs to stop
    try:
        click.echo(f"Coopol on http://{host}:{port} ({workers} workers)", err=True)
        gunicorn_app(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "worker_class": "sync",
                "preload_app": False,
                "timeout": timeout,
                "graceful_timeout": 10,
                "accesslog": access_log,
                "access_log_format": '%(p)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms',
                "errorlog": "-",
                "loglevel": "info",
                "proc_name": "coopol",
                # X-Forwarded-* are the app's business (ProxyFix, COOPOL_TRUST_PROXY).
                "forwarded_allow_ips": "",
            }
        ).run()
    finally:
        if server is not None:
            server.stop(only_if_idle=False)
