// Creates federations under the national node if missing (synthetic reference data for tests and benchmarks).
// mode: write
// params: national_id, rows
// returns: federations
MATCH (n:OrgUnit {id: $national_id})
UNWIND $rows AS row
MERGE (f:OrgUnit:Federation {id: row.id})
ON CREATE SET f.number = row.number, f.name = row.name, f.level = 'federation', f.search = row.search
MERGE (f)-[:PART_OF]->(n)
RETURN count(f) AS federations
