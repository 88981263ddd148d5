"""Vos données, votre choix (`/mes-donnees`): what Coopol holds about the
member, the download of all of it as one JSON file, and the erasure of the
account, confirmed by the password and a typed word, rate-limited like a
login. The service (`graphsvc.mydata`) does the work."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from flask import Blueprint, Response, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from graphsvc import identifiers as member_identifiers
from graphsvc import mydata
from graphsvc.accounts import MAX_PASSWORD
from graphsvc.errors import Conflict, Invalid
from webapp import security
from webapp.graph import current_store

bp = Blueprint("mydata", __name__)

LIMITS = {
    "COOPOL_ERASE_LIMIT_ACCOUNT": "5 per 15 minutes",
    "COOPOL_ERASE_LIMIT_ADDRESS": "30 per 15 minutes",
    "COOPOL_EXPORT_LIMIT_ACCOUNT": "30 per hour",
    "COOPOL_IDENTIFIERS_LIMIT_ACCOUNT": "10 per 15 minutes",
}

# What each part of the export is, for the page; a part added later without a
# label here is shown under its key.
PART_LABELS = {
    "profile": _l("Votre profil : nom, adresse e-mail, téléphone, dates d'inscription et de dernière visite"),
    "choices": _l("Vos choix : qui voit votre profil, suggestions, carnets d'adresses"),
    "section": _l("Votre section et votre fédération"),
    "mandates": _l("Les rôles que vous déclarez"),
    "sessions": _l("Vos sessions ouvertes (leurs dates)"),
    "coopains": _l("Vos coopains"),
    "requests_sent": _l("Vos demandes de coopain en attente"),
    "requests_received": _l("Les demandes que vous avez reçues"),
    "blocked": _l("Les membres que vous avez bloqués"),
    "dismissed_suggestions": _l("Les suggestions que vous avez écartées"),
    "animation_rights": _l("Vos droits d'animation"),
    "contacts": _l("Vos carnets d'adresses importés (empreintes chiffrées, jamais les coordonnées)"),
    "posts": _l("Vos publications"),
    "event_answers": _l("Vos réponses aux événements"),
    "volunteering": _l("Les tâches pour lesquelles vous êtes volontaire"),
    "events_organised": _l("Les événements que vous organisez"),
    "comments": _l("Vos commentaires"),
    "following": _l("Les conversations que vous suivez"),
    "notifications": _l("Vos notifications"),
}


@bp.record_once
def _default_limits(state) -> None:
    for key, value in LIMITS.items():
        state.app.config.setdefault(key, value)


class EraseForm(FlaskForm):
    password = PasswordField(_l("Votre mot de passe"), validators=[InputRequired(), Length(max=MAX_PASSWORD)],
                             render_kw={"autocomplete": "current-password"})
    confirmation = StringField(
        _l("Tapez %(word)s pour confirmer", word=mydata.CONFIRMATION_WORD),
        validators=[InputRequired(), Length(max=50)],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    submit = SubmitField(_l("Supprimer mon compte"))


class IdentifiersForm(FlaskForm):
    """Posted by the account page's card (`mydata/_identifiers_form.html`)."""

    email = StringField(validators=[InputRequired(), Length(max=320)])
    phone = StringField(validators=[Length(max=40)])
    password = PasswordField(validators=[InputRequired(), Length(max=MAX_PASSWORD)])


def _summary(document: dict) -> list[tuple[str, int | None]]:
    """(label, how many) per part; None for a part that is one record."""
    rows = []
    for key, _name in mydata.EXPORT_PARTS:
        value = document.get(key)
        label = str(PART_LABELS.get(key, key.replace("_", " ")))
        rows.append((label, len(value) if isinstance(value, list) else None))
    return rows


def _page(form: EraseForm, error: str | None = None, status: int = 200):
    document = mydata.export(current_store(), current_user.id)
    return render_template(
        "mydata/page.html", parts=_summary(document), form=form, error=error,
        word=mydata.CONFIRMATION_WORD,
    ), status


@bp.get("/mes-donnees")
@login_required
def page():
    return _page(EraseForm())


@bp.get("/mes-donnees/export.json")
@login_required
def download():
    security.hit("COOPOL_EXPORT_LIMIT_ACCOUNT", "export", current_user.id)
    document = mydata.export(current_store(), current_user.id)
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="coopol-mes-donnees-{day}.json"',
            "Cache-Control": "no-store",
        },
    )


@bp.post("/mes-donnees/supprimer")
@login_required
def erase():
    security.hit_address("COOPOL_ERASE_LIMIT_ADDRESS", "erase")
    form = EraseForm()
    if not form.validate_on_submit():
        return _page(form, status=400)
    security.hit("COOPOL_ERASE_LIMIT_ACCOUNT", "erase-account", current_user.id)
    if not mydata.is_confirmation(form.confirmation.data):
        return _page(form, error=_("Tapez %(word)s pour confirmer.", word=mydata.CONFIRMATION_WORD), status=400)
    try:
        mydata.erase_account(current_store(), current_user.id, form.password.data, form.confirmation.data)
    except Invalid:
        return _page(form, error=_("Mot de passe incorrect."), status=400)
    logout_user()  # the erasure ended every session in the graph
    session.clear()
    return redirect(url_for("mydata.goodbye"))


@bp.get("/au-revoir")
def goodbye():
    return render_template("mydata/goodbye.html")


@bp.post("/compte/coordonnees")
@login_required
def identifiers():
    form = IdentifiersForm()
    back = redirect(url_for("auth.account") + "#coordonnees")
    if not form.validate_on_submit():
        flash(_("Indiquez votre adresse e-mail et votre mot de passe."), "error")
        return back
    security.hit("COOPOL_IDENTIFIERS_LIMIT_ACCOUNT", "identifiers", current_user.id)
    try:
        done = member_identifiers.change(
            current_store(), current_user.id, password=form.password.data, email=form.email.data,
            phone=form.phone.data, contacts_key=current_app.config["COOPOL_CONTACTS_KEY"],
        )
    except Conflict:
        flash(_("Un autre compte utilise déjà cette adresse e-mail."), "error")
        return back
    except Invalid as exc:
        wrong_password = str(exc) == member_identifiers.WRONG_PASSWORD
        flash(_("Mot de passe incorrect.") if wrong_password else _("Refusé : %(reason)s.", reason=str(exc)), "error")
        return back
    flash(_("Adresse e-mail et téléphone enregistrés.") if done.changed else _("Rien n'a changé."), "success")
    return back
