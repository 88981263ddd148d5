// One page of the members the actor blocked, by last name, first name and id
// (to lift a block: their profile is hidden while it lasts).
// mode: read
// params: member_id, offset, limit
// returns: id, display_name, at
MATCH (m:Member {id: $member_id})-[k:BLOCKED]->(o:Member)
RETURN o.id AS id, o.display_name AS display_name, k.at AS at
ORDER BY o.last_name, o.first_name, o.id
SKIP $offset
LIMIT $limit
