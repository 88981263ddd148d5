// Members two coopain hops from $member_id, not already coopains, ranked by
// Adamic-Adar: the sum over common coopains c of 1/ln(degree(c)), degrees read
// from `degree` (suggestions/store_degrees). Common coopains with more than
// $max_degree coopains are skipped (a cap on the fan-out at hubs). Existing
// coopains are excluded by a list test: a pattern predicate
// `NOT (me)-[:COOPAIN]-(candidate)` costs FalkorDB 4-10 times more here.
// Scores are rounded to 1e-9: sums of the same terms in another order differ
// in their last bits, and ties must fall to the id alike on both engines.
// mode: read
// params: member_id, max_degree, limit
// returns: member_id, score, common
MATCH (me:Member {id: $member_id})-[:COOPAIN]-(c:Member)
WITH me, collect(c) AS coopains
UNWIND coopains AS c
WITH me, coopains, c
WHERE c.degree <= $max_degree
MATCH (c)-[:COOPAIN]-(candidate:Member)
WHERE candidate <> me AND NOT candidate IN coopains
WITH candidate, round(sum(1.0 / log(c.degree)) * 1000000000.0) / 1000000000.0 AS score, count(c) AS common
RETURN candidate.id AS member_id, score, common
ORDER BY score DESC, member_id
LIMIT $limit
