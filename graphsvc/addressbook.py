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
ORG, EMAIL, TEL; BEGIN and END) are parsed; PHOTO and the rest are skipped. In
a book where each of those is one physical line (no quoted-printable, no folded
FN...), they are found by one pattern over the whole text (`_plain_wanted_lines`).

Reading is in two steps, so that an import can store a book while it is read
and still store nothing of a book it refuses: `check_address_book` finds the
cards and the lines kept of each, and makes every refusal (a card without its
END, too many entries; too many identifiers, the cards then read at once);
`CheckedBook.batches` then reads the contacts, which can no longer fail — for a
book of `PARALLEL_CARDS` cards or more and a caller who asks, in a forked
process a batch ahead of the caller. `read_address_book` does both at once.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import csv
import functools
import gc
import io
import itertools
import logging
import multiprocessing
import quopri
import re
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import NamedTuple, TypeVar

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
PARALLEL_CARDS = 5_000  # from this many vCards, read in a forked process while the caller stores them
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

    @functools.cached_property
    def identifiers_at_most(self) -> int:
        """The distinct e-mails and phones of the book (exactly; counted once)."""
        return _distinct_identifiers(self.contacts)

    def batches(self, size: int = PROGRESS_EVERY, *, background: bool = False,
                then: Callable[[list[Contact]], T] = list) -> Iterator[T]:
        """The valid contacts, `size` at a time, each batch given to `then` (as `CheckedBook.batches`)."""
        for start in range(0, len(self.contacts), size):
            yield then(list(self.contacts[start : start + size]))

    def read_all(self) -> AddressBook:
        """The book itself: it is read."""
        return self


Progress = Callable[[int, int], None]
T = TypeVar("T")
_Params = tuple[tuple[str, ...], ...]  # a property's parameters as vobject reads them: ((TYPE, CELL, VOICE), (PREF,))


def check_address_book(
    data: bytes,
    *,
    region: str = "FR",
    max_contacts: int = MAX_CONTACTS,
    progress: Progress | None = None,
    names: bool = True,
) -> CheckedBook:
    """Open an exported address book and make every refusal it calls for (size, encoding, format, a card
    without its END, too many entries or identifiers): its vCards' contacts are then read batch by batch
    (`CheckedBook.batches`), which can no longer fail. `progress(done, total)`: entries read. `names`
    False: the names are not read (an import keeps none), the contacts' `display_name` is ""."""
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
    reader = _Reader(region, max_contacts, progress, names)
    if _VCARD_START.match(text):
        with _no_cycle_collection():
            cards = reader.vcards(text)
        identifier_lines = _identifier_lines(cards)
        if identifier_lines <= MAX_IDENTIFIERS:
            return CheckedBook("vcard", encoding, len(cards), identifier_lines, reader, cards=cards)
        contacts = reader.entries(cards)  # the limit of identifiers may be reached: known before any is stored
        book_format = "vcard"
    else:
        book_format, contacts = reader.csv(text)
    return CheckedBook(book_format, encoding, reader.read, _distinct_identifiers(contacts), reader, contacts=contacts)


def read_address_book(
    data: bytes,
    *,
    region: str = "FR",
    max_contacts: int = MAX_CONTACTS,
    progress: Progress | None = None,
) -> AddressBook:
    """Read an exported address book; `progress(done, total)` is called every few hundred entries."""
    return check_address_book(data, region=region, max_contacts=max_contacts, progress=progress).read_all()


class CheckedBook:
    """An address book checked (`check_address_book`): its format, its entries counted, every refusal
    made; a vCard book's contacts are still to be read from the lines kept of each card."""

    def __init__(self, format: str, encoding: str, read: int, identifiers_at_most: int, reader: _Reader, *,
                 cards: list[dict[str, list[str]]] | None = None, contacts: list[Contact] | None = None):
        self.format = format  # one of FORMATS
        self.encoding = encoding
        self.read = read  # entries in the book
        self.identifiers_at_most = identifiers_at_most  # e-mails and phones written (the distinct valid ones: fewer)
        self._reader = reader
        self._cards = cards  # the lines kept of each vCard, found by the check
        self._contacts = contacts  # read by the check (CSV, too many identifiers)

    def batches(self, size: int = PROGRESS_EVERY, *, background: bool = False,
                then: Callable[[list[Contact]], T] = list) -> Iterator[T]:
        """The valid contacts, in the file's order, read `size` entries at a time, each batch given to
        `then` (hashing them, say) and its result yielded; once only.

        `background`: a book of `PARALLEL_CARDS` vCards or more is read, and `then` applied, in a
        forked process a batch ahead of the caller, who stores one batch while the next is read."""
        if self._contacts is not None:
            for start in range(0, len(self._contacts), size):
                yield then(self._contacts[start : start + size])
            return
        cards, done = self._cards or [], 0
        if background and len(cards) >= PARALLEL_CARDS and _may_fork():
            done = self._reader.read = yield from _forked_batches(self._reader, cards, size, then)
        for start in range(done, len(cards), size):
            yield then(self._reader.entries(cards[start : start + size]))

    def read_all(self) -> AddressBook:
        """Every contact read, in this process."""
        contacts = tuple(contact for batch in self.batches() for contact in batch)
        log.info("address book: %s in %s, %d entries read, %d valid", self.format, self.encoding, self.read,
                 len(contacts))
        return AddressBook(self.format, self.encoding, self.read, len(contacts), self.read - len(contacts), contacts)


def _identifier_lines(cards: list[dict[str, list[str]]]) -> int:
    return sum(len(card.get("EMAIL", ())) + len(card.get("TEL", ())) for card in cards)


def _distinct_identifiers(contacts: Iterable[Contact]) -> int:
    return len({("email", e) for c in contacts for e in c.emails} | {("phone", p) for c in contacts for p in c.phones})


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
MAX_LINE = 100_000  # characters of a property kept (a 10 kB name quoted-printable is 30 kB)
# The lines kept of a card, and how many: every other line (PHOTO...) is skipped unparsed.
_KEPT_PER_CARD = {"FN": 1, "N": 1, "ORG": 1, "EMAIL": MAX_PER_CONTACT, "TEL": 2 * MAX_PER_CONTACT}
_KEPT_IDENTIFIERS = {"EMAIL": MAX_PER_CONTACT, "TEL": 2 * MAX_PER_CONTACT}  # a book read without its names
_WANTED_PROPERTY = re.compile(r"[ \t]*(?:[A-Za-z0-9-]+\.)?(BEGIN|END|FN|N|ORG|EMAIL|TEL)[ \t]*(?=[;:])", re.IGNORECASE)
# What `_plain_wanted_lines` leaves to `_logical_lines`: a lone CR (where `^` sees no line start); a folded
# line first, or after a blank line, or after a line that may be a wanted property's name cut before its ";"
# or ":" (`TEL`, then ` :01 02`). Each pattern is searched at the speed of its first character.
_LONE_CR = re.compile(r"\r(?!\n)")
_FOLD_FIRST = re.compile(r"[^\S\r\n]*(?:\r?\n)?[ \t]|[A-Za-z0-9.-][A-Za-z0-9.\- \t]*\r?\n[ \t]", re.IGNORECASE)
_FOLD_AFTER_BLANK_OR_NAME = re.compile(r"\n(?:[^\S\r\n]*|[A-Za-z0-9.-][A-Za-z0-9.\- \t]*)\r?\n[ \t]", re.IGNORECASE)
# A wanted line (group: its name), then the next line's fold if there is one (the last group).
_PLAIN_NAMES = (None, "BEGIN", "END", "FN", "N", "ORG", "EMAIL", "TEL")
_PLAIN_WANTED_LINE = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)?(?:(BEGIN)|(END)|(FN)|(N)|(ORG)|(EMAIL)|(TEL))[ \t]*(?=[;:])[^\r\n]*(\r?\n[ \t])?",
    re.IGNORECASE | re.MULTILINE,
)
_PLAIN_IDENTIFIERS = (None, "BEGIN", "END", "EMAIL", "TEL")
_PLAIN_IDENTIFIER_LINE = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)?(?:(BEGIN)|(END)|(EMAIL)|(TEL))[ \t]*(?=[;:])[^\r\n]*(\r?\n[ \t])?",
    re.IGNORECASE | re.MULTILINE,
)
_CARD_BOUNDARY = re.compile(r"[ \t]*(BEGIN|END)[ \t]*:[ \t]*VCARD[ \t]*", re.IGNORECASE)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# A property's group, name and parameters (without quotes, nor "=" or "," but between values), to the first ":".
_SIMPLE_LINE = re.compile(r"(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+((?:;[A-Za-z0-9_-]+(?:=[^\";:,=]*(?:,[^\";:,=]*)*)?)*):")
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")


class _Reader:
    """Reads the entries of one file: counts them first, normalises each identifier once."""

    def __init__(self, region: str, max_contacts: int, progress: Progress | None, names: bool = True):
        self.region = region
        self.max_contacts = max_contacts
        self.progress = progress
        self.names = names
        self.read = 0
        self.total = 0
        self._checked: dict[tuple[str, str], str | None] = {}

    # vCard

    def vcards(self, text: str) -> list[dict[str, list[str]]]:
        """The lines kept of each card (by property), the whole book checked: the BEGIN lines counted first
        (too many, or none, refused before anything is read), then each card has its END."""
        self._start(sum(1 for _ in itertools.islice(_VCARD_BEGIN_LINE.finditer(text), self.max_contacts + 1)))
        cards: list[dict[str, list[str]]] = []
        try:
            cards.extend(_cards(text, self.names))
        except _TruncatedCard as truncated:
            # the error a reader of the file card by card meets first: the limit of identifiers,
            # if the cards before pass it, else this one
            if _identifier_lines(cards) > MAX_IDENTIFIERS:
                self.entries(cards)
            raise Invalid(_truncated_card(len(cards) + 1, truncated.line)) from None
        return cards

    def entries(self, cards: list[dict[str, list[str]]]) -> list[Contact]:
        """The valid contacts of these cards (`Invalid` past the limit of identifiers, counted over the book)."""
        contacts: list[Contact] = []
        for card in cards:
            self._add(contacts, _vcard_entry(card))
        return contacts

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
        emails = _distinct([e for e in map(self._email, entry.emails) if e])
        phones = _distinct([p for p in map(self._phone, entry.phones) if p])
        if emails or phones:
            name = identity.clean_display_name(entry.name, MAX_NAME) if entry.name and self.names else ""
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
        value = self._checked.get(key, _UNCHECKED)
        if value is not _UNCHECKED:
            return value
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


_UNCHECKED = object()


def _distinct(values: list[str]) -> tuple[str, ...]:
    """The values without their repeats, in order."""
    return tuple(dict.fromkeys(values)) if len(values) > 1 else tuple(values)


class _TruncatedCard(Exception):
    """A card without its END, from the file's line `line`."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _cards(text: str, names: bool = True) -> Iterator[dict[str, list[str]]]:
    """The lines kept of each card (by property), card by card; `_TruncatedCard` at a card without its END.
    `names` False: FN, N and ORG are not kept."""
    kept_per_card = _KEPT_PER_CARD if names else _KEPT_IDENTIFIERS
    card: dict[str, list[str]] | None = None  # the lines kept of the open card, by property
    card_line = 0
    for name, line, name_end, number in _wanted_lines(text, names):
        if name == "BEGIN" and _is_vcard(line, name_end):
            if card is not None:
                raise _TruncatedCard(card_line)
            card, card_line = {}, max(number, 1)
        elif name == "END" and card is not None and _is_vcard(line, name_end):
            yield card
            card = None
        elif card is not None and name in kept_per_card:
            kept = card.setdefault(name, [])
            # a card of a million TEL lines parses twenty; a line of megabytes, none
            if len(kept) < kept_per_card[name] and len(line) <= MAX_LINE and line.find(":", 0, 1_000) > 0:
                kept.append(line)
    if card is not None:
        raise _TruncatedCard(card_line)


def _forked_batches(reader: _Reader, cards: list[dict[str, list[str]]], size: int,
                    then: Callable[[list[Contact]], T]) -> Generator[T, None, int]:
    """`CheckedBook.batches` read by a forked process, which sends `then` of each batch as it is read
    and waits for the caller to take it. Returns the cards read there: all of them, or the batches sent
    before it died (no process to be had: none); this process reads the rest."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    try:
        other = context.Process(target=_send_batches, args=(reader, cards, size, then, sending), daemon=True)
        other.start()
    except OSError:
        receiving.close()
        sending.close()
        return 0
    sending.close()
    done, total = 0, len(cards)
    try:
        while done < total:
            try:
                batch = receiving.recv()
            except EOFError:  # the other process died
                break
            done = min(done + size, total)
            if reader.progress:
                reader.progress(done, total)
            yield batch
    finally:
        receiving.close()
        if done < total:
            other.kill()  # the caller stopped early, or the other process died
        other.join()
    return done


def _send_batches(reader: _Reader, cards: list[dict[str, list[str]]], size: int,
                  then: Callable[[list[Contact]], object], sending: Connection) -> None:
    """In the forked process: read the cards a batch at a time, and send `then` of each."""
    reader.progress = None
    gc.disable()  # a short-lived process: what reading makes is freed by reference counts, and at its exit
    for start in range(0, len(cards), size):
        sending.send(then(reader.entries(cards[start : start + size])))
    sending.close()


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: finding a book's cards makes tens of thousands of lists,
    dicts and tuples and no cycle, and the collector's passes over them took a fifth of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _may_fork() -> bool:
    """A process with other threads (a threaded server) is not forked: a lock another thread held would stay
    held in the copy. Gunicorn's sync workers and the command have one thread."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class _Entry(NamedTuple):
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


def _wanted_lines(text: str, names: bool = True) -> Iterable[tuple[str, str, int, int]]:
    """(NAME, logical line, where the name ends in it, number of its first physical line) of the lines
    a card keeps (`_KEPT_PER_CARD`), begins or ends with; `names` False: FN, N and ORG may be left out."""
    plain = _plain_wanted_lines(text, names)
    if plain is not None:
        return plain
    return (
        (found.group(1).upper(), line, found.end(), number)
        for line, number in _logical_lines(text)
        if (found := _WANTED_PROPERTY.match(line))
    )


def _plain_wanted_lines(text: str, names: bool = True) -> list[tuple[str, str, int, int]] | None:
    """`_wanted_lines` of a book where each of them is one physical line, found by one pattern over the
    whole text, the other lines (a folded photo...) skipped without a step of Python; None for a book
    with a quoted-printable value, a folded BEGIN, END, FN, N, ORG, EMAIL or TEL (or what may be one),
    a folded line after a blank one or a lone CR, which is unfolded line by line (`_logical_lines`). A
    property test checks both ways agree. `names` False: without FN, N and ORG (whether folded or not)."""
    if not _is_plain(text):
        return None
    pattern, kinds = (_PLAIN_WANTED_LINE, _PLAIN_NAMES) if names else (_PLAIN_IDENTIFIER_LINE, _PLAIN_IDENTIFIERS)
    folded = len(kinds)  # the group of the next line's fold
    lines = []
    number, counted = 1, 0
    for found in pattern.finditer(text):
        kind = found.lastindex
        if kind == folded:
            return None
        start = found.start()
        number += text.count("\n", counted, start)
        counted = start
        lines.append((kinds[kind], found.group(), found.end(kind) - start, number))
    return lines


def _is_plain(text: str) -> bool:
    """No quoted-printable value, lone CR, folded line first or after a blank line or a possible name
    (what `_plain_wanted_lines` leaves to `_logical_lines`, but for a folded wanted line)."""
    return not (
        "quoted-printable" in text.lower()
        or _LONE_CR.search(text)
        or _FOLD_FIRST.match(text)
        or _FOLD_AFTER_BLANK_OR_NAME.search(text)
    )


def _is_vcard(line: str, name_end: int) -> bool:
    """BEGIN or END of a vCard (not of an embedded calendar or the like)."""
    return "".join(line[name_end:].split()).upper() == ":VCARD"


def _truncated_card(index: int, line: int) -> str:
    return f"fichier vCard tronqué : la fiche {index} (ligne {line}) n'a pas de fin (END:VCARD)"


def _vcard_entry(card: dict[str, list[str]]) -> _Entry:
    emails = [found[1] for found in map(_property, card.get("EMAIL", ())) if found]
    phones = [found[1] for found in map(_property, card.get("TEL", ())) if found and not _is_fax_or_pager(found[0])]
    return _Entry(_vcard_name(card), emails, phones[:MAX_PER_CONTACT])


def _property(line: str) -> tuple[_Params, str] | None:
    """(parameters, decoded value) of a line vobject can parse; None for an unreadable one, which loses only itself."""
    try:
        params, value = _parse_line(line)
    except ParseError:
        return None
    return params, _vcard_value(params, value) if params else value


def _parse_line(line: str) -> tuple[_Params, str]:
    """(parameters, value) as vobject's `parseLine` gives them, or its `ParseError`.

    Most lines (`EMAIL;TYPE=INTERNET:…`, `TEL;TYPE=CELL:…`, `FN:…`) have no quote
    before their value: read by one plain pattern, their few kinds of parameters
    split once per file or so, instead of vobject's backtracking pattern and one
    more per parameter; a property test compares both."""
    simple = _SIMPLE_LINE.match(line)
    if not simple:
        _, params, value, _ = parseLine(line)
        return tuple(map(tuple, params)), value
    return _plain_parameters(simple.group(1)), line[simple.end() :]


@functools.lru_cache(maxsize=256)
def _plain_parameters(text: str) -> _Params:
    """`;TYPE=CELL;PREF` read as vobject reads it: ((TYPE, CELL), (PREF,)); empty values are dropped."""
    return tuple(
        (name, *(value for value in values.split(",") if value))
        for name, _, values in (param.partition("=") for param in text.split(";")[1:])
    )


def _vcard_name(card: dict[str, list[str]]) -> str:
    """FN, else the given and family names of N, else the organisation; parsed only when needed."""
    for found in map(_property, card.get("FN", ())):
        if found and found[1].strip():
            return _unescape(found[1])
    for _, value in filter(None, map(_property, card.get("N", ()))):
        family, given, additional = ([_unescape(part) for part in _UNESCAPED_SEMICOLON.split(value, 3)] + ["", ""])[:3]
        name = " ".join(part for part in (given, additional, family) if part.strip())
        if name:
            return name
    for _, value in filter(None, map(_property, card.get("ORG", ()))):
        return _unescape(_UNESCAPED_SEMICOLON.split(value, 1)[0])
    return ""


@functools.lru_cache(maxsize=256)
def _is_fax_or_pager(params: _Params) -> bool:
    """A fax or a pager names an office or a device, not a person: not matched."""
    types = {value.strip('"').upper() for param in params for value in ",".join(param).split(",")}
    return bool(types & {"FAX", "PAGER"})


def _vcard_value(params: _Params, value: str) -> str:
    """The value of a property, quoted-printable or base64 decoded in its CHARSET (vCard 2.1)."""
    encoding, charset = _encoding(params)
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


@functools.lru_cache(maxsize=256)
def _encoding(params: _Params) -> tuple[str, str]:
    """The ENCODING (QUOTED-PRINTABLE, B, BASE64 or "") and CHARSET (default UTF-8) a property's parameters name."""
    encoding, charset = "", "utf-8"
    for param in params:
        key = param[0].upper()
        if len(param) == 1 and key in ("QUOTED-PRINTABLE", "BASE64"):
            encoding = key
        elif key == "ENCODING" and len(param) > 1:
            encoding = param[1].upper()
        elif key == "CHARSET" and len(param) > 1:
            charset = param[1]
    return encoding, charset


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

