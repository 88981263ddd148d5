// The members who animate one OrgUnit (coordinators of a federation, managers
// of a section, administrators of the national level), by name.
// mode: read
// params: org_id, limit
// returns: id, display_name, membership, right, granted_at
MATCH (o:OrgUnit {id: $org_id})
WITH o
MATCH (m:Member)-[a:ANIMATES]->(o)
RETURN m.id AS id, m.display_name AS display_name, m.membership AS membership,
       a.right AS right, a.granted_at AS granted_at
ORDER BY m.last_name, m.first_name, m.id
LIMIT $limit
