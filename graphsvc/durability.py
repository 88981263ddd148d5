"""Durability of the embedded graph: does every acknowledged write survive a
`kill -9` of the graph server, or of the client process writing?

A round runs a *writer* process (`python -m graphsvc.durability write …`) that
opens the embedded graph through the ordinary store, writes as fast as it can
(one statement per write, `queries/durability/write_mark`) and appends the
number of each write to an acknowledgement file only after the store returned.
Then one of the two processes is killed with SIGKILL at a random moment, the
graph is opened again (the store must recover from the dead server's pid and
socket files by itself) and every acknowledged write is looked for.

`coopol bench durability --kills 50` repeats the server-kill round and prints
`kills`, `acknowledged`, `lost` (target 0) and `seconds`.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from graphsvc.errors import CoopolError, StoreError
from graphsvc.store.embedded import EmbeddedServer, _is_server, open_embedded

GRAPH = "durability"
MARKS_PER_WRITE = 5
WRITER_MAX_SECONDS = 120.0


@dataclass(frozen=True)
class RoundResult:
    round: int
    acknowledged: int  # writes the store acknowledged to the writer
    found: int  # of those, wholly present after the restart
    torn: int  # writes present only in part (must be 0: one statement is atomic)

    @property
    def lost(self) -> int:
        return self.acknowledged - self.found


@dataclass(frozen=True)
class DurabilityResult:
    kills: int
    acknowledged: int
    lost: int
    torn: int
    seconds: float
    fsync: str
    victim: str  # "server" or "client"


def writer_command(folder: Path, round_no: int, acks: Path, fsync: str) -> list[str]:
    return [
        sys.executable, "-m", "graphsvc.durability", "write",
        "--folder", str(folder), "--round", str(round_no), "--acks", str(acks), "--fsync", fsync,
    ]


def write_until_killed(folder: Path, round_no: int, acks: Path, fsync: str, max_seconds: float = WRITER_MAX_SECONDS) -> int:
    """The writer: write, and record each write once acknowledged, until the server goes away."""
    store = open_embedded(folder, GRAPH, fsync)
    fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    seq, deadline = 0, time.monotonic() + max_seconds
    try:
        while time.monotonic() < deadline:
            try:
                store.write("durability/write_mark", round=round_no, seq=seq, size=MARKS_PER_WRITE)
            except (CoopolError, OSError):
                break  # the server was killed: stop, every recorded write was acknowledged
            os.write(fd, b"%d\n" % seq)  # unbuffered: survives this process being killed
            seq += 1
    finally:
        os.close(fd)
    return seq


def read_acks(acks: Path) -> list[int]:
    """Acknowledged write numbers; a last line cut by a kill is not one."""
    text = acks.read_text() if acks.exists() else ""
    lines = text.split("\n")
    complete = lines[:-1]  # what follows the last newline was never fully recorded
    return [int(line) for line in complete if line]


def check(store, round_no: int, acked: list[int]) -> RoundResult:
    rows = store.read("durability/list_marks", round=round_no, limit=len(acked) + 1000)
    parts = {row["seq"]: row["parts"] for row in rows}
    found = sum(1 for seq in acked if parts.get(seq) == MARKS_PER_WRITE)
    torn = sum(1 for count in parts.values() if count != MARKS_PER_WRITE)
    return RoundResult(round_no, len(acked), found, torn)


def _wait_for_acks(acks: Path, writer: subprocess.Popen, minimum: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while len(read_acks(acks)) < minimum:
        if writer.poll() is not None:
            raise StoreError(f"the durability writer stopped early (exit {writer.returncode})")
        if time.monotonic() > deadline:
            raise StoreError("the durability writer acknowledged nothing within 60 s")
        time.sleep(0.01)


def run_round(folder: Path, round_no: int, victim: str = "server", fsync: str = "everysec",
              delay_s: float = 0.0, min_acks: int = 1) -> RoundResult:
    """One round: start a writer, SIGKILL the server (or the writer) `delay_s`
    after its first `min_acks` acknowledged writes, reopen, count."""
    if victim not in ("server", "client"):
        raise ValueError("victim is 'server' or 'client'")
    server = EmbeddedServer(folder, fsync)
    server.ensure_started()  # recovers a server killed in the previous round
    acks = Path(folder) / f"acks-{round_no}.txt"
    acks.unlink(missing_ok=True)
    writer = subprocess.Popen(writer_command(folder, round_no, acks, fsync),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_acks(acks, writer, min_acks)
        time.sleep(delay_s)
        if victim == "server":
            pid = server.pid()
            if pid is None:
                raise StoreError("the embedded server has no pid file")
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid)
            writer.wait(timeout=60)
        else:
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        if writer.stderr:
            writer.stderr.close()
    acked = read_acks(acks)
    store = open_embedded(folder, GRAPH, fsync)  # the server restarts here after a server kill
    try:
        return check(store, round_no, acked)
    finally:
        store.db.connection.close()  # leave the server running for the next round


def _wait_gone(pid: int, timeout_s: float = 30.0) -> None:
    """Until `pid` is dead (a zombie waiting for init to reap it counts as dead)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if not _is_server(pid):
            return
        time.sleep(0.01)
    raise StoreError(f"process {pid} survived SIGKILL for {timeout_s} s")


def bench(kills: int, fsync: str = "everysec", folder: Path | None = None, victim: str = "server",
          max_delay_s: float = 0.5, seed: int | None = None, progress=None) -> DurabilityResult:
    """Repeat `kills` rounds on a fresh embedded folder (a temporary one unless given)."""
    rng = random.Random(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="coopol-durability-") as scratch:
        where = Path(folder) if folder else Path(scratch)
        results = []
        try:
            for round_no in range(kills):
                results.append(run_round(where, round_no, victim, fsync, delay_s=rng.uniform(0, max_delay_s)))
                if progress:
                    progress(results[-1])
        finally:
            EmbeddedServer(where, fsync).stop()
    return DurabilityResult(
        kills=len(results),
        acknowledged=sum(r.acknowledged for r in results),
        lost=sum(r.lost for r in results),
        torn=sum(r.torn for r in results),
        seconds=round(time.monotonic() - started, 2),
        fsync=fsync,
        victim=victim,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphsvc.durability")
    sub = parser.add_subparsers(dest="command", required=True)
    write = sub.add_parser("write", help="the writer process of a durability round")
    write.add_argument("--folder", type=Path, required=True)
    write.add_argument("--round", type=int, required=True)
    write.add_argument("--acks", type=Path, required=True)
    write.add_argument("--fsync", default="everysec")
    write.add_argument("--max-seconds", type=float, default=WRITER_MAX_SECONDS)
    args = parser.parse_args(argv)
    write_until_killed(args.folder, args.round, args.acks, args.fsync, args.max_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
