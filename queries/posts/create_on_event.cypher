// A new post on an event, by the actor, whose right to post there the service
// checked. Nothing is written when the actor is not active or the event is
// unknown. The author's `last_posted_at` (their newest post's time) moves up to it.
// mode: write
// params: post_id, actor_id, place_id, text, link_url, embed_provider, embed_url, now
// returns: id
MATCH (a:Member {id: $actor_id})
WHERE a.status = 'active'
MATCH (e:Event {id: $place_id})
CREATE (p:Post {id: $post_id, text: $text, created_at: $now, author_id: a.id})
SET p.link_url = $link_url, p.embed_provider = $embed_provider, p.embed_url = $embed_url
CREATE (p)-[:IN]->(e)
CREATE (p)-[:BY]->(a)
SET a.last_posted_at = CASE WHEN a.last_posted_at > $now THEN a.last_posted_at ELSE $now END
RETURN p.id AS id
