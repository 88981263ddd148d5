"""Coopains: the links members make with the people they know.

The lifecycle: a member sends a request (with an optional message); the other
accepts or declines it, or the sender cancels it; coopains may remove the link;
anyone may block another member, which removes their link and pending requests
either way and stops any new request until it is lifted.

Graph: `(:Member)-[:REQUESTED {at, message}]->(:Member)` (who asked whom),
`(:Member)-[:COOPAIN {since}]->(:Member)` stored once per pair from the lower
id to the higher (two accepts at once merge the same link) and read without
direction, `(:Member)-[:BLOCKED {at}]->(:Member)` (who blocked whom).

Every operation is one write statement, guarded in the query itself, and safe
to repeat: the service reads the state first only to give a clear message
(`Invalid`, `NotFound`, `Forbidden`); a repeat changes nothing and says so
(`Outcome.changed`). A request to someone who already asked you accepts theirs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from graphsvc import accounts, members, notifications, suggestions
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.store import Store

MAX_MESSAGE = 500
MAX_PAGE = 200
MAX_COMMON = 50
STATES = ("none", "coopains", "requested_by_me", "requested_by_them", "blocked_by_me", "blocked_by_them")


@dataclass(frozen=True)
class Outcome:
    state: str  # the state after the operation, one of STATES
    changed: bool  # False when the operation had already been done


@dataclass(frozen=True)
class Person:
    id: str
    display_name: str
    section_id: str | None = None
    section_name: str | None = None
    since: int | None = None


@dataclass(frozen=True)
class Request:
    id: str  # the other member
    display_name: str
    section_name: str | None
    at: int | None
    message: str | None


@dataclass(frozen=True)
class Page:
    items: tuple
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class Counts:
    coopains: int
    received: int
    sent: int


@dataclass(frozen=True)
class Common:
    total: int
    people: tuple[Person, ...]


def _member_id(value: object) -> str:
    """An id as the application makes them; anything else is not a member."""
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable() or value != value.strip():
        raise NotFound("membre introuvable")
    return value


def _pair(actor_id: object, other_id: object) -> tuple[str, str]:
    actor, other = _member_id(actor_id), _member_id(other_id)
    if actor == other:
        raise Invalid("on ne peut pas être son propre coopain")
    return actor, other


def clean_message(raw: str | None) -> str | None:
    """A request's message: NFC, trimmed, 500 characters at most, line breaks
    allowed but no other control or format character; None when empty."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise Invalid("message : du texte")
    value = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").strip())
    if not value:
        return None
    if len(value) > MAX_MESSAGE:
        raise Invalid(f"message : {MAX_MESSAGE} caractères au plus")
    for char in value:
        if char != "\n" and unicodedata.category(char) in ("Cc", "Cf") and char != "\u200d":
            raise Invalid("message : caractère de contrôle refusé")
    return value


def _state(store: Store, viewer: str, other: str) -> str:
    rows = store.read("coopains/status", viewer_id=viewer, other_id=other)
    if not rows:
        raise NotFound("membre introuvable")
    row = rows[0]
    for key in ("blocked_by_me", "blocked_by_them", "coopains", "requested_by_them", "requested_by_me"):
        if row[key]:
            return key
    return "none"


def status(store: Store, viewer_id: str, other_id: str) -> str:
    """The link between the viewer and another member, one of STATES (`none` for oneself)."""
    viewer, other = _member_id(viewer_id), _member_id(other_id)
    if viewer == other:
        if not store.read("coopains/status", viewer_id=viewer, other_id=other):
            raise NotFound("membre introuvable")
        return "none"
    return _state(store, viewer, other)


def _refuse_blocked(state: str) -> None:
    if state == "blocked_by_me":
        raise Forbidden("vous avez bloqué ce membre : débloquez-le d'abord")
    if state == "blocked_by_them":
        raise Forbidden("ce membre ne peut pas recevoir votre demande")


def request(store: Store, actor_id: str, other_id: str, message: str | None = None) -> Outcome:
    """Ask another member (whose profile the actor may see) to become coopains."""
    actor, other = _pair(actor_id, other_id)
    text = clean_message(message)
    state = _state(store, actor, other)
    _refuse_blocked(state)
    if state == "coopains":
        return Outcome("coopains", False)
    if state == "requested_by_them":
        return accept(store, actor, other)
    if state == "requested_by_me":
        return Outcome("requested_by_me", False)
    if not members.can_see(store, actor, other):
        raise NotFound("membre introuvable")
    rows = store.write("coopains/request", actor_id=actor, other_id=other, message=text, now=accounts.now_ms())
    if not rows or not rows[0]["requested"]:
        # The state changed between the read and the write (a block, an accept...).
        return Outcome(_state(store, actor, other), False)
    notifications.notify(store, [other], "coopain_request", actor_id=actor, subject_id=actor, url="/coopains/demandes")
    return Outcome("requested_by_me", True)


def accept(store: Store, actor_id: str, other_id: str) -> Outcome:
    """Accept the other member's request; accepting again changes nothing."""
    actor, other = _pair(actor_id, other_id)
    state = _state(store, actor, other)
    _refuse_blocked(state)
    if state == "coopains":
        return Outcome("coopains", False)
    if state != "requested_by_them":
        raise NotFound("aucune demande de ce membre")
    low, high = sorted((actor, other))
    rows = store.write("coopains/accept", actor_id=actor, other_id=other, low_id=low, high_id=high, now=accounts.now_ms())
    if not rows or not rows[0]["linked"]:
        return Outcome(_state(store, actor, other), False)
    notifications.notify(store, [other], "coopain_accepted", actor_id=actor, subject_id=actor, url=f"/membres/{actor}")
    suggestions.links_changed(store, actor, other)
    return Outcome("coopains", True)


def _undo(store: Store, query: str, key: str, actor_id: str, other_id: str, before: str, after: str) -> Outcome:
    actor, other = _pair(actor_id, other_id)
    state = _state(store, actor, other)
    if state != before:
        return Outcome(state, False)
    rows = store.write(query, actor_id=actor, other_id=other)
    changed = bool(rows and rows[0][key])
    if changed and before == "coopains":
        suggestions.links_changed(store, actor, other)
    elif changed:  # a request or a block lifted: each may be suggested to the other again
        suggestions.mark_stale(store, [actor, other])
    return Outcome(after if changed else _state(store, actor, other), changed)


def decline(store: Store, actor_id: str, other_id: str) -> Outcome:
    """Decline the other member's request (they may ask again)."""
    return _undo(store, "coopains/decline", "declined", actor_id, other_id, "requested_by_them", "none")


def cancel(store: Store, actor_id: str, other_id: str) -> Outcome:
    """Withdraw one's own pending request."""
    return _undo(store, "coopains/cancel", "cancelled", actor_id, other_id, "requested_by_me", "none")


def remove(store: Store, actor_id: str, other_id: str) -> Outcome:
    """Stop being coopains."""
    return _undo(store, "coopains/remove", "removed", actor_id, other_id, "coopains", "none")


def unblock(store: Store, actor_id: str, other_id: str) -> Outcome:
    """Lift one's own block (a block by the other stays)."""
    return _undo(store, "coopains/unblock", "unblocked", actor_id, other_id, "blocked_by_me", "none")


def block(store: Store, actor_id: str, other_id: str) -> Outcome:
    """Block another member: their link and requests go; neither sees the other."""
    actor, other = _pair(actor_id, other_id)
    state = _state(store, actor, other)
    if state == "blocked_by_me":
        return Outcome("blocked_by_me", False)
    store.write("coopains/block", actor_id=actor, other_id=other, now=accounts.now_ms())
    if state == "coopains":
        suggestions.links_changed(store, actor, other)
    return Outcome("blocked_by_me", True)


def _page_args(limit: object, offset: object) -> None:
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise Invalid("offset : un entier positif ou nul")


def count(store: Store, member_id: str) -> Counts:
    """A member's number of coopains and of pending requests received and sent."""
    rows = store.read("coopains/counts", member_id=_member_id(member_id))
    if not rows:
        raise NotFound("membre introuvable")
    return Counts(**rows[0])


def list_coopains(store: Store, member_id: str, limit: int = 50, offset: int = 0) -> Page:
    """One page of a member's coopains, by name; `total` counts them all."""
    _page_args(limit, offset)
    total = count(store, member_id).coopains
    rows = store.read("coopains/list_coopains", member_id=member_id, offset=offset, limit=limit) if total > offset else []
    return Page(tuple(Person(**row) for row in rows), total, offset, limit)


def requests_received(store: Store, member_id: str, limit: int = 50, offset: int = 0) -> Page:
    """One page of the requests a member received, newest first."""
    _page_args(limit, offset)
    total = count(store, member_id).received
    rows = store.read("coopains/list_received", member_id=member_id, offset=offset, limit=limit) if total > offset else []
    return Page(tuple(Request(**row) for row in rows), total, offset, limit)


def requests_sent(store: Store, member_id: str, limit: int = 50, offset: int = 0) -> Page:
    """One page of the requests a member sent and still pending, newest first."""
    _page_args(limit, offset)
    total = count(store, member_id).sent
    rows = store.read("coopains/list_sent", member_id=member_id, offset=offset, limit=limit) if total > offset else []
    return Page(tuple(Request(**row) for row in rows), total, offset, limit)


def common(store: Store, viewer_id: str, other_id: str, limit: int = 3) -> Common:
    """The coopains the viewer shares with another member: the total and up to `limit` names."""
    viewer, other = _member_id(viewer_id), _member_id(other_id)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 <= limit <= MAX_COMMON:
        raise Invalid(f"limit : entre 0 et {MAX_COMMON}")
    if viewer == other:
        return Common(0, ())
    rows = store.read("coopains/common", viewer_id=viewer, other_id=other, limit=limit)
    if not rows:
        return Common(0, ())
    return Common(rows[0]["total"], tuple(Person(**p) for p in rows[0]["people"] if p))


@dataclass(frozen=True)
class Blocked:
    id: str
    display_name: str
    at: int | None


def blocked(store: Store, member_id: str, limit: int = 50, offset: int = 0) -> tuple[Blocked, ...]:
    """The members one has blocked (their profiles are hidden: here one lifts a block)."""
    _page_args(limit, offset)
    rows = store.read("coopains/list_blocked", member_id=_member_id(member_id), offset=offset, limit=limit)
    return tuple(Blocked(**row) for row in rows)
