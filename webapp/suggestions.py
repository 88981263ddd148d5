"""The suggestions page ("Vous les connaissez peut-être"): cards with their
reasons, one-click "Ajouter" (a coopain request) and "Pas intéressé" (dismissed
for good), and the member's choice not to be suggested to others.

Every action is a POST form with its CSRF token that redirects back to the
page; with JavaScript on, `static/js/suggestions.js` sends the same forms with
fetch (`Accept: application/json`) and updates the card in place.
"""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from graphsvc import coopains, suggestions
from graphsvc.errors import Forbidden, Invalid, NotFound
from webapp.graph import current_store

bp = Blueprint("suggestions", __name__)

PAGE_SIZE = 20


def describe(reason: suggestions.Reason) -> str:
    """A reason as the member reads it."""
    if reason.kind == "common_coopains":
        names = list(reason.names)
        others = reason.count - len(names)
        if others > 0:
            return ngettext(
                "%(names)s et %(num)d autre coopain en commun",
                "%(names)s et %(num)d autres coopains en commun",
                others,
                names=", ".join(names),
            )
        listed = names[0] if len(names) == 1 else _("%(first)s et %(last)s", first=", ".join(names[:-1]), last=names[-1])
        return ngettext("%(names)s, coopain en commun", "%(names)s, coopains en commun", len(names), names=listed)
    if reason.kind == "same_section":
        return _("même section : %(place)s", place=reason.place)
    if reason.kind == "same_federation":
        return _("même fédération : %(place)s", place=reason.place)
    if reason.kind == "in_contacts":
        return _("dans vos contacts")
    if reason.kind == "same_event":
        return _("vous étiez tous deux à : %(event)s", event=reason.place)
    return ""


def _wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _answer(message: str, status: int = 200, **data):
    if _wants_json():
        return jsonify(ok=status < 400, message=message, **data), status
    flash(message, "success" if status < 400 else "error")
    return redirect(url_for("suggestions.page"), code=303)


@bp.get("/coopains/suggestions")
@login_required
def page():
    store = current_store()
    found = suggestions.for_member(store, current_user.id, PAGE_SIZE)
    cards = [(s, [describe(r) for r in s.reasons]) for s in found]
    return render_template(
        "suggestions/page.html",
        cards=cards,
        suggestible=suggestions.is_suggestible(store, current_user.id),
    )


@bp.post("/coopains/suggestions/<member_id>/ajouter")
@login_required
def add(member_id: str):
    try:
        outcome = coopains.request(current_store(), current_user.id, member_id)
    except (Invalid, NotFound, Forbidden) as exc:
        return _answer(_("Impossible d'envoyer la demande : %(reason)s", reason=str(exc)), _status(exc))
    if outcome.state == "coopains":
        message = _("Vous êtes maintenant coopains.")
    else:
        message = _("Demande envoyée.")
    return _answer(message, state=outcome.state)


@bp.post("/coopains/suggestions/<member_id>/ignorer")
@login_required
def dismiss(member_id: str):
    try:
        suggestions.dismiss(current_store(), current_user.id, member_id)
    except (Invalid, NotFound) as exc:
        return _answer(_("Action impossible : %(reason)s", reason=str(exc)), _status(exc))
    return _answer(_("Cette personne ne vous sera plus suggérée."), state="dismissed")


@bp.post("/coopains/suggestions/preference")
@login_required
def preference():
    value = request.form.get("suggestible")
    if value not in ("0", "1"):
        return _answer(_("Choix invalide."), 400)
    suggestible = value == "1"
    suggestions.set_suggestible(current_store(), current_user.id, suggestible)
    if suggestible:
        message = _("Vous pouvez être proposé·e en suggestion aux autres membres.")
    else:
        message = _("Vous ne serez plus proposé·e en suggestion aux autres membres.")
    return _answer(message, suggestible=suggestible)


def _status(exc: Exception) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, Forbidden):
        return 403
    return 400
