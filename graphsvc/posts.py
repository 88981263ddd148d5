"""Posts: what members write in the streams of their party and on events.

A post is plain text (5,000 characters at most, line breaks kept) and/or one
link; a link to a video or a sound of an allowed provider is shown as its
player (`graphsvc.embeds`). Graph: `(:Post {id, text, link_url,
embed_provider, embed_url, created_at, edited_at, hidden_at,
hidden_reason})-[:IN]->(:OrgUnit|:Event)` and `(:Post)-[:BY]->(:Member)`.
The author keeps `last_posted_at`, the time of their newest post (set when
they post; a deleted post leaves it as it was, so it is an upper bound): the
feed skips the coopains who have posted nothing since its floor.

**Who may post where** (the rule a party expects, checked here):

| place | may post |
|---|---|
| a section's stream | its active members (adherents and sympathisants), and the animators above it (its manager, the federation's coordinators, national administrators) |
| a federation's stream | its active adherents, and its coordinators and national administrators |
| the national stream | national administrators only (the party's voice to everyone) |
| an event | the members the event is for (of its section, of its federation, everyone for a national event) and the animators above its unit; not on a hidden or cancelled event |

**Who may read a post**: the members of its stream (a section's members, a
federation's members, everyone for the national stream; for an event, the
members it is for), the author's coopains, and the animators above its unit.
Members blocked either way never see each other's posts. A post hidden by a
moderator (`hidden_at`, set by `graphsvc.moderation`) is seen only by its
author and the moderators of its unit, marked.

Authors edit and delete their own posts; a deleted post takes its comments
with it (the conversation was about it).
"""

from __future__ import annotations

import base64
import binascii
import calendar
import re
import time
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from graphsvc import accounts, admins, embeds, members, notifications
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.store import Store

if TYPE_CHECKING:
    from graphsvc.feed import Me

MAX_TEXT = 5000
MAX_PAGE = 50
# Line breaks, tabs, joiners (emoji, Indic scripts) and the left/right marks
# of mixed-direction text; bidi overrides and other invisible controls are refused.
ALLOWED_FORMAT = "\n\t\u200c\u200d\u200e\u200f"
NATIONAL = "national"


@dataclass(frozen=True)
class Post:
    id: str
    text: str
    link_url: str | None
    embed: embeds.Embed | None
    created_at: int
    edited_at: int | None
    hidden_at: int | None
    hidden_reason: str | None
    author_id: str
    author_name: str
    author_section: str | None
    place_id: str  # the unit or the event it was posted in
    place_name: str | None
    place_kind: str  # "section", "federation", "national" or "event"
    unit_id: str  # the unit it belongs to (an event's unit for a post on an event)
    comments: int  # visible comments

    kind = "post"  # in the feed, beside events

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.created_at, self.id)


@dataclass(frozen=True)
class Place:
    """Where a member may post, for the form's choice."""

    id: str
    name: str
    kind: str


def _id(value: object, what: str = "publication") -> str:
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable() or value != value.strip():
        raise NotFound(f"{what} introuvable")
    return value


def clean_text(raw: object) -> str:
    """A post's text: NFC, trimmed, line breaks kept (CRLF made LF, three or
    more blank lines made two), no control or invisible format character."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise Invalid("texte : du texte")
    if len(raw) > 4 * MAX_TEXT:
        raise Invalid(f"texte : {MAX_TEXT} caractères au plus")
    value = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    while "\n\n\n" in value:
        value = value.replace("\n\n\n", "\n\n")
    if len(value) > MAX_TEXT:
        raise Invalid(f"texte : {MAX_TEXT} caractères au plus ({len(value)} reçus)")
    for char in value:
        if char not in ALLOWED_FORMAT and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co"):
            raise Invalid("texte : caractère de contrôle refusé")
    return value


def _content(text: object, link: object, peertube_hosts: Iterable[str]) -> dict:
    body = clean_text(text)
    parsed = embeds.parse(link, peertube_hosts)
    if not body and parsed is None:
        raise Invalid("publication vide : écrivez un texte ou donnez un lien")
    embed = parsed.embed if parsed else None
    return {
        "text": body,
        "link_url": parsed.url if parsed else None,
        "embed_provider": embed.provider if embed else None,
        "embed_url": embed.url if embed else None,
    }


def from_row(row: dict) -> Post:
    fields = {key: row[key] for key in Post.__dataclass_fields__ if key != "embed"}
    fields["text"] = fields["text"] or ""
    return Post(embed=embeds.from_stored(row["embed_provider"], row["embed_url"]), **fields)


def _may_post(store: Store, actor_id: str, place: dict) -> bool:
    """The rule of who may post where (see the module's table)."""
    if place["actor_status"] != "active" or place["place_kind"] is None:
        return False
    unit, level = place["unit_id"], place["unit_level"]
    if place["place_kind"] == "event":
        if place["hidden_at"] is not None or place["cancelled_at"] is not None:
            return False
        if unit in (place["section_id"], place["federation_id"], NATIONAL):
            return True
    elif level == "section" and unit == place["section_id"]:
        return True
    elif level == "federation" and unit == place["federation_id"] and place["membership"] == "adherent":
        return True
    right = admins.authority(store, actor_id, unit)
    if level == "national" and place["place_kind"] == "unit":
        return right == "admin"
    return right is not None


def _place(store: Store, actor_id: str, place_id: str) -> dict:
    rows = store.read("posts/get_place", actor_id=_id(actor_id, "membre"), place_id=_id(place_id, "fil"))
    if not rows:
        raise NotFound("membre introuvable")
    return rows[0]


def may_post(store: Store, actor_id: str, place_id: str) -> bool:
    """Whether the member may post in this stream or on this event (to show the form)."""
    try:
        place = _place(store, actor_id, place_id)
    except NotFound:
        return False
    return _may_post(store, actor_id, place)


def create(store: Store, actor_id: str, place_id: str, text: str | None, link: str | None = None,
           *, peertube_hosts: Iterable[str] = embeds.DEFAULT_PEERTUBE_HOSTS) -> Post:
    """Post in a unit's stream or on an event; the author follows the conversation."""
    content = _content(text, link, peertube_hosts)
    place = _place(store, actor_id, place_id)
    if place["place_kind"] is None or (place["place_kind"] == "event" and place["hidden_at"] is not None):
        raise NotFound("fil introuvable")
    if not _may_post(store, actor_id, place):
        raise Forbidden(_refusal(place))
    post_id = members.new_id()
    now = accounts.now_ms()
    if place["place_kind"] == "event":
        rows = store.write("posts/create_on_event", post_id=post_id, actor_id=actor_id, place_id=place_id, now=now,
                           **content)
    else:
        rows = store.write("posts/create_in_unit", post_id=post_id, actor_id=actor_id, place_id=place_id, now=now,
                           stream_week=stream_week(place_id, now), **content)
    if not rows:
        raise NotFound("fil introuvable")
    notifications.follow(store, actor_id, post_id, auto=True)  # new comments will tell the author
    return get(store, actor_id, post_id)


def _refusal(place: dict) -> str:
    if place["place_kind"] == "event":
        if place["cancelled_at"] is not None:
            return "cet événement est annulé : on n'y publie plus"
        return "vous ne pouvez pas publier sur cet événement"
    return {
        "national": "seule l'équipe nationale publie dans le fil national",
        "federation": "seul·es les adhérent·es de la fédération et ses animateurs y publient",
    }.get(place["unit_level"], "seul·es les membres de la section et ses animateurs y publient")


def _readable(store: Store, viewer_id: str, row: dict) -> bool:
    if row["viewer_status"] != "active" or row["blocked"]:
        return False
    if row["author_id"] == viewer_id:
        return True
    right = admins.authority(store, viewer_id, row["unit_id"])
    if row["hidden_at"] is not None:
        return right is not None
    if row["coopains"] or right is not None:
        return True
    return row["unit_id"] in (row["viewer_section_id"], row["viewer_federation_id"], NATIONAL)


def get(store: Store, viewer_id: str, post_id: str) -> Post:
    """One post as the viewer may read it; `NotFound` when unknown or not theirs to read (same answer)."""
    rows = store.read("posts/get", post_id=_id(post_id), viewer_id=_id(viewer_id, "membre"))
    if not rows or not _readable(store, viewer_id, rows[0]):
        raise NotFound("publication introuvable")
    return from_row(rows[0])


def may_moderate(store: Store, viewer_id: str, post: Post) -> bool:
    return admins.authority(store, viewer_id, post.unit_id) is not None


def edit(store: Store, actor_id: str, post_id: str, text: str | None, link: str | None = None,
         *, peertube_hosts: Iterable[str] = embeds.DEFAULT_PEERTUBE_HOSTS) -> Post:
    """The author rewrites their post (text and link)."""
    content = _content(text, link, peertube_hosts)
    post = get(store, actor_id, post_id)
    if post.author_id != actor_id:
        raise Forbidden("seul·e l'auteur·e peut modifier sa publication")
    if not store.write("posts/edit", post_id=post.id, actor_id=actor_id, now=accounts.now_ms(), **content):
        raise NotFound("publication introuvable")
    return get(store, actor_id, post.id)


def delete(store: Store, actor_id: str, post_id: str) -> int:
    """The author deletes their post and the comments under it; returns how many comments went."""
    post = get(store, actor_id, post_id)
    if post.author_id != actor_id:
        raise Forbidden("seul·e l'auteur·e peut supprimer sa publication")
    rows = store.write("posts/delete", post_id=post.id, actor_id=actor_id)
    if not rows:
        raise NotFound("publication introuvable")
    return int(rows[0]["comments"])


def fill_last_posted_at(store: Store) -> int:
    """Set `Member.last_posted_at` on the members who have posts and none yet
    (a graph written before it was kept); how many were set. `coopol init` runs it."""
    return store.write("posts/fill_last_posted_at")[0]["members"]


# --- weeks of a stream (the feed's index) ----------------------------------------

WEEK_MS = 7 * 24 * 3600 * 1000
WINDOWS = (2, 8, 30)  # weeks read through the index, one query each while a page is not full


def week_of(ms: int) -> int:
    """The week of a moment, counted from the epoch."""
    return ms // WEEK_MS


def stream_week(unit_id: str, ms: int) -> str:
    """The key under which a post of a unit's stream is filed: "<unit id>:<week>"."""
    return f"{unit_id}:{week_of(ms)}"


def newest(store: Store, weeks_query: str, walk_query: str, unit_ids: Iterable[str], params: dict,
           **walk_args) -> list[dict]:
    """At most `params["limit"]` newest posts of some streams before the cursor.

    Weeks partition time: the streams' posts of the cursor's week and the one
    before come first (an index seek on `stream_week`), then those of the next
    windows of weeks (`WINDOWS`) while the page is not full, and only then are
    the streams walked below the last window (sparse streams get there; a
    busy one fills its page from its latest weeks)."""
    units = list(unit_ids)
    wanted = params["limit"]
    rows: list[dict] = []
    first = week_of(min(params["before_at"], accounts.now_ms()))
    for size in WINDOWS:
        buckets = [f"{unit}:{week}" for unit in units for week in range(first, first - size, -1)]
        rows += store.read(weeks_query, buckets=buckets, **dict(params, limit=wanted - len(rows)))
        first -= size
        if len(rows) >= wanted:
            return rows
    older = dict(params, limit=wanted - len(rows))
    below = (first + 1) * WEEK_MS  # the start of the oldest week read
    if below < params["before_at"]:
        older.update(before_at=below, before_id="")
    return rows + store.read(walk_query, **older, **walk_args)


# --- cursors ---------------------------------------------------------------------

FIRST = (2**62, "")  # before everything: the first page


def encode_cursor(created_at: int, item_id: str) -> str:
    """An opaque token for "the items after this one" (no offset: stable while people post)."""
    return base64.urlsafe_b64encode(f"{created_at}.{item_id}".encode()).decode().rstrip("=")


def decode_cursor(token: str | None) -> tuple[int, str]:
    """(created_at, id) of a token made by `encode_cursor`; `Invalid` for anything else."""
    if token is None or token == "":
        return FIRST
    if not isinstance(token, str) or len(token) > 200 or not re.fullmatch(r"[A-Za-z0-9_-]+", token):
        raise Invalid("curseur de pagination invalide : revenez au début du fil")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise Invalid("curseur de pagination invalide : revenez au début du fil") from None
    found = re.fullmatch(r"(\d{1,15})\.([0-9a-f]{32}|[A-Za-z0-9_-]{1,64})", raw)
    if not found:
        raise Invalid("curseur de pagination invalide : revenez au début du fil")
    return int(found.group(1)), found.group(2)


def _limit(limit: object) -> int:
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    return limit


@dataclass(frozen=True)
class Stream:
    """One page of a unit's stream or of an event's posts, and what the viewer may do there."""

    place: Place
    items: tuple[Post, ...]
    next_cursor: str | None  # None on the last page
    may_post: bool
    may_moderate: bool  # hidden posts are shown to them, marked


def stream(store: Store, viewer_id: str, place_id: str, cursor: str | None = None, limit: int = 20) -> Stream:
    """One page of a unit's stream or of an event's posts, newest first."""
    limit = _limit(limit)
    before_at, before_id = decode_cursor(cursor)
    place = _place(store, viewer_id, place_id)
    if place["place_kind"] is None or place["actor_status"] != "active":
        raise NotFound("fil introuvable")
    right = admins.authority(store, viewer_id, place["unit_id"])
    mine = place["unit_id"] in (place["section_id"], place["federation_id"], NATIONAL)
    if place["place_kind"] == "event" and place["hidden_at"] is not None and right is None:
        raise NotFound("fil introuvable")
    if not mine and right is None:
        # Another section's or federation's stream: only its people and animators read it.
        raise Forbidden("ce fil est réservé aux membres de cette section ou fédération")
    params = dict(viewer_id=viewer_id, show_hidden=right is not None, before_at=before_at, before_id=before_id,
                  limit=limit + 1)
    if place["place_kind"] == "event":
        rows = store.read("posts/list_event", event_id=place_id, **params)
    else:
        rows = newest(store, "posts/list_unit_weeks", "posts/list_unit", [place_id], params, unit_id=place_id)
    items = tuple(from_row(row) for row in rows[:limit])
    more = len(rows) > limit
    kind = "event" if place["place_kind"] == "event" else place["unit_level"]
    return Stream(
        place=Place(place_id, place["place_name"] or "", kind),
        items=items,
        next_cursor=encode_cursor(*items[-1].sort_key) if more else None,
        may_post=_may_post(store, viewer_id, place),
        may_moderate=right is not None,
    )


def places(store: Store, actor_id: str, me: Me | None = None) -> tuple[Place, ...]:
    """The streams a member may post in, from the nearest: section, federation, national.

    `me`: the member's row when the caller has it (`feed.page` returns it as
    `Feed.me`); the rule is then applied to it as `may_post` applies it to
    `posts/get_place`'s row, and only the rights it depends on are read
    (`admins.authority`: the national stream's, and the federation's for a
    sympathisant)."""
    from graphsvc import feed  # feed builds on this module

    if me is None or me.id != actor_id:
        me = feed.member(store, actor_id)
    candidates = (
        (me.section_id, me.section_name, "section"),
        (me.federation_id, me.federation_name, "federation"),
        (NATIONAL, None, "national"),
    )
    return tuple(Place(pid, name or "", kind) for pid, name, kind in candidates
                 if _may_post(store, me.id, _own_stream(me, pid, name, kind)))


def _own_stream(me: Me, unit_id: str, name: str | None, level: str) -> dict:
    """The row `posts/get_place` returns for one of the member's own streams
    (their section's, their federation's or the national one)."""
    return dict(actor_status=me.status, membership=me.membership, section_id=me.section_id,
                federation_id=me.federation_id, place_kind="unit", place_name=name, unit_id=unit_id,
                unit_level=level, hidden_at=None, cancelled_at=None)
