"""Accounts on the web: registration, login, logout, activation, the account
page (password, visibility, declared roles, other sessions)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import SelectChoice

from graphsvc import accounts, members
from graphsvc.errors import Conflict, Invalid, NotFound
from webapp import security, sessions
from webapp.forms import (
    AddMandateForm,
    ActivationForm,
    ConfirmForm,
    LoginForm,
    PasswordChangeForm,
    RegisterForm,
    VisibilityForm,
)
from webapp.graph import current_store
from webapp.public import safe_next

bp = Blueprint("auth", __name__)


ROLE_GROUPS = {"party": _l("Fonctions dans le parti"), "mandate": _l("Mandats électifs"), "job": _l("Emplois")}


def role_choices() -> list[SelectChoice]:
    """The roles catalogue for a select, grouped by kind, in the page's language."""
    english = str(get_locale()) == "en"
    choices = [SelectChoice("", _("— aucun —"))]
    for role in members.list_roles(current_store()):
        label = role.label_en if english and role.label_en else role.label
        group = ROLE_GROUPS.get(role.kind or "", _l("Autres"))
        choices.append(SelectChoice(role.key, label, optgroup=str(group)))
    return choices


@bp.route("/connexion", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("public.home"))
    form = LoginForm()
    error = None
    if request.method == "POST":
        security.hit_address("COOPOL_LOGIN_LIMIT_ADDRESS", "login")
        if form.validate_on_submit():
            security.hit("COOPOL_LOGIN_LIMIT_ACCOUNT", "login-account", form.email.data.strip().lower())
            try:
                member_id = accounts.authenticate(current_store(), form.email.data, form.password.data)
            except Invalid:
                error = _("Adresse e-mail ou mot de passe incorrect.")
            else:
                sessions.start(member_id)
                flash(_("Vous êtes connecté·e."), "success")
                return redirect(safe_next(request.args.get("next"), url_for("public.home")))
        else:
            error = _("Adresse e-mail ou mot de passe incorrect.")
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/deconnexion")
def logout():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if current_user.is_authenticated:
        sessions.end(current_user._get_current_object())
    flash(_("Vous êtes déconnecté·e."), "info")
    return redirect(url_for("public.home"))


@bp.route("/inscription", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("public.home"))
    store = current_store()
    form = RegisterForm()
    for row in form.mandates:
        row.form.role.choices = role_choices()
    section_id = request.values.get("section") or form.section_id.data
    query = (request.args.get("q") or "").strip()[:100]
    section = None
    if section_id:
        try:
            section = members.get_section(store, section_id)
        except (NotFound, Invalid):
            flash(_("Section inconnue : cherchez-la à nouveau."), "error")
    if section is None:
        results = members.search_sections(store, query) if query else []
        return render_template("auth/register_section.html", query=query, results=results)
    form.section_id.data = section.id
    error = None
    if request.method == "POST":
        security.hit_address("COOPOL_REGISTER_LIMIT_ADDRESS", "register")
        if form.validate_on_submit():
            mandates = [
                members.MandateInput(role_key=row.form.role.data, place_label=row.form.place.data or "")
                for row in form.mandates
                if row.form.role.data
            ]
            try:
                member = members.register(
                    store,
                    first_name=form.first_name.data,
                    last_name=form.last_name.data,
                    email=form.email.data,
                    password=form.password.data,
                    membership=form.membership.data,
                    section_id=section.id,
                    visibility=form.visibility.data,
                    visible_to_sympathisants=form.visible_to_sympathisants.data,
                    mandates=mandates,
                    contacts_key=current_app.config["COOPOL_CONTACTS_KEY"],
                )
            except Conflict:
                error = _("Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou activez votre compte avec le lien reçu.")
            except Invalid as exc:
                error = str(exc)
            else:
                sessions.start(member.id)
                flash(_("Bienvenue sur Coopol, votre compte est créé."), "success")
                return redirect(url_for("public.home"))
        else:
            error = _("Le formulaire contient des erreurs : voyez les champs signalés.")
    status = 400 if error else 200
    return render_template("auth/register.html", form=form, section=section, error=error), status


@bp.route("/activer/<token>", methods=["GET", "POST"])
def activate(token):
    store = current_store()
    try:
        pending = accounts.pending_activation(store, token)
    except NotFound:
        return render_template("auth/activation_invalid.html"), 404
    form = ActivationForm()
    error = None
    if request.method == "POST":
        security.hit_address("COOPOL_LOGIN_LIMIT_ADDRESS", "activate")
        if form.validate_on_submit():
            try:
                member_id, session_id = accounts.activate(
                    store, token, form.password.data, form.visibility.data, form.visible_to_sympathisants.data,
                    contacts_key=current_app.config["COOPOL_CONTACTS_KEY"],
                )
            except Invalid as exc:
                error = str(exc)
            except NotFound:
                return render_template("auth/activation_invalid.html"), 404
            else:
                if current_user.is_authenticated:
                    sessions.end(current_user._get_current_object())
                sessions.start(member_id, session_id)
                flash(_("Votre compte est activé. Bienvenue sur Coopol !"), "success")
                return redirect(url_for("public.home"))
        else:
            error = _("Le formulaire contient des erreurs : voyez les champs signalés.")
    return render_template("auth/activate.html", form=form, pending=pending, error=error), (400 if error else 200)


def _account_page(status=200, **forms):
    store = current_store()
    me = members.profile(store, current_user.id, current_user.id)
    visibility = forms.get("visibility") or VisibilityForm(
        visibility=me.visibility, visible_to_sympathisants=me.visible_to_sympathisants, formdata=None
    )
    mandate = forms.get("mandate") or AddMandateForm(formdata=None)
    mandate.role.choices = role_choices()
    return render_template(
        "auth/account.html",
        me=me,
        password_form=forms.get("password") or PasswordChangeForm(formdata=None),
        visibility_form=visibility,
        mandate_form=mandate,
        confirm_form=ConfirmForm(formdata=None),
        sessions_open=accounts.count_sessions(store, current_user.id),
        error=forms.get("error"),
    ), status


@bp.get("/compte")
@login_required
def account():
    return _account_page()


@bp.post("/compte/mot-de-passe")
@login_required
def change_password():
    form = PasswordChangeForm()
    if not form.validate_on_submit():
        return _account_page(400, password=form, error=_("Le nouveau mot de passe n'est pas valable : voyez les champs signalés."))
    security.hit("COOPOL_LOGIN_LIMIT_ACCOUNT", "password-change", current_user.id)
    try:
        ended = accounts.change_password(
            current_store(), current_user.id, form.current.data, form.password.data, current_user.session_id
        )
    except Invalid as exc:
        return _account_page(400, password=form, error=str(exc))
    flash(_("Mot de passe changé. Vos %(n)d autres sessions sont fermées.", n=ended), "success")
    return redirect(url_for("auth.account"))


@bp.post("/compte/visibilite")
@login_required
def visibility():
    form = VisibilityForm()
    if not form.validate_on_submit():
        return _account_page(400, visibility=form, error=_("Choix de visibilité invalide."))
    members.update_visibility(current_store(), current_user.id, form.visibility.data, form.visible_to_sympathisants.data)
    flash(_("Vos choix de visibilité sont enregistrés."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/compte/roles")
@login_required
def add_mandate():
    form = AddMandateForm()
    if not form.validate_on_submit():
        return _account_page(400, mandate=form, error=_("Choisissez un rôle."))
    try:
        members.add_mandate(current_store(), current_user.id, members.MandateInput(form.role.data, form.place.data or ""))
    except Invalid as exc:
        return _account_page(400, mandate=form, error=str(exc))
    flash(_("Rôle ajouté."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/compte/roles/<mandate_id>/retirer")
@login_required
def remove_mandate(mandate_id):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    members.remove_mandate(current_store(), current_user.id, mandate_id)
    flash(_("Rôle retiré."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/compte/sessions/fermer")
@login_required
def close_other_sessions():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    ended = accounts.close_other_sessions(current_store(), current_user.id, current_user.session_id)
    flash(_("%(n)d autres sessions fermées.", n=ended), "success")
    return redirect(url_for("auth.account"))
