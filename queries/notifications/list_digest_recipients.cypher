// One batch of the members a digest may go to, by id after a cursor: active,
// not opted out, with an unread notification newer than `since` and newer than
// their last digest.
// mode: read
// params: since, after_id, limit
// returns: id
MATCH (n:Notification)-[:FOR]->(m:Member)
WHERE n.at > $since AND n.read_at IS NULL AND m.id > $after_id AND m.status = 'active'
  AND coalesce(m.digest, 'daily') <> 'never' AND n.at > coalesce(m.digest_sent_at, 0)
WITH DISTINCT m.id AS id
RETURN id
ORDER BY id
LIMIT $limit
