"""The dashboard benchmark: a federation of about 20,000 members inside a
200,000-member network (the demo generator over synthetic sections whose
weights give every federation the same expected size; coopain links 75 %
inside a section, 20 % inside the federation, 5 % anywhere), with events,
answers and volunteer sign-ups in the measured federation's sections.

Timed: computing the federation's links (`dashboard.refresh`, once), the data
behind the dashboard page as its coordinator sees it (`dashboard.overview`:
rights, figures per section, events, links between sections, the four lists),
the biggest section's zoom (`dashboard.section_network`) and one CSV export.
A graph kept from an earlier run (`--graph-url`) is measured as it is.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace

from graphsvc import accounts, admins, bulk, dashboard, hierarchy
from graphsvc.bench_suggestions import Timings, timings
from graphsvc.errors import Invalid
from graphsvc.store import Store

HOUR_MS = 3_600_000


@dataclass(frozen=True)
class Built:
    members: int
    links: int
    federations: int
    federation_id: str
    federation_members: int
    coordinator_id: str
    events: int
    signups: int
    seconds: float


@dataclass(frozen=True)
class Measured:
    refresh_seconds: float
    refreshed_members: int
    page: Timings  # dashboard.overview, the data behind the page
    page_cpu_ms: float | None  # CPU per page: this process and the FalkorDB server (None on Neo4j)
    zoom: Timings  # dashboard.section_network of the biggest section
    zoom_members: int
    export_seconds: float
    export_rows: int
    sections: int
    links_between_sections: int


def build(store: Store, members: int, federation_members: int, sections_per_federation: int = 40,
          links_per_member: float = 20.0, seed: int = 1, events_per_section: int = 3) -> Built:
    """Generate and load the network into a graph without members; pick the
    federation closest to `federation_members` and give its sections events."""
    from seeds import demo

    if federation_members < 2 or members < federation_members:
        raise Invalid("--federation-members: at least 2 and at most --members")
    started = time.monotonic()
    store.apply_schema()
    held = store.read("seed/count_members")[0]["members"]
    if held:
        return _reuse(store, held, members, federation_members)
    federations = max(1, round(members / federation_members))
    demo.create_synthetic_sections(store, federations=federations, sections_per_federation=sections_per_federation,
                                   seed=seed)
    sections = demo.read_sections(store)
    totals: dict[str, float] = {}
    for s in sections:
        totals[s.federation_id] = totals.get(s.federation_id, 0.0) + s.weight
    # Same expected size for every federation; heavy-tailed sections inside each.
    sections = [replace(s, weight=100.0 * s.weight / totals[s.federation_id]) for s in sections]
    now = int(time.time() * 1000)
    network = demo.generate(sections, demo.read_roles(store), members, seed, links_per_member, now_ms=now,
                            password_hash=demo.hash_password(demo.DEMO_PASSWORD))
    bulk.load_network(store, network)
    sizes: dict[str, int] = {}
    by_section: dict[str, list[str]] = {}
    federation_of = {s.id: s.federation_id for s in network.sections}
    for member in network.members:
        section_id = network.sections[member[6]].id
        sizes[federation_of[section_id]] = sizes.get(federation_of[section_id], 0) + 1
        by_section.setdefault(section_id, []).append(member[0])
    chosen = min(sorted(sizes), key=lambda f: abs(sizes[f] - federation_members))
    animators = admins.animators(store, chosen)
    coordinator = next((a.member_id for a in animators if a.right == "coordinator"), None)
    if coordinator is None:  # the demo account, a national administrator
        coordinator = network.members[0][0]
    events, signups = _events(store, chosen, federation_of, by_section, events_per_section, seed, now)
    return Built(len(network.members), network.links, federations, chosen, sizes[chosen], coordinator, events,
                 signups, round(time.monotonic() - started, 2))


def _reuse(store: Store, held: int, members: int, federation_members: int) -> Built:
    """A graph kept from an earlier build (`--graph-url`): measure it as it is,
    after checking it holds the network asked for."""
    if held != members:
        raise Invalid(f"the benchmark graph holds {held} members, not --members {members}: use another --graph-url")
    sizes = {f.id: f.members for f in hierarchy.national(store).federations}
    chosen = min(sorted(sizes), key=lambda f: abs(sizes[f] - federation_members))
    coordinator = next((a.member_id for a in admins.animators(store, chosen) if a.right == "coordinator"), None)
    if coordinator is None:
        raise Invalid(f"the benchmark graph has no coordinator for {chosen}")
    events = store.read("dashboard/list_section_figures", unit_id=chosen, since=accounts.now_ms() - 30 * 24 * HOUR_MS,
                        limit=dashboard.MAX_SECTIONS)
    links = sum(r["relationships"] for r in store.read("seed/count_relationship_types") if r["type"] == "COOPAIN")
    return Built(held, links, len(sizes), chosen, sizes[chosen], coordinator, sum(int(r["events"]) for r in events), sum(int(r["signups"]) for r in events), 0.0)


def _events(store: Store, federation_id: str, federation_of: dict, by_section: dict, per_section: int, seed: int,
            now: int) -> tuple[int, int]:
    rng = random.Random(f"coopol-bench-dashboard:{seed}")
    events, answers, tasks = [], [], []
    for section_id in sorted(s for s in by_section if federation_of[s] == federation_id):
        people = by_section[section_id]
        for n in range(per_section):
            event_id = f"bench-ev-{section_id}-{n}"
            events.append({"id": event_id, "unit_id": section_id, "organiser_id": rng.choice(people),
                           "title": f"Réunion {n + 1}", "starts_at": now + rng.randint(-20, 40) * 24 * HOUR_MS})
            for member_id in rng.sample(people, min(len(people), 10)):
                answers.append({"member_id": member_id, "event_id": event_id,
                                "answer": rng.choice(("going", "going", "maybe", "no"))})
            for t in range(2):
                tasks.append({"id": f"{event_id}-t{t}", "event_id": event_id, "title": f"Tâche {t + 1}", "places": 5,
                              "member_ids": rng.sample(people, min(len(people), 3))})
    for start in range(0, len(events), 1000):
        store.write("dashboard/bench_events", rows=events[start:start + 1000], now=now)
    for start in range(0, len(answers), 5000):
        store.write("dashboard/bench_answers", rows=answers[start:start + 5000], now=now)
    signups = 0
    for start in range(0, len(tasks), 2000):
        signups += store.write("dashboard/bench_tasks", rows=tasks[start:start + 2000], now=now)[0]["signups"]
    return len(events), signups


def _time(call, runs: int) -> tuple[Timings, object]:
    ms, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        ms.append((time.perf_counter() - started) * 1000)
    return timings(ms), result


def _cpu(store: Store) -> float | None:
    """CPU seconds of this process plus the FalkorDB server's: on a shared machine
    the CPU a page costs says more than its wall-clock time."""
    import resource

    from graphsvc.cli.bench import server_cpu

    server = server_cpu(store)
    if server is None:
        return None
    mine = resource.getrusage(resource.RUSAGE_SELF)
    return server + mine.ru_utime + mine.ru_stime


def measure(store: Store, federation_id: str, coordinator_id: str, queries: int = 50) -> Measured:
    """Compute the federation's links once, then time its dashboard's data `queries` times."""
    if queries < 1:
        raise Invalid("--queries: at least 1")
    started = time.monotonic()
    refreshed = dashboard.refresh(store, federation_id)
    refresh_seconds = time.monotonic() - started
    cpu_before = _cpu(store)
    page, seen = _time(lambda: dashboard.overview(store, coordinator_id, federation_id), queries)
    cpu_after = _cpu(store)
    biggest = max(seen.sections, key=lambda s: (s.members, s.id))
    zoom, drawn = _time(lambda: dashboard.section_network(store, coordinator_id, biggest.id), queries)
    started = time.monotonic()
    made = dashboard.export(store, coordinator_id, federation_id, "bridges")
    export_seconds = time.monotonic() - started
    return Measured(
        refresh_seconds=round(refresh_seconds, 2),
        refreshed_members=refreshed.members,
        page=page,
        page_cpu_ms=None if cpu_before is None else round((cpu_after - cpu_before) * 1000 / queries, 1),
        zoom=zoom,
        zoom_members=len(drawn.points),
        export_seconds=round(export_seconds, 3),
        export_rows=made.rows,
        sections=len(seen.sections),
        links_between_sections=len(seen.links),
    )
