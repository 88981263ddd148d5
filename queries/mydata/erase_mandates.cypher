// Erasure: the roles the member declared (their Mandate nodes; the catalogue's Role nodes stay).
// mode: write
// params: member_id
// returns: removed
MATCH (m:Member {id: $member_id})-[:HOLDS]->(d:Mandate)
DETACH DELETE d
RETURN count(*) AS removed
