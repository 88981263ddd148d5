"""Loading an edge list (SNAP format) as members linked as coopains.

The file holds one pair `a b` a line (any whitespace between), `#` starts a
comment; blank lines are skipped. Each node label becomes a member's id
(DESIGN: "keeps each node label of the file as the member's id"); the new
members are sympathisants without email or password ("Membre <label>"), placed
in one section: the one named (it must exist) or the import section
`sec-import` ("Import de liste de liens", federation 99), created if needed.

The whole file is checked before anything is written: a bad line stops the
load with its line number. Loading is idempotent: members that exist are kept
as they are (and where they are), pairs already linked (in either direction)
are left alone, each new link is stored once, from the lower id to the higher
(string order). A self-link (`a a`) is not a coopain: it is counted and skipped.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from graphsvc.errors import Invalid, NotFound
from graphsvc.store.base import Store

BATCH = 10_000
IMPORT_SECTION_ID = "sec-import"
IMPORT_SECTION_NAME = "Import de liste de liens"
IMPORT_FEDERATION_NUMBER = "99"
IMPORT_FEDERATION_NAME = "Français de l'étranger"
MAX_LABEL = 100
LABEL = re.compile(r"[A-Za-z0-9_.:@-]+")

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class EdgeList:
    nodes: tuple[str, ...]  # distinct labels, in order of first appearance
    pairs: tuple[tuple[str, str], ...]  # distinct pairs (lower, higher), in file order
    lines: int
    self_links: int
    repeated: int  # pairs seen more than once (either order)


@dataclass(frozen=True)
class LoadReport:
    section_id: str
    section_created: bool
    nodes: int
    pairs: int
    members_created: int
    links_created: int
    self_links: int
    repeated: int
    seconds: float


def parse(lines: Iterable[str]) -> EdgeList:
    """Check and read an edge list; raise `Invalid` naming the first bad line."""
    seen_nodes: dict[str, None] = {}
    seen_pairs: dict[tuple[str, str], None] = {}
    self_links = repeated = 0
    number = 0
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        fields = text.split()
        if len(fields) != 2:
            raise Invalid(f"line {number}: expected two node labels separated by spaces, found {len(fields)} field(s): {line.strip()[:80]!r}")
        for label in fields:
            if len(label) > MAX_LABEL or not LABEL.fullmatch(label):
                raise Invalid(
                    f"line {number}: bad node label {label[:80]!r} (letters, digits and _ . : @ - only, at most {MAX_LABEL} characters)"
                )
        a, b = fields
        if a == b:
            self_links += 1
            seen_nodes.setdefault(a)
            continue
        pair = (a, b) if a < b else (b, a)
        if pair in seen_pairs:
            repeated += 1
            continue
        seen_pairs[pair] = None
        seen_nodes.setdefault(a)
        seen_nodes.setdefault(b)
    return EdgeList(tuple(seen_nodes), tuple(seen_pairs), number, self_links, repeated)


def read_file(path: str | Path) -> EdgeList:
    try:
        with open(path, encoding="utf-8") as handle:
            return parse(handle)
    except UnicodeDecodeError as exc:
        raise Invalid(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise Invalid(f"{path}: cannot be read ({exc.strerror})") from None


def _batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ensure_section(store: Store, section_id: str | None) -> tuple[str, bool]:
    """The section to load into, and whether it was just created (the import section only)."""
    if section_id is not None:
        if not store.read("edgelist/get_section", section_id=section_id):
            raise NotFound(f"no section {section_id!r}: give the id of an existing section, or none for {IMPORT_SECTION_ID!r}")
        return section_id, False
    if store.read("edgelist/get_section", section_id=IMPORT_SECTION_ID):
        return IMPORT_SECTION_ID, False
    store.write(
        "members/ensure_section",
        section_id=IMPORT_SECTION_ID,
        section_name=IMPORT_SECTION_NAME,
        communes=[],
        postcodes=[],
        federation_number=IMPORT_FEDERATION_NUMBER,
        federation_name=IMPORT_FEDERATION_NAME,
    )
    return IMPORT_SECTION_ID, True


def load(store: Store, edges: EdgeList, section_id: str | None = None, progress: Progress = _no_progress) -> LoadReport:
    """Write a parsed edge list: missing members, then missing links, 10,000 rows a statement."""
    started = time.monotonic()
    now = int(time.time() * 1000)
    section, created_section = ensure_section(store, section_id)
    nodes = list(edges.nodes)
    members_created = 0
    done = 0
    progress("members", 0, len(nodes))
    for batch in _batches(nodes):
        existing = {r["member_id"] for r in store.read("edgelist/existing_members", ids=batch)}
        new = [label for label in batch if label not in existing]
        if new:
            members_created += int(store.write("edgelist/create_members", ids=new, section_id=section, created_at=now)[0]["created"])
        done += len(batch)
        progress("members", done, len(nodes))
    pairs = [list(p) for p in edges.pairs]
    links_created = 0
    done = 0
    progress("coopains", 0, len(pairs))
    for batch in _batches(pairs):
        links_created += int(store.write("edgelist/merge_coopains", rows=batch, since=now)[0]["created"])
        done += len(batch)
        progress("coopains", done, len(pairs))
    return LoadReport(
        section_id=section,
        section_created=created_section,
        nodes=len(nodes),
        pairs=len(pairs),
        members_created=members_created,
        links_created=links_created,
        self_links=edges.self_links,
        repeated=edges.repeated,
        seconds=time.monotonic() - started,
    )


def load_file(store: Store, path: str | Path, section_id: str | None = None, progress: Progress = _no_progress) -> LoadReport:
    """Check the whole file, then load it (nothing is written if a line is bad)."""
    return load(store, read_file(path), section_id, progress)
