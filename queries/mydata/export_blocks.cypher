// The members this member blocked.
// mode: read
// params: member_id, limit
// returns: id, display_name, at
MATCH (m:Member {id: $member_id})-[b:BLOCKED]->(o:Member)
RETURN o.id AS id, o.display_name AS display_name, b.at AS at
ORDER BY b.at, o.id
LIMIT $limit
