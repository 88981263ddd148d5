"""coopol bench commands."""

from graphsvc.cli import cli  # noqa: F401
