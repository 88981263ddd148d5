"""The e-mail digest: a member's unread notifications of the last day, grouped,
as one message with a plain-text and an HTML body, sent through one interface.

`build_digest` makes the message (None when there is nothing to say, or the
member said "never"); a `Mailer` sends it: `OutboxMailer` writes `.eml` files
into a folder (the default, and the tests), `SmtpMailer` speaks SMTP through
the standard library (`COOPOL_SMTP_URL`). `send_digests` runs the daily job
(`coopol digest send`) and remembers when each member's digest went, so
running it twice sends nothing twice.

The bodies are rendered from the web app's templates (`digest/`), in the
language the member chose with their preference, with the same sentences as
the notifications page (`notifications/_sentences.html`).

Graph: `Member.digest` ("daily", the default when missing, or "never"),
`Member.digest_language`, `Member.digest_sent_at`.
"""

from __future__ import annotations

import gettext
import html
import io
import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from graphsvc import accounts
from graphsvc.config import REPO_ROOT
from graphsvc.errors import Invalid, NotFound
from graphsvc.notifications import Notification
from graphsvc.store import Store

log = logging.getLogger(__name__)

CHOICES = ("daily", "never")
LANGUAGES = ("fr", "en")
MAX_ITEMS = 100
BATCH = 500
TEMPLATES = REPO_ROOT / "webapp" / "templates"
TRANSLATIONS = REPO_ROOT / "webapp" / "translations"
# Kinds shown together, in this order.
GROUPS = {
    "conversations": ("comment",),
    "coopains": ("coopain_request", "coopain_accepted"),
    "events": ("event_created", "task_changed", "task_message"),
    "contacts": ("contact_joined", "contact_found"),
}


@dataclass(frozen=True)
class Group:
    key: str  # one of GROUPS
    items: tuple[Notification, ...]


@dataclass(frozen=True)
class Digest:
    member_id: str
    to: str
    display_name: str
    language: str
    count: int
    newest_at: int  # the newest notification in it: the next digest starts after it
    groups: tuple[Group, ...]
    subject: str
    text: str
    html: str

    def message(self, sender: str) -> EmailMessage:
        msg = EmailMessage()
        msg["Subject"] = self.subject
        msg["From"] = sender
        msg["To"] = formataddr((self.display_name, self.to))
        msg["Date"] = format_datetime(datetime.now(timezone.utc))
        msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip(">") or None)
        msg["Auto-Submitted"] = "auto-generated"
        msg.set_content(self.text)
        msg.add_alternative(self.html, subtype="html")
        return msg


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


@dataclass
class OutboxMailer:
    """Writes each message as an `.eml` file into a folder (no mail server needed)."""

    folder: Path

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{accounts.now_ms()}-{uuid.uuid4().hex}.eml"
        tmp = self.folder / f".{name}"
        tmp.write_bytes(bytes(message))
        tmp.rename(self.folder / name)  # a reader never sees half a message


@dataclass
class SmtpMailer:
    """Sends through an SMTP server: `smtp://[user:password@]host[:25]` (STARTTLS
    when the server offers it), `smtps://…[:465]` (TLS from the start)."""

    url: str
    timeout: float = 30.0
    _parts: object = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._parts = urlsplit(self.url)
        if self._parts.scheme not in ("smtp", "smtps") or not self._parts.hostname:
            raise Invalid("COOPOL_SMTP_URL : smtp://hôte:port ou smtps://hôte:port")

    def send(self, message: EmailMessage) -> None:
        parts = self._parts
        context = ssl.create_default_context()
        if parts.scheme == "smtps":
            client = smtplib.SMTP_SSL(parts.hostname, parts.port or 465, timeout=self.timeout, context=context)
        else:
            client = smtplib.SMTP(parts.hostname, parts.port or 25, timeout=self.timeout)
        with client:
            if parts.scheme == "smtp":
                client.ehlo()
                if client.has_extn("starttls"):
                    client.starttls(context=context)
                    client.ehlo()
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(message)


def mailer_for(settings) -> Mailer:
    """SMTP when `COOPOL_SMTP_URL` is set, else the instance's outbox folder."""
    if settings.smtp_url:
        return SmtpMailer(settings.smtp_url)
    return OutboxMailer(settings.instance_path / "outbox")


# --- preference ------------------------------------------------------------------


def preference(store: Store, member_id: str) -> str:
    rows = store.read("notifications/get_digest_member", member_id=member_id)
    if not rows:
        raise NotFound("membre introuvable")
    return rows[0]["digest"]


def set_preference(store: Store, member_id: str, choice: str, language: str = "fr") -> None:
    """"daily" or "never"; the digest is written in `language` (the one the member
    uses when choosing)."""
    if choice not in CHOICES:
        raise Invalid(f"résumé : choisir parmi {', '.join(CHOICES)}")
    if language not in LANGUAGES:
        language = "fr"
    if not store.write("notifications/set_digest", member_id=member_id, digest=choice, language=language):
        raise NotFound("membre introuvable")


# --- rendering -------------------------------------------------------------------


@lru_cache(maxsize=None)
def _translations(language: str) -> gettext.NullTranslations:
    if language == "fr":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@lru_cache(maxsize=None)
def _environment(language: str):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=lambda name: bool(name) and not name.endswith("_text.html"),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(_translations(language), newstyle=True)
    env.filters["plain"] = _plain
    return env


def _plain(value: object) -> str:
    """The text of what an escaping (HTML) template rendered, for the plain-text body."""
    return html.unescape(str(value))


def _groups(items: list[Notification]) -> tuple[Group, ...]:
    found = []
    for key, kinds in GROUPS.items():
        members_of = tuple(n for n in items if n.kind in kinds)
        if members_of:
            found.append(Group(key, members_of))
    return tuple(found)


def build_digest(store: Store, member_id: str, since: int, *, base_url: str = "http://127.0.0.1:5000") -> Digest | None:
    """The digest of a member's unread notifications newer than `since` (epoch
    ms) and than their last digest; None when there is none or they opted out."""
    rows = store.read("notifications/get_digest_member", member_id=member_id)
    if not rows or rows[0]["digest"] == "never" or not rows[0]["email"]:
        return None
    member = rows[0]
    start = max(since, member["sent_at"] or 0)
    items = [Notification(**row) for row in store.read("notifications/list_unread_since", member_id=member["id"],
                                                        since=start, limit=MAX_ITEMS)]
    if not items:
        return None
    language = member["language"] if member["language"] in LANGUAGES else "fr"
    env = _environment(language)
    groups = _groups(items)
    context = {"name": member["display_name"] or "", "count": len(items), "groups": groups,
               "base_url": base_url.rstrip("/"), "language": language}
    return Digest(
        member_id=member["id"],
        to=member["email"],
        display_name=member["display_name"] or "",
        language=language,
        count=len(items),
        newest_at=max(n.at for n in items),
        groups=groups,
        subject=env.get_template("digest/subject_text.html").render(context).strip(),
        text=env.get_template("digest/email_text.html").render(context),
        html=env.get_template("digest/email.html").render(context),
    )


@dataclass(frozen=True)
class Report:
    sent: int
    members: tuple[str, ...]  # the ids the digest went (or, dry, would go) to


def send_digests(store: Store, mailer: Mailer, *, since: int, sender: str, base_url: str,
                 dry_run: bool = False) -> Report:
    """Send every due digest (members with unread notifications newer than
    `since`); each sent digest is remembered, so a second run sends nothing."""
    done: list[str] = []
    after = ""
    while True:
        batch = [r["id"] for r in store.read("notifications/list_digest_recipients", since=since, after_id=after,
                                             limit=BATCH)]
        for member_id in batch:
            found = build_digest(store, member_id, since, base_url=base_url)
            if found is None:
                continue
            if not dry_run:
                mailer.send(found.message(sender))
                store.write("notifications/set_digest_sent", member_id=member_id, now=found.newest_at)
            done.append(member_id)
        if len(batch) < BATCH:
            break
        after = batch[-1]
    log.info("digest: %d %s", len(done), "would be sent" if dry_run else "sent")
    return Report(len(done), tuple(done))
