// Signal "dans vos contacts": members identified by a contact that $member_id
// imported from an address book — (me)-[:HAS_CONTACT]->(:ContactHash)
// <-[:IDENTIFIED_BY]-(candidate) — unless they chose not to be found that way
// (`findable = false`), not already coopains nor in $exclude; by id.
// mode: read
// params: member_id, exclude, limit
// returns: id
MATCH (me:Member {id: $member_id})
OPTIONAL MATCH (me)-[:COOPAIN]-(c:Member)
WITH me, collect(c) AS coopains
MATCH (me)-[:HAS_CONTACT]->(:ContactHash)<-[:IDENTIFIED_BY]-(candidate:Member)
WHERE candidate <> me AND coalesce(candidate.findable, true) AND NOT candidate IN coopains
  AND NOT candidate.id IN $exclude
RETURN DISTINCT candidate.id AS id
ORDER BY id
LIMIT $limit
