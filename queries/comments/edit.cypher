// The author changes the text of their own comment, unless it was hidden.
// mode: write
// params: comment_id, author_id, text, now
// returns: edited
MATCH (c:Comment {id: $comment_id})-[:BY]->(:Member {id: $author_id})
WHERE c.hidden_at IS NULL
SET c.text = $text, c.edited_at = $now
RETURN count(c) AS edited
