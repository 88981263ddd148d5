"""The e-mail digest on every backend: unread notifications grouped into one
message (plain text and HTML, hostile strings escaped in HTML), the opt-out,
each notification in one digest only, and `coopol digest send` writing `.eml`
files into the outbox."""

from __future__ import annotations

import email
import json
from email import policy

import pytest
from click.testing import CliRunner

from graphsvc import accounts, coopains, digest, notifications
from graphsvc.cli import Context, cli
from tests.fixtures.web import make_member, make_section

BASE = "https://coopol.example"


@pytest.fixture
def people(store):
    make_section(store)
    made = {name: make_member(store, email=f"{name}@example.org", first_name=name.capitalize(), last_name="Test",
                              visibility="members")
            for name in ("alice", "bruno", "chloe")}
    return store, {name: m.id for name, m in made.items()}


def read_outbox(folder) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(path.read_bytes(), policy=policy.default) for path in sorted(folder.glob("*.eml"))]


def test_a_digest_groups_the_unread_notifications(people):
    store, p = people
    coopains.request(store, p["bruno"], p["alice"])
    notifications.notify(store, [p["alice"]], "comment", actor_id=p["chloe"], subject_id="x",
                         subject_title="<b>Tractage</b> & café", url="/publications/x#commentaires")
    found = digest.build_digest(store, p["alice"], 0, base_url=BASE)
    assert found.count == 2 and found.to == "alice@example.org" and found.language == "fr"
    assert [g.key for g in found.groups] == ["conversations", "coopains"]
    assert found.subject == "Coopol : 2 notifications non lues"
    assert "Chloe Test a commenté « <b>Tractage</b> & café »" in found.text
    assert f"{BASE}/publications/x#commentaires" in found.text
    assert "Bruno Test vous propose de devenir coopains" in found.text
    assert "&lt;b&gt;Tractage&lt;/b&gt; &amp; café" in found.html and "<b>Tractage" not in found.html
    assert f'href="{BASE}/coopains/demandes"' in found.html


def test_no_digest_without_news_when_read_or_after_opting_out(people):
    store, p = people
    assert digest.build_digest(store, p["alice"], 0) is None
    notifications.notify(store, [p["alice"]], "comment", actor_id=p["bruno"])
    assert digest.build_digest(store, p["alice"], accounts.now_ms() + 1) is None  # older than `since`
    digest.set_preference(store, p["alice"], "never")
    assert digest.preference(store, p["alice"]) == "never"
    assert digest.build_digest(store, p["alice"], 0) is None
    digest.set_preference(store, p["alice"], "daily", language="en")
    assert digest.build_digest(store, p["alice"], 0).language == "en"
    notifications.mark_read(store, p["alice"], "all")
    assert digest.build_digest(store, p["alice"], 0) is None
    with pytest.raises(Exception, match="résumé"):
        digest.set_preference(store, p["alice"], "hourly")
    assert digest.build_digest(store, "nobody", 0) is None


def test_sending_writes_one_message_each_and_never_twice(people, tmp_path):
    store, p = people
    notifications.notify(store, [p["alice"], p["bruno"]], "event_created", actor_id=p["chloe"],
                         subject_title="Réunion de section", url="/evenements/e1")
    digest.set_preference(store, p["bruno"], "never")
    outbox = digest.OutboxMailer(tmp_path / "outbox")
    dry = digest.send_digests(store, outbox, since=0, sender="Coopol <noreply@example.org>", base_url=BASE,
                              dry_run=True)
    assert dry.members == (p["alice"],) and not (tmp_path / "outbox").exists()
    report = digest.send_digests(store, outbox, since=0, sender="Coopol <noreply@example.org>", base_url=BASE)
    assert report.members == (p["alice"],)
    [message] = read_outbox(tmp_path / "outbox")
    assert message["To"] == "Alice Test <alice@example.org>" and message["Subject"] == "Coopol : 1 notification non lue"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Nouvel événement : « Réunion de section », par Chloe Test" in text and f"{BASE}/evenements/e1" in text
    assert f'<a href="{BASE}/evenements/e1"' in html
    again = digest.send_digests(store, outbox, since=0, sender="Coopol <noreply@example.org>", base_url=BASE)
    assert again.sent == 0 and len(read_outbox(tmp_path / "outbox")) == 1


def test_the_command_sends_into_the_instance_outbox(people, tmp_path, monkeypatch):
    store, p = people
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    notifications.notify(store, [p["alice"]], "comment", actor_id=p["bruno"], subject_title="Tractage")
    env = {"COOPOL_INSTANCE": str(tmp_path / "instance"), "COOPOL_BASE_URL": BASE}
    dry = CliRunner().invoke(cli, ["digest", "send", "--dry-run", "--json"], env=env)
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.output) == {"sent": 0, "due": 1, "dry_run": True, "to": str(tmp_path / "instance" / "outbox")}
    done = CliRunner().invoke(cli, ["digest", "send", "--since-hours", "2"], env=env)
    assert done.exit_code == 0 and "1 digest(s) sent" in done.output
    [message] = read_outbox(tmp_path / "instance" / "outbox")
    assert BASE in message.get_body(("plain",)).get_content()


def test_an_smtp_url_is_checked():
    with pytest.raises(Exception, match="COOPOL_SMTP_URL"):
        digest.SmtpMailer("http://mail.example.org")
    assert digest.SmtpMailer("smtps://user:pw@mail.example.org:465").url.startswith("smtps://")


def test_the_conversations_benchmark_times_the_three_paths(people):
    from graphsvc import bench_conversations

    store, _ = people
    result = bench_conversations.run(store, followers=5, held=7, runs=3)
    assert (result.followers, result.notifications, result.notified_per_comment) == (5, 7, 5)
    assert [t.queries for t in (result.unread_count, result.list_first_page, result.comment_fan_out)] == [3, 3, 3]


def test_the_purge_command(people, monkeypatch):
    store, p = people
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    notifications.notify(store, [p["alice"]], "comment", actor_id=p["bruno"])
    done = CliRunner().invoke(cli, ["notifications", "purge", "--days", "30"])
    assert done.exit_code == 0 and "0 notification(s) older than 30 days deleted" in done.output
    assert notifications.unread_count(store, p["alice"]) == 1
