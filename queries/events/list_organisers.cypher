// Who may organise events where, for the demo seed: each animation right of an
// active member with its unit, national first, then federations, then sections.
// mode: read
// params: limit
// returns: member_id, unit_id, unit_name, level
MATCH (m:Member)-[a:ANIMATES]->(u:OrgUnit)
WHERE m.status = 'active'
RETURN m.id AS member_id, u.id AS unit_id, u.name AS unit_name, u.level AS level
ORDER BY CASE u.level WHEN 'national' THEN 0 WHEN 'federation' THEN 1 ELSE 2 END, u.id, m.id
LIMIT $limit
