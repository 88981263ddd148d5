"""Store adapters behind one interface, chosen by `COOPOL_GRAPH_URL`:

- `embedded:///ABSOLUTE/FOLDER` — embedded FalkorDB (falkordblite), the default;
- `falkordb://[:password@]host:port` — a FalkorDB server;
- `neo4j://`, `neo4j+s://`, `neo4j+ssc://`, `bolt://`, `bolt+s://`, `bolt+ssc://` — Neo4j 5.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from graphsvc.config import Settings
from graphsvc.errors import StoreError
from graphsvc.store.base import Store, redact

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")

__all__ = ["Store", "open_store", "redact"]


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """Open the store the URL names (default: the settings' `COOPOL_GRAPH_URL`)."""
    settings = settings or Settings.from_env()
    url = url or settings.graph_url
    scheme = urlsplit(url).scheme
    if scheme == "embedded":
        from graphsvc.store.embedded import open_embedded

        folder = urlsplit(url).path
        if not folder.startswith("/"):
            raise StoreError(f"{redact(url)}: an embedded URL names an absolute folder, embedded:///path")
        return open_embedded(Path(folder), settings.graph_name, settings.fsync, url)
    if scheme == "falkordb":
        from graphsvc.store.falkor import connect_server

        return connect_server(url, settings.graph_name)
    if scheme in NEO4J_SCHEMES:
        from graphsvc.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            url,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
        )
    raise StoreError(
        f"unknown graph URL scheme in {redact(url)}: use embedded:///folder, "
        "falkordb://host:port, neo4j://host:port or bolt://host:port"
    )
