"""Address books as people export them, read into normalised e-mails and phones.

Formats, recognised from the content whatever the file's name: vCard 2.1, 3.0
and 4.0 (Apple Contacts, Android/Google, Outlook) and the CSV files of Google
Contacts, Outlook (English or French headers, comma or semicolon) and LinkedIn
(`Connections.csv`, with its preamble). Encodings: a byte-order mark (UTF-8,
UTF-16, UTF-32), UTF-16 without one, then UTF-8, then Windows-1252.

Pure Python, no graph: `read_address_book` returns values, and `contacts.py`
hashes and matches them. Everything here fails with `Invalid` and a French
message saying what is wrong and where (ligne, fiche); a bad e-mail or phone
only drops that identifier, never the file.

vCards are read card by card with vobject's line parser (`parseLine`), after
unfolding the lines as vobject does (`_logical_lines`, linear where vobject's is
quadratic), not with `readComponents`: that builds an object per property (20 s
for 20,000 cards here) and fails a whole file on one unreadable property, where
a phone's export should lose that property only. Only the lines needed (FN, N,
ORG, EMAIL, TEL; BEGIN and END) are parsed; PHOTO and the rest are skipped.

A book of `PARALLEL_CARDS` cards or more is read in two processes: the second
half of the cards in a forked one, while this one reads the first half; the
limits, the card numbers and the line numbers of the messages are those of one
reader of the whole file.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import csv
import functools
import io
import itertools
import logging
import multiprocessing
import quopri
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import phonenumbers
from vobject.base import ParseError, parseLine

from graphsvc import identity
from graphsvc.errors import Invalid

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_CONTACTS = 20_000
MAX_PER_CONTACT = 10  # e-mails, and phones, read per contact; the rest are ignored
MAX_IDENTIFIERS = 60_000  # distinct e-mails and phones checked per file: bounds the work of a hostile one
MAX_NAME = 200
PROGRESS_EVERY = 500
PARALLEL_CARDS = 5_000  # from this many vCards, the second half is read in a forked process
FORMATS = ("vcard", "google_csv", "outlook_csv", "linkedin_csv")
EXPORT_HINT = "exportez vos contacts au format vCard (.vcf) ou CSV (Google, Outlook, LinkedIn)"


@dataclass(frozen=True)
class Contact:
    display_name: str  # for display only (cleaned, at most 200 characters), may be ""
    emails: tuple[str, ...]  # normalised (trimmed, lower-cased, validated), without duplicates
    phones: tuple[str, ...]  # E.164, without duplicates


@dataclass(frozen=True)
class AddressBook:
    format: str  # one of FORMATS
    encoding: str  # the codec the file was read with ("utf-8", "utf-16", "cp1252"...)
    read: int  # entries read
    valid: int  # entries with at least one valid e-mail or phone
    rejected: int  # read - valid
    contacts: tuple[Contact, ...]  # the valid entries, in the file's order


Progress = Callable[[int, int], None]


def read_address_book(
    data: bytes,
    *,
    region: str = "FR",
    max_contacts: int = MAX_CONTACTS,
    progress: Progress | None = None,
) -> AddressBook:
    """Read an exported address book; `progress(done, total)` is called every few hundred entries."""
    if len(data) > MAX_BYTES:
        raise Invalid(f"le fichier dépasse {MAX_BYTES // (1024 * 1024)} Mo : découpez votre carnet d'adresses")
    region = (region or "").upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise Invalid(f"indicatif de pays inconnu : {region[:10]!r}")
    if not data.strip():
        raise Invalid("le fichier est vide")
    _refuse_binary(data)
    text, encoding = _decode(data)
    _refuse_control_characters(text)
    if not text.strip(" \t\r\n\ufeff"):
        raise Invalid("le fichier est vide")
    reader = _Reader(region, max_contacts, progress)
    if _VCARD_START.match(text):
        book_format, contacts = "vcard", reader.vcards(text)
    else:
        book_format, contacts = reader.csv(text)
    log.info("address book: %s in %s, %d entries read, %d valid", book_format, encoding, reader.read, len(contacts))
    return AddressBook(
        format=book_format,
        encoding=encoding,
        read=reader.read,
        valid=len(contacts),
        rejected=reader.read - len(contacts),
        contacts=tuple(contacts),
    )


# --- bytes to text ---------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the codec that read it: a byte-order mark, UTF-16 by its zeros, UTF-8, Windows-1252."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise Invalid(
                    f"encodage illisible : le fichier s'annonce en {label} mais ne l'est pas (octet {exc.start + 1})"
                ) from None
    codec = _utf16_without_bom(data[:4096])
    if codec:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise Invalid(f"encodage illisible : UTF-16 incomplet ou abîmé (octet {exc.start + 1})") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise Invalid(
            f"encodage non reconnu (ni UTF-8, ni UTF-16, ni Windows-1252) à l'octet {exc.start + 1} : {EXPORT_HINT}"
        ) from None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of Latin letters has a zero in every other byte, on one side only."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_zeros, odd_zeros = even.count(0), odd.count(0)
    if odd_zeros > len(odd) * 0.4 and even_zeros < len(even) * 0.05:
        return "utf-16-le"
    if even_zeros > len(even) * 0.4 and odd_zeros < len(odd) * 0.05:
        return "utf-16-be"
    return None


_MAGIC = (
    (b"PK\x03\x04", "c'est une archive ZIP ou un classeur Excel"),
    (b"%PDF", "c'est un document PDF"),
    (b"\xd0\xcf\x11\xe0", "c'est un document Office (Excel, Word)"),
)
_BINARY = f"le fichier n'est pas du texte (contenu binaire) : {EXPORT_HINT}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TEXT_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))  # deleted, these leave the control bytes


def _refuse_binary(data: bytes) -> None:
    """Known binary formats by their first bytes; many control bytes in a file that is not UTF-16 or UTF-32.

    A few control characters are hostile text, not binary: they are dropped field by field."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Invalid(f"{what}, pas un carnet d'adresses : {EXPORT_HINT}")
    head = data[:65536]
    wide = head.startswith(tuple(bom for bom, _, _ in _BOMS if bom != codecs.BOM_UTF8)) or _utf16_without_bom(head[:4096])
    if not wide and len(head.translate(None, _TEXT_BYTES)) > len(head) // 100:
        raise Invalid(_BINARY)


def _refuse_control_characters(text: str) -> None:
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise Invalid(_BINARY)


# --- reading entries ---------------------------------------------------------

_VCARD_START = re.compile(r"[\ufeff\s]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*(\r\n|\r|\n|$)", re.IGNORECASE)
_VCARD_BEGIN_LINE = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
# Where a book may be cut in two: a plain BEGIN:VCARD line (not folded, not blank, after a line end), where
# a reader of the whole file starts a logical line and a card.
_HALF_WAY = re.compile(r"(?<=\n)BEGIN:VCARD\r?\n", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n")
MAX_LINE = 100_000  # characters of a property kept (a 10 kB name quoted-printable is 30 kB)
# The lines kept of a card, and how many: every other line (PHOTO...) is skipped unparsed.
_KEPT_PER_CARD = {"FN": 1, "N": 1, "ORG": 1, "EMAIL": MAX_PER_CONTACT, "TEL": 2 * MAX_PER_CONTACT}
_WANTED_PROPERTY = re.compile(r"[ \t]*(?:[A-Za-z0-9-]+\.)?(BEGIN|END|FN|N|ORG|EMAIL|TEL)[ \t]*(?=[;:])", re.IGNORECASE)
_CARD_BOUNDARY = re.compile(r"[ \t]*(BEGIN|END)[ \t]*:[ \t]*VCARD[ \t]*", re.IGNORECASE)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# A property's group, name and parameters (without quotes, nor "=" or "," but between values), to the first ":".
_SIMPLE_LINE = re.compile(r"(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+((?:;[A-Za-z0-9_-]+(?:=[^\";:,=]*(?:,[^\";:,=]*)*)?)*):")
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")


class _Reader:
    """Reads the entries of one file: counts them first, normalises each identifier once."""

    def __init__(self, region: str, max_contacts: int, progress: Progress | None):
        self.region = region
        self.max_contacts = max_contacts
        self.progress = progress
        self.read = 0
        self.total = 0
        self._checked: dict[tuple[str, str], str | None] = {}

    # vCard

    def vcards(self, text: str) -> list[Contact]:
        self._start(sum(1 for _ in itertools.islice(_VCARD_BEGIN_LINE.finditer(text), self.max_contacts + 1)))
        half_way = _HALF_WAY.search(text, len(text) // 2) if self.total >= PARALLEL_CARDS and _may_fork() else None
        try:
            if not half_way:
                return self._cards(text)
            # A forked process reads the second half (the copy of this process costs a few milliseconds);
            # its messages count the lines of the first.
            first_line = len(_LINE_END.findall(text, 0, half_way.start()))
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as worker:
                try:
                    later = worker.submit(_read_half, text[half_way.start() :], self.region, first_line)
                except OSError:  # no process to be had: this one reads the whole book
                    return self._cards(text)
                contacts = self._cards(text[: half_way.start()])
                try:
                    half = later.result()
                except BrokenProcessPool:  # the other process died: this one reads its half too
                    return contacts + self._cards(text[half_way.start() :], first_line)
                return contacts + self._join(half)
        except _TruncatedCard as exc:
            raise Invalid(_truncated_card(exc.index, exc.line)) from None

    def _cards(self, text: str, first_line: int = 0) -> list[Contact]:
        """The contacts of the cards of `text`, whose first line is the file's line `first_line + 1`."""
        contacts: list[Contact] = []
        card: dict[str, list[str]] | None = None  # the lines kept of the open card, by property
        card_line = 0
        for line, number in _logical_lines(text):
            found = _WANTED_PROPERTY.match(line)
            if not found:
                continue
            name = found.group(1).upper()
            if name == "BEGIN" and _is_vcard(line, found):
                if card is not None:
                    raise _TruncatedCard(self.read + 1, first_line + card_line)
                card, card_line = {}, max(number, 1)
            elif name == "END" and card is not None and _is_vcard(line, found):
                self._add(contacts, _vcard_entry(card))
                card = None
            elif card is not None and name in _KEPT_PER_CARD:
                kept = card.setdefault(name, [])
                # a card of a million TEL lines parses twenty; a line of megabytes, none
                if len(kept) < _KEPT_PER_CARD[name] and len(line) <= MAX_LINE and line.find(":", 0, 1_000) > 0:
                    kept.append(line)
        if card is not None:
            raise _TruncatedCard(self.read + 1, first_line + card_line)
        return contacts

    def _join(self, half: _Half) -> list[Contact]:
        """Add the second half read by the other process, as if this reader had read it after the first."""
        # One reader stops at the first identifier past the limit: before the other half's error, if any.
        checked = self._checked.keys() | {("email", raw) for raw in half.emails} | {("phone", raw) for raw in half.phones}
        if len(checked) > MAX_IDENTIFIERS:
            self._too_many()
        if isinstance(half.error, _TruncatedCard):
            raise _TruncatedCard(self.read + half.error.index, half.error.line)
        if half.error:
            raise Invalid(half.error)
        self.read += half.read
        if self.progress:
            self.progress(self.read, self.total)
        return [Contact(*contact) for contact in half.contacts]

    # CSV

    def csv(self, text: str) -> tuple[str, list[Contact]]:
        header = _find_csv_header(text)
        body = text[header.offset :]
        self._start(_count_rows(body, header))
        rows = csv.reader(io.StringIO(body, newline=""), delimiter=header.delimiter)
        contacts: list[Contact] = []
        try:
            next(rows)
            for row in rows:
                if any(cell.strip() for cell in row):
                    self._add(contacts, header.columns.contact(row))
        except csv.Error as exc:
            raise Invalid(_csv_error(exc, header.line + rows.line_num - 1)) from None
        return header.format, contacts

    # shared

    def _start(self, total: int) -> None:
        if total > self.max_contacts:
            raise Invalid(f"le carnet dépasse {self.max_contacts:,} contacts : découpez-le".replace(",", " "))
        if total == 0:
            raise Invalid("le carnet ne contient aucun contact")
        self.total = total
        if self.progress:
            self.progress(0, total)

    def _add(self, contacts: list[Contact], entry: _Entry) -> None:
        self.read += 1
        emails = tuple(dict.fromkeys(e for e in map(self._email, entry.emails) if e))
        phones = tuple(dict.fromkeys(p for p in map(self._phone, entry.phones) if p))
        if emails or phones:
            name = identity.clean_display_name(entry.name, MAX_NAME)
            contacts.append(Contact(display_name=name, emails=emails, phones=phones))
        if self.progress and (self.read % PROGRESS_EVERY == 0 or self.read == self.total):
            self.progress(self.read, self.total)

    def _email(self, raw: str) -> str | None:
        raw = raw.strip()
        if raw[:7].lower() == "mailto:":
            raw = raw[7:]
        if "@" not in raw or len(raw) > 320:
            return None
        return self._check("email", raw)

    def _phone(self, raw: str) -> str | None:
        raw = raw.strip()
        if not raw or len(raw) > 80:
            return None
        return self._check("phone", raw)

    def _check(self, kind: str, raw: str) -> str | None:
        key = (kind, raw)
        if key in self._checked:
            return self._checked[key]
        if len(self._checked) >= MAX_IDENTIFIERS:
            self._too_many()
        try:
            value = identity.normalise_email(raw) if kind == "email" else identity.normalise_phone(raw, self.region)
        except Invalid:
            value = None
        self._checked[key] = value
        return value

    @staticmethod
    def _too_many() -> None:
        raise Invalid(
            f"le carnet contient plus de {MAX_IDENTIFIERS:,} adresses e-mail et numéros : découpez-le".replace(",", " ")
        )


class _TruncatedCard(Exception):
    """A card without its END: numbered in the whole file once both halves are known."""

    def __init__(self, index: int, line: int):
        super().__init__(index, line)
        self.index, self.line = index, line


@dataclass(frozen=True)
class _Half:
    """What the forked process read of the second half of a book, in plain values (5,000 `Contact`s
    took 37 ms to pickle, their tuples 13 ms)."""

    contacts: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
    read: int
    emails: list[str]  # the identifiers it checked (up to its error, if any), as written
    phones: list[str]
    error: _TruncatedCard | str | None  # the card without an END (numbered in its half), or a message


def _read_half(text: str, region: str, first_line: int) -> _Half:
    """In the forked process: the cards of the second half of a book."""
    reader = _Reader(region, MAX_CONTACTS, None)
    contacts: list[Contact] = []
    error: _TruncatedCard | str | None = None
    try:
        contacts = reader._cards(text, first_line)
    except _TruncatedCard as exc:
        error = exc
    except Invalid as exc:
        error = str(exc)
    return _Half(
        [(c.display_name, c.emails, c.phones) for c in contacts],
        reader.read,
        [raw for kind, raw in reader._checked if kind == "email"],
        [raw for kind, raw in reader._checked if kind == "phone"],
        error,
    )


def _may_fork() -> bool:
    """A process with other threads (a threaded server) is not forked: a lock another thread held would stay
    held in the copy. Gunicorn's sync workers and the command have one thread."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


@dataclass(frozen=True)
class _Entry:
    """An entry as read, before normalisation."""

    name: str
    emails: list[str]
    phones: list[str]


def _logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """(logical line, number of its first physical line), unfolded as vobject's
    `getLogicalLines(allowQP=True)` does, in linear time.

    A line starting with a blank continues the previous one (folding); in a
    quoted-printable property, a line ending with "=" continues on the next,
    joined with a newline the decoding removes (vCard 2.1 soft line break). vobject
    copies the line read so far at each physical line: a 1 MB folded photo cost
    1 s, a 1 MB chain of soft breaks 76 s. A soft break before END:VCARD (some
    phones write one) does not swallow the end of the card."""
    logical: list[str] = []
    first = 0
    quoted_printable = soft_break = False
    for number, physical in enumerate(io.StringIO(text, newline=""), start=1):
        line = physical.rstrip("\r\n")
        if not line.strip():  # a blank line ends the logical line
            if logical:
                yield "".join(logical), first
            logical, quoted_printable, soft_break = [], False, False
            continue
        if soft_break and not _CARD_BOUNDARY.fullmatch(line):
            logical += ("\n", line)
        elif line[0] in " \t" and logical:
            logical.append(line[1:])
            quoted_printable = quoted_printable or "quoted-printable" in line.lower()
        else:
            if logical:
                yield "".join(logical), first
            logical, first = [line[1:] if line[0] in " \t" else line], number
            quoted_printable = "quoted-printable" in line.lower()
        soft_break = quoted_printable and line.endswith("=")
    if logical:
        yield "".join(logical), first


def _is_vcard(line: str, found: re.Match[str]) -> bool:
    """BEGIN or END of a vCard (not of an embedded calendar or the like)."""
    return "".join(line[found.end() :].split()).upper() == ":VCARD"


def _truncated_card(index: int, line: int) -> str:
    return f"fichier vCard tronqué : la fiche {index} (ligne {line}) n'a pas de fin (END:VCARD)"


def _vcard_entry(card: dict[str, list[str]]) -> _Entry:
    phones = [value for params, value in _properties(card.get("TEL", [])) if not _is_fax_or_pager(params)]
    return _Entry(
        name=_vcard_name(card),
        emails=[value for _, value in _properties(card.get("EMAIL", []))],
        phones=phones[:MAX_PER_CONTACT],
    )


def _properties(lines: list[str]) -> Iterator[tuple[Sequence[Sequence[str]], str]]:
    """(parameters, decoded value) of each line vobject can parse; an unreadable one loses only itself."""
    for line in lines:
        try:
            params, value = _parse_line(line)
        except ParseError:
            continue
        yield params, _vcard_value(params, value)


def _parse_line(line: str) -> tuple[Sequence[Sequence[str]], str]:
    """(parameters, value) as vobject's `parseLine` gives them, or its `ParseError`.

    Most lines (`EMAIL;TYPE=INTERNET:…`, `TEL;TYPE=CELL:…`, `FN:…`) have no quote
    before their value: read by one plain pattern, their few kinds of parameters
    split once per file or so, instead of vobject's backtracking pattern and one
    more per parameter; a property test compares both."""
    simple = _SIMPLE_LINE.match(line)
    if not simple:
        _, params, value, _ = parseLine(line)
        return params, value
    return _plain_parameters(simple.group(1)), line[simple.end() :]


@functools.lru_cache(maxsize=256)
def _plain_parameters(text: str) -> tuple[tuple[str, ...], ...]:
    """`;TYPE=CELL;PREF` read as vobject reads it: ((TYPE, CELL), (PREF,)); empty values are dropped."""
    return tuple(
        (name, *(value for value in values.split(",") if value))
        for name, _, values in (param.partition("=") for param in text.split(";")[1:])
    )


def _vcard_name(card: dict[str, list[str]]) -> str:
    """FN, else the given and family names of N, else the organisation; parsed only when needed."""
    for _, value in _properties(card.get("FN", [])):
        if value.strip():
            return _unescape(value)
    for _, value in _properties(card.get("N", [])):
        family, given, additional = ([_unescape(part) for part in _UNESCAPED_SEMICOLON.split(value, 3)] + ["", ""])[:3]
        name = " ".join(part for part in (given, additional, family) if part.strip())
        if name:
            return name
    for _, value in _properties(card.get("ORG", [])):
        return _unescape(_UNESCAPED_SEMICOLON.split(value, 1)[0])
    return ""


def _is_fax_or_pager(params: Sequence[Sequence[str]]) -> bool:
    """A fax or a pager names an office or a device, not a person: not matched."""
    types = {value.strip('"').upper() for param in params for value in ",".join(param).split(",")}
    return bool(types & {"FAX", "PAGER"})


def _vcard_value(params: Sequence[Sequence[str]], value: str) -> str:
    """The value of a property, quoted-printable or base64 decoded in its CHARSET (vCard 2.1)."""
    encoding, charset = "", "utf-8"
    for param in params:
        key = param[0].upper()
        if len(param) == 1 and key in ("QUOTED-PRINTABLE", "BASE64"):
            encoding = key
        elif key == "ENCODING" and len(param) > 1:
            encoding = param[1].upper()
        elif key == "CHARSET" and len(param) > 1:
            charset = param[1]
    if encoding == "QUOTED-PRINTABLE":
        raw = quopri.decodestring(value.encode("utf-8", "replace"))
    elif encoding in ("B", "BASE64"):
        try:
            raw = base64.b64decode("".join(value.split()), validate=False)
        except (binascii.Error, ValueError):
            return ""
    else:
        return value
    for codec in (charset, "utf-8", "cp1252"):
        try:
            return raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def _unescape(value: str) -> str:
    r"""vCard 3.0/4.0 text: `\,` `\;` `\\` as themselves, `\n` as a space."""
    if "\\" not in value:
        return value
    return _ESCAPED.sub(lambda m: " " if m.group(1) in "nN" else m.group(1), value)


# --- CSV ---------------------------------------------------------------------

HEADER_SEARCH_LINES = 30  # LinkedIn puts a few "Notes:" lines before its header
_DELIMITERS = (",", ";", "\t")
MAX_COLUMN_NAME = 40  # a longer cell is a sentence (LinkedIn's notes), not a column name
MAX_COLUMNS = 500  # Outlook writes 92 columns, Google about 90; a line of thousands of cells is no header
_EMAIL_WORDS = frozenset({"email", "mail", "courriel", "messagerie", "mel"})
_PHONE_WORDS = frozenset({"phone", "telephone", "tel", "mobile", "portable", "cellulaire", "cell", "gsm", "radiotelephone"})
_NOT_IDENTIFIER = frozenset(
    {"type", "label", "libelle", "display", "name", "nom", "affichage", "fax", "telecopie", "pager", "assistant"}
    | {"company", "societe", "telex"}
)
_FIRST = frozenset({"first name", "given name", "prenom"})
_MIDDLE = frozenset({"middle name", "additional name", "deuxieme prenom", "second prenom", "autre prenom"})
_LAST = frozenset({"last name", "family name", "surname", "nom", "nom de famille"})
_FULL = frozenset({"name", "display name", "full name", "nom complet", "nom d affichage"})
_NICKNAME = frozenset({"nickname", "surnom"})
_ORGANISATION = frozenset({"company", "societe", "organization 1 name", "organization name", "organisation", "entreprise"})
_GOOGLE = re.compile(r"^(e mail|phone) \d+ value$")
_LOOKS_LIKE_DATA = re.compile(r"@|\+?\d[\d .\-()]{6,}")


@dataclass(frozen=True)
class _Columns:
    """Where a CSV keeps the names, e-mails and phones of an entry."""

    emails: tuple[int, ...]
    phones: tuple[int, ...]
    first: int | None
    middle: int | None
    last: int | None
    full: int | None
    fallbacks: tuple[int, ...]  # nickname, company

    @classmethod
    def of(cls, header: list[str]) -> _Columns:
        keys = [identity.search_key(cell[:200]) for cell in header]

        def first_of(names: frozenset[str]) -> int | None:
            return next((i for i, key in enumerate(keys) if key in names), None)

        def identifiers(words: frozenset[str]) -> tuple[int, ...]:
            return tuple(
                i
                for i, key in enumerate(keys)
                if len(key) <= MAX_COLUMN_NAME and words & set(key.split()) and not _NOT_IDENTIFIER & set(key.split())
            )

        return cls(
            emails=identifiers(_EMAIL_WORDS),
            phones=identifiers(_PHONE_WORDS),
            first=first_of(_FIRST),
            middle=first_of(_MIDDLE),
            last=first_of(_LAST),
            full=first_of(_FULL),
            fallbacks=tuple(i for i in (first_of(_NICKNAME), first_of(_ORGANISATION)) if i is not None),
        )

    def contact(self, row: list[str]) -> _Entry:
        def cell(index: int | None) -> str:
            return row[index].strip() if index is not None and index < len(row) else ""

        def values(columns: tuple[int, ...]) -> list[str]:
            found: list[str] = []
            for index in columns:
                # Google puts several values in one cell: "a@example.org ::: b@example.org"
                parts = cell(index).split(" ::: ", MAX_PER_CONTACT)[:MAX_PER_CONTACT]
                found.extend(part for part in parts if part.strip())
            return found[:MAX_PER_CONTACT]

        name = cell(self.full) or " ".join(filter(None, (cell(self.first), cell(self.middle), cell(self.last))))
        if not name:
            name = next((cell(i) for i in self.fallbacks if cell(i)), "")
        return _Entry(name=name, emails=values(self.emails), phones=values(self.phones))


@dataclass(frozen=True)
class _Header:
    format: str
    delimiter: str
    offset: int  # where the header line starts in the text
    line: int  # its line number, from 1
    columns: _Columns


def _find_csv_header(text: str) -> _Header:
    offset = 0
    first_cells: list[str] = []
    for number, line in enumerate(itertools.islice(io.StringIO(text, newline=""), HEADER_SEARCH_LINES), start=1):
        candidates = [(d, next(csv.reader([line[:100_000]], delimiter=d), [])) for d in _DELIMITERS]
        candidates = [(d, cells) for d, cells in candidates if len(cells) <= MAX_COLUMNS]
        if number == 1:
            first_cells = max((cells for _, cells in candidates), key=len, default=[])
        recognised = [(len(cells), d, cells, _csv_format(cells)) for d, cells in candidates]
        recognised = [found for found in recognised if found[3]]
        if recognised:
            _, d, header, book_format = max(recognised)
            return _Header(book_format, d, offset, number, _Columns.of(header))
        offset += len(line)
    if len(first_cells) >= 2 and any(_LOOKS_LIKE_DATA.search(cell) for cell in first_cells):
        raise Invalid(
            "le fichier CSV n'a pas de ligne d'en-tête : la ligne 1 contient déjà des données "
            "au lieu des noms de colonnes (Prénom, Nom, E-mail, Téléphone…)"
        )
    if len(first_cells) >= 2:
        names = ", ".join(identity.clean_display_name(cell, 30) for cell in first_cells[:6])
        raise Invalid(
            f"format non reconnu : ce fichier CSV n'a ni colonne d'e-mail ni colonne de téléphone (colonnes : {names}…)"
        )
    raise Invalid(f"format non reconnu : ce n'est ni un vCard ni un CSV de contacts ; {EXPORT_HINT}")


def _csv_format(header: list[str]) -> str | None:
    keys = {identity.search_key(cell[:200]) for cell in header}
    if {"first name", "last name", "email address"} <= keys and keys & {"connected on", "url", "position"}:
        return "linkedin_csv"
    if any(_GOOGLE.match(key) for key in keys):
        return "google_csv"
    columns = _Columns.of(header)
    if columns.emails or columns.phones:
        return "outlook_csv"
    return None


def _count_rows(body: str, header: _Header) -> int:
    """Entries (non-blank rows) after the header, counted before any is built."""
    rows = csv.reader(io.StringIO(body, newline=""), delimiter=header.delimiter)
    try:
        return sum(1 for row in rows if any(cell.strip() for cell in row)) - 1
    except csv.Error as exc:
        raise Invalid(_csv_error(exc, header.line + rows.line_num - 1)) from None


def _csv_error(exc: csv.Error, line: int) -> str:
    if "field larger than field limit" in str(exc):
        return f"ligne {line} : un champ dépasse {csv.field_size_limit() // 1024} Ko"
    return f"ligne {line} : CSV mal formé"

