// One page of the comments on a post or an event, oldest first (a
// conversation reads down), after a cursor. Hidden comments are left out
// except for their author and, when `moderator` is true, for moderators;
// comments between the viewer and members blocked either way are left out.
// mode: read
// params: subject_id, viewer_id, moderator, after_at, after_id, limit
// returns: id, subject_id, text, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name
OPTIONAL MATCH (v:Member {id: $viewer_id})-[:BLOCKED]-(b:Member)
WITH collect(b.id) AS blocked
OPTIONAL MATCH (p:Post {id: $subject_id})
OPTIONAL MATCH (e:Event {id: $subject_id})
WITH blocked, coalesce(p, e) AS s
MATCH (s)<-[:ON]-(c:Comment)-[:BY]->(a:Member)
WHERE (c.hidden_at IS NULL OR $moderator OR a.id = $viewer_id)
  AND NOT a.id IN blocked
  AND ($after_at IS NULL OR c.created_at > $after_at OR (c.created_at = $after_at AND c.id > $after_id))
RETURN c.id AS id, s.id AS subject_id, c.text AS text, c.created_at AS created_at, c.edited_at AS edited_at,
       c.hidden_at AS hidden_at, c.hidden_reason AS hidden_reason, a.id AS author_id, a.display_name AS author_name
ORDER BY created_at, id
LIMIT $limit
