// The coopain requests the member sent and that are still pending.
// mode: read
// params: member_id, limit
// returns: id, display_name, at, message
MATCH (m:Member {id: $member_id})-[r:REQUESTED]->(o:Member)
RETURN o.id AS id, o.display_name AS display_name, r.at AS at, r.message AS message
ORDER BY r.at, o.id
LIMIT $limit
