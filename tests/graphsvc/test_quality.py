"""`coopol bench suggestions-quality`: the harness (split, sample, scores, baselines) on tiny graphs."""

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from graphsvc import edgelist, quality, suggestions
from graphsvc.cli import cli
from graphsvc.errors import Invalid

# Two triangles sharing member 3, and a tail 5-6.
PAIRS = [("1", "2"), ("1", "3"), ("2", "3"), ("3", "4"), ("3", "5"), ("4", "5"), ("5", "6")]


def test_split_hides_a_tenth_of_the_links_the_same_way_for_the_same_seed():
    pairs = [(str(i), str(i + 1)) for i in range(100)]
    first = quality.split(pairs, seed=1)
    assert len(first.hidden) == 10 and len(first.kept) == 90
    assert set(first.hidden).isdisjoint(first.kept)
    assert quality.split(reversed(pairs), seed=1) == first
    assert quality.split(pairs, seed=2).hidden != first.hidden


def test_split_refuses_a_network_of_one_link():
    with pytest.raises(Invalid, match="at least two links"):
        quality.split([("a", "b")], seed=1)


def test_sample_is_fixed_by_the_seed_and_takes_everyone_when_few():
    members = [str(i) for i in range(1000)]
    assert quality.sample(members, 5, seed=3) == quality.sample(reversed(members), 5, seed=3)
    assert len(set(quality.sample(members, 5, seed=3))) == 5
    assert quality.sample(["b", "a"], 5, seed=3) == ["a", "b"]


def test_scores_count_hits_over_ten_and_over_the_hidden_links():
    hidden = {"m": {"x", "y"}, "n": {"z"}}
    ranked = {"m": ["x", "q"], "n": ["w"]}
    scores = quality.score(ranked.__getitem__, ["m", "n"], hidden)
    assert scores == quality.Scores(precision_at_10=0.05, recall_at_10=0.25)


def test_baselines_rank_two_hop_members_best_first_then_by_id():
    graph = nx.Graph(PAIRS)
    # 1's candidates: 4 and 5 through 3 (degree 4) only.
    assert quality.baseline(graph, "adamic_adar")("1") == ["4", "5"]
    # 6's candidates: 3 and 4, each through 5; tie broken by id.
    assert quality.baseline(graph, "common_neighbours")("6") == ["3", "4"]
    # 4: 1 and 2 through 3; 6 through 5 (degree 3 < 4), so 6 first by Adamic-Adar.
    assert quality.baseline(graph, "adamic_adar")("4") == ["6", "1", "2"]
    assert quality.baseline(graph, "common_neighbours")("4") == ["1", "2", "6"]
    assert quality.baseline(graph, "adamic_adar")("unknown") == []


def test_evaluate_compares_our_suggestions_with_the_hidden_links(falkordb_store):
    the_split = quality.Split(kept=tuple(p for p in PAIRS if p != ("3", "4")), hidden=(("3", "4"),))
    edges = edgelist.parse(f"{a} {b}" for a, b in the_split.kept)
    edgelist.load(falkordb_store, edges)
    variants = {"no section": quality.parse_weights("same_section=0, same_federation=0")}
    result = quality.evaluate(falkordb_store, [str(i) for i in range(1, 7)], the_split, members=10, seed=1,
                              load_seconds=0, variants=variants)
    assert (result.members, result.links, result.hidden, result.evaluated) == (6, 7, 1, 2)
    # 3 and 4 share 5; every ranking finds the hidden link for both members.
    for scores in (result.ours, result.adamic_adar, result.common_neighbours, result.variants["no section"]):
        assert scores.recall_at_10 == 1.0
        assert scores.precision_at_10 == 0.1


def test_weights_are_parsed_from_term_value_pairs():
    weights = quality.parse_weights("same_section=2, same_federation=0.5,max_degree=100")
    assert (weights.same_section, weights.same_federation, weights.max_degree) == (2.0, 0.5, 100)
    assert weights.coopains == suggestions.WEIGHTS.coopains  # the others as in WEIGHTS
    for bad in ("", "colour=2", "same_section=high"):
        with pytest.raises(Invalid):
            quality.parse_weights(bad)


def test_unknown_dataset_is_a_clear_message():
    result = CliRunner().invoke(cli, ["bench", "suggestions-quality", "--datasets", "ego-facebook,twitter"])
    assert result.exit_code == 1
    assert "unknown: twitter" in result.output


def test_cli_reports_the_three_rankings_as_json(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("\n".join(f"{a} {b}" for a, b in PAIRS * 1) + "\n1 4\n2 4\n2 5\n")
    result = CliRunner().invoke(
        cli,
        ["bench", "suggestions-quality", "--datasets", "ego-facebook", "--edgelist", str(path), "--json",
         "--weights", "same_section=2"],
        env={"COOPOL_INSTANCE": str(tmp_path)},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["datasets"]["ego-facebook"]
    assert (data["members"], data["links"], data["hidden"]) == (6, 10, 1)
    assert list(data["variants"]) == ["same_section=2"]
    for method in ("ours", "adamic_adar", "common_neighbours"):
        assert 0 <= data[method]["precision_at_10"] <= 0.1
        assert 0 <= data[method]["recall_at_10"] <= 1
