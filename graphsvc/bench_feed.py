"""The feed benchmark: a demo network with many posts and events, then the
news feed (`feed.page`) of members drawn at random, timed through graphsvc.

`add_posts` writes posts into the streams of an existing network (also used
by the demo seed, `seeds/demo_posts.py`): authors drawn with a heavy tail
(Pareto weights capped at 500 times the least active: a few members write
much, most little), 85 % in the author's section, 14 % in their federation,
1 % in the national stream (by a national team of 20); dates spread over the last
two years; one post in ten carries a YouTube link, one in fifty a SoundCloud
one. `add_events` adds events (each with one volunteer task) in sections and
federations. Both are batched `UNWIND` writes of 10,000 rows.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from graphsvc import embeds, feed
from graphsvc.posts import stream_week
from graphsvc.errors import Invalid
from graphsvc.store import Store

BATCH = 10_000
ID_PAGE = 50_000
YEAR_MS = 365 * 24 * 3600 * 1000
DAY_MS = 24 * 3600 * 1000
PLACES = {"section": 0.85, "federation": 0.14, "national": 0.01}
TEXTS = (
    "Tractage samedi matin au marché : qui vient ?",
    "Compte rendu de la réunion de section, merci à toutes et tous d'être venus.",
    "Belle soirée de débat hier sur le logement, la salle était pleine !",
    "Appel à volontaires pour tenir le stand à la fête de quartier.",
    "Le conseil municipal vote le budget jeudi : rendez-vous à 18 h devant la mairie.",
    "Pétition pour la réouverture de la ligne de bus : déjà 800 signatures.",
    "Merci aux camarades qui ont collé hier soir, malgré la pluie.",
    "Formation militante le mois prochain : inscrivez-vous auprès du secrétariat.",
    "À lire : notre tribune sur les services publics en zone rurale.",
    "Permanence ouverte mardi de 17 h à 19 h, venez nous voir.",
)
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class MemberPlace:
    id: str
    email: str
    section_id: str
    federation_id: str


@dataclass(frozen=True)
class Loaded:
    created: int
    seconds: float


@dataclass(frozen=True)
class Timings:
    """Milliseconds of a series of calls."""

    calls: int
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float


def timings(ms: list[float]) -> Timings:
    """Nearest-rank percentiles (p99 of 100 values is the 99th)."""
    ordered = sorted(ms)

    def rank(fraction: float) -> float:
        return ordered[min(max(math.ceil(round(fraction * len(ordered), 9)), 1), len(ordered)) - 1]

    return Timings(len(ms), round(rank(0.5), 3), round(rank(0.99), 3), round(sum(ms) / len(ms), 3), round(ordered[-1], 3))


@dataclass(frozen=True)
class FeedRun:
    first_page: Timings  # feed.page without a cursor (what /fil shows)
    next_page: Timings  # the page after the first one's cursor ("Voir plus")
    mean_items: float
    empty: int  # members whose first page was empty


def member_places(store: Store, page: int = ID_PAGE) -> list[MemberPlace]:
    """Every active member with their section and federation, in id order."""
    found: list[MemberPlace] = []
    after = ""
    while True:
        rows = store.read("feed/list_member_places", after=after, limit=page)
        found.extend(MemberPlace(**row) for row in rows)
        if len(rows) < page:
            return found
        after = found[-1].id


def _link(rng: random.Random) -> str | None:
    draw = rng.random()
    if draw < 0.10:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
        return "https://www.youtube.com/watch?v=" + "".join(rng.choice(alphabet) for _ in range(11))
    if draw < 0.12:
        return f"https://soundcloud.com/section-{rng.randrange(1000)}/meeting-{rng.randrange(100000)}"
    return None


def add_posts(store: Store, count: int, seed: int, now_ms: int | None = None,
              progress: Progress = _no_progress, people: list[MemberPlace] | None = None,
              links: bool = True) -> Loaded:
    """Write `count` posts by the network's members (see the module's notes);
    `links=False`: text only (the demo, whose made-up video ids would not play)."""
    if count < 0:
        raise Invalid("the number of posts must not be negative")
    people = member_places(store) if people is None else people
    if not people or not count:
        return Loaded(0, 0.0)
    started = time.monotonic()
    now_ms = now_ms or int(time.time() * 1000)
    rng = random.Random(f"coopol-posts:{seed}")
    heavy = np.random.default_rng(seed)
    weights = np.minimum(heavy.pareto(1.2, len(people)) + 1.0, 500.0)  # the most active write ~1,000 posts
    authors = heavy.choice(len(people), size=count, p=weights / weights.sum())
    national_team = rng.sample(range(len(people)), min(20, len(people)))
    created = 0
    for start in range(0, count, BATCH):
        rows = []
        for index in range(start, min(start + BATCH, count)):
            draw = rng.random()
            if draw < PLACES["section"]:
                author = people[int(authors[index])]
                place = author.section_id
            elif draw < PLACES["section"] + PLACES["federation"]:
                author = people[int(authors[index])]
                place = author.federation_id
            else:
                author = people[national_team[index % len(national_team)]]
                place = "national"
            created_at = now_ms - rng.randrange(2 * YEAR_MS)
            link = _link(rng) if links else None
            player = embeds.embed_for(link) if link else None
            rows.append({
                "id": f"p{seed}-{index:08d}",
                "author_id": author.id,
                "place_id": place,
                "text": rng.choice(TEXTS),
                "link_url": link,
                "embed_provider": player.provider if player else None,
                "embed_url": player.url if player else None,
                "created_at": created_at,
                "stream_week": stream_week(place, created_at),
            })
        created += store.write("posts/create_many", rows=rows)[0]["created"]
        progress("posts", created, count)
    return Loaded(created, time.monotonic() - started)


def add_events(store: Store, count: int, seed: int, now_ms: int | None = None,
               people: list[MemberPlace] | None = None) -> Loaded:
    """Write `count` events (90 % in sections, 10 % in federations), each with a task."""
    people = member_places(store) if people is None else people
    if not people or not count:
        return Loaded(0, 0.0)
    started = time.monotonic()
    now_ms = now_ms or int(time.time() * 1000)
    rng = random.Random(f"coopol-events:{seed}")
    created = 0
    for start in range(0, count, BATCH):
        rows = []
        for index in range(start, min(start + BATCH, count)):
            organiser = rng.choice(people)
            starts_at = now_ms + rng.randrange(-60, 90) * DAY_MS
            rows.append({
                "id": f"e{seed}-{index:07d}",
                "unit_id": organiser.section_id if rng.random() < 0.9 else organiser.federation_id,
                "organiser_id": organiser.id,
                "title": rng.choice(("Tractage au marché", "Réunion de section", "Porte-à-porte", "Débat public")),
                "starts_at": starts_at,
                "ends_at": starts_at + 2 * 3600 * 1000,
                "place": "Salle des fêtes",
                "created_at": starts_at - rng.randrange(1, 30) * DAY_MS,
                "places": rng.randrange(2, 12),
            })
        created += store.write("feed/bench_create_events", rows=rows)[0]["created"]
    return Loaded(created, time.monotonic() - started)


def run(store: Store, sample: list[str], limit: int = 20) -> FeedRun:
    """Time the first page of each sampled member's feed, then the page after it."""
    if not sample:
        raise Invalid("no members to query")
    first_ms: list[float] = []
    next_ms: list[float] = []
    items = 0
    empty = 0
    cursors: list[tuple[str, str]] = []
    for member_id in sample:
        started = time.perf_counter()
        page = feed.page(store, member_id, None, limit)
        first_ms.append((time.perf_counter() - started) * 1000)
        items += len(page.items)
        empty += not page.items
        if page.next_cursor:
            cursors.append((member_id, page.next_cursor))
    for member_id, cursor in cursors:
        started = time.perf_counter()
        feed.page(store, member_id, cursor, limit)
        next_ms.append((time.perf_counter() - started) * 1000)
    return FeedRun(
        first_page=timings(first_ms),
        next_page=timings(next_ms) if next_ms else timings([0.0]),
        mean_items=round(items / len(sample), 2),
        empty=empty,
    )
