// Delete, a batch at a time, the hash nodes only this member's address book
// refers to (no other importer, no member's own identifier).
// mode: write
// params: member_id, limit
// returns: deleted
MATCH (:Member {id: $member_id})-[:HAS_CONTACT]->(c:ContactHash)
WITH c, size([(c)<-[q:HAS_CONTACT|IDENTIFIED_BY]-(:Member) | q]) AS refs
WHERE refs = 1
WITH c LIMIT $limit
DETACH DELETE c
RETURN count(c) AS deleted
