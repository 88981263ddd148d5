// Signal "same place": active members of $member_id's section, then of the
// other sections of their federation (rank 1 and 2), not already coopains nor
// in $exclude. Within a rank, the members with most coopains first (the
// `degree` stored by suggestions/store_degrees, 0 when missing), then by id.
// The score of these terms is given in Python (suggestions.WEIGHTS).
// mode: read
// params: member_id, exclude, limit
// returns: id, rank
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
OPTIONAL MATCH (me)-[:COOPAIN]-(c:Member)
WITH me, s, f, collect(c) AS coopains
MATCH (f)<-[:PART_OF]-(place:Section)<-[:BELONGS_TO]-(candidate:Member)
WHERE candidate <> me AND candidate.status = 'active' AND NOT candidate IN coopains
  AND NOT candidate.id IN $exclude
RETURN candidate.id AS id, CASE WHEN place = s THEN 1 ELSE 2 END AS rank
ORDER BY rank, coalesce(candidate.degree, 0) DESC, id
LIMIT $limit
