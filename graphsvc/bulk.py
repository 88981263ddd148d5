"""Bulk loading of a generated network (the demo network, the load benchmark).

Two paths, one result (same labels, properties and relationship types):

- **FalkorDB bulk loader** (`falkordb-bulk-insert`, package
  `falkordb-bulk-loader`): nodes and the small relationship sets are written
  as typed CSV files and sent with `GRAPH.BULK` over the server's Unix socket
  (embedded) or TCP (server); the millions of coopain links follow as packed
  binary `GRAPH.BULK` batches in the loader's own format, and so do the
  members' identifier hashes when a contacts key is given (`ContactHash`
  nodes, `IDENTIFIED_BY` links). The loader only
  creates a *new* graph key, so the graph's current content (the reference
  data: federations, sections, roles — a graph without members) is copied
  into the same files, the graph key is deleted and loaded again (on failure
  the reference data alone is loaded back); then the schema (indexes,
  constraints) is applied and the append-only file rewritten. Used on
  FalkorDB when the graph has no member and every node of it has an `id` or a
  `key` and plain properties. Writers must not be running meanwhile
  (`coopol seed` runs before `serve`, and refuses a graph with members).
- **Batched `UNWIND`** through `store.write` (queries in `queries/seed/`),
  10,000 rows a statement: Neo4j, and FalkorDB graphs the bulk path does not
  take.
"""

from __future__ import annotations

import ast
import csv
import logging
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import quote

import numpy as np

from graphsvc.errors import Conflict, StoreError
from graphsvc.store.base import Store

log = logging.getLogger(__name__)

BATCH = 10_000
MAX_COPIED = 2_000_000  # reference data nodes / relationships the bulk path copies
SERVER_URL_ENV = "COOPOL_BULK_SERVER_URL"

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class LoadReport:
    method: str  # "falkordb-bulk" or "unwind"
    members: int
    links: int
    mandates: int
    animations: int
    seconds: float


def load_network(store: Store, network: Any, progress: Progress = _no_progress, method: str = "auto",
                 contacts_key: str | None = None) -> LoadReport:
    """Write `network` (a `seeds.demo.DemoNetwork`) into the graph.

    `method`: "auto" (the bulk loader where it applies), "falkordb-bulk" (fail
    if it does not apply), "unwind". With `contacts_key`, each member is also
    `IDENTIFIED_BY` the `ContactHash` of their e-mail and phone, as
    `contacts.identify_members` links them (the same hashes)."""
    if method not in ("auto", "falkordb-bulk", "unwind"):
        raise ValueError(f"unknown load method {method!r}")
    started = time.monotonic()
    if method != "unwind":
        reason = _bulk_refusal(store)
        copied = None if reason else _copy_existing(store)
        if copied is None and not reason:
            reason = "the graph holds nodes without an id or key, or properties the loader cannot copy"
        if reason:
            if method == "falkordb-bulk":
                raise StoreError(f"the FalkorDB bulk loader cannot be used here: {reason}")
            log.info("bulk loader not used: %s", reason)
        else:
            _load_falkordb_bulk(store, network, copied, progress, contacts_key)
            return _report("falkordb-bulk", network, started)
    _load_unwind(store, network, progress)
    if contacts_key:
        from graphsvc import contacts

        contacts.identify_members(store, contacts_key, ((m[0], m[1], m[4]) for m in network.members), progress)
    return _report("unwind", network, started)


def _report(method: str, network: Any, started: float) -> LoadReport:
    return LoadReport(
        method=method,
        members=len(network.members),
        links=network.links,
        mandates=len(network.mandates),
        animations=len(network.animations),
        seconds=time.monotonic() - started,
    )


# --- batched UNWIND ---------------------------------------------------------


def _chunks(count: int, size: int = BATCH) -> Iterable[range]:
    for start in range(0, count, size):
        yield range(start, min(start + size, count))


def _load_unwind(store: Store, network: Any, progress: Progress) -> None:
    total = len(network.members)
    done = 0
    for chunk in _chunks(total):
        rows = [network.member_row(i) for i in chunk]
        for name, membership in (("seed/create_adherents", "adherent"), ("seed/create_sympathisants", "sympathisant")):
            batch = [r for r in rows if r["membership"] == membership]
            if batch:
                created = store.write(name, rows=batch, password_hash=network.password_hash)[0]["created"]
                if created != len(batch):
                    raise StoreError(f"{name}: {created} of {len(batch)} members created (unknown section?)")
        done += len(chunk)
        progress("load members", done, total)
    for start in range(0, len(network.mandates), BATCH):
        store.write("seed/create_mandates", rows=network.mandates[start : start + BATCH])
    for start in range(0, len(network.animations), BATCH):
        store.write("seed/create_animations", rows=network.animations[start : start + BATCH])
    ids = [m[0] for m in network.members]
    links = network.links
    for chunk in _chunks(links):
        a, b, since = (column[chunk.start : chunk.stop].tolist() for column in (network.link_a, network.link_b, network.link_since))
        rows = [[ids[x], ids[y], s] for x, y, s in zip(a, b, since)]
        store.write("seed/create_coopains", rows=rows)
        progress("load links", chunk.stop, links)


# --- FalkorDB bulk loader ---------------------------------------------------


def _bulk_refusal(store: Store) -> str | None:
    if store.backend != "falkordb" or not hasattr(store, "db"):
        return f"the store is {store.backend}, not FalkorDB"
    if store.read("seed/count_members")[0]["members"]:
        return "the graph already holds members (the loader creates a new graph)"
    return None


def _ref(node_id: Any, key: Any) -> str | None:
    if isinstance(node_id, str) and node_id:
        return "i:" + node_id
    if isinstance(key, str) and key:
        return "k:" + key
    return None


def _value_type(value: Any) -> str | None:
    """The loader's column type for a value, None when it cannot carry it unchanged."""
    if isinstance(value, bool):
        return "BOOL"
    if isinstance(value, int):
        return "INT"
    if isinstance(value, float):
        return "DOUBLE"
    if isinstance(value, str):
        # The loader strips fields and reads "" as null.
        return "STRING" if value and value == value.strip() and "\x00" not in value else None
    if isinstance(value, list):
        return "ARRAY" if all(_value_type(v) not in (None, "ARRAY") for v in value) else None
    return None


def _signature(props: dict) -> tuple[tuple[str, str], ...] | None:
    """(key, loader type) of each property, None if the loader cannot carry one unchanged."""
    signature = []
    for key, value in sorted(props.items()):
        if value is None:
            continue
        kind = _value_type(value)
        if kind is None or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            return None
        signature.append((key, kind))
    return tuple(signature)


@dataclass
class _Copied:
    node_groups: list[tuple[str, dict[str, str], list[tuple[str, dict]]]]  # label, types, [(ref, props)]
    rel_groups: list[tuple[str, dict[str, str], list[tuple[str, str, dict]]]]  # type, types, [(start, end, props)]
    nodes: int
    relationships: int


def _copy_existing(store: Store) -> _Copied | None:
    """The graph's current nodes and relationships, grouped for the loader; None if not copyable."""
    nodes = store.read("seed/list_nodes", limit=MAX_COPIED + 1)
    rels = store.read("seed/list_relationships", limit=MAX_COPIED + 1)
    if len(nodes) > MAX_COPIED or len(rels) > MAX_COPIED:
        return None
    # One file per label set and property types: a file's columns have one type each.
    by_label: dict[tuple, list[tuple[str, dict]]] = defaultdict(list)
    seen: set[str] = set()
    for row in nodes:
        props = row["props"]
        ref = _ref(props.get("id"), props.get("key"))
        signature = _signature(props)
        if ref is None or ref in seen or not row["labels"] or signature is None:
            return None
        seen.add(ref)
        by_label[(":".join(row["labels"]), signature)].append((ref, props))
    by_type: dict[tuple, list[tuple[str, str, dict]]] = defaultdict(list)
    for row in rels:
        start, end = _ref(row["start_id"], row["start_key"]), _ref(row["end_id"], row["end_key"])
        signature = _signature(row["props"])
        if start not in seen or end not in seen or signature is None:
            return None
        by_type[(row["type"], signature)].append((start, end, row["props"]))
    node_groups = [(label, dict(signature), items) for (label, signature), items in sorted(by_label.items())]
    rel_groups = [(rel_type, dict(signature), items) for (rel_type, signature), items in sorted(by_type.items())]
    return _Copied(node_groups, rel_groups, len(nodes), len(rels))


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "ARRAY":
        return repr(list(value))
    if kind == "BOOL":
        return "true" if value else "false"
    return value


def _writer(handle):
    return csv.writer(handle, escapechar="\\", lineterminator="\n")


def _write_typed(path: Path, id_column: str, types: dict[str, str], rows: Iterable[tuple]) -> int:
    """Rows are (ref..., props); the first len(id columns) items are identifiers."""
    columns = sorted(types)
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = _writer(handle)
        out.writerow([*id_column.split(","), *(f"{c}:{types[c]}" for c in columns)])
        width = len(id_column.split(","))
        for row in rows:
            props = row[width]
            out.writerow([*row[:width], *(_cell(props.get(c), types[c]) for c in columns)])
            count += 1
    return count


MEMBER_TYPES = {
    "id": "STRING",
    "email": "STRING",
    "first_name": "STRING",
    "last_name": "STRING",
    "display_name": "STRING",
    "phone": "STRING",
    "membership": "STRING",
    "status": "STRING",
    "password_hash": "STRING",
    "created_at": "INT",
    "last_seen_at": "INT",
    "visibility": "STRING",
    "visible_to_sympathisants": "BOOL",
}
MANDATE_TYPES = {
    "id": "STRING",
    "since": "INT",
    "place_kind": "STRING",
    "place_code": "STRING",
    "place_label": "STRING",
}


def _write_files(folder: Path, network: Any, copied: _Copied) -> tuple[list[str], int, int, np.ndarray]:
    """Write the loader's CSV files (all but the coopain links); returns its
    arguments, the node and relationship counts, and each member's node number."""
    args: list[str] = []
    nodes = rels = 0
    for number, (label, types, items) in enumerate(copied.node_groups):
        path = folder / f"ref-{number}.csv"
        nodes += _write_typed(path, ":ID(R)", types, items)
        args += ["-N", label, str(path)]

    # The loader numbers nodes in the order of its files: the copied nodes, the
    # adherents, the sympathisants (in member order), then the rest.
    adherent = np.array([m[5] == "adherent" for m in network.members], dtype=bool)
    member_nodes = np.empty(len(network.members), dtype=np.uint64)
    member_nodes[adherent] = nodes + np.arange(int(adherent.sum()), dtype=np.uint64)
    member_nodes[~adherent] = nodes + int(adherent.sum()) + np.arange(int((~adherent).sum()), dtype=np.uint64)
    section_refs = ["i:" + s.id for s in network.sections]
    member_ids = [m[0] for m in network.members]
    for label, membership in (("Member:Adherent", "adherent"), ("Member:Sympathisant", "sympathisant")):
        path = folder / f"{membership}.csv"

        def rows(membership=membership):
            for index, member in enumerate(network.members):
                if member[5] == membership:
                    row = network.member_row(index)
                    row["status"] = "active"
                    row["password_hash"] = network.password_hash
                    yield (str(index), row)

        count = _write_typed(path, ":ID(M)", MEMBER_TYPES, rows())
        if count:
            nodes += count
            args += ["-N", label, str(path)]
    index_of = {member_id: index for index, member_id in enumerate(member_ids)}
    if network.mandates:
        path = folder / "mandates.csv"
        nodes += _write_typed(path, ":ID(D)", MANDATE_TYPES, ((str(i), m) for i, m in enumerate(network.mandates)))
        args += ["-N", "Mandate", str(path)]

    def relation(name: str, rel_type: str, id_columns: str, types: dict[str, str], rows: Iterable[tuple]) -> None:
        nonlocal rels
        path = folder / f"{name}.csv"
        count = _write_typed(path, id_columns, types, rows)
        if count:
            rels += count
            args.extend(["-R", rel_type, str(path)])

    for number, (rel_type, types, items) in enumerate(copied.rel_groups):
        relation(f"ref-rel-{number}", rel_type, ":START_ID(R),:END_ID(R)", types, items)
    relation(
        "belongs_to",
        "BELONGS_TO",
        ":START_ID(M),:END_ID(R)",
        {},
        ((str(i), section_refs[m[6]], {}) for i, m in enumerate(network.members)),
    )
    relation(
        "holds",
        "HOLDS",
        ":START_ID(M),:END_ID(D)",
        {},
        ((str(index_of[m["member_id"]]), str(i), {}) for i, m in enumerate(network.mandates)),
    )
    roles_known = {ref for _, _, items in copied.node_groups for ref, _ in items}
    missing = {m["role_key"] for m in network.mandates if "k:" + m["role_key"] not in roles_known}
    if missing:
        raise StoreError(f"unknown role keys in the network: {sorted(missing)[:5]}")
    relation(
        "of_role",
        "OF_ROLE",
        ":START_ID(D),:END_ID(R)",
        {},
        ((str(i), "k:" + m["role_key"], {}) for i, m in enumerate(network.mandates)),
    )
    relation(
        "in",
        "IN",
        ":START_ID(D),:END_ID(R)",
        {},
        ((str(i), "i:" + m["unit_id"], {}) for i, m in enumerate(network.mandates) if m["unit_id"] and "i:" + m["unit_id"] in roles_known),
    )
    relation(
        "animates",
        "ANIMATES",
        ":START_ID(M),:END_ID(R)",
        {"right": "STRING", "granted_by": "STRING", "granted_at": "INT"},
        ((str(index_of[a["member_id"]]), "i:" + a["unit_id"], a) for a in network.animations),
    )
    return args, nodes, rels, member_nodes


def _server_url(store: Any) -> str:
    kwargs = store.db.connection.connection_pool.connection_kwargs
    user = kwargs.get("username")
    password = kwargs.get("password")
    auth = ""
    if user or password:
        auth = f"{quote(user or '', safe='')}:{quote(password or '', safe='')}@"
    if kwargs.get("path"):
        return f"unix://{auth}{kwargs['path']}?socket_timeout=3600"
    return f"redis://{auth}{kwargs.get('host', '127.0.0.1')}:{kwargs.get('port', 6379)}?socket_timeout=3600"


_DONE = re.compile(r"complete: (\d+) nodes created, (\d+) relations created")


def _run_bulk(store: Any, graph: str, args: list[str]) -> tuple[int, int]:
    env = dict(os.environ, **{SERVER_URL_ENV: _server_url(store)})
    command = [sys.executable, "-m", "graphsvc.bulk", graph, "--enforce-schema", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    found = _DONE.search(done.stdout)
    if done.returncode or not found:
        tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-3:]
        raise StoreError(f"the FalkorDB bulk loader failed: {' | '.join(tail) or done.returncode}")
    return int(found.group(1)), int(found.group(2))


def _load_falkordb_bulk(store: Any, network: Any, copied: _Copied, progress: Progress,
                        contacts_key: str | None = None) -> None:
    """Replace the graph (reference data only) by the same plus the network.

    The loader writes into the graph's own key, deleted first: loading under a
    temporary key and renaming it over the graph looked atomic, but the
    append-only file then failed to replay (FalkorDB 4.x refused its own
    effects after a restart: "Diverged applying GRAPH.EFFECT")."""
    client = store.db.connection
    total = len(network.members) + network.links
    progress("bulk files", 0, total)
    with tempfile.TemporaryDirectory(prefix="coopol-bulk-") as folder:
        args, nodes, rels, member_nodes = _write_files(Path(folder), network, copied)
        reference_args = _reference_args(args)
        progress("bulk load", 0, total)
        # The graph may have changed since it was copied (a member registering): refuse then.
        if store.read("seed/count_members")[0]["members"]:
            raise Conflict("members appeared in the graph during the bulk load: nothing replaced")
        client.delete(store.graph_name)
        auto_rewrite = _pause_automatic_rewrites(client)
        try:
            created = _run_bulk(store, store.graph_name, args)
            if created != (nodes, rels):
                raise StoreError(
                    f"the FalkorDB bulk loader created {created[0]} nodes and {created[1]} "
                    f"relationships, {nodes} and {rels} expected"
                )
            linked = _send_coopains(client, store.graph_name, network, member_nodes, progress)
            if linked != network.links:
                raise StoreError(f"{linked} coopain links created by GRAPH.BULK, {network.links} expected")
            if contacts_key:
                _send_identifiers(client, store.graph_name, network, member_nodes, nodes, contacts_key, progress)
        except BaseException:
            # Put the reference data back as it was, then report the failure.
            client.delete(store.graph_name)
            if reference_args:
                _run_bulk(store, store.graph_name, reference_args)
            store.apply_schema()
            raise
        finally:
            _resume_automatic_rewrites(client, auto_rewrite)
    store.apply_schema()
    _rewrite_append_only_file(client)
    progress("bulk load", total, total)
    log.info("bulk load: %d nodes, %d relationships", nodes, rels)


def _pause_automatic_rewrites(client: Any) -> str | None:
    """Stop Redis rewriting the append-only file on its own while the loader
    grows it: each rewrite of a growing graph stalls the load (FalkorDB's
    fork preparation took 4-10 s here) and one rewrite follows the load anyway."""
    try:
        before = client.config_get("auto-aof-rewrite-percentage").get("auto-aof-rewrite-percentage")
        client.config_set("auto-aof-rewrite-percentage", 0)
        return before
    except Exception:  # noqa: BLE001 - a managed server may refuse CONFIG: then load as it is
        return None


def _resume_automatic_rewrites(client: Any, before: str | None) -> None:
    if before is not None:
        client.config_set("auto-aof-rewrite-percentage", before)


def _rewrite_append_only_file(client: Any, timeout_s: float = 1800.0) -> None:
    """Rewrite the append-only file and wait for it, so that it holds the loaded
    graph as a snapshot rather than the GRAPH.BULK commands.

    Seen with FalkorDB 4.x (falkordblite 0.11): an append-only file holding
    GRAPH.BULK followed by writes made after a restart fails to replay at the
    next start ("GRAPH.EFFECT references label ... which doesn't match local
    schema state", and the server shuts down). A snapshot replays cleanly."""
    info = client.info("persistence")
    if not int(info.get("aof_enabled", 0)):
        return
    deadline = time.monotonic() + timeout_s
    while int(client.info("persistence").get("aof_rewrite_in_progress", 0)):
        time.sleep(0.05)  # one already running: it started before the load
    try:
        client.bgrewriteaof()
    except Exception as exc:  # noqa: BLE001 - "already in progress / scheduled"
        log.info("append-only file rewrite: %s", exc)
    time.sleep(0.05)
    while True:
        info = client.info("persistence")
        if not int(info.get("aof_rewrite_in_progress", 0)) and not int(info.get("aof_rewrite_scheduled", 0)):
            break
        if time.monotonic() > deadline:
            raise StoreError("the append-only file rewrite after the bulk load did not finish")
        time.sleep(0.1)
    if info.get("aof_last_bgrewrite_status") != "ok":
        raise StoreError("the append-only file rewrite after the bulk load failed: see the server log")


def _loader_types() -> Any:
    """The loader's value type codes (`entity_file.Type`). Importing that module
    calls `csv.field_size_limit(sys.maxsize)` for the whole process: the limit is
    put back, the address-book reader refusing a CSV field over 128 kB by it."""
    limit = csv.field_size_limit()
    from falkordb_bulk_loader.entity_file import Type

    csv.field_size_limit(limit)
    return Type


COOPAIN_ROW = np.dtype([("src", "<u8"), ("dst", "<u8"), ("type", "u1"), ("since", "<i8")])  # packed, 25 bytes
COOPAIN_HEADER = struct.pack("=8sI6s", b"COOPAIN", 1, b"since")  # type name, one property, its name
LINKS_PER_BATCH = 1_000_000  # 25 MB a GRAPH.BULK call, under the loader's 64 MB token limit


def _send_coopains(client: Any, graph: str, network: Any, member_nodes: np.ndarray, progress: Progress) -> int:
    """Send the coopain links as further GRAPH.BULK batches on the graph the loader created.

    The same binary format as the loader's relation files (`relation_type.py`:
    the type's header, then per row the two node numbers as unsigned 64-bit
    integers and each property as a type byte and its value), packed with numpy
    rather than parsed from a CSV file row by row: 4 million rows took the
    loader's Python about 40 s of CPU, this takes well under one."""
    Type = _loader_types()
    created = 0
    for start in range(0, network.links, LINKS_PER_BATCH):
        stop = min(start + LINKS_PER_BATCH, network.links)
        rows = np.empty(stop - start, dtype=COOPAIN_ROW)
        rows["src"] = member_nodes[network.link_a[start:stop]]
        rows["dst"] = member_nodes[network.link_b[start:stop]]
        rows["type"] = Type.LONG.value
        rows["since"] = network.link_since[start:stop]
        answer = client.execute_command("GRAPH.BULK", graph, 0, stop - start, 0, 1, COOPAIN_HEADER + rows.tobytes())
        created += _created(answer, "relations")
        progress("bulk links", stop, network.links)
    return created


HASH_NODE = np.dtype([("type", "u1"), ("hash", "S65")])  # a STRING property: 64 hex digits and their NUL
IDENTIFIED_ROW = np.dtype([("src", "<u8"), ("dst", "<u8")])  # no property
HASH_HEADER = struct.pack("=12sI5s", b"ContactHash", 1, b"hash")
IDENTIFIED_HEADER = struct.pack("=14sI", b"IDENTIFIED_BY", 0)
HASHES_PER_BATCH = 500_000  # 33 MB of nodes a GRAPH.BULK call


def _send_identifiers(client: Any, graph: str, network: Any, member_nodes: np.ndarray, first_node: int,
                      key: str, progress: Progress) -> None:
    """Each member's e-mail and phone as `ContactHash` nodes (one per distinct
    hash: two members may share a phone) and `IDENTIFIED_BY` links, sent as
    GRAPH.BULK batches like the coopain links; the new nodes are numbered after
    the `first_node` the loader created."""
    from graphsvc import contacts

    Type = _loader_types()

    number_of: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    for index, member in enumerate(network.members):
        for kind, value in (("email", member[1]), ("phone", member[4])):
            if value:
                src.append(index)
                dst.append(number_of.setdefault(contacts.keyed_hash(key, kind, value), len(number_of)))
        if index % 50_000 == 0:
            progress("hash members", index, len(network.members))
    hashes = np.array(list(number_of), dtype="S64")
    created = 0
    for start in range(0, len(hashes), HASHES_PER_BATCH):
        batch = hashes[start : start + HASHES_PER_BATCH]
        nodes = np.empty(len(batch), dtype=HASH_NODE)
        nodes["type"] = Type.STRING.value
        nodes["hash"] = batch
        answer = client.execute_command("GRAPH.BULK", graph, len(batch), 0, 1, 0, HASH_HEADER + nodes.tobytes())
        created += _created(answer, "nodes")
    if created != len(hashes):
        raise StoreError(f"{created} contact hashes created by GRAPH.BULK, {len(hashes)} expected")
    links = np.empty(len(src), dtype=IDENTIFIED_ROW)
    links["src"] = member_nodes[np.array(src, dtype=np.int64)]
    links["dst"] = first_node + np.array(dst, dtype=np.uint64)
    created = 0
    for start in range(0, len(links), LINKS_PER_BATCH):
        batch = links[start : start + LINKS_PER_BATCH]
        answer = client.execute_command("GRAPH.BULK", graph, 0, len(batch), 0, 1, IDENTIFIED_HEADER + batch.tobytes())
        created += _created(answer, "relations")
        progress("bulk identifiers", start + len(batch), len(links))
    if created != len(links):
        raise StoreError(f"{created} IDENTIFIED_BY links created by GRAPH.BULK, {len(links)} expected")


def _created(answer: Any, what: str) -> int:
    """The count in GRAPH.BULK's answer ("3 nodes created, 0 relations created")."""
    answer = answer.decode() if isinstance(answer, bytes) else str(answer)
    pattern = r"(\d+) nodes created" if what == "nodes" else r"(\d+) (?:relations|edges) created"
    found = re.search(pattern, answer)
    return int(found.group(1)) if found else 0


def _reference_args(args: list[str]) -> list[str]:
    """The loader arguments of the copied reference data alone (files named ref-*)."""
    kept: list[str] = []
    for i in range(0, len(args), 3):
        flag, name, path = args[i : i + 3]
        if Path(path).name.startswith("ref-"):
            kept += [flag, name, path]
    return kept


# --- the loader, run in a child process ---------------------------------------


def _typed_element(value: Any) -> bytes:
    from falkordb_bulk_loader.entity_file import Type

    if value is None:
        return struct.pack("=B", 0)
    if isinstance(value, bool):
        return struct.pack("=B?", Type.BOOL.value, value)
    if isinstance(value, int):
        return struct.pack("=Bq", Type.LONG.value, value)
    if isinstance(value, float):
        return struct.pack("=Bd", Type.DOUBLE.value, value)
    if isinstance(value, list):
        return struct.pack("=Bq", Type.ARRAY.value, len(value)) + b"".join(_typed_element(v) for v in value)
    encoded = str(value).encode()
    return struct.pack(f"=B{len(encoded) + 1}s", Type.STRING.value, encoded)


def _array_prop_to_binary(format_str: str, prop_val: str) -> bytes:
    """The loader's array encoder keeping each element's Python type: its own
    re-infers every element from text, so the INSEE code '01001' became 1001."""
    return _typed_element(list(ast.literal_eval(prop_val)))


def _run_loader(argv: list[str]) -> None:
    from falkordb_bulk_loader import bulk_insert, entity_file

    entity_file.array_prop_to_binary = _array_prop_to_binary
    url = os.environ.get(SERVER_URL_ENV)
    if not url:
        raise SystemExit(f"{SERVER_URL_ENV} is not set")
    # The URL travels in the environment, not the command line other users can read.
    bulk_insert.bulk_insert.main(args=[*argv, "--server-url", url], prog_name="falkordb-bulk-insert")


if __name__ == "__main__":
    _run_loader(sys.argv[1:])
