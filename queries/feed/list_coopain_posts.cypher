// The posts of some authors (a member's coopains and the member: $authors,
// those whose newest post is above the floor), wherever they are, before
// the cursor and after the floor ($floor_at, $floor_id: the oldest item the
// page already holds, so only posts that can still enter it are described),
// newest first. Hidden posts are out except the member's own. The authors
// are sought by id first (`WITH a`: without it FalkorDB plans a scan of
// every post).
// mode: read
// params: member_id, authors, before_at, before_id, floor_at, floor_id, limit
// returns: id, text, link_url, embed_provider, embed_url, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name, author_section, place_id, place_name, place_kind, unit_id, comments
MATCH (a:Member)
WHERE a.id IN $authors
WITH a
MATCH (a)<-[:BY]-(p:Post)
WHERE (p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id))
  AND (p.created_at > $floor_at OR (p.created_at = $floor_at AND p.id > $floor_id))
  AND (p.hidden_at IS NULL OR a.id = $member_id)
WITH p, a
ORDER BY p.created_at DESC, p.id DESC
LIMIT $limit
MATCH (p)-[:IN]->(place)
OPTIONAL MATCH (place)-[:IN]->(eu:OrgUnit)
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       place.id AS place_id, coalesce(place.name, place.title) AS place_name,
       CASE WHEN eu IS NULL THEN place.level ELSE 'event' END AS place_kind,
       coalesce(eu.id, place.id) AS unit_id,
       coalesce(p.comment_count, 0) AS comments
