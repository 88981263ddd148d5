"""Membership-file import (`coopol members import`), on every backend."""

from __future__ import annotations

import hashlib
import json
import os
import stat

import pytest
from click.testing import CliRunner

from graphsvc import membership
from graphsvc.errors import Forbidden, Invalid

HEADER = "first_name,last_name,email,phone,section,membership\n"
NOW_MS = 1_790_000_000_000
DAY_MS = 86_400_000


def make_sections(store):
    store.write("seed/merge_national", national_id="national", national_name="National")
    store.write(
        "seed/merge_federations",
        national_id="national",
        rows=[
            {"id": "fed-69", "number": "69", "name": "Rhône", "search": "rhone"},
            {"id": "fed-01", "number": "01", "name": "Ain", "search": "ain"},
            {"id": "fed-99", "number": "99", "name": "Français de l'étranger", "search": "francais de l etranger"},
        ],
    )
    sections = [
        ("sec-69381", "fed-69", "Lyon 1er", ["69381"], ["69001"]),
        ("sec-69382", "fed-69", "Lyon 2e", ["69382"], ["69002"]),
        ("sec-01053", "fed-01", "Bourg-en-Bresse", ["01053"], ["01000"]),
        ("sec-01004", "fed-01", "Ambérieu-en-Bugey et environs", ["01004", "01007"], ["01500"]),
        ("sec-01005", "fed-01", "Ambronay", ["01005"], ["01500"]),
        ("sec-londres", "fed-99", "Londres", [], []),
    ]
    store.write(
        "seed/merge_sections",
        rows=[
            {"id": i, "federation_id": f, "name": n, "communes": c, "postcodes": p, "search": n.lower(), "weight": 1}
            for i, f, n, c, p in sections
        ],
    )


@pytest.fixture
def sections_store(store):
    make_sections(store)
    return store


def member(store, email):
    rows = store.read("membership/get_member_by_email", email=email)
    return rows[0] if rows else None


def members_count(store):
    return store.read("seed/count_members")[0]["members"]


def run(store, text, actor=None, encoding="utf-8"):
    return membership.import_members(store, actor, text.encode(encoding), now_ms=NOW_MS)


def test_import_creates_pending_accounts_with_an_activation_token(sections_store):
    store = sections_store
    report = run(
        store,
        HEADER
        + "Jeanne,Durand,Jeanne.Durand@Example.net,06 12 34 56 78,69381,adherent\n"
        + "Paul,Martin,paul@example.net,,sec-69382,sympathisant\n",
    )
    assert (report.rows, report.created, report.already_present, report.rejected) == (2, 2, 0, ())
    jeanne = member(store, "jeanne.durand@example.net")
    assert set(jeanne["labels"]) == {"Member", "Adherent"}
    assert jeanne["section_id"] == "sec-69381"
    props = jeanne["member"]
    assert props["status"] == "pending" and props["membership"] == "adherent"
    assert props["phone"] == "+33612345678"
    assert props["display_name"] == "Jeanne Durand"
    assert "password_hash" not in props
    assert props["visibility"] == "section" and props["visible_to_sympathisants"] is False
    token = {a.email: a.token for a in report.activations}["jeanne.durand@example.net"]
    assert props["activation_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert token not in json.dumps(props)
    assert props["activation_expires_at"] == NOW_MS + 30 * DAY_MS
    paul = member(store, "paul@example.net")
    assert set(paul["labels"]) == {"Member", "Sympathisant"}
    assert paul["member"].get("phone") is None


def test_importing_the_same_file_twice_creates_nothing_the_second_time(sections_store):
    text = HEADER + "Jeanne,Durand,jd@example.net,,69381,adherent\nPaul,Martin,pm@example.net,,69382,sympathisant\n"
    assert run(sections_store, text).created == 2
    again = run(sections_store, text)
    assert (again.created, again.already_present, again.already_present_lines) == (0, 2, (2, 3))
    assert again.activations == ()
    assert members_count(sections_store) == 2


@pytest.mark.parametrize(
    "row, reason",
    [
        ("Jeanne,Durand,not-an-email,,69381,adherent", "adresse e-mail invalide"),
        ("Jeanne,Durand,jd@example.net,0612,69381,adherent", "numéro de téléphone invalide"),
        ("Jeanne,Durand,jd@example.net,,99999,adherent", "section inconnue « 99999 »"),
        ("Jeanne,Durand,jd@example.net,,69381,membre", "adhésion inconnue « membre »"),
        ("Jeanne,Durand,jd@example.net,,69123,adherent", "toute la ville de Lyon"),
        ("Jeanne,Durand,jd@example.net,,01500,adherent", "le code postal 01500 est desservi par 2 sections"),
        ("Jeanne,,jd@example.net,,69381,adherent", "nom : obligatoire"),
        ("Jea\x07nne,Durand,jd@example.net,,69381,adherent", "prénom : caractère de contrôle refusé"),
        ("Jeanne\u202e,Durand,jd@example.net,,69381,adherent", "caractère de contrôle refusé"),
        ("Jeanne\u200f,Durand,jd@example.net,,69381,adherent", "caractère de contrôle refusé"),
        ("J" * 10_000 + ",Durand,jd@example.net,,69381,adherent", "100 caractères au plus"),
        ("Jeanne,Durand,jd@example.net,69381,adherent", "5 colonnes au lieu de 6"),
        ("Jeanne,Durand,jd@example.net,,,adherent", "section : obligatoire"),
    ],
)
def test_bad_rows_are_rejected_with_line_and_reason_and_write_nothing(sections_store, row, reason):
    report = run(sections_store, HEADER + row + "\n")
    assert report.created == 0
    assert len(report.rejected) == 1 and report.rejected[0].line == 2
    assert reason in report.rejected[0].reason
    assert members_count(sections_store) == 0


def test_split_city_code_lists_its_sections(sections_store):
    report = run(sections_store, HEADER + "A,B,ab@example.net,,69123,adherent\n")
    assert "sec-69381, sec-69382" in report.rejected[0].reason


def test_valid_rows_are_created_and_bad_ones_reported_by_line(sections_store):
    text = (
        HEADER
        + "Jeanne,Durand,jd@example.net,,69381,adherent\n"
        + "\n"  # blank lines are skipped, not counted
        + "Bad,Mail,nope,,69381,adherent\n"
        + "Paul,Martin,pm@example.net,,01000,sympathisant\n"  # a postal code one section serves
        + "Jeanne,Bis,JD@example.net,,69382,adherent\n"  # the same address again
        + '"Multi\nLine",Name,ml@example.net,,69381,adherent\n'
        + "Ana,Lyse,al@example.net,,01007,adherent\n"  # a commune of a grouped section
    )
    report = run(sections_store, text)
    assert report.rows == 6
    assert report.created == 3
    assert [(r.line, r.reason.split(" :")[0]) for r in report.rejected] == [
        (4, "adresse e-mail invalide"),
        (6, "adresse e-mail déjà donnée ligne 2 du fichier"),
        (7, "prénom"),  # a line break inside a name
    ]
    assert member(sections_store, "pm@example.net")["section_id"] == "sec-01053"
    assert member(sections_store, "al@example.net")["section_id"] == "sec-01004"


def test_hostile_names_are_stored_verbatim_and_run_nothing(sections_store):
    hostile = "'}) DETACH DELETE n //"
    text = HEADER + f'"{hostile}","O\'Brien ""$x"" {{y}}",h@example.net,,69381,adherent\n'
    assert run(sections_store, text).created == 1
    props = member(sections_store, "h@example.net")["member"]
    assert props["first_name"] == hostile
    assert props["last_name"] == "O'Brien \"$x\" {y}"
    assert len(sections_store.read("membership/list_sections", skip=0, limit=100)) == 6


@pytest.mark.parametrize(
    "data, message",
    [
        ("first_name;last_name\nA;B\n".encode(), "colonnes manquantes : email, phone, section, membership"),
        (HEADER.replace("email", "mail").encode(), "colonnes inconnues"),
        ((HEADER + "Zoé,Dupré,z@example.net,,69381,adherent\n").encode("latin-1"), "n'est pas encodé en UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "octets nuls"),
        (b"", "le fichier est vide"),
        (b"   \n\n", "le fichier est vide"),
        ((HEADER + 'A,"B,c@example.net,,69381,adherent\n').encode(), "CSV illisible"),
    ],
)
def test_malformed_files_write_nothing_and_say_why(sections_store, data, message):
    with pytest.raises(Invalid) as raised:
        membership.import_members(sections_store, None, data)
    assert message in str(raised.value)
    assert members_count(sections_store) == 0


def test_a_spreadsheet_export_with_bom_and_semicolons_is_read(sections_store):
    text = "\ufeffFirst_Name;Last_Name;Email;Phone;Section;Membership\r\nZoé;Dupré;z@example.net;+33 7 81 23 45 67;69381;Adhérent\r\n"
    report = membership.import_members(sections_store, None, text.encode("utf-8"))
    assert report.created == 1
    props = member(sections_store, "z@example.net")["member"]
    assert (props["first_name"], props["phone"], props["membership"]) == ("Zoé", "+33781234567", "adherent")


def test_a_coordinator_imports_only_into_their_federation(sections_store):
    store = sections_store
    run(store, HEADER + "Coco,Ordo,coord@example.net,,69381,adherent\nSimple,Membre,simple@example.net,,69382,adherent\n")
    coordinator = member(store, "coord@example.net")["member"]["id"]
    store.write(
        "seed/create_animations",
        rows=[{"member_id": coordinator, "unit_id": "fed-69", "right": "coordinator", "granted_by": coordinator, "granted_at": NOW_MS}],
    )
    report = run(store, HEADER + "A,B,a@example.net,,69381,adherent\nC,D,c@example.net,,01053,adherent\n", actor=coordinator)
    assert report.created == 1
    assert report.rejected[0].line == 3 and "hors de votre fédération" in report.rejected[0].reason
    with pytest.raises(Forbidden):
        run(store, HEADER + "E,F,e@example.net,,69381,adherent\n", actor=member(store, "simple@example.net")["member"]["id"])
    assert member(store, "e@example.net") is None


def cli_env(monkeypatch, falkor_server, falkordb_store):
    monkeypatch.setenv("COOPOL_GRAPH_URL", f"embedded://{falkor_server.folder}")
    monkeypatch.setenv("COOPOL_GRAPH_NAME", falkordb_store.graph_name)


def test_import_command_prints_json_and_writes_activation_links(falkordb_store, falkor_server, monkeypatch, tmp_path):
    from graphsvc.cli import cli

    make_sections(falkordb_store)
    cli_env(monkeypatch, falkor_server, falkordb_store)
    source = tmp_path / "adherents.csv"
    source.write_text(HEADER + "Jeanne,Durand,jd@example.net,,69381,adherent\nBad,Mail,nope,,69381,adherent\n")
    links = tmp_path / "links.csv"
    result = CliRunner().invoke(
        cli, ["members", "import", str(source), "--json", "--links-out", str(links), "--base-url", "https://coopol.example"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["rows"], report["created"], report["already_present"]) == (2, 1, 0)
    assert report["rejected"][0]["line"] == 3
    lines = links.read_text().splitlines()
    assert lines[0] == "email,activation_url"
    email, url = lines[1].split(",")
    assert email == "jd@example.net" and url.startswith("https://coopol.example/activer/")
    token = url.rsplit("/", 1)[1]
    stored = member(falkordb_store, "jd@example.net")["member"]["activation_hash"]
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert stat.S_IMODE(os.stat(links).st_mode) == 0o600

    again = CliRunner().invoke(cli, ["members", "import", str(source), "--links-out", str(links)])
    assert again.exit_code == 1 and "exists" in again.output


def test_import_command_refuses_a_malformed_file_and_writes_nothing(falkordb_store, falkor_server, monkeypatch, tmp_path):
    from graphsvc.cli import cli

    make_sections(falkordb_store)
    cli_env(monkeypatch, falkor_server, falkordb_store)
    source = tmp_path / "liste.csv"
    source.write_bytes("nom;prénom\nDurand;Jeanne\n".encode("latin-1"))
    links = tmp_path / "links.csv"
    result = CliRunner().invoke(cli, ["members", "import", str(source), "--links-out", str(links)])
    assert result.exit_code == 1
    assert "UTF-8" in result.output and "nothing imported" in result.output
    assert not links.exists()
    assert members_count(falkordb_store) == 0


def test_an_imported_account_is_activated_once_with_its_token(sections_store):
    from graphsvc import accounts
    from graphsvc.errors import NotFound

    report = membership.import_members(sections_store, None, (HEADER + "Jeanne,Durand,jd@example.net,,69381,adherent\n").encode())
    token = report.activations[0].token
    assert accounts.pending_activation(sections_store, token).email == "jd@example.net"
    member_id, _session = accounts.activate(sections_store, token, "un mot de passe solide")
    props = member(sections_store, "jd@example.net")["member"]
    assert props["id"] == member_id and props["status"] == "active"
    with pytest.raises(NotFound):
        accounts.activate(sections_store, token, "un mot de passe solide")
    again = membership.import_members(sections_store, None, (HEADER + "Jeanne,Durand,jd@example.net,,69381,adherent\n").encode())
    assert (again.created, again.already_present) == (0, 1)


def test_a_section_abroad_is_found_by_its_city(sections_store):
    report = run(sections_store, HEADER + "Anne,Exil,ae@example.net,+44 7911 123456,londres,sympathisant\n")
    assert report.created == 1
    found = member(sections_store, "ae@example.net")
    assert found["section_id"] == "sec-londres" and found["member"]["phone"] == "+447911123456"


def test_a_dry_run_reports_without_writing(sections_store):
    text = HEADER + "Jeanne,Durand,jd@example.net,,69381,adherent\nBad,Mail,nope,,69381,adherent\n"
    report = membership.import_members(sections_store, None, text.encode(), dry_run=True)
    assert (report.dry_run, report.rows, report.created, len(report.rejected)) == (True, 2, 1, 1)
    assert report.activations == ()
    assert members_count(sections_store) == 0
    assert membership.import_members(sections_store, None, text.encode()).created == 1


def test_import_command_dry_run_writes_nothing(falkordb_store, falkor_server, monkeypatch, tmp_path):
    from graphsvc.cli import cli

    make_sections(falkordb_store)
    cli_env(monkeypatch, falkor_server, falkordb_store)
    source = tmp_path / "adherents.csv"
    source.write_text(HEADER + "Jeanne,Durand,jd@example.net,,69381,adherent\n")
    result = CliRunner().invoke(cli, ["members", "import", str(source), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "1 would be created (dry run, nothing written)" in result.output
    assert members_count(falkordb_store) == 0
    refused = CliRunner().invoke(cli, ["members", "import", str(source), "--dry-run", "--links-out", str(tmp_path / "l.csv")])
    assert refused.exit_code == 2 and not (tmp_path / "l.csv").exists()
