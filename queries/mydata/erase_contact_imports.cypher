// Erasure: the log of the member's address-book uploads.
// mode: write
// params: member_id
// returns: removed
MATCH (i:ContactImport)-[:BY]->(m:Member {id: $member_id})
DETACH DELETE i
RETURN count(*) AS removed
