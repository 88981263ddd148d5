"""Conversations on the web: the comments under a post or an event (with the
follow button and the moderators' tools), the notifications page and the
header's unread count, the moderation log.

- `comments/_thread.html` is included by the post and event pages; it asks
  `conversation(subject_id)` for the comments the viewer may read.
- `/notifications`: newest first, unread highlighted, each linking to its
  subject, mark one or all as read; the digest preference.
- `/moderation/<id>`: hide or show again a post, comment or event, with a
  reason; `/moderation/journal`: the log of a unit one animates.

Every action is a POST form with its CSRF token that works without
JavaScript; `static/js/conversations.js` marks notifications read without a
reload. The services check every right.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectChoice, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from graphsvc import comments, digest, moderation, notifications
from graphsvc.errors import Conflict, Forbidden, Invalid, NotFound, StoreError
from webapp import security
from webapp.graph import current_store
from webapp.public import safe_next

bp = Blueprint("conversations", __name__)

LIMITS = {"COOPOL_COMMENT_LIMIT_ACCOUNT": "30 per 10 minutes"}  # comments a member may post

COMMENTS_PER_PAGE = 100
NOTIFICATIONS_PER_PAGE = 30
LOG_PER_PAGE = 50


class CommentForm(FlaskForm):
    text = TextAreaField(_l("Votre commentaire"), validators=[DataRequired(), Length(max=comments.MAX_TEXT)],
                         render_kw={"maxlength": comments.MAX_TEXT, "rows": 3})
    next = HiddenField()
    submit = SubmitField(_l("Commenter"))


class EditCommentForm(FlaskForm):
    text = TextAreaField(_l("Votre commentaire"), validators=[DataRequired(), Length(max=comments.MAX_TEXT)],
                         render_kw={"maxlength": comments.MAX_TEXT, "rows": 5})
    next = HiddenField()
    submit = SubmitField(_l("Enregistrer"))


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token and where to come back."""

    next = HiddenField()
    submit = SubmitField(_l("Confirmer"))


class ModerationForm(FlaskForm):
    reason = StringField(_l("Motif (gardé au journal de modération)"),
                         validators=[DataRequired(), Length(min=moderation.MIN_REASON, max=moderation.MAX_REASON)],
                         render_kw={"maxlength": moderation.MAX_REASON, "minlength": moderation.MIN_REASON})
    next = HiddenField()
    submit = SubmitField(_l("Confirmer"))


class DigestForm(FlaskForm):
    digest = RadioField(_l("Résumé par e-mail"), choices=[
        SelectChoice("daily", _l("Chaque jour, s’il y a du nouveau")), SelectChoice("never", _l("Jamais"))])
    submit = SubmitField(_l("Enregistrer"))


@dataclass(frozen=True)
class ThreadView:
    """What `comments/_thread.html` shows under a post or an event."""

    thread: comments.Thread | None  # None for an anonymous visitor
    following: bool
    comment_form: CommentForm | None
    action_form: ActionForm
    moderation_form: ModerationForm
    here: str  # the page, to come back to


def _viewer() -> str | None:
    return current_user.id if current_user.is_authenticated else None


def _here() -> str:
    return request.path


def _subject_url(item: moderation.Target) -> str:
    if item.subject_kind == "post":
        return url_for("posts.show", post_id=item.subject_id)
    return url_for("events.show", event_id=item.subject_id)


def _cursor_arg(name: str) -> str | None:
    raw = request.args.get(name)
    if raw is not None and (len(raw) > 160 or not raw.isprintable()):
        abort(404)
    return raw or None


@bp.record_once
def _limits(state) -> None:
    for key, value in LIMITS.items():
        state.app.config.setdefault(key, value)


@bp.app_template_global("conversation")
def conversation(subject_id: str) -> ThreadView | None:
    """The comments of a post or an event as the viewer may read them (None when
    they may not)."""
    viewer = _viewer()
    store = current_store()
    forms = {"action_form": ActionForm(formdata=None), "moderation_form": ModerationForm(formdata=None),
             "here": _here()}
    if viewer is None:
        return ThreadView(None, False, None, **forms)
    try:
        found = comments.thread(store, viewer, subject_id, cursor=_cursor_arg("commentaires"), limit=COMMENTS_PER_PAGE)
    except (NotFound, Invalid):
        return None
    form = None if found.subject.hidden else CommentForm(formdata=None)
    return ThreadView(found, notifications.is_following(store, viewer, subject_id), form, **forms)


@bp.app_context_processor
def unread_notifications():
    """The number of unread notifications, for the header."""
    if not current_user.is_authenticated:
        return {}
    try:
        return {"unread_notifications": notifications.unread_count(current_store(), current_user.id)}
    except (NotFound, StoreError):
        return {"unread_notifications": 0}


# --- comments ------------------------------------------------------------------


def _back(form, default: str) -> str:
    return safe_next(form.next.data if form.next.data else None, default)


@bp.post("/conversations/<subject_id>/commentaires")
@login_required
def add_comment(subject_id):
    store = current_store()
    item = moderation.target(store, subject_id)
    form = CommentForm()
    target = _back(form, _subject_url(item))
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        flash(_("Commentaire refusé : %(reason)s.",
                reason=_("il est vide") if not (form.text.data or "").strip()
                else _("%(n)d caractères au plus", n=comments.MAX_TEXT)), "error")
        return redirect(f"{target}#commentaires", code=303)
    security.hit("COOPOL_COMMENT_LIMIT_ACCOUNT", "comment", current_user.id)
    try:
        added = comments.add(store, current_user.id, subject_id, form.text.data,
                             url=f"{_subject_url(item)}#commentaires")
    except (Invalid, Forbidden) as exc:
        flash(_("Commentaire refusé : %(reason)s.", reason=str(exc)), "error")
        return redirect(f"{target}#commentaires", code=303)
    return redirect(f"{target}#commentaire-{added.comment.id}", code=303)


@bp.route("/commentaires/<comment_id>/modifier", methods=["GET", "POST"])
@login_required
def edit_comment(comment_id):
    store = current_store()
    comment = comments.get(store, current_user.id, comment_id)
    if comment.author_id != current_user.id:
        raise Forbidden("seul·e l'auteur·e d'un commentaire peut le modifier")
    back = _subject_url(moderation.target(store, comment.subject_id))
    form = EditCommentForm(data={"text": comment.text, "next": request.args.get("next", "")})
    error = None
    if form.validate_on_submit():
        try:
            comments.edit(store, current_user.id, comment.id, form.text.data)
        except Invalid as exc:
            error = str(exc)
        else:
            flash(_("Commentaire modifié."), "success")
            return redirect(f"{_back(form, back)}#commentaire-{comment.id}", code=303)
    elif request.method == "POST" and form.csrf_token.errors:
        abort(400)
    status = 400 if error or form.errors else 200
    return render_template("comments/edit.html", comment=comment, form=form, error=error, back=back), status


@bp.post("/commentaires/<comment_id>/supprimer")
@login_required
def delete_comment(comment_id):
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    store = current_store()
    comment = comments.get(store, current_user.id, comment_id)
    back = _back(form, _subject_url(moderation.target(store, comment.subject_id)))
    comments.delete(store, current_user.id, comment.id)
    flash(_("Commentaire supprimé."), "success")
    return redirect(f"{back}#commentaires", code=303)


@bp.post("/conversations/<subject_id>/suivre")
@login_required
def follow(subject_id):
    return _follow(subject_id, True)


@bp.post("/conversations/<subject_id>/ne-plus-suivre")
@login_required
def unfollow(subject_id):
    return _follow(subject_id, False)


def _follow(subject_id: str, on: bool):
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    store = current_store()
    item = comments.conversation(store, current_user.id, subject_id)
    if on:
        notifications.follow(store, current_user.id, item.id, auto=False)
        message = _("Vous suivez cette conversation : les nouveaux commentaires vous seront notifiés.")
    else:
        notifications.unfollow(store, current_user.id, item.id)
        message = _("Vous ne suivez plus cette conversation.")
    if _wants_json():
        return jsonify(following=on, message=message)
    flash(message, "success")
    return redirect(f"{_back(form, _subject_url(item))}#commentaires", code=303)


# --- notifications -------------------------------------------------------------


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@bp.get("/notifications")
@login_required
def page():
    store = current_store()
    found = notifications.list_notifications(store, current_user.id, cursor=_cursor_arg("apres"),
                                             limit=NOTIFICATIONS_PER_PAGE)
    preference = digest.preference(store, current_user.id)
    return render_template("notifications/page.html", page=found, action_form=ActionForm(formdata=None),
                           digest_form=DigestForm(formdata=None, digest=preference),
                           first=not request.args.get("apres"))


@bp.post("/notifications/<notification_id>/lue")
@login_required
def mark_read(notification_id):
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    store = current_store()
    notifications.mark_read(store, current_user.id, [notification_id])
    if _wants_json():
        return jsonify(unread=notifications.unread_count(store, current_user.id))
    return redirect(_back(form, url_for("conversations.page")), code=303)


@bp.post("/notifications/tout-lu")
@login_required
def mark_all_read():
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    marked = notifications.mark_read(current_store(), current_user.id, "all")
    if _wants_json():
        return jsonify(unread=0, marked=marked)
    flash(_("Toutes vos notifications sont lues."), "success")
    return redirect(_back(form, url_for("conversations.page")), code=303)


@bp.post("/notifications/resume")
@login_required
def digest_preference():
    form = DigestForm()
    if not form.validate_on_submit():
        abort(400)
    digest.set_preference(current_store(), current_user.id, form.digest.data, language=str(get_locale() or "fr"))
    flash(_("Résumé par e-mail : chaque jour.") if form.digest.data == "daily"
          else _("Vous ne recevrez plus de résumé par e-mail."), "success")
    return redirect(url_for("conversations.page"), code=303)


# --- moderation ----------------------------------------------------------------


@bp.route("/moderation/<target_id>", methods=["GET", "POST"])
@login_required
def moderate(target_id):
    """Hide, or show again, a post, a comment or an event, with a reason."""
    store = current_store()
    item = moderation.target(store, target_id)
    if not moderation.can_moderate(store, current_user.id, item.unit_id):
        raise Forbidden("vous ne modérez pas cette unité")
    back = _subject_url(item)
    form = ModerationForm(data={"next": request.args.get("next", "")})
    error = None
    if form.validate_on_submit():
        action = moderation.unhide if item.hidden else moderation.hide
        try:
            action(store, current_user.id, item.id, form.reason.data)
        except (Invalid, Conflict) as exc:
            error = str(exc)
        else:
            flash(_("Contenu rendu visible.") if item.hidden else _("Contenu masqué : il reste visible de son auteur et des modérateurs."),
                  "success")
            anchor = f"#commentaire-{item.id}" if item.kind == "comment" else ""
            return redirect(_back(form, back) + anchor, code=303)
    elif request.method == "POST" and form.csrf_token.errors:
        abort(400)
    status = 400 if error or form.errors else 200
    return render_template("comments/moderate.html", item=item, form=form, error=error, back=back), status


@bp.get("/moderation/journal")
@login_required
def moderation_log():
    store = current_store()
    units = moderation.moderated_units(store, current_user.id)
    if not units:
        raise Forbidden("le journal de modération est réservé aux animateurs")
    unit_id = request.args.get("unite") or units[0].unit_id
    found = moderation.read_log(store, current_user.id, unit_id, cursor=_cursor_arg("apres"), limit=LOG_PER_PAGE)
    return render_template("comments/log.html", page=found, units=units, unit_id=unit_id)
