"""Accounts: argon2id passwords, login checks, server-side sessions, activation.

- Passwords are argon2id hashes (argon2-cffi, OWASP's parameters, see DEFAULT_HASHER).
- A login with an unknown e-mail verifies a dummy hash made with the same
  parameters, so it costs the same time and gets the same answer as a wrong password.
- A session id is 32 random bytes given to the browser; the graph stores only
  its sha256 (`(:Session {id_hash})-[:OF]->(:Member)`), so a copy of the graph
  opens no session. Logout deletes the node; a password change deletes all the
  member's other sessions in the same statement.
- Activation tokens (membership imports) work the same way: the graph keeps
  their hash and an expiry.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from graphsvc import identity
from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
ACTIVATION_DAYS = 30
DAY_MS = 24 * 3600 * 1000
TOUCH_EVERY_MS = 60_000
VISIBILITIES = ("section", "federation", "members")
LOGIN_REFUSED = "Adresse e-mail ou mot de passe incorrect."

# OWASP's argon2id recommendation (19 MiB, 2 passes, 1 lane): about 100-110 ms
# per hash on this 2-core machine under load (load average ~10), where
# argon2-cffi's default (RFC 9106 low-memory: 64 MiB x 3 passes x 4 lanes) took
# 0.7-1 s, too slow for a few workers on two cores.
# Hashes carry their parameters: raising these later upgrades hashes at login.
DEFAULT_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_hasher = DEFAULT_HASHER


def set_hasher(hasher: PasswordHasher) -> None:
    """Use other argon2 parameters (tests use cheap ones); old hashes still verify."""
    global _hasher
    _hasher = hasher
    _dummy_hash.cache_clear()


@cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def now_ms() -> int:
    return int(time.time() * 1000)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_password(password: str | None) -> str:
    """The password if acceptable, else `Invalid` with the reason."""
    password = password or ""
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"mot de passe : {MIN_PASSWORD} caractères au moins")
    if len(password) > MAX_PASSWORD:
        raise Invalid(f"mot de passe : {MAX_PASSWORD} caractères au plus")
    if "\x00" in password:
        raise Invalid("mot de passe : caractère nul refusé")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


@dataclass(frozen=True)
class SessionMember:
    """Who a live session belongs to."""

    id: str
    display_name: str
    membership: str
    session_id: str


def authenticate(store: Store, email: str, password: str) -> str:
    """The member id for this e-mail and password, else `Invalid(LOGIN_REFUSED)`.

    Unknown e-mail, pending account and wrong password take the same path
    (one read, one argon2 verification) and raise the same error."""
    try:
        address = identity.normalise_email(email)
    except Invalid:
        address = None
    row = None
    if address and password and len(password) <= MAX_PASSWORD and "\x00" not in password:
        rows = store.read("accounts/get_login", email=address)
        row = rows[0] if rows else None
    usable = bool(row and row["status"] == "active" and row["password_hash"])
    stored = row["password_hash"] if usable else _dummy_hash()
    try:
        _hasher.verify(stored, password or "")
        matched = usable
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        matched = False
    if not matched:
        raise Invalid(LOGIN_REFUSED)
    if _hasher.check_needs_rehash(stored):
        store.write("accounts/rehash_password", member_id=row["id"], password_hash=_hasher.hash(password))
    return row["id"]


def open_session(store: Store, member_id: str, idle_days: int = 14, max_days: int = 90) -> str:
    """A new session for an active member; returns the id to give the browser.
    The member's expired sessions are deleted in the same statement."""
    session_id = secrets.token_urlsafe(32)
    now = now_ms()
    rows = store.write(
        "accounts/create_session",
        member_id=member_id,
        id_hash=token_hash(session_id),
        now=now,
        idle_since=now - idle_days * DAY_MS,
        created_since=now - max_days * DAY_MS,
    )
    if not rows:
        raise NotFound("compte introuvable ou inactif")
    return session_id


def session_member(
    store: Store, session_id: str, idle_days: int = 14, max_days: int = 90, touch_after_ms: int = TOUCH_EVERY_MS
) -> SessionMember | None:
    """The member of a live session, None if it was ended, expired or never existed.
    Its last use is recorded at most once every `touch_after_ms` (a write per request would be wasteful)."""
    if not session_id or len(session_id) > 200:
        return None
    now = now_ms()
    id_hash = token_hash(session_id)
    rows = store.read(
        "accounts/get_session_member",
        id_hash=id_hash,
        idle_since=now - idle_days * DAY_MS,
        created_since=now - max_days * DAY_MS,
    )
    if not rows:
        return None
    row = rows[0]
    if now - (row["last_seen_at"] or 0) >= touch_after_ms:
        store.write("accounts/touch_session", id_hash=id_hash, now=now)
    return SessionMember(row["id"], row["display_name"], row["membership"], session_id)


def close_session(store: Store, session_id: str) -> bool:
    """End a session (logout); True if it existed."""
    return bool(store.write("accounts/delete_session", id_hash=token_hash(session_id))[0]["deleted"])


def close_other_sessions(store: Store, member_id: str, keep_session_id: str) -> int:
    """End every session of the member but this one; returns how many ended."""
    rows = store.write(
        "accounts/delete_other_sessions", member_id=member_id, keep_hash=token_hash(keep_session_id)
    )
    return rows[0]["deleted"] if rows else 0


def count_sessions(store: Store, member_id: str, limit: int = 1000) -> int:
    return len(store.read("accounts/list_sessions", member_id=member_id, limit=limit))


def change_password(store: Store, member_id: str, current: str, new: str, keep_session_id: str) -> int:
    """Check the current password, set the new one and end the member's other
    sessions (one statement). Returns how many sessions ended."""
    rows = store.read("accounts/get_member_login", member_id=member_id)
    if not rows or rows[0]["status"] != "active":
        raise NotFound("compte introuvable")
    try:
        _hasher.verify(rows[0]["password_hash"] or _dummy_hash(), current or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise Invalid("mot de passe actuel incorrect") from None
    new_hash = hash_password(new)
    done = store.write(
        "accounts/change_password",
        member_id=member_id,
        password_hash=new_hash,
        keep_hash=token_hash(keep_session_id),
    )
    if not done:
        raise NotFound("compte introuvable")
    log.info("accounts: password changed, %d other sessions ended", done[0]["revoked"])
    return done[0]["revoked"]


def new_activation(store: Store, member_id: str, days: int = ACTIVATION_DAYS) -> str:
    """A fresh activation token for a pending account (the graph keeps its hash)."""
    token = secrets.token_urlsafe(32)
    rows = store.write(
        "accounts/set_activation",
        member_id=member_id,
        token_hash=token_hash(token),
        expires_at=now_ms() + days * DAY_MS,
    )
    if not rows:
        raise NotFound("aucun compte en attente d'activation")
    return token


@dataclass(frozen=True)
class Activation:
    member_id: str
    first_name: str
    email: str


def pending_activation(store: Store, token: str) -> Activation:
    """The account a valid token activates; `NotFound` if unknown, used or expired."""
    if not token or len(token) > 200:
        raise NotFound("lien d'activation inconnu ou expiré")
    rows = store.read("accounts/get_activation", token_hash=token_hash(token), now=now_ms())
    if not rows:
        raise NotFound("lien d'activation inconnu ou expiré")
    row = rows[0]
    return Activation(row["id"], row["first_name"], row["email"])


def activate(
    store: Store,
    token: str,
    password: str,
    visibility: str = "section",
    visible_to_sympathisants: bool = False,
    contacts_key: str | None = None,
) -> tuple[str, str]:
    """Set the password of a pending account and the member's visibility choice,
    make it active and open a session, in one statement. Returns (member id, session id).
    With `contacts_key`, the members whose address books hold them are told (`contacts.joined`)."""
    password_hash = hash_password(password)
    if visibility not in VISIBILITIES:
        raise Invalid(f"visibilité : choisir parmi {', '.join(VISIBILITIES)}")
    session_id = secrets.token_urlsafe(32)
    rows = store.write(
        "accounts/activate",
        token_hash=token_hash(token or ""),
        password_hash=password_hash,
        session_hash=token_hash(session_id),
        now=now_ms(),
        visibility=visibility,
        visible_to_sympathisants=bool(visible_to_sympathisants),
    )
    if not rows:
        raise NotFound("lien d'activation inconnu ou expiré")
    log.info("accounts: one account activated")
    if contacts_key:
        from graphsvc import contacts

        contacts.joined(store, contacts_key, rows[0]["id"])
    return rows[0]["id"], session_id
