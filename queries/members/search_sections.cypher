// Sections matching a search: a commune or section name (accent-free words),
// a postal code, an INSEE code or a federation number; exact codes first.
// mode: read
// params: key, code, limit
// returns: id, name, federation_number, federation_name
MATCH (s:Section)-[:PART_OF]->(f:Federation)
WHERE ($key <> '' AND s.search CONTAINS $key)
   OR ($code <> '' AND ($code IN s.postcodes OR $code IN s.communes OR f.number = $code))
RETURN s.id AS id, s.name AS name, f.number AS federation_number, f.name AS federation_name
ORDER BY CASE WHEN $code <> '' AND ($code IN s.postcodes OR $code IN s.communes) THEN 0
              WHEN s.search STARTS WITH $key THEN 1 ELSE 2 END, s.name, s.id
LIMIT $limit
