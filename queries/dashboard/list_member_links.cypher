// The coopain links among a set of members (each pair once, as stored: lower
// id first), for the drawing of a section. The members are collected first
// and matched as nodes: `b.id IN $member_ids` would make FalkorDB seek its
// index once per link (seconds instead of milliseconds for 300 members).
// mode: read
// params: member_ids, limit
// returns: source, target
UNWIND $member_ids AS member_id
MATCH (m:Member {id: member_id})
WHERE m.status = 'active'
WITH collect(m) AS drawn
UNWIND drawn AS a
MATCH (a)-[:COOPAIN]->(b:Member)
WHERE b IN drawn
RETURN a.id AS source, b.id AS target
ORDER BY source, target
LIMIT $limit
