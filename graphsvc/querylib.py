"""The query library: every Cypher statement is a named file under `queries/`.

A file opens with a comment header, parsed here and stripped from the text:

    // What the query is for (any number of lines).
    // mode: read|write
    // params: a, b
    // returns: col, col

Its name is its path under `queries/` without `.cypher`. A backend variant
(`name.neo4j.cypher`, `name.falkordb.cypher`) sits beside the portable file and
wins for that backend. `queries/schema/<backend>.cypher` holds the constraints
and indexes of one backend, several statements separated by `;`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
BACKENDS = ("falkordb", "neo4j")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_HEADER_KEY = re.compile(r"^(mode|params|returns|unique):\s*(.*)$")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# `[v:TYPE|OTHER*1..2]` in a relationship pattern; `(n:Label:Other)`, `SET n:Label`.
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*([A-Z][A-Z0-9_]*(?:\s*\|\s*:?\s*[A-Z][A-Z0-9_]*)*)")
_LABELS = re.compile(r"(?:\(\s*|\w)((?:\s*:\s*[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)+)")


class QueryFileError(ValueError):
    """A query file whose header does not match its text."""


@dataclass(frozen=True)
class Query:
    name: str
    backend: str | None  # None: the portable file
    mode: str
    params: frozenset[str]
    returns: tuple[str, ...]
    doc: str
    text: str
    path: Path


def _split_header(path: Path) -> tuple[list[str], dict[str, str], str]:
    doc, keys, body = [], {}, []
    in_header = True
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("//"):
            comment = stripped[2:].strip()
            match = _HEADER_KEY.match(comment)
            if match:
                keys[match.group(1)] = match.group(2).strip()
            elif comment:
                doc.append(comment)
            continue
        if in_header and not stripped:
            continue
        in_header = False
        body.append(line)
    return doc, keys, "\n".join(body).strip()


def _names(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


def parse(path: Path, root: Path = QUERIES_DIR) -> Query:
    """Read one query file and check its header against its text."""
    relative = path.relative_to(root).as_posix()[: -len(".cypher")]
    name, backend = relative, None
    for candidate in BACKENDS:
        if relative.endswith("." + candidate):
            name, backend = relative[: -len(candidate) - 1], candidate
    doc, keys, text = _split_header(path)
    if not doc:
        raise QueryFileError(f"{path}: the header must say what the query does")
    mode = keys.get("mode")
    if mode not in ("read", "write"):
        raise QueryFileError(f"{path}: header needs 'mode: read' or 'mode: write'")
    if "returns" not in keys:
        raise QueryFileError(f"{path}: header needs 'returns:' (may be empty)")
    declared = set(_names(keys.get("params", "")))
    used = set(_PARAM.findall(_STRING.sub("''", text)))
    if declared != used:
        raise QueryFileError(
            f"{path}: params declared {sorted(declared)} but the text uses {sorted(used)}"
        )
    if not text or ";" in _STRING.sub("''", text).rstrip(";"):
        raise QueryFileError(f"{path}: one statement per file")
    return Query(
        name=name,
        backend=backend,
        mode=mode,
        params=frozenset(declared),
        returns=tuple(_names(keys["returns"])),
        doc=" ".join(doc),
        text=text.rstrip(";").strip(),
        path=path,
    )


def query_files(root: Path = QUERIES_DIR) -> list[Path]:
    """Every named query file (schema files excluded)."""
    return sorted(p for p in root.rglob("*.cypher") if p.parent.name != "schema")


@cache
def _library(root: Path) -> dict[tuple[str, str | None], Query]:
    queries = {}
    for path in query_files(root):
        query = parse(path, root)
        queries[(query.name, query.backend)] = query
    return queries


def get(name: str, backend: str, root: Path = QUERIES_DIR) -> Query:
    """The query called `name` as `backend` runs it (its variant if it has one)."""
    library = _library(root)
    query = library.get((name, backend)) or library.get((name, None))
    if query is None:
        raise KeyError(f"no query named {name!r} in {root}")
    return query


def names(root: Path = QUERIES_DIR) -> list[str]:
    return sorted({name for name, _ in _library(root)})


@dataclass(frozen=True)
class Schema:
    statements: tuple[str, ...]
    unique: tuple[tuple[str, str], ...]  # (label, property), FalkorDB constraints


def schema(backend: str, root: Path = QUERIES_DIR) -> Schema:
    """Constraints and indexes of one backend, from `queries/schema/<backend>.cypher`."""
    path = root / "schema" / f"{backend}.cypher"
    statements, unique = [], []
    body = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            match = _HEADER_KEY.match(stripped[2:].strip())
            if match and match.group(1) == "unique":
                label, _, prop = match.group(2).partition(".")
                unique.append((label.strip(), prop.strip()))
            continue
        body.append(line)
    for statement in "\n".join(body).split(";"):
        if statement.strip():
            statements.append(statement.strip())
    return Schema(tuple(statements), tuple(unique))


@cache
def tokens(root: Path = QUERIES_DIR) -> tuple[frozenset[str], frozenset[str]]:
    """The labels and relationship types named by the query files (FalkorDB's
    schema must make each known to a new graph: `queries/schema/falkordb.cypher`)."""
    labels, types = set(), set()
    for path in query_files(root):
        for line in path.read_text(encoding="utf-8").splitlines():
            code = _STRING.sub("''", line).partition("//")[0]
            for found in _REL_TYPES.findall(code):
                types.update(t.strip(" :") for t in found.split("|"))
            for found in _LABELS.findall(code):
                labels.update(part.strip() for part in found.split(":") if part.strip())
    return frozenset(labels), frozenset(types)
