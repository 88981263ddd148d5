"""Membership-file import: a federation loads the list of its members and
sympathisers, and Coopol creates accounts the people activate themselves.

The file is CSV in UTF-8 (a byte-order mark is accepted, and `;` as the
separator, as spreadsheets write it), with the header
`first_name,last_name,email,phone,section,membership` (any order).
`section` is a section id (`sec-69381`), a commune's INSEE code, a postal
code that only one section serves, or for the federation of French people
abroad the city's name (`Londres`); `membership` is `adherent` or
`sympathisant`.

What happens to each row:

- **created**: a `:Member:Adherent` or `:Member:Sympathisant` with
  `status: "pending"`, no password, the most private visibility (its section,
  hidden from sympathisants) until the person chooses, and a one-time
  activation token of which only the sha256 (`activation_hash`) is stored,
  valid 30 days (`activation_expires_at`). The tokens are handed back once, for
  the activation links (`/activer/<token>`).
- **already present**: a member already has this e-mail address (importing
  the same file twice creates nothing the second time).
- **rejected**, with its line number and the reasons: bad e-mail, bad phone,
  empty or hostile name (control or direction-override characters, over 100
  characters), unknown section, a split city's own code (Paris, Lyon,
  Marseille: the message lists its sections), an ambiguous postal code, an
  unknown membership, a wrong number of columns, an e-mail twice in the file.

Decision: the valid rows of a file are created even when other rows are
rejected (the report lists those to fix and re-import; re-importing the fixed
file creates only them). A file that cannot be read as a whole (not UTF-8,
binary, wrong header) creates nothing. No row is ever half-written: a row's
member and its section link are created by one statement.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import secrets
import time
import uuid
from dataclasses import dataclass, field

from graphsvc.errors import Conflict, Forbidden, Invalid
from graphsvc.identity import clean_name, normalise_email, normalise_phone, search_key
from graphsvc.store.base import Store

log = logging.getLogger(__name__)

HEADER = ("first_name", "last_name", "email", "phone", "section", "membership")
MEMBERSHIPS = {"adherent": "adherent", "adhérent": "adherent", "sympathisant": "sympathisant"}
ACTIVATION_DAYS = 30
DAY_MS = 86_400_000
MAX_FILE_BYTES = 50 * 1024 * 1024
BATCH = 2_000

# The split cities: the parent commune's INSEE code (and La Poste's pseudo
# postal code) is no section of its own; its arrondissements are.
SPLIT_CITIES = {
    "75056": ("Paris", range(75101, 75121)),
    "69123": ("Lyon", range(69381, 69390)),
    "13055": ("Marseille", range(13201, 13217)),
}
SPLIT_PSEUDO_POSTCODES = {"75000": "75056", "69000": "69123", "13000": "13055"}
ABROAD_FEDERATION = "fed-99"  # French people abroad: sections by city, named in the file by city


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str


@dataclass(frozen=True)
class Activation:
    email: str
    token: str


@dataclass(frozen=True)
class ImportReport:
    rows: int
    created: int
    already_present: int
    already_present_lines: tuple[int, ...]
    rejected: tuple[Rejected, ...]
    activations: tuple[Activation, ...] = field(repr=False)
    dry_run: bool = False

    def as_dict(self) -> dict:
        """The report without the activation tokens."""
        return {
            "dry_run": self.dry_run,
            "rows": self.rows,
            "created": self.created,
            "already_present": self.already_present,
            "already_present_lines": list(self.already_present_lines),
            "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
        }


@dataclass(frozen=True)
class _Section:
    id: str
    name: str
    federation_id: str


class _Sections:
    """Resolves the `section` column: a section id, an INSEE code, a postal code."""

    def __init__(self, store: Store, page: int = 10_000):
        self.by_id: dict[str, _Section] = {}
        self.by_commune: dict[str, _Section] = {}
        self.by_postcode: dict[str, list[_Section]] = {}
        self.abroad_by_city: dict[str, list[_Section]] = {}  # sections abroad have no INSEE code
        skip = 0
        while True:
            rows = store.read("membership/list_sections", skip=skip, limit=page)
            for row in rows:
                section = _Section(row["id"], row["name"] or row["id"], row["federation_id"])
                self.by_id[section.id] = section
                for code in row["communes"]:
                    self.by_commune[code] = section
                for code in row["postcodes"]:
                    self.by_postcode.setdefault(code, []).append(section)
                if section.federation_id == ABROAD_FEDERATION:
                    self.abroad_by_city.setdefault(search_key(section.name), []).append(section)
            skip += len(rows)
            if len(rows) < page:
                break

    def resolve(self, raw: str) -> _Section:
        code = raw.strip()
        if not code:
            raise Invalid("section : obligatoire (identifiant de section, code INSEE ou code postal)")
        if len(code) > 40:
            raise Invalid("section : valeur trop longue")
        found = self.by_id.get(code) or self.by_commune.get(code)
        if found:
            return found
        parent = SPLIT_PSEUDO_POSTCODES.get(code, code)
        if parent in SPLIT_CITIES:
            name, arrondissements = SPLIT_CITIES[parent]
            choices = sorted(
                {self.by_commune[str(c)].id for c in arrondissements if str(c) in self.by_commune}
            )
            listed = ", ".join(choices) if choices else "aucune section chargée"
            raise Invalid(
                f"section : {code} désigne toute la ville de {name}, qui a une section par "
                f"arrondissement ; indiquez l'une d'elles : {listed}"
            )
        served = self.by_postcode.get(code, [])
        distinct = sorted({s.id for s in served})
        if len(distinct) == 1:
            return served[0]
        if len(distinct) > 1:
            shown = ", ".join(distinct[:8]) + (" …" if len(distinct) > 8 else "")
            raise Invalid(
                f"section : le code postal {code} est desservi par {len(distinct)} sections "
                f"({shown}) ; indiquez l'identifiant de la section ou le code INSEE de la commune"
            )
        abroad = self.abroad_by_city.get(search_key(code), [])
        if len(abroad) == 1:
            return abroad[0]
        raise Invalid(
            f"section inconnue « {code[:40]} » : ni identifiant de section, ni code INSEE, ni code "
            "postal connu (une commune fusionnée ou renommée prend le code de la commune nouvelle)"
        )


def decode(data: bytes) -> str:
    """The file's text, or `Invalid` saying why it cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        raise Invalid(f"fichier trop gros ({len(data) // 1_000_000} Mo, {MAX_FILE_BYTES // 1_000_000} Mo au plus)")
    if b"\x00" in data:
        raise Invalid("ce n'est pas un fichier CSV texte (il contient des octets nuls) : exportez la liste en « CSV UTF-8 »")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Invalid(
            f"le fichier n'est pas encodé en UTF-8 (octet invalide à la position {exc.start}) : "
            "enregistrez-le en « CSV UTF-8 » et réessayez"
        ) from None
    if not text.strip():
        raise Invalid("le fichier est vide")
    return text


def parse(text: str) -> tuple[list[tuple[int, dict[str, str] | None, str | None]], int]:
    """[(line, fields or None, error)] for each non-blank data row, and the header's delimiter check."""
    first_line = text.splitlines()[0]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise Invalid(f"ligne 1 : en-tête illisible ({exc})") from None
    missing = [h for h in HEADER if h not in header]
    unknown = [h for h in header if h not in HEADER]
    doubled = sorted({h for h in header if header.count(h) > 1})
    if missing or unknown or doubled:
        problems = []
        if missing:
            problems.append("colonnes manquantes : " + ", ".join(missing))
        if unknown:
            problems.append("colonnes inconnues : " + ", ".join(repr(h[:30]) for h in unknown[:6]))
        if doubled:
            problems.append("colonnes en double : " + ", ".join(doubled))
        raise Invalid(f"ligne 1 : en-tête attendu « {','.join(HEADER)} » ; " + " ; ".join(problems))
    rows = []
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise Invalid(f"ligne {reader.line_num} : CSV illisible ({exc}) ; rien n'a été importé") from None
        start, line = line, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            rows.append((start, None, f"{len(values)} colonnes au lieu de {len(header)}"))
            continue
        rows.append((start, dict(zip(header, values)), None))
    return rows, len(header)


def _check_row(fields: dict[str, str], sections: _Sections) -> tuple[dict, list[str]]:
    errors: list[str] = []
    clean: dict = {}
    for key, label in (("first_name", "prénom"), ("last_name", "nom")):
        try:
            clean[key] = clean_name(fields[key], label)
        except Invalid as exc:
            errors.append(str(exc))
    try:
        clean["email"] = normalise_email(fields["email"])
    except Invalid as exc:
        errors.append(str(exc))
    try:
        clean["phone"] = normalise_phone(fields["phone"])
    except Invalid as exc:
        errors.append(str(exc))
    membership = MEMBERSHIPS.get(fields["membership"].strip().lower())
    if membership is None:
        errors.append(f"adhésion inconnue « {fields['membership'].strip()[:30]} » : adherent ou sympathisant")
    clean["membership"] = membership
    try:
        clean["section"] = sections.resolve(fields["section"])
    except Invalid as exc:
        errors.append(str(exc))
    return clean, errors


def _allowed_federations(store: Store, actor_id: str | None) -> set[str] | None:
    """None: every federation (an administrator, or the operator's command line)."""
    if actor_id is None:
        return None
    rights = store.read("membership/list_actor_rights", member_id=actor_id, limit=1000)
    if any(r["right"] == "admin" for r in rights):
        return None
    federations = {r["unit_id"] for r in rights if r["right"] == "coordinator"}
    if not federations:
        raise Forbidden("seuls les responsables fédéraux et les administrateurs importent un fichier d'adhérents")
    return federations


def import_members(
    store: Store, actor_id: str | None, data: bytes, now_ms: int | None = None, dry_run: bool = False,
    contacts_key: str | None = None,
) -> ImportReport:
    """Import a membership file (bytes); `actor_id` None is the operator (command line).

    With `dry_run`, check everything and write nothing: `created` counts the
    accounts an import would create now. With `contacts_key`, the new accounts'
    e-mails and phones are hashed for address-book matching (`contacts.identify_members`)."""
    allowed = _allowed_federations(store, actor_id)
    rows, _ = parse(decode(data))
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    sections = _Sections(store)
    rejected: list[Rejected] = []
    valid: list[tuple[int, dict]] = []
    first_line_of: dict[str, int] = {}
    for line, fields, error in rows:
        if error:
            rejected.append(Rejected(line, error))
            continue
        clean, errors = _check_row(fields, sections)
        if not errors and allowed is not None and clean["section"].federation_id not in allowed:
            errors.append(f"section {clean['section'].id} hors de votre fédération")
        email = clean.get("email")
        if not errors and email in first_line_of:
            errors.append(f"adresse e-mail déjà donnée ligne {first_line_of[email]} du fichier")
        if errors:
            rejected.append(Rejected(line, " ; ".join(errors)))
            continue
        first_line_of[email] = line
        valid.append((line, clean))

    existing: set[str] = set()
    emails = [clean["email"] for _, clean in valid]
    for start in range(0, len(emails), BATCH):
        existing.update(r["email"] for r in store.read("membership/taken_emails", emails=emails[start : start + BATCH]))
    present_lines = [line for line, clean in valid if clean["email"] in existing]
    to_create = [(line, clean) for line, clean in valid if clean["email"] not in existing]

    activations: list[Activation] = []
    created_total = 0
    if dry_run:
        return ImportReport(
            rows=len(rows),
            created=len(to_create),
            already_present=len(present_lines),
            already_present_lines=tuple(sorted(present_lines)),
            rejected=tuple(rejected),
            activations=(),
            dry_run=True,
        )
    expires = now_ms + ACTIVATION_DAYS * DAY_MS
    for membership, query in (("adherent", "membership/create_adherents"), ("sympathisant", "membership/create_sympathisants")):
        group = [(line, clean) for line, clean in to_create if clean["membership"] == membership]
        for start in range(0, len(group), BATCH):
            batch = group[start : start + BATCH]
            tokens = {clean["email"]: secrets.token_urlsafe(32) for _, clean in batch}
            params = [
                {
                    "id": str(uuid.uuid4()),
                    "email": clean["email"],
                    "first_name": clean["first_name"],
                    "last_name": clean["last_name"],
                    "display_name": f"{clean['first_name']} {clean['last_name']}",
                    "phone": clean["phone"],
                    "section_id": clean["section"].id,
                    "activation_hash": hashlib.sha256(tokens[clean["email"]].encode()).hexdigest(),
                    "activation_expires_at": expires,
                }
                for _, clean in batch
            ]
            created = _create(store, query, params, now_ms)
            created_total += len(created)
            if contacts_key:
                from graphsvc import contacts

                made = [(p["id"], p["email"], p["phone"]) for p in params if p["email"] in created]
                contacts.identify_members(store, contacts_key, made)
            activations += [Activation(email, tokens[email]) for email in created]
            # A row not created was taken meanwhile (someone registered): already present.
            present_lines += [line for line, clean in batch if clean["email"] not in created]
    log.info(
        "membership import: %d rows, %d created, %d already present, %d rejected",
        len(rows),
        created_total,
        len(present_lines),
        len(rejected),
    )
    return ImportReport(
        rows=len(rows),
        created=created_total,
        already_present=len(present_lines),
        already_present_lines=tuple(sorted(present_lines)),
        rejected=tuple(rejected),
        activations=tuple(activations),
    )


def _create(store: Store, query: str, rows: list[dict], now_ms: int) -> set[str]:
    try:
        return {r["email"] for r in store.write(query, rows=rows, now=now_ms)}
    except Conflict:
        # An e-mail taken between the check and the write: the statement created nothing;
        # create the rows one by one so the others still go in.
        created: set[str] = set()
        for row in rows:
            try:
                created |= {r["email"] for r in store.write(query, rows=[row], now=now_ms)}
            except Conflict:
                pass
        return created


def activation_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/activer/{token}"
