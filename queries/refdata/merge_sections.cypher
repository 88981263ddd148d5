// Creates or updates a batch of sections and links each to its federation;
// safe to repeat. Rows: id, name, federation_id, communes (INSEE codes),
// commune_names, postcodes, search, weight, split_of, country.
// mode: write
// params: rows
// returns: sections
UNWIND $rows AS row
MATCH (f:OrgUnit {id: row.federation_id})
MERGE (s:OrgUnit:Section {id: row.id})
SET s.name = row.name, s.level = 'section', s.communes = row.communes,
    s.commune_names = row.commune_names, s.postcodes = row.postcodes,
    s.search = row.search, s.weight = row.weight,
    s.split_of = row.split_of, s.country = row.country
MERGE (s)-[:PART_OF]->(f)
RETURN count(s) AS sections
