"""Properties of the identifier normalisers and of the address-book reader, checked with hypothesis."""

from __future__ import annotations

import io
import unicodedata

import phonenumbers
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from vobject.base import ParseError, getLogicalLines, parseLine

from graphsvc import identity
from graphsvc.addressbook import (
    _WANTED_PROPERTY,
    AddressBook,
    _logical_lines,
    _parse_line,
    _plain_wanted_lines,
    _wanted_lines,
    check_address_book,
    read_address_book,
)
from graphsvc.errors import Invalid
from graphsvc.identity import clean_display_name, normalise_email, normalise_phone

# No deadline: the machine is shared, and timings belong in benchmarks.
PROFILE = settings(deadline=None, max_examples=60)
FEW = settings(deadline=None, max_examples=30)  # st.emails() is slow to draw

REGIONS = ("FR", "BE", "CH", "DE", "GB", "US", "CA", "ES", "IT", "MA", "SN", "RE", "GP", "NC")


def outcome(function, *args):
    """The value, or the Invalid error; anything else fails the test."""
    try:
        return function(*args)
    except Invalid as error:
        return error


# --- e-mail addresses ---------------------------------------------------------------


@FEW
@given(st.emails())
def test_normalising_an_email_twice_is_normalising_it_once(address):
    once = outcome(normalise_email, address)
    if not isinstance(once, Invalid):
        assert normalise_email(once) == once
        assert once == once.strip().lower()


@FEW
@given(st.emails(), st.text(" \t", max_size=3), st.text(" \t", max_size=3))
def test_emails_ignore_case_and_surrounding_blanks(address, before, after):
    plain = outcome(normalise_email, address)
    assume(not isinstance(plain, Invalid))
    assert normalise_email(before + address.upper() + after) == plain
    assert normalise_email(address.swapcase()) == plain


def verdict(function, *args):
    result = outcome(function, *args)
    return "invalid" if isinstance(result, Invalid) else result


near_plain_emails = st.from_regex(
    r"[a-zA-Z0-9._%+\-]{0,70}@[a-zA-Z0-9.\-]{0,70}\.(org|fr|FR|test|local|localhost|arpa|onion|invalid|xn--p1ai|c0m|[a-z]{0,3})",
    fullmatch=True,
)


@settings(deadline=None, max_examples=200)
@given(st.one_of(near_plain_emails, st.emails(), st.text(max_size=80)))
def test_the_plain_address_shortcut_agrees_with_email_validator(text):
    assert verdict(identity.normalise_email, text) == verdict(identity._validated_email, text.strip())


@PROFILE
@given(st.text())
def test_any_text_as_an_email_is_an_address_or_invalid(text):
    result = outcome(normalise_email, text)
    assert isinstance(result, (str, Invalid))


# --- phone numbers ------------------------------------------------------------------


@st.composite
def valid_numbers(draw):
    """A valid number of some region: its example number with other last digits."""
    region = draw(st.sampled_from(REGIONS))
    kind = draw(st.sampled_from((phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)))
    example = phonenumbers.example_number_for_type(region, kind)
    national = str(example.national_number)
    tail = draw(st.text("0123456789", min_size=2, max_size=2))
    number = phonenumbers.parse(f"+{example.country_code}{national[:-2]}{tail}")
    assume(phonenumbers.is_valid_number(number))
    return region, number


def spellings(region: str, number: phonenumbers.PhoneNumber) -> list[tuple[str, str]]:
    """(text, region to read it with): the ways people write the same number."""
    fmt = phonenumbers.PhoneNumberFormat
    international = phonenumbers.format_number(number, fmt.INTERNATIONAL)
    national = phonenumbers.format_number(number, fmt.NATIONAL)
    e164 = phonenumbers.format_number(number, fmt.E164)
    return [
        (e164, "FR"),
        (international, "FR"),
        (international.replace(" ", "."), "US"),
        (international.replace(" ", "-"), "DE"),
        (international.replace(" ", ""), region),
        (phonenumbers.format_number(number, fmt.RFC3966), "FR"),
        (national, region),
        (" " + national.replace(" ", ".") + " ", region),
        ("00" + e164[1:], "FR"),  # the international prefix dialled from France
    ]


@PROFILE
@given(valid_numbers())
def test_every_spelling_of_a_number_gives_the_same_e164(found):
    region, number = found
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    for text, read_with in spellings(region, number):
        assert normalise_phone(text, read_with) == e164, (text, read_with)


@PROFILE
@given(valid_numbers(), st.sampled_from(REGIONS))
def test_normalising_a_number_twice_is_normalising_it_once(found, other_region):
    region, number = found
    once = normalise_phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL), region)
    assert normalise_phone(once, other_region) == once


@PROFILE
@given(st.text(), st.sampled_from(REGIONS))
def test_any_text_as_a_phone_is_a_number_none_or_invalid(text, region):
    result = outcome(normalise_phone, text, region)
    assert result is None or isinstance(result, Invalid) or (result.startswith("+") and result[1:].isdigit())


def library_phone(text: str, region: str) -> str | None:
    """What phonenumbers alone makes of a text, as `normalise_phone` words it."""
    if not text.strip():
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return "illisible"
    if not phonenumbers.is_valid_number(number):
        return "invalide"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def our_phone(text: str, region: str) -> str | None:
    result = outcome(normalise_phone, text, region)
    if isinstance(result, Invalid):
        return "illisible" if "illisible" in str(result) else "invalide"
    return result


PLAIN_REGIONS = ("FR", "BE", "DE", "CH")  # those `identity` reads itself in their plain shapes
ALL_TYPES = tuple(
    kind for kind in vars(phonenumbers.PhoneNumberType).values() if isinstance(kind, int) and kind != phonenumbers.PhoneNumberType.UNKNOWN
)


@st.composite
def written_numbers(draw):
    """(text, region): numbers near the valid ones of every type, written with and without
    prefixes and separators, as people and exports write them, and some junk around them."""
    region = draw(st.sampled_from(PLAIN_REGIONS * 3 + REGIONS + ("fr",)))
    home = phonenumbers.PhoneMetadata.metadata_for_region(region.upper())
    example = draw(
        st.sampled_from([n for n in (phonenumbers.example_number_for_type(region.upper(), t) for t in ALL_TYPES) if n])
    )
    national = str(example.national_number)
    # other last digits (valid or not), one digit more or less, sometimes any digits
    keep = draw(st.one_of(st.integers(len(national) - 2, len(national)), st.integers(0, len(national))))
    national = national[:keep] + draw(st.text("0123456789", min_size=max(0, len(national) - keep - 1), max_size=len(national) - keep + 1))
    code = str(draw(st.sampled_from((example.country_code,) * 4 + (home.country_code, 33, 32, 1, 44, 262))))
    usual = ("0", "+" + code, "00" + code) * 3
    prefix = draw(st.sampled_from(usual + ("", "+" + code + "0", "00" + code + "0", code, "+", "00", "011" + code, "+0", "000" + code)))
    digits = prefix + national
    if draw(st.booleans()):  # one separator, between some digits (`06 12 34 56 78`, `+33.6.12...`)
        separator = draw(st.sampled_from(("", " ", ".", "-")))
        gaps = draw(st.lists(st.booleans(), min_size=len(digits), max_size=len(digits)))
        text = "".join(char + (separator if gap else "") for char, gap in zip(digits, gaps)).rstrip(separator or " ")
        before = after = ""
    else:  # anything between digits, and junk around them
        noise = st.sampled_from(("", "", " ", ".", "-", "  ", " - ", "/", "(", ")", "x", "#"))
        separators = draw(st.lists(noise, min_size=len(digits), max_size=len(digits)))
        text = "".join(char + separator for char, separator in zip(digits, separators))
        before = draw(st.sampled_from(("", " ", "\t", "tel:", "Tél. ", "(", "\u00a0", " " * 250)))
        after = draw(st.sampled_from(("", " ", "\n", " ext. 12", ";ext=3", "#", "\u2009", " " * 250)))
    return before + text + after, region


@settings(deadline=None, max_examples=1_000)
@given(st.one_of(written_numbers(), st.tuples(st.text(max_size=40), st.sampled_from(PLAIN_REGIONS + REGIONS))))
def test_the_plain_number_shortcut_agrees_with_phonenumbers(found):
    text, region = found
    assert our_phone(text, region) == library_phone(text, region), (text, region)


@pytest.mark.parametrize(
    "text", ["06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78"]
)
def test_common_french_numbers_are_read_without_the_parser(text):
    assert identity._plain_numbers("FR").e164(text) == "+33612345678" == library_phone(text, "FR")


@PROFILE
@given(st.text(max_size=2_000), st.integers(1, 300))
def test_display_names_are_never_refused_and_come_out_clean(text, max_length):
    name = clean_display_name(text, max_length)
    assert len(name) <= max_length
    assert name == name.strip()
    assert clean_display_name(name, max_length) == name
    assert not any(unicodedata.category(c) in ("Cc", "Cf") and c != "\u200d" for c in name)


# --- whole files ----------------------------------------------------------------------


def check_book(result):
    """A file gives a consistent book or a French Invalid, never another exception."""
    if isinstance(result, Invalid):
        assert str(result)
        return
    assert isinstance(result, AddressBook)
    assert result.valid + result.rejected == result.read
    assert len(result.contacts) == result.valid
    for contact in result.contacts:
        assert contact.emails or contact.phones
        assert len(contact.display_name) <= 200
        assert len(set(contact.emails)) == len(contact.emails)
        assert len(set(contact.phones)) == len(contact.phones)


@PROFILE
@given(st.binary(max_size=4_000))
def test_any_bytes_give_a_book_or_invalid(data):
    check_book(outcome(read_address_book, data))


@PROFILE
@given(st.text(max_size=2_000), st.sampled_from(("utf-8", "utf-16", "cp1252")))
def test_any_text_gives_a_book_or_invalid(text, encoding):
    check_book(outcome(read_address_book, text.encode(encoding, "replace")))


physical_lines = st.lists(
    st.one_of(
        st.sampled_from(
            (
                "FN;ENCODING=QUOTED-PRINTABLE:=C3=A9=", "NOTE;quoted-printable:a=", "x=", "=", " folded", "\tfolded=",
                " ", "", "TEL:01", "EMAIL:a@example.org", "N:a;b", "Quoted-Printable=",
            )
        ),
        st.text(st.characters(blacklist_characters="\r\n"), max_size=12),
    ),
    max_size=14,
)


@PROFILE
@given(physical_lines, st.sampled_from(("\r\n", "\n", "\r")))
def test_lines_are_unfolded_as_vobject_unfolds_them(lines, newline):
    text = newline.join(lines)
    ours = [line for line, _ in _logical_lines(text)]
    assert ours == [line for line, _ in getLogicalLines(io.StringIO(text, newline=""), allowQP=True)]


def unfolded_wanted_lines(text):
    """`_wanted_lines` of the general path: the wanted logical lines of `_logical_lines`."""
    return [
        (found.group(1).upper(), line, found.end(), number)
        for line, number in _logical_lines(text)
        if (found := _WANTED_PROPERTY.match(line))
    ]


def after_name(line, name_end):
    """What `_is_vcard` reads of a line: its remainder after the name, without blanks."""
    return "".join(line[name_end:].split()).upper()


book_lines = st.lists(
    st.one_of(
        st.sampled_from(
            (
                # wanted, with and without group, parameters, blanks before ":"
                "TEL;TYPE=CELL:01 02", "item1.EMAIL:a@b.fr", "tel :1", "FN:x", "N:a;b", "ORG:o", "BEGIN:VCARD",
                "END:VCARD", "begin : vcard", "END\t:\tVCARD ", "EMAIL;TYPE=INTERNET,pref:x@y.z", "n:", "Tel;",
                # unwanted
                "PHOTO;ENCODING=b:AAAA", "NOTE:x", "TELX:1", "X-TEL:1", "VERSION:3.0", "TEL", "FN",
                # pieces of a wanted line cut by a fold
                "T", "item1", "item1.", "BEGIN", " EL:1", " :x", "\t;TYPE=CELL:1", " .TEL:1", " N:x", "\tVCARD",
                # folded, blank, whitespace-only lines
                " folded", "\tx", " TEL:1", "\tEND:VCARD", "", " ", "\t", "\u00a0", "\x0b", " \u00a0",
                # quoted-printable and soft line breaks
                "FN;ENCODING=QUOTED-PRINTABLE:=C3=A9=", "quoted-PRINTABLE", "NOTE:a=", "=", "TEL:1=",
            )
        ),
        st.text(st.characters(blacklist_characters="\r\n"), max_size=12),
    ),
    max_size=14,
)


@PROFILE
@given(book_lines, st.sampled_from(("\r\n", "\n", "\r")), st.sampled_from(("", "\r\n", "\n")))
@example(["BEGIN:VCARD", "FN:x", "END", " :VCARD"], "\r\n", "\r\n")  # a name folded before its ":"
@example(["TEL", " :x"], "\r\n", "")
def test_plain_books_give_the_wanted_lines_of_the_unfolding_reader(lines, newline, last):
    text = newline.join(lines) + last
    plain = _plain_wanted_lines(text)
    general = unfolded_wanted_lines(text)
    if plain is not None:
        assert [(name, line, number) for name, line, _, number in plain] == [
            (name, line, number) for name, line, _, number in general
        ], text
        assert [after_name(line, end) for _, line, end, _ in plain] == [
            after_name(line, end) for _, line, end, _ in general
        ], text
    identifiers = _plain_wanted_lines(text, names=False)  # FN, N and ORG left out, folded or not
    if identifiers is not None:
        assert [(name, line, number) for name, line, _, number in identifiers] == [
            (name, line, number) for name, line, _, number in general if name in ("BEGIN", "END", "EMAIL", "TEL")
        ], text


APPLE_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.0//EN\r\nN:Dupont;Jean;;;\r\nFN:Jean Dupont\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:jean@example.org\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:06 12 34 56 78\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n 4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABt\r\n"
    " bnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAA\r\nEND:VCARD\r\n"
)


def test_plain_books_take_the_fast_path():
    plain = _plain_wanted_lines(APPLE_CARD * 2)
    assert plain is not None
    assert [(name, number) for name, _, _, number in plain] == [
        ("BEGIN", 1), ("N", 4), ("FN", 5), ("EMAIL", 6), ("TEL", 8), ("END", 12),
        ("BEGIN", 13), ("N", 16), ("FN", 17), ("EMAIL", 18), ("TEL", 20), ("END", 24),
    ]
    assert plain[4][1] == "TEL;type=CELL;type=VOICE;type=pref:06 12 34 56 78"
    assert [(n, line, k) for n, line, _, k in plain] == [(n, line, k) for n, line, _, k in unfolded_wanted_lines(APPLE_CARD * 2)]
    assert _wanted_lines(APPLE_CARD) == _plain_wanted_lines(APPLE_CARD)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BEGIN:VCARD\nFN;ENCODING=Quoted-Printable:=C3=A9\nEND:VCARD\n", id="quoted-printable"),
        pytest.param("BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:a\nFN:x\nEND:VCARD\n", id="QUOTED-PRINTABLE"),
        pytest.param("BEGIN:VCARD\rFN:x\rEND:VCARD\r", id="lone CR"),
        pytest.param("BEGIN:VCARD\r\nFN:x\rEND:VCARD\r\n", id="one lone CR"),
        pytest.param(" BEGIN:VCARD\nFN:x\nEND:VCARD\n", id="folded first line"),
        pytest.param("\n\tBEGIN:VCARD\nFN:x\nEND:VCARD\n", id="folded line after a first blank one"),
        pytest.param("BEGIN:VCARD\nFN:x\n \t\n TEL:1\nEND:VCARD\n", id="folded line after a blank one"),
        pytest.param("BEGIN:VCARD\r\nFN:x\r\n\r\n\tTEL:1\r\nEND:VCARD\r\n", id="folded line after a blank CRLF"),
        pytest.param("BEGIN:VCARD\nFN:Jean\n  Dupont\nEND:VCARD\n", id="folded FN"),
        pytest.param("BEGIN:VCARD\r\nitem1.EMAIL:jean@\r\n example.org\r\nEND:VCARD\r\n", id="folded EMAIL"),
        pytest.param("BEGIN:VCARD\nFN:x\nEND:VCARD\n\tx\n", id="folded END"),
    ],
)
def test_books_that_are_not_plain_are_unfolded_line_by_line(text):
    assert _plain_wanted_lines(text) is None
    assert list(_wanted_lines(text)) == unfolded_wanted_lines(text)


vcard_lines = st.one_of(
    st.sampled_from(("FN", "N", "ORG", "EMAIL", "TEL", "PHOTO", "item1.EMAIL", "TEL;TYPE=CELL", "NOTE")).flatmap(
        lambda name: st.text(max_size=80).map(lambda value: f"{name}:{value}")
    ),
    st.text(max_size=80),
    st.sampled_from(("FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=A9=", "=C3", " folded", "BEGIN:VCARD", "END:VCARD")),
)


@PROFILE
@given(st.lists(st.lists(vcard_lines, max_size=8), min_size=1, max_size=6), st.sampled_from(("\r\n", "\n")))
def test_vcards_with_hostile_lines_give_a_book_or_invalid(cards, newline):
    text = "".join(newline.join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""]) for lines in cards)
    check_book(outcome(read_address_book, text.encode("utf-8", "surrogatepass")))


@PROFILE
@given(st.lists(st.lists(vcard_lines, max_size=8), min_size=1, max_size=6), st.sampled_from(("\r\n", "\n")))
def test_a_book_read_without_names_has_the_same_identifiers_and_errors(cards, newline):
    text = "".join(newline.join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""]) for lines in cards)
    data = text.encode("utf-8", "surrogatepass")
    named = outcome(read_address_book, data)
    unnamed = outcome(lambda d: check_address_book(d, names=False).read_all(), data)
    if isinstance(named, Invalid):
        assert str(unnamed) == str(named)
        return
    assert (unnamed.read, unnamed.valid, unnamed.rejected) == (named.read, named.valid, named.rejected)
    assert [(c.display_name, c.emails, c.phones) for c in unnamed.contacts] == [
        ("", c.emails, c.phones) for c in named.contacts
    ]


@PROFILE
@given(
    st.lists(st.lists(st.text(max_size=40), min_size=0, max_size=5), max_size=10),
    st.sampled_from((",", ";", "\t")),
)
def test_csv_with_hostile_cells_give_a_book_or_invalid(rows, delimiter):
    header = delimiter.join(("First Name", "Last Name", "E-mail Address", "Mobile Phone", "Notes"))
    body = "\n".join(delimiter.join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows)
    check_book(outcome(read_address_book, (header + "\n" + body).encode("utf-8", "surrogatepass")))


def vobject_reading(line):
    try:
        _, params, value, _ = parseLine(line)
    except ParseError:
        return "unreadable"
    return params, value


words = st.sampled_from(("EMAIL", "TEL", "type", "CELL", "X-AB", "a_b", "9", "", "é", "a b", '"x:y"', '"', "=", "."))
parameters = st.lists(
    st.tuples(words, st.lists(words, max_size=3), st.sampled_from(("=", "", "=,", ",", "=="))).map(
        lambda p: ";" + p[0] + (p[2] + ",".join(p[1]) if p[2] or p[1] else "")
    ),
    max_size=3,
).map("".join)
property_lines = st.one_of(
    st.tuples(st.sampled_from(("", "item1.", "a.b.", ".")), words, parameters, st.sampled_from((":", "", ";:", "::")),
              st.text(alphabet='ab:;,="\n ', max_size=8)).map("".join),
    st.text(alphabet='aZ9_-.;:,="é \t\n\\', max_size=30),
)


@settings(deadline=None, max_examples=500)
@given(property_lines)
def test_property_lines_are_parsed_as_vobject_parses_them(line):
    try:
        params, value = _parse_line(line)
        ours = [list(param) for param in params], value
    except ParseError:
        ours = "unreadable"
    assert ours == vobject_reading(line)
