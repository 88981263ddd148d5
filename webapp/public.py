"""Public pages: what Coopol is, and the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, make_response, redirect, render_template, request, url_for

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from webapp.i18n import LANG_COOKIE, LANGUAGES

bp = Blueprint("public", __name__)


@bp.get("/")
def home():
    if current_user.is_authenticated and "posts.feed_page" in current_app.view_functions:
        return current_app.view_functions["posts.feed_page"]()  # a member's home is their news feed
    return render_template("nav/home.html")


def safe_next(target: str | None, default: str) -> str:
    """A local path to go back to, never another site."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


@bp.get("/langue/<code>")
def language(code):
    target = safe_next(request.args.get("next"), url_for("public.home"))
    response = make_response(redirect(target))
    if code in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
            secure=request.is_secure,
        )
    return response


NAV_LINKS = (
    ("public.home", _l("Accueil")),
    ("posts.feed_page", _l("Fil d’actu")),
    ("nav.national", _l("Fédérations")),
    ("events.home", _l("Agenda")),
    ("contacts.page", _l("Mes contacts")),
    ("nav.search", _l("Rechercher")),
)


@bp.app_context_processor
def nav_links():
    rules = current_app.view_functions
    return {"nav_links": [(endpoint, label) for endpoint, label in NAV_LINKS if endpoint in rules]}
