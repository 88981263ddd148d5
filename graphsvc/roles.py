"""The roles catalogue: party functions, elected mandates and jobs, as
`(:Role)` nodes. The seed (`seeds/roles.py`) loads the standard catalogue; an
administrator adds more with `coopol roles add` (no code change)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graphsvc.errors import Conflict, Invalid
from graphsvc.identity import clean_name
from graphsvc.store import Store

KINDS = ("party", "mandate", "job")
LEVELS = {
    "party": ("section", "federation", "national"),
    "mandate": (
        "commune",
        "arrondissement",
        "intercommunalite",
        "departement",
        "region",
        "circonscription",
        "senat",
        "europe",
        "none",
    ),
    "job": ("none",),
}
KIND_LABELS = {"party": "Fonctions dans le parti", "mandate": "Mandats électifs", "job": "Emplois"}
KIND_LABELS_EN = {"party": "Party functions", "mandate": "Elected mandates", "job": "Jobs"}
MAX_ROLES = 1000
_KEY = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


@dataclass(frozen=True)
class Role:
    key: str
    label: str
    label_en: str
    kind: str
    level: str


@dataclass(frozen=True)
class RoleGroup:
    kind: str
    label: str
    label_en: str
    roles: tuple[Role, ...]


def _collation(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def list_roles(store: Store) -> list[Role]:
    """Every role, by kind (party, mandate, job), then label (accent-insensitive)."""
    rows = store.read("roles/list", limit=MAX_ROLES)
    roles = [Role(**row) for row in rows]
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(roles, key=lambda r: (order.get(r.kind, len(KINDS)), _collation(r.label), r.key))


def catalogue(store: Store) -> tuple[RoleGroup, ...]:
    """The roles grouped by kind for a form's `<optgroup>`s, labels sorted."""
    roles = list_roles(store)
    kinds = list(KINDS) + sorted({r.kind for r in roles} - set(KINDS))
    return tuple(
        RoleGroup(
            kind=kind,
            label=KIND_LABELS.get(kind, kind),
            label_en=KIND_LABELS_EN.get(kind, kind),
            roles=tuple(r for r in roles if r.kind == kind),
        )
        for kind in kinds
        if any(r.kind == kind for r in roles)
    )


def get(store: Store, key: str) -> Role | None:
    rows = store.read("roles/get", key=key)
    return Role(**rows[0]) if rows else None


def add(store: Store, key: str, label: str, label_en: str, kind: str, level: str) -> Role:
    """Add a role to the catalogue; `Invalid` for bad input, `Conflict` for a taken key."""
    key = (key or "").strip()
    if not _KEY.match(key) or len(key) > 80:
        raise Invalid(
            f"clé {key!r} : lettres minuscules ASCII, chiffres et _ (ex. secretaire_federal), 80 au plus"
        )
    label = clean_name(label, "libellé")
    label_en = clean_name(label_en, "libellé anglais")
    if kind not in KINDS:
        raise Invalid(f"type {kind!r} : {', '.join(KINDS)}")
    if level not in LEVELS[kind]:
        raise Invalid(f"niveau {level!r} pour le type {kind} : {', '.join(LEVELS[kind])}")
    if get(store, key) is not None:
        raise Conflict(f"le rôle {key} existe déjà")
    rows = store.write("roles/create", key=key, label=label, label_en=label_en, kind=kind, level=level)
    return Role(**rows[0])
