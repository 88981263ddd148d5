"""`coopol serve`: gunicorn with several workers sharing one embedded graph."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from graphsvc.store import open_store
from graphsvc.store.embedded import EmbeddedServer

REPO = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """urllib with cookies, one new connection per request (so any worker may answer)."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def get(self, path):
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, method="POST"))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode(), dict(exc.headers)

    def token(self, path):
        status, page, _ = self.get(path)
        assert status == 200, (path, status)
        return CSRF.search(page).group(1)


def serving_pids(log: Path) -> set[str]:
    """The workers that answered a logged-in member's page, from the access log."""
    if not log.exists():
        return set()
    return {line.split()[0] for line in log.read_text().splitlines() if '"GET /compte"' in line and " 200 " in line}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow
def test_serve_runs_two_workers_on_one_embedded_graph(tmp_path):
    folder = tmp_path / "graph"
    url = f"embedded://{folder}"
    store = open_store(url)
    store.apply_schema()
    store.write(
        "members/ensure_section", section_id="sec-69266", section_name="Villeurbanne", communes=["69266"],
        postcodes=["69100"], federation_number="69", federation_name="Rhône",
    )
    store.close()

    port = free_port()
    log = tmp_path / "access.log"
    env = dict(os.environ, COOPOL_INSTANCE=str(tmp_path / "instance"), COOPOL_GRAPH_URL=url)
    env.pop("COOPOL_SECRET_KEY", None)
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "coopol"), "serve", "--port", str(port), "--workers", "2",
         "--access-log", str(log)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        browser = Browser(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        while True:
            try:
                if browser.get("/")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "coopol serve did not answer"
            time.sleep(0.2)

        token = browser.token("/inscription?section=sec-69266")
        status, _, headers = browser.post("/inscription?section=sec-69266", {
            "csrf_token": token, "section_id": "sec-69266", "first_name": "Camille", "last_name": "Martin",
            "email": "camille@example.org", "password": "correct horse battery",
            "confirm": "correct horse battery", "membership": "adherent", "visibility": "section",
        })
        assert status == 302, status
        browser.post("/deconnexion", {"csrf_token": browser.token("/")})
        assert browser.get("/compte")[0] == 302

        token = browser.token("/connexion")
        status, _, _ = browser.post("/connexion", {
            "csrf_token": token, "email": "camille@example.org", "password": "correct horse battery",
        })
        assert status == 302
        # Concurrent requests, so that one worker busy with a request leaves the
        # next to the other (sequential requests may all reach the same worker).
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(20):
                for status, page, _ in pool.map(lambda _: browser.get("/compte"), range(16)):
                    assert status == 200 and "Camille Martin" in page
                if len(serving_pids(log)) == 2:
                    break
        assert (tmp_path / "instance" / "secret_key.secret").exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=60)[0]

    assert proc.returncode == 0, output
    assert len(serving_pids(log)) == 2, log.read_text()
    assert not EmbeddedServer(folder).answers(), "the parent stops the graph server at exit"
