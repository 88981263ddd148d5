// The coopain requests the member received and has not answered.
// mode: read
// params: member_id, limit
// returns: id, display_name, at, message
MATCH (o:Member)-[r:REQUESTED]->(m:Member {id: $member_id})
RETURN o.id AS id, o.display_name AS display_name, r.at AS at, r.message AS message
ORDER BY r.at, o.id
LIMIT $limit
