// One comment with its author and the conversation it is on.
// mode: read
// params: comment_id
// returns: id, subject_id, text, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name
MATCH (c:Comment {id: $comment_id})-[:BY]->(a:Member)
MATCH (c)-[:ON]->(s)
RETURN c.id AS id, s.id AS subject_id, c.text AS text, c.created_at AS created_at, c.edited_at AS edited_at,
       c.hidden_at AS hidden_at, c.hidden_reason AS hidden_reason, a.id AS author_id, a.display_name AS author_name
