// Set a new password hash and end every other session of the member, in one statement.
// mode: write
// params: member_id, password_hash, keep_hash
// returns: id, revoked
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
SET m.password_hash = $password_hash
WITH m
OPTIONAL MATCH (s:Session)-[:OF]->(m)
WHERE s.id_hash <> $keep_hash
WITH m, collect(s) AS others
FOREACH (s IN others | DETACH DELETE s)
RETURN m.id AS id, size(others) AS revoked
