"""Demo posts: a feed that opens on this week's news for the demo account."""

from __future__ import annotations

from graphsvc import feed
from seeds import demo_posts
from seeds.demo import DEMO_EMAIL
from tests.fixtures.web import make_member, make_section


def test_the_demo_accounts_feed_opens_on_recent_posts_with_a_player(falkordb_store):
    store = falkordb_store
    make_section(store)
    me = make_member(store, email=DEMO_EMAIL, first_name="Démo", last_name="Coopol")
    for name in ("Anne", "Bilal", "Chloé"):
        make_member(store, first_name=name, last_name="Martin")
    written = demo_posts.seed_posts(store, seed=1, per_member=5)
    assert written == 4 * 5 + len(demo_posts.FEATURED)
    page = feed.page(store, me.id, limit=10)
    assert page.items[0].text.startswith("Super matinée de tractage")
    [video] = [item for item in page.items if item.embed]
    assert video.embed.url == "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"
