"""Members: registration, profiles and who may see them, declared roles.

Declared roles (`(:Member)-[:HOLDS]->(:Mandate)-[:OF_ROLE]->(:Role)`) say what a
member holds; they grant no right (rights are `ANIMATES` grants, `admins.py`).

Who sees a profile: nobody anonymous; the member themself; the animators of
the member's section, federation or the national level; otherwise the member's
choice: `visibility` (their section, their federation or all members) and
whether sympathisants see it at all. A hidden profile raises `NotFound`, never
`Forbidden`: a hidden member's existence is not revealed.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field

from graphsvc import accounts, identity
from graphsvc.errors import Conflict, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

MEMBERSHIPS = ("adherent", "sympathisant")
VISIBILITIES = accounts.VISIBILITIES
REGISTER_QUERIES = {"adherent": "members/register_adherent", "sympathisant": "members/register_sympathisant"}
MAX_MANDATES = 20
MAX_PLACE = 120


@dataclass(frozen=True)
class MandateInput:
    """A role declared at registration or later: a catalogue key and a place."""

    role_key: str
    place_label: str = ""
    place_code: str = ""
    place_kind: str = ""


@dataclass(frozen=True)
class Mandate:
    id: str
    role_key: str
    role_label: str
    role_label_en: str | None
    kind: str | None
    place_label: str | None
    place_code: str | None
    since: int | None


@dataclass(frozen=True)
class Member:
    id: str
    email: str
    display_name: str
    membership: str
    section_id: str


@dataclass(frozen=True)
class Profile:
    id: str
    first_name: str
    last_name: str
    display_name: str
    membership: str
    visibility: str
    visible_to_sympathisants: bool
    section_id: str
    section_name: str
    federation_id: str
    federation_number: str
    federation_name: str
    created_at: int | None
    mandates: tuple[Mandate, ...] = field(default_factory=tuple)
    email: str | None = None  # only on one's own profile
    phone: str | None = None  # only on one's own profile

    @property
    def is_adherent(self) -> bool:
        return self.membership == "adherent"


@dataclass(frozen=True)
class Section:
    id: str
    name: str
    federation_id: str
    federation_number: str
    federation_name: str


@dataclass(frozen=True)
class SectionChoice:
    id: str
    name: str
    federation_number: str
    federation_name: str


@dataclass(frozen=True)
class Role:
    key: str
    label: str
    label_en: str | None
    kind: str | None
    level: str | None


def new_id() -> str:
    return uuid.uuid4().hex


def _check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise Invalid(f"{what} : choisir parmi {', '.join(allowed)}")
    return value


def _check_id(value: str | None, what: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > 100 or not value.isprintable():
        raise Invalid(f"{what} : identifiant invalide")
    return value


def get_section(store: Store, section_id: str) -> Section:
    rows = store.read("members/get_section", section_id=_check_id(section_id, "section"))
    if not rows:
        raise NotFound("section inconnue")
    return Section(**rows[0])


def search_sections(store: Store, text: str, limit: int = 20) -> list[SectionChoice]:
    """Sections by commune or section name, postal code, INSEE code or federation number."""
    text = (text or "").strip()[:100]
    if not text:
        return []
    compact = text.replace(" ", "").upper()
    code = compact if re.fullmatch(r"\d{1,5}|2[AB]", compact) else ""
    if len(code) == 1:
        code = "0" + code
    key = "" if code else identity.search_key(text)
    if not key and not code:
        return []
    rows = store.read("members/search_sections", key=key, code=code, limit=limit)
    return [SectionChoice(**row) for row in rows]


def list_roles(store: Store, limit: int = 500) -> list[Role]:
    return [Role(**row) for row in store.read("members/list_roles", limit=limit)]


def _mandate_params(store: Store, mandates: list[MandateInput], now: int) -> list[dict]:
    if len(mandates) > MAX_MANDATES:
        raise Invalid(f"rôles : {MAX_MANDATES} au plus")
    keys = sorted({m.role_key for m in mandates})
    for key in keys:
        _check_id(key, "rôle")
    known = {row["key"] for row in store.read("members/get_roles", keys=keys)} if keys else set()
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise Invalid("rôle inconnu du catalogue")
    params = []
    for mandate in mandates:
        place = identity.clean_name(mandate.place_label, "lieu du rôle", MAX_PLACE) if (mandate.place_label or "").strip() else None
        code = (mandate.place_code or "").strip() or None
        if code is not None and (len(code) > 20 or not code.isalnum()):
            raise Invalid("lieu du rôle : code invalide")
        kind = (mandate.place_kind or "").strip() or ("text" if place else None)
        if kind is not None and kind not in ("text", "commune", "departement", "region", "circonscription", "section", "federation", "national"):
            raise Invalid("lieu du rôle : type de lieu invalide")
        params.append(
            {
                "id": new_id(),
                "role_key": mandate.role_key,
                "since": now,
                "place_kind": kind,
                "place_code": code,
                "place_label": place,
            }
        )
    return params


def register(
    store: Store,
    *,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    membership: str,
    section_id: str,
    visibility: str = "section",
    visible_to_sympathisants: bool = False,
    phone: str | None = None,
    mandates: list[MandateInput] | tuple = (),
    contacts_key: str | None = None,
) -> Member:
    """Create an active account: everything is checked first, then one write
    statement creates the member, their section link and their declared roles.
    With `contacts_key`, their identifiers are hashed and the members whose
    address books hold them are told (`contacts.joined`)."""
    first = identity.clean_name(first_name, "prénom")
    last = identity.clean_name(last_name, "nom")
    address = identity.normalise_email(email)
    password_hash = accounts.hash_password(password)
    _check_choice(membership, MEMBERSHIPS, "adhésion")
    _check_choice(visibility, VISIBILITIES, "visibilité")
    if not isinstance(visible_to_sympathisants, bool):
        raise Invalid("visibilité : oui ou non")
    number = identity.normalise_phone(phone)
    section = get_section(store, section_id)
    now = accounts.now_ms()
    mandate_params = _mandate_params(store, list(mandates), now)
    if store.read("members/get_by_email", email=address):
        raise Conflict("un compte existe déjà avec cette adresse e-mail")
    member_id = new_id()
    rows = store.write(
        REGISTER_QUERIES[membership],
        id=member_id,
        email=address,
        first_name=first,
        last_name=last,
        display_name=f"{first} {last}",
        phone=number,
        password_hash=password_hash,
        now=now,
        visibility=visibility,
        visible_to_sympathisants=visible_to_sympathisants,
        section_id=section.id,
        mandates=mandate_params,
    )
    if not rows:
        raise NotFound("section inconnue")
    log.info("members: one %s registered", membership)
    if contacts_key:
        from graphsvc import contacts

        contacts.joined(store, contacts_key, member_id)
    return Member(member_id, address, f"{first} {last}", membership, section.id)


def profile(store: Store, viewer_id: str | None, member_id: str) -> Profile:
    """The profile `viewer_id` may see; `NotFound` when hidden or unknown (same answer)."""
    if not viewer_id or not member_id or len(member_id) > 100:
        raise NotFound("membre introuvable")
    rows = store.read("members/get_profile", viewer_id=viewer_id, member_id=member_id)
    if not rows:
        raise NotFound("membre introuvable")
    row = dict(rows[0])
    row["mandates"] = tuple(Mandate(**m) for m in row["mandates"] if m)
    row["visible_to_sympathisants"] = bool(row["visible_to_sympathisants"])
    return Profile(**row)


def can_see(store: Store, viewer_id: str | None, member_id: str) -> bool:
    try:
        profile(store, viewer_id, member_id)
        return True
    except NotFound:
        return False


def update_visibility(store: Store, actor_id: str, visibility: str, visible_to_sympathisants: bool) -> None:
    """A member chooses who sees their own profile."""
    _check_choice(visibility, VISIBILITIES, "visibilité")
    if not store.write(
        "members/set_visibility",
        member_id=actor_id,
        visibility=visibility,
        visible_to_sympathisants=bool(visible_to_sympathisants),
    ):
        raise NotFound("membre introuvable")


def add_mandate(store: Store, actor_id: str, mandate: MandateInput) -> str:
    """Declare one more role held by the member (their own profile only)."""
    [params] = _mandate_params(store, [mandate], accounts.now_ms())
    if len(profile(store, actor_id, actor_id).mandates) >= MAX_MANDATES:
        raise Invalid(f"rôles : {MAX_MANDATES} au plus")
    rows = store.write("members/add_mandate", member_id=actor_id, **params)
    if not rows:
        raise NotFound("membre introuvable")
    return rows[0]["id"]


def remove_mandate(store: Store, actor_id: str, mandate_id: str) -> None:
    rows = store.write("members/remove_mandate", member_id=actor_id, mandate_id=_check_id(mandate_id, "rôle"))
    if not rows[0]["deleted"]:
        raise NotFound("rôle introuvable")
