"""The party's sections: every commune of France in exactly one section, and
sections by city for the federation of French people abroad.

Sources (see `seeds/data/README.md`): the communes of 1 January 2022
(`communes_fr.csv`, Coercive/FranceCities from INSEE's COG, MIT) and La Poste's
postal codes (`laposte_hexasmal.csv`, ODbL). Every column is read as text.

Grouping rules (the commune list has no population, so "small" is derived):

1. Paris, Lyon and Marseille: one section per municipal arrondissement (the
   45 arrondissement rows; the three parent rows are not communes of their
   own here: their codes 75056, 69123, 13055 are refused by look-ups with
   the list of their sections).
2. A *town* has a section of its own: a préfecture, a commune that La Poste
   serves with several postal codes (big cities and large "communes
   nouvelles"), or a commune with a postal code of its own (no other commune
   shares it), i.e. every commune whose weight is above 1.
3. Every other commune (a village) is grouped with the other villages of the
   same département that share its main postal code (the delivery office's
   area, canton-sized: at most a few dozen communes). A group of one village is
   that village's section. A group is named after its most central commune
   ("X et environs"), or "Environs de T" when a town T has that same postal
   code.

A section's id is `sec-<INSEE code of its main commune>`; every commune's INSEE
code is in exactly one section's `communes`, every postal code of those
communes in its `postcodes`.

Weights (roughly thousands of inhabitants; heavy-tailed, for the demo
generator): a village 1; a commune with a postal code of its own 3, 30 when
that code ends in 00 (a main delivery office: Reims, Brest, Villeurbanne,
Roubaix…); a commune with k > 1 postal codes at least 10·(k−1)+1; a
préfecture 60+40·(k−1); a Paris arrondissement 100, a Lyon or Marseille
arrondissement 50.
A section weighs the sum of its communes. Sections abroad carry a weight set
by hand from the size of the French community of the city.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graphsvc.identity import search_key
from seeds.federations import ABROAD_NUMBER, federation_id

DATA_DIR = Path(__file__).resolve().parent / "data"
COMMUNES_FILE = "communes_fr.csv"
POSTCODES_FILE = "laposte_hexasmal.csv"

# The split cities: parent INSEE code -> (name, weight of each arrondissement).
SPLIT_CITIES = {"75056": ("Paris", 100), "69123": ("Lyon", 50), "13055": ("Marseille", 50)}
# Pseudo postal codes the communes file gives the three parents.
SPLIT_PSEUDO_POSTCODES = {"75000": "75056", "69000": "69123", "13000": "13055"}

# The chef-lieu of each département (its préfecture), by name; resolved to an
# INSEE code against the commune list (a test checks every one resolves).
PREFECTURES = {
    "01": "Bourg-en-Bresse", "02": "Laon", "03": "Moulins", "04": "Digne-les-Bains",
    "05": "Gap", "06": "Nice", "07": "Privas", "08": "Charleville-Mézières", "09": "Foix",
    "10": "Troyes", "11": "Carcassonne", "12": "Rodez", "13": "Marseille", "14": "Caen",
    "15": "Aurillac", "16": "Angoulême", "17": "La Rochelle", "18": "Bourges", "19": "Tulle",
    "2A": "Ajaccio", "2B": "Bastia", "21": "Dijon", "22": "Saint-Brieuc", "23": "Guéret",
    "24": "Périgueux", "25": "Besançon", "26": "Valence", "27": "Évreux", "28": "Chartres",
    "29": "Quimper", "30": "Nîmes", "31": "Toulouse", "32": "Auch", "33": "Bordeaux",
    "34": "Montpellier", "35": "Rennes", "36": "Châteauroux", "37": "Tours", "38": "Grenoble",
    "39": "Lons-le-Saunier", "40": "Mont-de-Marsan", "41": "Blois", "42": "Saint-Étienne",
    "43": "Le Puy-en-Velay", "44": "Nantes", "45": "Orléans", "46": "Cahors", "47": "Agen",
    "48": "Mende", "49": "Angers", "50": "Saint-Lô", "51": "Châlons-en-Champagne",
    "52": "Chaumont", "53": "Laval", "54": "Nancy", "55": "Bar-le-Duc", "56": "Vannes",
    "57": "Metz", "58": "Nevers", "59": "Lille", "60": "Beauvais", "61": "Alençon",
    "62": "Arras", "63": "Clermont-Ferrand", "64": "Pau", "65": "Tarbes", "66": "Perpignan",
    "67": "Strasbourg", "68": "Colmar", "69": "Lyon", "70": "Vesoul", "71": "Mâcon",
    "72": "Le Mans", "73": "Chambéry", "74": "Annecy", "75": "Paris", "76": "Rouen",
    "77": "Melun", "78": "Versailles", "79": "Niort", "80": "Amiens", "81": "Albi",
    "82": "Montauban", "83": "Toulon", "84": "Avignon", "85": "La Roche-sur-Yon",
    "86": "Poitiers", "87": "Limoges", "88": "Épinal", "89": "Auxerre", "90": "Belfort",
    "91": "Évry-Courcouronnes", "92": "Nanterre", "93": "Bobigny", "94": "Créteil",
    "95": "Pontoise", "971": "Basse-Terre", "972": "Fort-de-France", "973": "Cayenne",
    "974": "Saint-Denis", "976": "Mamoudzou",
}

# Sections of the federation abroad: (slug, French name, country, other names
# people type, weight).
ABROAD_CITIES = [
    ("londres", "Londres", "Royaume-Uni", "London", 30),
    ("bruxelles", "Bruxelles", "Belgique", "Brussels Brussel", 25),
    ("geneve", "Genève", "Suisse", "Geneva Genf", 25),
    ("new-york", "New York", "États-Unis", "NYC", 15),
    ("montreal", "Montréal", "Canada", "", 15),
    ("berlin", "Berlin", "Allemagne", "", 10),
    ("luxembourg", "Luxembourg", "Luxembourg", "", 10),
    ("barcelone", "Barcelone", "Espagne", "Barcelona", 8),
    ("madrid", "Madrid", "Espagne", "", 8),
    ("lausanne", "Lausanne", "Suisse", "", 8),
    ("zurich", "Zurich", "Suisse", "Zürich", 6),
    ("bale", "Bâle", "Suisse", "Basel", 5),
    ("munich", "Munich", "Allemagne", "München", 5),
    ("francfort", "Francfort", "Allemagne", "Frankfurt", 4),
    ("amsterdam", "Amsterdam", "Pays-Bas", "", 5),
    ("rome", "Rome", "Italie", "Roma", 5),
    ("milan", "Milan", "Italie", "Milano", 5),
    ("lisbonne", "Lisbonne", "Portugal", "Lisboa Lisbon", 5),
    ("dublin", "Dublin", "Irlande", "", 4),
    ("vienne-autriche", "Vienne (Autriche)", "Autriche", "Wien Vienna", 3),
    ("stockholm", "Stockholm", "Suède", "", 3),
    ("copenhague", "Copenhague", "Danemark", "Copenhagen København", 2),
    ("varsovie", "Varsovie", "Pologne", "Warsaw Warszawa", 2),
    ("prague", "Prague", "Tchéquie", "Praha", 2),
    ("athenes", "Athènes", "Grèce", "Athens", 2),
    ("washington", "Washington", "États-Unis", "DC", 4),
    ("san-francisco", "San Francisco", "États-Unis", "", 5),
    ("los-angeles", "Los Angeles", "États-Unis", "", 5),
    ("miami", "Miami", "États-Unis", "", 3),
    ("boston", "Boston", "États-Unis", "", 2),
    ("quebec", "Québec", "Canada", "Quebec City", 4),
    ("toronto", "Toronto", "Canada", "", 3),
    ("mexico", "Mexico", "Mexique", "Ciudad de México", 3),
    ("sao-paulo", "São Paulo", "Brésil", "", 3),
    ("buenos-aires", "Buenos Aires", "Argentine", "", 2),
    ("casablanca", "Casablanca", "Maroc", "", 6),
    ("rabat", "Rabat", "Maroc", "", 3),
    ("marrakech", "Marrakech", "Maroc", "Marrakesh", 3),
    ("tunis", "Tunis", "Tunisie", "", 4),
    ("alger", "Alger", "Algérie", "Algiers", 4),
    ("dakar", "Dakar", "Sénégal", "", 4),
    ("abidjan", "Abidjan", "Côte d'Ivoire", "", 3),
    ("beyrouth", "Beyrouth", "Liban", "Beirut", 4),
    ("tel-aviv", "Tel Aviv", "Israël", "Tel Aviv-Yafo", 5),
    ("dubai", "Dubaï", "Émirats arabes unis", "Dubai", 4),
    ("singapour", "Singapour", "Singapour", "Singapore", 3),
    ("hong-kong", "Hong Kong", "Chine", "", 3),
    ("shanghai", "Shanghai", "Chine", "", 2),
    ("pekin", "Pékin", "Chine", "Beijing", 2),
    ("tokyo", "Tokyo", "Japon", "", 2),
    ("sydney", "Sydney", "Australie", "", 3),
    ("bangkok", "Bangkok", "Thaïlande", "", 2),
    ("autres-pays", "Autres pays", "", "ailleurs monde etranger", 5),
]


@dataclass(frozen=True)
class Commune:
    insee: str
    name: str
    department: str
    postcodes: tuple[str, ...]  # the main one first
    lat: float
    lon: float
    split_of: str | None  # the parent city of an arrondissement
    weight: int


@dataclass
class SectionRow:
    id: str
    name: str
    federation: str  # federation number
    communes: list[str] = field(default_factory=list)
    commune_names: list[str] = field(default_factory=list)
    postcodes: list[str] = field(default_factory=list)
    weight: int = 0
    split_of: str | None = None
    country: str | None = None
    aliases: str = ""

    @property
    def search(self) -> str:
        words = [self.name, *self.commune_names, self.federation, *self.postcodes, self.country or "", self.aliases]
        seen, keys = set(), []
        for word in words:
            key = search_key(word)
            if key and key not in seen:
                seen.add(key)
                keys.append(key)
        return " | ".join(keys)

    def as_params(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "federation_id": federation_id(self.federation),
            "communes": self.communes,
            "commune_names": self.commune_names,
            "postcodes": self.postcodes,
            "search": self.search,
            "weight": self.weight,
            "split_of": self.split_of,
            "country": self.country,
        }


def data_dir() -> Path:
    """Where the two CSV files are: `COOPOL_REFDATA_DIR`, else `seeds/data/` (gzipped copies)."""
    return Path(os.environ.get("COOPOL_REFDATA_DIR") or DATA_DIR)


def _open_text(folder: Path, name: str) -> io.TextIOBase:
    plain, packed = folder / name, folder / f"{name}.gz"
    if plain.exists():
        return open(plain, encoding="utf-8", newline="")
    if packed.exists():
        return io.TextIOWrapper(gzip.open(packed), encoding="utf-8", newline="")
    raise FileNotFoundError(f"{name} (or {name}.gz) not found in {folder}")


def read_postcodes(folder: Path) -> dict[str, list[str]]:
    """INSEE code -> its distinct postal codes, in La Poste's file order."""
    codes: dict[str, list[str]] = defaultdict(list)
    with _open_text(folder, POSTCODES_FILE) as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        if header[:3] != ["Code_commune_INSEE", "Nom_commune", "Code_postal"]:
            raise ValueError(f"{POSTCODES_FILE}: unexpected header {header}")
        for row in reader:
            insee, postcode = row[0], row[2]
            if postcode not in codes[insee]:
                codes[insee].append(postcode)
    return codes


def read_communes(folder: Path | None = None) -> list[Commune]:
    """The communes and arrondissements (the three split parents left out), with weights."""
    folder = folder or data_dir()
    postcodes = read_postcodes(folder)
    prefecture_keys = {(dep, search_key(name)) for dep, name in PREFECTURES.items()}
    with _open_text(folder, COMMUNES_FILE) as handle:
        rows = [row for row in csv.DictReader(handle) if row["REF_INSEE"] not in SPLIT_CITIES]
    codes_of = {}
    for row in rows:
        main = row["ZIP_CODES"]
        codes_of[row["REF_INSEE"]] = [main] + [c for c in postcodes.get(row["REF_INSEE"], []) if c != main]
    sharing = Counter(code for codes in codes_of.values() for code in codes)
    communes = []
    for row in rows:
        insee = row["REF_INSEE"]
        codes = codes_of[insee]
        split_of = (row["DISTRICT_OF"] or None) if row["IS_DISTRICT"] == "1" else None
        own = [code for code in codes if sharing[code] == 1]
        if split_of:
            weight = SPLIT_CITIES[split_of][1]
        elif (row["DEPARTMENT"], search_key(row["NAME"])) in prefecture_keys:
            weight = 60 + 40 * (len(codes) - 1)
        else:
            weight = max(
                10 * (len(codes) - 1) + 1,  # several delivery areas: a city or a large merged commune
                30 if any(code.endswith("00") for code in own) else 0,  # its own main delivery office
                3 if own else 1,  # a postal code of its own: a town, not a village
            )
        communes.append(
            Commune(
                insee=insee,
                name=row["NAME"],
                department=row["DEPARTMENT"],
                postcodes=tuple(codes),
                lat=float(row["LATITUDE"]),
                lon=float(row["LONGITUDE"]),
                split_of=split_of,
                weight=weight,
            )
        )
    return communes


def _central(communes: list[Commune]) -> Commune:
    lat = sum(c.lat for c in communes) / len(communes)
    lon = sum(c.lon for c in communes) / len(communes)
    scale = math.cos(math.radians(lat))
    return min(communes, key=lambda c: ((c.lat - lat) ** 2 + ((c.lon - lon) * scale) ** 2, c.insee))


def _section(main: Commune, members: list[Commune], name: str) -> SectionRow:
    members = sorted(members, key=lambda c: c.insee)
    postcodes = []
    for commune in [main, *members]:
        for code in commune.postcodes:
            if code not in postcodes:
                postcodes.append(code)
    return SectionRow(
        id=f"sec-{main.insee}",
        name=name,
        federation=main.department,
        communes=[c.insee for c in members],
        commune_names=[c.name for c in members],
        postcodes=sorted(postcodes),
        weight=sum(c.weight for c in members),
        split_of=main.split_of,
    )


def france_sections(communes: list[Commune]) -> list[SectionRow]:
    """Group the communes into sections (rules in the module docstring)."""
    sections = []
    towns_by_code: dict[tuple[str, str], list[Commune]] = defaultdict(list)
    villages: dict[tuple[str, str], list[Commune]] = defaultdict(list)
    for commune in communes:
        key = (commune.department, commune.postcodes[0])
        if commune.split_of or commune.weight > 1:
            sections.append(_section(commune, [commune], commune.name))
            towns_by_code[key].append(commune)
        else:
            villages[key].append(commune)
    for key, group in villages.items():
        main = _central(group)
        towns = towns_by_code.get(key)
        if towns:
            town = max(towns, key=lambda c: (c.weight, c.insee))
            name = f"Environs de {town.name}"
        elif len(group) > 1:
            name = f"{main.name} et environs"
        else:
            name = main.name
        sections.append(_section(main, group, name))
    return sorted(sections, key=lambda s: s.id)


def abroad_sections() -> list[SectionRow]:
    return [
        SectionRow(
            id=f"sec-{ABROAD_NUMBER}-{slug}",
            name=name,
            federation=ABROAD_NUMBER,
            weight=weight,
            country=country or None,
            aliases=aliases,
        )
        for slug, name, country, aliases, weight in ABROAD_CITIES
    ]


@cache
def _all_sections(folder: str) -> tuple[SectionRow, ...]:
    return tuple(france_sections(read_communes(Path(folder))) + abroad_sections())


def sections(folder: Path | None = None) -> list[SectionRow]:
    """Every section of France and abroad (read once per process and folder)."""
    return list(_all_sections(str(folder or data_dir())))
