// The member a live session belongs to: used recently and not too old, account active.
// mode: read
// params: id_hash, idle_since, created_since
// returns: id, display_name, membership, last_seen_at
MATCH (s:Session {id_hash: $id_hash})-[:OF]->(m:Member)
WHERE s.last_seen_at >= $idle_since AND s.created_at >= $created_since AND m.status = 'active'
RETURN m.id AS id, m.display_name AS display_name, m.membership AS membership,
       s.last_seen_at AS last_seen_at
LIMIT 1
