"""Notifications: what happened that a member should know about, and the
conversations (posts, events) they follow.

Graph: `(:Notification {id, kind, at, read_at, actor_id, actor_name,
subject_id, subject_title, url})-[:FOR]->(:Member)` and
`(:Member)-[:FOLLOWS {since, auto}]->(:Post|:Event)`.

`notify` is the one way every area tells members something: one statement for
all the recipients (the actor, inactive members and members blocked either way
with the actor are skipped). A notification keeps the actor's name and the
subject's title as they were, so the list and the digest read without joins;
the text shown is rendered per `kind` in the reader's language by the web
templates and the digest, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from graphsvc import accounts, members
from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

KINDS = (
    "comment",
    "coopain_request",
    "coopain_accepted",
    "event_created",
    "task_changed",
    "task_message",
    "contact_joined",
    "contact_found",
)
MAX_TITLE = 120
MAX_URL = 500
MAX_PAGE = 100
MAX_MARK = 200
# Recipients written (or old notifications deleted) per statement: a national event reaches every member.
BATCH = 5_000
UNREAD_CAP = 100  # the header counts up to here ("99+")
RETENTION_DAYS = 120  # `coopol notifications purge` deletes older notifications


@dataclass(frozen=True)
class Notification:
    id: str
    kind: str
    at: int
    read_at: int | None
    actor_id: str | None
    actor_name: str | None
    subject_id: str | None
    subject_title: str
    url: str

    @property
    def read(self) -> bool:
        return self.read_at is not None


@dataclass(frozen=True)
class Page:
    items: tuple[Notification, ...]
    next_cursor: str | None  # pass it back to get the following page; None at the end


def _id(value: object, what: str = "membre") -> str:
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable():
        raise NotFound(f"{what} introuvable")
    return value


def short_title(value: object) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def check_url(value: object) -> str:
    url = str(value or "")
    # A path of this site only: notifications never send people elsewhere.
    if url and (not url.startswith("/") or url.startswith("//") or "\\" in url or len(url) > MAX_URL
                or not url.isprintable()):
        raise Invalid("lien de notification : un chemin du site")
    return url


def notify(
    store: Store,
    recipient_ids: Iterable[str],
    kind: str,
    *,
    actor_id: str | None = None,
    subject_id: str | None = None,
    subject_title: str = "",
    url: str = "",
) -> int:
    """Create one notification of `kind` for each recipient except the actor;
    returns how many were created (unknown, inactive or blocking members get none)."""
    if kind not in KINDS:
        raise Invalid(f"type de notification inconnu : choisir parmi {', '.join(KINDS)}")
    recipients = list(dict.fromkeys(r for r in recipient_ids if isinstance(r, str) and r and r != actor_id))
    params = {
        "kind": kind,
        "actor_id": actor_id,
        "subject_id": subject_id,
        "subject_title": short_title(subject_title),
        "url": check_url(url),
        "now": accounts.now_ms(),
    }
    created = 0
    for start in range(0, len(recipients), BATCH):
        items = [{"id": members.new_id(), "recipient": r} for r in recipients[start:start + BATCH]]
        created += store.write("notifications/create", items=items, **params)[0]["created"]
    return created


def follow(store: Store, member_id: str, subject_id: str, auto: bool = True) -> bool:
    """The member follows a post or an event (safe to repeat). `auto=False` is a
    follow by hand; an automatic follow never turns a manual one back to auto."""
    rows = store.write("notifications/follow", member_id=_id(member_id), subject_id=_id(subject_id, "conversation"),
                       auto=bool(auto), now=accounts.now_ms())
    if not rows or not rows[0]["following"]:
        raise NotFound("conversation introuvable")
    return True


def unfollow(store: Store, member_id: str, subject_id: str) -> bool:
    """Stop following; False when the member was not following."""
    rows = store.write("notifications/unfollow", member_id=_id(member_id), subject_id=_id(subject_id, "conversation"))
    return bool(rows and rows[0]["removed"])


def is_following(store: Store, member_id: str, subject_id: str) -> bool:
    return bool(store.read("notifications/get_following", member_id=_id(member_id),
                           subject_id=_id(subject_id, "conversation")))


def unread_count(store: Store, member_id: str) -> int:
    """Unread notifications, counted up to UNREAD_CAP (the badge shows "99+" beyond)."""
    return store.read("notifications/count_unread", member_id=_id(member_id), cap=UNREAD_CAP)[0]["unread"]


def purge(store: Store, older_than_days: int = RETENTION_DAYS) -> int:
    """Delete the notifications older than so many days (read or not), in
    batches; returns how many went. Keeps every member's list short, so the
    count and the first page stay fast."""
    if not isinstance(older_than_days, int) or isinstance(older_than_days, bool) or older_than_days < 1:
        raise Invalid("durée de conservation : un nombre de jours, 1 au moins")
    before = accounts.now_ms() - older_than_days * 24 * 3600 * 1000
    removed = 0
    while True:
        gone = store.write("notifications/purge_before", before=before, batch=BATCH)[0]["removed"]
        removed += gone
        if gone < BATCH:
            return removed


def _cursor(cursor: str | None) -> tuple[int | None, str | None]:
    if not cursor:
        return None, None
    at, _, last_id = str(cursor).partition(".")
    if not at.isdigit() or not last_id or len(last_id) > 100 or not last_id.isprintable():
        raise Invalid("curseur de page invalide")
    return int(at), last_id


def list_notifications(store: Store, member_id: str, *, cursor: str | None = None, limit: int = 30) -> Page:
    """One page of the member's notifications, newest first."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    before_at, before_id = _cursor(cursor)
    rows = store.read("notifications/list_for_member", member_id=_id(member_id),
                      before_at=before_at, before_id=before_id, limit=limit + 1)
    items = tuple(Notification(**row) for row in rows[:limit])
    more = len(rows) > limit
    return Page(items, f"{items[-1].at}.{items[-1].id}" if more else None)


def mark_read(store: Store, member_id: str, ids: Iterable[str] | str) -> int:
    """Mark notifications read: a list of ids, or "all". Every id must be one of
    the member's own notifications, else `NotFound` and nothing is marked.
    Returns how many were unread and are now read."""
    member = _id(member_id)
    now = accounts.now_ms()
    if ids == "all":
        return store.write("notifications/mark_all_read", member_id=member, now=now)[0]["marked"]
    if isinstance(ids, str):
        raise Invalid("notifications : une liste d'identifiants ou « all »")
    wanted = list(dict.fromkeys(_id(i, "notification") for i in ids))
    if not wanted:
        return 0
    if len(wanted) > MAX_MARK:
        raise Invalid(f"notifications : {MAX_MARK} au plus à la fois")
    rows = store.write("notifications/mark_read", member_id=member, ids=wanted, now=now)
    if not rows or rows[0]["found"] != len(wanted):
        raise NotFound("notification introuvable")
    return rows[0]["marked"]
