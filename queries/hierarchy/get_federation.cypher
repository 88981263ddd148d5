// One federation by id with its national parent, its number of sections and of
// active members (no row when unknown).
// mode: read
// params: id
// returns: id, number, name, national_id, national_name, sections, members, adherents
MATCH (f:OrgUnit {id: $id})
WITH f
WHERE f:Federation
MATCH (f)-[:PART_OF]->(n:National)
OPTIONAL MATCH (f)<-[:PART_OF]-(s:Section)
WITH f, n, count(s) AS sections
OPTIONAL MATCH (f)<-[:PART_OF]-(:Section)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
RETURN f.id AS id, f.number AS number, f.name AS name, n.id AS national_id,
       n.name AS national_name, sections, count(m) AS members,
       count(CASE WHEN m:Adherent THEN 1 END) AS adherents
