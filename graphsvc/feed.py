"""The news feed ("Fil d'actu"): what happens around a member, newest first.

It merges the posts of their section's, federation's and the national
streams, the posts of their coopains (wherever they posted) and their own,
and the events announced in their section, federation and at the national
level. Hidden posts and events are out (a member's own hidden posts stay,
marked); members blocked either way are out.

Pagination is by cursor: the token names the last item shown (its
`created_at` and id), the next page is what comes strictly before it in
(created_at, id) order, so a page never repeats or skips an item while
people post. Each query is cut at `limit + 1` before its rows are
described, and they are merged here and cut at `limit`:

- `feed/list_stream_posts`: the posts of the member's three streams filed
  under the cursor's week and the week before (`Post.stream_week`,
  indexed: a seek, not a walk through the thousands of posts of the
  national or a federation's stream), then the next 8 and 30 weeks while
  the page is not full; only then does `feed/list_stream_posts_older` walk
  the streams below them;
- `feed/list_coopain_posts`: the coopains' posts and the member's own, only
  those of the authors whose newest post (`last_posted_at`, read with the
  member) is above the floor: most pages need no such read at all;
- `feed/list_events`: the events of the three units.

Weeks partition time, so the newest posts of a few weeks are the newest
posts overall whenever they fill the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphsvc import posts
from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

MAX_PAGE = posts.MAX_PAGE


@dataclass(frozen=True)
class Me:
    id: str
    display_name: str
    status: str
    membership: str
    section_id: str
    section_name: str
    federation_id: str
    federation_name: str
    federation_number: str
    coopains: int
    # (id, time of their newest post) of the active coopains and the member, those who have posted
    authors: tuple[tuple[str, int], ...]
    blocked: tuple[str, ...]  # members blocked either way: out of the feed


@dataclass(frozen=True)
class EventItem:
    id: str
    title: str
    description: str | None
    starts_at: int
    ends_at: int | None
    place: str | None
    online_url: str | None
    cancelled_at: int | None
    created_at: int
    organiser_id: str | None
    organiser_name: str | None
    unit_id: str
    unit_name: str | None
    unit_level: str
    going: int
    places_left: int  # volunteer places still free over all its tasks
    tasks: int
    comments: int

    kind = "event"

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.created_at, self.id)


@dataclass(frozen=True)
class Feed:
    me: Me  # whose feed it is (the page greets them and links their streams)
    items: tuple[posts.Post | EventItem, ...]
    next_cursor: str | None  # None on the last page


def member(store: Store, member_id: str) -> Me:
    """The member a feed is for, with their section and federation; `NotFound` unless active."""
    if not isinstance(member_id, str) or not member_id or len(member_id) > 100:
        raise NotFound("membre introuvable")
    rows = store.read("feed/get_member", member_id=member_id)
    if not rows or rows[0]["status"] != "active":
        raise NotFound("membre introuvable")
    row = dict(rows[0])
    posted = [(row["id"], row.pop("last_posted_at"))] + [(c, at) for c, at in row["coopains"]]
    return Me(**dict(row, coopains=len(row["coopains"]), blocked=tuple(row["blocked"]),
                     authors=tuple((author, at) for author, at in posted if at is not None)))


def page(store: Store, member_id: str, cursor: str | None = None, limit: int = 20) -> Feed:
    """One page of the member's feed, newest first, after `cursor` (None: the first page)."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    before_at, before_id = posts.decode_cursor(cursor)
    me = member(store, member_id)
    wanted = limit + 1  # one more than shown: is there a next page?
    params = dict(member_id=me.id, before_at=before_at, before_id=before_id, limit=wanted)
    found: dict[str, posts.Post | EventItem] = {}
    blocked = list(me.blocked)
    for row in _stream_posts(store, me, dict(params, blocked=blocked)):
        found.setdefault(row["id"], posts.from_row(row))
    floor = _floor(found, wanted)
    authors = [author for author, newest in me.authors if newest >= floor["floor_at"]]
    if authors:  # someone's newest post can still enter the page
        for row in store.read("feed/list_coopain_posts", **params, authors=authors, **floor):
            found.setdefault(row["id"], posts.from_row(row))
    for row in store.read("feed/list_events", **params, blocked=blocked, **_floor(found, wanted)):
        found.setdefault(row["id"], EventItem(**row))
    ordered = sorted(found.values(), key=lambda item: item.sort_key, reverse=True)
    items = tuple(ordered[:limit])
    more = len(ordered) > limit
    return Feed(me, items, posts.encode_cursor(*items[-1].sort_key) if more else None)


def _floor(found: dict, wanted: int) -> dict:
    """The oldest item that still makes the page among those found: an item
    older than it has `wanted` newer ones, so the next reads skip it (and do
    not describe it). Before `wanted` items are found, no floor."""
    if len(found) < wanted:
        return dict(floor_at=-1, floor_id="")
    floor_at, floor_id = sorted((item.sort_key for item in found.values()), reverse=True)[wanted - 1]
    return dict(floor_at=floor_at, floor_id=floor_id)


def _stream_posts(store: Store, me: Me, params: dict) -> list[dict]:
    """The newest posts of the member's section, federation and national streams
    before the cursor (`posts.newest`: their latest weeks through the index,
    a walk of the streams only when those do not fill the page)."""
    return posts.newest(store, "feed/list_stream_posts", "feed/list_stream_posts_older",
                        (me.section_id, me.federation_id, posts.NATIONAL), params)
