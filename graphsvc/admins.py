"""Who animates: animation rights are granted, never declared.

National administrators (`admin` on the national node) name federation
coordinators ("responsable fédéral", `coordinator` on a federation) and anyone
below; coordinators name the managers ("responsable local", `manager`) of the
sections of their federation. Each grant records who granted it and when on
the `ANIMATES` relationship, and logs a line without personal data. The
operator bootstraps the first ones with `coopol admins grant` (`bootstrap`).

A right goes to an active party member (adherent): of the federation they
coordinate, or of the federation of the section they manage.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from graphsvc import accounts
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

RIGHTS = {"national": "admin", "federation": "coordinator", "section": "manager"}
OPERATOR = "operator"


@dataclass(frozen=True)
class Grant:
    right: str
    unit_id: str
    granted_by: str
    granted_at: int


@dataclass(frozen=True)
class Right:
    right: str
    unit_id: str
    level: str
    unit_name: str | None
    federation_id: str | None
    granted_by: str | None
    granted_at: int | None


@dataclass(frozen=True)
class Animator:
    member_id: str
    display_name: str
    right: str
    granted_at: int | None


def unit_id_for(level: str, ref: str | None) -> str:
    """The unit id for a level and a reference (federation number, section id)."""
    if level == "national":
        return "national"
    if level == "federation":
        number = (ref or "").strip().upper()
        if number.isdigit() and len(number) == 1:
            number = "0" + number
        return number if number.startswith("fed-") else f"fed-{number}"
    if level == "section":
        return (ref or "").strip()
    raise Invalid(f"niveau inconnu : choisir parmi {', '.join(RIGHTS)}")


def member_id_by_email(store: Store, actor_id: str, email: str) -> str:
    """The member an animator names by e-mail; only animators may look e-mails up."""
    if not actor_id or not any(r.right in ("admin", "coordinator") for r in rights(store, actor_id)):
        raise Forbidden("vous ne pouvez pas attribuer de droit")
    rows = store.read("members/get_by_email", email=email)
    if not rows:
        raise NotFound("aucun compte avec cette adresse e-mail")
    return rows[0]["id"]


def rights(store: Store, member_id: str, limit: int = 100) -> list[Right]:
    return [Right(**row) for row in store.read("admins/list_rights", member_id=member_id, limit=limit)]


def authority(store: Store, member_id: str | None, unit_id: str) -> str | None:
    """The strongest right `member_id` holds over `unit_id` ("admin", "coordinator"
    or "manager"), held on that unit or on one above it; None when they hold none.

    The one check behind every "may this member run / moderate / see the
    dashboard of this unit": a manager covers their section, a coordinator their
    federation and its sections, an administrator everything."""
    if not member_id or not unit_id or len(unit_id) > 100:
        return None
    rows = store.read("admins/authority", member_id=member_id, unit_id=unit_id)
    return rows[0]["right"] if rows else None


def animators(store: Store, unit_id: str, limit: int = 50) -> list[Animator]:
    return [Animator(**row) for row in store.read("admins/list_animators", unit_id=unit_id, limit=limit)]


def _unit(store: Store, level: str, unit_id: str) -> dict:
    if level not in RIGHTS:
        raise Invalid(f"niveau inconnu : choisir parmi {', '.join(RIGHTS)}")
    if not unit_id or len(unit_id) > 100:
        raise NotFound("unité inconnue")
    rows = store.read("admins/get_unit", unit_id=unit_id)
    if not rows or rows[0]["level"] != level:
        raise NotFound(f"aucune unité de niveau {level} avec l'identifiant {unit_id}")
    return rows[0]


def may_grant(store: Store, actor_id: str, level: str, unit: dict) -> bool:
    """Administrators grant everything; coordinators grant section rights in their federation."""
    held = rights(store, actor_id)
    if any(r.right == "admin" for r in held):
        return True
    if level == "section":
        return any(r.right == "coordinator" and r.unit_id == unit["federation_id"] for r in held)
    return False


def _check_grantee(store: Store, member_id: str, level: str, unit: dict) -> None:
    rows = store.read("admins/get_member_place", member_id=member_id) if member_id else []
    if not rows or rows[0]["status"] != "active":
        raise NotFound("membre introuvable ou compte non activé")
    member = rows[0]
    if member["membership"] != "adherent":
        raise Invalid("seul·e un·e adhérent·e peut animer une fédération ou une section")
    if level != "national" and member["federation_id"] != unit["federation_id"]:
        raise Invalid("le membre n'appartient pas à cette fédération")


def _grant(store: Store, granted_by: str, member_id: str, level: str, unit: dict) -> Grant:
    _check_grantee(store, member_id, level, unit)
    rows = store.write(
        "admins/grant",
        member_id=member_id,
        unit_id=unit["id"],
        right=RIGHTS[level],
        granted_by=granted_by,
        now=accounts.now_ms(),
    )
    if not rows:
        raise NotFound("membre ou unité introuvable")
    log.info(
        "admins: %s right on %s granted by %s",
        RIGHTS[level],
        unit["id"],
        "the operator" if granted_by == OPERATOR else "a member",
    )
    return Grant(**{key: rows[0][key] for key in ("right", "unit_id", "granted_by", "granted_at")})


def grant(store: Store, actor_id: str, member_id: str, level: str, unit_id: str) -> Grant:
    """`actor_id` names `member_id` animator of a unit; `Forbidden` unless the actor may."""
    unit = _unit(store, level, unit_id)
    if not actor_id or not may_grant(store, actor_id, level, unit):
        raise Forbidden("vous ne pouvez pas attribuer ce droit")
    return _grant(store, actor_id, member_id, level, unit)


def bootstrap(store: Store, member_id: str, level: str, unit_id: str) -> Grant:
    """The operator's grant (`coopol admins grant`): no actor to check."""
    return _grant(store, OPERATOR, member_id, level, _unit(store, level, unit_id))


def revoke(store: Store, actor_id: str, member_id: str, level: str, unit_id: str) -> bool:
    """Withdraw a right; the same people who may grant it may withdraw it."""
    unit = _unit(store, level, unit_id)
    if not actor_id or not may_grant(store, actor_id, level, unit):
        raise Forbidden("vous ne pouvez pas retirer ce droit")
    deleted = store.write("admins/revoke", member_id=member_id, unit_id=unit["id"], now=accounts.now_ms())[0]["deleted"]
    if deleted:
        log.info("admins: %s right on %s withdrawn", RIGHTS[level], unit["id"])
    return bool(deleted)
