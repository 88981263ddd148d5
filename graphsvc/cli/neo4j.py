"""coopol neo4j commands."""

from graphsvc.cli import cli  # noqa: F401
