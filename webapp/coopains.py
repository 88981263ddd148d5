"""Coopains on the web: my coopains, the requests received and sent, and the
buttons of a profile (ask with an optional message, accept, decline, cancel,
remove, block, unblock). Every action is a POST form with its CSRF token that
works without JavaScript and comes back to the page it was sent from; the
service (`graphsvc.coopains`) checks every rule."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from graphsvc import coopains
from graphsvc.errors import Forbidden, Invalid, NotFound, StoreError
from webapp.graph import current_store
from webapp.public import safe_next
from webapp.paging import page_count, page_number

bp = Blueprint("coopains", __name__)

PER_PAGE = 48
REQUESTS_PER_PAGE = 50
COMMON_NAMES = 3


class RequestForm(FlaskForm):
    message = TextAreaField(_l("Un mot pour vous présenter (facultatif)"),
                            validators=[Optional(), Length(max=coopains.MAX_MESSAGE)],
                            render_kw={"maxlength": coopains.MAX_MESSAGE, "rows": 3})
    next = HiddenField()
    submit = SubmitField(_l("Ajouter comme coopain"))


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token and where to come back."""

    next = HiddenField()
    submit = SubmitField(_l("Confirmer"))


@dataclass(frozen=True)
class Panel:
    """What a profile shows about coopains: the member's number, and for another
    member the link with the viewer and the coopains in common."""

    count: int
    state: str | None  # None on one's own profile
    common: coopains.Common | None


def profile_context(member_id: str) -> dict:
    """What `nav/profile.html` needs for its coopain panel (`coopains/_panel.html`)."""
    store = current_store()
    number = coopains.count(store, member_id).coopains
    if member_id == current_user.id:
        panel = Panel(number, None, None)
    else:
        panel = Panel(number, coopains.status(store, current_user.id, member_id),
                      coopains.common(store, current_user.id, member_id, limit=COMMON_NAMES))
    return {"panel": panel, "request_form": RequestForm(formdata=None)}


@bp.app_context_processor
def pending_requests():
    """The number of requests waiting for the member, for the header link."""
    if not current_user.is_authenticated:
        return {}
    try:
        return {"coopain_requests": coopains.count(current_store(), current_user.id).received}
    except (NotFound, StoreError):
        # The page still renders (the 503 page itself when the graph is down).
        return {"coopain_requests": 0}


@bp.get("/coopains")
@login_required
def index():
    page = page_number()
    listing = coopains.list_coopains(current_store(), current_user.id, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    return render_template("coopains/index.html", listing=listing, page=page,
                           pages=page_count(listing.total, PER_PAGE, page),
                           blocked=coopains.blocked(current_store(), current_user.id, limit=coopains.MAX_PAGE))


@bp.get("/coopains/demandes")
@login_required
def requests():
    store = current_store()
    received = coopains.requests_received(store, current_user.id, limit=REQUESTS_PER_PAGE)
    sent = coopains.requests_sent(store, current_user.id, limit=REQUESTS_PER_PAGE)
    return render_template("coopains/requests.html", received=received, sent=sent)


def _back(member_id: str, form) -> str:
    default = url_for("nav.profile", member_id=member_id)
    return safe_next(form.next.data if form.next.data else None, default)


def _act(member_id: str, operation, done: str, again: str, form=None):
    form = form or ActionForm()
    if not form.validate_on_submit():
        abort(400)
    target = _back(member_id, form)
    try:
        outcome = operation(current_store(), current_user.id, member_id)
    except Forbidden as exc:
        flash(_("Impossible : %(reason)s.", reason=str(exc)), "error")
        return redirect(target)
    except Invalid as exc:
        flash(str(exc), "error")
        return redirect(target)
    flash(done if outcome.changed else again, "success" if outcome.changed else "warning")
    return redirect(target)


@bp.post("/coopains/<member_id>/demande")
@login_required
def ask(member_id):
    form = RequestForm()
    if not form.validate_on_submit():
        if form.message.errors:
            flash(_("Le message fait %(n)d caractères au plus.", n=coopains.MAX_MESSAGE), "error")
            return redirect(_back(member_id, form))
        abort(400)
    target = _back(member_id, form)
    try:
        outcome = coopains.request(current_store(), current_user.id, member_id, form.message.data)
    except (Forbidden, Invalid) as exc:
        flash(_("Demande refusée : %(reason)s.", reason=str(exc)), "error")
        return redirect(target)
    if outcome.state == "coopains":
        flash(_("Vous êtes coopains.") if outcome.changed else _("Vous êtes déjà coopains."), "success")
    else:
        flash(_("Demande envoyée.") if outcome.changed else _("Votre demande est déjà en attente."),
              "success" if outcome.changed else "warning")
    return redirect(target)


@bp.post("/coopains/<member_id>/accepter")
@login_required
def accept(member_id):
    return _act(member_id, coopains.accept, _("Vous êtes maintenant coopains."), _("Vous êtes déjà coopains."))


@bp.post("/coopains/<member_id>/refuser")
@login_required
def decline(member_id):
    return _act(member_id, coopains.decline, _("Demande refusée."), _("Cette demande n’est plus en attente."))


@bp.post("/coopains/<member_id>/annuler")
@login_required
def cancel(member_id):
    return _act(member_id, coopains.cancel, _("Demande annulée."), _("Cette demande n’est plus en attente."))


@bp.post("/coopains/<member_id>/retirer")
@login_required
def remove(member_id):
    return _act(member_id, coopains.remove, _("Vous n’êtes plus coopains."), _("Vous n’étiez pas coopains."))


@bp.post("/coopains/<member_id>/bloquer")
@login_required
def block(member_id):
    form = ActionForm()
    if form.validate_on_submit() and not form.next.data:
        # The blocked member's profile disappears: come back to one's coopains.
        form.next.data = url_for("coopains.index")
    return _act(member_id, coopains.block, _("Membre bloqué : vous ne vous verrez plus."), _("Ce membre est déjà bloqué."), form)


@bp.post("/coopains/<member_id>/debloquer")
@login_required
def unblock(member_id):
    return _act(member_id, coopains.unblock, _("Membre débloqué."), _("Ce membre n’était pas bloqué."))
