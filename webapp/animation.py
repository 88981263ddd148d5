"""Animation rights on the web: national administrators name federation
coordinators, coordinators name the managers of their sections. The service
(`admins.grant`) checks the rights; this page only offers the form."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from graphsvc import admins, identity
from graphsvc.errors import Forbidden, Invalid, NotFound
from webapp.graph import current_store

bp = Blueprint("animation", __name__)

LEVELS = [
    SelectChoice("federation", _l("Responsable fédéral (numéro de la fédération : 69, 2A, 971…)")),
    SelectChoice("section", _l("Responsable local (identifiant de la section : sec-69266…)")),
]
RIGHT_LABELS = {
    "admin": _l("Administrateur national"),
    "coordinator": _l("Responsable fédéral"),
    "manager": _l("Responsable local"),
}


class GrantForm(FlaskForm):
    email = StringField(_l("Adresse e-mail du membre"), validators=[InputRequired(), Length(max=320)],
                        render_kw={"type": "email"})
    level = RadioField(_l("Droit"), choices=LEVELS, default="section", validators=[InputRequired()])
    unit = StringField(_l("Fédération ou section"), validators=[InputRequired(), Length(max=100)])
    submit = SubmitField(_l("Nommer"))


def _page(form: GrantForm, status: int = 200, error: str | None = None):
    held = admins.rights(current_store(), current_user.id)
    may_grant = any(r.right in ("admin", "coordinator") for r in held)
    return render_template(
        "animation.html", rights=held, labels=RIGHT_LABELS, form=form, may_grant=may_grant, error=error
    ), status


@bp.get("/animation")
@login_required
def index():
    return _page(GrantForm(formdata=None))


@bp.post("/animation")
@login_required
def grant():
    form = GrantForm()
    if not form.validate_on_submit():
        return _page(form, 400, _("Le formulaire contient des erreurs : voyez les champs signalés."))
    store = current_store()
    try:
        member_id = admins.member_id_by_email(store, current_user.id, identity.normalise_email(form.email.data))
        unit_id = admins.unit_id_for(form.level.data, form.unit.data)
        done = admins.grant(store, current_user.id, member_id, form.level.data, unit_id)
    except Forbidden:
        return _page(form, 403, _("Vous ne pouvez pas attribuer ce droit."))
    except (Invalid, NotFound) as exc:
        return _page(form, 400, str(exc))
    flash(_("Droit attribué : %(right)s, %(unit)s.", right=RIGHT_LABELS[done.right], unit=done.unit_id), "success")
    return redirect(url_for("animation.index"))
