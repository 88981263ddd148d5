// Erasure: the comments the member wrote, wherever they are; the visible ones
// are taken off their subjects' `comment_count`.
// mode: write
// params: member_id
// returns: removed
MATCH (c:Comment)-[:BY]->(:Member {id: $member_id})
OPTIONAL MATCH (c)-[:ON]->(s)
WITH s, collect(c) AS written
FOREACH (counted IN CASE WHEN s IS NULL THEN [] ELSE [s] END |
  SET counted.comment_count = counted.comment_count - size([c IN written WHERE c.hidden_at IS NULL]))
FOREACH (c IN written | DETACH DELETE c)
RETURN sum(size(written)) AS removed
