"""The feed and post pages through the Flask test client: posting with the
real form (CSRF), players from the allow-list, escaped hostile text, the
cursor's "Voir plus", refusals shown as messages with nothing stored."""

from __future__ import annotations

import re

import pytest

from graphsvc import admins, coopains, posts
from tests.fixtures.web import csrf_token, make_member, make_section


@pytest.fixture
def people(falkordb_store):
    store = falkordb_store
    make_section(store)
    make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    made = {
        "alice": make_member(store, email="alice@example.org", first_name="Alice", last_name="Arnaud", visibility="members"),
        "bruno": make_member(store, email="bruno@example.org", first_name="Bruno", last_name="Bernard", visibility="members"),
        "paul": make_member(store, "sec-75101", email="paul@example.org", first_name="Paul", last_name="Parisien",
                            visibility="members"),
    }
    return {name: m.id for name, m in made.items()}


def publish(client, data, page="/fil"):
    return client.post("/publications", data={"csrf_token": csrf_token(client, page), **data})


def post_count(store) -> int:
    return sum(r["count"] for r in store.read("admin/stats_labels") if r["label"] == "Post")


@pytest.mark.parametrize("method, url", [
    ("get", "/fil"),
    ("get", "/fil/sec-69266"),
    ("post", "/publications"),
    ("get", "/publications/x"),
    ("get", "/publications/x/modifier"),
    ("post", "/publications/x/supprimer"),
])
def test_every_feed_and_post_page_refuses_an_anonymous_visitor(client, method, url):
    data = {"csrf_token": csrf_token(client, "/connexion")} if method == "post" else None
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]


def test_the_home_page_of_a_logged_in_member_is_their_feed(auth, client, people):
    assert "Militer" in client.get("/").get_data(as_text=True)
    auth.login("alice@example.org")
    home = client.get("/").get_data(as_text=True)
    assert "Fil d’actu" in home and "Votre fil est encore calme" in home
    assert 'href="/fil"' in home  # the header link


def test_a_member_posts_a_youtube_link_that_shows_as_a_player(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    response = publish(client, {"place": "sec-69266", "text": "Le discours d’hier soir, à revoir !",
                                "link": "https://youtu.be/dQw4w9WgXcQ", "next": "/fil"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/fil#publication-")
    page = client.get("/fil").get_data(as_text=True)
    assert "C’est publié !" in page and "Le discours d’hier soir" in page
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert 'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"' in page
    csp = client.get("/fil").headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in csp and "script-src 'self';" in csp
    auth.logout()
    auth.login("bruno@example.org")
    assert "www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in client.get("/fil").get_data(as_text=True)


def test_hostile_text_is_escaped_and_its_links_made_safe(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    publish(client, {"place": "sec-69266",
                     "text": '<script>alert(1)</script> <img src=x onerror=alert(2)>\nVoir https://parti.example/a?b=1&c=2. '
                             'et javascript:alert(3)'})
    page = client.get("/fil").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<a href="https://parti.example/a?b=1&amp;c=2" rel="nofollow ugc noopener noreferrer">' in page
    assert 'href="javascript' not in page


@pytest.mark.parametrize("data, message", [
    ({"text": "", "link": ""}, "publication vide"),
    ({"text": "bonjour", "link": "javascript:alert(1)"}, "http:// ou https://"),
    ({"text": "bonjour", "link": "https://tube.evil.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d"},
     "instance non autorisée"),
    ({"text": "x" * 100_000}, "5000 caractères au plus"),
    ({"text": "bonjour", "place": "national"}, "équipe nationale"),
    ({"text": "bonjour", "place": "sec-75101"}, "membres de la section"),
])
def test_a_refused_post_says_why_and_stores_nothing(auth, client, falkordb_store, people, data, message):
    auth.login("alice@example.org")
    response = publish(client, {"place": "sec-69266", **data})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert message in page.replace("&#39;", "'")
    assert post_count(falkordb_store) == 0


def test_posting_without_a_csrf_token_is_refused(auth, client, falkordb_store, people):
    auth.login("alice@example.org")
    assert client.post("/publications", data={"place": "sec-69266", "text": "x"}).status_code == 400
    assert post_count(falkordb_store) == 0


def test_voir_plus_follows_the_cursor_and_a_forged_cursor_is_a_clear_400(auth, client, falkordb_store, people):
    for i in range(23):
        posts.create(falkordb_store, people["bruno"], "sec-69266", f"Message numéro {i:02d}")
    auth.login("alice@example.org")
    first = client.get("/fil").get_data(as_text=True)
    assert "Message numéro 22" in first and "Message numéro 03" in first and "Message numéro 02" not in first
    more = re.search(r'href="(/fil\?apres=[^"]+)" rel="next"', first).group(1)
    second = client.get(more.replace("&amp;", "&")).get_data(as_text=True)
    assert "Message numéro 02" in second and "Message numéro 00" in second and "Message numéro 03" not in second
    assert 'rel="next"' not in second
    assert 'action="/publications"' in first and 'action="/publications"' not in second  # the composer tops page one
    forged = client.get("/fil?apres=bm9wZQ")
    assert forged.status_code == 400 and "curseur" in forged.get_data(as_text=True)


def test_the_author_edits_and_deletes_a_post_others_cannot(auth, client, falkordb_store, people):
    post = posts.create(falkordb_store, people["alice"], "sec-69266", "Premier jet")
    auth.login("bruno@example.org")
    assert client.get(f"/publications/{post.id}/modifier").status_code == 403
    token = csrf_token(client, f"/publications/{post.id}")
    assert client.post(f"/publications/{post.id}/supprimer", data={"csrf_token": token}).status_code == 403
    auth.logout()
    auth.login("alice@example.org")
    page = f"/publications/{post.id}/modifier"
    response = client.post(page, data={"csrf_token": csrf_token(client, page), "text": "Version relue",
                                       "link": "https://vimeo.com/76979871"})
    assert response.status_code == 303
    shown = client.get(f"/publications/{post.id}").get_data(as_text=True)
    assert "Version relue" in shown and "https://player.vimeo.com/video/76979871" in shown and "modifiée" in shown
    bad = client.post(page, data={"csrf_token": csrf_token(client, page), "text": "x", "link": "data:text/html,x"})
    assert bad.status_code == 400 and "http:// ou https://" in bad.get_data(as_text=True)
    response = client.post(f"/publications/{post.id}/supprimer",
                           data={"csrf_token": csrf_token(client, f"/publications/{post.id}")})
    assert response.status_code == 303 and post_count(falkordb_store) == 0
    assert client.get(f"/publications/{post.id}").status_code == 404


def test_streams_show_the_composer_only_where_one_may_post(auth, client, falkordb_store, people):
    admins.bootstrap(falkordb_store, people["paul"], "national", "national")
    auth.login("alice@example.org")
    assert 'action="/publications"' in client.get("/fil/sec-69266").get_data(as_text=True)
    national = client.get("/fil/national").get_data(as_text=True)
    assert "National" in national and 'action="/publications"' not in national
    assert client.get("/fil/sec-75101").status_code == 403
    assert client.get("/fil/sec-00000").status_code == 404
    feed_page = client.get("/fil").get_data(as_text=True)
    assert 'value="sec-69266"' in feed_page and 'value="fed-69"' in feed_page and 'value="national"' not in feed_page
    auth.logout()
    auth.login("paul@example.org")
    assert 'action="/publications"' in client.get("/fil/national").get_data(as_text=True)
    assert '<option value="national">' in client.get("/fil").get_data(as_text=True)  # the feed's composer too


def test_a_coopains_post_elsewhere_reaches_the_feed(auth, client, falkordb_store, people):
    coopains.request(falkordb_store, people["alice"], people["paul"])
    coopains.accept(falkordb_store, people["paul"], people["alice"])
    posts.create(falkordb_store, people["paul"], "sec-75101", "Nouvelles de Paris", "https://soundcloud.com/forss/flickermood")
    auth.login("alice@example.org")
    page = client.get("/fil").get_data(as_text=True)
    assert "Nouvelles de Paris" in page and "Paul Parisien" in page and "Paris 1er" in page
    assert "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fforss%2Fflickermood" in page


def test_members_post_on_an_event_of_their_section_and_the_event_page_part_lists_them(auth, client, falkordb_store,
                                                                                     people):
    import time

    from flask import render_template_string

    from graphsvc import events

    store = falkordb_store
    admins.bootstrap(store, people["bruno"], "section", "sec-69266")
    start = int(time.time() * 1000) + 48 * 3600 * 1000
    event = events.create(store, people["bruno"], "sec-69266",
                          events.EventInput("Réunion publique", start, start + 7200 * 1000, place="Salle Camille-Claudel"))
    auth.login("alice@example.org")
    response = publish(client, {"place": event.id, "text": "J’apporte les affiches <b>!</b>", "next": f"/evenements/{event.id}"})
    assert response.status_code == 303 and response.headers["Location"].startswith(f"/evenements/{event.id}#publication-")
    feed_page = client.get("/fil").get_data(as_text=True)
    assert "J’apporte les affiches &lt;b&gt;!&lt;/b&gt;" in feed_page and f'href="/evenements/{event.id}">Réunion publique' in feed_page
    event_page = client.get(f"/evenements/{event.id}").get_data(as_text=True)
    assert 'id="publications"' in event_page and "J’apporte les affiches &lt;b&gt;!&lt;/b&gt;" in event_page
    with client:
        client.get("/fil")
        part = render_template_string('{% include "posts/_event_posts.html" %}', event=event)
    assert "Publications" in part and "J’apporte les affiches" in part and f'value="{event.id}"' in part
    auth.logout()
    auth.login("paul@example.org")  # another federation: the event is not for him
    refused = publish(client, {"place": event.id, "text": "Moi aussi"})
    assert "vous ne pouvez pas publier sur cet événement" in client.get(refused.headers["Location"]).get_data(as_text=True)
    with client:
        client.get("/fil")
        assert render_template_string('{% include "posts/_event_posts.html" %}', event=event).strip() == ""
