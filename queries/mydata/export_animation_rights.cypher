// The animation rights the member holds, on which unit, granted by whom and when.
// mode: read
// params: member_id, limit
// returns: unit_id, unit_name, level, right, granted_by, granted_at
MATCH (m:Member {id: $member_id})-[a:ANIMATES]->(u:OrgUnit)
RETURN u.id AS unit_id, u.name AS unit_name, u.level AS level, a.right AS right,
       a.granted_by AS granted_by, a.granted_at AS granted_at
ORDER BY a.granted_at, u.id
LIMIT $limit
