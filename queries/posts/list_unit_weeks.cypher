// One page of a unit's stream in some weeks ($buckets: its `stream_week`
// keys, "<unit id>:<week>"), newest first, after the cursor: an index seek
// instead of a walk through the whole stream (`posts/list_unit` serves the
// weeks below when these do not fill the page). Posts are filtered and cut
// on their own properties (`author_id`) before anything is traversed. Hidden
// posts only for the author and, with $show_hidden, the unit's moderators;
// authors blocked either way with the viewer are left out.
// mode: read
// params: buckets, viewer_id, show_hidden, before_at, before_id, limit
// returns: id, text, link_url, embed_provider, embed_url, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name, author_section, place_id, place_name, place_kind, unit_id, comments
MATCH (v:Member {id: $viewer_id})
OPTIONAL MATCH (v)-[:BLOCKED]-(x:Member)
WITH collect(x.id) AS blocked
MATCH (p:Post)
WHERE p.stream_week IN $buckets
  AND (p.created_at < $before_at OR (p.created_at = $before_at AND p.id < $before_id))
  AND (p.hidden_at IS NULL OR $show_hidden OR p.author_id = $viewer_id) AND NOT p.author_id IN blocked
WITH p
ORDER BY p.created_at DESC, p.id DESC
LIMIT $limit
MATCH (p)-[:BY]->(a:Member)
MATCH (p)-[:IN]->(u:OrgUnit)
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       u.id AS place_id, u.name AS place_name, u.level AS place_kind, u.id AS unit_id,
       coalesce(p.comment_count, 0) AS comments
ORDER BY created_at DESC, id DESC
