// Sections with their weight and federation, for the demo generator, in a stable order.
// mode: read
// params: skip, limit
// returns: id, name, weight, federation_id, communes
MATCH (s:Section)-[:PART_OF]->(f:Federation)
RETURN s.id AS id, s.name AS name, coalesce(s.weight, 1) AS weight,
       f.id AS federation_id, coalesce(s.communes, []) AS communes
ORDER BY f.id, s.id
SKIP $skip
LIMIT $limit
