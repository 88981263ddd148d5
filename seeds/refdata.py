"""Loads the reference data into a graph: the national node, the federations,
the sections of France and abroad, the roles catalogue. Every write is a
batched `UNWIND … MERGE`, so loading twice changes nothing."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from graphsvc.store import Store
from seeds import federations as federations_data
from seeds import roles as roles_data
from seeds import sections as sections_data

BATCH = 1000


@dataclass(frozen=True)
class LoadReport:
    federations: int
    sections: int
    roles: int
    seconds: float

    def as_dict(self) -> dict:
        return {
            "federations": self.federations,
            "sections": self.sections,
            "roles": self.roles,
            "seconds": round(self.seconds, 3),
        }


def _batches(rows: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def load_reference_data(
    store: Store,
    data_dir: Path | None = None,
    sections: list[sections_data.SectionRow] | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Create or update federations, sections and roles (idempotent).

    `sections` replaces the full list (tests load a subset); `progress` is
    called with the number of sections written after each batch.
    """
    started = time.perf_counter()
    store.write(
        "refdata/merge_national",
        id=federations_data.NATIONAL_ID,
        org_name=federations_data.NATIONAL_NAME,
    )
    feds = [row.as_params() for row in federations_data.federations()]
    store.write("refdata/merge_federations", national_id=federations_data.NATIONAL_ID, rows=feds)
    if sections is None:
        sections = sections_data.sections(data_dir)
    written = 0
    for batch in _batches([row.as_params() for row in sections]):
        written += store.write("refdata/merge_sections", rows=batch)[0]["sections"]
        if progress:
            progress(len(batch))
    roles = roles_data.roles()
    store.write("roles/merge_catalogue", rows=roles)
    return LoadReport(
        federations=len(feds),
        sections=written,
        roles=len(roles),
        seconds=time.perf_counter() - started,
    )
