// An organisational unit with the federation it belongs to (itself for a federation, none for national).
// mode: read
// params: unit_id
// returns: id, level, name, federation_id
MATCH (u:OrgUnit {id: $unit_id})
OPTIONAL MATCH (u)-[:PART_OF]->(f:Federation)
RETURN u.id AS id, u.level AS level, u.name AS name,
       CASE u.level WHEN 'federation' THEN u.id WHEN 'section' THEN f.id ELSE NULL END AS federation_id
LIMIT 1
