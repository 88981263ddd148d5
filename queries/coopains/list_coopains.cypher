// One page of a member's active coopains, by last name, first name and id.
// mode: read
// params: member_id, offset, limit
// returns: id, display_name, section_id, section_name, since
MATCH (m:Member {id: $member_id})-[c:COOPAIN]-(o:Member)
WHERE o.status = 'active'
OPTIONAL MATCH (o)-[:BELONGS_TO]->(s:Section)
RETURN o.id AS id, o.display_name AS display_name, s.id AS section_id, s.name AS section_name, c.since AS since
ORDER BY o.last_name, o.first_name, o.id
SKIP $offset
LIMIT $limit
