"""The address-book reading benchmark (`coopol bench addressbook`).

Generated books of one format each — an Apple-style vCard 3.0 (name,
organisation, an e-mail in an item group, a phone, an address, per card) and
an Outlook CSV (name, e-mail, mobile) — are read with `read_address_book`, and
the best of a few runs is kept, in CPU seconds (what the reading costs, whatever
else runs on the machine; `read_address_book` reads in this process: the forked
reader serves imports, `coopol bench contacts`) and wall seconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from graphsvc.addressbook import read_address_book

FORMATS = ("vcard", "outlook_csv")


@dataclass(frozen=True)
class Reading:
    format: str
    contacts: int  # entries in the book
    valid: int
    megabytes: float
    cpu_seconds: float  # best of the runs
    seconds: float  # best of the runs, wall clock


def _phone(index: int) -> str:
    """A number of the fictional range 01 99 00 00 00 – 01 99 99 99 99 (and on, 10,000 apart)."""
    return f"01 99 {index // 10_000 % 100:02d} {index // 100 % 100:02d} {index % 100:02d}"


def sample_book(book_format: str, contacts: int) -> bytes:
    """A book of `contacts` entries, each with a distinct e-mail and phone."""
    if book_format == "vcard":
        return "".join(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.5//EN\r\n"
            f"N:Dupont;Jean {i};;;\r\nFN:Jean {i} Dupont\r\nORG:Exemple SA;\r\n"
            f"item1.EMAIL;type=INTERNET;type=pref:jean{i}@example.org\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
            f"TEL;type=CELL;type=VOICE;type=pref:{_phone(i)}\r\n"
            "ADR;type=HOME;type=pref:;;1 rue de la Paix;Paris;;75002;France\r\nEND:VCARD\r\n"
            for i in range(contacts)
        ).encode()
    if book_format == "outlook_csv":
        rows = (f"Jean {i},Dupont,jean{i}@example.org,{_phone(i)}\r\n" for i in range(contacts))
        return ("First Name,Last Name,E-mail Address,Mobile Phone\r\n" + "".join(rows)).encode()
    raise ValueError(f"unknown format {book_format!r}")


def measure(book_format: str, contacts: int, repeat: int = 3) -> Reading:
    data = sample_book(book_format, contacts)
    cpu, wall = [], []
    for _ in range(repeat):
        started_cpu, started = _cpu(), time.perf_counter()
        book = read_address_book(data, max_contacts=max(contacts, 1))
        cpu.append(_cpu() - started_cpu)
        wall.append(time.perf_counter() - started)
    return Reading(book.format, book.read, book.valid, round(len(data) / 1e6, 2), round(min(cpu), 3), round(min(wall), 3))


def _cpu() -> float:
    """CPU seconds of this process."""
    return time.process_time()
