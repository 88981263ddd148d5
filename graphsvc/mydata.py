"""Vos données, votre choix: everything Coopol holds about a member, exported
as one JSON document, and erased for good (GDPR articles 15, 17 and 20).

- `export(store, member_id)` runs every query of `EXPORT_PARTS` and returns one
  JSON-able dict: `format`, `exported_at`, `member_id`, then one key per part.
  Secrets never leave: any property whose name ends in `_hash` (password,
  activation token, session ids) is dropped wherever it appears.
- `erase(store, member_id)` runs every query of `ERASE_STEPS` in order, each one
  write statement removing what only the member owns, the last one the member
  node; then `store.compact()` makes the erased data leave the disk (FalkorDB
  rewrites its append-only file; Neo4j checkpoints, see docs/design.md for what
  its transaction logs keep). Each step is safe to repeat: an erasure cut short
  (a crash, an outage) is finished by erasing again.
- `erase_account(...)`: the member's own request, confirmed by their password
  and a typed word. `find(store, id_or_email)`: the operators' look-up.

How to extend, when a feature stores more about members (posts, comments,
answers to events, volunteering, notifications...): one entry and one query
file each, no other code.

- Export: append `("key", "area/export_key")` to `EXPORT_PARTS` and write
  `queries/area/export_key.cypher`, a read taking `$member_id`. A query that
  lists things also takes `$limit` (the service gives `EXPORT_LIMIT`) and its
  rows become a list; one without `$limit` gives one object (its first row, or
  None). A row of a single column is that column's value.
- Erasure: insert `"area/erase_x"` into `ERASE_STEPS` before `mydata/erase_links`
  and write `queries/area/erase_x.cypher`: a write taking `$member_id` only,
  deleting (or anonymising) what the member owns in that area and returning
  one count (one column, `removed` by custom). Keep counters of others right
  in the same statement (a task's `taken` when a volunteer goes):
  `erase_links` drops every relationship left, without a thought for them.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

from graphsvc import accounts, identity, querylib
from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

FORMAT = "coopol-export/1"
EXPORT_LIMIT = 100_000  # per list: far above what a member makes, a bound all the same
SECRET_SUFFIX = "_hash"
CONFIRMATION_WORD = "SUPPRIMER"

EXPORT_PARTS: tuple[tuple[str, str], ...] = (
    ("profile", "mydata/export_profile"),
    ("choices", "mydata/export_choices"),
    ("section", "mydata/export_section"),
    ("mandates", "mydata/export_mandates"),
    ("sessions", "mydata/export_sessions"),
    ("coopains", "mydata/export_coopains"),
    ("requests_sent", "mydata/export_requests_sent"),
    ("requests_received", "mydata/export_requests_received"),
    ("blocked", "mydata/export_blocks"),
    ("dismissed_suggestions", "mydata/export_dismissed"),
    ("animation_rights", "mydata/export_animation_rights"),
    ("contacts", "contacts/export_member"),
    ("posts", "posts/export_member"),
    ("event_answers", "events/export_answers"),
    ("volunteering", "events/export_volunteering"),
    ("events_organised", "events/export_organised"),
    ("comments", "comments/export_member"),
    ("following", "notifications/export_follows"),
    ("notifications", "notifications/export_member"),
    ("dashboard_exports", "dashboard/export_member"),
)

ERASE_STEPS: tuple[str, ...] = (
    "mydata/erase_sessions",
    "mydata/erase_mandates",
    "contacts/erase_imports",
    "contacts/erase_hashes",
    "mydata/erase_notifications",
    "mydata/erase_notifications_caused",
    "comments/erase_member",
    "posts/erase_member",
    "events/erase_volunteering",
    "suggestions/erase_member",
    "mydata/erase_links",
    "mydata/erase_member",
)


@dataclass(frozen=True)
class Found:
    """A member as an operator finds them (by id or e-mail)."""

    id: str
    email: str
    display_name: str
    status: str


@dataclass(frozen=True)
class Erasure:
    member_id: str
    counts: tuple[tuple[str, int], ...]  # (step, what it removed), in the order run
    compacted: bool

    def removed(self, step: str) -> int:
        return dict(self.counts)[step]


def _member_id(value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable():
        raise NotFound("membre introuvable")
    return value


def _get(store: Store, member_id: str) -> Found:
    rows = store.read("mydata/get_member", member_id=_member_id(member_id))
    if not rows:
        raise NotFound("membre introuvable")
    return Found(**rows[0])


def find(store: Store, id_or_email: str) -> Found:
    """The member with this id, or with this e-mail address (normalised)."""
    value = (id_or_email or "").strip()
    if "@" in value:
        try:
            rows = store.read("members/get_by_email", email=identity.normalise_email(value))
        except Invalid:
            rows = []
        if not rows:
            raise NotFound("aucun membre avec cette adresse e-mail")
        value = rows[0]["id"]
    return _get(store, value)


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_secrets(v) for k, v in value.items() if not k.endswith(SECRET_SUFFIX)}
    if isinstance(value, list):
        return [_without_secrets(item) for item in value]
    return value


def _part(store: Store, name: str, member_id: str) -> Any:
    lists = "limit" in querylib.get(name, store.backend).params
    params = {"member_id": member_id, "limit": EXPORT_LIMIT} if lists else {"member_id": member_id}
    rows = [row[next(iter(row))] if len(row) == 1 else row for row in store.read(name, **params)]
    if lists:
        return rows
    return rows[0] if rows else None


def export(store: Store, member_id: str) -> dict[str, Any]:
    """Everything held about the member, as one JSON-able dict; `NotFound` if unknown."""
    found = _get(store, member_id)
    document: dict[str, Any] = {"format": FORMAT, "exported_at": accounts.now_ms(), "member_id": found.id}
    for key, name in EXPORT_PARTS:
        document[key] = _without_secrets(_part(store, name, found.id))
    return document


def erase(store: Store, member_id: str, *, compact: bool = True) -> Erasure:
    """Remove the member and what only they own, then compact the store.
    `NotFound` (and nothing changed) if the member is unknown or already erased."""
    found = _get(store, member_id)
    counts = []
    for name in ERASE_STEPS:
        rows = store.write(name, member_id=found.id)
        counts.append((name, next(iter(rows[0].values())) if rows else 0))
    if counts[-1][1] == 0:  # erased meanwhile by another request
        raise NotFound("membre introuvable")
    if compact:
        store.compact()
    log.info("mydata: one member erased in %d steps, store compacted: %s", len(counts), compact)
    return Erasure(found.id, tuple(counts), compact)


def is_confirmation(typed: str | None) -> bool:
    """Is this the confirmation word (any case, spaces around)?"""
    return unicodedata.normalize("NFC", (typed or "").strip()).upper() == CONFIRMATION_WORD


def erase_account(store: Store, member_id: str, password: str, confirmation: str, *, compact: bool = True) -> Erasure:
    """The member's own request: their password and the word `CONFIRMATION_WORD`
    typed out confirm it. `Invalid` with nothing erased when either is wrong."""
    found = _get(store, member_id)
    if not is_confirmation(confirmation):
        raise Invalid(f"tapez {CONFIRMATION_WORD} pour confirmer la suppression")
    try:
        authenticated = accounts.authenticate(store, found.email, password or "")
    except Invalid:
        authenticated = None
    if authenticated != found.id:
        raise Invalid("mot de passe incorrect")
    return erase(store, found.id, compact=compact)
