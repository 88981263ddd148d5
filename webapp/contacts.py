"""The address-book page (`/contacts`): consent after a plain statement of what
is kept, the upload, the members found with one-click coopain requests, how
many hashes are held (deleted in one click), and the choice not to be found.

Every action is a POST form with its CSRF token that redirects back to the
page (303); with JavaScript on, `static/js/contacts.js` sends the upload with
XMLHttpRequest to show its progress, and is answered in JSON with where to go.

The upload route alone accepts 10 MB (`request.max_content_length`, set before
the body is read; the app's limit stays 2 MB elsewhere). Flask-WTF's global
CSRF check would read the body before the view could raise the limit, so the
route is exempt from it and its form checks the token itself.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import BooleanField, SubmitField
from wtforms.validators import DataRequired

from graphsvc import addressbook, contacts
from graphsvc.errors import Forbidden, Invalid, NotFound
from webapp.graph import current_store
from webapp.paging import page_count, page_number

bp = Blueprint("contacts", __name__)

PER_PAGE = 50
UPLOAD_ENDPOINT = "webapp.contacts.upload"


@bp.record_once
def _setup(state) -> None:
    app = state.app
    app.config.setdefault("COOPOL_CONTACTS_UPLOADS_PER_DAY", contacts.Limits.uploads_per_day)
    app.config.setdefault("COOPOL_CONTACTS_IDENTIFIERS_PER_MONTH", contacts.Limits.identifiers_per_month)
    app.extensions["csrf"].exempt(UPLOAD_ENDPOINT)


def contacts_key() -> str:
    return current_app.config["COOPOL_CONTACTS_KEY"]


def _limits() -> contacts.Limits:
    config = current_app.config
    return contacts.Limits(config["COOPOL_CONTACTS_UPLOADS_PER_DAY"], config["COOPOL_CONTACTS_IDENTIFIERS_PER_MONTH"])


class ConsentForm(FlaskForm):
    accept = BooleanField(_l("J'ai lu ce qui est conservé et j'accepte"), validators=[DataRequired()])
    submit = SubmitField(_l("Continuer"))


class UploadForm(FlaskForm):
    book = FileField(_l("Votre carnet d'adresses (.vcf ou .csv, 10 Mo au plus)"), validators=[FileRequired()],
                     render_kw={"accept": ".vcf,.vcard,.csv,text/vcard,text/csv"})
    submit = SubmitField(_l("Importer"))


class ConfirmForm(FlaskForm):
    submit = SubmitField(_l("Confirmer"))


def _wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _back(message: str, category: str, status: int = 200):
    """Flash the message and go back to the page (JSON says where, for the script)."""
    flash(message, category)
    target = url_for("contacts.page")
    if _wants_json():
        return jsonify(ok=status < 400, message=message, redirect=target), status
    return redirect(target, code=303)


@bp.get("/contacts")
@login_required
def page():
    store = current_store()
    summary = contacts.summary(store, current_user.id)
    number = page_number()
    found = contacts.matches(store, current_user.id, limit=PER_PAGE, offset=(number - 1) * PER_PAGE) if summary.held else None
    return render_template(
        "contacts/page.html",
        summary=summary,
        found=found,
        page=number,
        pages=page_count(found.total, PER_PAGE, number) if found else 1,
        consent_form=ConsentForm(formdata=None),
        upload_form=UploadForm(formdata=None),
        confirm_form=ConfirmForm(formdata=None),
        max_bytes=addressbook.MAX_BYTES,
        retention_days=contacts.RETENTION_DAYS,
    )


@bp.post("/contacts/consentement")
@login_required
def consent():
    form = ConsentForm()
    if not form.validate_on_submit():
        return _back(_("Cochez la case pour accepter les conditions d'import."), "error", 400)
    contacts.consent(current_store(), current_user.id)
    return _back(_("Merci. Vous pouvez importer votre carnet d'adresses."), "success")


@bp.post("/contacts/import")
@login_required
def upload():
    request.max_content_length = addressbook.MAX_BYTES + 64 * 1024  # the file and the form around it
    try:
        form = UploadForm()
        valid = form.validate_on_submit()
    except RequestEntityTooLarge:
        return _back(_("Le fichier dépasse 10 Mo : découpez votre carnet d'adresses. Rien n'a été importé."), "error", 413)
    if not valid:
        if form.csrf_token.errors:
            return _back(_("Le formulaire a expiré : rechargez la page et réessayez."), "error", 400)
        return _back(_("Choisissez un fichier à importer."), "error", 400)
    store = current_store()
    try:
        contacts.may_import(store, current_user.id, _limits())  # before any parsing
    except Forbidden as exc:
        return _back(_("Import refusé : %(reason)s.", reason=str(exc)), "error", 429)
    data = form.book.data.read(addressbook.MAX_BYTES + 1)
    try:
        book = addressbook.check_address_book(data, names=False)
        result = contacts.import_contacts(store, contacts_key(), current_user.id, book, limits=_limits())
    except Invalid as exc:
        return _back(_("Fichier refusé : %(reason)s. Rien n'a été importé.", reason=str(exc)), "error", 400)
    except Forbidden as exc:
        return _back(_("Import refusé : %(reason)s.", reason=str(exc)), "error", 429)
    found = len(result.matched)
    message = ngettext("%(num)d contact lu.", "%(num)d contacts lus.", result.read) + " " + (
        ngettext("%(num)d de vos contacts est sur Coopol.", "%(num)d de vos contacts sont sur Coopol.", found)
        if found else _("Aucun de ces contacts n'est sur Coopol pour l'instant : vous serez prévenu·e s'ils nous rejoignent."))
    return _back(message, "success")


@bp.post("/contacts/supprimer")
@login_required
def forget():
    if not ConfirmForm().validate_on_submit():
        return _back(_("Le formulaire a expiré : rechargez la page et réessayez."), "error", 400)
    deleted = contacts.forget(current_store(), current_user.id)
    return _back(ngettext("%(num)d empreinte de contact supprimée.", "%(num)d empreintes de contacts supprimées.", deleted),
                 "success")


@bp.post("/contacts/trouvable")
@login_required
def findable():
    if not ConfirmForm().validate_on_submit():
        return _back(_("Le formulaire a expiré : rechargez la page et réessayez."), "error", 400)
    hidden = request.form.get("hidden") == "1"
    try:
        contacts.set_findable(current_store(), current_user.id, not hidden)
    except NotFound:
        return _back(_("Compte introuvable."), "error", 404)
    if hidden:
        return _back(_("Les carnets d'adresses des autres membres ne vous trouveront plus."), "success")
    return _back(_("Les membres qui ont vos coordonnées dans leur carnet d'adresses peuvent vous retrouver."), "success")
