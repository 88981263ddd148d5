"""The party's hierarchy, read for the navigation pages: the national level
with its federations, a federation with its sections and coordinators, a
section with its managers and members, breadcrumbs, search, and finding the
section of an INSEE or postal code.

Member counts are of active accounts (an imported member who has not activated
their account is not yet on Coopol). Which members a viewer may see is the
caller's business (`members_of_section` returns each member's settings).
"""

from __future__ import annotations

import re
import time
import weakref
from dataclasses import dataclass

from graphsvc.errors import Invalid, NotFound
from graphsvc.identity import search_key
from graphsvc.store import Store

NATIONAL_ID = "national"
MAX_PAGE = 200
MAX_ANIMATORS = 100
MAX_FEDERATIONS = 200
_NUMBER = re.compile(r"^(?:\d{1,3}|2[AB])$")
_CODE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
# La Poste has no code for the three split cities as a whole; the commune list
# gives them these pseudo postal codes.
_SPLIT_POSTCODES = {"75000": "75056", "69000": "69123", "13000": "13055"}
_COUNTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Crumb:
    id: str
    name: str
    level: str


@dataclass(frozen=True)
class Animator:
    id: str
    display_name: str
    membership: str | None
    right: str | None
    granted_at: int | None


@dataclass(frozen=True)
class FederationSummary:
    id: str
    number: str
    name: str
    sections: int
    members: int
    adherents: int


@dataclass(frozen=True)
class National:
    id: str
    name: str
    members: int
    federations: tuple[FederationSummary, ...]
    administrators: tuple[Animator, ...]
    breadcrumbs: tuple[Crumb, ...]


@dataclass(frozen=True)
class SectionSummary:
    id: str
    name: str
    communes: int
    weight: int
    members: int


@dataclass(frozen=True)
class Federation:
    id: str
    number: str
    name: str
    members: int
    adherents: int
    section_count: int
    sections: tuple[SectionSummary, ...]  # one page, in name order
    offset: int
    limit: int
    coordinators: tuple[Animator, ...]
    breadcrumbs: tuple[Crumb, ...]

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.sections) < self.section_count


@dataclass(frozen=True)
class Section:
    id: str
    name: str
    federation_id: str
    federation_number: str
    federation_name: str
    communes: tuple[str, ...]  # INSEE codes
    commune_names: tuple[str, ...]
    postcodes: tuple[str, ...]
    weight: int
    country: str | None
    split_of: str | None
    members: int
    adherents: int
    managers: tuple[Animator, ...]
    breadcrumbs: tuple[Crumb, ...]


@dataclass(frozen=True)
class SectionMember:
    id: str
    display_name: str | None
    first_name: str | None
    last_name: str | None
    membership: str | None
    visibility: str | None
    visible_to_sympathisants: bool | None


@dataclass(frozen=True)
class SearchHit:
    id: str
    name: str
    level: str  # "federation" or "section"
    number: str | None  # a federation's number
    federation_id: str | None  # a section's federation
    federation_number: str | None
    federation_name: str | None
    matched: str | None  # the commune, postal code… that matched, when not the name


@dataclass(frozen=True)
class SectionRef:
    id: str
    name: str
    federation_number: str


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    if not isinstance(offset, int) or offset < 0:
        raise Invalid("offset : un entier positif ou nul")
    return limit, offset


def _animators(store: Store, org_id: str) -> tuple[Animator, ...]:
    rows = store.read("hierarchy/list_animators", org_id=org_id, limit=MAX_ANIMATORS)
    return tuple(Animator(**row) for row in rows)


def federation_id(number_or_id: str) -> str:
    """`fed-69`, `69`, `1`, `2a`, `971` → the federation's id (`fed-69`, `fed-01`, `fed-2A`…)."""
    raw = number_or_id.strip() if isinstance(number_or_id, str) else ""
    if raw.lower().startswith("fed-"):
        raw = raw[4:]
    raw = raw.upper()
    if not _NUMBER.match(raw):
        raise NotFound(f"fédération inconnue : {number_or_id!r}")
    if len(raw) == 1:
        raw = "0" + raw
    return f"fed-{raw}"


def _federation_counts(store: Store, max_age_s: float) -> tuple[FederationSummary, ...]:
    """The federations with their counts: one pass over every member (about 0.3 s
    for 100,000 members on FalkorDB), so kept per store for `max_age_s` seconds."""
    now = time.monotonic()
    cached = _COUNTS.get(store)
    if cached is not None and now - cached[0] < max_age_s:
        return cached[1]
    rows = store.read("hierarchy/list_federations", national_id=NATIONAL_ID, limit=MAX_FEDERATIONS)
    federations = tuple(FederationSummary(**row) for row in rows)
    _COUNTS[store] = (now, federations)
    return federations


def national(store: Store, max_age_s: float = 0.0) -> National:
    """The national level: its federations (by number) with their counts.

    The counts visit every member; a page may accept counts up to `max_age_s`
    seconds old (computed at most that often per process and store)."""
    rows = store.read("hierarchy/get_national", id=NATIONAL_ID)
    if not rows:
        raise NotFound("le niveau national n'existe pas : chargez les données de référence (coopol refdata load)")
    head = rows[0]
    federations = _federation_counts(store, max_age_s)
    return National(
        id=head["id"],
        name=head["name"],
        members=sum(f.members for f in federations),
        federations=federations,
        administrators=_animators(store, NATIONAL_ID),
        breadcrumbs=(Crumb(head["id"], head["name"], "national"),),
    )


def federation(store: Store, number_or_id: str, limit: int = 100, offset: int = 0) -> Federation:
    """A federation with one page of its sections (name order) and its coordinators."""
    limit, offset = _page(limit, offset)
    fed_id = federation_id(number_or_id)
    rows = store.read("hierarchy/get_federation", id=fed_id)
    if not rows:
        raise NotFound(f"fédération inconnue : {number_or_id!r}")
    head = rows[0]
    sections = store.read(
        "hierarchy/list_federation_sections", federation_id=fed_id, offset=offset, limit=limit
    )
    return Federation(
        id=head["id"],
        number=head["number"],
        name=head["name"],
        members=head["members"],
        adherents=head["adherents"],
        section_count=head["sections"],
        sections=tuple(SectionSummary(**row) for row in sections),
        offset=offset,
        limit=limit,
        coordinators=_animators(store, fed_id),
        breadcrumbs=(
            Crumb(head["national_id"], head["national_name"], "national"),
            Crumb(head["id"], head["name"], "federation"),
        ),
    )


def section(store: Store, section_id: str) -> Section:
    """A section with its federation, managers, counts and breadcrumbs."""
    if not isinstance(section_id, str) or not section_id.strip():
        raise NotFound("section inconnue")
    rows = store.read("hierarchy/get_section", id=section_id.strip())
    if not rows:
        raise NotFound(f"section inconnue : {section_id!r}")
    row = rows[0]
    return Section(
        id=row["id"],
        name=row["name"],
        federation_id=row["federation_id"],
        federation_number=row["federation_number"],
        federation_name=row["federation_name"],
        communes=tuple(row["communes"] or ()),
        commune_names=tuple(row["commune_names"] or ()),
        postcodes=tuple(row["postcodes"] or ()),
        weight=row["weight"] or 0,
        country=row["country"],
        split_of=row["split_of"],
        members=row["members"],
        adherents=row["adherents"],
        managers=_animators(store, row["id"]),
        breadcrumbs=(
            Crumb(row["national_id"], row["national_name"], "national"),
            Crumb(row["federation_id"], row["federation_name"], "federation"),
            Crumb(row["id"], row["name"], "section"),
        ),
    )


def members_of_section(store: Store, section_id: str, limit: int = 50, offset: int = 0) -> list[SectionMember]:
    """One page of a section's active members, by last name, first name, id."""
    limit, offset = _page(limit, offset)
    if not store.read("hierarchy/get_section", id=section_id):
        raise NotFound(f"section inconnue : {section_id!r}")
    rows = store.read("hierarchy/list_section_members", section_id=section_id, offset=offset, limit=limit)
    return [SectionMember(**row) for row in rows]


def _matched(search: str, key: str, name: str) -> str | None:
    """The commune name, postal code… of the search key that matched, when the name did not."""
    if key in search_key(name):
        return None
    return next((piece for piece in (search or "").split(" | ") if key in piece), None)


def search(store: Store, text: str, limit: int = 20) -> list[SearchHit]:
    """Federations and sections by name, commune name, département number or
    postal code, accent- and case-insensitive; prefix matches and federations first."""
    if not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    key = search_key(text) if isinstance(text, str) else ""
    if not key:
        raise Invalid("recherche : saisissez un nom de commune, de section ou un numéro")
    if len(key) > 100:
        raise Invalid("recherche : 100 caractères au plus")
    rows = store.read("hierarchy/search", key=key, limit=limit)
    return [
        SearchHit(
            id=row["id"],
            name=row["name"],
            level=row["level"],
            number=row["number"],
            federation_id=row["federation_id"],
            federation_number=row["federation_number"],
            federation_name=row["federation_name"],
            matched=_matched(row["search"], key, row["name"]),
        )
        for row in rows
    ]


def _listing(rows: list[dict]) -> str:
    return ", ".join(f"{row['name']} ({row['id']})" for row in rows)


def _code_rows(store: Store, code: str) -> tuple[str, list[dict]]:
    raw = code.strip().upper() if isinstance(code, str) else ""
    if not _CODE.match(raw):
        raise Invalid(f"code {code!r} : un code INSEE ou postal à 5 caractères (01004, 2A004, 75011)")
    rows = store.read("hierarchy/sections_for_code", code=_SPLIT_POSTCODES.get(raw, raw), limit=MAX_PAGE)
    if not rows:
        raise Invalid(
            f"code {raw} inconnu : ni un code INSEE de commune en vigueur (COG 2022) ni un "
            "code postal d'une commune ; une commune fusionnée ou renumérotée se cherche par "
            "son nom actuel"
        )
    return raw, rows


def _ref(row: dict) -> SectionRef:
    return SectionRef(row["id"], row["name"], row["federation_number"])


def _matching(rows: list[dict], kind: str) -> list[dict]:
    if kind not in ("any", "insee", "postal"):
        raise ValueError(f"kind: any, insee or postal, not {kind!r}")
    by_commune = [row for row in rows if row["by_commune"]]
    by_postcode = [row for row in rows if row["by_postcode"] or row["by_split"]]
    if kind == "insee":
        return by_commune or [row for row in rows if row["by_split"]]
    if kind == "postal":
        return by_postcode
    return rows


def sections_for_code(store: Store, code: str, kind: str = "any") -> list[SectionRef]:
    """Every section an INSEE code (`kind="insee"`), a postal code (`"postal"`)
    or either (`"any"`) may mean, for a form to offer a choice; `Invalid` for a
    malformed or unknown code."""
    _, rows = _code_rows(store, code)
    return [_ref(row) for row in _matching(rows, kind)]


def section_for_code(store: Store, code: str, kind: str = "any") -> SectionRef:
    """The one section of a code: an INSEE code (`kind="insee"`, what imports
    use), a postal code (`"postal"`) or either (`"any"`, when only one section
    fits). A split city's own code (Paris 75056, Lyon 69123, Marseille 13055),
    a postal code shared by several sections, or (with `"any"`) a code that is
    one commune's INSEE code and another's postal code (69001: Affoux, and
    Lyon 1er) is refused with the list of the sections to choose from."""
    raw, rows = _code_rows(store, code)
    rows = _matching(rows, kind)
    if not rows:
        what = "code INSEE" if kind == "insee" else "code postal"
        raise Invalid(f"{raw} n'est pas un {what} connu")
    if len(rows) == 1 and not rows[0]["by_split"]:
        return _ref(rows[0])
    if any(row["by_split"] for row in rows):
        raise Invalid(
            f"{raw} désigne une ville découpée en sections par arrondissement ; "
            f"choisissez l'une d'elles : {_listing(rows)}"
        )
    raise Invalid(
        f"le code {raw} désigne plusieurs sections ; donnez le code INSEE de la "
        f"commune ou choisissez : {_listing(rows)}"
    )
