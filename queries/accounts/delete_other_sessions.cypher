// End every session of a member except the one in use ("log out elsewhere").
// mode: write
// params: member_id, keep_hash
// returns: deleted
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (s:Session)-[:OF]->(m)
WHERE s.id_hash <> $keep_hash
WITH collect(s) AS found
FOREACH (s IN found | DETACH DELETE s)
RETURN size(found) AS deleted
