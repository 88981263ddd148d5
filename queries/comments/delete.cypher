// The author deletes their own comment (a moderator hides, never deletes).
// mode: write
// params: comment_id, author_id
// returns: deleted
MATCH (c:Comment {id: $comment_id})-[:BY]->(:Member {id: $author_id})
WITH c, c.id AS gone
DETACH DELETE c
RETURN count(gone) AS deleted
