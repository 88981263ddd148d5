"""The reference data as files and Python values: federations, sections, roles
(no graph needed; loading is tested in tests/graphsvc/test_hierarchy.py)."""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from graphsvc.identity import search_key
from seeds import federations as feds
from seeds import roles as roles_seed
from seeds import sections as secs

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
# sha256 of the files as PROVENANCE.md records them.
SHA256 = {
    "communes_fr.csv": "e8c64e065ded0902b47751e0e3c8516c526c9cc852ea5942f20620738206b1bd",
    "laposte_hexasmal.csv": "db5945c56d76f749a42cb882c235d263d97efad516fce6d216aab1ca8dbc672f",
}


def _communes_rows() -> list[dict]:
    with gzip.open(secs.DATA_DIR / "communes_fr.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def all_sections():
    return secs.sections(secs.DATA_DIR)


@pytest.mark.parametrize("name", sorted(SHA256))
def test_shipped_copies_are_the_files_of_provenance(name):
    data = gzip.open(secs.DATA_DIR / f"{name}.gz").read()
    assert hashlib.sha256(data).hexdigest() == SHA256[name]


def test_every_departement_of_the_commune_list_has_exactly_one_federation():
    departements = {row["DEPARTMENT"] for row in _communes_rows()}
    assert len(departements) == 101
    numbers = Counter(f.number for f in feds.federations())
    assert all(count == 1 for count in numbers.values())
    assert departements <= set(numbers)
    assert set(numbers) - departements == {"99"}


def test_federations_have_official_numbers_and_names():
    by_number = {f.number: f for f in feds.federations()}
    assert len(by_number) == 102
    assert "20" not in by_number
    assert by_number["75"].name == "Paris"
    assert by_number["2A"].name == "Corse-du-Sud"
    assert by_number["2B"].name == "Haute-Corse"
    assert by_number["69"].name == "Rhône"
    assert by_number["973"].name == "Guyane"
    assert by_number["976"].name == "Mayotte"
    assert by_number["99"].name == "Français de l'étranger"
    assert all(f.id == f"fed-{f.number}" for f in by_number.values())
    assert [f.number for f in feds.federations()][:3] == ["01", "02", "03"]
    assert [f.number for f in feds.federations()][-2:] == ["976", "99"]


def test_every_commune_is_in_exactly_one_section_and_split_parents_in_none(all_sections):
    rows = _communes_rows()
    placed = Counter(code for s in all_sections for code in s.communes)
    assert all(count == 1 for count in placed.values())
    expected = {r["REF_INSEE"] for r in rows} - {"75056", "69123", "13055"}
    assert set(placed) == expected
    assert len(placed) == 34_997


def test_paris_lyon_marseille_have_one_section_per_arrondissement(all_sections):
    split = Counter(s.split_of for s in all_sections if s.split_of)
    assert split == {"75056": 20, "13055": 16, "69123": 9}
    paris_16 = next(s for s in all_sections if s.id == "sec-75116")
    assert paris_16.communes == ["75116"]
    assert set(paris_16.postcodes) == {"75016", "75116"}


def test_each_section_stays_in_one_departement_and_holds_its_communes_postcodes(all_sections):
    rows = {r["REF_INSEE"]: r for r in _communes_rows()}
    postcodes = secs.read_postcodes(secs.DATA_DIR)
    for section in all_sections:
        if section.federation == "99":
            continue
        assert {rows[code]["DEPARTMENT"] for code in section.communes} == {section.federation}
        for code in section.communes:
            assert set(postcodes.get(code, [rows[code]["ZIP_CODES"]])) <= set(section.postcodes)


def test_every_federation_has_sections(all_sections):
    per_federation = Counter(s.federation for s in all_sections)
    assert set(per_federation) == {f.number for f in feds.federations()}


def test_towns_have_their_own_section_and_villages_are_grouped(all_sections):
    by_id = {s.id: s for s in all_sections}
    assert by_id["sec-31555"].name == "Toulouse"
    assert by_id["sec-31555"].communes == ["31555"]
    assert by_id["sec-02408"].name == "Laon"
    laon_area = [s for s in all_sections if s.name == "Environs de Laon"]
    assert len(laon_area) == 1 and len(laon_area[0].communes) > 10
    assert "02000" in laon_area[0].postcodes
    sizes = Counter(len(s.communes) for s in all_sections if s.federation != "99")
    assert max(sizes) <= 60
    assert 5_000 < len(all_sections) < 8_000


def test_weights_are_heavy_tailed_and_favour_big_cities(all_sections):
    by_id = {s.id: s for s in all_sections}
    weights = sorted((s.weight for s in all_sections), reverse=True)
    assert all(isinstance(w, int) and w >= 1 for w in weights)
    assert by_id["sec-31555"].weight > 200  # Toulouse: préfecture with 6 postal codes
    assert by_id["sec-75111"].weight == 100
    assert by_id["sec-69381"].weight == 50
    # A town with a main delivery office of its own (69100) is weighed as a town.
    assert (by_id["sec-69266"].name, by_id["sec-69266"].weight) == ("Villeurbanne", 30)
    assert by_id["sec-69266"].communes == ["69266"]
    assert weights[0] >= 50 * weights[len(weights) // 2]


def test_every_prefecture_names_a_commune_of_its_departement():
    rows = _communes_rows()
    known = {(r["DEPARTMENT"], search_key(r["NAME"])) for r in rows}
    missing = [(d, n) for d, n in secs.PREFECTURES.items() if (d, search_key(n)) not in known]
    assert missing == []
    assert set(secs.PREFECTURES) == {r["DEPARTMENT"] for r in rows}


def test_sections_abroad_are_found_by_city_name(all_sections):
    abroad = {s.name: s for s in all_sections if s.federation == "99"}
    for city in ("Londres", "Bruxelles", "Berlin", "Genève", "New York", "Montréal"):
        assert city in abroad
    assert "london" in abroad["Londres"].search
    assert len({s.id for s in abroad.values()}) == len(abroad)


def test_section_ids_are_unique_and_search_keys_are_ascii(all_sections):
    ids = [s.id for s in all_sections]
    assert len(ids) == len(set(ids))
    assert all(s.search.isascii() and s.search == s.search.lower() for s in all_sections)


def test_reading_a_folder_without_the_files_says_which_file_is_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="laposte_hexasmal.csv"):
        secs.read_communes(tmp_path)


@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared/data on this machine")
def test_the_shared_folder_gives_the_same_sections(all_sections):
    assert secs.sections(SHARED) == all_sections


REQUIRED_ROLES = """secretaire_de_section secretaire_de_section_adjoint tresorier_de_section
secretaire_federal premier_secretaire_federal premier_secretaire_federal_delegue
secretaire_federal_adjoint tresorier_federal membre_du_bureau_federal membre_du_conseil_federal
membre_du_conseil_national membre_du_bureau_national secretaire_national premier_secretaire
porte_parole conseiller_municipal adjoint_au_maire maire maire_delegue conseiller_d_arrondissement
maire_d_arrondissement adjoint_au_maire_d_arrondissement conseiller_communautaire
vice_president_d_intercommunalite president_d_intercommunalite conseiller_metropolitain
conseiller_departemental vice_president_du_conseil_departemental president_du_conseil_departemental
conseiller_regional vice_president_du_conseil_regional president_du_conseil_regional
conseiller_a_l_assemblee_de_corse conseiller_territorial conseiller_des_francais_de_l_etranger
depute senateur depute_europeen assistant_parlementaire collaborateur_d_elu collaborateur_de_groupe
directeur_de_cabinet permanent_du_parti""".split()


def test_the_roles_catalogue_is_complete_and_well_formed():
    catalogue = roles_seed.roles()
    keys = [r["key"] for r in catalogue]
    assert len(keys) == len(set(keys))
    assert set(REQUIRED_ROLES) <= set(keys)
    for role in catalogue:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", role["key"])
        assert role["kind"] in roles_seed.KINDS
        assert role["level"] in roles_seed.LEVELS[role["kind"]]
        assert role["label"] and role["label_en"]
    levels = {r["key"]: r["level"] for r in catalogue}
    assert levels["secretaire_federal"] == "federation"
    assert levels["depute"] == "circonscription"
    assert levels["senateur"] == "senat"
    assert levels["depute_europeen"] == "europe"
    assert levels["assistant_parlementaire"] == "none"
