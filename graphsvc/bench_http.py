"""A small HTTP load driver for the page benchmarks (suggestions, feed…).

`served(graph_url, instance)` runs `coopol serve` (gunicorn) in a child
process on a free port and stops it afterwards; `login(base_url, email,
password)` logs a member in through the real login form and returns the
session cookie; `measure_pages(base_url, paths, cookies, concurrency,
seconds)` keeps `concurrency` clients busy for `seconds`, each client with its
own logged-in cookie, walking `paths` in turn, and reports the requests per
second and the latency of the answers.

Plain `http.client` in threads: one new connection per request (gunicorn's
sync workers close it anyway), redirects not followed (a 302 to the login page
counts as an error, not as a page served). The driver runs on the same machine
as the server, so it takes part of the CPU it measures: say so beside the
figures.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from graphsvc.errors import Invalid

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
USER_AGENT = "coopol-bench"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(base_url: str, method: str, path: str, cookies: dict[str, str] | None = None,
             form: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"User-Agent": USER_AGENT, "Connection": "close"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders() if k.lower() != "set-cookie"} | {
            "set-cookie": response.headers.get_all("Set-Cookie") or []
        }, data
    finally:
        connection.close()


def _cookies(set_cookie: list[str], jar: dict[str, str]) -> dict[str, str]:
    for line in set_cookie:
        name, _, rest = line.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]
    return jar


def login(base_url: str, email: str, password: str) -> dict[str, str]:
    """Log in through the login form (CSRF token included); the session cookie to send afterwards."""
    status, headers, page = _request(base_url, "GET", "/connexion")
    found = CSRF.search(page.decode())
    if status != 200 or not found:
        raise Invalid(f"login page answered {status}")
    jar = _cookies(headers["set-cookie"], {})
    status, headers, _ = _request(base_url, "POST", "/connexion", jar,
                                  {"csrf_token": found.group(1), "email": email, "password": password})
    if status != 302:
        raise Invalid(f"login of a bench member answered {status} (wrong password or rate limit)")
    return _cookies(headers["set-cookie"], jar)


def measure_pages(base_url: str, paths: list[str], cookies: list[dict[str, str]], concurrency: int,
                  seconds: float) -> dict:
    """Keep `concurrency` clients requesting for `seconds`; client i uses cookies[i % len(cookies)]
    and walks `paths` in turn from a different start. A page served is a 200."""
    if not paths or not cookies or concurrency < 1 or seconds <= 0:
        raise Invalid("paths, cookies, a concurrency of at least 1 and a positive duration are needed")
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(index: int) -> None:
        jar = cookies[index % len(cookies)]
        step = index
        mine: list[float] = []
        codes: Counter[str] = Counter()
        while time.monotonic() < stop_at:
            path = paths[step % len(paths)]
            step += 1
            started = time.perf_counter()
            try:
                status, _, _ = _request(base_url, "GET", path, jar)
                codes[str(status)] += 1
                if status == 200:
                    mine.append((time.perf_counter() - started) * 1000)
            except OSError as exc:
                codes[type(exc).__name__] += 1
        with lock:
            statuses.update(codes)
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def rank(q: float) -> float | None:
        if not latencies:
            return None
        return round(latencies[min(len(latencies) - 1, max(0, int(q * len(latencies) + 0.999999) - 1))], 1)

    total = sum(statuses.values())
    return {
        "requests": total,
        "ok": len(latencies),
        "errors": total - len(latencies),
        "statuses": dict(statuses),
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": rank(0.50),
        "p99_ms": rank(0.99),
        "concurrency": concurrency,
        "sessions": len(cookies),
        "paths": len(paths),
    }


@contextmanager
def served(graph_url: str, instance: Path, workers: int = 2, timeout: float = 120):
    """`coopol serve` on a free port of 127.0.0.1 with `graph_url`; yields the base URL.

    The instance folder holds the server's secrets and its log (`serve.log`,
    errors and tracebacks included); it is the caller's."""
    port = free_port()
    # The login limits' counters in each worker's memory, fresh at each run: kept
    # in the graph's server they outlived the run, and a fourth bench of a kept
    # graph within 15 minutes was refused its 8 logins (30 an address). Only the
    # login and registration forms count; the pages measured never touch them.
    env = dict(os.environ, COOPOL_INSTANCE=str(instance), COOPOL_GRAPH_URL=graph_url,
               COOPOL_LIMITER_STORAGE="memory://")
    env.pop("COOPOL_SECRET_KEY", None)
    command = [str(Path(sys.executable).parent / "coopol"), "serve", "--port", str(port), "--workers", str(workers)]
    instance.mkdir(parents=True, exist_ok=True)
    log = open(instance / "serve.log", "w")
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if _request(base_url, "GET", "/", timeout=10)[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None:
                raise Invalid(f"coopol serve stopped: {(instance / 'serve.log').read_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise Invalid("coopol serve did not answer in time")
            time.sleep(0.2)
        yield base_url
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
