// The section an edge list is loaded into, if it exists.
// mode: read
// params: section_id
// returns: id, name
MATCH (s:OrgUnit {id: $section_id})
WHERE s:Section
RETURN s.id AS id, s.name AS name
