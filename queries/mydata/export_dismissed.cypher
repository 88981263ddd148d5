// The suggestions this member dismissed.
// mode: read
// params: member_id, limit
// returns: id, display_name, at
MATCH (m:Member {id: $member_id})-[d:DISMISSED]->(o:Member)
RETURN o.id AS id, o.display_name AS display_name, d.at AS at
ORDER BY d.at, o.id
LIMIT $limit
