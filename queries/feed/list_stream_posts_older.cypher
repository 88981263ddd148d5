// The posts of a member's streams (their section, federation and the national
// level) before the cursor, newest first, by walking each stream (one branch
// each, each cut at $limit): the fallback of `feed/list_stream_posts` when
// the latest months did not fill a page (sparse streams). Hidden posts are
// out except the member's own; authors blocked either way ($blocked) are out.
// mode: read
// params: member_id, blocked, before_at, before_id, limit
// returns: id, text, link_url, embed_provider, embed_url, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name, author_section, place_id, place_name, place_kind, unit_id, comments
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(u:Section)<-[:IN]-(p:Post)
WHERE p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id)
MATCH (p)-[:BY]->(a:Member)
WHERE (p.hidden_at IS NULL OR a.id = $member_id) AND NOT a.id IN $blocked
WITH u, p, a
ORDER BY p.created_at DESC, p.id DESC
LIMIT $limit
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       u.id AS place_id, u.name AS place_name, u.level AS place_kind, u.id AS unit_id,
       coalesce(p.comment_count, 0) AS comments
UNION ALL
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(:Section)-[:PART_OF]->(u:Federation)<-[:IN]-(p:Post)
WHERE p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id)
MATCH (p)-[:BY]->(a:Member)
WHERE (p.hidden_at IS NULL OR a.id = $member_id) AND NOT a.id IN $blocked
WITH u, p, a
ORDER BY p.created_at DESC, p.id DESC
LIMIT $limit
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       u.id AS place_id, u.name AS place_name, u.level AS place_kind, u.id AS unit_id,
       coalesce(p.comment_count, 0) AS comments
UNION ALL
MATCH (u:OrgUnit {id: 'national'})<-[:IN]-(p:Post)
WHERE p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id)
MATCH (p)-[:BY]->(a:Member)
WHERE (p.hidden_at IS NULL OR a.id = $member_id) AND NOT a.id IN $blocked
WITH u, p, a
ORDER BY p.created_at DESC, p.id DESC
LIMIT $limit
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       u.id AS place_id, u.name AS place_name, u.level AS place_kind, u.id AS unit_id,
       coalesce(p.comment_count, 0) AS comments
