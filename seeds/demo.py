"""The demo network: a deterministic generator of members, roles, animation
rights and coopain links over the sections of the graph.

Same sections, same roles, same `seed`, same options → the same network (ids,
names, e-mails, phones, sections, mandates, rights and every link with its
date); only the password hash differs, argon2 salting it at random.

- **Members** are spread over the sections in proportion to each section's
  `weight` (itself heavy-tailed: big cities weigh more) times a log-normal
  noise, so section sizes are heavy-tailed too. About 60 % are party members
  (`:Member:Adherent`), 40 % sympathisers (`:Member:Sympathisant`); French
  first and last names, unique addresses on `example.org`, French mobile
  numbers in E.164 for most of them. Every generated member shares one
  password hash (hashed once: argon2 is slow on purpose). Member 0 is the demo
  account, `demo@example.org`, a national administrator.
- **Coopain links** follow a Chung–Lu model: each member has an activity drawn
  from a Pareto law; a link picks its first end by activity, then a scope
  (75 % the same section, 20 % the same federation, 5 % the whole country) and
  its other end by activity inside that scope. Degrees are heavy-tailed, most
  links stay inside a section, fewer cross the federation, a few are national.
  A pair is linked once, never to itself. `links_per_member` is the number of
  COOPAIN relationships per member (each counts for both ends: 20 gives an
  average of 40 coopains).
- **Roles** (`Mandate` nodes) use the keys of the roles catalogue in the
  graph, with a place taken from the member's section; **animation rights**:
  the demo account is administrator, the busiest federations get a
  coordinator and some sections a manager.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "coopain-demo"
EMAIL_DOMAIN = "example.org"
NATIONAL_ID = "national"

DAY_MS = 86_400_000
SCOPES = (0.75, 0.95)  # cumulative: section, federation, (rest) national
ADHERENT_SHARE = 0.6
PHONE_SHARE = 0.85
ROLE_SHARE = 0.06
MANAGER_SHARE = 0.08
COORDINATED_FEDERATIONS = 12
PARETO_ALPHA = 1.8
MAX_ACTIVITY = 60.0

# Common French first names (INSEE's most given, several generations) and surnames.
FIRST_NAMES = (
    "Marie Jean Pierre Michel Philippe Nathalie Isabelle Sylvie Catherine Françoise "
    "Alain Patrick Nicolas Christophe Stéphane Sandrine Valérie Christine Laurent "
    "Éric Frédéric David Julien Sébastien Céline Aurélie Julie Camille Léa Manon "
    "Chloé Emma Inès Louise Jade Lina Zoé Alice Hugo Lucas Louis Gabriel Arthur "
    "Raphaël Jules Adam Léo Théo Thomas Antoine Maxime Alexandre Clément Mathilde "
    "Élodie Pauline Sophie Anne Hélène Monique Jacqueline Bernard Daniel Gérard "
    "André Claude Yves Mohamed Karim Sarah Yasmine Amina Nadia Samir Rachid Fatima "
    "Myriam Benoît Cédric Damien Guillaume Jérôme Ludovic Margaux Océane Elsa Agathe "
    "Margot Romane Noémie Justine Quentin Romain Baptiste Victor Paul Nathan Enzo "
    "Anaïs Lucie Marion Charlotte Gaëlle Solène Yannick Gwenaëlle Maëlle Loïc"
).split()
LAST_NAMES = (
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon "
    "Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont "
    "Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc "
    "Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin "
    "Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval "
    "Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud "
    "Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche "
    "Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine "
    "Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc "
    "Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert "
    "Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez "
    "Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré "
    "Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé "
    "Schneider Fernandez Collet Léger Bouvier Julien Prévost Millet Perrot Daniel "
    "Cousin Germain Breton Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc "
    "Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud "
    "Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin "
    "Chauvin Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau "
    "Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier "
    "Carlier Laporte Benali Haddad Nguyen Diallo Traoré Mendy Ferreira "
).split() + ["Le Gall", "Le Roux", "Le Goff", "Da Silva"]
# Second digits of French mobile numbers that libphonenumber accepts in full
# (06 0x, 1x, 2x, 4x–8x; 07 3x–9x).
MOBILE_PREFIXES = ("60", "61", "62", "64", "65", "66", "67", "68", "73", "74", "75", "76", "77", "78", "79")
VISIBILITIES = (("federation", 0.6), ("section", 0.85), ("members", 1.0))

# Where a role of a given catalogue `level` (seeds/roles.py) is held.
SECTION_LEVELS = {"section"}
FEDERATION_LEVELS = {"federation"}
NATIONAL_LEVELS = {"national"}
COMMUNE_LEVELS = {"commune"}
DEPARTEMENT_LEVELS = {"departement", "senat"}
# INSEE codes of the arrondissements of Paris, Lyon and Marseille.
ARRONDISSEMENT_CODES = {str(c) for c in (*range(75101, 75121), *range(69381, 69390), *range(13201, 13217))}
PARTY_KINDS = {"party"}


@dataclass(frozen=True)
class SectionInfo:
    id: str
    name: str
    weight: float
    federation_id: str
    communes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleInfo:
    key: str
    kind: str
    level: str | None


@dataclass
class DemoNetwork:
    """A generated network, held compactly (200,000 members, 4 million links).

    `members[i]` is a tuple in the order of `MEMBER_FIELDS` (`section` is an
    index into `sections`); `link_a`, `link_b` hold member indexes (a < b),
    `link_since` the link's date, as numpy arrays."""

    seed: int
    sections: list[SectionInfo]
    members: list[tuple]
    link_a: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    link_b: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    link_since: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    mandates: list[dict] = field(default_factory=list)
    animations: list[dict] = field(default_factory=list)
    password_hash: str = ""

    @property
    def links(self) -> int:
        return len(self.link_a)

    def member_row(self, index: int) -> dict:
        row = dict(zip(MEMBER_FIELDS, self.members[index]))
        row["section_id"] = self.sections[row.pop("section")].id
        row["display_name"] = f"{row['first_name']} {row['last_name']}"
        return row


MEMBER_FIELDS = (
    "id",
    "email",
    "first_name",
    "last_name",
    "phone",
    "membership",
    "section",
    "created_at",
    "last_seen_at",
    "visibility",
    "visible_to_sympathisants",
)

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(
    sections: list[SectionInfo],
    roles: list[RoleInfo],
    members: int,
    seed: int,
    links_per_member: float = 20.0,
    now_ms: int = 0,
    password_hash: str = "",
    progress: Progress = _no_progress,
) -> DemoNetwork:
    """Generate the demo network over `sections` (non-empty); deterministic in its arguments."""
    if members < 1:
        raise ValueError("members must be at least 1")
    if not sections:
        raise ValueError("no sections to place members in")
    if links_per_member < 0:
        raise ValueError("links_per_member must not be negative")
    rng = random.Random(f"coopol-demo:{seed}")
    gen = np.random.Generator(np.random.PCG64(rng.getrandbits(64)))
    # Stable order: sections grouped by federation, so a federation's members form one range.
    sections = sorted(sections, key=lambda s: (s.federation_id, s.id))
    network = DemoNetwork(seed=seed, sections=sections, members=[], password_hash=password_hash)

    sizes = _section_sizes(gen, sections, members)
    _make_members(rng, gen, network, sizes, now_ms, progress)
    _make_links(gen, network, sizes, round(members * links_per_member), now_ms, progress)
    _make_mandates(rng, network, roles, now_ms)
    _make_animations(rng, network, sizes, now_ms)
    return network


def _section_sizes(gen: np.random.Generator, sections: list[SectionInfo], members: int) -> np.ndarray:
    weights = np.array([max(float(s.weight), 0.1) for s in sections]) * np.exp(gen.normal(0.0, 0.5, len(sections)))
    return gen.multinomial(members, weights / weights.sum())


def _make_members(rng, gen, network: DemoNetwork, sizes: np.ndarray, now_ms: int, progress: Progress) -> None:
    total = int(sizes.sum())
    first_slugs = [_ascii_slug(n) for n in FIRST_NAMES]
    last_slugs = [_ascii_slug(n) for n in LAST_NAMES]
    # Surnames are Zipf-distributed: Martin is common, Ferreira less so.
    surname_weights = 1.0 / (np.arange(len(LAST_NAMES)) + 5)
    firsts = gen.integers(0, len(FIRST_NAMES), total).tolist()
    lasts = gen.choice(len(LAST_NAMES), total, p=surname_weights / surname_weights.sum()).tolist()
    has_phone = (gen.random(total) < PHONE_SHARE).tolist()
    prefixes = gen.integers(0, len(MOBILE_PREFIXES), total).tolist()
    numbers = gen.integers(0, 10**7, total).tolist()
    adherent = (gen.random(total) < ADHERENT_SHARE).tolist()
    created = (now_ms - gen.integers(0, 3 * 365 * DAY_MS, total)).tolist() if now_ms else [0] * total
    seen_ago = (now_ms - gen.integers(0, 30 * DAY_MS, total)).tolist() if now_ms else [0] * total
    visibility = np.searchsorted([bound for _, bound in VISIBILITIES], gen.random(total), side="right").tolist()
    open_to_sympathisants = (gen.random(total) < 0.7).tolist()
    section_of = np.repeat(np.arange(len(sizes)), sizes).tolist()
    raw_ids = gen.bytes(16 * total).hex()
    used: dict[str, int] = {DEMO_EMAIL.split("@")[0]: 1}
    members = network.members
    for index in range(total):
        h = raw_ids[32 * index : 32 * index + 32]
        member_id = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"
        first, last = FIRST_NAMES[firsts[index]], LAST_NAMES[lasts[index]]
        if index == 0:
            email = DEMO_EMAIL
        else:
            local = f"{first_slugs[firsts[index]]}.{last_slugs[lasts[index]]}"
            count = used.get(local, 0) + 1
            used[local] = count
            email = f"{local}@{EMAIL_DOMAIN}" if count == 1 else f"{local}.{count}@{EMAIL_DOMAIN}"
        members.append(
            (
                member_id,
                email,
                first,
                last,
                f"+33{MOBILE_PREFIXES[prefixes[index]]}{numbers[index]:07d}" if has_phone[index] else None,
                "adherent" if index == 0 or adherent[index] else "sympathisant",
                section_of[index],
                created[index],
                max(created[index], seen_ago[index]),
                VISIBILITIES[visibility[index]][0],
                open_to_sympathisants[index],
            )
        )
        if index % 20_000 == 0:
            progress("members", index, total)
    progress("members", total, total)


def _make_links(gen, network: DemoNetwork, sizes: np.ndarray, target: int, now_ms: int, progress: Progress) -> None:
    n = len(network.members)
    if n < 2 or target <= 0:
        return
    target = min(target, n * (n - 1) // 2)
    activity = np.minimum(gen.pareto(PARETO_ALPHA, n) + 1.0, MAX_ACTIVITY)
    cumulative = np.cumsum(activity)
    # Ranges of member indexes per section and per federation (members are grouped that way).
    sec_hi = np.cumsum(sizes)
    sec_lo = sec_hi - sizes
    fed_keys = np.array([s.federation_id for s in network.sections])
    fed_lo = np.empty(len(sizes), np.int64)
    fed_hi = np.empty(len(sizes), np.int64)
    start = 0
    for end in range(1, len(sizes) + 1):
        if end == len(sizes) or fed_keys[end] != fed_keys[start]:
            fed_lo[start:end] = sec_lo[start]
            fed_hi[start:end] = sec_hi[end - 1]
            start = end
    sec_of = np.repeat(np.arange(len(sizes)), sizes)
    keys = np.empty(0, np.int64)
    for _round in range(40):
        missing = target - len(keys)
        if missing <= 0:
            break
        # One round usually suffices: duplicates and self-links are a few percent.
        m = int(missing * (1.12 if _round == 0 else 2.0)) + 64
        src = np.minimum(np.searchsorted(cumulative, gen.random(m) * cumulative[-1], side="right"), n - 1)
        scope = gen.random(m)
        section = sec_of[src]
        lo = np.where(scope < SCOPES[0], sec_lo[section], np.where(scope < SCOPES[1], fed_lo[section], 0))
        hi = np.where(scope < SCOPES[0], sec_hi[section], np.where(scope < SCOPES[1], fed_hi[section], n))
        narrow = hi - lo < 2
        lo[narrow], hi[narrow] = 0, n
        base = np.where(lo > 0, cumulative[np.maximum(lo - 1, 0)], 0.0)
        wanted = base + gen.random(m) * (cumulative[hi - 1] - base)
        dst = np.clip(np.searchsorted(cumulative, wanted, side="right"), lo, hi - 1)
        keep = src != dst
        a, b = np.minimum(src, dst)[keep], np.maximum(src, dst)[keep]
        combined = np.concatenate([keys, a * n + b])
        _, first = np.unique(combined, return_index=True)
        keys = combined[np.sort(first)][:target]  # first occurrences, in drawing order
        progress("links", len(keys), target)
    link_a, link_b = keys // n, keys % n
    created = np.array([m[7] for m in network.members], np.int64)
    start_ms = np.maximum(created[link_a], created[link_b])
    span = np.maximum(now_ms - start_ms, 0)
    network.link_a, network.link_b = link_a, link_b
    network.link_since = start_ms + (gen.random(len(keys)) * span).astype(np.int64)


def _commune_name(section: SectionInfo) -> str:
    return section.name.removesuffix(" et environs")


def _place(role: RoleInfo, section: SectionInfo) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(place_kind, place_code, place_label, org unit id) of a role held by a member
    of `section`; None when the role cannot be held there (an arrondissement
    councillor outside Paris, Lyon and Marseille)."""
    level = (role.level or "").lower()
    number = section.federation_id.removeprefix("fed-")
    main = section.communes[0] if section.communes else None
    if level in SECTION_LEVELS:
        return "section", section.id, section.name, section.id
    if level in FEDERATION_LEVELS:
        return "federation", number, None, section.federation_id
    if level in NATIONAL_LEVELS:
        return "national", None, None, NATIONAL_ID
    if level in COMMUNE_LEVELS and main:
        return "commune", main, _commune_name(section), None
    if level == "arrondissement":
        return ("commune", main, section.name, None) if main in ARRONDISSEMENT_CODES else None
    if level == "intercommunalite" and main:
        return "text", None, f"Intercommunalité de {_commune_name(section)}", None
    if level in DEPARTEMENT_LEVELS:
        return "departement", number, None, None
    if level == "region":
        return "region", None, None, None
    if level == "circonscription":
        return "circonscription", None, f"{number}, 1re circonscription", None
    return None, None, None, None


def _make_mandates(rng, network: DemoNetwork, roles: list[RoleInfo], now_ms: int) -> None:
    if not roles:
        return
    roles = sorted(roles, key=lambda r: r.key)
    local_party = [r for r in roles if r.kind in PARTY_KINDS and (r.level or "") in SECTION_LEVELS]
    party = [r for r in roles if r.kind in PARTY_KINDS]
    elected = [r for r in roles if r.kind not in PARTY_KINDS]
    for index, member in enumerate(network.members):
        if rng.random() >= ROLE_SHARE:
            continue
        adherent = member[5] == "adherent"
        pick = rng.random()
        if adherent and local_party and pick < 0.5:
            role = rng.choice(local_party)
        elif adherent and party and pick < 0.65:
            role = rng.choice(party)
        elif elected:
            role = rng.choice(elected)
        else:
            continue
        section = network.sections[member[6]]
        place = _place(role, section)
        if place is None:
            continue
        kind, code, label, unit = place
        network.mandates.append(
            {
                "id": _uuid(rng),
                "member_id": member[0],
                "role_key": role.key,
                "since": (now_ms - rng.randrange(6 * 365 * DAY_MS)) if now_ms else 0,
                "place_kind": kind,
                "place_code": code,
                "place_label": label,
                "unit_id": unit,
            }
        )


def _make_animations(rng, network: DemoNetwork, sizes: list[int], now_ms: int) -> None:
    members = network.members
    demo_id = members[0][0]
    grant = network.animations
    grant.append({"member_id": demo_id, "unit_id": NATIONAL_ID, "right": "admin", "granted_by": demo_id, "granted_at": now_ms})
    # Adherents of each section, in member order.
    by_section: dict[int, list[int]] = {}
    for index, member in enumerate(members):
        if member[5] == "adherent" and index:
            by_section.setdefault(member[6], []).append(index)
    by_federation: dict[str, list[int]] = {}
    for section_index, indexes in by_section.items():
        by_federation.setdefault(network.sections[section_index].federation_id, []).extend(indexes)
    busiest = sorted(by_federation, key=lambda f: (-len(by_federation[f]), f))[:COORDINATED_FEDERATIONS]
    coordinator_of: dict[str, str] = {}
    for federation_id in busiest:
        chosen = members[rng.choice(sorted(by_federation[federation_id]))][0]
        coordinator_of[federation_id] = chosen
        grant.append(
            {"member_id": chosen, "unit_id": federation_id, "right": "coordinator", "granted_by": demo_id, "granted_at": now_ms}
        )
    for section_index in sorted(by_section):
        if rng.random() >= MANAGER_SHARE:
            continue
        section = network.sections[section_index]
        chosen = members[rng.choice(by_section[section_index])][0]
        grant.append(
            {
                "member_id": chosen,
                "unit_id": section.id,
                "right": "manager",
                "granted_by": coordinator_of.get(section.federation_id, demo_id),
                "granted_at": now_ms,
            }
        )


# --- reading the graph, seeding it -------------------------------------------


@dataclass(frozen=True)
class SeedReport:
    skipped: bool  # --if-empty found members: nothing done
    members: int
    adherents: int
    sympathisants: int
    links: int
    mandates: int
    animations: int
    method: str
    generate_seconds: float
    load_seconds: float
    reference_data_loaded: bool
    demo_email: str = DEMO_EMAIL


def read_sections(store, page: int = 10_000) -> list[SectionInfo]:
    found: list[SectionInfo] = []
    while True:
        rows = store.read("seed/list_sections", skip=len(found), limit=page)
        found += [
            SectionInfo(r["id"], r["name"] or r["id"], float(r["weight"] or 1), r["federation_id"], tuple(r["communes"] or ()))
            for r in rows
        ]
        if len(rows) < page:
            return found


def read_roles(store) -> list[RoleInfo]:
    return [RoleInfo(r["key"], r["kind"] or "", r["level"]) for r in store.read("seed/list_roles", limit=10_000)]


def ensure_reference_data(store) -> bool:
    """Load the reference data (federations, sections, roles) when the graph has no section; True if loaded."""
    if store.read("seed/count_sections")[0]["sections"]:
        return False
    try:
        from seeds import load_reference_data
    except ImportError:
        from graphsvc.errors import NotFound

        raise NotFound("the graph has no sections: load the reference data first (coopol refdata load)") from None
    load_reference_data(store)
    return True


def hash_password(password: str) -> str:
    """The accounts module's argon2id hash (same parameters and password rules as registration)."""
    from graphsvc.accounts import hash_password as account_hash

    return account_hash(password)


def seed_demo(
    store,
    members: int,
    seed: int,
    links_per_member: float = 20.0,
    if_empty: bool = False,
    password: str = DEMO_PASSWORD,
    now_ms: int | None = None,
    method: str = "auto",
    progress: Progress = _no_progress,
    contacts_key: str | None = None,
) -> SeedReport:
    """Create the reference data if missing, then the demo network, into a graph without members.
    With `contacts_key`, the members' e-mails and phones are hashed for address-book matching."""
    import time

    from graphsvc import bulk
    from graphsvc.errors import Conflict, Invalid

    if members < 1:
        raise Invalid("--members must be at least 1")
    if links_per_member < 0:
        raise Invalid("--links-per-member must not be negative")
    store.apply_schema()  # first: FalkorDB refuses reads on a graph never written
    existing = store.read("seed/count_members")[0]["members"]
    if existing:
        if if_empty:
            return SeedReport(True, existing, 0, 0, 0, 0, 0, "none", 0.0, 0.0, False)
        raise Conflict(
            f"the graph already holds {existing} members: the demo network goes into a graph "
            "without members (--if-empty skips quietly)"
        )
    password_hash = hash_password(password)  # checked before anything is written
    loaded = ensure_reference_data(store)
    started = time.monotonic()
    network = generate(
        read_sections(store),
        read_roles(store),
        members,
        seed,
        links_per_member,
        now_ms=int(time.time() * 1000) if now_ms is None else now_ms,
        password_hash=password_hash,
        progress=progress,
    )
    generated = time.monotonic() - started
    report = bulk.load_network(store, network, progress=progress, method=method, contacts_key=contacts_key)
    adherents = sum(1 for m in network.members if m[5] == "adherent")
    return SeedReport(
        skipped=False,
        members=report.members,
        adherents=adherents,
        sympathisants=report.members - adherents,
        links=report.links,
        mandates=report.mandates,
        animations=report.animations,
        method=report.method,
        generate_seconds=generated,
        load_seconds=report.seconds,
        reference_data_loaded=loaded,
    )


def create_synthetic_sections(store, federations: int = 5, sections_per_federation: int = 6, seed: int = 0) -> int:
    """A small made-up hierarchy (national, federations "fed-T01"…, sections with
    heavy-tailed weights): tests and benchmarks on a graph without the reference data."""
    from graphsvc.identity import search_key

    rng = random.Random(f"coopol-synthetic:{seed}")
    store.write("seed/merge_national", national_id=NATIONAL_ID, national_name="Coopol national")
    feds = [
        {"id": f"fed-T{f:02d}", "number": f"T{f:02d}", "name": f"Fédération test {f}", "search": f"federation test {f}"}
        for f in range(1, federations + 1)
    ]
    store.write("seed/merge_federations", national_id=NATIONAL_ID, rows=feds)
    rows = []
    for fed_number, fed in enumerate(feds, start=1):
        for s in range(1, sections_per_federation + 1):
            code = f"9{fed_number:02d}{s:02d}"
            name = f"Section {code}"
            rows.append(
                {
                    "id": f"sec-{code}",
                    "federation_id": fed["id"],
                    "name": name,
                    "communes": [code],
                    "postcodes": [f"9{fed_number:02d}00"],
                    "search": search_key(name),
                    "weight": max(1, int(rng.paretovariate(1.2))),
                }
            )
    for start in range(0, len(rows), 5_000):
        store.write("seed/merge_sections", rows=rows[start : start + 5_000])
    return len(rows)
