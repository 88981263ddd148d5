"""Comments, notifications and moderation through the Flask test client: the
real forms (CSRF), the header's unread count, marking read with and without
JavaScript, hostile text escaped, refusals shown with nothing stored."""

from __future__ import annotations

import re

import pytest

from graphsvc import admins, comments, coopains, moderation, notifications, posts
from tests.fixtures.web import csrf_token, make_member, make_section


@pytest.fixture
def people(falkordb_store):
    store = falkordb_store
    make_section(store, "sec-69384", "Lyon 4e", "69", "Rhône")
    made = {name: make_member(store, "sec-69384", email=f"{name}@example.org", first_name=name.capitalize(),
                              last_name="Test", visibility="members")
            for name in ("alice", "bruno", "manon")}
    ids = {name: m.id for name, m in made.items()}
    admins.bootstrap(store, ids["manon"], "section", "sec-69384")
    ids["post"] = posts.create(store, ids["alice"], "sec-69384", "Tractage dimanche, qui vient ?").id
    return ids


def comment(client, post_id, text):
    page = f"/publications/{post_id}"
    return client.post(f"/conversations/{post_id}/commentaires",
                       data={"csrf_token": csrf_token(client, page), "text": text, "next": page})


@pytest.mark.parametrize("method, url", [
    ("get", "/notifications"),
    ("post", "/notifications/x/lue"),
    ("post", "/notifications/tout-lu"),
    ("post", "/notifications/resume"),
    ("post", "/conversations/x/commentaires"),
    ("post", "/conversations/x/suivre"),
    ("post", "/conversations/x/ne-plus-suivre"),
    ("get", "/commentaires/x/modifier"),
    ("post", "/commentaires/x/supprimer"),
    ("get", "/moderation/x"),
    ("get", "/moderation/journal"),
])
def test_every_conversation_page_refuses_an_anonymous_visitor(client, method, url):
    data = {"csrf_token": csrf_token(client, "/connexion")} if method == "post" else None
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


def test_a_comment_shows_under_the_post_and_the_author_sees_the_count_and_the_notification(
        auth, client, falkordb_store, people):
    auth.login("bruno@example.org")
    sent = comment(client, people["post"], "J'apporte les tracts <b>et le café</b>")
    assert sent.status_code == 303 and "#commentaire-" in sent.headers["Location"]
    page = client.get(f"/publications/{people['post']}").get_data(as_text=True)
    assert "J&#39;apporte les tracts &lt;b&gt;et le café&lt;/b&gt;" in page
    assert "Suivi : ne plus suivre" in page  # commenting follows
    auth.logout()

    auth.login("alice@example.org")
    home = client.get("/fil").get_data(as_text=True)
    link = re.search(r'<a href="/notifications" class="notifications-link">.*?</a>', home, re.S).group(0)
    assert '<span class="visually-hidden">Notifications</span>' in link
    assert re.search(r'data-unread-badge title="1 notification non lue">1</span>', link)
    listing = client.get("/notifications").get_data(as_text=True)
    assert "Bruno Test a commenté « Tractage dimanche, qui vient ? »" in listing
    assert f'href="/publications/{people["post"]}#commentaires"' in listing
    assert "is-unread" in listing


def test_marking_one_read_without_javascript_then_all_with_it(auth, client, falkordb_store, people):
    for _ in range(2):
        notifications.notify(falkordb_store, [people["alice"]], "comment", actor_id=people["bruno"],
                             subject_id=people["post"], subject_title="Tractage", url=f"/publications/{people['post']}")
    auth.login("alice@example.org")
    first = notifications.list_notifications(falkordb_store, people["alice"]).items[0]
    token = csrf_token(client, "/notifications")
    done = client.post(f"/notifications/{first.id}/lue", data={"csrf_token": token, "next": "/notifications"})
    assert done.status_code == 303 and done.headers["Location"] == "/notifications"
    assert notifications.unread_count(falkordb_store, people["alice"]) == 1
    answer = client.post("/notifications/tout-lu", data={"csrf_token": token}, headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.get_json() == {"unread": 0, "marked": 1}
    page = client.get("/notifications").get_data(as_text=True)
    assert "is-unread" not in page and "data-unread-badge" not in page


def test_marking_someone_elses_notification_is_refused(auth, client, falkordb_store, people):
    notifications.notify(falkordb_store, [people["bruno"]], "comment", actor_id=people["alice"])
    [theirs] = notifications.list_notifications(falkordb_store, people["bruno"]).items
    auth.login("alice@example.org")
    answer = client.post(f"/notifications/{theirs.id}/lue", data={"csrf_token": csrf_token(client, "/notifications")})
    assert answer.status_code == 404
    assert notifications.unread_count(falkordb_store, people["bruno"]) == 1


def test_a_coopain_request_and_its_acceptance_are_notified(auth, client, falkordb_store, people):
    coopains.request(falkordb_store, people["alice"], people["bruno"])
    coopains.accept(falkordb_store, people["bruno"], people["alice"])
    auth.login("alice@example.org")
    page = client.get("/notifications").get_data(as_text=True)
    assert "Bruno Test a accepté votre demande : vous êtes coopains" in page
    auth.logout()
    auth.login("bruno@example.org")
    assert "Alice Test vous propose de devenir coopains" in client.get("/notifications").get_data(as_text=True)


def test_notifications_read_in_english(auth, client, falkordb_store, people):
    notifications.notify(falkordb_store, [people["alice"]], "comment", actor_id=people["bruno"],
                         subject_title="<script>x</script>")
    auth.login("alice@example.org")
    client.set_cookie("coopol_lang", "en")
    page = client.get("/notifications").get_data(as_text=True)
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page


def test_a_bad_comment_is_refused_with_a_message_and_nothing_stored(auth, client, falkordb_store, people):
    auth.login("bruno@example.org")
    for text in ("   ", "x" * 100_000):
        answer = comment(client, people["post"], text)
        assert answer.status_code == 303
        assert "refusé" in client.get(answer.headers["Location"]).get_data(as_text=True)
    assert comments.thread(falkordb_store, people["alice"], people["post"]).items == ()
    unknown = comment(client, "no-such-post", "Bonjour")
    assert unknown.status_code == 404


def test_follow_and_unfollow_buttons(auth, client, falkordb_store, people):
    auth.login("bruno@example.org")
    page = f"/publications/{people['post']}"
    client.post(f"/conversations/{people['post']}/suivre", data={"csrf_token": csrf_token(client, page), "next": page})
    assert notifications.is_following(falkordb_store, people["bruno"], people["post"])
    client.post(f"/conversations/{people['post']}/ne-plus-suivre",
                data={"csrf_token": csrf_token(client, page), "next": page})
    assert not notifications.is_following(falkordb_store, people["bruno"], people["post"])


def test_editing_and_deleting_ones_comment(auth, client, falkordb_store, people):
    made = comments.add(falkordb_store, people["bruno"], people["post"], "Premier jet").comment
    auth.login("bruno@example.org")
    url = f"/commentaires/{made.id}/modifier"
    assert client.post(url, data={"csrf_token": csrf_token(client, url), "text": "Corrigé"}).status_code == 303
    assert comments.get(falkordb_store, people["bruno"], made.id).text == "Corrigé"
    page = f"/publications/{people['post']}"
    client.post(f"/commentaires/{made.id}/supprimer", data={"csrf_token": csrf_token(client, page)})
    assert comments.thread(falkordb_store, people["alice"], people["post"]).items == ()
    auth.logout()


def test_a_manager_hides_a_comment_with_a_reason_and_the_log_shows_it(auth, client, falkordb_store, people):
    made = comments.add(falkordb_store, people["bruno"], people["post"], "Un propos hors charte").comment
    auth.login("alice@example.org")
    assert client.get(f"/moderation/{made.id}").status_code == 403
    auth.logout()
    auth.login("manon@example.org")
    url = f"/moderation/{made.id}"
    refused = client.post(url, data={"csrf_token": csrf_token(client, url), "reason": ""})
    assert refused.status_code == 400 and not moderation.target(falkordb_store, made.id).hidden
    done = client.post(url, data={"csrf_token": csrf_token(client, url), "reason": "Attaque personnelle"})
    assert done.status_code == 303
    assert moderation.target(falkordb_store, made.id).hidden
    page = client.get(f"/publications/{people['post']}").get_data(as_text=True)
    assert "Masqué par la modération" in page and "Attaque personnelle" in page
    log = client.get("/moderation/journal").get_data(as_text=True)
    assert "Attaque personnelle" in log and "Manon Test" in log
    auth.logout()
    auth.login("alice@example.org")
    assert "Un propos hors charte" not in client.get(f"/publications/{people['post']}").get_data(as_text=True)
    assert client.get("/moderation/journal").status_code == 403


def test_the_digest_choice_is_saved(auth, client, falkordb_store, people):
    from graphsvc import digest

    auth.login("alice@example.org")
    answer = client.post("/notifications/resume", data={"csrf_token": csrf_token(client, "/notifications"),
                                                         "digest": "never"})
    assert answer.status_code == 303
    assert digest.preference(falkordb_store, people["alice"]) == "never"
    bad = client.post("/notifications/resume", data={"csrf_token": csrf_token(client, "/notifications"),
                                                      "digest": "hourly"})
    assert bad.status_code == 400 and digest.preference(falkordb_store, people["alice"]) == "never"


def test_comments_under_an_event_and_a_login_link_for_visitors(auth, client, falkordb_store, people):
    from graphsvc import accounts, events

    start = accounts.now_ms() + 48 * 3600 * 1000
    event = events.create(falkordb_store, people["manon"], "sec-69384", events.EventInput(
        "Porte-à-porte", start, start + 7200 * 1000, place="Place Sathonay"))
    anonymous = client.get(f"/evenements/{event.id}").get_data(as_text=True)
    assert "pour lire les commentaires et participer" in anonymous
    auth.login("bruno@example.org")
    page = f"/evenements/{event.id}"
    sent = client.post(f"/conversations/{event.id}/commentaires",
                       data={"csrf_token": csrf_token(client, page), "text": "Je prends la rue Royale", "next": page})
    assert sent.status_code == 303 and sent.headers["Location"].startswith(page + "#commentaire-")
    assert "Je prends la rue Royale" in client.get(page).get_data(as_text=True)
    assert [n.kind for n in notifications.list_notifications(falkordb_store, people["manon"]).items] == ["comment"]


def test_commenting_is_rate_limited_per_member(make_app, falkordb_store, people):
    from tests.fixtures.web import AuthActions

    client = make_app(COOPOL_COMMENT_LIMIT_ACCOUNT="2 per hour").test_client()
    AuthActions(client).login("bruno@example.org")
    answers = [comment(client, people["post"], f"message {i}").status_code for i in range(3)]
    assert answers == [303, 303, 429]
    assert len(comments.thread(falkordb_store, people["alice"], people["post"]).items) == 2
