// Erasure: the member's imported contacts (counts the links). Each HAS_CONTACT link goes; a hash
// nobody else links to (another importer, a member it identifies) goes too.
// mode: write
// params: member_id
// returns: removed
MATCH (m:Member {id: $member_id})-[c:HAS_CONTACT]->(h:ContactHash)
OPTIONAL MATCH (h)-[o]-(other)
WHERE other <> m
WITH c, h, count(o) AS others
DELETE c
WITH count(*) AS removed, collect(DISTINCT CASE WHEN others = 0 THEN h END) AS orphans
FOREACH (h IN orphans | DETACH DELETE h)
RETURN removed
