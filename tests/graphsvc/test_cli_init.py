"""`coopol init`: the schema and the reference data, safe to repeat."""

import json

from click.testing import CliRunner

from graphsvc.cli import cli


def test_init_twice_creates_schema_and_reference_data_once(tmp_path):
    env = {"COOPOL_GRAPH_URL": f"embedded://{tmp_path / 'graph'}", "COOPOL_INSTANCE": str(tmp_path)}
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(cli, ["init"], env=env)
        assert result.exit_code == 0, result.output
        assert "102 federations" in result.output
    stats = json.loads(runner.invoke(cli, ["stats", "--json"], env=env).output)
    assert stats["nodes"]["Federation"] == 102
    assert stats["nodes"]["National"] == 1
    assert stats["nodes"]["Section"] == stats["relationships"]["PART_OF"] - 102


def test_init_on_an_unknown_scheme_is_one_clear_message(tmp_path):
    result = CliRunner().invoke(cli, ["init"], env={"COOPOL_GRAPH_URL": "redis://:pw@localhost:1"})
    assert result.exit_code == 1
    assert "unknown graph URL scheme in redis://:***@localhost:1" in result.output
