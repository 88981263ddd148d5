"""The address-book benchmark: its generated books read entirely, and its command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphsvc import bench_addressbook
from graphsvc.addressbook import read_address_book
from graphsvc.cli import cli


@pytest.mark.parametrize("book_format", bench_addressbook.FORMATS)
def test_generated_books_are_read_whole_in_their_format(book_format):
    book = read_address_book(bench_addressbook.sample_book(book_format, 120))
    assert (book.format, book.read, book.valid) == (book_format, 120, 120)
    assert book.contacts[7].emails == ("jean7@example.org",)
    assert book.contacts[7].phones == ("+33199000007",)
    assert len({c.phones for c in book.contacts}) == 120


def test_bench_addressbook_prints_one_json_object():
    result = CliRunner().invoke(cli, ["bench", "addressbook", "--contacts", "50", "--repeat", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(r["format"], r["contacts"], r["valid"]) for r in report["readings"]] == [
        ("vcard", 50, 50),
        ("outlook_csv", 50, 50),
    ]
    assert report["machine"]["nproc"] >= 1
