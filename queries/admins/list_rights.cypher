// The animation rights a member holds, with the unit and its federation.
// mode: read
// params: member_id, limit
// returns: right, unit_id, level, unit_name, federation_id, granted_by, granted_at
MATCH (m:Member {id: $member_id})-[a:ANIMATES]->(u:OrgUnit)
OPTIONAL MATCH (u)-[:PART_OF]->(f:Federation)
RETURN a.right AS right, u.id AS unit_id, u.level AS level, u.name AS unit_name,
       CASE u.level WHEN 'federation' THEN u.id WHEN 'section' THEN f.id ELSE NULL END AS federation_id,
       a.granted_by AS granted_by, a.granted_at AS granted_at
ORDER BY u.level, u.id
LIMIT $limit
