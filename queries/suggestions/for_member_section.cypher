// Signal "same section": active members of $member_id's section, not already
// coopains nor in $exclude; those with most coopains first (the `degree`
// stored by suggestions/store_degrees, 0 when missing), then by id. The weight
// of the term is given in Python (suggestions.WEIGHTS).
// mode: read
// params: member_id, exclude, limit
// returns: id
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)
OPTIONAL MATCH (me)-[:COOPAIN]-(c:Member)
WITH me, s, collect(c) AS coopains
MATCH (s)<-[:BELONGS_TO]-(candidate:Member)
WHERE candidate <> me AND candidate.status = 'active' AND NOT candidate IN coopains
  AND NOT candidate.id IN $exclude
RETURN candidate.id AS id
ORDER BY coalesce(candidate.degree, 0) DESC, id
LIMIT $limit
