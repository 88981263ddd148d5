// One page of a section's active members by last name, first name and id
// (visibility is the caller's business: their settings are returned).
// mode: read
// params: section_id, offset, limit
// returns: id, display_name, first_name, last_name, membership, visibility, visible_to_sympathisants
MATCH (s:OrgUnit {id: $section_id})
WITH s
MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
RETURN m.id AS id, m.display_name AS display_name, m.first_name AS first_name,
       m.last_name AS last_name, m.membership AS membership, m.visibility AS visibility,
       m.visible_to_sympathisants AS visible_to_sympathisants
ORDER BY m.last_name, m.first_name, m.id
SKIP $offset
LIMIT $limit
