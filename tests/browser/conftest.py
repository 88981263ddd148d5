"""Browser fixtures: the real app served on a free localhost port (werkzeug in a
thread) over one test graph with the reference data and a small demo network,
driven by Debian's headless Chromium through Playwright.

axe-core runs in a *second* browser context opened with `bypass_csp=True`, for
the accessibility check only: the pages people click through are served and
shown under the app's own Content-Security-Policy, untouched.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from falkordb import FalkorDB
from werkzeug.serving import make_server

from graphsvc.store.falkor import FalkorStore

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "tests" / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
BLOCKING_IMPACTS = ("serious", "critical")
CONTACTS_KEY = "browser-contacts-key"  # the address-book hashes of the test graph's members


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: run tools/ensure-chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_store(falkor_server, tmp_path_factory):
    """One graph for the browser tests: reference data and a small demo network."""
    from tests.browser import data

    db = FalkorDB(unix_socket_path=str(falkor_server.socket))
    store = FalkorStore(db, f"browser_{uuid.uuid4().hex}", f"embedded://{falkor_server.folder}")
    store.apply_schema()
    store.people = data.load(store)
    yield store
    store.drop()
    db.connection.close()


@pytest.fixture(scope="session")
def live_server(browser_store, tmp_path_factory):
    """The real app (CSP, sessions, CSRF, rate limits on) on http://127.0.0.1:<free port>."""
    from graphsvc.config import Settings
    from webapp import create_app

    instance = tmp_path_factory.mktemp("browser-instance")
    settings = Settings.from_env({"COOPOL_INSTANCE": str(instance), "COOPOL_GRAPH_URL": browser_store.url})
    app = create_app(
        {
            "COOPOL_SETTINGS": settings,
            "COOPOL_STORE": browser_store,
            "SECRET_KEY": uuid.uuid4().hex,
            "RATELIMIT_STORAGE_URI": "memory://",
            "COOPOL_CONTACTS_KEY": CONTACTS_KEY,
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


class Visitor:
    """A browser context under the app's CSP, with an accessibility check per page
    and a record of any CSP violation the console reports."""

    def __init__(self, browser, base_url: str, viewport: dict, javascript: bool = True):
        self.browser = browser
        self.base_url = base_url
        self.viewport = viewport
        self.context = browser.new_context(
            base_url=base_url, viewport=viewport, locale="fr-FR", java_script_enabled=javascript
        )
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.page.on("console", self._console)
        self.checked: dict[str, list[dict]] = {}
        self.side = None
        self.side_page = None

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def goto(self, path: str):
        response = self.page.goto(path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return response

    def axe(self) -> list[dict]:
        """Run axe-core on the current page as this visitor sees it, in a side
        context that bypasses the CSP (for the injected script) and carries the
        same cookies; return the serious and critical violations."""
        url = self.page.url
        if self.side is None:
            self.side = self.browser.new_context(
                base_url=self.base_url, viewport=self.viewport, locale="fr-FR", bypass_csp=True
            )
            self.side_page = self.side.new_page()
        self.side.clear_cookies()
        cookies = self.context.cookies()
        if cookies:
            self.side.add_cookies(cookies)
        self.side_page.goto(url)
        self.side_page.add_script_tag(path=str(AXE))
        result = self.side_page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"][:5]],
            }
            for v in result["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]
        self.checked[url] = bad
        return bad

    def assert_accessible(self) -> None:
        """No serious or critical axe violation and, on a phone, nothing wider than the screen."""
        bad = self.axe()
        assert not bad, f"axe on {self.page.url}: {bad}"
        if self.viewport["width"] < 600:
            overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{self.page.url} is {overflow}px wider than the phone"

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
        self.context.close()


@pytest.fixture
def visitor(browser, live_server):
    """A fresh desktop browser context (1280×800)."""
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run `npm ci`")
    made = []

    def make(viewport: dict = DESKTOP, javascript: bool = True) -> Visitor:
        v = Visitor(browser, live_server, viewport, javascript)
        made.append(v)
        return v

    yield make
    refused = [e for v in made for e in v.console_errors if "Content Security Policy" in e]
    for v in made:
        v.close()
    # The pages need nothing the app's own CSP forbids (no inline script or style).
    assert not refused, refused


@pytest.fixture(scope="session")
def browser_people(browser_store):
    """The named people of the browser graph (loaded with it)."""
    return browser_store.people
