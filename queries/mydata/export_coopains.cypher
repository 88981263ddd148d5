// The member's coopains, whichever way each link is stored.
// mode: read
// params: member_id, limit
// returns: id, display_name, since
MATCH (m:Member {id: $member_id})-[c:COOPAIN]-(o:Member)
RETURN o.id AS id, o.display_name AS display_name, c.since AS since
ORDER BY c.since, o.id
LIMIT $limit
