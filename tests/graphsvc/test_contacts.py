"""Address books on every backend: keyed hashes of members' own identifiers,
imports that keep only hashes, matching without an oracle, consent, deletion,
opt-out, retention, the later-registration notice and the web's limits."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from graphsvc import accounts, coopains, contacts, notifications
from graphsvc.addressbook import AddressBook, check_address_book
from graphsvc.errors import Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section

KEY = "test-contacts-key"
NOW = 1_780_000_000_000
DAY = contacts.DAY_MS


@dataclass(frozen=True)
class Contact:
    display_name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()


def book(*contacts_: Contact, rejected: int = 0) -> AddressBook:
    return AddressBook("vcard", "utf-8", len(contacts_) + rejected, len(contacts_), rejected, tuple(contacts_))


def register(store, email, first_name="Camille", last_name="Martin", *, phone=None, key=KEY, **kwargs):
    from graphsvc import members

    kwargs.setdefault("visibility", "members")
    return members.register(store, first_name=first_name, last_name=last_name, email=email, password="correct horse battery",
                            membership=kwargs.pop("membership", "adherent"), section_id=kwargs.pop("section_id", "sec-69266"),
                            phone=phone, contacts_key=key, **kwargs)


def dump(store) -> list:
    """Every node and relationship, to compare the graph before and after."""
    nodes = sorted(repr(sorted(r["props"].items())) + repr(sorted(r["labels"])) for r in store.read("seed/list_nodes", limit=100_000))
    rels = store.read("seed/list_relationships", limit=100_000)
    return [nodes, sorted(repr(sorted((k, repr(v)) for k, v in r.items())) for r in rels)]


def hash_nodes(store) -> list[str]:
    return sorted(r["props"]["hash"] for r in store.read("seed/list_nodes", limit=100_000) if "ContactHash" in r["labels"])


@pytest.fixture
def people(store):
    make_section(store)
    anna = register(store, "anna@example.org", "Anna", "Arnaud", phone="06 12 34 56 78")
    basile = register(store, "basile@example.org", "Basile", "Bernard")
    chloe = register(store, "chloe@example.org", "Chloé", "Chevalier")
    contacts.consent(store, anna.id, now=NOW)
    return store, anna, basile, chloe


def test_a_keyed_hash_depends_on_the_key_and_never_holds_the_identifier():
    one = contacts.keyed_hash(KEY, "email", "anna@example.org")
    assert len(one) == 64 and "anna" not in one
    assert one == contacts.keyed_hash(KEY, "email", "anna@example.org")
    assert one != contacts.keyed_hash("another key", "email", "anna@example.org")
    assert one != contacts.keyed_hash(KEY, "phone", "anna@example.org")


def test_a_books_hashes_are_the_keyed_hashes_of_its_distinct_identifiers_sorted():
    cards = [Contact("Anna", emails=("anna@example.org",), phones=("+33612345678",)),
             Contact("Anna again", emails=("anna@example.org", "a.arnaud@example.net")),
             Contact("Home", phones=("+33612345678", "+33145678901"))]
    expected = sorted({contacts.keyed_hash(KEY, "email", e) for e in ("anna@example.org", "a.arnaud@example.net")}
                      | {contacts.keyed_hash(KEY, "phone", p) for p in ("+33612345678", "+33145678901")})
    assert contacts.book_hashes(KEY, cards) == expected
    assert contacts.identifier_hashes(KEY, ["anna@example.org"], ["+33612345678", ""]) == sorted(
        [contacts.keyed_hash(KEY, "email", "anna@example.org"), contacts.keyed_hash(KEY, "phone", "+33612345678")])
    with pytest.raises(ValueError):
        contacts.book_hashes("", cards)


def test_registration_links_the_member_to_the_hashes_of_their_email_and_phone(people):
    store, anna, basile, _ = people
    expected = contacts.identifier_hashes(KEY, ["anna@example.org"], ["+33612345678"])
    assert set(expected) <= set(hash_nodes(store))
    assert len(hash_nodes(store)) == 4  # anna's two, basile's and chloé's e-mails
    assert all("example.org" not in h for h in hash_nodes(store))


def test_import_keeps_only_hashes_and_finds_the_members_in_the_book(people):
    store, anna, basile, chloe = people
    result = contacts.import_contacts(store, KEY, anna.id, book(
        Contact("Basile", emails=("basile@example.org",)),
        Contact("Dora (not a member)", emails=("dora@example.net",), phones=("+33698765432",)),
        rejected=2,
    ), now=NOW)
    assert result.matched_ids == [basile.id]
    assert (result.read, result.valid, result.rejected, result.identifiers) == (4, 2, 2, 3)
    text = repr(dump(store))
    assert "dora" not in text.lower() and "98765432" not in text and "Dora" not in text
    summary = contacts.summary(store, anna.id)
    assert (summary.held, summary.matches) == (3, 1)
    assert summary.last_import.matched == 1 and summary.last_import.identifiers == 3


def test_matching_by_phone_number(people):
    store, anna, basile, _ = people
    contacts.consent(store, basile.id, now=NOW)
    result = contacts.import_contacts(store, KEY, basile.id, book(Contact(phones=("+33612345678",))), now=NOW)
    assert result.matched_ids == [anna.id]


def test_a_member_found_in_two_batches_is_one_match(people, monkeypatch):
    store, anna, basile, chloe = people
    contacts.consent(store, basile.id, now=NOW)
    monkeypatch.setattr(contacts, "BATCH", 1)  # each hash stored and matched in a statement of its own
    result = contacts.import_contacts(store, KEY, basile.id, book(
        Contact("Anna", emails=("anna@example.org",), phones=("+33612345678",)),
        Contact("Chloé", emails=("chloe@example.org",)),
    ), now=NOW)
    assert result.matched_ids == [anna.id, chloe.id]  # by name
    assert contacts.summary(store, basile.id).last_import.matched == 2


def test_importing_twice_keeps_one_link_per_contact_with_the_latest_date(people):
    store, anna, basile, _ = people
    one = book(Contact(emails=("basile@example.org", "x@example.net")))
    contacts.import_contacts(store, KEY, anna.id, one, now=NOW)
    contacts.import_contacts(store, KEY, anna.id, one, now=NOW + DAY)
    assert contacts.summary(store, anna.id).held == 2
    # The retention period counts from the latest import: a purge at NOW + 1.5 days with 1 day keeps them.
    assert contacts.purge(store, 1, now=NOW + DAY + DAY // 2) == contacts.Purge(0, 0)
    assert contacts.summary(store, anna.id).held == 2


def test_not_a_member_and_not_findable_get_the_same_answer(people):
    store, anna, basile, chloe = people
    contacts.set_findable(store, chloe.id, False)
    result = contacts.import_contacts(store, KEY, anna.id, book(
        Contact(emails=("chloe@example.org",)), Contact(emails=("nobody@example.net",))), now=NOW)
    assert result.matched == ()
    assert contacts.summary(store, anna.id).matches == 0
    contacts.set_findable(store, chloe.id, True)
    assert [m.id for m in contacts.matches(store, anna.id).items] == [chloe.id]


def test_hidden_blocked_pending_and_oneself_are_never_shown(people):
    store, anna, basile, chloe = people
    other_section = make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    hidden = register(store, "hidden@example.org", "Hugo", "Hidden", section_id=other_section, visibility="section")
    coopains.block(store, chloe.id, anna.id)
    store.write("members/mark_pending", member_id=basile.id)
    result = contacts.import_contacts(store, KEY, anna.id, book(
        Contact(emails=("anna@example.org", "basile@example.org", "chloe@example.org", "hidden@example.org"))), now=NOW)
    assert result.matched == ()
    assert hidden.id  # registered, in another section, visible to its section only


def test_matches_show_the_coopain_link_and_a_request_can_be_sent(people):
    store, anna, basile, chloe = people
    contacts.import_contacts(store, KEY, anna.id, book(
        Contact(emails=("basile@example.org",)), Contact(emails=("chloe@example.org",))), now=NOW)
    coopains.request(store, anna.id, basile.id)
    page = contacts.matches(store, anna.id)
    assert page.total == 2
    assert [(m.display_name, m.state) for m in page.items] == [("Basile Bernard", "requested_by_me"), ("Chloé Chevalier", "none")]
    assert contacts.matches(store, anna.id, limit=1, offset=1).items[0].id == chloe.id


def test_an_import_needs_consent_and_an_active_member(people):
    store, anna, basile, _ = people
    before = dump(store)
    with pytest.raises(Forbidden, match="acceptez"):
        contacts.import_contacts(store, KEY, basile.id, book(Contact(emails=("anna@example.org",))), now=NOW)
    with pytest.raises(NotFound):
        contacts.import_contacts(store, KEY, "no-such-member", book(Contact(emails=("anna@example.org",))), now=NOW)
    with pytest.raises(NotFound):
        contacts.import_contacts(store, KEY, "x" * 500, book(Contact(emails=("anna@example.org",))), now=NOW)
    assert dump(store) == before
    # The operator's command imports on the member's behalf.
    result = contacts.import_contacts(store, KEY, basile.id, book(Contact(emails=("anna@example.org",))), now=NOW,
                                      require_consent=False)
    assert result.matched_ids == [anna.id]


def test_a_book_without_usable_identifiers_stores_nothing(people):
    store, anna, _, _ = people
    before = dump(store)
    with pytest.raises(Invalid, match="rien n'a été importé"):
        contacts.import_contacts(store, KEY, anna.id, book(Contact("Only a name"), rejected=3), now=NOW)
    assert dump(store) == before


def vcards(*emails: str) -> bytes:
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact\r\nEMAIL:{e}\r\nEND:VCARD\r\n" for e in emails).encode()


def test_a_checked_book_whose_addresses_are_all_invalid_stores_nothing(people):
    store, anna, _, _ = people
    book = check_address_book(vcards("pas-une-adresse", "ni@cela@non"), names=False)
    assert book.identifiers_at_most == 2  # the lines counted; none is valid once read
    before = dump(store)
    with pytest.raises(Invalid, match="rien n'a été importé"):
        contacts.import_contacts(store, KEY, anna.id, book, now=NOW)
    assert dump(store) == before


def test_when_a_checked_book_may_pass_a_limit_its_exact_count_decides(people):
    store, anna, basile, _ = people
    limits = contacts.Limits(uploads_per_day=5, identifiers_per_month=2)
    # three e-mail lines (the bound passes the limit), two distinct addresses (the exact count does not)
    book = check_address_book(vcards("basile@example.org", "BASILE@example.org ", "x@example.net"), names=False)
    assert book.identifiers_at_most == 3
    result = contacts.import_contacts(store, KEY, anna.id, book, now=NOW, limits=limits)
    assert (result.identifiers, result.matched_ids) == (2, [basile.id])
    assert contacts.summary(store, anna.id).last_import.identifiers == 2  # the exact count, on the log
    before = dump(store)
    with pytest.raises(Forbidden, match=r"encore en importer 0 sur"):
        contacts.import_contacts(store, KEY, anna.id, check_address_book(vcards("y@example.net"), names=False),
                                 now=NOW + 1, limits=limits)
    assert dump(store) == before


def test_hostile_strings_in_a_book_are_only_hashed(people):
    store, anna, _, _ = people
    hostile = "'); MATCH (n) DETACH DELETE n; //\u202e$x{}\\"
    result = contacts.import_contacts(store, KEY, anna.id, book(Contact(hostile, emails=(hostile,), phones=(hostile,))), now=NOW)
    assert result.matched == () and result.identifiers == 2
    assert "DETACH" not in repr(dump(store))


def test_web_limits_refuse_a_sixth_upload_a_day_and_too_many_identifiers_a_month(people):
    store, anna, basile, _ = people
    limits = contacts.Limits(uploads_per_day=2, identifiers_per_month=5)
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("a1@example.net",))), now=NOW, limits=limits)
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("a2@example.net",))), now=NOW + 1, limits=limits)
    before = dump(store)
    with pytest.raises(Forbidden, match="24 heures"):
        contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("a3@example.net",))), now=NOW + 2, limits=limits)
    assert dump(store) == before
    # A day later the upload passes; the month's identifiers (2 + 3 > 5 with 4 more) do not.
    with pytest.raises(Forbidden, match=r"encore en importer 3 sur"):
        contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=tuple(f"b{i}@example.net" for i in range(4)))),
                                 now=NOW + DAY + 1, limits=limits)
    assert dump(store) == before
    # Deleting one's hashes does not reset the count; the operator's import is not limited.
    contacts.forget(store, anna.id)
    contacts.consent(store, anna.id, now=NOW)
    with pytest.raises(Forbidden):
        contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=tuple(f"c{i}@example.net" for i in range(4)))),
                                 now=NOW + DAY + 2, limits=limits)
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=tuple(f"d{i}@example.net" for i in range(40)))),
                             now=NOW + DAY + 3)
    assert contacts.summary(store, anna.id).held == 40


def test_may_import_says_before_any_file_is_read_who_is_over_a_limit(people):
    store, anna, basile, _ = people
    limits = contacts.Limits(uploads_per_day=2, identifiers_per_month=3)
    with pytest.raises(Forbidden, match="acceptez d'abord"):
        contacts.may_import(store, basile.id, limits, now=NOW)
    contacts.may_import(store, anna.id, limits, now=NOW)
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("a1@example.net", "a2@example.net"))),
                             now=NOW, limits=limits)
    contacts.may_import(store, anna.id, limits, now=NOW + 1)  # one upload and one identifier left
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("a3@example.net",))), now=NOW + 2, limits=limits)
    with pytest.raises(Forbidden, match="24 heures"):
        contacts.may_import(store, anna.id, limits, now=NOW + 3)
    with pytest.raises(Forbidden, match="3 adresses et numéros ces 30 derniers jours"):
        contacts.may_import(store, anna.id, limits, now=NOW + DAY + 3)
    with pytest.raises(NotFound):
        contacts.may_import(store, "nobody", limits, now=NOW)


def test_forget_deletes_my_hashes_keeps_those_others_hold_and_withdraws_consent(people):
    store, anna, basile, _ = people
    contacts.consent(store, basile.id, now=NOW)
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("shared@example.net", "mine@example.net", "basile@example.org"))), now=NOW)
    contacts.import_contacts(store, KEY, basile.id, book(Contact(emails=("shared@example.net",))), now=NOW)
    assert contacts.forget(store, anna.id) == 3
    summary = contacts.summary(store, anna.id)
    assert (summary.held, summary.consent_at) == (0, None)
    held = set(hash_nodes(store))
    assert contacts.keyed_hash(KEY, "email", "mine@example.net") not in held
    assert contacts.keyed_hash(KEY, "email", "shared@example.net") in held  # basile's address book
    assert contacts.keyed_hash(KEY, "email", "basile@example.org") in held  # basile's own e-mail
    assert contacts.forget(store, anna.id) == 0


def test_purge_removes_links_older_than_the_period_and_hashes_nobody_refers_to(people):
    store, anna, basile, _ = people
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("old@example.net", "basile@example.org"))), now=NOW)
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("new@example.net",))), now=NOW + 300 * DAY)
    purged = contacts.purge(store, 365, now=NOW + 400 * DAY)
    assert purged == contacts.Purge(links=2, hashes=1)
    held = set(hash_nodes(store))
    assert contacts.keyed_hash(KEY, "email", "old@example.net") not in held
    assert contacts.keyed_hash(KEY, "email", "basile@example.org") in held  # still basile's own
    assert contacts.summary(store, anna.id).held == 1
    with pytest.raises(Invalid):
        contacts.purge(store, -1)


def test_a_later_registration_tells_the_importers_and_the_newcomer(people):
    store, anna, basile, _ = people
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("dora@example.net",))), now=NOW)
    dora = register(store, "dora@example.net", "Dora", "Durand")
    [told] = notifications.list_notifications(store, anna.id).items
    assert (told.kind, told.actor_id, told.subject_title) == ("contact_joined", dora.id, "Dora Durand")
    [found] = notifications.list_notifications(store, dora.id).items
    assert (found.kind, found.subject_title) == ("contact_found", "1")
    assert [m.id for m in contacts.matches(store, anna.id).items] == [dora.id]
    assert notifications.list_notifications(store, basile.id).items == ()


def test_an_activated_account_is_announced_unless_it_opts_out(people):
    store, anna, basile, chloe = people
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("chloe@example.org", "basile@example.org"))), now=NOW)
    contacts.set_findable(store, basile.id, False)  # basile opts out: his activation is announced to nobody
    for member in (basile, chloe):
        store.write("members/mark_pending", member_id=member.id)
    assert contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("chloe@example.org",))), now=NOW).matched == ()
    for member in (chloe, basile):
        token = accounts.new_activation(store, member.id)
        assert accounts.activate(store, token, "correct horse battery", "members", False, contacts_key=KEY)[0] == member.id
    [told] = notifications.list_notifications(store, anna.id).items
    assert (told.kind, told.actor_id) == ("contact_joined", chloe.id)
    assert [n.kind for n in notifications.list_notifications(store, chloe.id).items] == ["contact_found"]
    assert notifications.list_notifications(store, basile.id).items == ()
    assert contacts.joined(store, KEY, basile.id) == contacts.Joined(0, False)


def test_rehash_backfills_a_graph_made_before_and_follows_a_changed_email(people):
    store, anna, basile, _ = people
    old = make_member(store, email="olga@example.org", visibility="members")  # registered without the key
    assert contacts.keyed_hash(KEY, "email", "olga@example.org") not in hash_nodes(store)
    assert contacts.rehash(store, KEY, page=2) == 4
    assert contacts.keyed_hash(KEY, "email", "olga@example.org") in hash_nodes(store)
    result = contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("olga@example.org",))), now=NOW)
    assert result.matched_ids == [old.id]
    # A changed e-mail: the member is identified by the new hash only.
    contacts.identify_members(store, KEY, [(old.id, "olga.new@example.org", None)])
    assert contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("olga@example.org",))), now=NOW).matched == ()
    assert contacts.rehash(store, KEY) == 4  # safe to repeat


def test_erasure_steps_remove_hashes_only_the_member_refers_to(people):
    store, anna, basile, _ = people
    contacts.import_contacts(store, KEY, anna.id, book(Contact(emails=("solo@example.net", "basile@example.org"))), now=NOW)
    exported = store.read("contacts/export_member", member_id=anna.id)[0]
    assert exported["hashes_held"] == 2 and len(exported["imports"]) == 1
    store.write("contacts/erase_hashes", member_id=anna.id)
    store.write("contacts/erase_imports", member_id=anna.id)
    held = set(hash_nodes(store))
    assert not held & set(contacts.identifier_hashes(KEY, ["anna@example.org", "solo@example.net"], ["+33612345678"]))
    assert contacts.keyed_hash(KEY, "email", "basile@example.org") in held
