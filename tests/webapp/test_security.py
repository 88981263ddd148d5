"""Headers, cookies, proxies, rate limits and error pages."""

from __future__ import annotations

import re
import socket
import uuid

import pytest
from flask import abort

from graphsvc.errors import Conflict, Forbidden, Invalid, NotFound, StoreUnavailable
from webapp.security import CSP
from tests.fixtures.web import AuthActions, PASSWORD, csrf_token, make_member, make_section

PUBLIC_PAGES = ["/", "/connexion", "/inscription", "/inscription?q=villeur", "/inscription?section=sec-69266",
                "/page-inconnue"]


@pytest.fixture
def section(falkordb_store):
    return make_section(falkordb_store)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_sends_the_security_headers(client, section, url):
    response = client.get(url)
    assert response.headers["Content-Security-Policy"] == CSP
    assert "script-src 'self';" in CSP and "frame-ancestors 'none'" in CSP and "unsafe-inline" not in CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP


@pytest.mark.parametrize("url", PUBLIC_PAGES + ["/compte"])
def test_pages_hold_no_inline_script_or_style(client, auth, falkordb_store, section, url):
    make_member(falkordb_store, section, email="a@example.org")
    auth.login("a@example.org")
    page = client.get(url).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert not re.search(r"\son[a-z]+\s*=", page)  # no onclick=…
    assert not re.search(r"\sstyle\s*=", page) and "<style" not in page


def test_cookies_are_httponly_and_samesite_lax(client, auth, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    response = auth.login("a@example.org")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("coopol=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_over_https_cookies_are_secure_host_prefixed_and_hsts_is_sent(make_app, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    app = make_app(COOPOL_HTTPS=True)
    client = app.test_client()
    base = {"base_url": "https://localhost"}
    page = client.get("/connexion", **base)
    assert page.headers["Strict-Transport-Security"].startswith("max-age=")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post("/connexion", data={"csrf_token": token, "email": "a@example.org", "password": PASSWORD},
                           headers={"Referer": "https://localhost/connexion"}, **base)  # CSRF over HTTPS checks it
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-coopol=")
    assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie
    assert client.get("/compte", **base).status_code == 200


def test_forwarded_headers_are_ignored_unless_the_proxy_is_trusted(make_app, web_settings):
    from dataclasses import replace

    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    untrusted = make_app().test_client().get("/", headers=forwarded)
    assert "Strict-Transport-Security" not in untrusted.headers
    trusted_app = make_app(COOPOL_SETTINGS=replace(web_settings, trust_proxy=1))
    trusted = trusted_app.test_client().get("/", headers=forwarded)
    assert "Strict-Transport-Security" in trusted.headers


def test_login_is_limited_per_account(make_app, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    app = make_app(COOPOL_LOGIN_LIMIT_ACCOUNT="3 per minute")
    auth = AuthActions(app.test_client())
    answers = [auth.login("a@example.org", "wrong password!").status_code for _ in range(3)]
    assert answers == [401, 401, 401]
    blocked = auth.login("A@example.org")  # even the right password, for a while
    assert blocked.status_code == 429
    assert "Trop de tentatives" in blocked.get_data(as_text=True)
    other = make_member(falkordb_store, section, email="b@example.org")
    assert auth.login("b@example.org").status_code == 302  # other accounts are not blocked


def test_login_is_limited_per_address(make_app, falkordb_store, section):
    app = make_app(COOPOL_LOGIN_LIMIT_ADDRESS="4 per minute")
    auth = AuthActions(app.test_client())
    answers = [auth.login(f"user{i}@example.org", "wrong password!").status_code for i in range(5)]
    assert answers == [401, 401, 401, 401, 429]
    elsewhere = AuthActions(app.test_client())
    elsewhere._client.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert elsewhere.login("user9@example.org", "wrong password!").status_code == 401


def test_limits_are_shared_by_every_worker_of_one_deployment(make_app, falkordb_store, section):
    """Two apps on the same limiter storage and prefix act as two gunicorn workers."""
    make_member(falkordb_store, section, email="a@example.org")
    prefix = "t" + uuid.uuid4().hex
    workers = [make_app(COOPOL_LOGIN_LIMIT_ACCOUNT="4 per minute", RATELIMIT_KEY_PREFIX=prefix) for _ in range(2)]
    clients = [AuthActions(w.test_client()) for w in workers]
    answers = [clients[i % 2].login("a@example.org", "wrong password!").status_code for i in range(5)]
    assert answers == [401, 401, 401, 401, 429]


def test_the_limiter_counts_in_the_embedded_graph_server_by_default(make_app, falkor_server, web_settings):
    from dataclasses import replace

    from webapp.security import limiter_storage

    settings = replace(web_settings, graph_url=f"embedded://{falkor_server.folder}")
    app = make_app(COOPOL_SETTINGS=settings, RATELIMIT_STORAGE_URI=None)
    assert limiter_storage(app) == f"redis+unix://{falkor_server.socket}"
    server = replace(web_settings, graph_url="falkordb://:secret@graph.example:6380")
    assert limiter_storage(make_app(COOPOL_SETTINGS=server, RATELIMIT_STORAGE_URI=None)) == "redis://:secret@graph.example:6380"
    neo4j = replace(web_settings, graph_url="neo4j://db.example:7687")
    assert limiter_storage(make_app(COOPOL_SETTINGS=neo4j, RATELIMIT_STORAGE_URI=None)) == "memory://"
    shared = replace(neo4j, limiter_storage="redis://cache.example:6379/2")
    assert limiter_storage(make_app(COOPOL_SETTINGS=shared, RATELIMIT_STORAGE_URI=None)) == "redis://cache.example:6379/2"


def test_registration_is_limited_per_address(make_app, section):
    app = make_app(COOPOL_REGISTER_LIMIT_ADDRESS="2 per minute")
    client = app.test_client()
    url = "/inscription?section=sec-69266"
    answers = [client.post(url, data={"csrf_token": csrf_token(client, url)}).status_code for _ in range(3)]
    assert answers == [400, 400, 429]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_graph_gives_a_french_503_page(make_app):
    app = make_app(COOPOL_STORE=None, COOPOL_GRAPH_URL=f"falkordb://127.0.0.1:{free_port()}",
                   RATELIMIT_STORAGE_URI="memory://")
    response = app.test_client().get("/inscription?q=lyon")
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert "Service momentanément indisponible" in page
    assert "127.0.0.1" not in page  # no internals shown
    assert response.headers["Retry-After"]


@pytest.mark.parametrize("error, status", [
    (Invalid("champ invalide"), 400),
    (NotFound("x"), 404),
    (Forbidden("x"), 403),
    (Conflict("déjà là"), 409),
    (StoreUnavailable("the store went away"), 503),
])
def test_service_errors_map_to_one_status_each(app, error, status):
    def boom():
        raise error

    app.add_url_rule("/boom", "boom", boom)
    response = app.test_client().get("/boom")
    assert response.status_code == status
    assert response.headers["Content-Security-Policy"] == CSP
    page = response.get_data(as_text=True)
    if status in (400, 409):
        assert str(error) in page
    if status == 503:
        assert "went away" not in page


def test_a_too_large_request_is_refused(client):
    response = client.post("/connexion", data={"email": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413


def test_anonymous_browsing_sets_no_cookie_until_a_form_needs_one(client):
    assert client.get("/").headers.getlist("Set-Cookie") == []
    client.get("/connexion")  # the login form's CSRF token lives in the session cookie
    for url in ("/", "/compte", "/page-inconnue"):
        cookies = client.get(url).headers.getlist("Set-Cookie")
        assert not any(c.startswith("remember_token") for c in cookies), cookies


def test_a_form_without_its_token_gets_a_french_explanation(client):
    response = client.post("/connexion", data={"email": "a@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "Le formulaire a expiré ou ne vient pas de Coopol" in response.get_data(as_text=True)


def test_logins_stop_with_a_503_when_the_rate_limit_counters_are_unreachable(make_app, section):
    app = make_app(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}")
    client = app.test_client()
    response = client.post("/connexion", data={
        "csrf_token": csrf_token(client, "/connexion"), "email": "a@example.org", "password": PASSWORD,
    })
    assert response.status_code == 503
    assert "Service momentanément indisponible" in response.get_data(as_text=True)


def test_a_logged_in_browser_gets_the_outage_page_when_the_graph_is_down(make_app, falkordb_store, section):
    make_member(falkordb_store, section, email="a@example.org")
    secret = "shared-" + uuid.uuid4().hex
    up = make_app(SECRET_KEY=secret)
    client = up.test_client()
    AuthActions(client).login("a@example.org")
    down = make_app(SECRET_KEY=secret, COOPOL_STORE=None, COOPOL_GRAPH_URL=f"falkordb://127.0.0.1:{free_port()}")
    browser = down.test_client()
    browser.set_cookie("coopol", client.get_cookie("coopol").value)
    for url in ("/", "/compte", "/connexion"):
        response = browser.get(url)
        assert response.status_code == 503, url
        assert "Service momentanément indisponible" in response.get_data(as_text=True)
    assert client.get("/compte").status_code == 200  # the graph was never touched
