// The coopain links among a set of members, for the drawing of a section: for
// each member with links to others of the set, those others' ids (each pair
// once, as stored: lower id first). One row per member, not per link: for
// 300 members the client parsed 4,900 rows of pairs in 44–55 ms of CPU, 290
// rows of lists in 15–27 ms. The members are collected first and matched as nodes:
// `b.id IN $member_ids` would make FalkorDB seek its index once per link
// (seconds instead of milliseconds for 300 members).
// mode: read
// params: member_ids, limit
// returns: source, targets
UNWIND $member_ids AS member_id
MATCH (m:Member {id: member_id})
WHERE m.status = 'active'
WITH collect(m) AS drawn
UNWIND drawn AS a
MATCH (a)-[:COOPAIN]->(b:Member)
WHERE b IN drawn
WITH a, b
ORDER BY b.id
RETURN a.id AS source, collect(b.id) AS targets
ORDER BY source
LIMIT $limit
