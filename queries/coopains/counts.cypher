// A member's numbers: active coopains, requests received and sent still pending.
// mode: read
// params: member_id
// returns: coopains, received, sent
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[:COOPAIN]-(c:Member)
WHERE c.status = 'active'
WITH m, count(c) AS coopains
OPTIONAL MATCH (m)<-[:REQUESTED]-(r:Member)
WHERE r.status = 'active'
WITH m, coopains, count(r) AS received
OPTIONAL MATCH (m)-[:REQUESTED]->(t:Member)
WHERE t.status = 'active'
RETURN coopains, received, count(t) AS sent
