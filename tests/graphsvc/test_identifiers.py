"""A member changes their e-mail and phone: checked, confirmed by the password,
refused when the e-mail is taken, and their address-book hashes follow."""

from __future__ import annotations

import pytest

from graphsvc import accounts, contacts, identifiers
from graphsvc.errors import Conflict, Invalid, NotFound
from tests.fixtures.web import PASSWORD, make_member, make_section
from tests.graphsvc.test_mydata import count, cypher, graph_size

KEY = "test-contacts-key-" + "x" * 20


@pytest.fixture
def people(store):
    make_section(store)
    alice = make_member(store, email="alice@example.org", first_name="Alice")
    bruno = make_member(store, email="bruno@example.org", first_name="Bruno")
    contacts.identify_members(store, KEY, [(alice.id, "alice@example.org", None), (bruno.id, "bruno@example.org", None)])
    return store, alice.id, bruno.id


def own_hashes(store, member_id):
    rows = cypher(store, "MATCH (:Member {id: $id})-[:IDENTIFIED_BY]->(c:ContactHash) RETURN c.hash AS h", id=member_id)
    return sorted(r["h"] for r in rows)


def test_a_new_email_and_phone_replace_the_old_ones_and_their_hashes(people):
    store, alice, _ = people
    done = identifiers.change(store, alice, password=PASSWORD, email=" Alice.Neuve@Example.org ",
                              phone="06 12 34 56 78", contacts_key=KEY)
    assert done == identifiers.Identifiers("alice.neuve@example.org", "+33612345678", True)
    assert accounts.authenticate(store, "alice.neuve@example.org", PASSWORD) == alice
    with pytest.raises(Invalid):
        accounts.authenticate(store, "alice@example.org", PASSWORD)
    assert own_hashes(store, alice) == sorted(contacts.identifier_hashes(KEY, ["alice.neuve@example.org"],
                                                                         ["+33612345678"]))
    again = identifiers.change(store, alice, password=PASSWORD, email="alice.neuve@example.org",
                               phone="+33 6 12 34 56 78", contacts_key=KEY)
    assert again.changed is False
    cleared = identifiers.change(store, alice, password=PASSWORD, email="alice.neuve@example.org", phone="",
                                 contacts_key=KEY)
    assert cleared.phone is None and len(own_hashes(store, alice)) == 1


def test_an_email_another_member_has_is_refused_and_nothing_changes(people):
    store, alice, _ = people
    before = (graph_size(store), own_hashes(store, alice))
    with pytest.raises(Conflict, match="un autre compte utilise déjà cette adresse e-mail"):
        identifiers.change(store, alice, password=PASSWORD, email="BRUNO@example.org", phone=None, contacts_key=KEY)
    assert (graph_size(store), own_hashes(store, alice)) == before
    assert count(store, "(:Member {email: 'alice@example.org'})") == 1


@pytest.mark.parametrize("password, email, phone, message", [
    ("wrong password!", "alice2@example.org", None, "mot de passe incorrect"),
    (PASSWORD, "not an address", None, "adresse e-mail invalide"),
    (PASSWORD, "alice2@example.org", "12", "numéro de téléphone"),
    (PASSWORD, "alice2@example.org\u0000", None, "adresse e-mail invalide"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(people, password, email, phone, message):
    store, alice, _ = people
    before = graph_size(store)
    with pytest.raises(Invalid, match=message):
        identifiers.change(store, alice, password=password, email=email, phone=phone, contacts_key=KEY)
    assert graph_size(store) == before and count(store, "(:Member {email: 'alice@example.org'})") == 1


def test_an_unknown_member_is_not_found(store):
    for bad in ("nobody", "", None):
        with pytest.raises(NotFound):
            identifiers.change(store, bad, password=PASSWORD, email="x@example.org", phone=None, contacts_key=KEY)
