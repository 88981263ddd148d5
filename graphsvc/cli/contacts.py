"""coopol import-contacts, purge-contacts, contacts rehash, bench contacts: address books (issue 5)."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import click

from graphsvc import addressbook, contacts, identity
from graphsvc.cli import cli
from graphsvc.cli.bench import bench, bench_graph, measured_on, server_cpu
from graphsvc.cli.seed import progress_bar
from graphsvc.config import instance_secret
from graphsvc.errors import Invalid, NotFound, StoreError
from graphsvc.store import redact

RETENTION_ENV = "COOPOL_CONTACTS_RETENTION_DAYS"


def contacts_key(obj) -> str:
    """The contacts' hashing key: `COOPOL_CONTACTS_KEY`, else generated once into the instance folder."""
    return instance_secret(obj.settings.instance_path, "contacts_key")


def _member_id(store, value: str) -> str:
    if "@" in value:
        try:
            rows = store.read("members/get_by_email", email=identity.normalise_email(value))
        except Invalid:
            rows = []
        if not rows:
            raise click.ClickException(f"no member with the e-mail {value!r}")
        return rows[0]["id"]
    return value


def _read_book(file: Path, region: str, progress) -> addressbook.CheckedBook:
    size = file.stat().st_size
    if size > addressbook.MAX_BYTES:  # refused before reading a byte
        raise click.ClickException(
            f"{file.name}: le fichier dépasse {addressbook.MAX_BYTES // (1024 * 1024)} Mo : découpez votre carnet d'adresses"
        )
    try:
        return addressbook.check_address_book(file.read_bytes(), region=region, names=False,
                                              progress=lambda done, total: progress("read", done, total))
    except Invalid as exc:
        raise click.ClickException(f"{file.name}: {exc} (rien n'a été importé)") from None


@cli.command("import-contacts")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--member", "member", required=True, help="The importing member: id or e-mail.")
@click.option("--region", default="FR", show_default=True, help="Country of phone numbers written without +.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_obj
def import_contacts_cmd(obj, file, member, region, as_json, quiet):
    """Import an address book (vCard, Google, Outlook or LinkedIn CSV) for a member.

    Only keyed hashes of the e-mails and phones are kept; prints the members
    found. The operator imports on the member's behalf: no consent asked, no
    rate limit."""
    store = obj.store
    member_id = _member_id(store, member)
    with progress_bar(not quiet) as progress:
        book = _read_book(file, region, progress)
        try:
            result = contacts.import_contacts(store, contacts_key(obj), member_id, book, require_consent=False,
                                              progress=progress)
        except NotFound:
            raise click.ClickException(f"no active member {member!r}") from None
    if as_json:
        click.echo(json.dumps({"format": result.format, "encoding": result.encoding, "read": result.read,
                               "valid": result.valid, "rejected": result.rejected,
                               "identifiers": result.identifiers, "matched": result.matched_ids}))
        return
    click.echo(f"{file.name}: {result.format} ({result.encoding}), {result.read} contacts read, {result.valid} valid, "
               f"{result.rejected} rejected; {result.identifiers} hashes kept; {len(result.matched)} members found.")
    for match in result.matched:
        click.echo(f"  {match.id}  {match.display_name} ({match.section_name})")


@cli.command("purge-contacts")
@click.option("--older-than-days", type=click.IntRange(0, 100_000), default=None,
              help=f"Retention period (default: ${RETENTION_ENV}, else {contacts.RETENTION_DAYS}).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def purge_contacts_cmd(obj, older_than_days, as_json):
    """Delete address-book hashes imported longer ago than the retention period,
    then every hash nobody refers to any more."""
    if older_than_days is None:
        raw = os.environ.get(RETENTION_ENV, str(contacts.RETENTION_DAYS))
        if not raw.isdigit():
            raise click.ClickException(f"{RETENTION_ENV} must be a number of days, not {raw!r}")
        older_than_days = int(raw)
    purged = contacts.purge(obj.store, older_than_days)
    if as_json:
        click.echo(json.dumps({"older_than_days": older_than_days, "links": purged.links, "hashes": purged.hashes}))
    else:
        click.echo(f"{purged.links} address-book links older than {older_than_days} days and "
                   f"{purged.hashes} hashes nobody refers to were deleted.")


@cli.group("contacts")
def contacts_group() -> None:
    """Address-book hashes."""


@contacts_group.command("rehash")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_obj
def rehash_cmd(obj, as_json, quiet):
    """Hash every member's own e-mail and phone with the current key (a graph
    made before address books, or a new key). Safe to repeat."""
    with progress_bar(not quiet and not as_json) as progress:
        done = contacts.rehash(obj.store, contacts_key(obj), progress)
    if as_json:
        click.echo(json.dumps({"members": done}))
    else:
        click.echo(f"{done} members' identifiers hashed.")


# --- bench contacts -------------------------------------------------------------------


def _await_schema(store, attempts: int = 30) -> None:
    for _ in range(attempts):
        try:
            store.apply_schema()
            return
        except StoreError:
            continue
    raise click.ClickException("the graph's uniqueness constraints were not built in time")


def _vcard(index: int, emails: list[str], phones: list[str]) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:Contact {index}", f"N:{index};Contact;;;"]
    lines += [f"EMAIL;TYPE=INTERNET:{e}" for e in emails] + [f"TEL;TYPE=CELL:{p}" for p in phones]
    return "\r\n".join(lines + ["END:VCARD"]) + "\r\n"


def bench_book(people: list[tuple], contacts_count: int, share: float, seed: int) -> bytes:
    """A vCard file of `contacts_count` contacts: a `share` of them members
    (their e-mail, and phone when they have one), the rest strangers."""
    rng = random.Random(seed)
    known = rng.sample(people, min(len(people), round(contacts_count * share)))
    cards = [_vcard(i, [email], [phone] if phone else []) for i, (_, email, phone) in enumerate(known)]
    for i in range(len(known), contacts_count):
        cards.append(_vcard(i, [f"stranger{i}@example.net"], [f"+3361{rng.randrange(10**7):07d}"] if i % 2 else []))
    rng.shuffle(cards)
    return "".join(cards).encode()


@bench.command("contacts")
@click.option("--members", type=click.IntRange(2, 10_000_000), default=1_000_000, show_default=True,
              help="Members loaded, each with the hashes of their e-mail and phone.")
@click.option("--contacts", "contacts_count", type=click.IntRange(1, addressbook.MAX_CONTACTS), default=10_000,
              show_default=True, help="Contacts in the address book imported.")
@click.option("--share", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Share of the book's contacts who are members.")
@click.option("--seed", "seed_value", type=int, default=1, show_default=True)
@click.option("--graph-url", "bench_url", default=None,
              help="Keep the members in this graph: loaded there when it holds none, reused when it holds the "
                   "network of the same --members and --seed (the import is undone after the run).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def bench_contacts_cmd(obj, members, contacts_count, share, seed_value, bench_url, as_json):
    """Load members with their identifier hashes (FalkorDB bulk loader where it
    applies) into a temporary embedded graph or the --graph-url one, then time
    the import of a vCard address book: reading it, hashing, matching, storing
    the hashes (`seconds`, end to end once uploaded)."""
    from graphsvc import bulk
    from seeds import demo

    key = "bench-contacts-key"
    with bench_graph(obj, bench_url) as (store, url, _folder), progress_bar(not as_json) as progress:
        _await_schema(store)  # a kept graph of a million members rebuilds its constraints for minutes at start
        existing = store.read("seed/count_members")[0]["members"]
        started = time.monotonic()
        if not existing:
            try:
                demo.ensure_reference_data(store)
            except NotFound:  # no reference data in this checkout: made-up sections
                demo.create_synthetic_sections(store, federations=100, sections_per_federation=40)
        network = demo.generate(demo.read_sections(store), demo.read_roles(store), members, seed_value, 0.0,
                                now_ms=int(time.time() * 1000), password_hash="bench", progress=progress)
        people = [(m[0], m[1], m[4]) for m in network.members]
        importer = people[len(people) // 2]
        if not existing:
            try:
                bulk.load_network(store, network, progress=progress, contacts_key=key)
            except StoreError:
                # The uniqueness constraints of a million members can take longer to build than the
                # store waits for on a busy machine: the members are loaded; wait for them here.
                _await_schema(store)
        else:
            found = store.read("contacts/get_member", member_id=importer[0])
            if existing != members or not found or found[0]["email"] != importer[1]:
                raise click.ClickException(f"{redact(url)} holds {existing} members, not the network of --members "
                                           f"{members} --seed {seed_value}: give an empty graph or the one built so")
            # The kept graph's append-only file holds every earlier run's import and undo: rewritten here,
            # untimed, or a FalkorDB server may start rewriting it (on 100 % growth, in a forked copy of
            # itself) during the timed import.
            store.compact()
        loaded = time.monotonic() - started
        data = bench_book(people, contacts_count, share, seed_value)
        loaded_members = len(people)
        del network, people  # a web worker holds no million members: neither does the timed import
        server_before = server_cpu(store)
        started = time.monotonic()
        book = addressbook.check_address_book(data, names=False)
        checked = time.monotonic()
        server_checked = server_cpu(store)
        batch_ends: list[float] = []  # after each batch's statement (and at the start and the end)
        result = contacts.import_contacts(store, key, importer[0], book, require_consent=False,
                                          progress=lambda stage, done, total: batch_ends.append(time.monotonic()))
        ended = time.monotonic()
        server_after = server_cpu(store)
        held = contacts.summary(store, importer[0]).held
        if bench_url:  # the kept graph as it was: the next run imports the same book again
            contacts.forget(store, importer[0])
            store.write("contacts/erase_imports", member_id=importer[0])
    report = {
        "contacts": result.valid,
        "members": loaded_members,
        "seconds": round(ended - started, 3),
        "check_seconds": round(checked - started, 3),  # decoding, finding the cards and their lines, the checks
        # the contacts read (normalised) batch by batch in a forked process while the previous batch is
        # hashed, stored and matched, the upload logged
        "import_seconds": round(ended - checked, 3),
        # the graph server's CPU (FalkorDB) while the file was checked (nothing asked of it), then during the import
        "server_cpu_check_seconds": round(server_checked - server_before, 3) if server_before is not None else None,
        "server_cpu_import_seconds": round(server_after - server_checked, 3) if server_before is not None else None,
        # each batch read (by the forked reader, meanwhile), then stored and matched; the last: the counts logged
        "batch_seconds": [round(b - a, 3) for a, b in zip(batch_ends, batch_ends[1:])],
        "book_bytes": len(data),
        "identifiers": result.identifiers,
        "members_in_book": round(contacts_count * share),
        "matched": len(result.matched),
        "hashes_held": held,
        "graph_reused": bool(existing),
        "set_up_seconds": round(loaded, 1),
        "backend": store.backend,
        "seed": seed_value,
        **measured_on(),
    }
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        click.echo(f"{report['contacts']} contacts ({report['identifiers']} identifiers) matched against "
                   f"{report['members']} members in {report['seconds']} s (checking the file {report['check_seconds']} s): "
                   f"{report['matched']} members found.")
