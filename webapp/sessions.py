"""Logins with flask-login on server-side, revocable sessions.

flask-login keeps in the (signed) cookie whatever `get_id()` returns: here the
random session id, never the member id. Each request looks the id's hash up in
the graph (`accounts.session_member`); logout deletes the `(:Session)` node, so
a copied cookie stops working everywhere. `session_protection = "strong"` drops
the session when the browser's address or user agent changes.
"""

from __future__ import annotations

from flask import Flask, current_app, g, session
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from graphsvc import accounts
from graphsvc.errors import StoreError, StoreUnavailable
from webapp.graph import current_store


class CurrentMember(UserMixin):
    def __init__(self, found: accounts.SessionMember):
        self.id = found.id
        self.display_name = found.display_name
        self.membership = found.membership
        self.session_id = found.session_id

    def get_id(self) -> str:  # what flask-login puts in the cookie
        return self.session_id

    @property
    def is_adherent(self) -> bool:
        return self.membership == "adherent"


def load_member(session_id: str) -> CurrentMember | None:
    config = current_app.config
    try:
        found = accounts.session_member(
            current_store(),
            session_id,
            idle_days=config["COOPOL_SESSION_IDLE_DAYS"],
            max_days=config["COOPOL_SESSION_MAX_DAYS"],
        )
    except StoreError:
        g.coopol_sessions_down = True  # see check_sessions_reachable
        return None
    return CurrentMember(found) if found else None


def check_sessions_reachable() -> None:
    """A logged-in browser while the graph is down gets the outage page (503),
    rendered as anonymous, rather than a 500 or a misleading login form."""
    if "_user_id" in session:
        current_user.is_authenticated  # loads the member (once per request)
        if g.pop("coopol_sessions_down", False):
            raise StoreUnavailable("sessions unavailable")


def start(member_id: str, session_id: str | None = None) -> CurrentMember:
    """Log the browser in: open a graph session (unless given one) and set the cookie."""
    store = current_store()
    if session_id is None:
        config = current_app.config
        session_id = accounts.open_session(
            store, member_id, config["COOPOL_SESSION_IDLE_DAYS"], config["COOPOL_SESSION_MAX_DAYS"]
        )
    session.clear()  # a fresh cookie: nothing from before the login survives
    member = load_member(session_id)
    login_user(member, remember=False)
    # A browser-session cookie: flask-login's "strong" protection only drops
    # non-permanent sessions; the graph ends idle sessions after COOPOL_SESSION_IDLE_DAYS.
    session.permanent = False
    return member


def end(member: CurrentMember) -> None:
    """Log out: the session ends in the graph, the cookie is emptied."""
    accounts.close_session(current_store(), member.session_id)
    logout_user()
    session.clear()


class CoopolLoginManager(LoginManager):
    """Session protection only where there is a login to protect: flask-login
    0.6 would otherwise "clear" every anonymous session (CSRF token, language)
    and send a remember-cookie deletion with each anonymous response."""

    def _session_protection_failed(self) -> bool:
        if "_user_id" not in session:
            return False
        return super()._session_protection_failed()


def init_app(app: Flask) -> None:
    manager = CoopolLoginManager()
    manager.session_protection = "strong"
    manager.login_view = "auth.login"
    manager.login_message = _l("Connectez-vous pour voir cette page.")
    manager.login_message_category = "info"
    manager.user_loader(load_member)
    manager.init_app(app)
    app.before_request(check_sessions_reachable)
