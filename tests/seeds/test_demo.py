"""The demo-network generator and `coopol seed`, on every backend."""

from __future__ import annotations

import json
import random

import numpy as np
import phonenumbers
import pytest
from click.testing import CliRunner

from graphsvc.errors import Conflict
from seeds import demo

NOW_MS = 1_790_000_000_000
MEMBERS = 300


def stats(store) -> tuple[dict, dict]:
    labels = {r["label"]: r["nodes"] for r in store.read("seed/count_labels")}
    types = {r["type"]: r["relationships"] for r in store.read("seed/count_relationship_types")}
    return labels, types


def pairs(store) -> list[tuple]:
    rows = store.read("seed/list_coopain_pairs", skip=0, limit=1_000_000)
    return [(r["a"], r["b"], r["since"]) for r in rows]


def made_up_sections(count: int = 40, federations: int = 4, seed: int = 7) -> list[demo.SectionInfo]:
    rng = random.Random(seed)
    return [
        demo.SectionInfo(f"sec-{i:03d}", f"Section {i}", max(1, int(rng.paretovariate(1.1))), f"fed-{i % federations}", (f"9{i:04d}",))
        for i in range(count)
    ]


def test_same_seed_gives_the_same_graph(store):
    demo.create_synthetic_sections(store)
    first = demo.seed_demo(store, MEMBERS, seed=42, now_ms=NOW_MS)
    first_stats, first_pairs = stats(store), pairs(store)
    demo_account = store.read("membership/get_member_by_email", email=demo.DEMO_EMAIL)[0]

    store.clear()
    demo.create_synthetic_sections(store)
    second = demo.seed_demo(store, MEMBERS, seed=42, now_ms=NOW_MS)

    assert (first.members, first.links) == (second.members, second.links) == (MEMBERS, MEMBERS * 20)
    assert stats(store) == first_stats
    assert pairs(store) == first_pairs
    again = store.read("membership/get_member_by_email", email=demo.DEMO_EMAIL)[0]
    assert again["section_id"] == demo_account["section_id"]
    assert {k: v for k, v in again["member"].items() if k != "password_hash"} == {
        k: v for k, v in demo_account["member"].items() if k != "password_hash"
    }


def test_another_seed_gives_another_graph(store):
    demo.create_synthetic_sections(store)
    demo.seed_demo(store, 100, seed=1, now_ms=NOW_MS)
    first = pairs(store)
    store.clear()
    demo.create_synthetic_sections(store)
    demo.seed_demo(store, 100, seed=2, now_ms=NOW_MS)
    assert pairs(store) != first


def test_seeded_graph_follows_the_shared_model(store):
    demo.create_synthetic_sections(store)
    report = demo.seed_demo(store, MEMBERS, seed=3, now_ms=NOW_MS)
    labels, types = stats(store)
    assert labels["Member"] == MEMBERS == labels["Adherent"] + labels["Sympathisant"]
    assert report.adherents == labels["Adherent"]
    assert types["BELONGS_TO"] == MEMBERS
    assert types["COOPAIN"] == MEMBERS * 20
    assert types["ANIMATES"] == report.animations >= 1
    account = store.read("membership/get_member_by_email", email=demo.DEMO_EMAIL)[0]
    member = account["member"]
    assert set(account["labels"]) == {"Member", "Adherent"}
    assert member["status"] == "active" and member["membership"] == "adherent"
    assert member["password_hash"].startswith("$argon2id$")
    assert member["visibility"] in ("section", "federation", "members")
    assert isinstance(member["visible_to_sympathisants"], bool)
    assert isinstance(member["created_at"], int) and member["created_at"] <= member["last_seen_at"] <= NOW_MS
    assert account["section_id"].startswith("sec-")


def test_demo_password_verifies_against_the_stored_hash(store):
    from argon2 import PasswordHasher

    demo.create_synthetic_sections(store)
    demo.seed_demo(store, 20, seed=1, now_ms=NOW_MS, links_per_member=2)
    stored = store.read("membership/get_member_by_email", email=demo.DEMO_EMAIL)[0]["member"]["password_hash"]
    assert PasswordHasher().verify(stored, demo.DEMO_PASSWORD)


def test_if_empty_does_nothing_when_members_exist(store):
    demo.create_synthetic_sections(store)
    demo.seed_demo(store, 50, seed=1, now_ms=NOW_MS, links_per_member=3)
    before = stats(store), pairs(store)
    report = demo.seed_demo(store, 80, seed=9, if_empty=True)
    assert report.skipped and report.members == 50
    assert (stats(store), pairs(store)) == before


def test_seeding_a_graph_with_members_is_refused_and_changes_nothing(store):
    demo.create_synthetic_sections(store)
    demo.seed_demo(store, 30, seed=1, now_ms=NOW_MS, links_per_member=3)
    before = stats(store)
    with pytest.raises(Conflict, match="already holds 30 members"):
        demo.seed_demo(store, 30, seed=2)
    assert stats(store) == before


def test_mandates_use_catalogue_roles_with_places(falkordb_store):
    store = falkordb_store
    demo.create_synthetic_sections(store)
    network = demo.generate(
        demo.read_sections(store),
        [demo.RoleInfo("secretaire_de_section", "party", "section"), demo.RoleInfo("maire", "mandate", "commune"),
         demo.RoleInfo("secretaire_federal", "party", "federation")],
        2000,
        seed=5,
        links_per_member=1,
        now_ms=NOW_MS,
    )
    assert network.mandates
    kinds = {m["role_key"]: m for m in network.mandates}
    assert kinds["secretaire_de_section"]["unit_id"].startswith("sec-")
    assert kinds["maire"]["place_kind"] == "commune" and kinds["maire"]["place_code"]
    assert kinds["secretaire_federal"]["unit_id"].startswith("fed-")
    adherents = {m[0] for m in network.members if m[5] == "adherent"}
    assert all(m["member_id"] in adherents for m in network.mandates if m["role_key"] != "maire")


def test_network_looks_social():
    network = demo.generate(made_up_sections(), [], 3000, seed=11, links_per_member=20, now_ms=NOW_MS)
    a, b = network.link_a, network.link_b
    n = len(network.members)
    assert network.links == 60_000
    assert not np.any(a == b)
    assert len(np.unique(a * n + b)) == network.links  # one link per pair
    degrees = np.bincount(np.concatenate([a, b]), minlength=n)
    assert degrees.mean() == pytest.approx(40)
    assert degrees.max() > 5 * degrees.mean()  # heavy tail: hubs
    assert np.median(degrees) < degrees.mean()
    section = np.array([m[6] for m in network.members])
    federation = np.array([network.sections[s].federation_id for s in section])
    same_section = np.mean(section[a] == section[b])
    same_federation = np.mean(federation[a] == federation[b])
    assert same_section > 0.6
    assert same_federation > same_section + 0.05
    assert same_federation < 0.99  # a few national links
    sizes = np.bincount(section)
    assert sizes.max() > 5 * np.median(sizes)  # heavy-tailed section sizes
    assert np.all(network.link_since >= 0) and np.all(network.link_since <= NOW_MS)


def test_members_have_unique_emails_and_valid_mobile_numbers():
    network = demo.generate(made_up_sections(), [], 3000, seed=4, links_per_member=0, now_ms=NOW_MS)
    emails = [m[1] for m in network.members]
    assert len(set(emails)) == len(emails)
    assert emails[0] == demo.DEMO_EMAIL
    assert all(e.endswith("@example.org") and e.isascii() for e in emails)
    phones = [m[4] for m in network.members if m[4]]
    assert len(phones) > 0.7 * len(emails)
    for phone in phones:
        number = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(number) and phone.startswith("+33")
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    assert {m[5] for m in network.members} == {"adherent", "sympathisant"}


def test_seed_command_creates_the_network_and_prints_the_demo_account(falkordb_store, falkor_server, monkeypatch):
    from graphsvc.cli import cli

    demo.create_synthetic_sections(falkordb_store)
    monkeypatch.setenv("COOPOL_GRAPH_URL", f"embedded://{falkor_server.folder}")
    monkeypatch.setenv("COOPOL_GRAPH_NAME", falkordb_store.graph_name)
    runner = CliRunner()
    result = runner.invoke(cli, ["seed", "--members", "120", "--seed", "3", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "demo@example.org / coopain-demo" in result.output
    assert stats(falkordb_store)[0]["Member"] == 120

    again = runner.invoke(cli, ["seed", "--members", "120", "--if-empty", "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["skipped"] is True

    refused = runner.invoke(cli, ["seed", "--members", "120"])
    assert refused.exit_code == 1
    assert "already holds 120 members" in refused.output


def test_seed_command_rejects_bad_options(falkordb_store, falkor_server, monkeypatch):
    from graphsvc.cli import cli

    monkeypatch.setenv("COOPOL_GRAPH_URL", f"embedded://{falkor_server.folder}")
    monkeypatch.setenv("COOPOL_GRAPH_NAME", falkordb_store.graph_name)
    for args in (["--members", "0"], ["--members", "abc"], ["--links-per-member", "-1"], ["--seed", "x"]):
        result = CliRunner().invoke(cli, ["seed", *args])
        assert result.exit_code == 2, args
    assert stats(falkordb_store)[0].get("Member") is None


def test_a_too_short_demo_password_is_refused_before_anything_is_written(store):
    from graphsvc.errors import Invalid

    demo.create_synthetic_sections(store)
    before = stats(store)
    with pytest.raises(Invalid, match="caractères au moins"):
        demo.seed_demo(store, 20, seed=1, password="short")
    assert stats(store) == before
