"""Events and volunteers: what a section, a federation or the national level
organises, who comes, and who takes a place on its volunteer tasks.

Who may do what (checked here, with `admins.authority`):

- **create** an event in a unit: an animator covering it (the section's
  manager, the federation's coordinator for the federation and its sections,
  a national administrator everywhere);
- **run** an event (edit, cancel, add / edit / remove tasks, see who signed up,
  write to them): its organiser, or an animator covering its unit;
- **answer** (going / maybe / no) and **sign up** for a task: any active member.

An event is an announcement: its title, time, place and unit are public like
the names of sections (the `.ics` feeds need no login); its organiser and the
people who come are for logged-in members, names shown as each member's
profile is (`members.get_profile`'s rule), the others counted.

Graph: `(:Event)-[:IN]->(:OrgUnit)`, `(:Event)-[:BY]->(:Member)`,
`(:Member)-[:ANSWERED {answer, at}]->(:Event)`, `(:Task {places, taken})-[:OF]->(:Event)`,
`(:Member)-[:VOLUNTEERS {at}]->(:Task)`; added here: `Event.cancelled_at`,
`Event.updated_at`, `Task.updated_at`. A sign-up is one conditional write
that locks the task first (`events/sign_up`): never over-booked, on both engines.
Times are epoch milliseconds; pages show them in Europe/Paris.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from graphsvc import accounts, admins, members, notifications
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

ANSWERS = ("going", "maybe", "no")
MAX_TITLE = 120
MAX_DESCRIPTION = 5000
MAX_PLACE = 200
MAX_URL = 500
MAX_TASK_DESCRIPTION = 1000
MAX_MESSAGE = 1000
MAX_PLACES = 500
MAX_TASKS = 50
MAX_PAGE = 100
MAX_NAMES = 200
MAX_VOLUNTEERS = 5000
MAX_NOTIFIED = 50_000
MAX_DURATION_MS = 31 * 24 * 3600 * 1000
EARLIEST_MS = 946_684_800_000  # 2000-01-01
LATEST_MS = 4_102_444_800_000  # 2100-01-01
EVENT_PATH = "/evenements/{event_id}"
TASK_ANCHOR = "#tache-{task_id}"


@dataclass(frozen=True)
class EventInput:
    """What a creation or edit form gives: free text, times in epoch ms."""

    title: str
    starts_at: int
    ends_at: int
    description: str = ""
    place: str = ""
    online_url: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    description: str | None
    starts_at: int
    ends_at: int
    place: str | None
    online_url: str | None
    created_at: int | None
    updated_at: int | None
    cancelled_at: int | None
    hidden_at: int | None
    hidden_reason: str | None
    unit_id: str
    unit_name: str | None
    unit_level: str
    federation_number: str | None
    organiser_id: str | None  # None for an anonymous viewer, or when the organiser was erased
    organiser_name: str | None
    going: int
    maybe: int
    not_going: int
    my_answer: str | None
    may_run: bool  # the viewer may edit, cancel and run its tasks

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def path(self) -> str:
        return EVENT_PATH.format(event_id=self.id)


@dataclass(frozen=True)
class Summary:
    """An event in a list (agenda, my events, calendar feed)."""

    id: str
    title: str
    starts_at: int
    ends_at: int
    place: str | None
    online_url: str | None
    cancelled_at: int | None
    unit_id: str
    unit_name: str | None
    unit_level: str
    going: int

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


@dataclass(frozen=True)
class Page:
    items: tuple[Summary, ...]
    next_cursor: str | None  # pass it back for the following page; None at the end


@dataclass(frozen=True)
class Unit:
    """A section, a federation or the national level, with the units its agenda covers."""

    id: str
    name: str | None
    level: str
    federation_number: str | None
    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class Agenda:
    unit_id: str
    unit_name: str | None
    unit_level: str
    federation_number: str | None
    page: Page
    may_create: bool


@dataclass(frozen=True)
class Person:
    id: str
    display_name: str


@dataclass(frozen=True)
class Attendance:
    answer: str
    total: int  # active members who gave this answer
    people: tuple[Person, ...]  # those the viewer may see, by name (at most the limit)
    visible: int  # how many the viewer may see in all

    @property
    def hidden(self) -> int:
        return self.total - self.visible


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    description: str | None
    places: int
    taken: int
    mine: bool = False

    @property
    def left(self) -> int:
        return max(0, self.places - self.taken)

    @property
    def full(self) -> bool:
        return self.taken >= self.places


@dataclass(frozen=True)
class Volunteer:
    task_id: str
    member_id: str
    display_name: str
    at: int | None


@dataclass(frozen=True)
class SignUp:
    outcome: str  # signed_up, already, withdrawn, not_signed_up
    taken: int
    places: int

    @property
    def changed(self) -> bool:
        return self.outcome in ("signed_up", "withdrawn")


# --- input ---------------------------------------------------------------


def _id(value: object, what: str) -> str:
    """An id as the application makes them; anything else names nothing."""
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable() or value != value.strip():
        raise NotFound(f"{what} introuvable")
    return value


def _text(raw: object, field: str, max_length: int, *, required: bool = False, multiline: bool = False) -> str | None:
    """NFC, trimmed, at most `max_length` characters, no control or format
    character (line breaks allowed in `multiline` text); None when empty."""
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise Invalid(f"{field} : du texte")
    value = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").strip())
    if not value:
        if required:
            raise Invalid(f"{field} : obligatoire")
        return None
    if len(value) > max_length:
        raise Invalid(f"{field} : {max_length} caractères au plus")
    for char in value:
        if multiline and char == "\n":
            continue
        if unicodedata.category(char) in ("Cc", "Cf") and char != "\u200d":
            raise Invalid(f"{field} : caractère de contrôle refusé")
    return value


def clean_url(raw: object) -> str | None:
    """An online link: an http(s) address with a host, no space, no credentials."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if not isinstance(raw, str):
        raise Invalid("lien en ligne : du texte")
    value = raw.strip()
    if len(value) > MAX_URL:
        raise Invalid(f"lien en ligne : {MAX_URL} caractères au plus")
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in value):
        raise Invalid("lien en ligne : pas d'espace ni de caractère de contrôle")
    try:
        parts = urlsplit(value)
        host = parts.hostname
        credentials = parts.username is not None or parts.password is not None
        parts.port  # noqa: B018 — raises ValueError on a bad port
    except ValueError:
        raise Invalid("lien en ligne : adresse illisible") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise Invalid("lien en ligne : une adresse commençant par http:// ou https://")
    if credentials:
        raise Invalid("lien en ligne : pas d'identifiant ni de mot de passe dans l'adresse")
    return value


def _time(value: object, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not EARLIEST_MS <= value <= LATEST_MS:
        raise Invalid(f"{field} : une date entre 2000 et 2100")
    return value


def _details(data: EventInput, *, now: int, check_past: bool) -> dict:
    """The event's stored fields, checked; `Invalid` names the first problem."""
    starts_at = _time(data.starts_at, "début")
    ends_at = _time(data.ends_at, "fin")
    if ends_at <= starts_at:
        raise Invalid("la fin de l'événement doit venir après son début")
    if ends_at - starts_at > MAX_DURATION_MS:
        raise Invalid("un événement dure 31 jours au plus")
    if check_past and ends_at < now:
        raise Invalid("cet événement serait déjà terminé : vérifiez ses dates")
    place = _text(data.place, "lieu", MAX_PLACE)
    online_url = clean_url(data.online_url)
    if not place and not online_url:
        raise Invalid("indiquez un lieu ou un lien pour suivre l'événement en ligne")
    return {
        "title": _text(data.title, "titre", MAX_TITLE, required=True),
        "description": _text(data.description, "description", MAX_DESCRIPTION, multiline=True),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place,
        "online_url": online_url,
    }


def _places(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_PLACES:
        raise Invalid(f"nombre de places : entre 1 et {MAX_PLACES}")
    return value


def _limit(value: object, most: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
        raise Invalid(f"limit : entre 1 et {most}")
    return value


def _cursor(cursor: str | None) -> tuple[int, str]:
    """A list cursor is `<starts_at>.<event id>` of the last event seen."""
    if not cursor:
        return -1, ""
    start, _, event_id = str(cursor).partition(".")
    if not start.isdigit() or not event_id or len(cursor) > 130:
        raise Invalid("curseur de page illisible")
    return int(start), event_id


def _page(rows: list[dict], limit: int) -> Page:
    items = tuple(Summary(**row) for row in rows[:limit])
    more = len(rows) > limit
    return Page(items, f"{items[-1].starts_at}.{items[-1].id}" if more else None)


# --- rights --------------------------------------------------------------


def _event_row(store: Store, viewer_id: str | None, event_id: str) -> dict:
    rows = store.read("events/get", event_id=_id(event_id, "événement"), viewer_id=viewer_id or "")
    if not rows:
        raise NotFound("événement introuvable")
    return rows[0]


def _may_run(store: Store, actor_id: str | None, row: dict) -> bool:
    if not actor_id:
        return False
    return row["organiser_id"] == actor_id or admins.authority(store, actor_id, row["unit_id"]) is not None


def _require_run(store: Store, actor_id: str | None, row: dict) -> None:
    if not _may_run(store, actor_id, row):
        raise Forbidden("seuls l'organisateur et les responsables de l'unité peuvent gérer cet événement")


def may_create(store: Store, actor_id: str | None, unit_id: str) -> bool:
    return admins.authority(store, actor_id, unit_id) is not None


# --- events --------------------------------------------------------------


def get(store: Store, viewer_id: str | None, event_id: str) -> Event:
    """An event as the viewer sees it. A hidden event (moderation) is found only
    by those who may run it; an anonymous viewer gets no organiser."""
    row = _event_row(store, viewer_id, event_id)
    may_run = _may_run(store, viewer_id, row)
    if row["hidden_at"] is not None and not may_run:
        raise NotFound("événement introuvable")
    if not viewer_id:
        row.update(organiser_id=None, organiser_name=None)
    return Event(**row, may_run=may_run)


def create(store: Store, actor_id: str, unit_id: str, data: EventInput) -> Event:
    """A new event in a unit the actor animates; the section's members are told."""
    found = unit(store, unit_id)
    if not may_create(store, actor_id, unit_id):
        raise Forbidden("seuls les responsables de cette unité peuvent y créer un événement")
    now = accounts.now_ms()
    fields = _details(data, now=now, check_past=True)
    event_id = members.new_id()
    if not store.write("events/create", event_id=event_id, unit_id=unit_id, organiser_id=actor_id, now=now, **fields):
        raise NotFound("membre introuvable")
    log.info("events: event created in a %s", found.level)
    if found.level == "section":
        ids = [r["id"] for r in store.read("events/list_section_member_ids", section_id=unit_id, limit=MAX_NOTIFIED)]
        notifications.notify(store, ids, "event_created", actor_id=actor_id, subject_id=event_id,
                             subject_title=fields["title"], url=EVENT_PATH.format(event_id=event_id))
    notifications.follow(store, actor_id, event_id)
    return get(store, actor_id, event_id)


def update(store: Store, actor_id: str, event_id: str, data: EventInput) -> Event:
    """Edit an event (organiser or animator); its dates may stay in the past
    only when they do not change."""
    row = _event_row(store, actor_id, event_id)
    _require_run(store, actor_id, row)
    if row["cancelled_at"] is not None:
        raise Invalid("cet événement est annulé : il ne peut plus être modifié")
    moved = (data.starts_at, data.ends_at) != (row["starts_at"], row["ends_at"])
    fields = _details(data, now=accounts.now_ms(), check_past=moved)
    store.write("events/update", event_id=row["id"], now=accounts.now_ms(), **fields)
    return get(store, actor_id, row["id"])


def cancel(store: Store, actor_id: str, event_id: str) -> bool:
    """Cancel an event (organiser or animator); its volunteers are told. False
    when it was already cancelled."""
    row = _event_row(store, actor_id, event_id)
    _require_run(store, actor_id, row)
    [result] = store.write("events/cancel", event_id=row["id"], now=accounts.now_ms())
    if result["changed"]:
        notifications.notify(store, result["volunteer_ids"], "task_changed", actor_id=actor_id,
                             subject_id=row["id"], subject_title=row["title"],
                             url=EVENT_PATH.format(event_id=row["id"]))
    return bool(result["changed"])


def unit(store: Store, unit_id: str) -> Unit:
    """A unit and the units whose events its agenda shows: itself, those above
    it and, for a federation, its sections."""
    rows = store.read("events/unit_scope", unit_id=_id(unit_id, "unité"))
    if not rows:
        raise NotFound("unité introuvable")
    row = rows[0]
    return Unit(row["id"], row["name"], row["level"], row["federation_number"], tuple(row["unit_ids"]))


def agenda(store: Store, viewer_id: str | None, unit_id: str, *, cursor: str | None = None,
           limit: int = 20) -> Agenda:
    """The upcoming events a unit's members should see: the unit's, those of the
    units above it and, for a federation, of its sections; soonest first."""
    _limit(limit, MAX_PAGE)
    after_start, after_id = _cursor(cursor)
    found = unit(store, unit_id)
    listed = store.read("events/list_in_units", unit_ids=list(found.unit_ids), now=accounts.now_ms(),
                        after_start=after_start, after_id=after_id, limit=limit + 1)
    return Agenda(found.id, found.name, found.level, found.federation_number, _page(listed, limit),
                  may_create(store, viewer_id, found.id))


def calendar_events(store: Store, unit_id: str, *, since_ms: int, limit: int = 500) -> tuple[Unit, tuple[Summary, ...]]:
    """A unit's calendar feed: the events of its agenda ending at `since_ms` or later."""
    _limit(limit, 1000)
    found = unit(store, unit_id)
    listed = store.read("events/list_in_units", unit_ids=list(found.unit_ids), now=since_ms,
                        after_start=-1, after_id="", limit=limit)
    return found, tuple(Summary(**row) for row in listed)


def mine(store: Store, member_id: str, *, cursor: str | None = None, limit: int = 20) -> Page:
    """"Mes événements": upcoming events the member goes to (or may), organises or helps at."""
    _limit(limit, MAX_PAGE)
    after_start, after_id = _cursor(cursor)
    rows = store.read("events/list_mine", member_id=_id(member_id, "membre"), now=accounts.now_ms(),
                      after_start=after_start, after_id=after_id, limit=limit + 1)
    return _page(rows, limit)


# --- answers -------------------------------------------------------------


def answer(store: Store, actor_id: str, event_id: str, value: str) -> bool:
    """Going / maybe / no; answering again replaces the answer. True when it changed."""
    if value not in ANSWERS:
        raise Invalid(f"réponse : choisir parmi {', '.join(ANSWERS)}")
    row = _event_row(store, actor_id, event_id)
    if row["hidden_at"] is not None:
        raise NotFound("événement introuvable")
    if row["cancelled_at"] is not None:
        raise Invalid("cet événement est annulé")
    now = accounts.now_ms()
    if row["ends_at"] < now:
        raise Invalid("cet événement est terminé")
    rows = store.write("events/answer", member_id=_id(actor_id, "membre"), event_id=row["id"], answer=value, now=now)
    if not rows:
        raise NotFound("membre introuvable ou compte non activé")
    return bool(rows[0]["changed"])


def attendance(store: Store, viewer_id: str, event_id: str, value: str = "going",
               limit: int = MAX_NAMES) -> Attendance:
    """Who gave an answer, as the viewer may see them (logged-in members only)."""
    if value not in ANSWERS:
        raise Invalid(f"réponse : choisir parmi {', '.join(ANSWERS)}")
    _limit(limit, MAX_NAMES)
    event = get(store, viewer_id, event_id)
    rows = store.read("events/list_attendees", event_id=event.id, viewer_id=_id(viewer_id, "membre"),
                      answer=value, limit=limit)
    if not rows:
        return Attendance(value, 0, (), 0)
    row = rows[0]
    return Attendance(value, row["total"], tuple(Person(**p) for p in row["people"]), row["visible"])


# --- volunteer tasks -----------------------------------------------------


def _task_row(store: Store, task_id: str) -> dict:
    rows = store.read("events/get_task", task_id=_id(task_id, "tâche"))
    if not rows:
        raise NotFound("tâche introuvable")
    return rows[0]


def task_event_id(store: Store, task_id: str) -> str:
    """The event a task belongs to (the page to come back to)."""
    return _task_row(store, task_id)["event_id"]


def _task_fields(title: object, description: object, places: object) -> dict:
    return {
        "title": _text(title, "tâche", MAX_TITLE, required=True),
        "description": _text(description, "description de la tâche", MAX_TASK_DESCRIPTION, multiline=True),
        "places": _places(places),
    }


def _task_url(event_id: str, task_id: str) -> str:
    return EVENT_PATH.format(event_id=event_id) + TASK_ANCHOR.format(task_id=task_id)


def tasks(store: Store, viewer_id: str | None, event_id: str) -> tuple[Task, ...]:
    event = get(store, viewer_id, event_id)
    rows = store.read("events/list_tasks", event_id=event.id, viewer_id=viewer_id or "", limit=MAX_TASKS)
    return tuple(Task(**row) for row in rows)


def add_task(store: Store, actor_id: str, event_id: str, title: str, places: int, description: str = "") -> Task:
    row = _event_row(store, actor_id, event_id)
    _require_run(store, actor_id, row)
    if row["cancelled_at"] is not None:
        raise Invalid("cet événement est annulé")
    fields = _task_fields(title, description, places)
    if len(store.read("events/list_tasks", event_id=row["id"], viewer_id="", limit=MAX_TASKS)) >= MAX_TASKS:
        raise Invalid(f"{MAX_TASKS} tâches au plus par événement")
    task_id = members.new_id()
    store.write("events/add_task", task_id=task_id, event_id=row["id"], now=accounts.now_ms(), **fields)
    return Task(task_id, fields["title"], fields["description"], fields["places"], 0)


def update_task(store: Store, actor_id: str, task_id: str, title: str, places: int, description: str = "") -> Task:
    """Edit a task; its places never go below those taken. Its volunteers are told."""
    task = _task_row(store, task_id)
    _require_run(store, actor_id, _event_row(store, actor_id, task["event_id"]))
    fields = _task_fields(title, description, places)
    [result] = store.write("events/update_task", task_id=task["id"], now=accounts.now_ms(), **fields)
    if not result["updated"]:
        raise Invalid(f"{result['taken']} volontaires sont déjà inscrits : gardez au moins autant de places")
    notifications.notify(store, result["volunteer_ids"], "task_changed", actor_id=actor_id, subject_id=task["event_id"],
                         subject_title=fields["title"], url=_task_url(task["event_id"], task["id"]))
    return Task(task["id"], fields["title"], fields["description"], fields["places"], result["taken"])


def remove_task(store: Store, actor_id: str, task_id: str) -> int:
    """Delete a task and its sign-ups; its volunteers are told. Returns how many there were."""
    task = _task_row(store, task_id)
    _require_run(store, actor_id, _event_row(store, actor_id, task["event_id"]))
    rows = store.write("events/remove_task", task_id=task["id"])
    volunteer_ids = rows[0]["volunteer_ids"] if rows else []
    notifications.notify(store, volunteer_ids, "task_changed", actor_id=actor_id, subject_id=task["event_id"],
                         subject_title=task["title"], url=EVENT_PATH.format(event_id=task["event_id"]))
    return len(volunteer_ids)


def sign_up(store: Store, actor_id: str, task_id: str) -> SignUp:
    """Take a place on a task. A full task, a cancelled or finished event: `Invalid`;
    signing up twice changes nothing (`outcome` "already")."""
    task = _task_row(store, task_id)
    rows = store.write("events/sign_up", task_id=task["id"], member_id=_id(actor_id, "membre"), now=accounts.now_ms())
    if not rows:
        raise NotFound("membre introuvable ou compte non activé")
    row = rows[0]
    if row["outcome"] == "full":
        raise Invalid("cette tâche est complète : plus aucune place libre")
    if row["outcome"] == "closed":
        raise Invalid("les inscriptions sont closes : l'événement est annulé ou terminé")
    return SignUp(row["outcome"], row["taken"], row["places"])


def withdraw(store: Store, actor_id: str, task_id: str) -> SignUp:
    """Give one's place back; the organiser's view and the places left follow."""
    task = _task_row(store, task_id)
    [row] = store.write("events/withdraw", task_id=task["id"], member_id=_id(actor_id, "membre"))
    return SignUp("withdrawn" if row["withdrawn"] else "not_signed_up", row["taken"], row["places"])


def volunteers(store: Store, actor_id: str, event_id: str) -> tuple[Volunteer, ...]:
    """Who signed up for each task of an event: for those who run it."""
    row = _event_row(store, actor_id, event_id)
    _require_run(store, actor_id, row)
    return tuple(Volunteer(**r) for r in store.read("events/list_volunteers", event_id=row["id"], limit=MAX_VOLUNTEERS))


def message_volunteers(store: Store, actor_id: str, task_id: str, text: str) -> int:
    """Write to the volunteers of a task: a `task_message` notification each,
    whose title carries the message. Returns how many were told."""
    task = _task_row(store, task_id)
    _require_run(store, actor_id, _event_row(store, actor_id, task["event_id"]))
    message = _text(text, "message", notifications.MAX_TITLE, required=True)
    ids = [v.member_id for v in volunteers(store, actor_id, task["event_id"]) if v.task_id == task["id"]]
    if not ids:
        raise Invalid("personne n'est encore inscrit à cette tâche")
    return notifications.notify(store, ids, "task_message", actor_id=actor_id, subject_id=task["event_id"],
                                subject_title=message, url=_task_url(task["event_id"], task["id"]))
