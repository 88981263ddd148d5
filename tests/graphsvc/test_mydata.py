"""Vos données, votre choix: the export holds every part and no secret; the
erasure removes the member and what only they own, keeps what is others', and
(on the embedded graph) leaves nothing of the member in the files on disk."""

from __future__ import annotations

import json
import uuid

import pytest

from graphsvc import accounts, admins, coopains, members, mydata, notifications, querylib, suggestions
from graphsvc.errors import Invalid, NotFound
from graphsvc.store.embedded import open_embedded
from tests.fixtures.web import PASSWORD, make_member, make_role, make_section


def cypher(store, text, **params):
    """Arrange what no service makes yet (address books), inspect storage."""
    query = querylib.Query("test/cypher", None, "write", frozenset(params), (), "test", text, None)
    return store._run(query, params)


def count(store, pattern, **params):
    return cypher(store, f"MATCH {pattern} RETURN count(*) AS n", **params)[0]["n"]


def graph_size(store):
    nodes = count(store, "(n)")
    links = count(store, "()-[r]->()")
    return nodes, links


def add_contacts(store, member_id, hashes, *, own=False):
    """The agreed model of issue 5: ContactHash nodes linked by HAS_CONTACT (an
    import) or IDENTIFIED_BY (the member's own e-mail and phone)."""
    link = "IDENTIFIED_BY" if own else "HAS_CONTACT"
    cypher(
        store,
        f"MATCH (m:Member {{id: $id}}) UNWIND $hashes AS h MERGE (c:ContactHash {{hash: h}}) "
        f"MERGE (m)-[:{link} {{imported_at: 1}}]->(c)",
        id=member_id,
        hashes=list(hashes),
    )


@pytest.fixture
def world(store):
    """Alice, who has a bit of everything, and her neighbours."""
    section = make_section(store)
    role = make_role(store)
    people = {
        name: make_member(store, section, first_name=name.capitalize(), last_name="Test", visibility="members",
                          email=f"{name}@example.org")
        for name in ("bruno", "chloe", "david", "eve", "frank")
    }
    alice = members.register(
        store, first_name="Alice", last_name="Lambert", email="alice@example.org", password=PASSWORD,
        membership="adherent", section_id=section, visibility="members", phone="06 12 34 56 78",
        mandates=[members.MandateInput(role, place_label="Villeurbanne", place_code="69266", place_kind="commune")],
    )
    ids = {name: m.id for name, m in people.items()} | {"alice": alice.id}
    coopains.request(store, ids["alice"], ids["bruno"])
    coopains.accept(store, ids["bruno"], ids["alice"])
    coopains.request(store, ids["bruno"], ids["chloe"])
    coopains.accept(store, ids["chloe"], ids["bruno"])
    coopains.request(store, ids["alice"], ids["chloe"], "On se connaît ?")
    coopains.request(store, ids["david"], ids["alice"])
    coopains.block(store, ids["alice"], ids["eve"])
    suggestions.dismiss(store, ids["alice"], ids["frank"])
    admins.bootstrap(store, ids["alice"], "section", section)
    accounts.open_session(store, ids["alice"])
    accounts.open_session(store, ids["alice"])
    add_contacts(store, ids["alice"], ["h-alice-only", "h-shared"])
    add_contacts(store, ids["bruno"], ["h-shared", "h-alice-email"])
    add_contacts(store, ids["alice"], ["h-alice-email", "h-alice-phone"], own=True)
    add_contacts(store, ids["bruno"], ["h-bruno-email"], own=True)
    cypher(store, "MATCH (m:Member {id: $id}) SET m.contacts_consent_at = 1700000000000, m.findable = false "
                  "CREATE (:ContactImport {id: 'imp-1', at: 1700000000001, format: 'vcard', read: 3, valid: 2, "
                  "rejected: 1, matched: 1, identifiers: 2})-[:BY]->(m)", id=ids["alice"])
    notifications.notify(store, [ids["alice"]], "coopain_request", actor_id=ids["david"])
    notifications.notify(store, [ids["bruno"], ids["chloe"]], "coopain_accepted", actor_id=ids["alice"])
    notifications.notify(store, [ids["bruno"]], "coopain_request", actor_id=ids["chloe"])
    return store, ids, section


def test_export_holds_every_part_of_the_members_data(world):
    store, ids, section = world
    data = mydata.export(store, ids["alice"])

    assert data["format"] == mydata.FORMAT and data["member_id"] == ids["alice"] and data["exported_at"] > 0
    assert set(data) >= {key for key, _ in mydata.EXPORT_PARTS}
    profile = data["profile"]
    assert (profile["email"], profile["first_name"], profile["phone"]) == ("alice@example.org", "Alice", "+33612345678")
    assert data["choices"] == {"membership": "adherent", "visibility": "members", "visible_to_sympathisants": False,
                               "suggestible": True, "findable": False, "contacts_consent_at": 1700000000000}
    assert data["section"]["section_id"] == section and data["section"]["federation_number"] == "69"
    [mandate] = data["mandates"]
    assert (mandate["role_key"], mandate["place_label"]) == ("adjoint_maire", "Villeurbanne")
    assert len(data["sessions"]) == 2 and all(s["created_at"] for s in data["sessions"])
    assert [c["id"] for c in data["coopains"]] == [ids["bruno"]]
    assert [(r["id"], r["message"]) for r in data["requests_sent"]] == [(ids["chloe"], "On se connaît ?")]
    assert [r["id"] for r in data["requests_received"]] == [ids["david"]]
    assert [b["id"] for b in data["blocked"]] == [ids["eve"]]
    assert [d["id"] for d in data["dismissed_suggestions"]] == [ids["frank"]]
    assert [(r["unit_id"], r["right"]) for r in data["animation_rights"]] == [(section, "manager")]
    contacts = data["contacts"]
    assert (contacts["consent_at"], contacts["findable"], contacts["hashes_held"]) == (1700000000000, False, 2)
    assert [(i["format"], i["read"], i["matched"]) for i in contacts["imports"]] == [("vcard", 3, 1)]
    json.dumps(data)  # one JSON document


def test_export_holds_no_secret_and_nobody_elses_data(world):
    store, ids, _ = world
    text = json.dumps(mydata.export(store, ids["alice"]), ensure_ascii=False)
    assert "password_hash" not in text and "$argon2" not in text
    assert "id_hash" not in text and "h-alice-only" not in text and "h-shared" not in text
    for row in cypher(store, "MATCH (s:Session) RETURN s.id_hash AS h"):
        assert row["h"] not in text
    assert "bruno@example.org" not in text and "h-bruno-email" not in text


def test_export_of_an_unknown_member_is_not_found(store):
    for bad in ("nobody", "", "x" * 500, None):
        with pytest.raises(NotFound):
            mydata.export(store, bad)


def test_find_takes_an_id_or_an_email_address(world):
    store, ids, _ = world
    assert mydata.find(store, " ALICE@example.org ").id == ids["alice"]
    assert mydata.find(store, ids["alice"]).email == "alice@example.org"
    for unknown in ("nobody@example.org", "not an address@", "nobody"):
        with pytest.raises(NotFound):
            mydata.find(store, unknown)


def test_erase_removes_the_member_and_what_only_they_own(world):
    store, ids, _ = world
    catalogue = count(store, "(:Role)")
    for_her = count(store, "(:Notification)-[:FOR]->(:Member {id: $id})", id=ids["alice"])
    about_her = count(store, "(n:Notification) WHERE n.actor_id = $id", id=ids["alice"])
    assert for_her >= 1 and about_her >= 2

    erasure = mydata.erase(store, ids["alice"])

    assert erasure.compacted and [name for name, _ in erasure.counts] == list(mydata.ERASE_STEPS)
    assert erasure.removed("mydata/erase_sessions") == 2
    assert erasure.removed("mydata/erase_mandates") == 1
    assert erasure.removed("contacts/erase_imports") == 1
    assert erasure.removed("contacts/erase_hashes") == 2  # only Alice had them: her phone, one contact
    assert erasure.removed("mydata/erase_notifications") == for_her
    assert erasure.removed("mydata/erase_notifications_caused") == about_her
    assert count(store, "(n:Notification) WHERE n.actor_id = $id", id=ids["alice"]) == 0
    assert erasure.removed("mydata/erase_member") == 1
    # section, coopain, request sent, request received, block, dismissal, animation right,
    # and her links to the two hashes Bruno holds too (her e-mail, a shared contact)
    assert erasure.removed("mydata/erase_links") == 9
    assert count(store, "(m {id: $id})", id=ids["alice"]) == 0
    assert count(store, "(m:Member {email: 'alice@example.org'})") == 0
    assert count(store, "(:Session)") == 0 and count(store, "(:Mandate)") == 0 and count(store, "(:ContactImport)") == 0
    assert count(store, "(:Role)") == catalogue
    hashes = {row["h"] for row in cypher(store, "MATCH (c:ContactHash) RETURN c.hash AS h")}
    # kept: what Bruno imported (Alice's e-mail among it) and Bruno's own e-mail
    assert hashes == {"h-shared", "h-alice-email", "h-bruno-email"}
    assert count(store, "(:ContactHash {hash: 'h-alice-email'})<-[:HAS_CONTACT]-(:Member {id: $id})", id=ids["bruno"]) == 1
    assert count(store, "(:ContactHash)<-[:IDENTIFIED_BY]-(:Member)") == 1
    with pytest.raises(NotFound):
        mydata.export(store, ids["alice"])


def test_erase_leaves_other_members_data_intact(world):
    store, ids, _ = world
    mydata.erase(store, ids["alice"])
    assert [c.id for c in coopains.list_coopains(store, ids["bruno"]).items] == [ids["chloe"]]
    assert coopains.count(store, ids["david"]).sent == 0
    bruno = mydata.export(store, ids["bruno"])
    assert bruno["contacts"]["hashes_held"] == 2
    assert bruno["profile"]["email"] == "bruno@example.org"
    kept = notifications.list_notifications(store, ids["bruno"]).items
    assert ("coopain_request", ids["chloe"]) in [(n.kind, n.actor_id) for n in kept]
    assert all(n.actor_id != ids["alice"] for n in kept)
    with pytest.raises(Invalid):
        accounts.authenticate(store, "alice@example.org", PASSWORD)
    assert accounts.authenticate(store, "bruno@example.org", PASSWORD) == ids["bruno"]


def test_erasing_an_unknown_member_or_twice_is_not_found_and_changes_nothing(world):
    store, ids, _ = world
    before = graph_size(store)
    for bad in ("nobody", "", None, "x" * 500, "a\x00b"):
        with pytest.raises(NotFound):
            mydata.erase(store, bad)
    assert graph_size(store) == before
    mydata.erase(store, ids["alice"], compact=False)
    after = graph_size(store)
    with pytest.raises(NotFound):
        mydata.erase(store, ids["alice"])
    assert graph_size(store) == after


def test_erasing_ones_own_account_needs_the_password_and_the_word(world):
    store, ids, _ = world
    before = graph_size(store)
    for password, word in ((PASSWORD, ""), (PASSWORD, "supprime"), ("wrong password", "SUPPRIMER"), ("", "SUPPRIMER")):
        with pytest.raises(Invalid):
            mydata.erase_account(store, ids["alice"], password, word, compact=False)
    assert graph_size(store) == before
    erasure = mydata.erase_account(store, ids["alice"], PASSWORD, " supprimer ", compact=False)
    assert erasure.removed("mydata/erase_member") == 1 and not erasure.compacted


def test_compact_runs_on_every_engine(store):
    make_member(store)
    store.compact()
    assert count(store, "(:Member)") == 1


# --- the files on disk (embedded FalkorDB) --------------------------------------------


def _rdb_length(data: bytes, at: int) -> tuple[int, int] | None:
    """An RDB length at `at`: (value, next offset), None when not a plain length."""
    kind = data[at] >> 6
    if kind == 0:
        return data[at] & 0x3F, at + 1
    if kind == 1:
        return ((data[at] & 0x3F) << 8) | data[at + 1], at + 2
    if data[at] == 0x80:
        return int.from_bytes(data[at + 1:at + 5], "big"), at + 5
    if data[at] == 0x81:
        return int.from_bytes(data[at + 1:at + 9], "big"), at + 9
    return None


def _lzf(data: bytes, size: int) -> bytes | None:
    """liblzf's decompression; None when `data` is not an LZF block of `size` bytes."""
    out = bytearray()
    i = 0
    try:
        while i < len(data):
            ctrl = data[i]
            i += 1
            if ctrl < 32:
                out += data[i:i + ctrl + 1]
                i += ctrl + 1
                continue
            length = ctrl >> 5
            if length == 7:
                length += data[i]
                i += 1
            ref = len(out) - ((ctrl & 0x1F) << 8) - data[i] - 1
            i += 1
            if ref < 0:
                return None
            for k in range(length + 2):
                out.append(out[ref + k])
    except IndexError:
        return None
    return bytes(out) if len(out) == size else None


def disk_bytes(folder) -> bytes:
    """Every file of the server's folder as bytes, with each LZF-compressed string
    of its RDB parts (0xC3, compressed length, length, data) decompressed, so
    that no string hides from a search."""
    chunks = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_socket()):
        data = path.read_bytes()
        chunks.append(data)
        at = data.find(b"\xc3")
        while at != -1:
            compressed = _rdb_length(data, at + 1) if at + 1 < len(data) else None
            if compressed:
                plain = _rdb_length(data, compressed[1]) if compressed[1] < len(data) else None
                if plain and 0 < plain[0] < 1 << 30:
                    block = data[plain[1]:plain[1] + compressed[0]]
                    found = _lzf(block, plain[0]) if len(block) == compressed[0] else None
                    if found:
                        chunks.append(found)
            at = data.find(b"\xc3", at + 1)
    return b"\n".join(chunks)


def test_after_erasure_the_members_details_are_no_longer_on_disk(tmp_path):
    store = open_embedded(tmp_path / "graph", "coopol", fsync="always")
    try:
        store.apply_schema()
        section = make_section(store)
        tag = uuid.uuid4().hex[:8]
        erased = {"first": f"Zéphyrine{tag}", "last": f"Effacée{tag}", "email": f"zephyrine.{tag}@example.org",
                  "phone": "+33 6 11 22 33 44"}
        kept = {"first": f"Gaspard{tag}", "last": f"Conservé{tag}", "email": f"gaspard.{tag}@example.org",
                "phone": "+33 6 55 66 77 88"}
        made = {}
        for who, person in (("erased", erased), ("kept", kept)):
            made[who] = members.register(
                store, first_name=person["first"], last_name=person["last"], email=person["email"],
                password=PASSWORD, membership="adherent", section_id=section, phone=person["phone"],
            ).id
        coopains.request(store, made["erased"], made["kept"])
        coopains.accept(store, made["kept"], made["erased"])
        coopains.request(store, made["erased"], made["kept"])  # a no-op, after the link

        def secrets_of(person):
            phone = "+33" + person["phone"].replace(" ", "")[3:]
            return [person["email"], person["first"], person["last"], phone]

        on_disk = disk_bytes(store.server.folder)
        for value in secrets_of(erased) + secrets_of(kept):
            assert value.encode() in on_disk, f"{value} should be on disk before the erasure"

        mydata.erase(store, made["erased"])

        on_disk = disk_bytes(store.server.folder)
        for value in secrets_of(erased):
            assert value.encode() not in on_disk, f"{value} still on disk after the erasure"
        for value in secrets_of(kept):
            assert value.encode() in on_disk, f"{value} (kept member) lost from disk"
        assert not (store.server.folder / "snapshot.rdb").exists()  # no RDB snapshot keeps old data
    finally:
        store.close()
