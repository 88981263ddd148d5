// Signal "same federation": active members of the other sections of
// $member_id's federation, not already coopains nor in $exclude; those with
// most coopains first (stored `degree`, 0 when missing), then by id. A scan of
// the federation: suggestions.for_member runs it only when the other signals
// leave places that this term could take.
// mode: read
// params: member_id, exclude, limit
// returns: id
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
OPTIONAL MATCH (me)-[:COOPAIN]-(c:Member)
WITH me, s, f, collect(c) AS coopains
MATCH (f)<-[:PART_OF]-(other:Section)<-[:BELONGS_TO]-(candidate:Member)
WHERE other <> s AND candidate.status = 'active' AND NOT candidate IN coopains
  AND NOT candidate.id IN $exclude
RETURN candidate.id AS id
ORDER BY coalesce(candidate.degree, 0) DESC, id
LIMIT $limit
