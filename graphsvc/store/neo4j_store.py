"""Neo4j 5 through the official driver: one Driver per store, managed transactions."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from graphsvc import querylib
from graphsvc.errors import Conflict, StoreError, StoreUnavailable
from graphsvc.store.base import Store, redact

_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.TransientError,
    OSError,
)


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    parts = urlsplit(url)
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=host)), user, password


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
    ):
        self.url = url
        clean_url, url_user, url_password = _split_credentials(url)
        auth = (url_user or user or "neo4j", url_password or password or "")
        self._database = database or None
        try:
            self._driver = GraphDatabase.driver(clean_url, auth=auth)
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"cannot use {redact(url)}: {exc}") from None
        self._bookmarks = GraphDatabase.bookmark_manager()
        try:
            self._driver.verify_connectivity()
        except neo4j_errors.AuthError:
            self._driver.close()
            raise StoreError(f"credentials refused by {redact(url)}") from None
        except (*_UNAVAILABLE, neo4j_errors.DriverError) as exc:
            self._driver.close()
            raise StoreError(f"cannot reach {redact(url)}: {type(exc).__name__}") from None

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self._database, bookmark_manager=self._bookmarks)

    def _run(self, query: querylib.Query, params: dict[str, Any]) -> list[dict[str, Any]]:
        def work(tx):
            return tx.run(query.text, params).data()

        try:
            with self._session() as session:
                if query.mode == "read":
                    return session.execute_read(work)
                return session.execute_write(work)
        except neo4j_errors.ConstraintError as exc:
            raise Conflict(f"{query.name}: {exc.message}") from None
        except _UNAVAILABLE as exc:
            raise StoreUnavailable(f"{redact(self.url)} is not answering: {type(exc).__name__}") from None

    def _apply_schema(self, schema: querylib.Schema) -> None:
        with self._session() as session:
            for statement in schema.statements:
                session.run(statement).consume()

    def close(self) -> None:
        self._driver.close()
