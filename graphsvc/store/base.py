"""The one small interface every graph backend implements."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from graphsvc import querylib
from graphsvc.errors import Invalid

_PLAIN_SCALARS = (str, int, float, bool, type(None))


def redact(url: str) -> str:
    """The URL with its password hidden, fit for a message or a log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def check_plain(value: Any, where: str = "parameter") -> None:
    """Accept only str, int, float, bool, None and lists / string-keyed maps of them."""
    if isinstance(value, str) and "\x00" in value:
        # FalkorDB strings are C strings: refused on every backend so both behave alike.
        raise Invalid(f"{where}: the NUL character is not accepted")
    if isinstance(value, _PLAIN_SCALARS):
        if isinstance(value, float) and not math.isfinite(value):
            raise Invalid(f"{where}: not a finite number")
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            check_plain(item, where)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key or "`" in key:
                raise Invalid(f"{where}: map keys must be non-empty strings without backticks")
            check_plain(item, where)
        return
    raise Invalid(f"{where}: {type(value).__name__} is not a plain value")


class Store:
    """Runs named queries from `queries/` and returns rows as plain dicts.

    Subclasses implement `_run(query, params)` and `_apply_schema()`.
    """

    backend: str = ""
    url: str = ""

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a `mode: read` query (routed to a reader where the backend has them)."""
        return self._call(name, "read", params)

    def write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a `mode: write` query as one atomic statement."""
        return self._call(name, "write", params)

    def _call(self, name: str, mode: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        query = querylib.get(name, self.backend)
        if query.mode != mode:
            raise TypeError(f"query {name} is mode {query.mode}, called with {mode}()")
        if set(params) != query.params:
            raise TypeError(
                f"query {name} takes {sorted(query.params)}, given {sorted(params)}"
            )
        for key, value in params.items():
            check_plain(value, f"{name}: ${key}")
        return self._run(query, params)

    def apply_schema(self) -> None:
        """Create the constraints and indexes of `queries/schema/`; safe to repeat."""
        self._apply_schema(querylib.schema(self.backend))

    def clear(self) -> None:
        """Delete every node and relationship (tests, benchmarks, fresh seeds)."""
        # Small batches: a member holds ~40 links, and Neo4j keeps a whole
        # transaction in its heap (10,000 members at once failed on a 4M-link graph).
        while self.write("admin/delete_batch", batch=2_000)[0]["deleted"]:
            pass

    def ping(self) -> None:
        self.read("admin/ping")

    def compact(self) -> None:
        """Make deleted data leave the disk as far as the engine allows (erasure):
        the engine's checkpoint (`store/checkpoint`), then the backend's own file
        work (FalkorDB rewrites its append-only file). Returns when it is done."""
        self.write("store/checkpoint")
        self._compact_files()

    def _compact_files(self) -> None:
        pass

    def close(self) -> None:  # pragma: no cover - trivial in subclasses
        pass

    def _run(self, query: querylib.Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _apply_schema(self, schema: querylib.Schema) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {redact(self.url)}>"
