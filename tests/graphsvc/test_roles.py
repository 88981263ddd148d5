"""The roles catalogue in the graph, on every backend."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc import roles
from graphsvc.cli import cli
from graphsvc.errors import Conflict, Invalid
from seeds import roles as roles_seed


@pytest.fixture
def catalogued(store):
    store.write("roles/merge_catalogue", rows=roles_seed.roles())
    return store


def role_count(store) -> int:
    return store.read("refdata/count")[0]["roles"]


def test_the_seeded_catalogue_is_grouped_by_kind_and_sorted_for_a_form(catalogued):
    groups = roles.catalogue(catalogued)
    assert [g.kind for g in groups] == ["party", "mandate", "job"]
    assert [g.label for g in groups] == ["Fonctions dans le parti", "Mandats électifs", "Emplois"]
    total = sum(len(g.roles) for g in groups)
    assert total == len(roles_seed.ROLES) == role_count(catalogued)
    mandates = [r.label for r in groups[1].roles]
    assert mandates.index("Adjoint au maire") < mandates.index("Conseiller municipal") < mandates.index("Député")
    assert mandates.index("Député") < mandates.index("Député européen") < mandates.index("Maire")
    by_key = {r.key: r for g in groups for r in g.roles}
    assert by_key["secretaire_federal"].label == "Secrétaire fédéral"
    assert by_key["secretaire_federal"].label_en == "Federation secretary"
    assert by_key["depute"].level == "circonscription"


def test_seeding_the_catalogue_twice_keeps_one_node_per_key(catalogued):
    catalogued.write("roles/merge_catalogue", rows=roles_seed.roles())
    assert role_count(catalogued) == len(roles_seed.ROLES)


def test_an_administrator_adds_a_role_without_code_change(catalogued):
    added = roles.add(catalogued, "referent_numerique", "Référent numérique", "Digital lead", "party", "federation")
    assert roles.get(catalogued, "referent_numerique") == added
    party = roles.catalogue(catalogued)[0]
    assert "Référent numérique" in [r.label for r in party.roles]


def test_adding_a_taken_key_is_a_conflict_and_changes_nothing(catalogued):
    with pytest.raises(Conflict):
        roles.add(catalogued, "maire", "Maire bis", "Mayor", "mandate", "commune")
    assert roles.get(catalogued, "maire").label == "Maire"
    assert role_count(catalogued) == len(roles_seed.ROLES)


@pytest.mark.parametrize(
    "key, label, label_en, kind, level, message",
    [
        ("Bad Key", "Rôle", "Role", "party", "section", "clé"),
        ("cle_accentuée", "Rôle", "Role", "party", "section", "clé"),
        ("x" * 81, "Rôle", "Role", "party", "section", "clé"),
        ("ok_key", "", "Role", "party", "section", "libellé"),
        ("ok_key", "x" * 101, "Role", "party", "section", "libellé"),
        ("ok_key", "Rôle\u202e", "Role", "party", "section", "contrôle"),
        ("ok_key", "Rôle", " ", "party", "section", "anglais"),
        ("ok_key", "Rôle", "Role", "boss", "section", "type"),
        ("ok_key", "Rôle", "Role", "party", "commune", "niveau"),
        ("ok_key", "Rôle", "Role", "job", "national", "niveau"),
        ("'}) DETACH DELETE n //", "Rôle", "Role", "party", "section", "clé"),
    ],
)
def test_bad_roles_are_refused_with_a_clear_message_and_nothing_written(
    catalogued, key, label, label_en, kind, level, message
):
    with pytest.raises(Invalid, match=message):
        roles.add(catalogued, key, label, label_en, kind, level)
    assert role_count(catalogued) == len(roles_seed.ROLES)


def test_hostile_labels_are_stored_as_text(catalogued):
    label = "Délégué 'quote' \"}) DETACH DELETE n // $x {y}"
    roles.add(catalogued, "delegue_test", label, "Test", "job", "none")
    assert roles.get(catalogued, "delegue_test").label == label
    assert role_count(catalogued) == len(roles_seed.ROLES) + 1


def test_roles_commands_add_and_list(falkordb_store, monkeypatch):
    monkeypatch.setenv("COOPOL_GRAPH_NAME", falkordb_store.graph_name)
    runner = CliRunner()
    base = ["--graph-url", falkordb_store.url, "roles"]
    added = runner.invoke(cli, base + ["add", "referent_quartier", "--label", "Référent de quartier",
                                       "--label-en", "Neighbourhood lead", "--kind", "party", "--level", "section"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, base + ["list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.output) == [{
        "key": "referent_quartier", "label": "Référent de quartier", "label_en": "Neighbourhood lead",
        "kind": "party", "level": "section"}]
    again = runner.invoke(cli, base + ["add", "referent_quartier", "--label", "X", "--label-en", "X",
                                       "--kind", "party", "--level", "section"])
    assert again.exit_code == 1 and "existe déjà" in again.output
    bad = runner.invoke(cli, base + ["add", "x_y", "--label", "X", "--label-en", "X", "--kind", "job",
                                     "--level", "commune"])
    assert bad.exit_code == 1 and "niveau" in bad.output
    assert json.loads(runner.invoke(cli, base + ["list", "--json"]).output)[0]["key"] == "referent_quartier"
    assert len(json.loads(runner.invoke(cli, base + ["list", "--json"]).output)) == 1
