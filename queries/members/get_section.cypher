// A section with its federation, for forms and profiles.
// mode: read
// params: section_id
// returns: id, name, federation_id, federation_number, federation_name
MATCH (s:Section {id: $section_id})-[:PART_OF]->(f:Federation)
RETURN s.id AS id, s.name AS name, f.id AS federation_id, f.number AS federation_number,
       f.name AS federation_name
LIMIT 1
