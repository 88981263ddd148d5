"""Loading the reference data and reading the hierarchy, on every backend.

Most tests load a subset (the sections of six federations, all 102
federations, the roles): a few hundred sections, a fraction of a second. One
test loads the whole of France."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphsvc import hierarchy, querylib
from graphsvc.cli import cli
from graphsvc.errors import Invalid, NotFound
from graphsvc.identity import search_key
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


def grant(store, member_id: str, org_id: str, right: str) -> None:
    """Arrange an animation right (granting is the admins service's job, not this module's)."""
    text = (
        "MATCH (m:Member {id: $member_id}), (o:OrgUnit {id: $org_id}) "
        "CREATE (m)-[:ANIMATES {right: $right, granted_by: 'test', granted_at: 1}]->(o)"
    )
    query = querylib.Query("test/grant", None, "write", frozenset({"member_id", "org_id", "right"}),
                           (), "test", text, Path("test"))
    store._run(query, {"member_id": member_id, "org_id": org_id, "right": right})


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


def test_federation_is_found_by_number_or_id_with_its_sections_paged(loaded):
    by_number = hierarchy.federation(loaded, "1", limit=10)
    assert by_number == hierarchy.federation(loaded, "fed-01", limit=10)
    assert by_number.name == "Ain" and by_number.section_count > 10
    assert len(by_number.sections) == 10 and by_number.has_more
    names = [s.name for s in hierarchy.federation(loaded, "01", limit=200).sections]
    assert len(names) == by_number.section_count
    assert names == sorted(names, key=lambda n: search_key(n) + " |")  # accent-insensitive order
    page2 = hierarchy.federation(loaded, "01", limit=10, offset=10)
    assert {s.id for s in page2.sections}.isdisjoint({s.id for s in by_number.sections})
    assert [c.name for c in by_number.breadcrumbs] == ["Coopol national", "Ain"]


def test_federation_shows_its_coordinators_and_member_counts(loaded):
    coordinator = make_member(loaded, "sec-75111", first_name="Louise", last_name="Michel")
    make_member(loaded, "sec-75120")
    grant(loaded, coordinator.id, "fed-75", "coordinator")
    view = hierarchy.federation(loaded, "75")
    assert [(c.id, c.right) for c in view.coordinators] == [(coordinator.id, "coordinator")]
    assert view.members == 2
    counted = {s.id: s.members for s in view.sections}
    assert counted["sec-75111"] == 1 and counted["sec-75120"] == 1 and counted["sec-75101"] == 0


@pytest.mark.parametrize("bad", ["20", "100", "fed-xx", "", "1; DROP", "'}) //"])
def test_unknown_federation_is_not_found(loaded, bad):
    with pytest.raises(NotFound):
        hierarchy.federation(loaded, bad)


@pytest.mark.parametrize("limit, offset", [(0, 0), (201, 0), (10, -1)])
def test_out_of_range_pages_are_refused(loaded, limit, offset):
    with pytest.raises(Invalid):
        hierarchy.federation(loaded, "01", limit=limit, offset=offset)
    with pytest.raises(Invalid):
        hierarchy.members_of_section(loaded, "sec-01053", limit=limit, offset=offset)


# Sections


def test_section_has_its_federation_managers_communes_and_breadcrumbs(loaded):
    manager = make_member(loaded, "sec-69381", first_name="Jean", last_name="Jaurès")
    grant(loaded, manager.id, "sec-69381", "manager")
    view = hierarchy.section(loaded, "sec-69381")
    assert view.name == "Lyon 1er Arrondissement" and view.split_of == "69123"
    assert (view.federation_number, view.federation_name) == ("69", "Rhône")
    assert view.communes == ("69381",) and view.postcodes == ("69001",)
    assert [m.display_name for m in view.managers] == ["Jean Jaurès"]
    assert view.members == 1 and view.adherents == 1
    assert [(c.id, c.level) for c in view.breadcrumbs] == [
        ("national", "national"), ("fed-69", "federation"), ("sec-69381", "section")]


def test_a_grouped_section_lists_its_communes(loaded):
    laon_area = hierarchy.search(loaded, "environs de laon")[0]
    view = hierarchy.section(loaded, laon_area.id)
    assert len(view.communes) == len(view.commune_names) > 10
    assert "02000" in view.postcodes and view.weight == len(view.communes)


def test_members_of_section_are_ordered_and_bounded(loaded):
    for last in ["Zola", "Arago", "Hugo"]:
        make_member(loaded, "sec-01053", last_name=last)
    make_member(loaded, "sec-75111", last_name="Blum")
    rows = hierarchy.members_of_section(loaded, "sec-01053", limit=2)
    assert [r.last_name for r in rows] == ["Arago", "Hugo"]
    assert [r.last_name for r in hierarchy.members_of_section(loaded, "sec-01053", limit=2, offset=2)] == ["Zola"]
    assert {r.membership for r in rows} == {"adherent"}


@pytest.mark.parametrize("bad", ["sec-00000", "", "fed-01", "national", "x" * 500])
def test_unknown_section_is_not_found(loaded, bad):
    with pytest.raises(NotFound):
        hierarchy.section(loaded, bad)


def test_members_of_an_unknown_section_is_not_found(loaded):
    with pytest.raises(NotFound):
        hierarchy.members_of_section(loaded, "sec-99999")


# Codes


def test_an_insee_or_unshared_postal_code_finds_its_section(loaded):
    assert hierarchy.section_for_code(loaded, "01053").id == "sec-01053"  # Bourg-en-Bresse
    assert hierarchy.section_for_code(loaded, " 2a004 ").id == "sec-2A004"  # Ajaccio
    grouped = hierarchy.section_for_code(loaded, "01004")  # Ambérieu-en-Bugey, grouped
    assert "01004" in hierarchy.section(loaded, grouped.id).communes
    assert hierarchy.section_for_code(loaded, "75016").id == "sec-75116"
    assert hierarchy.section_for_code(loaded, "69005", kind="postal").id == "sec-69385"


def test_a_code_both_insee_and_postal_is_ambiguous_unless_the_kind_is_given(loaded):
    # 69001 is Affoux's INSEE code and Lyon 1er's postal code.
    with pytest.raises(Invalid, match="plusieurs sections"):
        hierarchy.section_for_code(loaded, "69001")
    assert hierarchy.section_for_code(loaded, "69001", kind="postal").id == "sec-69381"
    affoux = hierarchy.section_for_code(loaded, "69001", kind="insee")
    assert "69001" in hierarchy.section(loaded, affoux.id).communes
    assert {r.id for r in hierarchy.sections_for_code(loaded, "69001")} == {"sec-69381", affoux.id}


@pytest.mark.parametrize("code, city, sections", [("69123", "Lyon", 9), ("75056", "Paris", 20), ("75000", "Paris", 20)])
def test_a_split_citys_own_code_is_refused_with_its_sections(loaded, code, city, sections):
    with pytest.raises(Invalid) as err:
        hierarchy.section_for_code(loaded, code)
    message = str(err.value)
    assert "arrondissement" in message and message.count(f"{city} ") >= sections
    assert len(hierarchy.sections_for_code(loaded, code)) == sections


def test_a_postal_code_shared_by_sections_asks_for_the_commune(loaded):
    # Laon (a préfecture) has its own section; the villages of 02000 form another.
    with pytest.raises(Invalid) as err:
        hierarchy.section_for_code(loaded, "02000")
    assert "Laon (sec-02408)" in str(err.value) and "Environs de Laon" in str(err.value)
    assert hierarchy.section_for_code(loaded, "02408").id == "sec-02408"
    assert hierarchy.section_for_code(loaded, "02408", kind="insee").id == "sec-02408"


@pytest.mark.parametrize("code", ["27676", "99138", "00000"])
def test_an_unknown_or_retired_code_is_refused_clearly(loaded, code):
    with pytest.raises(Invalid, match="inconnu"):
        hierarchy.section_for_code(loaded, code)


@pytest.mark.parametrize("code", ["", "123", "ABCDE", "1234567", "'}) DETACH DELETE n //", None, 75011])
def test_a_malformed_code_is_refused_and_nothing_is_written(loaded, code):
    before = stats(loaded)
    with pytest.raises(Invalid):
        hierarchy.section_for_code(loaded, code)
    assert stats(loaded) == before


# Search


def test_search_finds_a_federation_by_number_and_name(loaded):
    assert hierarchy.search(loaded, "69")[0].id == "fed-69"
    assert hierarchy.search(loaded, "RHÔNE")[0].id == "fed-69"
    assert hierarchy.search(loaded, "aisne")[0].id == "fed-02"


def test_search_finds_a_section_by_commune_name_without_accents(loaded):
    hits = hierarchy.search(loaded, "ambérieu en bugey")  # a town grouped with its neighbours
    assert hits[0].federation_number == "01" and hits[0].matched == "amberieu en bugey"
    assert "01004" in hierarchy.section(loaded, hits[0].id).communes
    village = hierarchy.search(loaded, "Chivy-les-Etouvelles")[0]
    assert village.name == "Environs de Laon" and village.matched == "chivy les etouvelles"


def test_search_finds_sections_by_postal_code_and_abroad_by_city(loaded):
    assert hierarchy.search(loaded, "75016")[0].id == "sec-75116"
    assert hierarchy.search(loaded, "London")[0].id == "sec-99-londres"
    assert hierarchy.search(loaded, "genève")[0].id == "sec-99-geneve"


def test_search_is_bounded_and_ranks_prefixes_first(loaded):
    hits = hierarchy.search(loaded, "saint", limit=5)
    assert len(hits) == 5
    assert all(h.level == "section" for h in hits)
    assert all(h.name.lower().startswith("saint") for h in hits)


@pytest.mark.parametrize("text", ["", "   ", "!!!", "x" * 101])
def test_search_refuses_empty_or_overlong_text(loaded, text):
    with pytest.raises(Invalid):
        hierarchy.search(loaded, text)


def test_search_treats_hostile_text_as_text(loaded):
    assert hierarchy.search(loaded, "'}) DETACH DELETE n //") == []
    assert counts(loaded)["sections"] > 0


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
