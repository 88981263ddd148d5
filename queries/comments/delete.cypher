// The author deletes their own comment (a moderator hides, never deletes);
// a visible one is taken off its subject's `comment_count`.
// mode: write
// params: comment_id, author_id
// returns: deleted
MATCH (c:Comment {id: $comment_id})-[:BY]->(:Member {id: $author_id})
OPTIONAL MATCH (c)-[:ON]->(s)
FOREACH (counted IN CASE WHEN c.hidden_at IS NULL AND s IS NOT NULL THEN [s] ELSE [] END |
  SET counted.comment_count = counted.comment_count - 1)
WITH c, c.id AS gone
DETACH DELETE c
RETURN count(gone) AS deleted
