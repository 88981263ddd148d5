"""Posts and the news feed on the web.

- `/fil`: the member's news feed ("Fil d'actu"), also their home page `/`
  once logged in: a composer, cards of posts (players for videos and sounds)
  and of events, "Voir plus" with the cursor (`?apres=`).
- `/fil/<unit_id>`: the stream of a section, a federation or the national
  level, with the composer when the member may post there.
- `/publications/<id>`: one post and its conversation (the comments area
  includes `comments/_thread.html` when it exists), edit and delete for its
  author.

Every action is a POST form with its CSRF token; nothing needs JavaScript.
The services (`graphsvc.posts`, `graphsvc.feed`) check every right.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, format_timedelta
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from graphsvc import embeds, feed, posts
from graphsvc.errors import Forbidden, Invalid, NotFound
from webapp.graph import current_store
from webapp.public import safe_next

bp = Blueprint("posts", __name__)

PAGE_SIZE = 20
PARIS = ZoneInfo("Europe/Paris")
WEEK_MS = 7 * 24 * 3600 * 1000
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'«»]+", re.IGNORECASE)
TRAILING = ".,;:!?)]}’”"


class PostForm(FlaskForm):
    place = SelectField(_l("Publier dans"), choices=[], validate_choice=False)
    text = TextAreaField(_l("Votre message"), validators=[Optional(), Length(max=posts.MAX_TEXT)],
                         render_kw={"maxlength": posts.MAX_TEXT, "rows": 3,
                                    "placeholder": _l("Une action, une idée, une bonne nouvelle…")})
    link = StringField(_l("Un lien (vidéo, son, article) — facultatif"),
                       validators=[Optional(), Length(max=embeds.MAX_URL)],
                       render_kw={"maxlength": embeds.MAX_URL, "inputmode": "url", "autocomplete": "url",
                                  "placeholder": "https://"})
    next = HiddenField()
    submit = SubmitField(_l("Publier"))


class EditForm(FlaskForm):
    text = TextAreaField(_l("Votre message"), validators=[Optional(), Length(max=posts.MAX_TEXT)],
                         render_kw={"maxlength": posts.MAX_TEXT, "rows": 6})
    link = StringField(_l("Lien (facultatif)"), validators=[Optional(), Length(max=embeds.MAX_URL)],
                       render_kw={"maxlength": embeds.MAX_URL, "inputmode": "url"})
    submit = SubmitField(_l("Enregistrer"))


class DeleteForm(FlaskForm):
    submit = SubmitField(_l("Supprimer"))


def _peertube_hosts() -> tuple[str, ...]:
    return current_app.config["COOPOL_SETTINGS"].peertube_hosts


# --- template helpers -------------------------------------------------------------


@bp.app_template_filter("linkify")
def linkify(text: str) -> Markup:
    """Plain text with its http(s) addresses as links; everything else escaped."""
    out, last = [], 0
    for found in URL_IN_TEXT.finditer(text or ""):
        url = found.group(0).rstrip(TRAILING)
        try:
            href = embeds.clean_url(url)
        except Invalid:
            continue
        out.append(escape(text[last:found.start()]))
        out.append(Markup('<a href="{}" rel="nofollow ugc noopener noreferrer">{}</a>').format(href, url))
        last = found.start() + len(url)
    out.append(escape((text or "")[last:]))
    return Markup("").join(out)


def _moment(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


@bp.app_template_filter("ago")
def ago(ms: int | None) -> str:
    """"il y a 3 heures" within a week, else the date ("12 nov. 2026")."""
    if not ms:
        return ""
    now = datetime.now(timezone.utc)
    delta = _moment(ms) - now
    if abs(delta.total_seconds()) < 60:
        return _("à l’instant")
    if -delta.total_seconds() * 1000 < WEEK_MS:
        return format_timedelta(delta, add_direction=True, locale=get_locale(), threshold=1.0)
    return format_datetime(_moment(ms), "d MMM y", tzinfo=PARIS, locale=get_locale())


@bp.app_template_filter("paris_time")
def paris_time(ms: int | None, pattern: str = "EEEE d MMMM y, HH:mm") -> str:
    """A moment in Paris time, in the reader's language."""
    if not ms:
        return ""
    return format_datetime(_moment(ms), pattern, tzinfo=PARIS, locale=get_locale())


@bp.app_template_filter("iso")
def iso(ms: int | None) -> str:
    return _moment(ms).isoformat(timespec="seconds") if ms else ""


@bp.app_template_global("place_url")
def place_url(kind: str, place_id: str) -> str:
    """Where a post's place is: an event's page, or a unit's stream."""
    if kind == "event":
        return event_url(place_id)
    return url_for("posts.stream", unit_id=place_id)


@bp.app_template_global("event_url")
def event_url(event_id: str) -> str:
    from graphsvc import events

    return events.EVENT_PATH.format(event_id=event_id)


@bp.app_template_global("place_label")
def place_label(kind: str, name: str | None) -> str:
    if kind == "national":
        return _("National")
    if kind == "federation":
        return _("Fédération %(name)s", name=name or "")
    return name or ""


@bp.app_template_global("posts_on")
def posts_on(event_id: str) -> posts.Stream | None:
    """The newest posts on an event as the viewer may read them (None when they may not)."""
    if not current_user.is_authenticated:
        return None
    try:
        return posts.stream(current_store(), current_user.id, event_id, limit=PAGE_SIZE)
    except (NotFound, Forbidden, Invalid):
        return None


@bp.app_template_global("post_form")
def post_form(place_id: str) -> PostForm:
    """The composer's form for one place, coming back to the current page."""
    form = PostForm(formdata=None)
    form.place.data = place_id
    form.next.data = request.path
    return form


# --- pages -------------------------------------------------------------------------


@bp.get("/fil")
@login_required
def feed_page():
    store = current_store()
    cursor = request.args.get("apres") or None
    page = feed.page(store, current_user.id, cursor, limit=PAGE_SIZE)
    form = PostForm(formdata=None)
    form.next.data = url_for("posts.feed_page")
    # the composer tops the first page only; its places from the member the feed read
    places = [] if cursor else list(posts.places(store, current_user.id, page.me))
    form.place.choices = [(p.id, place_label(p.kind, p.name)) for p in places]
    return render_template("feed/page.html", me=page.me, feed=page, form=form, places=places,
                           first_page=cursor is None)


@bp.get("/fil/<unit_id>")
@login_required
def stream(unit_id):
    found = posts.stream(current_store(), current_user.id, unit_id, request.args.get("apres") or None, limit=PAGE_SIZE)
    if found.place.kind == "event":
        return redirect(event_url(unit_id))
    form = PostForm(formdata=None)
    form.place.data = unit_id
    form.next.data = url_for("posts.stream", unit_id=unit_id)
    return render_template("posts/stream.html", stream=found, form=form, first_page=not request.args.get("apres"))


@bp.post("/publications")
@login_required
def create():
    form = PostForm()
    form.place.choices = []
    target = safe_next(form.next.data, url_for("posts.feed_page"))
    if not form.validate_on_submit():
        if form.text.errors or form.link.errors:
            flash(_("Le message fait %(n)d caractères au plus.", n=posts.MAX_TEXT), "error")
            return redirect(target)
        abort(400)
    try:
        post = posts.create(current_store(), current_user.id, form.place.data or "", form.text.data,
                            form.link.data, peertube_hosts=_peertube_hosts())
    except (Invalid, Forbidden) as exc:
        flash(_("Publication refusée : %(reason)s.", reason=str(exc)), "error")
        return redirect(target)
    flash(_("C’est publié !"), "success")
    return redirect(f"{target}#publication-{post.id}", code=303)


@bp.get("/publications/<post_id>")
@login_required
def show(post_id):
    store = current_store()
    post = posts.get(store, current_user.id, post_id)
    return render_template("posts/post.html", post=post, delete_form=DeleteForm(formdata=None),
                           may_moderate=posts.may_moderate(store, current_user.id, post))


@bp.route("/publications/<post_id>/modifier", methods=["GET", "POST"])
@login_required
def edit(post_id):
    store = current_store()
    post = posts.get(store, current_user.id, post_id)
    if post.author_id != current_user.id:
        raise Forbidden("seul·e l'auteur·e peut modifier sa publication")
    form = EditForm(data={"text": post.text, "link": post.link_url or ""})
    error = None
    if form.validate_on_submit():
        try:
            posts.edit(store, current_user.id, post.id, form.text.data, form.link.data, peertube_hosts=_peertube_hosts())
        except Invalid as exc:
            error = str(exc)
        else:
            flash(_("Publication modifiée."), "success")
            return redirect(url_for("posts.show", post_id=post.id), code=303)
    elif request.method == "POST" and not (form.text.errors or form.link.errors):
        abort(400)
    status = 400 if error or form.errors else 200
    return render_template("posts/edit.html", post=post, form=form, error=error, max_text=posts.MAX_TEXT), status


@bp.post("/publications/<post_id>/supprimer")
@login_required
def delete(post_id):
    if not DeleteForm().validate_on_submit():
        abort(400)
    posts.delete(current_store(), current_user.id, post_id)
    flash(_("Publication supprimée."), "success")
    return redirect(url_for("posts.feed_page"), code=303)
