// One section by id with its federation and national parents and its number
// of active members (no row when unknown).
// mode: read
// params: id
// returns: id, name, communes, commune_names, postcodes, weight, split_of, country, federation_id, federation_number, federation_name, national_id, national_name, members, adherents
MATCH (s:OrgUnit {id: $id})
WITH s
WHERE s:Section
MATCH (s)-[:PART_OF]->(f:Federation)-[:PART_OF]->(n:National)
OPTIONAL MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
RETURN s.id AS id, s.name AS name, s.communes AS communes,
       s.commune_names AS commune_names, s.postcodes AS postcodes,
       s.weight AS weight, s.split_of AS split_of, s.country AS country,
       f.id AS federation_id, f.number AS federation_number, f.name AS federation_name,
       n.id AS national_id, n.name AS national_name, count(m) AS members,
       count(CASE WHEN m:Adherent THEN 1 END) AS adherents
