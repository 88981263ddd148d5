// The units whose events a unit's agenda shows: the unit, the units above it
// (a section's federation, the national level) and, for a federation, its
// sections. With the unit's name, level and federation number, for the page.
// mode: read
// params: unit_id
// returns: id, name, level, federation_number, unit_ids
MATCH (u:OrgUnit {id: $unit_id})
OPTIONAL MATCH (u)-[:PART_OF*1..2]->(up:OrgUnit)
WITH u, collect(up.id) AS above
OPTIONAL MATCH (u)-[:PART_OF]->(f:Federation)
OPTIONAL MATCH (s:Section)-[:PART_OF]->(u)
WHERE u.level = 'federation'
WITH u, f, above, collect(s.id) AS below
RETURN u.id AS id, u.name AS name, u.level AS level,
       CASE u.level WHEN 'federation' THEN u.number WHEN 'section' THEN f.number ELSE NULL END AS federation_number,
       [u.id] + above + below AS unit_ids
