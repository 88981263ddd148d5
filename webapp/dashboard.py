"""The dashboards of a federation and of a section (`graphsvc.dashboard`): the
page, the JSON behind the network picture, the CSV exports, the button that
recomputes the links, and the export log for national administrators.

Every page works without JavaScript (tables); `static/js/dashboard.js` draws
the network with cytoscape.js, served from `static/vendor/` (copied there from
node_modules by `make`). The service checks every right; these views only
unpack the request and render.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime
from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SubmitField

from graphsvc import admins, dashboard, hierarchy
from graphsvc.errors import Forbidden, NotFound, StoreError
from webapp.graph import current_store

bp = Blueprint("dashboard", __name__)

LIST_TITLES = {
    "bridges": _l("Qui relie les sections"),
    "connected": _l("Les plus liés"),
    "isolated": _l("Sans coopain"),
    "newcomers": _l("Nouveaux sans coopain après 30 jours"),
}
LIST_HINTS = {
    "bridges": _l("Membres dont les coopains sont dans le plus grand nombre d’autres sections."),
    "connected": _l("Membres qui ont le plus de coopains."),
    "isolated": _l("Membres qui n’ont encore aucun coopain, les plus récents d’abord."),
    "newcomers": _l("Inscrits depuis 30 jours à 6 mois, toujours sans coopain."),
}
EXPORT_LOG_PAGE = 50


class RecomputeForm(FlaskForm):
    submit = SubmitField(_l("Recalculer"))


@bp.app_template_filter("dashboard_date")
def dashboard_date(ms: int | None) -> str:
    if not ms:
        return ""
    moment = datetime.fromtimestamp(ms / 1000, dashboard.TIMEZONE)
    return format_datetime(moment, "d MMM yyyy HH:mm", locale=str(get_locale() or "fr"))


@bp.app_context_processor
def dashboard_links():
    """`may_open_dashboard(unit_id)` for the federation page and the account page."""

    def may_open_dashboard(unit_id: str) -> bool:
        if not current_user.is_authenticated:
            return False
        try:
            return dashboard.may_open(current_store(), current_user.id, unit_id)
        except StoreError:
            return False

    def has_dashboards() -> bool:
        if not current_user.is_authenticated:
            return False
        try:
            return bool(admins.rights(current_store(), current_user.id))
        except StoreError:
            return False

    return {"may_open_dashboard": may_open_dashboard, "has_dashboards": has_dashboards}


def _render(unit_id: str):
    store = current_store()
    seen = dashboard.overview(store, current_user.id, unit_id)
    zoom = dashboard.section_network(store, current_user.id, unit_id) if not seen.scope.is_federation else None
    names = {s.id: s.name for s in seen.sections}
    return render_template(
        "dashboard/federation.html" if seen.scope.is_federation else "dashboard/section.html",
        seen=seen,
        zoom=zoom,
        names=names,
        titles=LIST_TITLES,
        hints=LIST_HINTS,
        kinds=dashboard.KINDS,
        form=RecomputeForm(formdata=None),
        weak_ratio=dashboard.WEAK_RATIO,
    )


@bp.get("/tableaux-de-bord")
@login_required
def index():
    """The dashboards the member may open."""
    store = current_store()
    rights = admins.rights(store, current_user.id)
    if not rights:
        raise Forbidden("réservé aux responsables de fédération ou de section et aux administrateurs")
    national = hierarchy.national(store) if any(r.right == "admin" for r in rights) else None
    return render_template("dashboard/index.html", rights=rights, national=national)


@bp.get("/federations/<number>/tableau-de-bord")
@login_required
def federation(number):
    return _render(hierarchy.federation_id(number))


@bp.get("/sections/<section_id>/tableau-de-bord")
@login_required
def section(section_id):
    if not section_id.startswith("sec-"):
        abort(404)
    return _render(section_id)


@bp.get("/tableau-de-bord/<unit_id>/donnees.json")
@login_required
def data(unit_id):
    """The network picture's data: sections and the links between them (a
    federation), or members and their links (a section, with opaque keys)."""
    store = current_store()
    if unit_id.startswith("sec-"):
        zoom = dashboard.section_network(store, current_user.id, unit_id)
        body = {
            "unit": {"id": zoom.scope.id, "level": "section", "name": zoom.scope.name},
            "computed_at": zoom.scope.computed_at,
            "truncated": zoom.truncated,
            "members": zoom.figures.members,
            "nodes": [
                {
                    "id": p.key,
                    "label": p.display_name or "",
                    "url": url_for("nav.profile", member_id=p.id) if p.id else None,
                    "membership": p.membership,
                    "coopains": p.coopains,
                    "outside": p.outside,
                    "isolated": p.isolated,
                }
                for p in zoom.points
            ],
            "edges": [{"source": a, "target": b} for a, b in zoom.links],
        }
    else:
        seen = dashboard.overview(store, current_user.id, unit_id)
        body = {
            "unit": {"id": seen.scope.id, "level": "federation", "name": seen.scope.name},
            "computed_at": seen.scope.computed_at,
            "nodes": [
                {
                    "id": s.id,
                    "label": s.name,
                    "url": url_for("dashboard.section", section_id=s.id),
                    "members": s.members,
                    "links_inside": s.links_inside,
                    "links_federation": s.links_federation,
                    "links_elsewhere": s.links_elsewhere,
                    "isolated": s.isolated,
                    "weak": s.weak,
                }
                for s in seen.sections
            ],
            "edges": [{"source": l.source, "target": l.target, "links": l.links} for l in seen.links],
        }
    response = jsonify(body)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/tableau-de-bord/<unit_id>/<kind>.csv")
@login_required
def export(unit_id, kind):
    made = dashboard.export(current_store(), current_user.id, unit_id, kind)
    return Response(
        made.text.encode("utf-8"),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{made.filename}"',
            "Cache-Control": "private, no-store",
        },
    )


@bp.post("/tableau-de-bord/<unit_id>/recalculer")
@login_required
def recompute(unit_id):
    if not RecomputeForm().validate_on_submit():
        abort(400)
    store = current_store()
    done = dashboard.recompute(store, current_user.id, unit_id)
    flash(_("Chiffres recalculés : %(sections)d sections, %(members)d membres.", sections=done.sections, members=done.members))
    if unit_id.startswith("sec-"):
        return redirect(url_for("dashboard.section", section_id=unit_id))
    found = dashboard.scope(store, current_user.id, unit_id)
    return redirect(url_for("dashboard.federation", number=found.number))


@bp.get("/tableaux-de-bord/exports")
@login_required
def export_log():
    """Who exported which list, when: national administrators only; cursor `avant=<at>_<id>`."""
    before = None
    cursor = request.args.get("avant", "")
    if cursor:
        at, _sep, export_id = cursor.partition("_")
        if not at.isdigit() or not export_id or len(cursor) > 120:
            raise NotFound("page inconnue")
        before = (int(at), export_id)
    entries = dashboard.exports(current_store(), current_user.id, limit=EXPORT_LOG_PAGE, before=before)
    following = f"{entries[-1].at}_{entries[-1].id}" if len(entries) == EXPORT_LOG_PAGE else None
    return render_template("dashboard/exports.html", entries=entries, following=following, titles=LIST_TITLES)
