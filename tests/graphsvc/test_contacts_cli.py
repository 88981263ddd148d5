"""`coopol import-contacts`, `purge-contacts`, `contacts rehash` and `bench contacts`:
the JSON the issue asks for, bad files refused with nothing stored, the retention."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphsvc import contacts
from graphsvc.cli import Context, cli
from tests.fixtures.web import make_member, make_section

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "addressbooks"
KEY = "cli-contacts-key"


@pytest.fixture
def graph(falkordb_store, monkeypatch):
    store = falkordb_store
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    monkeypatch.setenv("COOPOL_CONTACTS_KEY", KEY)
    make_section(store)
    importer = make_member(store, email="importer@example.org", visibility="members")
    camille = make_member(store, email="camille.martin@example.org", visibility="members")
    contacts.rehash(store, KEY)
    return store, importer, camille


def run(*args):
    return CliRunner().invoke(cli, list(args))


def held(store, member_id):
    return contacts.summary(store, member_id).held


def test_import_contacts_prints_the_json_of_the_issue(graph):
    store, importer, camille = graph
    result = run("import-contacts", str(FIXTURES / "apple_v30.vcf"), "--member", "importer@example.org", "--json", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["format"] == "vcard"
    assert report["read"] >= report["valid"] > 0 and report["rejected"] == report["read"] - report["valid"]
    assert report["matched"] == [camille.id]
    assert held(store, importer.id) == report["identifiers"] > 0


def test_import_contacts_by_member_id_with_text_output(graph):
    store, importer, camille = graph
    result = run("import-contacts", str(FIXTURES / "apple_v30.vcf"), "--member", importer.id, "--quiet")
    assert result.exit_code == 0, result.output
    assert "1 members found" in result.stdout and camille.id in result.stdout


@pytest.mark.parametrize("content, message", [
    (b"", "vide"),
    (bytes(range(256)) * 40, "binaire"),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé\r\nEMAIL:zoe@example.net\r\nEND:VCARD\r\n".encode("utf-32-be"), ""),
])
def test_bad_files_are_refused_in_french_and_nothing_is_stored(graph, tmp_path, content, message):
    store, importer, _ = graph
    path = tmp_path / "book.vcf"
    path.write_bytes(content)
    result = run("import-contacts", str(path), "--member", importer.id, "--json", "--quiet")
    if result.exit_code == 0:  # a readable encoding: imported
        assert json.loads(result.stdout.strip().splitlines()[-1])["valid"] == 1
        return
    assert message in result.output and "rien n'a été importé" in result.output
    assert held(store, importer.id) == 0


def test_a_file_over_10_mb_is_refused_before_it_is_read(graph, tmp_path):
    store, importer, _ = graph
    path = tmp_path / "huge.vcf"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB, sparse
    result = run("import-contacts", str(path), "--member", importer.id, "--quiet")
    assert result.exit_code == 1 and "10 Mo" in result.output
    assert held(store, importer.id) == 0


def test_unknown_member_is_an_error(graph):
    result = run("import-contacts", str(FIXTURES / "apple_v30.vcf"), "--member", "nobody@example.org", "--quiet")
    assert result.exit_code == 1 and "no member" in result.output


def test_purge_contacts_uses_the_retention_setting(graph, monkeypatch):
    store, importer, _ = graph
    run("import-contacts", str(FIXTURES / "apple_v30.vcf"), "--member", importer.id, "--quiet")
    monkeypatch.setenv("COOPOL_CONTACTS_RETENTION_DAYS", "30")
    kept = run("purge-contacts", "--json")
    assert kept.exit_code == 0, kept.output
    assert json.loads(kept.stdout) == {"older_than_days": 30, "links": 0, "hashes": 0}
    before = held(store, importer.id)
    purged = run("purge-contacts", "--older-than-days", "0", "--json")
    assert json.loads(purged.stdout)["links"] == before
    assert held(store, importer.id) == 0


def test_rehash_is_safe_to_repeat(graph):
    result = run("contacts", "rehash", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"members": 2}


def test_bench_contacts_small(tmp_path, monkeypatch):
    monkeypatch.setenv("COOPOL_INSTANCE", str(tmp_path / "instance"))
    result = run("bench", "contacts", "--members", "200", "--contacts", "100", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert (report["contacts"], report["members"]) == (100, 200)
    assert report["seconds"] > 0 and report["hashes_held"] == report["identifiers"]
    assert 0 < report["matched"] <= report["members_in_book"] == 50
    assert report["seconds"] >= report["check_seconds"] + report["import_seconds"] - 0.002  # each rounded to 1 ms
    assert len(report["batch_seconds"]) == 2  # one batch of 100 entries, then the counts logged


def test_bench_contacts_keeps_its_graph_and_imports_the_same_book_again(tmp_path, monkeypatch):
    monkeypatch.setenv("COOPOL_INSTANCE", str(tmp_path / "instance"))
    url = f"embedded://{tmp_path / 'graph'}"
    args = ("bench", "contacts", "--members", "300", "--contacts", "80", "--graph-url", url, "--json")
    first, second = (json.loads(run(*args).stdout.strip().splitlines()[-1]) for _ in range(2))
    assert (first["graph_reused"], second["graph_reused"]) == (False, True)
    for key in ("identifiers", "matched", "hashes_held"):
        assert first[key] == second[key], key
    assert first["matched"] > 0
    refused = run("bench", "contacts", "--members", "301", "--contacts", "80", "--graph-url", url, "--json")
    assert refused.exit_code != 0 and "not the network of --members 301" in refused.output
