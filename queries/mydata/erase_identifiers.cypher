// Erasure: the hashes of the member's own e-mail and phone. A hash that others
// imported stays (it is part of their address book) without its link to the member.
// mode: write
// params: member_id
// returns: removed
MATCH (m:Member {id: $member_id})-[i:IDENTIFIED_BY]->(h:ContactHash)
OPTIONAL MATCH (h)-[o]-(other)
WHERE other <> m
WITH i, h, count(o) AS others
DELETE i
WITH count(*) AS removed, collect(DISTINCT CASE WHEN others = 0 THEN h END) AS orphans
FOREACH (h IN orphans | DETACH DELETE h)
RETURN removed
