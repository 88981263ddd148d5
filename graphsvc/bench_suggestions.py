"""The suggestions benchmark: Adamic-Adar top-10 on a demo network, on either engine.

Candidates for a member are the coopains of their coopains who are not already
coopains and not the member; a candidate's score is the sum over common
coopains c of 1/ln(degree(c)) (Adamic & Adar), ranked by score, then id. The
degrees are stored on the members once (`suggestions/store_degrees`), and a
common coopain with more than `max_degree` coopains may be skipped (a cap on
the fan-out at hubs). Issue 4's suggestions extend `suggestions/adamic_adar_top`.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass

from graphsvc.errors import Invalid
from graphsvc.store.base import Store

NO_CAP = 2**62  # "no cap" as a plain integer both engines compare with
ID_PAGE = 50_000


@dataclass(frozen=True)
class Suggestion:
    member_id: str
    score: float
    common: int


@dataclass(frozen=True)
class Degrees:
    members: int
    links: int
    seconds: float


@dataclass(frozen=True)
class Timings:
    """Milliseconds of a series of queries."""

    queries: int
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float


@dataclass(frozen=True)
class SuggestionRun:
    max_degree: int | None  # None: no cap
    all: Timings  # every query, the first ones included
    warm: Timings  # without the first `warmup` queries
    warmup: int
    first_ms: float
    mean_candidates_returned: float
    empty: int  # members who got no suggestion


def store_degrees(store: Store) -> Degrees:
    """Store each member's number of coopains as `degree`; one write statement."""
    started = time.monotonic()
    row = store.write("suggestions/store_degrees")[0]
    return Degrees(members=int(row["members"] or 0), links=int(row["links"] or 0), seconds=time.monotonic() - started)


def adamic_adar_top(store: Store, member_id: str, limit: int = 10, max_degree: int | None = None) -> list[Suggestion]:
    """The `limit` best Adamic-Adar candidates for `member_id` (degrees must be stored)."""
    if not isinstance(limit, int) or not 1 <= limit <= 100:
        raise Invalid("limit must be an integer from 1 to 100")
    if max_degree is not None and (not isinstance(max_degree, int) or max_degree < 2):
        raise Invalid("max_degree must be an integer of at least 2 (a common coopain has two coopains)")
    rows = store.read(
        "suggestions/adamic_adar_top",
        member_id=member_id,
        max_degree=NO_CAP if max_degree is None else max_degree,
        limit=limit,
    )
    return [Suggestion(member_id=r["member_id"], score=float(r["score"]), common=int(r["common"])) for r in rows]


def member_ids(store: Store, page: int = ID_PAGE) -> list[str]:
    """Every member id, in id order."""
    ids: list[str] = []
    after = ""
    while True:
        rows = store.read("suggestions/list_member_ids", after=after, limit=page)
        ids.extend(r["member_id"] for r in rows)
        if len(rows) < page:
            return ids
        after = ids[-1]


def sample_members(store: Store, count: int, seed: int) -> list[str]:
    """`count` member ids drawn at random (without replacement while there are enough), fixed by `seed`."""
    ids = member_ids(store)
    if not ids:
        raise Invalid("the graph holds no members")
    rng = random.Random(f"coopol-bench-suggestions:{seed}")
    if count <= len(ids):
        return rng.sample(ids, count)
    return [rng.choice(ids) for _ in range(count)]


def percentile(sorted_ms: list[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values (p99 of 100 values is the 99th)."""
    if not sorted_ms:
        raise ValueError("no values")
    rank = math.ceil(round(fraction * len(sorted_ms), 9))
    return sorted_ms[min(max(rank, 1), len(sorted_ms)) - 1]


def timings(ms: list[float]) -> Timings:
    ordered = sorted(ms)
    return Timings(
        queries=len(ms),
        p50_ms=round(percentile(ordered, 0.50), 3),
        p99_ms=round(percentile(ordered, 0.99), 3),
        mean_ms=round(sum(ms) / len(ms), 3),
        max_ms=round(ordered[-1], 3),
    )


def run(store: Store, members: list[str], max_degree: int | None = None, warmup: int = 10, limit: int = 10) -> SuggestionRun:
    """Time one Adamic-Adar top-`limit` query per member, in order."""
    if not members:
        raise Invalid("no members to query")
    if not 0 <= warmup < len(members):
        raise Invalid(f"warmup must be from 0 to {len(members) - 1} (fewer than the queries)")
    ms: list[float] = []
    returned = 0
    empty = 0
    for member_id in members:
        started = time.perf_counter()
        found = adamic_adar_top(store, member_id, limit=limit, max_degree=max_degree)
        ms.append((time.perf_counter() - started) * 1000)
        returned += len(found)
        empty += not found
    return SuggestionRun(
        max_degree=max_degree,
        all=timings(ms),
        warm=timings(ms[warmup:]),
        warmup=warmup,
        first_ms=round(ms[0], 3),
        mean_candidates_returned=round(returned / len(members), 2),
        empty=empty,
    )
