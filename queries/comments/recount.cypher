// Sets `comment_count` (the visible comments) on every post and event that has
// comments, from the comments themselves: `coopol init` runs it, so a graph
// written before the count was kept gets it (adding, deleting, hiding and
// erasing comments keep it right afterwards). Safe to repeat.
// mode: write
// params:
// returns: subjects
MATCH (c:Comment)-[:ON]->(s)
WITH s, sum(CASE WHEN c.hidden_at IS NULL THEN 1 ELSE 0 END) AS visible
SET s.comment_count = visible
RETURN count(s) AS subjects
