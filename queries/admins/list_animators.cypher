// Who animates a unit (coordinators of a federation, managers of a section...), by name.
// mode: read
// params: unit_id, limit
// returns: member_id, display_name, right, granted_at
MATCH (m:Member)-[a:ANIMATES]->(:OrgUnit {id: $unit_id})
WHERE m.status = 'active'
RETURN m.id AS member_id, m.display_name AS display_name, a.right AS right, a.granted_at AS granted_at
ORDER BY m.last_name, m.first_name, m.id
LIMIT $limit
