// The active members of a section (to tell them of a new event), by id.
// mode: read
// params: section_id, limit
// returns: id
MATCH (m:Member)-[:BELONGS_TO]->(:Section {id: $section_id})
WHERE m.status = 'active'
RETURN m.id AS id
ORDER BY id
LIMIT $limit
