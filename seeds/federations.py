"""The party's federations: one per French département, plus the federation of
French people abroad, all under one national node.

Numbers and names come from pycountry's ISO 3166-2:FR subdivisions (a
maintained source), mapped explicitly where ISO's types differ from the
party's map of federations:

- the 95 "Metropolitan department" entries give 01–95 (without 20, with 2A and
  2B) except Paris, which ISO lists as `FR-75C` ("collectivity with special
  status");
- the five overseas départements are listed under three other types
  (`FR-971`…`FR-976`); Guyane's ISO name "Guyane (française)" is shortened;
- Rhône (`FR-69`) and the Métropole de Lyon (`FR-69M`) form one federation,
  number 69, as their communes share the département code 69;
- Corsica's collectivity (`FR-20R`), Alsace (`FR-6AE`), the regions and the
  overseas collectivities (Saint-Martin, Polynésie…) are not federations;
- number 99 is the federation of French people abroad (no ISO code).
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from graphsvc.identity import search_key

NATIONAL_ID = "national"
NATIONAL_NAME = "Coopol national"
ABROAD_NUMBER = "99"
ABROAD_NAME = "Français de l'étranger"

# ISO 3166-2 code -> the party's federation number, for entries whose ISO type
# is not "Metropolitan department".
_SPECIAL = {
    "FR-75C": "75",
    "FR-971": "971",
    "FR-972": "972",
    "FR-973": "973",
    "FR-974": "974",
    "FR-976": "976",
}
# Names the party uses where ISO's differ.
_NAMES = {"973": "Guyane", "69": "Rhône"}


@dataclass(frozen=True)
class FederationRow:
    id: str
    number: str
    name: str
    search: str
    rank: int  # place in number order

    def as_params(self) -> dict:
        return {"id": self.id, "number": self.number, "name": self.name, "search": self.search, "rank": self.rank}


def federation_id(number: str) -> str:
    return f"fed-{number}"


def sort_key(number: str) -> tuple[int, str]:
    """01 < … < 19 < 2A < 2B < 21 < … < 95 < 971 < … < 976 < 99 (abroad last)."""
    if number in ("2A", "2B"):
        return (20, number)
    if number == ABROAD_NUMBER:
        return (1000, number)
    return (int(number), number)


def federations() -> list[FederationRow]:
    """Every federation, sorted by number (`01`…`95`, `971`…`976`, `99`)."""
    rows = {}
    for sub in pycountry.subdivisions.get(country_code="FR"):
        if sub.type == "Metropolitan department":
            number = sub.code.removeprefix("FR-")
        elif sub.code in _SPECIAL:
            number = _SPECIAL[sub.code]
        else:
            continue
        name = _NAMES.get(number, sub.name)
        rows[number] = name
    rows[ABROAD_NUMBER] = ABROAD_NAME
    return [
        FederationRow(
            id=federation_id(number),
            number=number,
            name=name,
            search=f"{search_key(name)} | {search_key(number)}",
            rank=rank,
        )
        for rank, (number, name) in enumerate(sorted(rows.items(), key=lambda item: sort_key(item[0])))
    ]
