"""The suggestions speed benchmark (`coopol bench suggestions`).

For members drawn at random from a network (a demo network of 200,000 members
and 4 million links by default), `suggestions.for_member` — the top 10 with
their reasons, through graphsvc — is timed twice per member: the first call
computes the list and stores it (`compute`), the second reads the stored list
with every rule applied live (`read`, the figure of the page). Beside it, the
**baseline**: the same scores computed in-process with scipy sparse matrices
(`Baseline`: resource allocation as the member's row of A, weighted by
1/degree, times A; plus the section and federation terms; minus oneself,
coopains and the candidates the member may not see), the lower bound of what a query
engine could do with the graph in memory. `bench_http` measures the page
under concurrent load.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from typing import Callable

from graphsvc.errors import Invalid
from graphsvc.store.base import Store

ID_PAGE = 50_000


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


def store_degrees(store: Store) -> Degrees:
    """Store each member's number of coopains as `degree`; one write statement."""
    started = time.monotonic()
    row = store.write("suggestions/store_degrees")[0]
    return Degrees(members=int(row["members"] or 0), links=int(row["links"] or 0), seconds=time.monotonic() - started)


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


class CountingStore:
    """A store that counts the queries run through it (round trips to the graph)."""

    def __init__(self, store: Store):
        self.store = store
        self.calls = 0

    def read(self, name: str, **params):
        self.calls += 1
        return self.store.read(name, **params)

    def write(self, name: str, **params):
        self.calls += 1
        return self.store.write(name, **params)


@dataclass(frozen=True)
class Pass:
    """One call of `suggestions.for_member` per member."""

    timings: Timings
    round_trips: float  # queries per call, on average
    found: dict[str, list[str]]  # member -> suggested ids, best first
    client_cpu_ms: float = 0.0  # CPU time per call of this process (Python, driver)
    server_cpu_ms: float | None = None  # CPU time per call of the graph server, when it says


def time_suggestions(store: Store, members: list[str], limit: int = 10,
                     server_cpu: Callable[[], float | None] | None = None) -> Pass:
    """Call `suggestions.for_member` once per member, in order, timing each call.

    Besides the wall-clock time, the CPU time of this process and (given
    `server_cpu`, seconds used so far by the graph server) of the server, per
    call: on a machine shared with other jobs the wall-clock time mostly
    measures the wait for a core, the CPU time what the call costs."""
    from graphsvc import suggestions

    if not members:
        raise Invalid("no members to query")
    counting = CountingStore(store)
    ms: list[float] = []
    found: dict[str, list[str]] = {}
    server_before = server_cpu() if server_cpu else None
    cpu_before = time.process_time()
    for member_id in members:
        started = time.perf_counter()
        result = suggestions.for_member(counting, member_id, limit)
        ms.append((time.perf_counter() - started) * 1000)
        found[member_id] = [s.id for s in result]
    client = (time.process_time() - cpu_before) * 1000 / len(members)
    server_after = server_cpu() if server_cpu else None
    server = None
    if server_before is not None and server_after is not None:
        server = round((server_after - server_before) * 1000 / len(members), 3)
    return Pass(timings(ms), round(counting.calls / len(members), 2), found, round(client, 3), server)


# --- the in-process lower bound -------------------------------------------------

VISIBILITY_CODES = {"section": 0, "federation": 1, "members": 2}


@dataclass
class Network:
    """The graph in memory, members numbered in id order."""

    ids: list[str]
    index: dict[str, int]
    coopains: "scipy.sparse.csr_matrix"  # noqa: F821 - symmetric n x n, ones
    section: "np.ndarray"  # noqa: F821 - section number of each member (-1: none)
    federation: "np.ndarray"  # noqa: F821
    section_members: list  # section number -> member numbers
    federation_members: list
    visibility: "np.ndarray"  # noqa: F821 - VISIBILITY_CODES, -1 unknown
    open_to_sympathisants: "np.ndarray"  # noqa: F821
    adherent: "np.ndarray"  # noqa: F821
    eligible: "np.ndarray"  # noqa: F821 - active and suggestible
    seconds: float = 0.0  # reading it from the graph


def read_network(store: Store, page: int = 50_000) -> Network:
    """Every member with their place, choices and coopains, a page at a time."""
    import numpy as np
    from scipy import sparse

    started = time.monotonic()
    rows: list[dict] = []
    after = ""
    while True:
        batch = store.read("suggestions/list_member_links", after=after, limit=page)
        rows.extend(batch)
        if len(batch) < page:
            break
        after = batch[-1]["member_id"]
    ids = [r["member_id"] for r in rows]
    index = {member_id: i for i, member_id in enumerate(ids)}
    places: dict[str, int] = {}
    section = np.array([places.setdefault(r["section_id"], len(places)) if r["section_id"] else -1 for r in rows],
                       dtype=np.int32)
    feds: dict[str, int] = {}
    federation = np.array([feds.setdefault(r["federation_id"], len(feds)) if r["federation_id"] else -1 for r in rows],
                          dtype=np.int32)
    a = np.fromiter((index[r["member_id"]] for r in rows for _ in r["coopains"]), dtype=np.int64)
    b = np.fromiter((index[o] for r in rows for o in r["coopains"]), dtype=np.int64)
    n = len(ids)
    ones = np.ones(2 * len(a))
    coopains = sparse.csr_matrix((ones, (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
    coopains.sum_duplicates()
    coopains.data[:] = 1.0

    def groups(codes: np.ndarray, count: int) -> list:
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(count + 1))
        return [order[bounds[k]:bounds[k + 1]] for k in range(count)]

    return Network(
        ids=ids,
        index=index,
        coopains=coopains,
        section=section,
        federation=federation,
        section_members=groups(section, len(places)),
        federation_members=groups(federation, len(feds)),
        visibility=np.array([VISIBILITY_CODES.get(r["visibility"], -1) for r in rows], dtype=np.int8),
        open_to_sympathisants=np.array([bool(r["visible_to_sympathisants"]) for r in rows]),
        adherent=np.array([bool(r["adherent"]) for r in rows]),
        eligible=np.array([bool(r["active"]) and bool(r["suggestible"]) for r in rows]),
        seconds=time.monotonic() - started,
    )


class Baseline:
    """`suggestions.for_member`'s scores computed with scipy on the network in
    memory: resource allocation as row i of A weighted by 1/degree (0 above
    `max_degree`) times A, plus the section term (or the federation term when
    only the federation is shared), the weight over the place's members;
    oneself, coopains, inactive or unsuggestible members and those the member may not see by their
    visibility choice left out; best first, then by id. Not covered:
    animators' wider view, requests, blocks, dismissals (none in a demo
    network), address books and events (no data in a demo network)."""

    def __init__(self, network: Network, weights=None):
        import numpy as np

        from graphsvc import suggestions

        self.network = network
        self.weights = weights or suggestions.WEIGHTS
        degree = np.diff(network.coopains.indptr)
        usable = (degree >= 2) & (degree <= self.weights.max_degree)
        self.inv_degree = np.where(usable, 1.0 / np.maximum(degree, 1), 0.0)

    def top(self, member_id: str, limit: int = 10) -> list[tuple[str, float]]:
        import numpy as np
        from scipy import sparse

        from graphsvc import suggestions

        net, w = self.network, self.weights
        i = net.index[member_id]
        a = net.coopains
        mine = a.indices[a.indptr[i]:a.indptr[i + 1]]
        row = sparse.csr_matrix((self.inv_degree[mine], mine, [0, len(mine)]), shape=(1, a.shape[0]))
        resource_allocation = row @ a
        s, f = net.section[i], net.federation[i]
        same_section = net.section_members[s] if s >= 0 else np.empty(0, dtype=np.int64)
        same_federation = net.federation_members[f] if f >= 0 else np.empty(0, dtype=np.int64)
        places = suggestions.Places.sized(w, len(same_section), len(same_federation))
        same_federation = same_federation[net.section[same_federation] != s]
        candidates = np.concatenate([resource_allocation.indices, same_section, same_federation])
        values = np.concatenate([
            np.round(resource_allocation.data * w.coopains, 9),
            np.full(len(same_section), places.section),
            np.full(len(same_federation), places.federation),
        ])
        unique, inverse = np.unique(candidates, return_inverse=True)
        scores = np.bincount(inverse, weights=values)
        visibility = net.visibility[unique]
        seen = (
            (visibility == 2)
            | ((visibility == 1) & (net.federation[unique] == f))
            | ((visibility == 0) & (net.section[unique] == s))
        ) & (net.open_to_sympathisants[unique] | net.adherent[i])
        keep = (unique != i) & ~np.isin(unique, mine) & net.eligible[unique] & seen
        unique, scores = unique[keep], np.round(scores[keep], 9)
        best = np.lexsort((unique, -scores))[:limit]  # ids are numbered in id order: ties by id
        return [(net.ids[unique[j]], float(scores[j])) for j in best]


def time_baseline(baseline: Baseline, members: list[str], limit: int = 10) -> Pass:
    ms: list[float] = []
    cpu_before = time.process_time()
    found: dict[str, list[str]] = {}
    for member_id in members:
        started = time.perf_counter()
        result = baseline.top(member_id, limit)
        ms.append((time.perf_counter() - started) * 1000)
        found[member_id] = [member for member, _ in result]
    return Pass(timings(ms), 0.0, found, round((time.process_time() - cpu_before) * 1000 / len(members), 3))


def agreement(ours: dict[str, list[str]], theirs: dict[str, list[str]]) -> float:
    """Mean share of our top ids that the other ranking also has in its top."""
    shares = [len(set(ours[m]) & set(theirs[m])) / len(ours[m]) for m in ours if ours[m]]
    return round(sum(shares) / len(shares), 4) if shares else 1.0


def member_emails(store: Store, ids: list[str]) -> dict[str, str]:
    rows = store.read("suggestions/list_member_emails", ids=ids, limit=len(ids))
    return {r["member_id"]: r["email"] for r in rows}
