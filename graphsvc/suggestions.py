"""Suggestions ("Vous les connaissez peut-être"): members someone probably
knows, each with the reasons shown to them.

How a list is computed (`_compute`):

1. Candidates come from *signals*, one query each, run with the same
   exclusions: coopains of coopains (`suggestions/for_member_coopains`,
   resource allocation over common coopains), the same section
   (`suggestions/for_member_section`), the address book
   (`suggestions/for_member_contacts`), events attended together
   (`suggestions/for_member_events`) and the same federation
   (`suggestions/for_member_federation`, a scan run only when the others leave
   places its term could take). Each signal is one term of the score
   (`_score`, weights in `WEIGHTS`) and one reason (`_reasons`). The section
   and the federation count like a common coopain of their size
   (`Places`: `suggestions/get_places` counts their members once a list).
2. `suggestions/describe_candidates` gives every candidate's section and
   federation, from which the context terms are scored for *every* candidate
   (a friend of a friend in one's own section gets both terms), and whether
   they may be suggested now (`visible`: active, suggestible, visible to this
   member by the profile's rule, not excluded).
3. Best first (score, then id).

How a list is read (`for_member`): the computed candidates — the best ones up
to the `STORED`-th visible, hidden ones included — are stored on the member
with their signal terms and their whole score, in order (`suggestions/store_list`).
While that list is fresh, a read is one query (`suggestions/get_stored_list`)
on its head — the entries up to the (`limit + HEAD_MARGIN`)-th candidate
visible at computation —: their candidates the viewer may see now with their
places, and the viewer's requests, blocks and dismissals; these and the
visibility rules apply *live*, so the rules never lag and the context terms
of the head are current. The rest of the list is read (a second query) only
when the head cannot decide the `limit` best (`_head_decides`). Coopains are
not looked up: a fresh list holds none, because the statements that link two
members (`coopains/accept`, `edgelist/merge_coopains`) mark both lists stale.

A list goes stale when the member's coopain links or those of one of their
coopains change (those statements, then `links_changed`, from
graphsvc.coopains), on
`mark_stale`, and `REFRESH_AFTER_MS` after it was computed (new members of the
section, new events, changed names; `REFRESH_SHORT_AFTER_MS` for a list
shorter than `STORED`: a newcomer's, a small network's); a stale list is computed again on read
(or in bulk by `coopol suggest --refresh`).

Never suggested: oneself, coopains, pending requests either way, blocks either
way, dismissed members ("Pas intéressé", for good), members with
`suggestible = false`, members hidden from this member, pending accounts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

MAX_LIMIT = 100
NAMED_COMMON = 3  # common coopains named in a reason
MAX_EXCLUDED = 100_000
STORED = 30  # visible candidates a stored list keeps (the page shows 20)
MAX_STORED = 200  # entries of a stored list, hidden candidates included
HEAD_MARGIN = 5  # a read describes the stored entries up to the (limit + HEAD_MARGIN)-th visible, the rest when needed
TIE = 1e-9  # scores closer than this are equal (a stored score read back differs in its last digits)
REFRESH_AFTER_MS = 6 * 3600 * 1000  # a stored list is computed again after this
REFRESH_SHORT_AFTER_MS = 10 * 60 * 1000  # ... or after this when it was short (a newcomer, a small network)


@dataclass(frozen=True)
class Weights:
    """The weights of the score, in one place (documented in docs/design.md)."""

    coopains: float = 10.0  # x resource allocation: sum over common coopains c of 1/degree(c) (0.25 for 40 coopains)
    same_section: float = 40.0  # / the section's members: 1.0 for a section of 40, like four common coopains of 40
    same_federation: float = 40.0  # / the federation's members, only when the section differs: 0.1 for 400
    in_contacts: float = 2.0  # the member has the candidate in an imported address book
    same_event: float = 0.5  # both answered "going" to the same event
    max_degree: int = 5_000  # common coopains with more coopains than this are skipped (hubs)


WEIGHTS = Weights()


@dataclass(frozen=True)
class Reason:
    """Why a member is suggested. `kind` is one of:

    - "common_coopains": `count` coopains in common, `names` the first three;
    - "in_contacts": the candidate is in an address book the member imported;
    - "same_event": both went to the event named by `place` (the most recent);
    - "same_section": `place` is the section's name;
    - "same_federation": `place` is the federation's name.
    """

    kind: str
    count: int = 0
    names: tuple[str, ...] = ()
    place: str = ""

    def as_dict(self) -> dict:
        if self.kind == "common_coopains":
            return {"kind": self.kind, "count": self.count, "names": list(self.names)}
        if self.kind == "in_contacts":
            return {"kind": self.kind}
        return {"kind": self.kind, "place": self.place}


@dataclass(frozen=True)
class Suggestion:
    id: str
    display_name: str
    section_name: str
    score: float
    reasons: tuple[Reason, ...]

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "display_name": self.display_name,
            "section_name": self.section_name,
            "score": round(self.score, 6),
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class Places:
    """What sharing the member's section, or only their federation, adds to
    a candidate's score: the weight over the place's number of members, as a
    common coopain counts 1/degree — a small section says more than a large
    one (stored with a list)."""

    section: float
    federation: float

    @classmethod
    def sized(cls, weights: Weights, section_members: int, federation_members: int) -> Places:
        return cls(weights.same_section / max(section_members, 1), weights.same_federation / max(federation_members, 1))


@dataclass(frozen=True)
class Terms:
    """What the signals found about one candidate (stored with a list)."""

    resource_allocation: float = 0.0
    common: int = 0
    names: tuple[str, ...] = ()
    contact: bool = False
    event: str = ""  # title of the most recent event both went to


@dataclass(frozen=True)
class _Ranked:
    score: float
    candidate: dict  # a row of suggestions/describe_candidates, or one read from get_stored_list
    terms: Terms


def _now_ms() -> int:
    return int(time.time() * 1000)


def _check_id(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 100 or not value.isprintable():
        raise Invalid(f"{what} : identifiant invalide")
    return value


def _viewer(store: Store, member_id: str) -> dict:
    """The viewer, whether they may be suggested, and whether their stored list is fresh (suggestions/get_viewer)."""
    now = _now_ms()
    rows = store.read(
        "suggestions/get_viewer",
        member_id=_check_id(member_id, "membre"),
        fresh_after=now - REFRESH_AFTER_MS,
        short_fresh_after=now - REFRESH_SHORT_AFTER_MS,
        stored=STORED,
    )
    if not rows:
        raise NotFound("membre introuvable")
    return rows[0]


def _score(candidate: dict, terms: Terms, weights: Weights, places: Places) -> float:
    score = weights.coopains * terms.resource_allocation
    if candidate["same_section"]:
        score += places.section
    elif candidate["same_federation"]:
        score += places.federation
    if terms.contact and candidate["findable"]:
        score += weights.in_contacts
    if terms.event:
        score += weights.same_event
    return score


def _reasons(candidate: dict, terms: Terms) -> tuple[Reason, ...]:
    reasons = []
    if terms.common:
        reasons.append(Reason("common_coopains", count=terms.common, names=terms.names))
    if terms.contact and candidate["findable"]:
        reasons.append(Reason("in_contacts"))
    if terms.event:
        reasons.append(Reason("same_event", place=terms.event))
    if candidate["same_section"]:
        reasons.append(Reason("same_section", place=candidate["section_name"]))
    elif candidate["same_federation"]:
        reasons.append(Reason("same_federation", place=candidate["federation_name"]))
    return tuple(reasons)


def _rank(described: list[dict], terms: dict[str, Terms], weights: Weights, places: Places) -> list[_Ranked]:
    ranked = [_Ranked(_score(c, terms[c["id"]], weights, places), c, terms[c["id"]]) for c in described]
    ranked.sort(key=lambda r: (-r.score, r.candidate["id"]))
    return ranked


def _describe(store: Store, member_id: str, ids) -> list[dict]:
    if not ids:
        return []
    return store.read("suggestions/describe_candidates", member_id=member_id, ids=sorted(ids))


def _places(store: Store, member_id: str, weights: Weights) -> Places:
    sizes = store.read("suggestions/get_places", member_id=member_id)[0]
    return Places.sized(weights, sizes["section_members"], sizes["federation_members"])


def _outranking(ranked: list[_Ranked], score: float) -> int:
    """How many visible candidates rank above `score`."""
    return sum(1 for r in ranked if r.candidate["visible"] and r.score > score)


def _compute(store: Store, viewer: dict, want: int, weights: Weights) -> tuple[list[_Ranked], Places]:
    """Every candidate the signals give (at least `want` visible ones when there
    are), ranked, hidden ones included and flagged; and the member's places.

    A member the federation's scan alone finds scores `places.federation`
    exactly (the other signals found the others), so the scan runs only while
    fewer than `want` visible candidates rank above that."""
    member_id = viewer["id"]
    places = _places(store, member_id, weights)
    exclude = [r["id"] for r in store.read("suggestions/list_excluded", member_id=member_id, limit=MAX_EXCLUDED)]
    fetch = 3 * want + 20
    while True:
        common = {
            r["id"]: r
            for r in store.read(
                "suggestions/for_member_coopains",
                member_id=member_id,
                exclude=exclude,
                max_degree=weights.max_degree,
                limit=fetch,
            )
        }
        signal = dict(member_id=member_id, exclude=exclude, limit=fetch)
        section = [r["id"] for r in store.read("suggestions/for_member_section", **signal)]
        contacts = {r["id"] for r in store.read("suggestions/for_member_contacts", **signal)}
        events = {r["id"]: r["event"] for r in store.read("suggestions/for_member_events", **signal)}
        seen = set(common) | set(section) | contacts | set(events)
        described = _describe(store, member_id, seen)
        cut_short = fetch in (len(common), len(section), len(contacts), len(events))
        terms = {
            c["id"]: Terms(
                resource_allocation=common[c["id"]]["score"] if c["id"] in common else 0.0,
                common=common[c["id"]]["common"] if c["id"] in common else 0,
                contact=c["id"] in contacts,
                event=events.get(c["id"]) or "",
            )
            for c in described
        }
        if _outranking(_rank(described, terms, weights, places), places.federation) < want:
            federation = [r["id"] for r in store.read("suggestions/for_member_federation", **signal)]
            found = _describe(store, member_id, set(federation) - seen)
            described += found
            terms |= {c["id"]: Terms() for c in found}
            cut_short = cut_short or len(federation) == fetch
        # Hidden candidates may have taken places: fetch more while a signal was cut short.
        if sum(c["visible"] for c in described) >= want or not cut_short or fetch >= 2000:
            break
        fetch *= 4
    return _rank(described, terms, weights, places), places


def _named(store: Store, member_id: str, ranked: list[_Ranked]) -> list[_Ranked]:
    """The same entries, the first names of their common coopains filled in."""
    ids = [r.candidate["id"] for r in ranked if r.terms.common]
    if not ids:
        return ranked
    names = {
        row["id"]: tuple(row["names"])
        for row in store.read(
            "suggestions/list_common_coopains", member_id=member_id, ids=ids, per=NAMED_COMMON, limit=len(ids)
        )
    }
    return [
        _Ranked(r.score, r.candidate, replace(r.terms, names=names.get(r.candidate["id"], ())))
        for r in ranked
    ]


def _to_store(ranked: list[_Ranked]) -> list[_Ranked]:
    """The head of a ranked list that a stored list keeps: up to the STORED-th
    visible candidate, hidden ones before it included, MAX_STORED at most."""
    kept, visible = [], 0
    for entry in ranked[:MAX_STORED]:
        kept.append(entry)
        visible += bool(entry.candidate["visible"])
        if visible == STORED:
            break
    return kept


def _store_list(store: Store, member_id: str, at: int, kept: list[_Ranked], places: Places) -> None:
    names = []
    for entry in kept:
        names.extend((list(entry.terms.names) + [""] * NAMED_COMMON)[:NAMED_COMMON])
    store.write(
        "suggestions/store_list",
        member_id=member_id,
        at=at,
        ids=[e.candidate["id"] for e in kept],
        resource_allocation=[float(e.terms.resource_allocation) for e in kept],
        common=[int(e.terms.common) for e in kept],
        names=names,
        contact=[bool(e.terms.contact) for e in kept],
        event=[e.terms.event for e in kept],
        score=[float(e.score) for e in kept],
        visible_at=[i for i, e in enumerate(kept) if e.candidate["visible"]],
        section_term=places.section,
        federation_term=places.federation,
    )


def _stored_slice(store: Store, member_id: str, start: int, want: int) -> tuple[list[dict], dict[str, Terms], dict] | None:
    """The entries of the member's fresh stored list from `start` up to that of
    the `want`-th candidate visible at computation (suggestions/get_stored_list):
    those whose candidate the member may see now, not excluded, described, with
    their stored terms; and the query's row (where the entries end, the entry
    after them, the list's length). None when there is no fresh list or none of
    these candidates is visible."""
    now = _now_ms()
    rows = store.read(
        "suggestions/get_stored_list",
        member_id=member_id,
        fresh_after=now - REFRESH_AFTER_MS,
        short_fresh_after=now - REFRESH_SHORT_AFTER_MS,
        stored=STORED,
        start=start,
        want=want,
        per=NAMED_COMMON,
    )
    if not rows:
        return None
    row = rows[0]
    position = {candidate_id: i for i, candidate_id in enumerate(row["stored_ids"])}
    excluded = set(row["excluded"])
    names = row["stored_names"]
    described, terms = [], {}
    for k, candidate_id in enumerate(row["ids"]):
        if candidate_id in excluded:
            continue
        i = position[candidate_id]
        described.append({
            "id": candidate_id,
            "display_name": row["display_names"][k],
            "section_name": row["section_names"][k],
            "federation_name": row["federation_names"][k],
            "same_section": row["same_section"][k],
            "same_federation": row["same_federation"][k],
            "findable": row["findable"][k],
            "visible": True,
        })
        terms[candidate_id] = Terms(
            resource_allocation=float(row["stored_resource_allocation"][i]),
            common=int(row["stored_common"][i]),
            names=tuple(n for n in names[i * NAMED_COMMON : (i + 1) * NAMED_COMMON] if n),
            contact=bool(row["stored_contact"][i]),
            event=row["stored_event"][i] or "",
        )
    return described, terms, row


def _head_decides(ranked: list[_Ranked], limit: int, row: dict) -> bool:
    """Whether the head of a stored list gives the `limit` best: there are
    `limit` of its candidates left and the last of them still ranks before the
    entry after the head (at its stored score; scores within `TIE` are equal,
    as stored and read back they differ in the last digits)."""
    if row["next_id"] is None:
        return True  # the head is the whole list
    if row["next_score"] is None or len(ranked) < limit:
        return False  # a list stored without scores, or too few left in the head
    last, next_score = ranked[limit - 1], float(row["next_score"])
    if abs(last.score - next_score) <= TIE:
        return last.candidate["id"] < row["next_id"]
    return last.score > next_score


def _read_stored(store: Store, member_id: str, limit: int, whole: bool = False) -> tuple[list[_Ranked], int] | None:
    """The member's fresh stored list: the candidates they may see now, ranked
    (the `limit` best at least, when there are), and the length of the stored
    list; None when there is no fresh list or none of the candidates described
    is visible (or no such member).

    Only the head — the entries up to the (`limit + HEAD_MARGIN`)-th candidate
    visible at computation, or all of them when `whole` — is described first;
    the rest (a second query) only when the head cannot decide the `limit`
    best: too many of its candidates hidden or excluded since, or one whose
    place changed and who now ranks after the next stored entry."""
    member_id = _check_id(member_id, "membre")
    head = _stored_slice(store, member_id, 0, MAX_STORED if whole else limit + HEAD_MARGIN)
    if head is None:
        return None
    described, terms, row = head
    places = Places(row["section_term"], row["federation_term"])
    ranked = _rank(described, terms, WEIGHTS, places)
    if _head_decides(ranked, limit, row):
        return ranked, row["stored"]
    rest = _stored_slice(store, member_id, row["head_end"], MAX_STORED)
    if rest is None:
        return ranked, row["stored"]
    return _rank(described + rest[0], terms | rest[1], WEIGHTS, places), rest[2]["stored"]


def _enough(read: tuple[list[_Ranked], int] | None, limit: int) -> bool:
    """Whether a stored list read gives the answer: `limit` candidates, or all
    there are (a list cut at MAX_STORED may have left out more)."""
    return read is not None and (len(read[0]) >= limit or read[1] < MAX_STORED)


def _suggestions(ranked: list[_Ranked], limit: int) -> list[Suggestion]:
    shown = [r for r in ranked if r.candidate["visible"]][:limit]
    return [
        Suggestion(
            id=r.candidate["id"],
            display_name=r.candidate["display_name"],
            section_name=r.candidate["section_name"],
            score=r.score,
            reasons=_reasons(r.candidate, r.terms),
        )
        for r in shown
    ]


def for_member(store: Store, member_id: str, limit: int = 10, weights: Weights | None = None) -> list[Suggestion]:
    """The `limit` best suggestions for an active member, best first, each with its reasons.

    Read from the member's stored list while it is fresh (every rule applied
    live), computed and stored otherwise. Other `weights` than `WEIGHTS`, or a
    limit above `STORED`, compute without storing. `NotFound` for an unknown or
    pending member; `Invalid` for a bad limit."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise Invalid(f"limit : entre 1 et {MAX_LIMIT}")
    stores = (weights is None or weights == WEIGHTS) and limit <= STORED
    weights = weights or WEIGHTS
    read = _read_stored(store, member_id, limit) if stores else None
    if _enough(read, limit):
        return _suggestions(read[0], limit)
    now = _now_ms()
    viewer = _viewer(store, member_id)
    if stores and viewer["fresh"] and read is None:
        # A fresh list none of whose head's candidates may be suggested now: the whole list.
        read = _read_stored(store, member_id, limit, whole=True)
        if _enough(read, limit):
            return _suggestions(read[0], limit)
        if read is None and viewer["stored"] < MAX_STORED:
            return []  # none of its candidates may be suggested now
    ranked, places = _compute(store, viewer, STORED if stores else limit, weights)
    if stores:
        kept = _named(store, member_id, _to_store(ranked))
        _store_list(store, member_id, now, kept, places)
        return _suggestions(kept, limit)
    shown = [r for r in ranked if r.candidate["visible"]][:limit]
    return _suggestions(_named(store, member_id, shown), limit)


def refresh(store: Store, member_id: str) -> int:
    """Compute and store a member's list now, fresh or not; the number of visible candidates."""
    viewer = _viewer(store, member_id)
    now = _now_ms()
    ranked, places = _compute(store, viewer, STORED, WEIGHTS)
    kept = _named(store, member_id, _to_store(ranked))
    _store_list(store, member_id, now, kept, places)
    return sum(bool(r.candidate["visible"]) for r in kept)


def links_changed(store: Store, *member_ids: str) -> None:
    """Coopain links of these members changed: their degrees are counted again,
    and their stored lists and their coopains' go stale."""
    store.write("suggestions/mark_links_changed", member_ids=list(member_ids), now=_now_ms())


def mark_stale(store: Store, member_ids: list[str]) -> int:
    """The stored lists of these members are out of date (computed again on the next read)."""
    if not member_ids:
        return 0
    return int(store.write("suggestions/mark_stale", member_ids=list(member_ids), now=_now_ms())[0]["marked"])


def stale_member_ids(store: Store, page: int = 1000):
    """Active members whose stored list is missing or out of date, in id order (streamed)."""
    after = ""
    while True:
        now = _now_ms()
        rows = store.read(
            "suggestions/list_stale_member_ids",
            after=after,
            fresh_after=now - REFRESH_AFTER_MS,
            short_fresh_after=now - REFRESH_SHORT_AFTER_MS,
            stored=STORED,
            limit=page,
        )
        for row in rows:
            yield row["member_id"]
        if len(rows) < page:
            return
        after = rows[-1]["member_id"]


def dismiss(store: Store, member_id: str, other_id: str) -> None:
    """"Pas intéressé": `other_id` is never suggested to `member_id` again (idempotent)."""
    _check_id(member_id, "membre")
    _check_id(other_id, "membre")
    if member_id == other_id:
        raise Invalid("on ne peut pas s'écarter soi-même des suggestions")
    if not store.write("suggestions/dismiss", member_id=member_id, other_id=other_id, at=int(time.time() * 1000)):
        raise NotFound("membre introuvable")


def set_suggestible(store: Store, member_id: str, suggestible: bool) -> None:
    """A member chooses whether others may be suggested them."""
    _check_id(member_id, "membre")
    if not isinstance(suggestible, bool):
        raise Invalid("suggestible : vrai ou faux")
    if not store.write("suggestions/set_suggestible", member_id=member_id, suggestible=suggestible):
        raise NotFound("membre introuvable")


def is_suggestible(store: Store, member_id: str) -> bool:
    """Whether an active member may be suggested to others."""
    return bool(_viewer(store, member_id)["suggestible"])
