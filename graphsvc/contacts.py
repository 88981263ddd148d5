"""Address books: find the members one already knows, and keep nothing one
should not.

What the graph keeps (issue 5):

- `(:ContactHash {hash})`: the hex HMAC-SHA256, with the server's contacts key
  (`COOPOL_CONTACTS_KEY`, else generated once into the instance folder), of
  `"email:" + normalised e-mail` or `"phone:" + E.164 number`. Services receive
  the key; they never read it from a file.
- `(:Member)-[:IDENTIFIED_BY]->(:ContactHash)`: a member's own e-mail and phone,
  set at registration, import and activation (`identify_members`, `joined`),
  backfilled by `rehash`.
- `(:Member)-[:HAS_CONTACT {imported_at}]->(:ContactHash)`: the identifiers of
  an uploaded address book. A non-member's raw details are never stored, only
  their hash; names are never stored at all.
- `(:ContactImport {id, at, format, read, valid, rejected, matched,
  identifiers})-[:BY]->(:Member)`: the upload log (rate limits, history).
- `Member.contacts_consent_at` (consent before any upload) and
  `Member.findable` (false: never found through address books; missing: true).

No oracle: an import shows only members who are active, findable, not blocked
either way and whose profile the importer may see; everyone else, member or
not, is absent alike. Web uploads are limited per member (`Limits`): a few a
day and a number of identifiers per 30 days, counted from the upload log (which
a deletion of one's hashes does not reset). The operator's command is not limited.
"""

from __future__ import annotations

import functools
import hmac
import logging
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from graphsvc import members, notifications, suggestions
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

BATCH = 5_000  # hashes or members per write statement
BOOK_BATCH = 1_000  # address-book entries read while the previous ones are stored
DAY_MS = 86_400_000
MONTH_MS = 30 * DAY_MS
RETENTION_DAYS = 365
MAX_PAGE = 200
MAX_NOTIFIED = 10_000  # importers told that one of their contacts joined
_NO_IDENTIFIER = ("aucun contact de ce fichier n'a d'adresse e-mail ni de numéro de téléphone valable : "
                  "rien n'a été importé")

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class Limits:
    """The web's limits per member (the command has none)."""

    uploads_per_day: int = 5
    identifiers_per_month: int = 50_000


@dataclass(frozen=True)
class Match:
    id: str
    display_name: str
    section_name: str | None
    state: str = "none"  # the coopain link: none, coopains, requested_by_me, requested_by_them


@dataclass(frozen=True)
class ImportResult:
    format: str
    encoding: str | None
    read: int
    valid: int
    rejected: int
    identifiers: int  # distinct hashes kept
    matched: tuple[Match, ...]

    @property
    def matched_ids(self) -> list[str]:
        return [m.id for m in self.matched]


@dataclass(frozen=True)
class LastImport:
    at: int
    format: str
    read: int
    valid: int
    rejected: int
    identifiers: int
    matched: int


@dataclass(frozen=True)
class Summary:
    consent_at: int | None
    findable: bool
    held: int  # hashes held for the member
    matches: int  # members those hashes find now
    last_import: LastImport | None


@dataclass(frozen=True)
class Page:
    items: tuple[Match, ...]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class Purge:
    links: int
    hashes: int


@dataclass(frozen=True)
class Joined:
    importers: int  # importers told "X, de vos contacts, a rejoint Coopol"
    notified_newcomer: bool


def _now(now: int | None) -> int:
    return int(time.time() * 1000) if now is None else now


def _keyed(key: str) -> hmac.HMAC:
    """An HMAC-SHA256 keyed with the contacts key, nothing hashed yet.

    The digest named, not given as `hashlib.sha256`: then the whole HMAC is OpenSSL's (3.1 against 4.4 µs)."""
    if not key:
        raise ValueError("the contacts key is empty")
    return hmac.new(key.encode(), digestmod="sha256")


def keyed_hash(key: str, kind: str, value: str) -> str:
    """The hex HMAC-SHA256 of `kind:value` (`email:…`, `phone:+33…`) with the contacts key."""
    one = _keyed(key)
    one.update(f"{kind}:{value}".encode())
    return one.hexdigest()


def _keyed_hashes(key: str, identifiers: Iterable[str]) -> list[str]:
    """`keyed_hash` of each `kind:value`, from one HMAC keyed once and copied for each
    (the key's pads are not hashed again: 16,786 identifiers 76 -> 47 ms)."""
    keyed = _keyed(key)
    hashes = []
    for identifier in identifiers:
        one = keyed.copy()
        one.update(identifier.encode())
        hashes.append(one.hexdigest())
    return hashes


def identifier_hashes(key: str, emails: Iterable[str] = (), phones: Iterable[str] = ()) -> list[str]:
    """The hashes of normalised e-mails and E.164 phones, each once, in a stable order."""
    return sorted(_keyed_hashes(key, {f"email:{e}" for e in emails if e} | {f"phone:{p}" for p in phones if p}))


def book_hashes(key: str, contacts: Iterable) -> list[str]:
    """The distinct hashes of an address book's contacts (`Contact.emails`, `.phones`, already normalised),
    sorted: each identifier hashed once, however many cards name it."""
    identifiers: set[str] = set()
    for contact in contacts:
        identifiers.update(f"email:{e}" for e in contact.emails if e)
        identifiers.update(f"phone:{p}" for p in contact.phones if p)
    return sorted(_keyed_hashes(key, identifiers))


def _member_id(value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable():
        raise NotFound("membre introuvable")
    return value


def _member(store: Store, member_id: object) -> dict:
    rows = store.read("contacts/get_member", member_id=_member_id(member_id))
    if not rows or rows[0]["status"] != "active":
        raise NotFound("membre introuvable")
    return rows[0]


def _chunks(items: Sequence) -> Iterable[Sequence]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


# --- members' own identifiers ----------------------------------------------------


def identify_members(store: Store, key: str, people: Iterable[tuple[str, str | None, str | None]],
                     progress: Progress = _no_progress) -> int:
    """Link each (member id, e-mail, phone) to the hashes of its identifiers,
    replacing older ones; batched, safe to repeat. Returns the members linked."""
    rows = [{"id": member_id, "hashes": identifier_hashes(key, [email] if email else [], [phone] if phone else [])}
            for member_id, email, phone in people]
    done = linked = 0
    for batch in _chunks(rows):
        linked += store.write("contacts/set_identifiers", rows=list(batch))[0]["members"]
        done += len(batch)
        progress("hash members", done, len(rows))
    return linked


def rehash(store: Store, key: str, progress: Progress = _no_progress, page: int = BATCH) -> int:
    """Hash every member's own identifiers again (a graph made before, or a new
    key); the address books' hashes cannot be redone and are left as they are."""
    after, total = "", 0
    while True:
        rows = store.read("contacts/list_identifiers", after=after, limit=page)
        if not rows:
            return total
        total += identify_members(store, key, [(r["id"], r["email"], r["phone"]) for r in rows])
        after = rows[-1]["id"]
        progress("hash members", total, total)


def joined(store: Store, key: str, member_id: str) -> Joined:
    """A member registered or activated their account: hash their identifiers,
    then, if they are findable, tell the members whose address books hold them
    ("X, de vos contacts, a rejoint Coopol") and them how many know them."""
    me = _member(store, member_id)
    identify_members(store, key, [(me["id"], me["email"], me["phone"])])
    if not me["findable"]:
        return Joined(0, False)
    importers = [r["id"] for r in store.read("contacts/list_importers", member_id=me["id"], limit=MAX_NOTIFIED)]
    if not importers:
        return Joined(0, False)
    suggestions.mark_stale(store, [*importers, me["id"]])  # "dans vos contacts" at once, both ways
    told = notifications.notify(store, importers, "contact_joined", actor_id=me["id"], subject_id=me["id"],
                                subject_title=me["display_name"] or "", url=f"/membres/{me['id']}")
    mine = notifications.notify(store, [me["id"]], "contact_found", subject_title=str(len(importers)),
                                url="/coopains/suggestions")
    log.info("contacts: a newcomer found in %d address books", told)
    return Joined(told, bool(mine))


# --- importing an address book -----------------------------------------------------


def may_import(store: Store, member_id: str, limits: Limits, *, now: int | None = None) -> None:
    """Before a file is even read: `Forbidden` unless the member has consented,
    has uploads left today and identifiers left this month (`import_contacts`
    checks again against the book's size). A member over a limit costs the
    server no parsing."""
    me = _member(store, member_id)
    if not me["consent_at"]:
        raise Forbidden("acceptez d'abord les conditions d'import de votre carnet d'adresses")
    _check_limits(store, me["id"], limits, 1, _now(now), sizing=False)


def _check_limits(store: Store, member_id: str, limits: Limits, identifiers: int, now: int,
                  *, sizing: bool = True) -> None:
    [row] = store.read("contacts/count_recent_imports", member_id=member_id,
                       day_start=now - DAY_MS, month_start=now - MONTH_MS)
    uploads, sent = int(row["uploads"]), int(row["identifiers"])  # FalkorDB sums are floats
    if uploads >= limits.uploads_per_day:
        raise Forbidden(f"vous avez déjà importé {limits.uploads_per_day} carnets d'adresses ces dernières "
                        "24 heures : réessayez demain")
    if sent + identifiers > limits.identifiers_per_month:
        if not sizing:
            raise Forbidden(f"vous avez importé {limits.identifiers_per_month} adresses et numéros ces 30 derniers "
                            "jours, le maximum : réessayez plus tard")
        left = max(0, limits.identifiers_per_month - sent)
        raise Forbidden(f"ce carnet compte {identifiers} adresses et numéros ; vous pouvez encore en importer "
                        f"{left} sur 30 jours (au plus {limits.identifiers_per_month})")


def import_contacts(store: Store, key: str, member_id: str, book, *, now: int | None = None,
                    limits: Limits | None = None, require_consent: bool = True,
                    progress: Progress = _no_progress) -> ImportResult:
    """Keep the hashes of an address book (`addressbook.CheckedBook` or `AddressBook`) for the member,
    log the upload, and return the members it finds.

    The book is read a batch at a time while the previous batch is stored (`CheckedBook.batches`:
    a big one in a forked process): each batch's hashes are stored and matched in one statement
    (`contacts/add_and_match`: one index seek per hash). Everything that may refuse the upload is
    decided before the first hash is stored: the book's own checks, the consent, and the limits,
    checked against the identifiers the book holds at most (when that bound passes a limit, the book
    is read in full first and its exact count decides) in the statement that logs the upload.

    `limits` None: not limited (the operator's command); `require_consent` False: the operator
    imports on the member's behalf. Nothing is written when the member is unknown, has not
    consented, is over a limit, or the book holds no usable identifier."""
    now = _now(now)
    me = _member(store, member_id)
    if require_consent and not me["consent_at"]:
        raise Forbidden("acceptez d'abord les conditions d'import de votre carnet d'adresses")
    if not book.identifiers_at_most:
        raise Invalid(_NO_IDENTIFIER)
    if limits is not None:
        try:
            _check_limits(store, me["id"], limits, book.identifiers_at_most, now)
        except Forbidden:
            whole = book.read_all()
            if whole is book:
                raise
            book = whole  # the bound passes a limit: the exact count decides
            _check_limits(store, me["id"], limits, book.identifiers_at_most, now)
    found: dict[str, Match] = {}  # a member may be found in two batches (their e-mail, their phone)
    stored: set[str] = set()
    import_id = None
    valid = 0
    progress("import", 0, book.read)
    for entries, batch_hashes in book.batches(BOOK_BATCH, background=True,
                                              then=functools.partial(_counted_hashes, key)):
        valid += entries
        hashes = [h for h in batch_hashes if h not in stored]
        if hashes and import_id is None:
            import_id = _log_import(store, me["id"], book, limits, now)
        stored.update(hashes)
        for chunk in _chunks(hashes):
            for r in store.write("contacts/add_and_match", member_id=me["id"], hashes=list(chunk), now=now):
                found[r["id"]] = Match(r["id"], r["display_name"], r["section_name"])
        progress("import", min(valid, book.read), book.read)
    if import_id is None:
        raise Invalid(_NO_IDENTIFIER)
    matched = tuple(sorted(found.values(), key=lambda m: (m.display_name or "", m.id)))
    store.write("contacts/set_import_counts", member_id=me["id"], id=import_id, valid=valid,
                rejected=book.read - valid, identifiers=len(stored), matched=len(matched))
    suggestions.mark_stale(store, [me["id"]])  # the members found are suggested at once
    progress("import", book.read, book.read)
    log.info("contacts: an address book of %d identifiers imported, %d members found", len(stored), len(matched))
    return ImportResult(book.format, book.encoding, book.read, valid, book.read - valid, len(stored), matched)


def _counted_hashes(key: str, contacts: list) -> tuple[int, list[str]]:
    """A batch of contacts as an import needs it (where it is read: in the reading process, if forked)."""
    return len(contacts), book_hashes(key, contacts)


def _log_import(store: Store, member_id: str, book, limits: Limits | None, now: int) -> str:
    """Log the upload, the limits checked in the same statement against the identifiers the book holds at
    most (the exact count is written once they are stored); `Forbidden` when they no longer pass."""
    import_id = members.new_id()
    logged = store.write(
        "contacts/log_import", member_id=member_id, id=import_id, now=now,
        day_start=now - DAY_MS, month_start=now - MONTH_MS,
        max_uploads=limits.uploads_per_day if limits else -1,
        max_identifiers=limits.identifiers_per_month if limits else -1,
        format=book.format, read=book.read, identifiers=book.identifiers_at_most,
    )
    if not logged:
        raise Forbidden("limite d'import atteinte : réessayez plus tard")
    return import_id


# --- the member's page ---------------------------------------------------------------


def summary(store: Store, member_id: str) -> Summary:
    """Consent, opt-out, hashes held, members they find, the latest upload."""
    me = _member(store, member_id)
    matches = store.read("contacts/count_matches", member_id=me["id"])[0]["matches"] if me["held"] else 0
    last = store.read("contacts/get_last_import", member_id=me["id"])
    return Summary(me["consent_at"], bool(me["findable"]), me["held"], matches,
                   LastImport(**last[0]) if last else None)


def matches(store: Store, member_id: str, limit: int = 50, offset: int = 0) -> Page:
    """One page of the members one's held hashes find, by name, with the coopain link to each."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise Invalid("offset : un entier positif ou nul")
    member_id = _member_id(member_id)
    total = store.read("contacts/count_matches", member_id=member_id)[0]["matches"]
    rows = store.read("contacts/list_matches", member_id=member_id, offset=offset, limit=limit) if total > offset else []
    return Page(tuple(Match(**r) for r in rows), total, offset, limit)


def consent(store: Store, member_id: str, now: int | None = None) -> None:
    """The member accepts what an import keeps (stated on the page) before uploading."""
    if not store.write("contacts/set_consent", member_id=_member_id(member_id), at=_now(now)):
        raise NotFound("membre introuvable")


def set_findable(store: Store, member_id: str, findable: bool) -> None:
    """False: the member is never found through other members' address books, nor announced to them."""
    if not isinstance(findable, bool):
        raise Invalid("choix : oui ou non")
    if not store.write("contacts/set_findable", member_id=_member_id(member_id), findable=findable):
        raise NotFound("membre introuvable")


def forget(store: Store, member_id: str) -> int:
    """Delete every hash held for the member (the hash nodes nobody else refers
    to go too) and withdraw their consent; returns the links deleted."""
    me = _member(store, member_id)
    while store.write("contacts/delete_own_hashes", member_id=me["id"], limit=BATCH)[0]["deleted"]:
        pass
    while store.write("contacts/delete_links", member_id=me["id"], limit=BATCH)[0]["deleted"]:
        pass
    store.write("contacts/set_consent", member_id=me["id"], at=None)
    log.info("contacts: a member deleted %d hashes", me["held"])
    return me["held"]


def purge(store: Store, older_than_days: int = RETENTION_DAYS, now: int | None = None,
          progress: Progress = _no_progress) -> Purge:
    """Retention: delete the address-book links imported more than `older_than_days`
    ago, then every hash node nobody refers to any more."""
    if not isinstance(older_than_days, int) or isinstance(older_than_days, bool) or older_than_days < 0:
        raise Invalid("durée de conservation : un nombre de jours positif ou nul")
    before = _now(now) - older_than_days * DAY_MS
    links = hashes = 0
    while deleted := store.write("contacts/purge_links", before=before, limit=BATCH)[0]["deleted"]:
        links += deleted
        progress("purge links", links, links)
    while deleted := store.write("contacts/purge_orphans", limit=BATCH)[0]["deleted"]:
        hashes += deleted
        progress("purge hashes", hashes, hashes)
    log.info("contacts: purge removed %d links and %d hashes", links, hashes)
    return Purge(links, hashes)
