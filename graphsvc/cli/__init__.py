"""The `coopol` command: the operator's work (schema, reference data, demo
network, serving, benchmarks). One click group; the store opens on first use
and closes when the command ends."""

from __future__ import annotations

import click

from graphsvc.config import Settings
from graphsvc.errors import CoopolError
from graphsvc.store import Store, open_store


class Context:
    """Handed to every command (`@click.pass_obj`): settings, and the store opened lazily."""

    def __init__(self, settings: Settings, graph_url: str | None):
        self.settings = settings
        self.graph_url = graph_url or settings.graph_url
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            try:
                self._store = open_store(self.graph_url, self.settings)
            except CoopolError as exc:
                raise click.ClickException(str(exc)) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class CoopolGroup(click.Group):
    """Turns the errors Coopol raises on purpose into clean messages and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CoopolError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=CoopolGroup)
@click.option(
    "--graph-url",
    envvar="COOPOL_GRAPH_URL",
    help="Where the graph lives (default: the embedded graph of the instance folder).",
)
@click.pass_context
def cli(ctx: click.Context, graph_url: str | None) -> None:
    """Coopol: the social network of a party's members and sympathisers."""
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    ctx.obj = Context(settings, graph_url)
    ctx.call_on_close(ctx.obj.close)


def main() -> None:
    cli(prog_name="coopol")


# Command modules register themselves on `cli`.
from graphsvc.cli import (  # noqa: E402,F401
    addressbook,
    admin,
    admins,
    bench,
    bench_feed,
    contacts,
    coopains,
    dashboard,
    digest,
    members,
    mydata,
    neo4j,
    refdata,
    roles,
    seed,
    serve,
    suggest,
)
