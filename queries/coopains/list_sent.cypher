// One page of the requests a member sent and still pending, newest first.
// mode: read
// params: member_id, offset, limit
// returns: id, display_name, section_name, at, message
MATCH (m:Member {id: $member_id})-[r:REQUESTED]->(o:Member)
WHERE o.status = 'active'
OPTIONAL MATCH (o)-[:BELONGS_TO]->(s:Section)
RETURN o.id AS id, o.display_name AS display_name, s.name AS section_name, r.at AS at, r.message AS message
ORDER BY r.at DESC, o.id
SKIP $offset
LIMIT $limit
