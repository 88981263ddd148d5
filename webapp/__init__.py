"""The Flask application: `create_app(test_config=None)` builds everything.

The factory is a short list of registrations; nothing opens at import and the
graph store opens on first use in each (worker) process.
"""

from __future__ import annotations

import logging

from flask import Flask

from graphsvc.config import Settings, instance_secret

log = logging.getLogger(__name__)


def create_app(test_config: dict | None = None) -> Flask:
    settings = (test_config or {}).get("COOPOL_SETTINGS") or Settings.from_env()
    app = Flask(__name__, instance_path=str(settings.instance_path), instance_relative_config=False)
    app.config.from_mapping(
        COOPOL_SETTINGS=settings,
        COOPOL_HTTPS=settings.https,
        # Sessions: the cookie carries a random session id; the graph keeps its hash.
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        COOPOL_SESSION_IDLE_DAYS=14,
        COOPOL_SESSION_MAX_DAYS=90,
        # Rate limits ("N per minute", "N per hour"...; Flask-Limiter notation).
        COOPOL_LOGIN_LIMIT_ACCOUNT="10 per 15 minutes",
        COOPOL_LOGIN_LIMIT_ADDRESS="30 per 15 minutes",
        COOPOL_REGISTER_LIMIT_ADDRESS="20 per hour",
        RATELIMIT_KEY_PREFIX="coopol",
        BABEL_DEFAULT_LOCALE="fr",
        WTF_CSRF_TIME_LIMIT=None,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    )
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret(settings.instance_path, "secret_key")
    if not app.config.get("COOPOL_CONTACTS_KEY"):  # address-book hashes: another key than the session's
        app.config["COOPOL_CONTACTS_KEY"] = instance_secret(settings.instance_path, "contacts_key")
    https = app.config["COOPOL_HTTPS"]
    given = test_config or {}
    app.config["SESSION_COOKIE_SECURE"] = given.get("SESSION_COOKIE_SECURE", https)
    app.config["REMEMBER_COOKIE_SECURE"] = given.get("REMEMBER_COOKIE_SECURE", https)
    # `__Host-` cookies are refused by browsers unless Secure, path / and no domain.
    app.config["SESSION_COOKIE_NAME"] = given.get("SESSION_COOKIE_NAME", "__Host-coopol" if https else "coopol")
    app.config["SESSION_COOKIE_DOMAIN"] = None
    app.config["SESSION_COOKIE_PATH"] = "/"

    from webapp import animation, auth, contacts, coopains, graph, i18n, mydata, nav, posts, public, security, sessions, suggestions

    from webapp import events
    from webapp import conversations
    from webapp import dashboard

    graph.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    sessions.init_app(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(animation.bp)
    app.register_blueprint(nav.bp)
    app.register_blueprint(coopains.bp)
    app.register_blueprint(suggestions.bp)
    app.register_blueprint(events.bp)
    app.register_blueprint(contacts.bp)
    app.register_blueprint(posts.bp)
    app.register_blueprint(mydata.bp)
    app.register_blueprint(conversations.bp)
    app.register_blueprint(dashboard.bp)
    return app
