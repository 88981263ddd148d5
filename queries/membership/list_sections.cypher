// Every section with its federation, communes and postal codes, to resolve the `section` column of a membership file.
// mode: read
// params: skip, limit
// returns: id, name, federation_id, communes, postcodes
MATCH (s:Section)-[:PART_OF]->(f:Federation)
RETURN s.id AS id, s.name AS name, f.id AS federation_id,
       coalesce(s.communes, []) AS communes, coalesce(s.postcodes, []) AS postcodes
ORDER BY s.id
SKIP $skip
LIMIT $limit
