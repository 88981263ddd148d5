"""The query library: every file in `queries/` keeps its header's promises, the
loader refuses a file that does not, and a backend variant wins for its backend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphsvc import querylib
from graphsvc.querylib import BACKENDS, QUERIES_DIR, QueryFileError

QUERY_FILES = querylib.query_files()


def test_the_library_is_not_empty():
    assert QUERY_FILES and querylib.names()


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.relative_to(QUERIES_DIR).as_posix())
def test_every_query_file_keeps_its_header(path):
    query = querylib.parse(path)  # raises on a missing header, params mismatch, two statements
    assert query.doc and query.mode in ("read", "write") and query.text
    for column in query.returns:
        assert re.search(rf"\b{re.escape(column)}\b", query.text), f"{path}: returns {column!r}, never named"
    if query.mode == "read" and query.returns:
        assert re.search(r"\bRETURN\b", query.text, re.IGNORECASE), f"{path}: a read that returns nothing"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.relative_to(QUERIES_DIR).as_posix())
def test_every_list_query_is_bounded(path):
    query = querylib.parse(path)
    if query.name.rsplit("/", 1)[-1].startswith("list_"):
        assert "limit" in query.params, f"{path}: a list_ query takes $limit"


def test_every_query_resolves_on_every_backend_with_one_contract():
    for name in querylib.names():
        portable = [querylib.get(name, backend) for backend in BACKENDS]
        first = portable[0]
        for query in portable[1:]:
            assert (query.mode, query.params, query.returns) == (first.mode, first.params, first.returns), (
                f"{name}: its variants disagree on mode, params or returns"
            )


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_schema_file_has_statements(backend):
    schema = querylib.schema(backend)
    assert schema.statements
    assert all(s.strip() and ";" not in s for s in schema.statements)


def test_falkordb_schema_lists_unique_constraints():
    unique = querylib.schema("falkordb").unique
    assert ("Member", "id") in unique and ("Member", "email") in unique


# --- the loader on files written for the test -------------------------------------


def write(root: Path, name: str, text: str) -> Path:
    path = root / f"{name}.cypher"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "// Finds one member.\n// mode: read\n// params: id\n// returns: id\nMATCH (m:Member {id: $id}) RETURN m.id AS id\n"


def test_a_good_file_parses_into_its_parts(tmp_path):
    query = querylib.parse(write(tmp_path, "area/get_member", GOOD), tmp_path)
    assert query.name == "area/get_member" and query.backend is None
    assert query.mode == "read" and query.params == {"id"} and query.returns == ("id",)
    assert query.doc == "Finds one member."
    assert query.text == "MATCH (m:Member {id: $id}) RETURN m.id AS id"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("// mode: read\n// params: id\n// returns: id\nMATCH (m {id: $id}) RETURN m.id AS id", "say what the query does"),
        ("// Finds.\n// params: id\n// returns: id\nMATCH (m {id: $id}) RETURN m.id AS id", "mode: read"),
        ("// Finds.\n// mode: maybe\n// params: id\n// returns: id\nMATCH (m {id: $id}) RETURN m.id AS id", "mode: read"),
        ("// Finds.\n// mode: read\n// params: id\nMATCH (m {id: $id}) RETURN m.id AS id", "returns:"),
        ("// Finds.\n// mode: read\n// params:\n// returns: id\nMATCH (m {id: $id}) RETURN m.id AS id", "text uses ['id']"),
        ("// Finds.\n// mode: read\n// params: id, limit\n// returns: id\nMATCH (m {id: $id}) RETURN m.id AS id", "declared ['id', 'limit']"),
        ("// Finds.\n// mode: read\n// params: id\n// returns: id\nMATCH (m {id: $id}) RETURN m.id AS id;\nMATCH (n) DETACH DELETE n", "one statement"),
        ("// Finds.\n// mode: read\n// params:\n// returns:\n", "one statement"),
    ],
    ids=["no-doc", "no-mode", "bad-mode", "no-returns", "undeclared-param", "unused-param", "two-statements", "empty"],
)
def test_the_loader_refuses_a_bad_header(tmp_path, text, message):
    path = write(tmp_path, "area/bad", text)
    with pytest.raises(QueryFileError) as err:
        querylib.parse(path, tmp_path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_dollars_and_semicolons_inside_strings_are_text(tmp_path):
    text = "// Echo.\n// mode: read\n// params: value\n// returns: value, s\nRETURN $value AS value, 'costs $5; paid' AS s\n"
    query = querylib.parse(write(tmp_path, "area/echo", text), tmp_path)
    assert query.params == {"value"}


def test_a_trailing_semicolon_is_dropped(tmp_path):
    query = querylib.parse(write(tmp_path, "area/get_member", GOOD.rstrip() + ";\n"), tmp_path)
    assert not query.text.endswith(";")


def test_a_bad_file_stops_the_whole_library_from_loading(tmp_path):
    write(tmp_path, "area/get_member", GOOD)
    write(tmp_path, "area/bad", "MATCH (n) RETURN n")
    with pytest.raises(QueryFileError):
        querylib.get("area/get_member", "falkordb", tmp_path)


def test_a_backend_variant_wins_for_its_backend_only(tmp_path):
    write(tmp_path, "area/get_member", GOOD)
    write(tmp_path, "area/get_member.neo4j", GOOD.replace("MATCH (m:Member", "MATCH (m:Member:Adherent"))
    neo4j = querylib.get("area/get_member", "neo4j", tmp_path)
    falkordb = querylib.get("area/get_member", "falkordb", tmp_path)
    assert neo4j.backend == "neo4j" and ":Adherent" in neo4j.text
    assert falkordb.backend is None and ":Adherent" not in falkordb.text
    assert querylib.names(tmp_path) == ["area/get_member"]


def test_an_unknown_name_is_a_key_error(tmp_path):
    write(tmp_path, "area/get_member", GOOD)
    with pytest.raises(KeyError, match="area/nothing"):
        querylib.get("area/nothing", "falkordb", tmp_path)


def test_schema_statements_are_split_and_unique_lines_read(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "falkordb.cypher").write_text(
        "// Schema.\n// unique: Member.id\nCREATE INDEX FOR (m:Member) ON (m.id);\n\nCREATE INDEX FOR (o:OrgUnit) ON (o.id)\n"
    )
    schema = querylib.schema("falkordb", tmp_path)
    assert schema.statements == ("CREATE INDEX FOR (m:Member) ON (m.id)", "CREATE INDEX FOR (o:OrgUnit) ON (o.id)")
    assert schema.unique == (("Member", "id"),)
    assert querylib.query_files(tmp_path) == []


def test_labels_and_types_are_read_from_patterns_not_strings_or_comments(tmp_path):
    write(tmp_path, "area/walk", GOOD.replace(
        "MATCH (m:Member {id: $id})",
        "MATCH (m:Member:Adherent {id: $id})-[:COOPAIN|:BLOCKED*1..2]-(o), (:OrgUnit)<-[r :PART_OF]-(o)\n"
        "SET o:Section WITH m, o, [x IN [1] | x] AS l, {k: 'x:Fake', Z: 1} AS map // (:Commented)-[:GONE]\n"
        "MATCH (m)",
    ))
    labels, types = querylib.tokens(tmp_path)
    assert labels == {"Member", "Adherent", "OrgUnit", "Section"}
    assert types == {"COOPAIN", "BLOCKED", "PART_OF"}
