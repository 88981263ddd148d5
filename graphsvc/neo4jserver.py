"""A Neo4j 5 server for tests and development, without a container.

The Java launcher of `tools/neo4j-server/` runs Neo4j Community as an embedded
DBMS with its Bolt connector on 127.0.0.1. This module builds it with Maven
(once; skipped while the build is newer than its sources), starts it with
`java` in the background (never `mvn exec:java`, whose JVM takes a quarter of
the machine's memory), waits until Bolt answers, and stops it with SIGTERM.

One folder per server holds `server.json` (pid, port, data folder), the
launcher's output in `neo4j.log`, and, unless `COOPOL_NEO4J_PASSWORD` is set,
the password of the user `neo4j` generated once (`neo4j_password.secret`).
Neo4j's own logs are in `<data>/logs/`.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graphsvc.config import REPO_ROOT, instance_secret
from graphsvc.errors import CoopolError

LAUNCHER_DIR = REPO_ROOT / "tools" / "neo4j-server"
MAIN_CLASS = "coopol.Neo4jServer"
USER = "neo4j"
DEFAULT_PORT = 7687
# Sized for a 2-core, 24 GiB machine shared with other things: about 410 MB resident.
HEAP = "1g"
PAGECACHE = "512m"
JVM_OPTIONS = (
    "-Xms256m",
    f"-Xmx{HEAP}",
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)
# Short-lived servers (a test session) start about twice as fast on a busy
# 2-core machine without the C2 compiler; long-lived ones keep it for speed.
QUICK_START_OPTIONS = ("-XX:TieredStopAtLevel=1",)
START_TIMEOUT_S = 300.0
STOP_TIMEOUT_S = 60.0


class Neo4jServerError(CoopolError):
    """The development Neo4j server cannot be built, started or stopped."""


# -- building the launcher ----------------------------------------------------


@contextlib.contextmanager
def _flock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sources(launcher: Path) -> list[Path]:
    return [launcher / "pom.xml", *sorted((launcher / "src").rglob("*"))]


def _outputs(launcher: Path) -> tuple[Path, Path]:
    target = launcher / "target"
    return target / "classes" / "coopol" / "Neo4jServer.class", target / "classpath.txt"


def _up_to_date(launcher: Path) -> bool:
    outputs = _outputs(launcher)
    if not all(path.exists() for path in outputs):
        return False
    newest_source = max(path.stat().st_mtime for path in _sources(launcher) if path.is_file())
    if min(path.stat().st_mtime for path in outputs) < newest_source:
        return False
    # The jars live in Maven's cache, which may have been cleaned since.
    return all(Path(jar).exists() for jar in _read_classpath(launcher))


def _read_classpath(launcher: Path) -> list[str]:
    return [jar for jar in _outputs(launcher)[1].read_text().strip().split(os.pathsep) if jar]


def require_tools() -> None:
    """Java and Maven must be installed: the suite fails loudly without them."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        raise Neo4jServerError(
            f"{' and '.join(missing)} not found: the Neo4j server needs a JDK 17 and Maven "
            "(Debian: apt-get install openjdk-17-jdk-headless maven)"
        )


def ensure_built(launcher: Path = LAUNCHER_DIR) -> list[str]:
    """Build the launcher unless it is up to date; return its class path.

    The first build downloads Neo4j's jars (about 140 MB) into Maven's cache."""
    with _flock(launcher / "target" / ".build.lock"):
        if _up_to_date(launcher):
            return [str(_outputs(launcher)[0].parent.parent), *_read_classpath(launcher)]
        require_tools()
        done = subprocess.run(
            ["mvn", "-q", "-B", "package"],
            cwd=launcher,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        if done.returncode:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise Neo4jServerError(f"building the Neo4j launcher failed (mvn -q package in {launcher}):\n{tail}")
        now = time.time()
        for path in _outputs(launcher):
            os.utime(path, (now, now))
        return [str(_outputs(launcher)[0].parent.parent), *_read_classpath(launcher)]


# -- running it ---------------------------------------------------------------


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM when the process that started it dies."""
    PR_SET_PDEATHSIG = 1
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _is_launcher(pid: int) -> bool:
    try:
        return MAIN_CLASS.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    port: int | None
    data: str | None
    url: str | None


class Neo4jServer:
    """One Neo4j server: its folder (pid, log, password), data folder and port."""

    def __init__(self, folder: Path, data: Path | None = None, port: int | None = None, password: str | None = None):
        self.folder = Path(folder).resolve()
        self.statefile = self.folder / "server.json"
        self.logfile = self.folder / "neo4j.log"
        state = self._state()
        self.port = port or state.get("port") or DEFAULT_PORT
        self.data = Path(data or state.get("data") or self.folder / "data").resolve()
        self._password = password

    @property
    def url(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def password(self) -> str:
        """COOPOL_NEO4J_PASSWORD, else a password generated once into the folder."""
        if self._password is None:
            self._password = instance_secret(self.folder, "neo4j_password")
        return self._password

    @property
    def password_file(self) -> Path:
        return self.folder / "neo4j_password.secret"

    def _state(self) -> dict:
        try:
            return json.loads(self.statefile.read_text())
        except (OSError, ValueError):
            return {}

    def pid(self) -> int | None:
        """The pid of this folder's server if it is running."""
        pid = self._state().get("pid")
        if isinstance(pid, int) and _is_launcher(pid):
            return pid
        return None

    def status(self) -> Status:
        state = self._state()
        pid = self.pid()
        if pid is None:
            return Status(False, None, None, None, None)
        return Status(True, pid, state.get("port"), state.get("data"), f"bolt://127.0.0.1:{state.get('port')}")

    def answers(self, timeout_s: float = 3.0) -> bool:
        """Bolt accepts this server's credentials and runs a query."""
        from neo4j import GraphDatabase
        from neo4j import exceptions as neo4j_errors

        if not _port_open(self.port):
            return False
        try:
            with GraphDatabase.driver(
                self.url,
                auth=(USER, self.password),
                connection_timeout=timeout_s,
                connection_acquisition_timeout=timeout_s,
                max_transaction_retry_time=0,
            ) as driver:
                driver.verify_connectivity()
            return True
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError):
            return False
        except neo4j_errors.AuthError:
            raise Neo4jServerError(f"{self.url} refuses the password of user {USER}") from None

    def start(self, die_with_parent: bool = False, quick: bool = False, timeout_s: float = START_TIMEOUT_S) -> int:
        """Build if need be, start in the background, wait until Bolt answers; the pid.

        With `die_with_parent` the server gets SIGTERM when this process dies;
        `quick` trades peak speed for start time (tests)."""
        pid = self.pid()
        if pid:
            return pid
        if _port_open(self.port):
            raise Neo4jServerError(f"port {self.port} on 127.0.0.1 is taken by another program: choose --port")
        if shutil.which("java") is None:
            require_tools()
        password = self.password
        if len(password) < 8:
            raise Neo4jServerError("the Neo4j password must have at least 8 characters (COOPOL_NEO4J_PASSWORD)")
        classpath = ensure_built()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.data.mkdir(parents=True, exist_ok=True)
        command = [
            "java",
            *JVM_OPTIONS,
            *(QUICK_START_OPTIONS if quick else ()),
            "-cp",
            os.pathsep.join(classpath),
            MAIN_CLASS,
            "--port",
            str(self.port),
            "--data",
            str(self.data),
            "--pagecache",
            PAGECACHE,
        ]
        env = {**os.environ, "COOPOL_NEO4J_PASSWORD": password}
        with open(self.logfile, "ab") as log:
            offset = log.tell()
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
                preexec_fn=_die_with_parent if die_with_parent else None,
            )
        state = {"pid": process.pid, "port": self.port, "data": str(self.data), "started_at": int(time.time() * 1000)}
        tmp = self.statefile.with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        tmp.replace(self.statefile)
        self._process = process
        # Bolt opens before the launcher has set the password: wait for its "ready" line.
        deadline = time.monotonic() + timeout_s
        while not self._said_ready(offset):
            if process.poll() is not None:
                raise Neo4jServerError(f"Neo4j stopped while starting (exit {process.returncode}): {self.log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise Neo4jServerError(f"Neo4j did not start within {timeout_s:.0f} s: {self.log_tail()}")
            time.sleep(0.2)
        while not self.answers():
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise Neo4jServerError(f"Neo4j does not answer on {self.url}: {self.log_tail()}")
            time.sleep(0.2)
        return process.pid

    def _said_ready(self, offset: int) -> bool:
        try:
            with open(self.logfile, "rb") as log:
                log.seek(offset)
                return b"coopol-neo4j: ready" in log.read()
        except OSError:
            return False

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """SIGTERM (a clean shutdown), then wait; SIGKILL after the timeout. False if not running."""
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while self._alive(pid):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 10
            time.sleep(0.1)
        return True

    def kill(self) -> None:
        """SIGKILL, as a crash would (tests of recovery)."""
        pid = self.pid()
        if pid:
            os.kill(pid, signal.SIGKILL)
            while self._alive(pid):
                time.sleep(0.05)

    def _alive(self, pid: int) -> bool:
        process = getattr(self, "_process", None)
        if process is not None and process.pid == pid:
            return process.poll() is None  # reaps our own child
        return _is_launcher(pid)

    def log_tail(self, lines: int = 8) -> str:
        try:
            return " | ".join(self.logfile.read_text(errors="replace").strip().splitlines()[-lines:])
        except OSError:
            return "no log"
