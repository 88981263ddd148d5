// Signal "coopains of coopains": members two coopain hops from $member_id, not
// already coopains nor in $exclude, scored by resource allocation: the sum
// over common coopains c of 1/degree(c). The degree is counted live (right after every
// accept or removal), in a MATCH of its own so that the link to $member_id is
// counted too (Neo4j uses each link once per pattern). Common coopains with
// more than $max_degree coopains are skipped (a cap on the fan-out at hubs).
// Existing coopains are collected once and excluded by a list test (much
// faster than a pattern predicate per row). Scores are rounded to 1e-9 so that
// ties fall to the id alike on both engines.
// mode: read
// params: member_id, exclude, max_degree, limit
// returns: id, score, common
MATCH (me:Member {id: $member_id})-[:COOPAIN]-(c:Member)
MATCH (c)-[:COOPAIN]-(x:Member)
WITH me, c, count(x) AS degree
WITH me, collect(c) AS coopains, collect(degree) AS degrees
UNWIND range(0, size(coopains) - 1) AS i
WITH me, coopains, coopains[i] AS c, degrees[i] AS degree
WHERE degree <= $max_degree
MATCH (c)-[:COOPAIN]-(candidate:Member)
WHERE candidate <> me AND NOT candidate IN coopains AND NOT candidate.id IN $exclude
WITH candidate, round(sum(1.0 / degree) * 1000000000.0) / 1000000000.0 AS score, count(c) AS common
RETURN candidate.id AS id, score, common
ORDER BY score DESC, id
LIMIT $limit
