"""coopol bench: benchmarks (one function per subcommand; figures go to docs/benchmarks.md)."""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timezone

import click

from graphsvc.cli import cli
from graphsvc.store import open_store, redact


@cli.group("bench")
def bench() -> None:
    """Benchmarks; results belong in docs/benchmarks.md with the machine and the date."""


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    memory_gib = None
    try:
        memory_gib = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {
        "nproc": os.cpu_count(),
        "memory_gib": memory_gib,
        "cpu": cpu,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }


def own_cpu() -> float:
    """CPU seconds of this process and of the children it waited for (the bulk loader)."""
    import resource

    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def measured_on() -> dict:
    """The machine and the moment, in every benchmark's report."""
    return {"machine": machine(), "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}


@contextmanager
def bench_graph(obj, bench_url: str | None):
    """The graph a benchmark runs on: the URL given, else a temporary embedded
    graph removed afterwards. Yields (store, url, temporary folder or None)."""
    folder = None if bench_url else tempfile.mkdtemp(prefix="coopol-bench-")
    url = bench_url or f"embedded://{folder}"
    store = open_store(url, obj.settings)
    try:
        yield store, url, folder
    finally:
        store.close()
        if folder:
            shutil.rmtree(folder, ignore_errors=True)

def server_cpu(store) -> float | None:
    """CPU seconds of a FalkorDB server (with its append-only file rewrites), None elsewhere."""
    if store.backend != "falkordb":
        return None
    info = store.db.connection.info("cpu")
    return sum(float(info.get(key, 0)) for key in ("used_cpu_sys", "used_cpu_user", "used_cpu_sys_children", "used_cpu_user_children"))


@bench.command("load")
@click.option("--members", type=click.IntRange(1, 10_000_000), default=200_000, show_default=True)
@click.option(
    "--links-per-member",
    type=click.FloatRange(0, 200),
    default=20.0,
    show_default=True,
    help="COOPAIN relationships per member.",
)
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@click.option(
    "--graph-url",
    "bench_url",
    default=None,
    help="Load into this graph (it must hold no members) instead of a fresh temporary embedded one.",
)
@click.option("--clear", is_flag=True, help="Delete everything in the --graph-url graph first.")
@click.option(
    "--method",
    type=click.Choice(["auto", "falkordb-bulk", "unwind"]),
    default="auto",
    show_default=True,
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def load_cmd(obj, members, links_per_member, seed_value, bench_url, clear, method, as_json):
    """Generate a demo network and load it into a fresh graph; print members/s and links/s.

    Timed: generating the network and loading it (not the reference data, not
    the password hash). `cpu_seconds` adds the CPU time of this process, of the
    bulk loader and of a FalkorDB server: on a shared machine it says more than
    the wall-clock time."""
    from graphsvc import bulk
    from graphsvc.errors import NotFound
    from seeds import demo

    with bench_graph(obj, bench_url) as (store, url, folder):
        store.apply_schema()
        if clear:
            store.clear()
        existing = store.read("seed/count_members")[0]["members"]
        if existing:
            raise click.ClickException(
                f"{redact(url)} already holds {existing} members: the benchmark loads into a graph without members (--clear empties it)"
            )
        store.apply_schema()
        reference = "reference data"
        if not store.read("seed/count_sections")[0]["sections"]:
            try:
                demo.ensure_reference_data(store)
            except NotFound:  # no reference data in this checkout: made-up sections
                demo.create_synthetic_sections(store, federations=100, sections_per_federation=40)
                reference = "synthetic sections"
        sections, roles = demo.read_sections(store), demo.read_roles(store)
        password_hash = demo.hash_password(demo.DEMO_PASSWORD)
        from graphsvc.cli.seed import progress_bar

        server_cpu_before = server_cpu(store)
        cpu_before = own_cpu()
        with progress_bar(not as_json) as progress:
            started = time.monotonic()
            network = demo.generate(
                sections,
                roles,
                members,
                seed_value,
                links_per_member,
                now_ms=int(time.time() * 1000),
                password_hash=password_hash,
                progress=progress,
            )
            generated = time.monotonic() - started
            report = bulk.load_network(store, network, progress=progress, method=method)
            seconds = time.monotonic() - started
        cpu_seconds = own_cpu() - cpu_before
        server_cpu_after = server_cpu(store)
        if server_cpu_before is not None and server_cpu_after is not None:
            cpu_seconds += server_cpu_after - server_cpu_before
        counts = {row["type"]: row["relationships"] for row in store.read("seed/count_relationship_types")}
        if counts.get("COOPAIN") != network.links:
            raise click.ClickException(f"{counts.get('COOPAIN')} COOPAIN relationships found, {network.links} loaded")
        result = {
            "members": report.members,
            "links": report.links,
            "seconds": round(seconds, 2),
            "members_per_s": round(report.members / seconds),
            "links_per_s": round(report.links / seconds),
            "generate_seconds": round(generated, 2),
            "load_seconds": round(report.seconds, 2),
            "load_links_per_s": round(report.links / report.seconds) if report.seconds else None,
            "cpu_seconds": round(cpu_seconds, 2),
            "links_per_cpu_s": round(report.links / cpu_seconds) if cpu_seconds else None,
            "mandates": report.mandates,
            "animations": report.animations,
            "backend": store.backend,
            "method": report.method,
            "graph": "temporary embedded graph" if folder else redact(url),
            "sections": len(sections),
            "sections_source": reference,
            "seed": seed_value,
            **measured_on(),
        }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(
            f"{result['members']} members and {result['links']} links in {result['seconds']} s on {result['backend']} "
            f"({result['method']}): {result['members_per_s']} members/s, {result['links_per_s']} links/s "
            f"(generation {result['generate_seconds']} s, load {result['load_seconds']} s)"
        )


# --- durability (kill -9 of the embedded server mid-writes) -----------------------

from dataclasses import asdict  # noqa: E402
from pathlib import Path  # noqa: E402

from graphsvc.config import FSYNC_POLICIES  # noqa: E402


@bench.command("durability")
@click.option("--kills", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="How many times the graph server is killed with SIGKILL.")
@click.option("--fsync", type=click.Choice(FSYNC_POLICIES), default="always", show_default=True,
              help="The append-only file's fsync policy (COOPOL_FSYNC).")
@click.option("--victim", type=click.Choice(["server", "client"]), default="server", show_default=True,
              help="Kill the graph server, or the client process writing.")
@click.option("--folder", type=click.Path(file_okay=False, path_type=Path),
              help="Embedded folder to use (default: a fresh temporary one).")
@click.option("--seed", type=int, default=None, help="Seed of the random kill moments.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def durability_cmd(kills, fsync, victim, folder, seed, as_json):
    """Kill the embedded graph server mid-writes, restart, count acknowledged writes lost.

    A writer process writes and records each acknowledged write; the server is
    killed at a random moment, the graph reopened, every acknowledged write
    looked for. Target: lost 0."""
    from graphsvc import durability

    if folder is not None and folder.exists() and any(folder.iterdir()):
        raise click.BadParameter("the folder must be empty or absent (the bench writes its own graph)", param_hint="--folder")

    def progress(result):
        if not as_json:
            click.echo(f"kill {result.round + 1}/{kills}: {result.acknowledged} acknowledged, {result.lost} lost", err=True)

    result = durability.bench(kills, fsync=fsync, folder=folder, victim=victim, seed=seed, progress=progress)
    if as_json:
        report = asdict(result) | measured_on()
        click.echo(json.dumps(report))
    else:
        click.echo(
            f"{result.kills} kills of the {result.victim} (appendfsync {result.fsync}): "
            f"{result.acknowledged} writes acknowledged, {result.lost} lost, {result.torn} torn, "
            f"{result.seconds} s"
        )
    if result.lost or result.torn:
        raise SystemExit(1)


# --- suggestions (suggestions.for_member on a demo network, its in-process lower bound, the page) ----


@bench.command("suggestions")
@click.option("--graph-url", "bench_url", default=None,
              help="Query this graph (a demo network is generated into it when it holds no members) "
                   "instead of a fresh temporary embedded one.")
@click.option("--members", type=click.IntRange(2, 10_000_000), default=200_000, show_default=True,
              help="Size of the demo network generated when the graph holds no members.")
@click.option("--queries", type=click.IntRange(2, 1_000_000), default=1000, show_default=True,
              help="How many members are drawn at random, one call each per pass.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True,
              help="Seed of the demo network and of the members drawn.")
@click.option("--http-seconds", type=click.FloatRange(0, 3600), default=30.0, show_default=True,
              help="How long the suggestions page is loaded through `coopol serve` (0: not measured).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=8, show_default=True,
              help="Clients requesting the page at once.")
@click.option("--sessions", type=click.IntRange(1, 25), default=8, show_default=True,
              help="Members logged in through the login form (demo password), shared by the clients.")
@click.option("--workers", type=click.IntRange(1, 64), default=os.cpu_count() or 2, show_default=True,
              help="gunicorn workers serving the page.")
@click.option("--password", default=None,
              help="Password of the members of a --graph-url network (the page is loaded only when the bench "
                   "generated the network or this is given).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def suggestions_cmd(obj, bench_url, members, queries, seed_value, http_seconds, concurrency, sessions, workers,
                    password, as_json):
    """Time suggestions.for_member (top 10 with reasons) for members drawn at random; its
    in-process scipy lower bound; the suggestions page's requests per second.

    Each member drawn gets two calls: the first computes and stores their list
    (`compute`), the second reads it with every rule applied live (`read`:
    p50_ms, p99_ms). Degrees are stored first (suggestions/store_degrees,
    timed apart). The baseline reads the network into memory (timed apart) and
    computes the same scores with scipy sparse matrices."""
    from graphsvc import bench_http, suggestions
    from graphsvc import bench_suggestions as bs
    from seeds import demo

    with bench_graph(obj, bench_url) as (store, url, folder):
        store.apply_schema()
        existing = store.read("seed/count_members")[0]["members"]
        seeded = None
        if not existing:
            if not as_json:
                click.echo(f"Generating a demo network of {members} members into {redact(url)}…", err=True)
            report = demo.seed_demo(store, members, seed_value)
            seeded = {"members": report.members, "links": report.links,
                      "seconds": round(report.generate_seconds + report.load_seconds, 2), "method": report.method}
        degrees = bs.store_degrees(store)
        sample = bs.sample_members(store, queries, seed_value)
        load_before = [round(x, 2) for x in os.getloadavg()]
        def graph_cpu() -> float | None:
            return server_cpu(store)

        suggestions.mark_stale(store, sample)  # the first pass computes every list, even on a graph used before
        compute = bs.time_suggestions(store, sample, server_cpu=graph_cpu)
        read = bs.time_suggestions(store, sample, server_cpu=graph_cpu)
        network = bs.read_network(store)
        baseline = bs.time_baseline(bs.Baseline(network), sample)
        http = None
        if http_seconds and (seeded or password):
            chosen = list(dict.fromkeys(sample))[:sessions]
            emails = bs.member_emails(store, chosen)
            with tempfile.TemporaryDirectory(prefix="coopol-bench-http-") as instance:
                with bench_http.served(url, Path(instance), workers=workers) as base_url:
                    cookies = [bench_http.login(base_url, emails[m], password or demo.DEMO_PASSWORD) for m in chosen]
                    http = bench_http.measure_pages(base_url, ["/coopains/suggestions"], cookies, concurrency,
                                                    http_seconds)
            http["workers"] = workers
        result = {
            "backend": store.backend,
            "graph": "temporary embedded graph" if folder else redact(url),
            "members": degrees.members,
            "links": degrees.links,
            "seeded": seeded,
            "degrees": {"stored_by": "suggestions/store_degrees", "seconds": round(degrees.seconds, 2)},
            "queries": queries,
            "limit": 10,
            "seed": seed_value,
            "p50_ms": read.timings.p50_ms,
            "p99_ms": read.timings.p99_ms,
            "baseline_p50_ms": baseline.timings.p50_ms,
            "ratio_p50": round(read.timings.p50_ms / baseline.timings.p50_ms, 2) if baseline.timings.p50_ms else None,
            # CPU per call (this process and the graph server) over the baseline's: what the ratio is
            # when the machine is shared and the wall-clock times mostly measure the wait for a core.
            "ratio_cpu": round((read.client_cpu_ms + (read.server_cpu_ms or 0)) / baseline.client_cpu_ms, 2)
            if baseline.client_cpu_ms else None,
            "read": asdict(read.timings) | {"round_trips": read.round_trips, "client_cpu_ms": read.client_cpu_ms,
                                            "server_cpu_ms": read.server_cpu_ms},
            "compute": asdict(compute.timings) | {"round_trips": compute.round_trips,
                                                  "client_cpu_ms": compute.client_cpu_ms,
                                                  "server_cpu_ms": compute.server_cpu_ms},
            "baseline": asdict(baseline.timings) | {"cpu_ms": baseline.client_cpu_ms,
                "read_network_seconds": round(network.seconds, 2),
                "agreement": bs.agreement(read.found, baseline.found),
            },
            "same_as_computed": read.found == compute.found,
            "http": http,
            "load_average_before": load_before,
            **measured_on(),
        }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    if seeded:
        click.echo(f"Demo network generated: {seeded['members']} members, {seeded['links']} links in {seeded['seconds']} s ({seeded['method']}).")
    click.echo(f"Degrees stored on {degrees.members} members (suggestions/store_degrees) in {degrees.seconds:.2f} s; "
               f"{degrees.links} coopain links.")
    for name, t in (("compute and store", compute), ("read a stored list", read), ("scipy baseline", baseline)):
        click.echo(f"{name}, {queries} members: p50 {t.timings.p50_ms} ms, p99 {t.timings.p99_ms} ms, "
                   f"mean {t.timings.mean_ms} ms, max {t.timings.max_ms} ms ({t.round_trips} queries a call; "
                   f"CPU a call: {t.client_cpu_ms} ms here, {t.server_cpu_ms} ms in the graph server)")
    click.echo(f"ratio_p50 {result['ratio_p50']} (read / baseline), CPU ratio {result['ratio_cpu']}; "
               f"same top 10 as the baseline: "
               f"{result['baseline']['agreement']:.0%}")
    if http:
        click.echo(f"suggestions page: {http['requests_per_s']} requests/s with {concurrency} clients "
                   f"({http['errors']} errors, p50 {http['p50_ms']} ms, p99 {http['p99_ms']} ms)")
