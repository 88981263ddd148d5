"""A member changes their own e-mail address and phone number.

The e-mail is the login: the current password confirms the change. Both are
normalised (`identity`), the e-mail must be free, and the member's keyed hashes
(`IDENTIFIED_BY`, used by address-book matching) follow the new values through
`contacts.identify_members`, so an address book holding the new e-mail finds
the member and one holding only the old one no longer does.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from graphsvc import accounts, contacts, identity
from graphsvc.errors import Conflict, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

EMAIL_TAKEN = "un autre compte utilise déjà cette adresse e-mail"
WRONG_PASSWORD = "mot de passe incorrect"


@dataclass(frozen=True)
class Identifiers:
    email: str
    phone: str | None
    changed: bool  # False when both were already these


def change(store: Store, member_id: str, *, password: str, email: str, phone: str | None,
           contacts_key: str) -> Identifiers:
    """Set the member's e-mail and phone after checking their password.
    `Invalid` (bad address, bad number, wrong password) or `Conflict` (the
    e-mail is another member's): nothing is written."""
    address = identity.normalise_email(email)
    number = identity.normalise_phone(phone)
    rows = store.read("identifiers/get", member_id=member_id) if isinstance(member_id, str) and member_id else []
    if not rows or rows[0]["status"] != "active":
        raise NotFound("compte introuvable")
    current = rows[0]
    try:
        authenticated = accounts.authenticate(store, current["email"], password or "")
    except Invalid:
        authenticated = None
    if authenticated != member_id:
        raise Invalid(WRONG_PASSWORD)
    if (current["email"], current["phone"]) == (address, number):
        return Identifiers(address, number, False)
    try:
        done = store.write("identifiers/change", member_id=member_id, email=address, phone=number)
    except Conflict:
        raise Conflict(EMAIL_TAKEN) from None
    if not done:
        raise Conflict(EMAIL_TAKEN)
    contacts.identify_members(store, contacts_key, [(member_id, address, number)])
    log.info("identifiers: a member changed their e-mail or phone")
    return Identifiers(address, number, True)
