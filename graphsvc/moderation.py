"""Moderation: animators hide posts, comments and events of the units they
cover, with a reason kept in a log, and may show them again.

Who moderates what is `admins.authority` on the unit the conversation is in (a
post on an event is in the event's unit): a section's managers their section,
a federation's coordinators the federation and its sections, the national
administrators everything. Hidden content disappears for members and stays
visible, marked, to its author and to the moderators; an author who is not a
moderator may neither hide nor show it again.

Graph: `hidden_at`, `hidden_reason` on the Post, Comment or Event, and
`(:Moderation {id, at, action, reason, target_id, target_kind, unit_id,
federation_id})-[:BY]->(:Member)`: `unit_id` and `federation_id` say where the
target was, so each animator reads the log of what they cover. Hiding or showing
and logging are one statement.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

from graphsvc import accounts, admins, members
from graphsvc.errors import Conflict, Forbidden, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

MIN_REASON = 3
MAX_REASON = 500
MAX_PAGE = 100


@dataclass(frozen=True)
class Target:
    """A post, comment or event, where it is and who wrote it."""

    kind: str  # "post", "comment" or "event"
    id: str
    subject_id: str  # the conversation: the post or event itself, or the one a comment is on
    subject_kind: str  # "post" or "event"
    unit_id: str
    unit_level: str
    federation_id: str | None
    hidden_at: int | None
    hidden_reason: str | None
    author_id: str | None
    author_name: str | None
    excerpt: str | None
    title: str | None

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None


@dataclass(frozen=True)
class Action:
    id: str
    at: int
    action: str  # "hide" or "unhide"
    target_id: str
    target_kind: str
    reason: str


@dataclass(frozen=True)
class Entry:
    id: str
    at: int
    action: str
    reason: str
    target_id: str
    target_kind: str
    unit_id: str
    moderator_id: str
    moderator_name: str
    excerpt: str | None  # None when the target was deleted since
    author_name: str | None


@dataclass(frozen=True)
class LogPage:
    items: tuple[Entry, ...]
    next_cursor: str | None


def _id(value: object, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable():
        raise NotFound(f"{what} introuvable")
    return value


def target(store: Store, target_id: str) -> Target:
    """The post, comment or event `target_id` names; `NotFound` when none."""
    rows = store.read("moderation/get_target", target_id=_id(target_id, "contenu"))
    if not rows:
        raise NotFound("contenu introuvable")
    return Target(**rows[0])


def can_moderate(store: Store, member_id: str | None, unit_id: str) -> bool:
    """May this member hide and show content of this unit (held on it or above)?"""
    return admins.authority(store, member_id, unit_id) is not None


def may_see(store: Store, member_id: str | None, item: Target) -> bool:
    """Hidden content is seen by its author and its moderators only."""
    if not item.hidden:
        return True
    return bool(member_id) and (member_id == item.author_id or can_moderate(store, member_id, item.unit_id))


def clean_reason(raw: object) -> str:
    if not isinstance(raw, str):
        raise Invalid("motif : du texte")
    value = " ".join(unicodedata.normalize("NFC", raw).split())
    if len(value) < MIN_REASON:
        raise Invalid(f"motif : {MIN_REASON} caractères au moins, il est gardé au journal de modération")
    if len(value) > MAX_REASON:
        raise Invalid(f"motif : {MAX_REASON} caractères au plus")
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u200d" for ch in value):
        raise Invalid("motif : caractère de contrôle refusé")
    return value


def _apply(store: Store, actor_id: str, target_id: str, reason: str, hide: bool) -> Action:
    item = target(store, target_id)
    if not can_moderate(store, actor_id, item.unit_id):
        if actor_id and actor_id == item.author_id and not hide:
            raise Forbidden("seule la modération peut rendre visible un contenu masqué")
        raise Forbidden("vous ne modérez pas cette unité")
    text = clean_reason(reason)
    if item.hidden == hide:
        raise Conflict("ce contenu est déjà masqué" if hide else "ce contenu est déjà visible")
    now = accounts.now_ms()
    rows = store.write("moderation/apply", moderation_id=members.new_id(), actor_id=actor_id, target_id=item.id,
                       target_kind=item.kind, hide=hide, reason=text, unit_id=item.unit_id,
                       federation_id=item.federation_id, now=now)
    if not rows:
        # Another moderator acted between the read and the write.
        raise Conflict("ce contenu vient d'être modéré par quelqu'un d'autre")
    log.info("moderation: a %s %s in a %s unit", item.kind, "hidden" if hide else "shown again", item.unit_level)
    return Action(rows[0]["id"], rows[0]["at"], "hide" if hide else "unhide", item.id, item.kind, text)


def hide(store: Store, actor_id: str, target_id: str, reason: str) -> Action:
    """Hide a post, comment or event of a unit the actor moderates, with a reason."""
    return _apply(store, actor_id, target_id, reason, True)


def unhide(store: Store, actor_id: str, target_id: str, reason: str) -> Action:
    """Show again what was hidden; moderators only (never its author alone)."""
    return _apply(store, actor_id, target_id, reason, False)


def moderated_units(store: Store, member_id: str) -> list[admins.Right]:
    """The units whose log a member may read: those they animate."""
    return admins.rights(store, member_id) if member_id else []


def read_log(store: Store, actor_id: str, unit_id: str, *, cursor: str | None = None, limit: int = 50) -> LogPage:
    """One page of the moderation log of a unit the actor moderates, newest first."""
    if not can_moderate(store, actor_id, _id(unit_id, "unité")):
        raise Forbidden("vous ne modérez pas cette unité")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    before_at = before_id = None
    if cursor:
        at, _, before_id = str(cursor).partition(".")
        if not at.isdigit() or not before_id:
            raise Invalid("curseur de page invalide")
        before_at = int(at)
    rows = store.read("moderation/list_log", unit_id=unit_id, before_at=before_at, before_id=before_id,
                      limit=limit + 1)
    items = tuple(Entry(**row) for row in rows[:limit])
    return LogPage(items, f"{items[-1].at}.{items[-1].id}" if len(rows) > limit else None)
