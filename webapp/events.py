"""Events on the web: the agenda of a section, a federation or the national
level, "mes événements", an event's page (answers, who comes, volunteer tasks,
the organiser's panel), the creation and edit forms, and the calendars (`.ics`
for one event, a feed per unit).

Every action is a POST form with its CSRF token that works without JavaScript
and comes back to the event; the service (`graphsvc.events`) checks every
right. Times are entered and shown in Europe/Paris and stored in epoch ms.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
from babel.dates import format_date, format_time
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, HiddenField, IntegerField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from graphsvc import events, hierarchy, navigation
from graphsvc.errors import Forbidden, Invalid, NotFound
from webapp.graph import current_store

bp = Blueprint("events", __name__)

PARIS = ZoneInfo("Europe/Paris")
PER_PAGE = 20
HOME_MINE = 5
FEED_PAST_DAYS = 30
FEED_LIMIT = 500
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


# --- forms -----------------------------------------------------------------


class EventForm(FlaskForm):
    title = StringField(_l("Titre"), validators=[InputRequired(), Length(max=events.MAX_TITLE)],
                        render_kw={"maxlength": events.MAX_TITLE, "autocomplete": "off"})
    starts = DateTimeLocalField(_l("Début"), format=DATETIME_FORMAT, validators=[InputRequired()])
    ends = DateTimeLocalField(_l("Fin"), format=DATETIME_FORMAT, validators=[InputRequired()])
    place = StringField(_l("Lieu"), validators=[Optional(), Length(max=events.MAX_PLACE)],
                        render_kw={"maxlength": events.MAX_PLACE})
    online_url = StringField(_l("Lien pour suivre en ligne (facultatif)"),
                             validators=[Optional(), Length(max=events.MAX_URL)],
                             render_kw={"maxlength": events.MAX_URL, "type": "url", "inputmode": "url",
                                        "placeholder": "https://"})
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=events.MAX_DESCRIPTION)],
                                render_kw={"maxlength": events.MAX_DESCRIPTION, "rows": 6})
    submit = SubmitField(_l("Enregistrer"))


class TaskForm(FlaskForm):
    title = StringField(_l("Tâche"), validators=[InputRequired(), Length(max=events.MAX_TITLE)],
                        render_kw={"maxlength": events.MAX_TITLE})
    places = IntegerField(_l("Nombre de volontaires"), validators=[InputRequired(), NumberRange(1, events.MAX_PLACES)],
                          render_kw={"min": 1, "max": events.MAX_PLACES, "inputmode": "numeric"})
    description = TextAreaField(_l("Précisions (facultatif)"),
                                validators=[Optional(), Length(max=events.MAX_TASK_DESCRIPTION)],
                                render_kw={"maxlength": events.MAX_TASK_DESCRIPTION, "rows": 2})
    submit = SubmitField(_l("Ajouter la tâche"))


class MessageForm(FlaskForm):
    text = TextAreaField(_l("Message aux volontaires"),
                         validators=[InputRequired(), Length(max=events.notifications.MAX_TITLE)],
                         render_kw={"maxlength": events.notifications.MAX_TITLE, "rows": 2})
    submit = SubmitField(_l("Envoyer"))


class AnswerForm(FlaskForm):
    answer = HiddenField()


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token."""


# --- time ------------------------------------------------------------------


def to_ms(local: datetime) -> int:
    """A wall-clock time in Paris (from a form) → epoch ms."""
    return int(local.replace(tzinfo=PARIS).timestamp() * 1000)


def to_paris(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=PARIS)


@bp.app_template_filter("event_when")
def event_when(item) -> str:
    """"samedi 6 juin 2026, 10:00 – 12:00" in Paris time, in the reader's language."""
    locale = str(get_locale() or "fr")
    start, end = to_paris(item.starts_at), to_paris(item.ends_at)
    day = format_date(start, "EEEE d MMMM y", locale=locale)
    if start.date() == end.date():
        return f"{day}, {format_time(start, 'HH:mm', locale=locale)} – {format_time(end, 'HH:mm', locale=locale)}"
    end_day = format_date(end, "EEEE d MMMM y", locale=locale)
    return f"{day}, {format_time(start, 'HH:mm', locale=locale)} – {end_day}, {format_time(end, 'HH:mm', locale=locale)}"


@bp.app_template_filter("event_day")
def event_day(ms: int) -> dict:
    """The parts of a date card: day number, short month, weekday."""
    locale = str(get_locale() or "fr")
    moment = to_paris(ms)
    return {"day": moment.day, "month": format_date(moment, "MMM", locale=locale),
            "weekday": format_date(moment, "EEE", locale=locale), "iso": moment.isoformat()}


# --- places ----------------------------------------------------------------


def unit_url(unit_id: str, level: str, federation_number: str | None, calendar: bool = False) -> str:
    """The agenda (or its calendar feed) of a unit, by its level."""
    if level == "section":
        return url_for("events.calendar_section" if calendar else "events.agenda_section", section_id=unit_id)
    if level == "federation":
        return url_for("events.calendar_federation" if calendar else "events.agenda_federation",
                       number=federation_number)
    return url_for("events.calendar_national" if calendar else "events.agenda_national")


@bp.app_context_processor
def helpers():
    return {"event_unit_url": unit_url}


def _viewer() -> str | None:
    return current_user.id if current_user.is_authenticated else None


def _cursor_arg() -> str | None:
    raw = request.args.get("apres")
    if raw is not None and (len(raw) > 130 or not raw.isprintable()):
        abort(404)
    return raw or None


# --- lists -----------------------------------------------------------------


@bp.get("/agenda")
def home():
    """The header's "Agenda": my events and my section's agenda; the national one when anonymous."""
    if not current_user.is_authenticated:
        return redirect(url_for("events.agenda_national"))
    store = current_store()
    mine = events.mine(store, current_user.id, limit=HOME_MINE)
    try:
        section_id = navigation.my_section(store, current_user.id).section_id
    except NotFound:
        return redirect(url_for("events.agenda_national"))
    return _agenda_page(section_id, mine=mine)


@bp.get("/mes-evenements")
@login_required
def mine():
    page = events.mine(current_store(), current_user.id, cursor=_cursor_arg(), limit=PER_PAGE)
    return render_template("events/mine.html", page=page)


def _agenda_page(unit_id: str, mine: events.Page | None = None):
    found = events.agenda(current_store(), _viewer(), unit_id, cursor=_cursor_arg(), limit=PER_PAGE)
    return render_template("events/agenda.html", agenda=found, mine=mine)


@bp.get("/sections/<section_id>/agenda")
def agenda_section(section_id):
    return _agenda_page(hierarchy.section(current_store(), section_id).id)


@bp.get("/federations/<number>/agenda")
def agenda_federation(number):
    return _agenda_page(hierarchy.federation_id(number))


@bp.get("/national/agenda")
def agenda_national():
    return _agenda_page("national")


# --- calendars -------------------------------------------------------------


def _calendar(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Coopol//Agenda//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    return cal


def _vevent(item, description: str | None = None, stamp: int | None = None) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{item.id}@{request.host}")
    vevent.add("dtstamp", datetime.fromtimestamp((stamp or 0) / 1000, tz=timezone.utc) if stamp
               else datetime.now(timezone.utc))
    vevent.add("dtstart", to_paris(item.starts_at))
    vevent.add("dtend", to_paris(item.ends_at))
    vevent.add("summary", item.title)
    if description:
        vevent.add("description", description)
    location = item.place or item.online_url
    if location:
        vevent.add("location", location)
    vevent.add("url", url_for("events.show", event_id=item.id, _external=True))
    vevent.add("status", "CANCELLED" if item.cancelled_at else "CONFIRMED")
    return vevent


def _ics(cal: icalendar.Calendar, filename: str) -> Response:
    cal.add_missing_timezones()
    return Response(cal.to_ical(), mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/evenements/<event_id>.ics")
def calendar_event(event_id):
    event = events.get(current_store(), _viewer(), event_id)
    cal = _calendar(event.title)
    cal.add_component(_vevent(event, event.description, event.updated_at or event.created_at))
    return _ics(cal, f"evenement-{event.id}.ics")


def _feed(unit_id: str, filename: str) -> Response:
    since = int((datetime.now(timezone.utc) - timedelta(days=FEED_PAST_DAYS)).timestamp() * 1000)
    unit, items = events.calendar_events(current_store(), unit_id, since_ms=since, limit=FEED_LIMIT)
    cal = _calendar(f"Coopol · {unit.name}")
    for item in items:
        cal.add_component(_vevent(item))
    return _ics(cal, filename)


@bp.get("/sections/<section_id>/agenda.ics")
def calendar_section(section_id):
    return _feed(hierarchy.section(current_store(), section_id).id, f"agenda-{section_id}.ics")


@bp.get("/federations/<number>/agenda.ics")
def calendar_federation(number):
    unit_id = hierarchy.federation_id(number)
    return _feed(unit_id, f"agenda-{unit_id}.ics")


@bp.get("/national/agenda.ics")
def calendar_national():
    return _feed("national", "agenda-national.ics")


# --- one event ---------------------------------------------------------------


@bp.get("/evenements/<event_id>")
def show(event_id):
    store = current_store()
    viewer = _viewer()
    event = events.get(store, viewer, event_id)
    context = {"event": event, "tasks": events.tasks(store, viewer, event.id), "attendance": None,
               "volunteers": {}, "task_form": TaskForm(formdata=None), "message_form": MessageForm(formdata=None),
               "action_form": ActionForm(formdata=None)}
    if viewer:
        context["attendance"] = [events.attendance(store, viewer, event.id, answer) for answer in ("going", "maybe")]
    if event.may_run:
        for volunteer in events.volunteers(store, viewer, event.id):
            context["volunteers"].setdefault(volunteer.task_id, []).append(volunteer)
    return render_template("events/event.html", **context)


def _form_input(form: EventForm) -> events.EventInput:
    return events.EventInput(
        title=form.title.data or "",
        starts_at=to_ms(form.starts.data),
        ends_at=to_ms(form.ends.data),
        description=form.description.data or "",
        place=form.place.data or "",
        online_url=form.online_url.data or "",
    )


@bp.route("/evenements/nouveau", methods=["GET", "POST"])
@login_required
def create():
    unit_id = request.args.get("unite", "")
    store = current_store()
    found = events.unit(store, unit_id)
    if not events.may_create(store, current_user.id, unit_id):
        raise Forbidden("seuls les responsables de cette unité peuvent y créer un événement")
    form = EventForm()
    status = 200
    if form.validate_on_submit():
        try:
            made = events.create(store, current_user.id, unit_id, _form_input(form))
        except Invalid as exc:
            form.form_errors.append(str(exc))
            status = 400
        else:
            flash(_("Événement créé : les membres de la section sont prévenus.") if found.level == "section"
                  else _("Événement créé."), "success")
            return redirect(url_for("events.show", event_id=made.id))
    elif form.is_submitted():
        status = 400
    return render_template("events/form.html", form=form, unit_name=found.name, event=None,
                           back=unit_url(found.id, found.level, found.federation_number)), status


@bp.route("/evenements/<event_id>/modifier", methods=["GET", "POST"])
@login_required
def edit(event_id):
    store = current_store()
    event = events.get(store, current_user.id, event_id)
    if not event.may_run:
        raise Forbidden("seuls l'organisateur et les responsables de l'unité peuvent gérer cet événement")
    form = EventForm()
    status = 200
    if not form.is_submitted():
        form.title.data, form.description.data = event.title, event.description
        form.place.data, form.online_url.data = event.place, event.online_url
        form.starts.data = to_paris(event.starts_at).replace(tzinfo=None)
        form.ends.data = to_paris(event.ends_at).replace(tzinfo=None)
    elif form.validate():
        try:
            events.update(store, current_user.id, event.id, _form_input(form))
        except Invalid as exc:
            form.form_errors.append(str(exc))
            status = 400
        else:
            flash(_("Événement modifié."), "success")
            return redirect(url_for("events.show", event_id=event.id))
    else:
        status = 400
    return render_template("events/form.html", form=form, unit_name=event.unit_name, event=event,
                           back=url_for("events.show", event_id=event.id)), status


def _back(event_id: str, anchor: str | None = None):
    return redirect(url_for("events.show", event_id=event_id, _anchor=anchor))


def _checked(form_class=ActionForm):
    form = form_class()
    if not form.validate_on_submit():
        abort(400)
    return form


@bp.post("/evenements/<event_id>/annuler")
@login_required
def cancel(event_id):
    _checked()
    if events.cancel(current_store(), current_user.id, event_id):
        flash(_("Événement annulé : les volontaires inscrits sont prévenus."), "success")
    else:
        flash(_("Cet événement était déjà annulé."), "warning")
    return _back(event_id)


@bp.post("/evenements/<event_id>/reponse")
@login_required
def answer(event_id):
    form = _checked(AnswerForm)
    try:
        events.answer(current_store(), current_user.id, event_id, form.answer.data or "")
    except Invalid as exc:
        flash(str(exc), "error")
    else:
        flash({"going": _("C’est noté : vous y allez."), "maybe": _("C’est noté : peut-être."),
               "no": _("C’est noté : vous n’y allez pas.")}[form.answer.data], "success")
    return _back(event_id, "reponse")


@bp.post("/evenements/<event_id>/taches")
@login_required
def add_task(event_id):
    form = TaskForm()
    if not form.validate_on_submit():
        if form.places.errors or form.title.errors:
            flash(_("Une tâche a un titre et entre 1 et %(n)d places.", n=events.MAX_PLACES), "error")
            return _back(event_id, "organisation")
        abort(400)
    try:
        task = events.add_task(current_store(), current_user.id, event_id, form.title.data, form.places.data,
                               form.description.data or "")
    except Invalid as exc:
        flash(str(exc), "error")
        return _back(event_id, "organisation")
    flash(_("Tâche ajoutée."), "success")
    return _back(event_id, f"tache-{task.id}")


def _task_event(task_id: str) -> str:
    return events.task_event_id(current_store(), task_id)


@bp.post("/taches/<task_id>/inscription")
@login_required
def sign_up(task_id):
    _checked()
    event_id = _task_event(task_id)
    try:
        done = events.sign_up(current_store(), current_user.id, task_id)
    except Invalid as exc:
        flash(str(exc), "error")
    else:
        flash(_("Merci ! Vous êtes inscrit·e.") if done.changed else _("Vous étiez déjà inscrit·e."),
              "success" if done.changed else "warning")
    return _back(event_id, f"tache-{task_id}")


@bp.post("/taches/<task_id>/desistement")
@login_required
def withdraw(task_id):
    _checked()
    event_id = _task_event(task_id)
    done = events.withdraw(current_store(), current_user.id, task_id)
    flash(_("Votre place est libérée.") if done.changed else _("Vous n’étiez pas inscrit·e."),
          "success" if done.changed else "warning")
    return _back(event_id, f"tache-{task_id}")


@bp.post("/taches/<task_id>/supprimer")
@login_required
def remove_task(task_id):
    _checked()
    event_id = _task_event(task_id)
    events.remove_task(current_store(), current_user.id, task_id)
    flash(_("Tâche supprimée : ses volontaires sont prévenus."), "success")
    return _back(event_id, "organisation")


@bp.post("/taches/<task_id>/places")
@login_required
def update_task(task_id):
    form = TaskForm()
    event_id = _task_event(task_id)
    if not form.validate_on_submit():
        flash(_("Une tâche a un titre et entre 1 et %(n)d places.", n=events.MAX_PLACES), "error")
        return _back(event_id, f"tache-{task_id}")
    try:
        events.update_task(current_store(), current_user.id, task_id, form.title.data, form.places.data,
                           form.description.data or "")
    except Invalid as exc:
        flash(str(exc), "error")
    else:
        flash(_("Tâche modifiée : ses volontaires sont prévenus."), "success")
    return _back(event_id, f"tache-{task_id}")


@bp.post("/taches/<task_id>/message")
@login_required
def message(task_id):
    form = MessageForm()
    event_id = _task_event(task_id)
    if not form.validate_on_submit():
        flash(_("Le message fait entre 1 et %(n)d caractères.", n=events.notifications.MAX_TITLE), "error")
        return _back(event_id, f"tache-{task_id}")
    try:
        told = events.message_volunteers(current_store(), current_user.id, task_id, form.text.data)
    except Invalid as exc:
        flash(str(exc), "error")
    else:
        flash(ngettext("Message envoyé à %(num)d volontaire.", "Message envoyé à %(num)d volontaires.", told), "success")
    return _back(event_id, f"tache-{task_id}")
