"""A big vCard book is read in two processes: the result and every message are those of one reader."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from graphsvc import addressbook
from graphsvc.addressbook import read_address_book
from graphsvc.errors import Invalid

FIXTURES = Path(__file__).parents[1] / "fixtures" / "addressbooks"
CARDS = 40  # the books below, cut in two from 10 cards


@pytest.fixture
def forks(monkeypatch):
    """Books of 10 cards or more are cut in two; counts the forked readers started."""
    started: list[int] = []
    real = addressbook.ProcessPoolExecutor

    def counted(*args, **kwargs):
        started.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(addressbook, "PARALLEL_CARDS", 10)
    monkeypatch.setattr(addressbook, "ProcessPoolExecutor", counted)
    return started


def one_reader(monkeypatch, data: bytes, **options):
    """The result (or the error message) of one process reading the whole book."""
    with monkeypatch.context() as patch:
        patch.setattr(addressbook, "PARALLEL_CARDS", 10**9)
        try:
            return read_address_book(data, **options)
        except Invalid as error:
            return str(error)


def two_readers(data: bytes, max_identifiers: int | None = None, patch: str | None = None):
    """Read in a fresh process of one thread, as a command or a web worker reads (the test session
    runs other threads, and a process with other threads reads alone): the result (or the error
    message), the forked readers started, the progress reported."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as fresh:
        return fresh.submit(_read_counting_forks, data, max_identifiers, patch).result()


def refused_fork():
    raise BlockingIOError(11, "Resource temporarily unavailable")


def dead_reader(*args):
    os._exit(1)


PATCHES = {"refused fork": (os, "fork", refused_fork), "dead reader": (addressbook, "_read_half", dead_reader)}


def _read_counting_forks(data: bytes, max_identifiers: int | None, patch: str | None):
    started: list[int] = []
    real = addressbook.ProcessPoolExecutor

    def counted(*args, **kwargs):
        started.append(1)
        return real(*args, **kwargs)

    addressbook.ProcessPoolExecutor = counted
    addressbook.PARALLEL_CARDS = 10
    if max_identifiers is not None:
        addressbook.MAX_IDENTIFIERS = max_identifiers
    if patch:
        setattr(*PATCHES[patch])
    progress: list[tuple[int, int]] = []
    try:
        result = read_address_book(data, progress=lambda done, total: progress.append((done, total)))
    except Invalid as error:
        result = str(error)
    return result, len(started), progress


def quirky_book(cards: int = CARDS) -> bytes:
    """Cards of every export the fixtures hold (folded lines, quoted-printable soft breaks, photos, faxes,
    item groups), each card's identifiers made distinct."""
    text = "".join((FIXTURES / name).read_bytes().decode(encoding) for name, encoding in
                   (("apple_v30.vcf", "utf-8"), ("android_v21.vcf", "utf-8"), ("outlook.vcf", "cp1252")))
    return "".join(text.replace("@example.org", f"@n{i}.example.org").replace("01 99", f"01 {i % 90 + 10}")
                   for i in range(cards // 9 + 1)).encode()


def test_a_big_book_read_in_two_processes_is_the_book_one_process_reads(monkeypatch):
    data = quirky_book()
    book, forks, _ = two_readers(data)
    assert forks == 1
    assert book == one_reader(monkeypatch, data)
    assert book.read == book.valid + book.rejected > 2 * 10


def test_a_small_book_is_read_in_one_process(forks):
    book = read_address_book(quirky_book(cards=5))
    assert forks == []
    assert book.read == 9


def test_a_truncated_card_in_the_second_half_is_numbered_in_the_whole_file(monkeypatch):
    data = quirky_book()
    data += b"BEGIN:VCARD\r\nFN:Last\r\nEMAIL:last@example.org\r\n"  # no END
    message, forks, _ = two_readers(data)
    assert forks == 1
    assert message == one_reader(monkeypatch, data)
    assert message.startswith(f"fichier vCard tronqué : la fiche {one_reader(monkeypatch, quirky_book()).read + 1} ")


def test_a_card_opened_twice_in_the_second_half_is_numbered_in_the_whole_file(monkeypatch):
    lines = quirky_book().split(b"\r\n")
    lines.insert(len(lines) * 3 // 4 // 5 * 5, b"BEGIN:VCARD")  # a BEGIN inside a card, in the second half
    data = b"\r\n".join(lines)
    message, forks, _ = two_readers(data)
    assert forks == 1
    assert message == one_reader(monkeypatch, data)
    assert "tronqué" in message


def test_a_truncated_card_in_the_first_half_is_the_error_reported(monkeypatch):
    lines = quirky_book().split(b"\r\n")
    lines.insert(12, b"BEGIN:VCARD")
    data = b"\r\n".join(lines) + b"BEGIN:VCARD\r\nFN:Last\r\n"  # and one in the second half
    message, forks, _ = two_readers(data)
    assert forks == 1
    assert message == one_reader(monkeypatch, data)
    assert "tronqué : la fiche 1 (ligne 1)" in message


@pytest.mark.parametrize(("limit", "refused"), [(20, True), (30, True), (45, True), (46, False), (60, False)])
def test_the_identifier_limit_counts_both_halves_together(monkeypatch, limit, refused):
    """46 distinct identifiers, about half in each half: refused as one reader refuses them."""
    data = quirky_book()
    result, forks, _ = two_readers(data, max_identifiers=limit)
    assert forks == 1
    monkeypatch.setattr(addressbook, "MAX_IDENTIFIERS", limit)
    assert result == one_reader(monkeypatch, data)
    assert (result == f"le carnet contient plus de {limit} adresses e-mail et numéros : découpez-le") == refused


def test_the_identifier_limit_comes_before_a_later_truncated_card(monkeypatch):
    data = quirky_book() + b"BEGIN:VCARD\r\nFN:Last\r\n"
    result, forks, _ = two_readers(data, max_identifiers=30)
    assert forks == 1
    monkeypatch.setattr(addressbook, "MAX_IDENTIFIERS", 30)
    assert result == one_reader(monkeypatch, data)
    assert "plus de 30 adresses" in result


def test_progress_reaches_the_whole_book():
    book, forks, calls = two_readers(quirky_book())
    assert forks == 1
    assert calls[0] == (0, book.read) and calls[-1] == (book.read, book.read)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_a_process_with_other_threads_reads_in_one_process(forks):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        book = read_address_book(quirky_book())
    finally:
        stop.set()
        other.join()
    assert forks == []
    assert book.read > 10


def test_a_refused_fork_reads_the_book_in_this_process(monkeypatch):
    data = quirky_book()
    book, forks, _ = two_readers(data, patch="refused fork")
    assert forks == 1
    assert book == one_reader(monkeypatch, data)


def test_a_dead_second_reader_leaves_its_half_to_this_process(monkeypatch):
    data = quirky_book()
    book, forks, _ = two_readers(data, patch="dead reader")
    assert forks == 1
    assert book == one_reader(monkeypatch, data)
