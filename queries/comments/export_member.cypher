// Data export: the comments the member wrote, oldest first, with the post or
// event each is on.
// mode: read
// params: member_id, limit
// returns: id, text, created_at, edited_at, hidden_at, hidden_reason, on_id, on_title
MATCH (c:Comment)-[:BY]->(:Member {id: $member_id})
OPTIONAL MATCH (c)-[:ON]->(s)
RETURN c.id AS id, c.text AS text, c.created_at AS created_at, c.edited_at AS edited_at,
       c.hidden_at AS hidden_at, c.hidden_reason AS hidden_reason, s.id AS on_id,
       coalesce(s.title, substring(s.text, 0, 120)) AS on_title
ORDER BY created_at, id
LIMIT $limit
