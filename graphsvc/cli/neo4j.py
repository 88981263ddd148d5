"""`coopol neo4j start|stop|status`: a Neo4j 5 server for development and tests.

The server's pid, log and generated password live in `<instance>/neo4j/`, its
data in `<instance>/neo4j/data` unless `--data` names another folder."""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict
from pathlib import Path

import click

from graphsvc.cli import cli
from graphsvc.neo4jserver import DEFAULT_PORT, USER, Neo4jServer


def _server(obj, port: int | None = None, data: Path | None = None) -> Neo4jServer:
    return Neo4jServer(obj.settings.instance_path / "neo4j", data=data, port=port, password=obj.settings.neo4j_password or None)


@cli.group("neo4j")
def neo4j_group() -> None:
    """A Neo4j 5 server on 127.0.0.1 for development and tests (needs Java 17 and Maven)."""


@neo4j_group.command("start")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help=f"Bolt port (default {DEFAULT_PORT}, or the last one used).")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None, help="Data folder (default: <instance>/neo4j/data).")
@click.option("--quick", is_flag=True, help="Start faster, run queries slower (no C2 compiler): short-lived servers.")
@click.pass_obj
def start_cmd(obj, port: int | None, data: Path | None, quick: bool) -> None:
    """Build the launcher if needed, start Neo4j in the background, wait until Bolt answers."""
    server = _server(obj, port, data)
    running = server.status()
    if running.running:
        if (port and port != running.port) or (data and data.resolve() != Path(running.data)):
            raise click.ClickException(
                f"a Neo4j server of this instance already runs (pid {running.pid}, {running.url}, data {running.data}): "
                "stop it first"
            )
        click.echo(f"Neo4j already runs (pid {running.pid}) on {running.url}")
    else:
        click.echo(f"Starting Neo4j on {server.url} (data in {server.data}); the first build downloads its jars…")
        began = time.monotonic()
        pid = server.start(quick=quick)
        click.echo(f"Neo4j runs (pid {pid}), ready in {time.monotonic() - began:.1f} s; log: {server.logfile}")
    _explain(server)


def _explain(server: Neo4jServer) -> None:
    click.echo(f"  COOPOL_GRAPH_URL={server.url}  (the tests: COOPOL_TEST_NEO4J_URI={server.url})")
    click.echo(f"  COOPOL_NEO4J_USER={USER}")
    if os.environ.get("COOPOL_NEO4J_PASSWORD"):
        click.echo("  COOPOL_NEO4J_PASSWORD: the one in your environment")
    else:
        click.echo(f"  COOPOL_NEO4J_PASSWORD=$(cat {server.password_file})  (tests: COOPOL_TEST_NEO4J_PASSWORD)")


@neo4j_group.command("stop")
@click.pass_obj
def stop_cmd(obj) -> None:
    """Stop the server cleanly (SIGTERM) and wait until it has exited."""
    server = _server(obj)
    status = server.status()
    if not status.running:
        click.echo("Neo4j is not running.")
        return
    began = time.monotonic()
    server.stop()
    click.echo(f"Neo4j stopped (pid {status.pid}) in {time.monotonic() - began:.1f} s.")


@neo4j_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: running, pid, port, data, url.")
@click.pass_obj
def status_cmd(obj, as_json: bool) -> None:
    """Say whether the server of this instance runs, and where."""
    server = _server(obj)
    status = server.status()
    if as_json:
        click.echo(json.dumps(asdict(status)))
    elif status.running:
        answers = server.answers()
        click.echo(f"Neo4j runs (pid {status.pid}) on {status.url}, data in {status.data}"
                   + ("" if answers else " — but Bolt does not answer (starting, or stuck: see the log)"))
        _explain(server)
    else:
        click.echo("Neo4j is not running (coopol neo4j start).")
