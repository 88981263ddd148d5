// A new comment on a post or an event that is not hidden, counted in the
// subject's `comment_count` (its visible comments, shown on the feed's
// cards). In the same statement the author follows the conversation (an
// automatic follow) and every other active follower who has not blocked the
// author, nor been blocked by them, gets one "comment" notification (its id:
// the comment's and theirs).
// mode: write
// params: comment_id, subject_id, author_id, text, subject_title, url, now
// returns: id, notified
MATCH (me:Member {id: $author_id})
WHERE me.status = 'active'
OPTIONAL MATCH (p:Post {id: $subject_id})
OPTIONAL MATCH (e:Event {id: $subject_id})
WITH me, coalesce(p, e) AS s
WHERE s IS NOT NULL AND s.hidden_at IS NULL
CREATE (c:Comment {id: $comment_id, text: $text, created_at: $now})-[:ON]->(s)
CREATE (c)-[:BY]->(me)
SET s.comment_count = coalesce(s.comment_count, 0) + 1
MERGE (me)-[f:FOLLOWS]->(s)
ON CREATE SET f.since = $now, f.auto = true
WITH me, s, c
OPTIONAL MATCH (r:Member)-[:FOLLOWS]->(s)
WHERE r.id <> me.id AND r.status = 'active' AND NOT (r)-[:BLOCKED]-(me)
WITH me, s, c, collect(r) AS recipients
FOREACH (r IN recipients |
  CREATE (:Notification {id: $comment_id + '.' + r.id, kind: 'comment', at: $now, actor_id: me.id,
                         actor_name: me.display_name, subject_id: s.id, subject_title: $subject_title,
                         url: $url})-[:FOR]->(r))
RETURN c.id AS id, size(recipients) AS notified
