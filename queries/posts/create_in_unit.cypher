// A new post in a unit's stream (section, federation or national), by the
// actor, whose right to post there the service checked. Nothing is written
// when the actor is not active or the unit is unknown. `stream_week`
// ("<unit id>:<week>") files it under its week for the feed's index;
// `author_id` repeats the author's id so lists filter before traversing;
// the author's `last_posted_at` (their newest post's time) moves up to it.
// mode: write
// params: post_id, actor_id, place_id, text, link_url, embed_provider, embed_url, stream_week, now
// returns: id
MATCH (a:Member {id: $actor_id})
WHERE a.status = 'active'
MATCH (u:OrgUnit {id: $place_id})
CREATE (p:Post {id: $post_id, text: $text, created_at: $now, stream_week: $stream_week, author_id: a.id})
SET p.link_url = $link_url, p.embed_provider = $embed_provider, p.embed_url = $embed_url
CREATE (p)-[:IN]->(u)
CREATE (p)-[:BY]->(a)
SET a.last_posted_at = CASE WHEN a.last_posted_at > $now THEN a.last_posted_at ELSE $now END
RETURN p.id AS id
