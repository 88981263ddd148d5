// The dates of the member's open sessions (never their id hashes), newest first.
// mode: read
// params: member_id, limit
// returns: created_at, last_seen_at
MATCH (s:Session)-[:OF]->(m:Member {id: $member_id})
RETURN s.created_at AS created_at, s.last_seen_at AS last_seen_at
ORDER BY s.created_at DESC, s.last_seen_at DESC
LIMIT $limit
