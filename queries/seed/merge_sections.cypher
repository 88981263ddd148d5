// Creates sections under their federation if missing (synthetic reference data for tests and benchmarks).
// mode: write
// params: rows
// returns: sections
UNWIND $rows AS row
MATCH (f:OrgUnit {id: row.federation_id})
MERGE (s:OrgUnit:Section {id: row.id})
ON CREATE SET s.name = row.name, s.level = 'section', s.communes = row.communes,
              s.postcodes = row.postcodes, s.search = row.search, s.weight = row.weight
MERGE (s)-[:PART_OF]->(f)
RETURN count(s) AS sections
