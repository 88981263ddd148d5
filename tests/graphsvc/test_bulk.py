"""Bulk loading: the FalkorDB bulk loader and batched UNWIND give the same graph."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from graphsvc import addressbook, bulk, contacts, membership
from graphsvc.errors import StoreError
from graphsvc.store import open_store
from tests.fixtures.falkordb import fresh_graph
from seeds import demo

NOW_MS = 1_790_000_000_000
ROLES = [
    demo.RoleInfo("secretaire_de_section", "party", "section"),
    demo.RoleInfo("maire", "mandate", "commune"),
    demo.RoleInfo("depute", "mandate", "constituency"),
]


def make_roles(store, roles=ROLES):
    # The real catalogue is another module's; a role node is all the loader needs.
    rows = [{"key": r.key, "label": r.key, "label_en": r.key, "kind": r.kind, "level": r.level} for r in roles]
    store.write("seed/merge_roles", rows=rows)


def snapshot(store) -> dict:
    labels = {r["label"]: r["nodes"] for r in store.read("seed/count_labels")}
    types = {r["type"]: r["relationships"] for r in store.read("seed/count_relationship_types")}
    pairs = [tuple(r.values()) for r in store.read("seed/list_coopain_pairs", skip=0, limit=100_000)]
    nodes = sorted(
        (tuple(r["labels"]), json.dumps({k: v for k, v in r["props"].items() if k != "password_hash"}, sort_keys=True))
        for r in store.read("seed/list_nodes", limit=100_000)
    )
    rels = sorted(
        json.dumps(r, sort_keys=True) for r in store.read("seed/list_relationships", limit=1_000_000)
    )
    return {"labels": labels, "types": types, "pairs": pairs, "nodes": nodes, "rels": rels}


def network_for(store, members=200, seed=8):
    return demo.generate(
        demo.read_sections(store), demo.read_roles(store), members, seed, 5, now_ms=NOW_MS, password_hash="$argon2id$x,y"
    )


@pytest.fixture
def second_falkordb_store(falkor_server):
    with fresh_graph(falkor_server) as store:
        yield store


def prepare(store):
    demo.create_synthetic_sections(store, federations=3, sections_per_federation=4)
    make_roles(store)


def test_bulk_loader_and_unwind_give_the_same_graph(falkordb_store, second_falkordb_store):
    prepare(falkordb_store)
    prepare(second_falkordb_store)
    by_bulk = bulk.load_network(falkordb_store, network_for(falkordb_store), method="falkordb-bulk")
    by_unwind = bulk.load_network(second_falkordb_store, network_for(second_falkordb_store), method="unwind")
    assert (by_bulk.method, by_unwind.method) == ("falkordb-bulk", "unwind")
    assert by_bulk.mandates > 0 and by_bulk.animations > 0
    left, right = snapshot(falkordb_store), snapshot(second_falkordb_store)
    for key in left:
        assert left[key] == right[key], key


def test_members_identifier_hashes_come_in_with_them_by_either_path(falkordb_store, second_falkordb_store):
    key = "bulk-contacts-key"
    field_limit = csv.field_size_limit()
    for store, method in ((falkordb_store, "falkordb-bulk"), (second_falkordb_store, "unwind")):
        prepare(store)
        bulk.load_network(store, network_for(store), method=method, contacts_key=key)
    assert csv.field_size_limit() == field_limit  # the loader's module lifts it when imported
    left, right = snapshot(falkordb_store), snapshot(second_falkordb_store)
    for part in left:
        assert left[part] == right[part], part
    people = network_for(falkordb_store).members
    phones = [m[4] for m in people if m[4]]
    expected = {contacts.keyed_hash(key, "email", m[1]) for m in people} | {
        contacts.keyed_hash(key, "phone", p) for p in phones}
    assert {json.loads(props)["hash"] for labels, props in left["nodes"] if "ContactHash" in labels} == expected
    assert left["types"]["IDENTIFIED_BY"] == len(people) + len(phones)
    # an address book holding members' e-mails and phones finds the same members in both graphs
    book = addressbook.AddressBook("vcard", "utf-8", 60, 60, 0, tuple(
        addressbook.Contact("", (m[1],), (m[4],) if m[4] else ()) for m in people[1:61]))
    found = [contacts.import_contacts(store, key, people[0][0], book, require_consent=False).matched_ids
             for store in (falkordb_store, second_falkordb_store)]
    assert found[0] == found[1] and found[0]


def test_bulk_loader_keeps_reference_data_unchanged(falkordb_store):
    prepare(falkordb_store)
    hostile = "Saint-Léon, « l'\"ancienne\" » \\ 🌹 $x {y}"
    falkordb_store.write(
        "seed/merge_sections",
        rows=[{"id": "sec-odd", "federation_id": "fed-T01", "name": hostile, "communes": ["01001", "2A004"],
               "postcodes": ["01000"], "search": "odd", "weight": 2.5}],
    )
    before = snapshot(falkordb_store)
    bulk.load_network(falkordb_store, network_for(falkordb_store), method="falkordb-bulk")
    after = snapshot(falkordb_store)
    reference = [n for n in after["nodes"] if "Member" not in n[0] and "Mandate" not in n[0]]
    assert reference == before["nodes"]
    odd = [json.loads(p) for labels, p in after["nodes"] if '"sec-odd"' in p][0]
    assert odd["name"] == hostile
    assert odd["communes"] == ["01001", "2A004"]  # strings stay strings
    assert odd["weight"] == 2.5


def test_auto_falls_back_to_unwind_when_members_exist(falkordb_store):
    prepare(falkordb_store)
    bulk.load_network(falkordb_store, network_for(falkordb_store, members=20), method="unwind")
    with pytest.raises(StoreError, match="already holds members"):
        bulk.load_network(falkordb_store, network_for(falkordb_store, members=5), method="falkordb-bulk")


def test_unwind_loads_on_every_backend(store):
    prepare(store)
    report = bulk.load_network(store, network_for(store, members=120), method="auto")
    assert report.method == ("falkordb-bulk" if store.backend == "falkordb" else "unwind")
    types = {r["type"]: r["relationships"] for r in store.read("seed/count_relationship_types")}
    assert types["COOPAIN"] == report.links == 600
    assert types["HOLDS"] == types["OF_ROLE"] == report.mandates
    copied = snapshot(store)
    assert sum(1 for labels, _ in copied["nodes"] if "Member" in labels) == 120
    assert len(copied["rels"]) == sum(types.values())


def test_bulk_loaded_graph_survives_restarts_and_later_writes(tmp_path):
    """The append-only file replays after a bulk load followed by writes made after a restart."""
    url = f"embedded://{tmp_path / 'graph'}"
    store = open_store(url)
    store.apply_schema()
    prepare(store)
    bulk.load_network(store, network_for(store, members=100), method="falkordb-bulk")
    store.close()

    store = open_store(url)
    data = "first_name,last_name,email,phone,section,membership\nJeanne,Durand,jd@example.net,,sec-90101,adherent\n"
    assert membership.import_members(store, None, data.encode()).created == 1
    expected = snapshot(store)
    store.close()

    store = open_store(url)
    try:
        assert snapshot(store) == expected
        assert expected["labels"]["Member"] == 101
    finally:
        store.close()


def test_bench_load_reports_rates_as_json(tmp_path):
    from graphsvc.cli import cli

    store = open_store(f"embedded://{tmp_path}")
    store.apply_schema()
    prepare(store)  # made-up sections: the real reference data takes longer to load
    store.close()
    result = CliRunner().invoke(
        cli, ["bench", "load", "--members", "300", "--links-per-member", "4", "--graph-url", f"embedded://{tmp_path}", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["members"] == 300 and report["links"] == 1200
    for key in ("seconds", "members_per_s", "links_per_s", "backend", "machine", "date"):
        assert key in report
    assert report["backend"] == "falkordb" and report["method"] == "falkordb-bulk"
    assert report["machine"]["nproc"] >= 1
