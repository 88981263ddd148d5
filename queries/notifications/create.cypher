// One notification for each recipient (`items`: maps {id, recipient}), in one
// statement. The actor (who did what the notification tells), inactive members
// and members blocked by or blocking the actor are skipped; the actor's name is
// copied so that the list reads without a join.
// mode: write
// params: items, kind, actor_id, subject_id, subject_title, url, now
// returns: created
OPTIONAL MATCH (a:Member {id: $actor_id})
OPTIONAL MATCH (a)-[:BLOCKED]-(b:Member)
WITH a, collect(b.id) AS blocked
UNWIND $items AS item
MATCH (m:Member {id: item.recipient})
WHERE m.status = 'active' AND m.id <> coalesce($actor_id, '') AND NOT m.id IN blocked
CREATE (n:Notification {id: item.id, kind: $kind, at: $now, subject_title: $subject_title, url: $url})-[:FOR]->(m)
SET n.actor_id = $actor_id, n.actor_name = a.display_name, n.subject_id = $subject_id
RETURN count(n) AS created
