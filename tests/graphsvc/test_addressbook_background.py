"""A big vCard book is checked, then read in a forked process a batch ahead of the caller: every refusal is
made by the check, before any batch, with one reader's message; the batches are those of one process."""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from graphsvc import addressbook
from graphsvc.addressbook import Contact, check_address_book, read_address_book
from graphsvc.errors import Invalid

FIXTURES = Path(__file__).parents[1] / "fixtures" / "addressbooks"
CARDS = 40  # the books below, read in the background from 10 cards
SIZE = 7  # entries per batch: the last batch is a short one


def quirky_book(cards: int = CARDS) -> bytes:
    """Cards of every export the fixtures hold (folded lines, quoted-printable soft breaks, photos, faxes,
    item groups), each card's identifiers made distinct; 9 cards of 128 lines, repeated."""
    text = "".join((FIXTURES / name).read_bytes().decode(encoding) for name, encoding in
                   (("apple_v30.vcf", "utf-8"), ("android_v21.vcf", "utf-8"), ("outlook.vcf", "cp1252")))
    return "".join(text.replace("@example.org", f"@n{i}.example.org").replace("01 99", f"01 {i % 90 + 10}")
                   for i in range(cards // 9 + 1)).encode()


def contents(batch: list[Contact]) -> list[tuple]:
    return [tuple(contact.__dict__.values()) for contact in batch]


def tagged(batch: list[Contact]) -> tuple[int, list[tuple]]:
    """What `then` makes of a batch: the process that read it, and its contacts."""
    return os.getpid(), contents(batch)


def padded(batch: list[Contact]) -> bytes:
    """A batch bigger than a pipe holds: the reader waits, alive, for the caller to take it."""
    return b"x" * 1_000_000


def one_process(data: bytes) -> list[list[tuple]]:
    """The batches this process reads (the test session has other threads: no fork)."""
    return [contents(batch) for batch in check_address_book(data).batches(SIZE)]


def in_background(data: bytes, scenario: str = ""):
    """Read in a fresh process of one thread, as a command or a web worker reads (the test session runs
    other threads, and a process with other threads is not forked): that process's pid, the batches
    (pid of the process that read each, contacts), the progress reported."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as fresh:
        return fresh.submit(_read_in_background, data, scenario).result()


def refused_fork():
    raise BlockingIOError(11, "Resource temporarily unavailable")


def send_one_batch_then_die(reader, cards, size, then, sending):
    sending.send(then(reader.entries(cards[:size])))
    os._exit(1)


def _read_in_background(data: bytes, scenario: str):
    addressbook.PARALLEL_CARDS = 10
    if scenario == "refused fork":
        os.fork = refused_fork
    if scenario == "dead reader":
        addressbook._send_batches = send_one_batch_then_die
    stop = threading.Event()
    if scenario == "other thread":
        threading.Thread(target=stop.wait, daemon=True).start()
    progress: list[tuple[int, int]] = []
    try:
        book = check_address_book(data, progress=lambda done, total: progress.append((done, total)))
        return os.getpid(), list(book.batches(SIZE, background=True, then=tagged)), progress
    finally:
        stop.set()


def _stop_after_first_batch(data: bytes):
    addressbook.PARALLEL_CARDS = 10
    batches = check_address_book(data).batches(SIZE, background=True, then=padded)
    next(batches)
    reading = len(multiprocessing.active_children())
    batches.close()
    return reading, multiprocessing.active_children()


def truncated(card: int, line: int) -> str:
    return f"fichier vCard tronqué : la fiche {card} (ligne {line}) n'a pas de fin (END:VCARD)"


def too_many(limit: int) -> str:
    return f"le carnet contient plus de {limit} adresses e-mail et numéros : découpez-le"


def open_card(lines: list[bytes], before: int) -> tuple[int, int]:
    """(number, line) of the card open at line index `before`, counted in the whole file."""
    begins = [i for i in range(before) if re.fullmatch(rb"BEGIN:VCARD", lines[i], re.IGNORECASE)]
    return len(begins), begins[-1] + 1


def test_a_big_book_read_in_the_background_gives_the_batches_of_one_process():
    data = quirky_book()
    pid, batches, _ = in_background(data)
    assert [batch for _, batch in batches] == one_process(data)
    assert len(batches) == -(-45 // SIZE) > 2
    readers = {reader for reader, _ in batches}
    assert len(readers) == 1 and pid not in readers  # read by another process


@pytest.mark.parametrize(("data", "scenario"), [(quirky_book(cards=5), ""), (quirky_book(), "other thread")],
                         ids=["small book", "other thread"])
def test_a_small_book_or_a_process_with_other_threads_reads_in_this_process(data, scenario):
    pid, batches, _ = in_background(data, scenario)
    assert [batch for _, batch in batches] == one_process(data)
    assert {reader for reader, _ in batches} == {pid}


def test_a_truncated_card_in_the_second_half_is_refused_by_the_check():
    book = quirky_book()
    data = book + b"BEGIN:VCARD\r\nFN:Last\r\nEMAIL:last@example.org\r\n"  # no END
    with pytest.raises(Invalid) as refused:
        check_address_book(data)
    assert str(refused.value) == truncated(45 + 1, book.count(b"\n") + 1)


def test_a_card_opened_twice_in_the_second_half_is_refused_by_the_check():
    lines = quirky_book().split(b"\r\n")
    at = [i for i, line in enumerate(lines) if line == b"END:VCARD"][35]  # inside the 36th card of 45
    lines.insert(at, b"BEGIN:VCARD")
    with pytest.raises(Invalid) as refused:
        check_address_book(b"\r\n".join(lines))
    card, line = open_card(lines, at)
    assert card == 36
    assert str(refused.value) == truncated(card, line)


def test_a_truncated_card_in_the_first_half_is_the_one_reported():
    lines = quirky_book().split(b"\r\n")
    lines.insert(12, b"BEGIN:VCARD")
    data = b"\r\n".join(lines) + b"BEGIN:VCARD\r\nFN:Last\r\n"  # and one at the end
    with pytest.raises(Invalid) as refused:
        check_address_book(data)
    assert str(refused.value) == truncated(1, 1)


@pytest.mark.parametrize(("limit", "refused"),
                         [(20, True), (45, True), (46, False), (60, False), (99, False), (100, False), (200, False)])
def test_the_identifier_limit_is_refused_by_the_check(monkeypatch, limit, refused):
    """46 distinct identifiers in 100 lines (up to 99, the check reads the contacts): refused by the check
    exactly when reading refuses."""
    data = quirky_book()
    monkeypatch.setattr(addressbook, "MAX_IDENTIFIERS", limit)
    try:
        read_address_book(data)
    except Invalid as error:
        assert str(error) == too_many(limit)
        with pytest.raises(Invalid) as checked:
            check_address_book(data)
        assert str(checked.value) == too_many(limit)
        assert refused
    else:
        assert not refused
        assert [contents(batch) for batch in check_address_book(data).batches(SIZE)] == one_process(data)


def test_the_identifier_limit_comes_before_a_later_truncated_card(monkeypatch):
    data = quirky_book() + b"BEGIN:VCARD\r\nFN:Last\r\n"
    monkeypatch.setattr(addressbook, "MAX_IDENTIFIERS", 30)
    with pytest.raises(Invalid) as refused:
        check_address_book(data)
    assert str(refused.value) == too_many(30)


def test_progress_of_the_check_and_the_background_reaches_the_whole_book():
    pid, batches, calls = in_background(quirky_book())
    assert pid not in {reader for reader, _ in batches}
    assert calls[0] == (0, 45) and calls[-1] == (45, 45)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_a_refused_fork_reads_the_book_in_this_process():
    data = quirky_book()
    pid, batches, calls = in_background(data, "refused fork")
    assert [batch for _, batch in batches] == one_process(data)
    assert {reader for reader, _ in batches} == {pid}
    assert calls[-1] == (45, 45)


def test_a_dead_reader_leaves_the_remaining_batches_to_this_process():
    data = quirky_book()
    pid, batches, calls = in_background(data, "dead reader")
    assert [batch for _, batch in batches] == one_process(data)
    readers = [reader for reader, _ in batches]
    assert readers[0] != pid and readers[1:] == [pid] * (len(batches) - 1)
    assert calls[-1] == (45, 45)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_a_caller_stopping_early_leaves_no_reader_alive():
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as fresh:
        reading, left = fresh.submit(_stop_after_first_batch, quirky_book()).result()
    assert reading == 1
    assert left == []
