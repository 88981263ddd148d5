// Erasure of a member (graphsvc/mydata.py): the hash nodes that only they
// refer to (their own identifiers, their address book), before the member goes.
// mode: write
// params: member_id
// returns: deleted
MATCH (:Member {id: $member_id})-[:HAS_CONTACT|IDENTIFIED_BY]->(c:ContactHash)
WITH DISTINCT c
WITH c, size([(c)<-[:HAS_CONTACT|IDENTIFIED_BY]-(o:Member) WHERE o.id <> $member_id | o]) AS others
WHERE others = 0
DETACH DELETE c
RETURN count(c) AS deleted
