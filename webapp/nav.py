"""Navigation: what Coopol is, the national page, a federation, a section, a
member's profile, and the search of federations and sections.

Anonymous visitors see what is public: the names of federations and sections.
Member counts and names (coordinators, managers, members, profiles) are for
logged-in members only, and a section lists only the members the viewer may
see (each member's own choice, applied by the service).
"""

from __future__ import annotations


from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from graphsvc import hierarchy, members, navigation
from graphsvc.errors import Invalid, NotFound
from webapp.coopains import profile_context as coopain_panel
from webapp.graph import current_store
from webapp.paging import page_count, page_number

bp = Blueprint("nav", __name__)

SECTIONS_PER_PAGE = 60
MEMBERS_PER_PAGE = 48
SEARCH_LIMIT = 50


def _viewer_id() -> str | None:
    return current_user.id if current_user.is_authenticated else None


def _mine() -> navigation.MySection | None:
    """The viewer's own section and federation, to point them out on the pages."""
    if not current_user.is_authenticated:
        return None
    try:
        return navigation.my_section(current_store(), current_user.id)
    except NotFound:
        return None


@bp.get("/favicon.ico")
def favicon():
    return current_app.send_static_file("img/favicon.svg"), 200, {"Content-Type": "image/svg+xml"}


@bp.get("/ma-section")
@login_required
def my_section():
    mine = navigation.my_section(current_store(), current_user.id)
    return redirect(url_for("nav.section", section_id=mine.section_id))


@bp.get("/national")
def national():
    return render_template(
        "nav/national.html",
        national=hierarchy.national(current_store()),
        show_people=current_user.is_authenticated,
        mine=_mine(),
    )


@bp.get("/federations/<number>")
def federation(number):
    page = page_number()
    found = hierarchy.federation(
        current_store(), number, limit=SECTIONS_PER_PAGE, offset=(page - 1) * SECTIONS_PER_PAGE
    )
    if number != found.number:  # one address per federation: /federations/69
        return redirect(url_for("nav.federation", number=found.number, **({"page": page} if page > 1 else {})), 301)
    return render_template(
        "nav/federation.html",
        federation=found,
        page=page,
        pages=page_count(found.section_count, SECTIONS_PER_PAGE, page),
        show_people=current_user.is_authenticated,
        mine=_mine(),
    )


@bp.get("/sections/<section_id>")
def section(section_id):
    page = page_number()
    store = current_store()
    found = hierarchy.section(store, section_id)
    viewer = _viewer_id()
    listing = navigation.section_members(
        store, viewer, found.id, limit=MEMBERS_PER_PAGE, offset=(page - 1) * MEMBERS_PER_PAGE
    )
    return render_template(
        "nav/section.html",
        section=found,
        listing=listing,
        page=page,
        pages=page_count(listing.visible, MEMBERS_PER_PAGE, page),
        hidden_count=max(0, found.members - listing.visible) if viewer else 0,
        show_people=viewer is not None,
        mine=_mine(),
    )


@bp.get("/membres/<member_id>")
@login_required
def profile(member_id):
    found = members.profile(current_store(), current_user.id, member_id)
    return render_template("nav/profile.html", profile=found, **coopain_panel(found.id))


@bp.get("/recherche")
def search():
    query = (request.args.get("q") or "").strip()
    results, error = [], None
    if query:
        try:
            results = hierarchy.search(current_store(), query, limit=SEARCH_LIMIT)
        except Invalid:
            error = _("Saisissez un nom de commune ou de section, un code postal ou un numéro de département (100 caractères au plus).")
    status = 400 if error else 200
    return render_template("nav/search.html", query=query[:200], results=results, error=error), status
