// The posts of a member's news feed after the cursor ($before_at, $before_id),
// newest first: the streams of their section, federation and the national
// level (first branch), and the posts of their coopains and their own,
// wherever they are (second branch). Each branch is bounded by $limit before
// its rows are described; the service merges the two (a coopain's post in
// the member's section comes twice) with the events. Hidden posts are out
// except the member's own; authors blocked either way are out.
// mode: read
// params: member_id, before_at, before_id, limit
// returns: id, text, link_url, embed_provider, embed_url, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name, author_section, place_id, place_name, place_kind, unit_id, comments
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)-[:PART_OF]->(n:National)
OPTIONAL MATCH (me)-[:BLOCKED]-(x:Member)
WITH me, [s, f, n] AS units, collect(x.id) AS blocked
UNWIND units AS u
MATCH (u)<-[:IN]-(p:Post)
WHERE p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id)
MATCH (p)-[:BY]->(a:Member)
WHERE (p.hidden_at IS NULL OR a.id = me.id) AND NOT a.id IN blocked
WITH u, p, a
ORDER BY p.created_at DESC, p.id DESC
LIMIT $limit
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       u.id AS place_id, u.name AS place_name, u.level AS place_kind, u.id AS unit_id,
       size([(m:Comment)-[:ON]->(p) WHERE m.hidden_at IS NULL | m.id]) AS comments
UNION ALL
MATCH (me:Member {id: $member_id})
OPTIONAL MATCH (me)-[:COOPAIN]-(c:Member)
WHERE c.status = 'active'
WITH me, collect(c) + [me] AS authors
UNWIND authors AS a
MATCH (a)<-[:BY]-(p:Post)
WHERE (p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id))
  AND (p.hidden_at IS NULL OR a.id = me.id)
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
       size([(m:Comment)-[:ON]->(p) WHERE m.hidden_at IS NULL | m.id]) AS comments
