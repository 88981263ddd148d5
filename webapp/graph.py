"""One graph store per application (and per worker process), opened on first
use, closed when the process ends. Views reach it through `current_store()`."""

from __future__ import annotations

import atexit
import threading
import weakref

from flask import Flask, current_app

from graphsvc.store import Store, open_store

EXTENSION = "coopol_store"


class StoreHolder:
    """Opens the store lazily (never before a gunicorn fork) and closes it once."""

    def __init__(self, app: Flask):
        self._given: Store | None = app.config.get("COOPOL_STORE")
        self._settings = app.config["COOPOL_SETTINGS"]
        self._url = app.config.get("COOPOL_GRAPH_URL") or self._settings.graph_url
        self._store: Store | None = self._given
        self._lock = threading.Lock()

    def get(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = open_store(self._url, self._settings)
        return self._store

    @property
    def opened(self) -> Store | None:
        return self._store

    def close(self) -> None:
        """Close a store this holder opened (a store handed in by a test stays open)."""
        with self._lock:
            if self._store is not None and self._store is not self._given:
                self._store.close()
            self._store = self._given


def _close_at_exit(ref: weakref.ref) -> None:
    holder = ref()
    if holder is not None:
        holder.close()


def init_app(app: Flask) -> None:
    holder = StoreHolder(app)
    app.extensions[EXTENSION] = holder
    atexit.register(_close_at_exit, weakref.ref(holder))


def current_store() -> Store:
    """The store of the current application."""
    return current_app.extensions[EXTENSION].get()


def store_of(app: Flask) -> Store:
    return app.extensions[EXTENSION].get()
