// The sections an INSEE or postal code points to: the one holding the commune,
// those covering the postal code, or the arrondissements of a split city.
// mode: read
// params: code, limit
// returns: id, name, federation_number, by_commune, by_postcode, by_split
MATCH (s:Section)-[:PART_OF]->(f:Federation)
WHERE $code IN s.communes OR $code IN s.postcodes OR s.split_of = $code
RETURN s.id AS id, s.name AS name, f.number AS federation_number,
       $code IN s.communes AS by_commune, $code IN s.postcodes AS by_postcode,
       coalesce(s.split_of = $code, false) AS by_split
ORDER BY s.id
LIMIT $limit
