// The animation rights of a member (who may import a membership file, and for which federations).
// mode: read
// params: member_id, limit
// returns: right, unit_id
MATCH (m:Member {id: $member_id})-[a:ANIMATES]->(o:OrgUnit)
RETURN a.right AS right, o.id AS unit_id
ORDER BY right, unit_id
LIMIT $limit
