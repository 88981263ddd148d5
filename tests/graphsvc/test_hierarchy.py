"""Loading the reference data, and the hierarchy with members in it, on every
backend (tests that only read are in test_hierarchy_reads.py).

Most tests load a subset (the sections of six federations, all 102
federations, the roles): a few hundred sections. One test loads the whole of
France."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphsvc import admins, hierarchy
from graphsvc.cli import cli
from seeds import load_reference_data
from seeds import sections as secs
from tests.fixtures.web import make_member

SUBSET_FEDERATIONS = {"01", "02", "2A", "69", "75", "99"}


@pytest.fixture(scope="module")
def subset():
    return [s for s in secs.sections() if s.federation in SUBSET_FEDERATIONS]


@pytest.fixture
def loaded(store, subset):
    load_reference_data(store, sections=subset)
    return store


def counts(store) -> dict:
    return store.read("refdata/count")[0]


def stats(store) -> tuple[dict, dict]:
    nodes = {r["label"]: r["count"] for r in store.read("admin/stats_labels")}
    links = {r["type"]: r["count"] for r in store.read("admin/stats_relationships")}
    return nodes, links


# Loading


def test_loading_twice_changes_nothing(store, subset):
    first = load_reference_data(store, sections=subset)
    before = stats(store)
    second = load_reference_data(store, sections=subset)
    assert stats(store) == before
    assert first.sections == second.sections == len(subset)
    nodes, links = before
    assert nodes["Federation"] == 102 and nodes["National"] == 1
    assert nodes["Section"] == len(subset)
    assert nodes["OrgUnit"] == 1 + 102 + len(subset)
    assert links == {"PART_OF": 102 + len(subset)}
    assert nodes["Role"] == first.roles > 60


def test_loading_all_of_france_puts_every_commune_in_one_section(store):
    report = load_reference_data(store)
    assert counts(store) == {"national": 1, "federations": 102, "sections": 6414, "roles": report.roles}
    nodes, links = stats(store)
    assert links == {"PART_OF": 102 + 6414}
    # Any INSEE code of the commune list finds its one section.
    for code, expected in [("31555", "sec-31555"), ("2A004", "sec-2A004"), ("97611", "sec-97611"),
                           ("75111", "sec-75111"), ("69266", "sec-69266")]:
        assert hierarchy.section_for_code(store, code).id == expected
    assert hierarchy.section_for_code(store, "75011").id == "sec-75111"
    # Loading again (as `coopol init` does at every start) changes nothing.
    load_reference_data(store)
    assert stats(store) == (nodes, links)


# The national level and federations


def test_national_lists_federations_in_number_order_with_member_counts(loaded):
    make_member(loaded, "sec-01053")
    make_member(loaded, "sec-01053", membership="sympathisant")
    make_member(loaded, "sec-75111")
    view = hierarchy.national(loaded)
    numbers = [f.number for f in view.federations]
    assert numbers[:3] == ["01", "02", "03"] and numbers[19:21] == ["2A", "2B"]
    assert numbers[-1] == "99" and len(numbers) == 102
    by_number = {f.number: f for f in view.federations}
    assert (by_number["01"].members, by_number["01"].adherents) == (2, 1)
    assert by_number["75"].members == 1 and by_number["75"].sections == 20
    assert by_number["33"].members == 0
    assert view.members == 3
    assert [c.level for c in view.breadcrumbs] == ["national"]


def test_national_counts_may_be_reused_for_a_while_when_the_caller_allows(loaded):
    make_member(loaded, "sec-01053")
    assert hierarchy.national(loaded, max_age_s=3600).members == 1
    make_member(loaded, "sec-01053")
    assert hierarchy.national(loaded, max_age_s=3600).members == 1  # the page accepted old counts
    assert hierarchy.national(loaded).members == 2  # by default, counted now
    assert hierarchy.national(loaded, max_age_s=3600).members == 2


def test_federation_shows_its_coordinators_and_member_counts(loaded):
    coordinator = make_member(loaded, "sec-75111", first_name="Louise", last_name="Michel")
    make_member(loaded, "sec-75120")
    admins.bootstrap(loaded, coordinator.id, "federation", "fed-75")
    view = hierarchy.federation(loaded, "75")
    assert [(c.id, c.right) for c in view.coordinators] == [(coordinator.id, "coordinator")]
    assert view.members == 2
    counted = {s.id: s.members for s in view.sections}
    assert counted["sec-75111"] == 1 and counted["sec-75120"] == 1 and counted["sec-75101"] == 0


# Sections


def test_section_has_its_federation_managers_communes_and_breadcrumbs(loaded):
    manager = make_member(loaded, "sec-69381", first_name="Jean", last_name="Jaurès")
    admins.bootstrap(loaded, manager.id, "section", "sec-69381")
    view = hierarchy.section(loaded, "sec-69381")
    assert view.name == "Lyon 1er Arrondissement" and view.split_of == "69123"
    assert (view.federation_number, view.federation_name) == ("69", "Rhône")
    assert view.communes == ("69381",) and view.postcodes == ("69001",)
    assert [m.display_name for m in view.managers] == ["Jean Jaurès"]
    assert view.members == 1 and view.adherents == 1
    assert [(c.id, c.level) for c in view.breadcrumbs] == [
        ("national", "national"), ("fed-69", "federation"), ("sec-69381", "section")]


def test_members_of_section_are_ordered_and_bounded(loaded):
    for last in ["Zola", "Arago", "Hugo"]:
        make_member(loaded, "sec-01053", last_name=last)
    make_member(loaded, "sec-75111", last_name="Blum")
    rows = hierarchy.members_of_section(loaded, "sec-01053", limit=2)
    assert [r.last_name for r in rows] == ["Arago", "Hugo"]
    assert [r.last_name for r in hierarchy.members_of_section(loaded, "sec-01053", limit=2, offset=2)] == ["Zola"]
    assert {r.membership for r in rows} == {"adherent"}


# Command line


def test_refdata_load_and_stats_commands_print_json(falkordb_store, subset, monkeypatch):
    import json

    monkeypatch.setenv("COOPOL_GRAPH_NAME", falkordb_store.graph_name)
    monkeypatch.setattr(secs, "sections", lambda folder=None: subset)
    runner = CliRunner()
    loaded = runner.invoke(cli, ["--graph-url", falkordb_store.url, "refdata", "load", "--json"])
    assert loaded.exit_code == 0, loaded.output
    report = json.loads(loaded.output)
    assert (report["federations"], report["sections"]) == (102, len(subset))
    shown = runner.invoke(cli, ["--graph-url", falkordb_store.url, "stats", "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert data["nodes"]["Section"] == len(subset) and data["nodes"]["Federation"] == 102
    assert data["relationships"] == {"PART_OF": 102 + len(subset)}
