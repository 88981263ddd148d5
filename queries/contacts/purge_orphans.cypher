// Delete, a batch at a time, the hash nodes nobody refers to any more.
// mode: write
// params: limit
// returns: deleted
MATCH (c:ContactHash)
WHERE NOT (c)<-[:HAS_CONTACT|IDENTIFIED_BY]-(:Member)
WITH c LIMIT $limit
DELETE c
RETURN count(c) AS deleted
