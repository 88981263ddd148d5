"""Demo posts: a lived-in news feed for the demo network.

Three posts a member on average, spread over the last two years in the
sections', federations' and national streams (`graphsvc.bench_feed.add_posts`,
text only: made-up video ids would not play), and a few recent ones around
the demo account (demo@example.org) — its section and federation talking,
the national team announcing, a PeerTube video and a link — so its feed
opens on something that happened this week. Deterministic for a seed.
"""

from __future__ import annotations

import random
import time

from graphsvc import bench_feed, embeds
from graphsvc.posts import stream_week
from seeds.demo import DEMO_EMAIL

PER_MEMBER = 3
HOUR_MS = 3600 * 1000

# (hours ago, where: section / federation / national, text, link)
FEATURED = (
    (2, "section", "Super matinée de tractage au marché : plus de 300 tracts distribués et de belles discussions. "
                   "Merci à toutes et tous !\nProchain rendez-vous samedi, même heure.", None),
    (5, "federation", "Le conseil fédéral a adopté notre plateforme pour les municipales. Le texte complet "
                      "est en ligne, vos retours sont les bienvenus avant la fin du mois.",
     "https://www.parti.example/federation/plateforme-municipales"),
    (9, "national", "Découvrez PeerTube, la plateforme vidéo libre sur laquelle nous publierons désormais nos "
                    "vidéos de campagne.", "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"),
    (26, "section", "Qui serait partant·e pour une réunion publique sur les transports du quotidien ? "
                    "Proposez vos dates en commentaire.", None),
    (50, "federation", "Formation des nouveaux adhérents samedi prochain : il reste des places, "
                       "inscrivez-vous auprès du secrétariat fédéral.", None),
    (75, "section", "Compte rendu de l'assemblée générale de section : budget voté à l'unanimité, "
                    "trois nouveaux membres du bureau. Bienvenue à eux !", None),
)


def seed_posts(store, seed: int, per_member: int = PER_MEMBER, now_ms: int | None = None) -> int:
    """Write the demo posts; returns how many."""
    now_ms = now_ms or int(time.time() * 1000)
    people = bench_feed.member_places(store)
    if not people:
        return 0
    written = bench_feed.add_posts(store, per_member * len(people), seed, now_ms=now_ms - 12 * HOUR_MS,
                                   people=people, links=False).created
    demo = next((p for p in people if p.email == DEMO_EMAIL), None)
    if demo is None:
        return written
    rng = random.Random(f"coopol-demo-posts:{seed}")
    neighbours = [p for p in people if p.section_id == demo.section_id and p.id != demo.id] or [demo]
    federation = [p for p in people if p.federation_id == demo.federation_id and p.id != demo.id] or [demo]
    rows = []
    for number, (hours, where, text, link) in enumerate(FEATURED):
        author = {"section": rng.choice(neighbours), "federation": rng.choice(federation), "national": demo}[where]
        place = {"section": demo.section_id, "federation": demo.federation_id, "national": "national"}[where]
        created_at = now_ms - hours * HOUR_MS
        player = embeds.embed_for(link) if link else None
        rows.append({
            "id": f"demo-{seed}-{number}", "author_id": author.id, "place_id": place, "text": text,
            "link_url": link, "embed_provider": player.provider if player else None,
            "embed_url": player.url if player else None, "created_at": created_at,
            "stream_week": stream_week(place, created_at),
        })
    return written + store.write("posts/create_many", rows=rows)[0]["created"]
