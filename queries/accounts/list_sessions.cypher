// A member's open sessions, most recently used first.
// mode: read
// params: member_id, limit
// returns: id_hash, created_at, last_seen_at
MATCH (s:Session)-[:OF]->(m:Member {id: $member_id})
RETURN s.id_hash AS id_hash, s.created_at AS created_at, s.last_seen_at AS last_seen_at
ORDER BY s.last_seen_at DESC, s.id_hash
LIMIT $limit
