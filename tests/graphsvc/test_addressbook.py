"""Reading exported address books: each real export format with its quirks, bad files, hostile fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphsvc import addressbook
from graphsvc.addressbook import MAX_BYTES, AddressBook, Contact, read_address_book
from graphsvc.errors import Invalid

FIXTURES = Path(__file__).parents[1] / "fixtures" / "addressbooks"


def read_fixture(name: str, **options) -> AddressBook:
    return read_address_book((FIXTURES / name).read_bytes(), **options)


def vcard(*lines: str) -> bytes:
    return "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", "")).encode()


# --- the export formats, each read exactly ----------------------------------------


def test_apple_vcard_30_reads_item_groups_and_skips_the_photo():
    book = read_fixture("apple_v30.vcf")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("vcard", "utf-8", 4, 3, 1)
    assert book.contacts == (
        Contact("Camille Martin", ("camille.martin@example.org",), ("+33199001234", "+33261910001")),
        Contact("Dr Hélène Lefèvre", ("helene.lefevre-avec-une-adresse-tres-longue@example.org",), ("+12025550123",)),
        Contact("Boulangerie du Coin", (), ("+33536490002",)),
    )


def test_android_vcard_21_decodes_quoted_printable_names_across_soft_line_breaks():
    book = read_fixture("android_v21.vcf")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("vcard", "utf-8", 3, 2, 1)
    assert book.contacts == (
        Contact(
            "Éloïse Gaëlle de la Fontaine-Saint-Germé",
            ("eloise@example.org",),
            ("+33199001235", "+33261910003", "+33353010004"),
        ),
        Contact("Nguyễn Thị", (), ("+33465710005",)),
    )


def test_outlook_vcard_in_windows_1252_skips_fax_numbers():
    book = read_fixture("outlook.vcf")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("vcard", "cp1252", 2, 2, 0)
    assert book.contacts == (
        Contact("François Garçon", ("francois.garcon@example.org",), ("+33199001236", "+33972100007")),
        Contact("Irène Béranger", ("irene.beranger@example.org",), ()),
    )


def test_vcard_40_reads_tel_uris_after_a_byte_order_mark():
    book = read_fixture("v40.vcf")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("vcard", "utf-8-sig", 2, 2, 0)
    assert book.contacts == (
        Contact("Amélie Poulain", ("amelie@example.org",), ("+33199001237", "+33536490008")),
        Contact("Jean-Baptiste Grenouille", ("jb@sous-domaine.example.org",), ()),
    )


def test_google_csv_splits_multiple_values_and_falls_back_on_the_organisation():
    book = read_fixture("google.csv")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("google_csv", "utf-8", 3, 2, 1)
    assert book.contacts == (
        Contact("Louise Michel", ("louise@example.org", "l.michel@example.org"), ("+33199001238",)),
        Contact("Fédération de l'Exemple", (), ("+33353010009",)),
    )


def test_google_csv_of_2024_with_labels_and_first_middle_last_names():
    book = read_fixture("google_2024.csv")
    assert (book.format, book.read, book.valid) == ("google_csv", 1, 1)
    assert book.contacts == (
        Contact("Jean Jaurès Castres", ("jean.castres@example.org",), ("+33465710010", "+12025550142")),
    )


def test_french_outlook_csv_in_windows_1252_with_semicolons():
    book = read_fixture("outlook_fr.csv")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("outlook_csv", "cp1252", 4, 3, 1)
    assert book.contacts == (
        # the fax and the company's switchboard are not the person's
        Contact("Gérard Lévêque", ("gerard.leveque@example.org",), ("+33199001239", "+33972100011")),
        Contact("Noémie Œuvray", ("noemie@example.org",), ()),
        Contact("Imprimerie Dupré", (), ("+33261910012",)),
    )


def test_english_outlook_csv_in_utf16_ignores_the_assistants_phone():
    book = read_fixture("outlook_en_utf16.csv")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("outlook_csv", "utf-16", 2, 2, 0)
    assert book.contacts == (
        # "(202) 555-0175" has no country code: not a French number, so dropped
        Contact("Margaret O'Neill", ("margaret.oneill@example.org",), ("+442079460018",)),
        Contact("Zoë Åkesson", ("zoe@example.org",), ("+33199001240",)),
    )


def test_linkedin_connections_after_their_notes_preamble():
    book = read_fixture("linkedin.csv")
    assert (book.format, book.encoding, book.read, book.valid, book.rejected) == ("linkedin_csv", "utf-8", 3, 2, 1)
    assert book.contacts == (
        Contact("Rosa Parks", ("rosa.parks@example.org",), ()),
        Contact("Jean Moulin", ("jean.moulin@example.org",), ()),
    )


def test_the_region_reads_national_numbers_of_another_country():
    book = read_fixture("outlook_en_utf16.csv", region="US")
    assert book.contacts[0].phones == ("+442079460018", "+12025550175")
    assert book.contacts[1].phones == ()  # 01 99 00 12 40 is not an American number


def test_an_unknown_region_is_refused():
    with pytest.raises(Invalid, match="indicatif de pays inconnu"):
        read_fixture("v40.vcf", region="XX")


# --- what a real file may contain ---------------------------------------------------


def test_one_unreadable_property_loses_only_itself():
    data = vcard("FN:Anne", "EMAIL;TYPE=\"unterminated:anne@example.org", "TEL:01 99 00 12 41")
    assert read_address_book(data).contacts == (Contact("Anne", (), ("+33199001241",)),)


def test_a_quoted_printable_value_ending_with_a_stray_equals_sign_keeps_the_card_end():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ana\r\nTEL:0199001250\r\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=0A=\r\n"
    data += b"END:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bo\r\nEMAIL:bo@example.org\r\nEND:VCARD\r\n"
    book = read_address_book(data)
    assert book.contacts == (Contact("Ana", (), ("+33199001250",)), Contact("Bo", ("bo@example.org",), ()))


def test_escaped_text_and_structured_names_of_vcard_30():
    data = vcard("N:Dupont\\, fils;Jean;;;", "EMAIL:jean@example.org") + vcard(
        "FN:Dupont\\, Jean\\nSection\\; Lille", "EMAIL:jd@example.org"
    )
    book = read_address_book(data)
    assert [c.display_name for c in book.contacts] == ["Jean Dupont, fils", "Dupont, Jean Section; Lille"]


def test_unknown_charset_in_quoted_printable_falls_back_to_utf8():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=X-MARTIAN;ENCODING=QUOTED-PRINTABLE:=C3=89mile\r\n"
    data += b"EMAIL:emile@example.org\r\nEND:VCARD\r\n"
    assert read_address_book(data).contacts == (Contact("Émile", ("emile@example.org",), ()),)


def test_old_mac_line_endings_are_read():
    data = b"Name,E-mail 1 - Value\rAda,ada@example.org\rBob,bob@example.org\r"
    assert [c.emails for c in read_address_book(data).contacts] == [("ada@example.org",), ("bob@example.org",)]


def test_utf16_without_byte_order_mark_is_recognised():
    data = "First Name,E-mail Address\r\nZoé,zoe@example.org\r\n".encode("utf-16-le")
    book = read_address_book(data)
    assert (book.encoding, book.contacts) == ("utf-16-le", (Contact("Zoé", ("zoe@example.org",), ()),))


def test_a_plain_spreadsheet_with_email_and_phone_columns_is_read_as_outlook_csv():
    data = "Nom;Prénom;Email;Téléphone\nDurand;Paul;paul@example.org;0199001242\n".encode()
    book = read_address_book(data)
    assert book.format == "outlook_csv"
    assert book.contacts == (Contact("Paul Durand", ("paul@example.org",), ("+33199001242",)),)


def test_a_contact_keeps_at_most_ten_emails_and_ten_phones():
    lines = [f"EMAIL:e{i}@example.org" for i in range(30)] + [f"TEL:01 99 00 13 {i:02d}" for i in range(30)]
    (contact,) = read_address_book(vcard("FN:Many", *lines)).contacts
    assert contact.emails == tuple(f"e{i}@example.org" for i in range(10))
    assert contact.phones == tuple(f"+331990013{i:02d}" for i in range(10))


def test_progress_is_reported_every_few_hundred_entries_and_at_the_end():
    data = b"".join(vcard(f"FN:P{i}", f"EMAIL:p{i}@example.org") for i in range(1_200))
    calls: list[tuple[int, int]] = []
    read_address_book(data, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 1_200), (500, 1_200), (1_000, 1_200), (1_200, 1_200)]


# --- bad files: a clear French message ---------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "le fichier est vide"),
        (b" \r\n\t", "le fichier est vide"),
        (b"\xef\xbb\xbf\r\n", "le fichier est vide"),
        (bytes(range(256)) * 40, "contenu binaire"),
        (b"PK\x03\x04\x14\x00\x06\x00", "classeur Excel"),
        (b"%PDF-1.7\n", "PDF"),
        ("Prénom;Nom;E-mail\n".encode("cp1252") + b"\x81\x8d\x8f\n", "encodage non reconnu .*octet 19"),
        (b"\xff\xfeA\x00B", "s'annonce en UTF-16 mais ne l'est pas"),
        (b"Bonjour voici mes contacts", "format non reconnu : ce n'est ni un vCard ni un CSV"),
        (b"x," * 5_000 + b"\n" + b"x," * 5_000, "ce n'est ni un vCard ni un CSV"),
        (b"foo,bar,baz\n1,2,3\n", r"n'a ni colonne d'e-mail ni colonne de téléphone \(colonnes : foo, bar, baz"),
        (b"Jean,Dupont,jean@example.org,0199001234\n", "pas de ligne d'en-tête : la ligne 1 contient déjà des données"),
        (b"First Name,Last Name,E-mail Address\r\n", "aucun contact"),
        (b'Name,E-mail Address\n"' + b"a" * 200_000 + b'",x@example.org\n', "ligne 2 : un champ dépasse 128 Ko"),
        (vcard("FN:A", "EMAIL:a@example.org") + b"BEGIN:VCARD\r\nFN:B\r\nEMAIL:b@ex", r"tronqué : la fiche 2 \(ligne 6\)"),
        (b"BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", r"tronqué : la fiche 1 \(ligne 1\)"),
    ],
    ids=[
        "empty", "blank", "bom-only", "binary", "xlsx", "pdf", "undecodable", "broken-utf16", "prose", "5000-columns",
        "unknown-csv", "csv-without-header", "header-only", "huge-field", "truncated-vcard", "unclosed-vcard",
    ],
)
def test_bad_files_are_refused_with_a_french_message(data, message):
    with pytest.raises(Invalid, match=message):
        read_address_book(data)


def test_more_than_max_bytes_is_refused_before_reading():
    with pytest.raises(Invalid, match="le fichier dépasse 10 Mo"):
        read_address_book(b"BEGIN:VCARD\n" + b" " * MAX_BYTES)


def test_a_million_tiny_vcards_are_refused_before_any_is_built():
    calls = []
    with pytest.raises(Invalid, match="le carnet dépasse 20 000 contacts"):
        read_address_book(b"BEGIN:VCARD\nEND:VCARD\n" * 400_000, progress=lambda *call: calls.append(call))
    assert calls == []


def test_too_many_csv_rows_are_refused_before_any_is_built():
    data = b"Name,E-mail Address\n" + b"a,a@example.org\n" * 101
    with pytest.raises(Invalid, match="le carnet dépasse 100 contacts"):
        read_address_book(data, max_contacts=100)


def test_a_file_of_too_many_distinct_identifiers_is_stopped(monkeypatch):
    monkeypatch.setattr(addressbook, "MAX_IDENTIFIERS", 50)
    rows = "".join(f'P{i},"{" ::: ".join(f"p{i}-{j}@example.org" for j in range(10))}"\n' for i in range(6))
    with pytest.raises(Invalid, match="plus de 50 adresses e-mail et numéros"):
        read_address_book(("Name,E-mail 1 - Value\n" + rows).encode())


# --- hostile strings come out cleaned ---------------------------------------------------------


def test_hostile_names_are_cleaned_and_cut():
    hostile = "<script>alert(1)</script>\u202eevil\u0000\u0007\u200b" + "A" * 10_000
    book = read_address_book(vcard(f"FN:{hostile}", "EMAIL:h@example.org"))
    (contact,) = book.contacts
    assert contact.display_name.startswith("<script>alert(1)</script>evil")  # text, escaped where it is shown
    assert len(contact.display_name) == 200
    assert not any(char in contact.display_name for char in "\u202e\u0000\u0007\u200b")


def test_hostile_identifiers_are_dropped_not_the_file():
    data = vcard(
        "FN:Hostile",
        "EMAIL:<img src=x onerror=alert(1)>@example.org",
        "EMAIL:a\u0000b@example.org",
        "EMAIL:" + "a" * 10_000 + "@example.org",
        "TEL:\u202e0199001243",
        "TEL:" + "9" * 5_000,
        "TEL" + ";TYPE=x" * 50_000 + ":01 99 00 12 44",  # a megabyte of parameters is not parsed
    ) + vcard("FN:Fine", "EMAIL: Fine@Example.ORG ")
    book = read_address_book(data)
    assert (book.read, book.valid, book.rejected) == (2, 2, 0)
    assert book.contacts == (
        Contact("Hostile", (), ("+33199001243",)),  # the right-to-left mark is not part of the number
        Contact("Fine", ("fine@example.org",), ()),
    )
