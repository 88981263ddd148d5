"""Reading the hierarchy on every backend, from one load per backend of a
subset of the reference data (the sections of six federations, all 102
federations, the roles): these tests write nothing."""

from __future__ import annotations

import pytest

from graphsvc import hierarchy
from graphsvc.errors import Invalid, NotFound
from graphsvc.identity import search_key
from seeds import load_reference_data
from seeds import sections as secs
from tests.conftest import BACKENDS

SUBSET_FEDERATIONS = {"01", "02", "2A", "69", "75", "99"}


def counts(store) -> dict:
    return store.read("refdata/count")[0]


def stats(store) -> tuple[dict, dict]:
    nodes = {r["label"]: r["count"] for r in store.read("admin/stats_labels")}
    links = {r["type"]: r["count"] for r in store.read("admin/stats_relationships")}
    return nodes, links


@pytest.fixture(scope="module", params=BACKENDS)
def reference(request):
    """A graph holding the subset, loaded once per backend for this module."""
    if request.param == "falkordb":
        import uuid

        from falkordb import FalkorDB

        from graphsvc.store.falkor import FalkorStore

        server = request.getfixturevalue("falkor_server")
        db = FalkorDB(unix_socket_path=str(server.socket))
        store = FalkorStore(db, f"t_{uuid.uuid4().hex}", f"embedded://{server.folder}")
        drop = store.drop
    else:
        store = request.getfixturevalue("neo4j_server").open_store()
        store.clear()
        drop = store.clear
    store.apply_schema()
    load_reference_data(store, sections=[s for s in secs.sections() if s.federation in SUBSET_FEDERATIONS])
    yield store
    drop()
    store.close()
    if request.param == "falkordb":
        db.connection.close()


def test_federation_is_found_by_number_or_id_with_its_sections_paged(reference):
    by_number = hierarchy.federation(reference, "1", limit=10)
    assert by_number == hierarchy.federation(reference, "fed-01", limit=10)
    assert by_number.name == "Ain" and by_number.section_count > 10
    assert len(by_number.sections) == 10 and by_number.has_more
    names = [s.name for s in hierarchy.federation(reference, "01", limit=200).sections]
    assert len(names) == by_number.section_count
    assert names == sorted(names, key=lambda n: search_key(n) + " |")  # accent-insensitive order
    page2 = hierarchy.federation(reference, "01", limit=10, offset=10)
    assert {s.id for s in page2.sections}.isdisjoint({s.id for s in by_number.sections})
    assert [c.name for c in by_number.breadcrumbs] == ["Coopol national", "Ain"]


@pytest.mark.parametrize("bad", ["20", "100", "fed-xx", "", "1; DROP", "'}) //", None, 69])
def test_unknown_federation_is_not_found(reference, bad):
    with pytest.raises(NotFound):
        hierarchy.federation(reference, bad)


@pytest.mark.parametrize("limit, offset", [(0, 0), (201, 0), (10, -1)])
def test_out_of_range_pages_are_refused(reference, limit, offset):
    with pytest.raises(Invalid):
        hierarchy.federation(reference, "01", limit=limit, offset=offset)
    with pytest.raises(Invalid):
        hierarchy.members_of_section(reference, "sec-01053", limit=limit, offset=offset)


def test_a_grouped_section_lists_its_communes(reference):
    laon_area = hierarchy.search(reference, "environs de laon")[0]
    view = hierarchy.section(reference, laon_area.id)
    assert len(view.communes) == len(view.commune_names) > 10
    assert "02000" in view.postcodes and view.weight == len(view.communes)


@pytest.mark.parametrize("bad", ["sec-00000", "", "fed-01", "national", "x" * 500])
def test_unknown_section_is_not_found(reference, bad):
    with pytest.raises(NotFound):
        hierarchy.section(reference, bad)


def test_members_of_an_unknown_section_is_not_found(reference):
    with pytest.raises(NotFound):
        hierarchy.members_of_section(reference, "sec-99999")


def test_an_insee_or_unshared_postal_code_finds_its_section(reference):
    assert hierarchy.section_for_code(reference, "01053").id == "sec-01053"  # Bourg-en-Bresse
    assert hierarchy.section_for_code(reference, " 2a004 ").id == "sec-2A004"  # Ajaccio
    grouped = hierarchy.section_for_code(reference, "01004")  # Ambérieu-en-Bugey, grouped
    assert "01004" in hierarchy.section(reference, grouped.id).communes
    assert hierarchy.section_for_code(reference, "75016").id == "sec-75116"
    assert hierarchy.section_for_code(reference, "69005", kind="postal").id == "sec-69385"


def test_a_code_both_insee_and_postal_is_ambiguous_unless_the_kind_is_given(reference):
    # 69001 is Affoux's INSEE code and Lyon 1er's postal code.
    with pytest.raises(Invalid, match="plusieurs sections"):
        hierarchy.section_for_code(reference, "69001")
    assert hierarchy.section_for_code(reference, "69001", kind="postal").id == "sec-69381"
    affoux = hierarchy.section_for_code(reference, "69001", kind="insee")
    assert "69001" in hierarchy.section(reference, affoux.id).communes
    assert {r.id for r in hierarchy.sections_for_code(reference, "69001")} == {"sec-69381", affoux.id}


@pytest.mark.parametrize("code, city, sections", [("69123", "Lyon", 9), ("75056", "Paris", 20), ("75000", "Paris", 20)])
def test_a_split_citys_own_code_is_refused_with_its_sections(reference, code, city, sections):
    with pytest.raises(Invalid) as err:
        hierarchy.section_for_code(reference, code)
    message = str(err.value)
    assert "arrondissement" in message and message.count(f"{city} ") >= sections
    assert len(hierarchy.sections_for_code(reference, code)) == sections


def test_a_postal_code_shared_by_sections_asks_for_the_commune(reference):
    # Laon (a préfecture) has its own section; the villages of 02000 form another.
    with pytest.raises(Invalid) as err:
        hierarchy.section_for_code(reference, "02000")
    assert "Laon (sec-02408)" in str(err.value) and "Environs de Laon" in str(err.value)
    assert hierarchy.section_for_code(reference, "02408").id == "sec-02408"
    assert hierarchy.section_for_code(reference, "02408", kind="insee").id == "sec-02408"


@pytest.mark.parametrize("code", ["27676", "99138", "00000"])
def test_an_unknown_or_retired_code_is_refused_clearly(reference, code):
    with pytest.raises(Invalid, match="inconnu"):
        hierarchy.section_for_code(reference, code)


@pytest.mark.parametrize("code", ["", "123", "ABCDE", "1234567", "'}) DETACH DELETE n //", None, 75011])
def test_a_malformed_code_is_refused_and_nothing_is_written(reference, code):
    before = stats(reference)
    with pytest.raises(Invalid):
        hierarchy.section_for_code(reference, code)
    assert stats(reference) == before


def test_search_finds_a_federation_by_number_and_name(reference):
    assert hierarchy.search(reference, "69")[0].id == "fed-69"
    assert hierarchy.search(reference, "RHÔNE")[0].id == "fed-69"
    assert hierarchy.search(reference, "aisne")[0].id == "fed-02"


def test_search_finds_a_section_by_commune_name_without_accents(reference):
    hits = hierarchy.search(reference, "ambérieu en bugey")  # a town grouped with its neighbours
    assert hits[0].federation_number == "01" and hits[0].matched == "amberieu en bugey"
    assert "01004" in hierarchy.section(reference, hits[0].id).communes
    village = hierarchy.search(reference, "Chivy-les-Etouvelles")[0]
    assert village.name == "Environs de Laon" and village.matched == "chivy les etouvelles"


def test_search_finds_sections_by_postal_code_and_abroad_by_city(reference):
    assert hierarchy.search(reference, "75016")[0].id == "sec-75116"
    assert hierarchy.search(reference, "London")[0].id == "sec-99-londres"
    assert hierarchy.search(reference, "genève")[0].id == "sec-99-geneve"


def test_search_is_bounded_and_ranks_prefixes_first(reference):
    hits = hierarchy.search(reference, "saint", limit=5)
    assert len(hits) == 5
    assert all(h.level == "section" for h in hits)
    assert all(h.name.lower().startswith("saint") for h in hits)


@pytest.mark.parametrize("text", ["", "   ", "!!!", "x" * 101, None])
def test_search_refuses_empty_or_overlong_text(reference, text):
    with pytest.raises(Invalid):
        hierarchy.search(reference, text)


def test_search_treats_hostile_text_as_text(reference):
    assert hierarchy.search(reference, "'}) DETACH DELETE n //") == []
    assert counts(reference)["sections"] > 0
