// The federations under the national node, each with its number of sections
// and of active members (adherents among them), in number order
// (01…19, 2A, 2B, 21…95, 971…976, 99).
// mode: read
// params: national_id, limit
// returns: id, number, name, sections, members, adherents
MATCH (n:OrgUnit {id: $national_id})
WITH n
MATCH (n)<-[:PART_OF]-(f:Federation)
OPTIONAL MATCH (f)<-[:PART_OF]-(s:Section)
WITH f, count(s) AS sections
OPTIONAL MATCH (f)<-[:PART_OF]-(:Section)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
WITH f, sections, count(m) AS members, count(CASE WHEN m:Adherent THEN 1 END) AS adherents
RETURN f.id AS id, f.number AS number, f.name AS name, sections, members, adherents
ORDER BY f.rank, f.number
LIMIT $limit
