"""coopol refdata commands."""

from graphsvc.cli import cli  # noqa: F401
