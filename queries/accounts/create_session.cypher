// Open a server-side session for an active member (only the hash of its id is
// stored), and delete that member's expired sessions on the way.
// mode: write
// params: member_id, id_hash, now, idle_since, created_since
// returns: id, purged
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
OPTIONAL MATCH (old:Session)-[:OF]->(m)
WHERE old.last_seen_at < $idle_since OR old.created_at < $created_since
WITH m, collect(old) AS expired
FOREACH (s IN expired | DETACH DELETE s)
CREATE (s:Session {id_hash: $id_hash, created_at: $now, last_seen_at: $now})-[:OF]->(m)
SET m.last_seen_at = $now
RETURN m.id AS id, size(expired) AS purged
