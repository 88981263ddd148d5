// Erasure: the member's sessions.
// mode: write
// params: member_id
// returns: removed
MATCH (s:Session)-[:OF]->(m:Member {id: $member_id})
DETACH DELETE s
RETURN count(*) AS removed
