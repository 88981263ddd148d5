// Record that a session (and its member) was just used.
// mode: write
// params: id_hash, now
// returns: id
MATCH (s:Session {id_hash: $id_hash})-[:OF]->(m:Member)
SET s.last_seen_at = $now, m.last_seen_at = $now
RETURN m.id AS id
