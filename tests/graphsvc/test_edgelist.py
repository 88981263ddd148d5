"""`coopol load-edgelist`: an edge list (SNAP format) as members linked as coopains."""

import json

import pytest
from click.testing import CliRunner

from graphsvc import edgelist
from graphsvc.cli import cli
from graphsvc.errors import Invalid, NotFound

SMALL = """# a SNAP-style header
# Nodes: 5 Edges: 5
1 2
1\t3
2   3   # a comment after a pair
3 1
4 4

5 2
"""


def members_and_links(store):
    members = store.read("seed/count_members")[0]["members"]
    links = {r["type"]: r["relationships"] for r in store.read("seed/count_relationship_types")}
    return members, links.get("COOPAIN", 0), links.get("BELONGS_TO", 0)


def coopain_pairs(store):
    rows = store.read("seed/list_coopain_pairs", skip=0, limit=1000)
    return sorted(tuple(sorted((r["a"], r["b"]))) for r in rows)


def test_parse_reads_pairs_once_skipping_comments_self_links_and_repeats():
    edges = edgelist.parse(SMALL.splitlines())
    assert edges.nodes == ("1", "2", "3", "4", "5")
    assert edges.pairs == (("1", "2"), ("1", "3"), ("2", "3"), ("2", "5"))
    assert (edges.self_links, edges.repeated, edges.lines) == (1, 1, 9)


@pytest.mark.parametrize(
    "text, message",
    [
        ("1 2\n3\n", "line 2: expected two node labels"),
        ("1 2\n# fine\n1 2 3\n", "line 3: expected two node labels"),
        ("1 2\n3 a/b\n", "line 2: bad node label 'a/b'"),
    ],
)
def test_parse_names_the_first_bad_line(text, message):
    with pytest.raises(Invalid, match=message):
        edgelist.parse(text.splitlines())


def test_load_creates_members_in_the_import_section_and_links_each_pair_once(store):
    report = edgelist.load(store, edgelist.parse(SMALL.splitlines()))
    assert (report.section_id, report.section_created) == ("sec-import", True)
    assert (report.members_created, report.links_created) == (5, 4)
    assert members_and_links(store) == (5, 4, 5)
    assert coopain_pairs(store) == [("1", "2"), ("1", "3"), ("2", "3"), ("2", "5")]
    assert store.read("edgelist/existing_members", ids=["4", "9"]) == [{"member_id": "4"}]


def test_loading_twice_changes_nothing(store):
    edges = edgelist.parse(SMALL.splitlines())
    edgelist.load(store, edges)
    again = edgelist.load(store, edges)
    assert (again.section_created, again.members_created, again.links_created) == (False, 0, 0)
    assert members_and_links(store) == (5, 4, 5)


def test_a_second_file_adds_only_what_is_new_and_keeps_reversed_pairs_single(store):
    edgelist.load(store, edgelist.parse(["1 2", "2 3"]))
    report = edgelist.load(store, edgelist.parse(["2 1", "3 4"]))
    assert (report.members_created, report.links_created) == (1, 1)
    assert coopain_pairs(store) == [("1", "2"), ("2", "3"), ("3", "4")]


def test_load_into_a_named_section(store):
    store.write("members/ensure_section", section_id="sec-test", section_name="Test", communes=[], postcodes=[],
                federation_number="75", federation_name="Paris")
    report = edgelist.load(store, edgelist.parse(["a b"]), section_id="sec-test")
    assert (report.section_id, report.section_created, report.members_created) == ("sec-test", False, 2)
    assert store.read("edgelist/get_section", section_id="sec-import") == []


def test_an_unknown_section_is_refused_before_anything_is_written(store):
    with pytest.raises(NotFound, match="no section 'sec-nowhere'"):
        edgelist.load(store, edgelist.parse(["a b"]), section_id="sec-nowhere")
    assert members_and_links(store) == (0, 0, 0)


def test_cli_loads_a_file_and_a_bad_file_writes_nothing(tmp_path):
    env = {"COOPOL_GRAPH_URL": f"embedded://{tmp_path / 'graph'}", "COOPOL_INSTANCE": str(tmp_path)}
    runner = CliRunner()
    bad = tmp_path / "bad.txt"
    bad.write_text("1 2\n2 3\n3\n")
    result = runner.invoke(cli, ["load-edgelist", str(bad)], env=env)
    assert result.exit_code == 1
    assert "line 3: expected two node labels" in result.output
    good = tmp_path / "good.txt"
    good.write_text(SMALL)
    result = runner.invoke(cli, ["load-edgelist", str(good), "--json"], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["members_created"], report["links_created"], report["self_links"]) == (5, 4, 1)
    stats = json.loads(runner.invoke(cli, ["stats", "--json"], env=env).output)
    assert stats["relationships"]["COOPAIN"] == 4
