"""The suggestion-quality benchmark: do the suggestions find hidden coopain links?

For a network (a list of pairs), 10 % of the links are hidden (a fixed seed),
the rest is loaded into a graph, and for a fixed random sample of the members
who lost at least one link, the top 10 of three rankings is compared with the
hidden links:

- **ours**: `suggestions.for_member(store, member_id, limit=10)` on the graph
  (all its signals: common coopains, section, federation; its exclusions);
- **adamic_adar** and **common_neighbours**: networkx on the same remaining
  links (candidates: members two links away, not linked yet; ties by id).

precision@10 = hidden links found in the top 10 / 10; recall@10 = hidden links
found / the member's hidden links; both averaged over the members evaluated.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from graphsvc.errors import Invalid
from graphsvc.store.base import Store

if TYPE_CHECKING:
    import networkx as nx

K = 10
HIDDEN_SHARE = 0.10
DATASETS = ("ego-facebook", "demo")
EGO_FACEBOOK = "/work/shared/data/facebook_combined.txt"
DEMO_MEMBERS = 5_000

Ranking = Callable[[str], list[str]]
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class Scores:
    precision_at_10: float
    recall_at_10: float


@dataclass(frozen=True)
class Split:
    kept: tuple[tuple[str, str], ...]
    hidden: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DatasetResult:
    members: int
    links: int
    hidden: int
    evaluated: int  # members whose suggestions were compared with their hidden links
    seed: int
    load_seconds: float
    ours_seconds: float
    ours: Scores
    adamic_adar: Scores
    common_neighbours: Scores
    variants: dict[str, Scores]  # ours with other weights (`--weights`), by label


def split(pairs: Iterable[tuple[str, str]], seed: int, share: float = HIDDEN_SHARE) -> Split:
    """Hide `share` of the links (at least one when there are two or more), drawn with `seed`."""
    ordered = sorted({(a, b) if a < b else (b, a) for a, b in pairs})
    if len(ordered) < 2:
        raise Invalid("at least two links are needed to hide some")
    count = max(1, round(len(ordered) * share))
    hidden = set(random.Random(f"coopol-quality:{seed}").sample(ordered, count))
    return Split(
        kept=tuple(p for p in ordered if p not in hidden),
        hidden=tuple(p for p in ordered if p in hidden),
    )


def hidden_by_member(hidden: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for a, b in hidden:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return found


def sample(members: Iterable[str], count: int, seed: int) -> list[str]:
    """A fixed random sample of `count` members (all of them if fewer), in id order."""
    ordered = sorted(members)
    if count >= len(ordered):
        return ordered
    return sorted(random.Random(f"coopol-quality-sample:{seed}").sample(ordered, count))


def score(rank: Ranking, members: list[str], hidden: dict[str, set[str]], k: int = K) -> Scores:
    """Mean precision@k and recall@k of `rank` (a member id -> ranked ids) over `members`."""
    if not members:
        raise Invalid("no member to evaluate")
    precision = recall = 0.0
    for member in members:
        top = rank(member)[:k]
        hits = len(set(top) & hidden[member])
        precision += hits / k
        recall += hits / len(hidden[member])
    return Scores(round(precision / len(members), 4), round(recall / len(members), 4))


def baseline(graph: nx.Graph, method: str, k: int = K) -> Ranking:
    """networkx's Adamic-Adar or common-neighbours top k on `graph`, best first, then by id."""
    import networkx as nx

    if method not in ("adamic_adar", "common_neighbours"):
        raise ValueError(f"unknown baseline {method!r}")

    def rank(member: str) -> list[str]:
        if member not in graph:
            return []
        neighbours = set(graph[member])
        candidates = sorted({c for n in neighbours for c in graph[n]} - neighbours - {member})
        if method == "adamic_adar":
            scored = ((v, p) for _, v, p in nx.adamic_adar_index(graph, [(member, c) for c in candidates]))
        else:
            scored = ((v, len(list(nx.common_neighbors(graph, member, v)))) for v in candidates)
        ranked = sorted(((round(p, 9), v) for v, p in scored), key=lambda item: (-item[0], item[1]))
        return [v for _, v in ranked[:k]]

    return rank


def ours(store: Store, k: int = K, weights=None) -> Ranking:
    from graphsvc import suggestions

    def rank(member: str) -> list[str]:
        return [s.id for s in suggestions.for_member(store, member, limit=k, weights=weights)]

    return rank


def evaluate(
    store: Store,
    nodes: Iterable[str],
    the_split: Split,
    members: int,
    seed: int,
    load_seconds: float,
    progress: Progress = _no_progress,
    variants: dict | None = None,
) -> DatasetResult:
    """Compare the three rankings on a graph already holding `the_split.kept`
    (and ours with each of `variants`, label -> suggestions.Weights)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(the_split.kept)
    hidden = hidden_by_member(the_split.hidden)
    chosen = sample(hidden, members, seed)
    ranked_by_us: dict[str, list[str]] = {}
    started = time.monotonic()
    rank = ours(store)
    for done, member in enumerate(chosen, start=1):
        ranked_by_us[member] = rank(member)
        progress("suggestions", done, len(chosen))
    ours_seconds = time.monotonic() - started
    return DatasetResult(
        members=graph.number_of_nodes(),
        links=len(the_split.kept) + len(the_split.hidden),
        hidden=len(the_split.hidden),
        evaluated=len(chosen),
        seed=seed,
        load_seconds=round(load_seconds, 2),
        ours_seconds=round(ours_seconds, 2),
        ours=score(ranked_by_us.__getitem__, chosen, hidden),
        adamic_adar=score(baseline(graph, "adamic_adar"), chosen, hidden),
        common_neighbours=score(baseline(graph, "common_neighbours"), chosen, hidden),
        variants={label: score(ours(store, weights=w), chosen, hidden) for label, w in (variants or {}).items()},
    )


def run_edgelist(store: Store, path: str, members: int, seed: int, progress: Progress = _no_progress,
                 variants: dict | None = None) -> DatasetResult:
    """An edge-list file: its kept links loaded by `coopol load-edgelist`'s loader (one import section)."""
    from graphsvc import edgelist

    edges = edgelist.read_file(path)
    the_split = split(edges.pairs, seed)
    started = time.monotonic()
    kept = edgelist.EdgeList(edges.nodes, the_split.kept, edges.lines, edges.self_links, edges.repeated)
    edgelist.load(store, kept, progress=progress)
    return evaluate(store, edges.nodes, the_split, members, seed, time.monotonic() - started, progress, variants)


def run_demo(store: Store, size: int, members: int, seed: int, progress: Progress = _no_progress,
             variants: dict | None = None) -> DatasetResult:
    """A generated demo network of `size` members over the real sections; its kept links loaded."""
    import numpy as np

    from graphsvc import bulk
    from seeds import demo

    store.apply_schema()
    if store.read("seed/count_members")[0]["members"]:
        raise Invalid("the demo dataset needs a graph without members")
    demo.ensure_reference_data(store)
    network = demo.generate(demo.read_sections(store), demo.read_roles(store), size, seed, now_ms=int(time.time() * 1000))
    ids = [m[0] for m in network.members]
    index_of = {member_id: i for i, member_id in enumerate(ids)}
    pairs = [(ids[a], ids[b]) for a, b in zip(network.link_a.tolist(), network.link_b.tolist())]
    since = dict(zip(((min(p), max(p)) for p in pairs), network.link_since.tolist()))
    the_split = split(pairs, seed)
    kept = the_split.kept
    network.link_a = np.array([index_of[a] for a, _ in kept], dtype=np.int64)
    network.link_b = np.array([index_of[b] for _, b in kept], dtype=np.int64)
    network.link_since = np.array([since[p] for p in kept], dtype=np.int64)
    started = time.monotonic()
    bulk.load_network(store, network, progress=progress)
    return evaluate(store, ids, the_split, members, seed, time.monotonic() - started, progress, variants)


def parse_datasets(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in DATASETS]
    if not names or unknown:
        raise Invalid(f"datasets: choose among {', '.join(DATASETS)} (unknown: {', '.join(unknown) or 'none given'})")
    return list(dict.fromkeys(names))


def parse_weights(text: str):
    """`same_section=2,same_federation=0.5` -> suggestions.Weights (the others as in WEIGHTS)."""
    from dataclasses import fields, replace

    from graphsvc import suggestions

    names = {f.name: f.type for f in fields(suggestions.Weights)}
    changes = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, _, value = part.partition("=")
        name = name.strip()
        if name not in names:
            raise Invalid(f"weights: unknown term {name!r} (known: {', '.join(names)})")
        try:
            changes[name] = int(value) if name == "max_degree" else float(value)
        except ValueError:
            raise Invalid(f"weights: {name} needs a number") from None
    if not changes:
        raise Invalid("weights: give term=value pairs, such as same_section=2,same_federation=0.5")
    return replace(suggestions.WEIGHTS, **changes)
