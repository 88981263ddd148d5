// Open a server-side session for an active member; only the hash of its id is stored.
// mode: write
// params: member_id, id_hash, now
// returns: id
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
CREATE (s:Session {id_hash: $id_hash, created_at: $now, last_seen_at: $now})-[:OF]->(m)
SET m.last_seen_at = $now
RETURN m.id AS id
