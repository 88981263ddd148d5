// Coopain links of the members of $member_ids changed (accepted, removed,
// blocked): their `degree` is counted again, and the stored suggestions of
// those members and of their coopains (whose coopains of coopains changed)
// are marked out of date.
// mode: write
// params: member_ids, now
// returns: marked
UNWIND $member_ids AS member_id
MATCH (m:Member {id: member_id})
OPTIONAL MATCH (m)-[:COOPAIN]-(c:Member)
WITH m, collect(c) AS coopains
SET m.degree = size(coopains), m.suggested_stale_at = $now
WITH m, coopains
UNWIND coopains + [m] AS x
WITH DISTINCT x
SET x.suggested_stale_at = $now
RETURN count(x) AS marked
