// A new post in a unit's stream (section, federation or national), by the
// actor, whose right to post there the service checked. Nothing is written
// when the actor is not active or the unit is unknown. `stream_month`
// ("<unit id>:<yyyymm>") files it under its month for the feed's index.
// mode: write
// params: post_id, actor_id, place_id, text, link_url, embed_provider, embed_url, stream_month, now
// returns: id
MATCH (a:Member {id: $actor_id})
WHERE a.status = 'active'
MATCH (u:OrgUnit {id: $place_id})
CREATE (p:Post {id: $post_id, text: $text, created_at: $now, stream_month: $stream_month})
SET p.link_url = $link_url, p.embed_provider = $embed_provider, p.embed_url = $embed_url
CREATE (p)-[:IN]->(u)
CREATE (p)-[:BY]->(a)
RETURN p.id AS id
