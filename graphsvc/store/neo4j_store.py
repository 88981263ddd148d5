"""Neo4j 5 through the official driver, used the way Neo4j intends.

- One `Driver` per store (per process), closed by `close()`; it is thread-safe
  and pools its connections. Open the store after forking (one per worker).
- Reads run in `execute_read` and writes in `execute_write`: managed
  transactions, retried by the driver on transient errors and lost leaders,
  and with a `neo4j://` URL reads are routed to a cluster's readers.
- One bookmark manager per store chains every session causally: whatever this
  process wrote is visible to its next read, even on a reader that lags.
- The database is `COOPOL_NEO4J_DATABASE`, else the user's home database.
- Results are plain Python values, shaped as the FalkorDB adapter shapes them
  (a node or relationship becomes the map of its properties, a path the list
  of its nodes).
- Errors become Coopol's: a uniqueness violation is `Conflict`; a server that
  stops answering is `StoreUnavailable` within seconds (short connection and
  retry timeouts), and the same store works again once the server is back.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graphsvc import querylib
from graphsvc.errors import Conflict, StoreError, StoreUnavailable
from graphsvc.store.base import Store, redact

# A dead server must fail a request in seconds, not in the driver's defaults
# (60 s to acquire a connection, 30 s of retries).
CONNECTION_TIMEOUT_S = 3.0
ACQUISITION_TIMEOUT_S = 6.0
RETRY_TIME_S = 5.0
# A pooled connection idle for longer is checked before use (after a server restart).
LIVENESS_CHECK_S = 10.0

_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.TransientError,
    neo4j_errors.ConnectionAcquisitionTimeoutError,
    OSError,
)
_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
_PROCEDURE_NOT_FOUND = "Neo.ClientError.Procedure.ProcedureNotFound"
_EQUIVALENT_SCHEMA = (
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
)


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    parts = urlsplit(url)
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=host)), user, password


def plain(value: Any) -> Any:
    """A driver value as the plain Python value the FalkorDB adapter gives."""
    if isinstance(value, (Node, Relationship)):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Path):
        return [plain(node) for node in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def _rows(result: neo4j.Result) -> list[dict[str, Any]]:
    keys = result.keys()
    return [dict(zip(keys, (plain(value) for value in record.values()))) for record in result]


class Neo4jStore(Store):
    """Reads through `execute_read` (a `neo4j://` URL routes them to readers),
    writes through `execute_write`; one bookmark manager per store chains every
    session causally, so a write is seen by the next read of this process."""

    backend = "neo4j"

    def __init__(
        self,
        url: str,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        retry_time_s: float = RETRY_TIME_S,
    ):
        self.url = url
        clean_url, url_user, url_password = _split_credentials(url)
        # Shown in messages: the URL as given, with the user but never the password.
        self._shown = redact(url)
        auth = (url_user or user or "neo4j", url_password or password or "")
        self.database = database or None
        try:
            self._driver = GraphDatabase.driver(
                clean_url,
                auth=auth,
                user_agent="coopol",
                connection_timeout=CONNECTION_TIMEOUT_S,
                connection_acquisition_timeout=ACQUISITION_TIMEOUT_S,
                max_transaction_retry_time=retry_time_s,
                liveness_check_timeout=LIVENESS_CHECK_S,
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"cannot use {self._shown}: {exc}") from None
        self._bookmarks = GraphDatabase.bookmark_manager()
        try:
            self._driver.verify_connectivity()
            self.ping()  # the database exists and this user may read it
        except neo4j_errors.AuthError:
            self._driver.close()
            raise StoreError(f"credentials refused by {self._shown} (user {auth[0]})") from None
        except StoreUnavailable:
            self._driver.close()
            raise StoreError(f"cannot reach {self._shown}: the server does not answer") from None
        except (*_UNAVAILABLE, neo4j_errors.DriverError) as exc:
            self._driver.close()
            raise StoreError(f"cannot reach {self._shown}: {type(exc).__name__}") from None
        except StoreError:
            self._driver.close()
            raise

    def _session(self, access_mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        return self._driver.session(
            database=self.database,
            bookmark_manager=self._bookmarks,
            default_access_mode=access_mode,
        )

    def _run(self, query: querylib.Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return _rows(tx.run(query.text, params))

        if query.mode == "read":
            return self._managed(query.name, neo4j.READ_ACCESS, work)
        return self._managed(query.name, neo4j.WRITE_ACCESS, work)

    def _managed(self, name: str, access_mode: str, work):
        try:
            with self._session(access_mode) as session:
                if access_mode == neo4j.READ_ACCESS:
                    return session.execute_read(work)
                return session.execute_write(work)
        except neo4j_errors.ConstraintError as exc:
            raise Conflict(f"{name}: {exc.message}") from None
        except neo4j_errors.IncompleteCommit:
            raise StoreUnavailable(
                f"{self._shown} stopped answering while committing {name}: the write may or may not be saved"
            ) from None
        except neo4j_errors.AuthError:
            raise StoreError(f"credentials refused by {self._shown}") from None
        except neo4j_errors.ClientError as exc:
            if exc.code == _DATABASE_NOT_FOUND:
                raise StoreError(f"{self._shown} has no database {self.database!r} (COOPOL_NEO4J_DATABASE)") from None
            raise
        except _UNAVAILABLE as exc:
            raise StoreUnavailable(f"{self._shown} is not answering: {type(exc).__name__}") from None

    def _apply_schema(self, schema: querylib.Schema) -> None:
        for statement in schema.statements:

            def work(tx: neo4j.ManagedTransaction, statement: str = statement) -> None:
                tx.run(statement).consume()

            try:
                self._managed("schema", neo4j.WRITE_ACCESS, work)
            except neo4j_errors.ClientError as exc:
                # Two processes creating the same constraint at once: the other one won.
                if exc.code not in _EQUIVALENT_SCHEMA:
                    raise
            except neo4j_errors.DatabaseError as exc:
                if "ConstraintCreationFailed" in (exc.code or ""):
                    raise Conflict(f"a uniqueness constraint failed: the graph holds duplicates ({exc.message})") from None
                raise

    def compact(self) -> None:
        """A checkpoint now where the edition has `db.checkpoint()` (Enterprise);
        Community checkpoints on its own schedule (`db.checkpoint.interval.*`).
        What the transaction logs keep is `db.tx_log.rotation.retention_policy`'s
        business (docs/design.md, erasure)."""
        try:
            super().compact()
        except neo4j_errors.ClientError as exc:
            if exc.code != _PROCEDURE_NOT_FOUND:
                raise

    def close(self) -> None:
        self._driver.close()
