// A federation or a section a dashboard is about, with its federation, the
// number of its sections and when its figures and coopain links were last
// computed (the oldest section's date; `never_computed` counts the sections
// never computed, or computed without their member figures by an older version).
// mode: read
// params: unit_id
// returns: id, level, name, number, federation_id, federation_number, federation_name, sections, computed_at, never_computed
MATCH (u:OrgUnit {id: $unit_id})
WHERE u:Federation OR u:Section
OPTIONAL MATCH (u)-[:PART_OF]->(parent:Federation)
WITH u, CASE WHEN u:Federation THEN u ELSE parent END AS f
MATCH (u)<-[:PART_OF*0..1]-(s:Section)
RETURN u.id AS id, u.level AS level, u.name AS name, u.number AS number,
       f.id AS federation_id, f.number AS federation_number, f.name AS federation_name,
       count(s) AS sections, min(s.net_at) AS computed_at,
       sum(CASE WHEN s.net_at IS NULL OR s.net_members IS NULL THEN 1 ELSE 0 END) AS never_computed
