"""FalkorDB: a server reached over TCP, or the embedded one (`embedded.py`)."""

from __future__ import annotations

import os
import time
from typing import Any, Callable

import redis
from falkordb import Edge, FalkorDB, Node, Path
from falkordb.helpers import stringify_param_value
from falkordb.query_result import parse_scalar

from graphsvc import querylib
from graphsvc.errors import Conflict, StoreError, StoreUnavailable
from graphsvc.store.base import Store, redact


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A FalkorDB result value as the plain Python value Neo4j's `.data()` gives."""
    if type(value) in _SCALARS:  # most values: one test instead of four
        return value
    if isinstance(value, (Node, Edge)):
        return {key: plain(item) for key, item in value.properties.items()}
    if isinstance(value, Path):
        return [plain(node) for node in value.nodes()]
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


# Value types of FalkorDB's compact replies (`--compact`): most cells of a result.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10


def _cell(cell: list, graph) -> Any:
    """One value of a compact reply as a plain Python value. Scalars, lists and
    maps are read here (a suggestions read returns ~300 of them: 0.3 ms
    against 1.0 ms through the driver's `QueryResult` and `plain()`); nodes,
    edges, paths, points and temporal values go through the driver's parser,
    which knows the graph's labels and property names."""
    kind, value = cell
    if kind == _STRING or kind == _INTEGER:
        return value
    if kind == _ARRAY:
        return [_cell(item, graph) for item in value]
    if kind == _BOOLEAN:
        return value == "true"
    if kind == _DOUBLE:
        return float(value)
    if kind == _NULL:
        return None
    if kind == _MAP:
        return {value[i]: _cell(value[i + 1], graph) for i in range(0, len(value), 2)}
    return plain(parse_scalar(cell, graph))


def _with_params(text: str, params: dict[str, Any]) -> str:
    """The query text behind FalkorDB's parameter header (`CYPHER name=value …`)."""
    if not params:
        return text
    return "CYPHER " + " ".join(f"{key}={stringify_param_value(value)}" for key, value in params.items()) + " " + text


COMPACT_TIMEOUT_S = 600.0


def _await_idle(client: redis.Redis, *flags: str) -> None:
    """Wait until none of these INFO persistence flags is set."""
    deadline = time.monotonic() + COMPACT_TIMEOUT_S
    while any(client.info("persistence").get(flag) for flag in flags):
        if time.monotonic() > deadline:
            raise StoreError(f"a background save still running after {COMPACT_TIMEOUT_S:.0f} s")
        time.sleep(0.02)


def _rerun_background(client: redis.Redis, start: Callable[[], Any], *flags: str) -> None:
    """Run a background save that begins after this call and wait for its end.

    One already running may have begun before the caller's deletes: wait for it,
    then start ours. If another client starts one in between ("already in
    progress"), it began after the deletes too and is waited for instead."""
    _await_idle(client, *flags)
    try:
        start()
    except redis.ResponseError as exc:
        if "already in progress" not in str(exc):
            raise
    _await_idle(client, *flags)


def _keeps_snapshot(client: redis.Redis) -> bool:
    """Does the server keep an RDB snapshot (save points, a save since it started,
    or a snapshot file in its folder when that folder is on this machine)?"""
    try:
        config = client.config_get("save") | client.config_get("dir") | client.config_get("dbfilename")
    except redis.ResponseError:  # CONFIG disabled (a managed server): assume it does
        return True
    if (config.get("save") or "").strip() or client.info("persistence").get("rdb_saves"):
        return True
    return os.path.exists(os.path.join(config.get("dir") or "", config.get("dbfilename") or "dump.rdb"))


class FalkorStore(Store):
    """One named graph on a FalkorDB server; reads go through GRAPH.RO_QUERY."""

    backend = "falkordb"

    def __init__(self, db: FalkorDB, graph_name: str, url: str, on_close: Callable[[], None] | None = None):
        self.db = db
        self.graph = db.select_graph(graph_name)
        self.graph_name = graph_name
        self.url = url
        self._on_close = on_close

    def _execute(self, command: str, text: str) -> list:
        """A compact reply; an error the server put in its last element raised."""
        reply = self.db.connection.execute_command(command, self.graph_name, text, "--compact")
        if reply and isinstance(reply[-1], redis.ResponseError):
            raise reply[-1]
        return reply

    def _run(self, query: querylib.Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        text = _with_params(query.text, params)
        try:
            reply = self._execute("GRAPH.RO_QUERY" if query.mode == "read" else "GRAPH.QUERY", text)
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"{redact(self.url)} is not answering: {type(exc).__name__}") from None
        except redis.ResponseError as exc:
            if "unique constraint violation" in str(exc).lower():
                raise Conflict(f"{query.name}: {exc}") from None
            if query.mode == "read" and "empty key" in str(exc):
                # A graph never written to does not exist yet for GRAPH.RO_QUERY;
                # Neo4j answers such reads, so run this read-only text once as GRAPH.QUERY.
                reply = self._execute("GRAPH.QUERY", text)
            else:
                raise
        if len(reply) < 3:  # statistics only: a query without RETURN
            return []
        columns = [column[1] for column in reply[0]]
        return [dict(zip(columns, (_cell(cell, self.graph) for cell in row))) for row in reply[1]]

    def _apply_schema(self, schema: querylib.Schema) -> None:
        for statement in schema.statements:
            try:
                self.graph.query(statement)
            except redis.ResponseError as exc:
                if "already indexed" not in str(exc):
                    raise
        existing = {
            (c["label"], tuple(c["properties"]))
            for c in self.graph.list_constraints()
            if c["type"] == "UNIQUE"
        }
        for label, prop in schema.unique:
            if (label, (prop,)) not in existing:
                self.graph.create_node_unique_constraint(label, prop)
        self._await_constraints()

    def _await_constraints(self, timeout_s: float = 60.0) -> None:
        import time

        deadline = time.monotonic() + timeout_s
        while any(c["status"] != "OPERATIONAL" for c in self.graph.list_constraints()):
            if any(c["status"] == "FAILED" for c in self.graph.list_constraints()):
                raise Conflict("a uniqueness constraint failed: the graph holds duplicates")
            if time.monotonic() > deadline:
                raise StoreError("uniqueness constraints still pending after 60 s")
            time.sleep(0.05)

    def _compact_files(self) -> None:
        """Rewrite the server's append-only file from the live data (and its RDB
        snapshot when it keeps one), waiting until they are on disk: the old
        files, which still hold deleted data, are then removed by the server."""
        client = self.db.connection
        try:
            if client.info("persistence").get("aof_enabled"):
                _rerun_background(client, client.bgrewriteaof, "aof_rewrite_in_progress", "aof_rewrite_scheduled")
                if client.info("persistence").get("aof_last_bgrewrite_status") != "ok":
                    raise StoreError(f"{redact(self.url)}: the append-only file rewrite failed (see the server log)")
            if _keeps_snapshot(client):
                _rerun_background(client, client.bgsave, "rdb_bgsave_in_progress", "aof_rewrite_in_progress")
                if client.info("persistence").get("rdb_last_bgsave_status") != "ok":
                    raise StoreError(f"{redact(self.url)}: the RDB snapshot failed (see the server log)")
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"{redact(self.url)} is not answering: {type(exc).__name__}") from None

    def drop(self) -> None:
        """Delete this whole graph (tests)."""
        try:
            self.graph.delete()
        except redis.ResponseError:
            pass

    def close(self) -> None:
        if self._on_close:
            self._on_close()
            self._on_close = None


def connect_server(url: str, graph_name: str) -> FalkorStore:
    """`falkordb://[:password@]host:port`: a FalkorDB server over TCP."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    try:
        db = FalkorDB(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 6379,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            socket_connect_timeout=5,
        )
        db.connection.ping()
    except redis.AuthenticationError:
        raise StoreError(f"credentials refused by {redact(url)}") from None
    except (redis.ConnectionError, redis.TimeoutError, OSError, ValueError) as exc:
        raise StoreError(f"cannot reach {redact(url)}: {exc}") from None
    return FalkorStore(db, graph_name, url)
