"""Suggestions ("Vous les connaissez peut-être"): members someone probably
knows, each with the reasons shown to them.

How a list is made (`for_member`):

1. Candidates come from *signals*, one query each, run with the same
   exclusions: coopains of coopains (`suggestions/for_member_coopains`,
   Adamic-Adar over common coopains), the same section
   (`suggestions/for_member_section`) and the same federation
   (`suggestions/for_member_federation`, a scan run only when the others leave
   places its weight could take). A new signal (address book,
   events) is one more query producing candidates and one more term in
   `_score` and `_reasons`, with its weight in `WEIGHTS`.
2. `suggestions/describe_candidates` keeps only those who may be suggested to
   this member (active, suggestible, visible to them by the profile's rule)
   and gives their section and federation, from which the context terms are
   scored for *every* candidate (a friend of a friend in one's own section
   gets both terms).
3. Score = `coopains` x Adamic-Adar + `same_section` (or `same_federation`
   when only the federation is shared); best first, then by id.
4. The reasons of the kept suggestions: up to three named common coopains
   and their total, "même section : …", "même fédération : …".

Never suggested: oneself, coopains, pending requests either way, blocks either
way, dismissed members ("Pas intéressé", for good), members with
`suggestible = false`, members hidden from this member, pending accounts.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

MAX_LIMIT = 100
NAMED_COMMON = 3  # common coopains named in a reason
MAX_EXCLUDED = 100_000


@dataclass(frozen=True)
class Weights:
    """The weights of the score, in one place (documented in docs/design.md)."""

    coopains: float = 1.0  # x Adamic-Adar: sum over common coopains c of 1/ln(degree(c))
    same_section: float = 1.0  # about four common coopains of 40 coopains each (1/ln 40 = 0.27)
    same_federation: float = 0.1  # only when the section differs
    max_degree: int = 5_000  # common coopains with more coopains than this are skipped (hubs)


WEIGHTS = Weights()


@dataclass(frozen=True)
class Reason:
    """Why a member is suggested. `kind` is one of:

    - "common_coopains": `count` coopains in common, `names` the first three;
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


def _check_id(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 100 or not value.isprintable():
        raise Invalid(f"{what} : identifiant invalide")
    return value


def _viewer(store: Store, member_id: str) -> dict:
    rows = store.read("suggestions/get_viewer", member_id=_check_id(member_id, "membre"))
    if not rows:
        raise NotFound("membre introuvable")
    return rows[0]


def _score(candidate: dict, viewer: dict, adamic_adar: float, weights: Weights) -> float:
    score = weights.coopains * adamic_adar
    if candidate["section_id"] == viewer["section_id"]:
        score += weights.same_section
    elif candidate["federation_id"] == viewer["federation_id"]:
        score += weights.same_federation
    return score


def _reasons(candidate: dict, viewer: dict, common: dict | None) -> tuple[Reason, ...]:
    reasons = []
    if common and common["common"]:
        reasons.append(Reason("common_coopains", count=common["common"], names=tuple(common["names"])))
    if candidate["section_id"] == viewer["section_id"]:
        reasons.append(Reason("same_section", place=candidate["section_name"]))
    elif candidate["federation_id"] == viewer["federation_id"]:
        reasons.append(Reason("same_federation", place=candidate["federation_name"]))
    return tuple(reasons)


def _ids(store: Store, query: str, member_id: str, exclude: list[str], fetch: int) -> list[str]:
    return [r["id"] for r in store.read(query, member_id=member_id, exclude=exclude, limit=fetch)]


def _describe(store: Store, member_id: str, ids: set[str]) -> list[dict]:
    if not ids:
        return []
    return store.read("suggestions/describe_candidates", member_id=member_id, ids=sorted(ids))


def _federation_outranked(weights: Weights) -> bool:
    """Whether a member sharing only the federation ranks below every candidate
    of the other signals (at least one common coopain, or the same section):
    then the federation's scan is needed only when those leave places free."""
    least_common = weights.coopains / math.log(weights.max_degree)
    return weights.same_federation < min(least_common, weights.same_section)


def for_member(store: Store, member_id: str, limit: int = 10, weights: Weights | None = None) -> list[Suggestion]:
    """The `limit` best suggestions for an active member, best first, each with its reasons.

    `NotFound` for an unknown or pending member; `Invalid` for a bad limit."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise Invalid(f"limit : entre 1 et {MAX_LIMIT}")
    weights = weights or WEIGHTS
    viewer = _viewer(store, member_id)
    exclude = [r["id"] for r in store.read("suggestions/list_excluded", member_id=member_id, limit=MAX_EXCLUDED)]
    fetch = 3 * limit + 20
    while True:
        adamic_adar = {
            r["id"]: r["score"]
            for r in store.read(
                "suggestions/for_member_coopains",
                member_id=member_id,
                exclude=exclude,
                max_degree=weights.max_degree,
                limit=fetch,
            )
        }
        section = _ids(store, "suggestions/for_member_section", member_id, exclude, fetch)
        seen = set(adamic_adar) | set(section)
        described = _describe(store, member_id, seen)
        cut_short = len(adamic_adar) == fetch or len(section) == fetch
        if len(described) < limit or not _federation_outranked(weights):
            federation = _ids(store, "suggestions/for_member_federation", member_id, exclude, fetch)
            described += _describe(store, member_id, set(federation) - seen)
            cut_short = cut_short or len(federation) == fetch
        # Hidden candidates may have taken places: fetch more while a signal was cut short.
        if len(described) >= limit or not cut_short or fetch >= 2000:
            break
        fetch *= 4
    scored = sorted(
        ((_score(c, viewer, adamic_adar.get(c["id"], 0.0), weights), c) for c in described),
        key=lambda pair: (-pair[0], pair[1]["id"]),
    )[:limit]
    kept = [c["id"] for _, c in scored]
    common = {
        r["id"]: r
        for r in (
            store.read(
                "suggestions/list_common_coopains", member_id=member_id, ids=kept, per=NAMED_COMMON, limit=len(kept)
            )
            if kept
            else []
        )
    }
    return [
        Suggestion(
            id=c["id"],
            display_name=c["display_name"],
            section_name=c["section_name"],
            score=score,
            reasons=_reasons(c, viewer, common.get(c["id"])),
        )
        for score, c in scored
    ]


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
