"""The dashboard of a federation (or of a section): how its people are
connected, for its coordinators to bring the isolated in and lean on the
connectors.

Who sees it: the coordinators of the federation and the national
administrators; a section manager sees the same for their section only
(`admins.authority`); everybody else gets `Forbidden`.

What is live and what is computed: only the events are read live. The coopain
network of a 20,000-member federation is too big to aggregate at each page
view (about 650,000 link ends to follow, seconds on either engine), and even
counting its members is a scan of 20,000 nodes (60 ms of the page's CPU), so
both are computed by `refresh` (section by section, two short writes each)
and stored: on each member `net_coopains`, `net_outside` (coopains in another
section) and `net_sections` (distinct other sections among them); on each
section its member figures (members, party members, new and active this
month, without a coopain, newcomers without one), its links inside, towards
the federation and elsewhere, plus one `LINKED {coopains}` relationship per
other section of its federation it is linked to; on the unit the heads of the
four lists. A page reads those, about forty section nodes (DESIGN.md: heavy
analytics are computed by a command or after writes, pages read them), and
says as of when. The first view of a unit computes it; afterwards `coopol
dashboard refresh` (a cron) or the page's button does; a computation older
than an hour, or from before the month's start, is flagged stale.

The bridge measure: betweenness on a 20,000-member graph is far beyond a page
budget, so a member's bridging is the number of distinct *other* sections
among their coopains (`net_sections`), ties broken by the number of their
coopains outside their own section (`net_outside`). It is local (one hop) and
exact, and ranks the members whose links reach many sections first; see
docs/design.md.

Privacy: who is linked to whom is sensitive. Everywhere here (page, JSON,
CSV) a member appears by name only where their own visibility choice lets the
viewer see them *as a member* (their section, their federation or all
members; sympathisant viewers only when the member allows it; never across a
block), without the profile's override for animators; otherwise as an
anonymous point that still counts in the figures. Hidden members' ids never
leave this module (the drawing uses opaque keys).
"""

from __future__ import annotations

import csv
import io
import logging
import time
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from graphsvc import accounts, admins, members
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.store import Store

log = logging.getLogger(__name__)

KINDS = ("bridges", "connected", "isolated", "newcomers")
DAY_MS = 86_400_000
NEWCOMER_AFTER_DAYS = 30  # still without a coopain this long after joining...
NEWCOMER_WITHIN_DAYS = 180  # ...and joined less than this long ago
STALE_MS = 3_600_000  # older computations are flagged on the page
WEAK_RATIO = 0.5  # a section is weakly linked below this many links out of it per member
TOP = 10  # names shown per list on the page
KEPT = 20  # member ids kept per list on the unit
MAX_SECTIONS = 2_000
MAX_LINKS = 5_000
ZOOM_MEMBERS = 300
ZOOM_LINKS = 6_000
EXPORT_ROWS = 50_000
EXPORT_PAGE = 100
TIMEZONE = ZoneInfo("Europe/Paris")
FEDERATION_RIGHTS = ("coordinator", "admin")
SECTION_RIGHTS = ("manager", "coordinator", "admin")
KIND_TITLES = {  # CSV file names and export log entries
    "bridges": "passerelles",
    "connected": "plus-lies",
    "isolated": "isoles",
    "newcomers": "nouveaux-sans-coopain",
}


@dataclass(frozen=True)
class Scope:
    """The unit a dashboard is about and the viewer's right over it."""

    id: str
    level: str  # "federation" or "section"
    name: str
    number: str | None
    federation_id: str
    federation_number: str
    federation_name: str
    sections: int
    computed_at: int | None  # the oldest section's computation
    right: str

    @property
    def is_federation(self) -> bool:
        return self.level == "federation"


@dataclass(frozen=True)
class Viewer:
    id: str
    adherent: bool
    section_id: str | None
    federation_id: str | None


@dataclass(frozen=True)
class SectionFigures:
    id: str
    name: str
    members: int
    adherents: int
    new_members: int
    active_members: int
    isolated: int
    newcomers_alone: int
    links_inside: int
    links_federation: int
    links_elsewhere: int
    computed_at: int | None
    events: int = 0
    going: int = 0
    signups: int = 0

    @property
    def sympathisants(self) -> int:
        return self.members - self.adherents

    @property
    def links_out(self) -> int:
        return self.links_federation + self.links_elsewhere

    @property
    def weak(self) -> bool:
        """Weakly linked: fewer than WEAK_RATIO links towards other sections per member."""
        return self.members > 0 and self.links_out < WEAK_RATIO * self.members


@dataclass(frozen=True)
class SectionLink:
    source: str
    target: str
    links: int


@dataclass(frozen=True)
class Person:
    """A member in a list; `id` and `display_name` are None when hidden from the viewer."""

    id: str | None
    display_name: str | None
    membership: str
    section_id: str
    section_name: str
    created_at: int | None
    coopains: int
    outside: int
    sections: int

    @property
    def visible(self) -> bool:
        return self.id is not None


@dataclass(frozen=True)
class Overview:
    scope: Scope
    sections: tuple[SectionFigures, ...]
    totals: SectionFigures
    links: tuple[SectionLink, ...]  # between the federation's sections
    lists: dict  # kind -> tuple[Person, ...]
    month_start: int
    stale: bool


@dataclass(frozen=True)
class Point:
    """A member drawn in a section: `key` is opaque (n0, n1…); id and name only when visible."""

    key: str
    id: str | None
    display_name: str | None
    membership: str
    coopains: int | None
    outside: int | None
    sections: int | None

    @property
    def visible(self) -> bool:
        return self.id is not None

    @property
    def isolated(self) -> bool:
        return self.coopains == 0


@dataclass(frozen=True)
class SectionNetwork:
    scope: Scope
    figures: SectionFigures
    points: tuple[Point, ...]
    links: tuple[tuple[str, str], ...]  # pairs of keys
    truncated: bool  # more members than drawn


@dataclass(frozen=True)
class Export:
    filename: str
    text: str  # CSV, with a BOM for spreadsheet software
    rows: int


@dataclass(frozen=True)
class ExportEntry:
    id: str
    at: int
    what: str
    unit_id: str
    unit_name: str | None
    rows: int
    member_id: str | None  # None once the member's account is erased
    member_name: str | None


@dataclass(frozen=True)
class Refreshed:
    sections: int
    members: int
    seconds: float


# --- access -----------------------------------------------------------------


def scope(store: Store, actor_id: str | None, unit_id: str) -> Scope:
    """The unit, if the actor may see its dashboard (`NotFound`, `Forbidden` otherwise)."""
    if not isinstance(unit_id, str) or not unit_id or len(unit_id) > 100:
        raise NotFound("unité inconnue")
    rows = store.read("dashboard/get_unit", unit_id=unit_id)
    if not rows:
        raise NotFound("unité inconnue")
    row = rows[0]
    right = admins.authority(store, actor_id, unit_id)
    allowed = FEDERATION_RIGHTS if row["level"] == "federation" else SECTION_RIGHTS
    if right not in allowed:
        raise Forbidden(
            "ce tableau de bord est réservé aux responsables de la fédération, aux administrateurs nationaux"
            + (" et aux responsables de la section" if row["level"] == "section" else "")
        )
    return Scope(
        id=row["id"],
        level=row["level"],
        name=row["name"] or row["id"],
        number=row["number"],
        federation_id=row["federation_id"],
        federation_number=row["federation_number"],
        federation_name=row["federation_name"],
        sections=int(row["sections"]),
        computed_at=None if row["never_computed"] else row["computed_at"],
        right=right,
    )


def may_open(store: Store, actor_id: str | None, unit_id: str) -> bool:
    """Whether the actor may open this unit's dashboard (for links on other pages)."""
    try:
        scope(store, actor_id, unit_id)
        return True
    except (NotFound, Forbidden):
        return False


def _viewer(store: Store, actor_id: str) -> Viewer:
    rows = store.read("dashboard/get_viewer", member_id=actor_id)
    if not rows:  # an operator without a section: sees nobody's name
        return Viewer(actor_id, False, None, None)
    row = rows[0]
    return Viewer(row["id"], bool(row["adherent"]), row["section_id"], row["federation_id"])


def _visibility(viewer: Viewer) -> dict:
    return {
        "viewer_id": viewer.id,
        "viewer_adherent": viewer.adherent,
        "viewer_section_id": viewer.section_id,
        "viewer_federation_id": viewer.federation_id,
    }


# --- computing the network ---------------------------------------------------


def _newcomer_window(now: int) -> dict:
    return {"joined_after": now - NEWCOMER_WITHIN_DAYS * DAY_MS, "joined_before": now - NEWCOMER_AFTER_DAYS * DAY_MS}


def refresh(store: Store, unit_id: str) -> Refreshed:
    """Compute the coopain network of a federation or a section (no rights checked:
    the command, the page's button after `recompute`'s check, the first view)."""
    started = time.monotonic()
    now = accounts.now_ms()
    section_ids = [r["id"] for r in store.read("dashboard/list_section_ids", unit_id=unit_id, limit=MAX_SECTIONS)]
    if not section_ids:
        raise NotFound("unité inconnue")
    computed = 0
    since = month_start(now)
    for section_id in section_ids:
        computed += store.write("dashboard/refresh_members", section_id=section_id, now=now, month_start=since,
                                **_newcomer_window(now))[0]["members"]
        store.write("dashboard/refresh_links", section_id=section_id, now=now)
        if len(section_ids) > 1:
            _store_tops(store, section_id, now)
    _store_tops(store, unit_id, now)
    seconds = time.monotonic() - started
    log.info("dashboard: %d sections, %d members computed in %.1f s", len(section_ids), computed, seconds)
    return Refreshed(len(section_ids), computed, round(seconds, 3))


def _store_tops(store: Store, unit_id: str, now: int) -> None:
    nobody = {"viewer_id": "", "viewer_adherent": False, "viewer_section_id": None, "viewer_federation_id": None}
    heads = {}
    for kind in KINDS:
        rows = store.read("dashboard/list_people", unit_id=unit_id, kind=kind, limit=KEPT, **_newcomer_window(now),
                          **nobody)
        heads[kind] = [r["key"] for r in rows]
    store.write("dashboard/store_tops", unit_id=unit_id, now=now, **heads)


def recompute(store: Store, actor_id: str, unit_id: str) -> Refreshed:
    """The page's button: recompute the unit the actor may see."""
    return refresh(store, scope(store, actor_id, unit_id).id)


# --- reading -----------------------------------------------------------------


def month_start(now_ms: int) -> int:
    """Midnight of the first day of the current month, in Paris, as epoch ms."""
    now = datetime.fromtimestamp(now_ms / 1000, TIMEZONE)
    return int(now.replace(day=1, hour=0, minute=0, second=0, microsecond=0).timestamp() * 1000)


def _figures(store: Store, unit_id: str, now: int) -> list[SectionFigures]:
    rows = store.read("dashboard/list_section_figures", unit_id=unit_id, since=now - 30 * DAY_MS, limit=MAX_SECTIONS)
    return [SectionFigures(**{key: int(value) if isinstance(value, float) else value for key, value in row.items()})
            for row in rows]


def _totals(scope_: Scope, sections: list[SectionFigures]) -> SectionFigures:
    def total(field: str) -> int:
        return sum(getattr(s, field) for s in sections)

    inside = total("links_inside")
    between = total("links_federation")
    return SectionFigures(
        id=scope_.id,
        name=scope_.name,
        members=total("members"),
        adherents=total("adherents"),
        new_members=total("new_members"),
        active_members=total("active_members"),
        isolated=total("isolated"),
        newcomers_alone=total("newcomers_alone"),
        # For a federation, a link between two of its sections is counted at both ends.
        links_inside=inside + (between // 2 if scope_.is_federation else 0),
        links_federation=0 if scope_.is_federation else between,
        links_elsewhere=total("links_elsewhere"),
        computed_at=scope_.computed_at,
        events=total("events"),
        going=total("going"),
        signups=total("signups"),
    )


def _person(row: dict) -> Person:
    return Person(
        id=row["id"],
        display_name=row["display_name"],
        membership=row["membership"],
        section_id=row["section_id"],
        section_name=row["section_name"],
        created_at=row["created_at"],
        coopains=int(row["coopains"] or 0),
        outside=int(row["outside"] or 0),
        sections=int(row["sections"] or 0),
    )


def _ensure_computed(store: Store, actor_id: str, unit_id: str) -> Scope:
    found = scope(store, actor_id, unit_id)
    if found.computed_at is None:
        refresh(store, found.id)
        found = scope(store, actor_id, unit_id)
    return found


def _stale(computed_at: int | None, now: int, since: int) -> bool:
    """A computation older than STALE_MS, or from before this month's start (its
    "new" and "active this month" are then last month's)."""
    return computed_at is not None and (now - computed_at > STALE_MS or computed_at < since)


def overview(store: Store, actor_id: str, unit_id: str) -> Overview:
    """Everything the dashboard page shows: figures per section, the links
    between sections, the heads of the four lists (computed first if never)."""
    found = _ensure_computed(store, actor_id, unit_id)
    viewer = _viewer(store, actor_id)
    now = accounts.now_ms()
    since = month_start(now)
    sections = _figures(store, found.id, now)
    links: tuple[SectionLink, ...] = ()
    if found.is_federation:
        links = tuple(SectionLink(**r) for r in store.read("dashboard/list_section_links", federation_id=found.id,
                                                            limit=MAX_LINKS))
    lists: dict[str, list[Person]] = {kind: [] for kind in KINDS}
    for row in store.read("dashboard/list_top_people", unit_id=found.id, limit=TOP, **_visibility(viewer)):
        lists[row["kind"]].append(_person(row))
    return Overview(
        scope=found,
        sections=tuple(sections),
        totals=_totals(found, sections),
        links=links,
        lists={kind: tuple(people) for kind, people in lists.items()},
        month_start=since,
        stale=_stale(found.computed_at, now, since),
    )


def section_network(store: Store, actor_id: str, section_id: str) -> SectionNetwork:
    """One section up close: its members (the ZOOM_MEMBERS with most coopains)
    and the coopain links among them; hidden members are anonymous points."""
    found = _ensure_computed(store, actor_id, section_id)
    if found.level != "section":
        raise NotFound("section inconnue")
    viewer = _viewer(store, actor_id)
    now = accounts.now_ms()
    [figures] = _figures(store, found.id, now)
    rows = store.read("dashboard/list_section_members", section_id=found.id, limit=ZOOM_MEMBERS, **_visibility(viewer))
    keys = {row["key"]: f"n{index}" for index, row in enumerate(rows)}
    points = tuple(
        Point(
            key=keys[row["key"]],
            id=row["id"],
            display_name=row["display_name"],
            membership=row["membership"],
            coopains=None if row["coopains"] is None else int(row["coopains"]),
            outside=None if row["outside"] is None else int(row["outside"]),
            sections=None if row["sections"] is None else int(row["sections"]),
        )
        for row in rows
    )
    linked = store.read("dashboard/list_member_links", member_ids=list(keys), limit=ZOOM_MEMBERS) if keys else []
    links = tuple((keys[row["source"]], keys[target]) for row in linked for target in row["targets"])[:ZOOM_LINKS]
    return SectionNetwork(found, figures, points, links, truncated=figures.members > len(points))


def people(store: Store, actor_id: str, unit_id: str, kind: str, limit: int = EXPORT_ROWS) -> tuple[Scope, list[Person]]:
    """A whole "who connects" list of the unit, in its order."""
    if kind not in KINDS:
        raise NotFound("liste inconnue")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= EXPORT_ROWS:
        raise Invalid(f"limit : entre 1 et {EXPORT_ROWS}")
    found = _ensure_computed(store, actor_id, unit_id)
    rows = store.read("dashboard/list_people", unit_id=found.id, kind=kind, limit=limit,
                      **_newcomer_window(accounts.now_ms()), **_visibility(_viewer(store, actor_id)))
    return found, [_person(row) for row in rows]


# --- exports -----------------------------------------------------------------

CSV_HEADER = ("nom", "id", "adhésion", "section", "inscription", "coopains", "coopains hors section",
              "autres sections")


def _cell(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP "CSV injection")."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _date(ms: int | None) -> str:
    return datetime.fromtimestamp(ms / 1000, TIMEZONE).date().isoformat() if ms else ""


def export(store: Store, actor_id: str, unit_id: str, kind: str) -> Export:
    """A whole list as CSV (UTF-8 with a BOM, `;`-separated for French spreadsheets),
    logged with who, when, which list of which unit and how many rows."""
    found, listed = people(store, actor_id, unit_id, kind)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in listed:
        writer.writerow((
            _cell(p.display_name) if p.display_name else "(membre non visible)",
            p.id or "",
            p.membership,
            _cell(p.section_name or ""),
            _date(p.created_at),
            p.coopains,
            p.outside,
            p.sections,
        ))
    store.write("dashboard/log_export", id=members.new_id(), member_id=actor_id, at=accounts.now_ms(),
                what=kind, unit_id=found.id, rows=len(listed))
    log.info("dashboard: export of %d rows (%s)", len(listed), kind)
    unit = found.number if found.is_federation else found.id.removeprefix("sec-")
    return Export(f"coopol-{found.level}-{unit}-{KIND_TITLES[kind]}.csv", buffer.getvalue(), len(listed))


def exports(store: Store, actor_id: str, limit: int = EXPORT_PAGE, before: tuple[int, str] | None = None) -> list[ExportEntry]:
    """The export log, newest first, for national administrators only."""
    if admins.authority(store, actor_id, "national") != "admin":
        raise Forbidden("le journal des exports est réservé aux administrateurs nationaux")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= EXPORT_PAGE:
        raise Invalid(f"limit : entre 1 et {EXPORT_PAGE}")
    before_at, before_id = before or (2**62, "")
    rows = store.read("dashboard/list_exports", before_at=before_at, before_id=before_id, limit=limit)
    return [ExportEntry(**row) for row in rows]
