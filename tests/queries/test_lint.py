"""Neo4j's own front-end (`@neo4j-cypher/language-support`, `lintCypherQuery`)
accepts every file in `queries/`: no error, no deprecation warning."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graphsvc.querylib import QUERIES_DIR

REPO = Path(__file__).resolve().parents[2]
LINT = REPO / "tools" / "cypher-lint.mjs"
PACKAGE = REPO / "node_modules" / "@neo4j-cypher" / "language-support"
# Diagnostics of statements already linted (same text, params, package, script):
# linting costs about 0.2 s of CPU a statement, the suite lints ~100 files.
CACHE = REPO / "node_modules" / ".cache" / "coopol-cypher-lint.json"


def lint(*args: str, stdin: str | None = None) -> tuple[int, list[dict]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on the PATH: the Cypher lint needs Node.js 20 or newer")
    if not PACKAGE.is_dir():
        pytest.fail(f"{PACKAGE.relative_to(REPO)} is missing: run `npm ci` (make test-deps)")
    done = subprocess.run(
        [node, str(LINT), "--json", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def failures(results: list[dict]) -> list[str]:
    return [
        f"{r['name']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}"
        for r in results
        for d in r["diagnostics"]
        if d["failure"]
    ]


def test_every_query_file_passes_the_neo4j_front_end():
    files = sorted(QUERIES_DIR.rglob("*.cypher"))
    assert any(f.parent.name == "schema" for f in files)
    rc, results = lint("--cache", str(CACHE), *(str(f.relative_to(REPO)) for f in files))
    assert len(results) == len(files)
    found = failures(results)
    assert not found, "Neo4j's front-end rejects:\n" + "\n".join(found)
    assert rc == 0


SCHEMA = (
    "// Constraints.\n"
    "CREATE CONSTRAINT a IF NOT EXISTS FOR (m:Member) REQUIRE m.id IS UNIQUE;\n"
    "\n"
    "CREATE INDEX b IF NOT EXISTS FOR (m:Member ON (m.email);\n"
    "CALL db.awaitIndexes(300)\n"
)
FALKORDB_VARIANT = (
    "// A FalkorDB-only variant: its procedures are not Neo4j's.\n"
    "// mode: read\n"
    "// params: q, limit\n"
    "// returns: id\n"
    "CALL db.idx.fulltext.queryNodes('Member', $q) YIELD node\n"
    "RETURN node.id AS id, algo.rank(node) AS rank LIMIT $limit\n"
)
STATEMENTS = [
    ("syntax", "MATCH (m:Member {id: $id}\nRETURN m.id AS id", ["id"]),
    ("size_of_pattern", "MATCH (m:Member)\nRETURN size((m)--()) AS degree", []),
    ("call_without_scope", "MATCH (m:Member)\nCALL { WITH m RETURN m.id AS x }\nRETURN x", []),
    ("deprecated_id", "MATCH (m:Member) RETURN id(m) AS internal", []),
    ("clean", "MATCH (m:Member {id: $id}) RETURN m.id AS id LIMIT $limit", ["id", "limit"]),
    ("undeclared", "MATCH (m:Member {id: $id}) RETURN m.id AS id LIMIT $limit", ["id"]),
    ("falkordb_function", "MATCH (m:Member) RETURN algo.pageRank(m) AS rank", []),
    ("cartesian", "MATCH (a:Member), (b:Section) RETURN a.id AS a, b.id AS b LIMIT 1", []),
]


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    """Deliberately bad statements and files, linted in one run of the script."""
    folder = tmp_path_factory.mktemp("lint")
    (folder / "schema").mkdir()
    (folder / "schema" / "neo4j.cypher").write_text(SCHEMA)
    (folder / "area").mkdir()
    (folder / "area" / "search.falkordb.cypher").write_text(FALKORDB_VARIANT)
    files = [str(folder / "schema" / "neo4j.cypher"), str(folder / "area" / "search.falkordb.cypher")]
    items = [{"name": n, "text": t, "params": p} for n, t, p in STATEMENTS]
    rc, results = lint(*files, "--stdin", stdin=json.dumps(items))
    by_name = {r["name"]: r["diagnostics"] for r in results}
    return rc, by_name, files


def failing(diagnostics: list[dict]) -> list[dict]:
    return [d for d in diagnostics if d["failure"]]


def test_the_check_fails_when_a_statement_is_bad(bad):
    rc, _, _ = bad
    assert rc == 1


def test_a_syntax_error_is_reported_with_its_line(bad):
    error = failing(bad[1]["syntax"])[0]
    assert error["severity"] == "error" and error["line"] == 2 and error["column"] == 1
    assert "Invalid input 'RETURN'" in error["message"]


def test_deprecated_and_removed_forms_are_failures(bad):
    by_name = bad[1]
    assert any("size()" in d["message"] for d in failing(by_name["size_of_pattern"]))
    (scope,) = failing(by_name["call_without_scope"])
    assert scope["severity"] == "warning" and "deprecated" in scope["message"]
    assert any("deprecated" in d["message"] for d in failing(by_name["deprecated_id"]))


def test_a_clean_statement_has_no_diagnostic(bad):
    assert bad[1]["clean"] == []


def test_an_undeclared_parameter_is_an_error(bad):
    (error,) = failing(bad[1]["undeclared"])
    assert error["message"] == "Parameter $limit is not defined." and error["column"] == 52


def test_a_function_neo4j_lacks_is_an_error_in_a_portable_query(bad):
    (error,) = failing(bad[1]["falkordb_function"])
    assert "algo.pageRank" in error["message"]


def test_a_falkordb_variant_may_use_falkordb_procedures(bad):
    _, by_name, files = bad
    assert by_name[files[1]] == []


def test_other_warnings_are_shown_but_do_not_fail(bad):
    (warning,) = bad[1]["cartesian"]
    assert warning["severity"] == "warning" and not warning["failure"]
    assert "cartesian product" in warning["message"]


def test_the_cache_never_hides_a_changed_file(tmp_path):
    cache = tmp_path / "cache.json"
    query = tmp_path / "area" / "get.cypher"
    query.parent.mkdir()
    query.write_text("// Gets one.\n// mode: read\n// params: id\n// returns: id\nMATCH (m:Member {id: $id}) RETURN m.id AS id\n")
    assert lint("--cache", str(cache), str(query)) == (0, [{"name": str(query), "file": str(query), "diagnostics": []}])
    assert cache.exists()
    query.write_text(query.read_text().replace("RETURN m.id", "RETURN size((m)--()) AS n, m.id"))
    rc, results = lint("--cache", str(cache), str(query))
    assert rc == 1 and "size()" in failures(results)[0]


def test_a_schema_file_is_linted_statement_by_statement(bad):
    _, by_name, files = bad
    (error,) = failing(by_name[files[0]])
    assert error["line"] == 4
