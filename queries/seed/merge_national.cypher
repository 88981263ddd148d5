// Creates the national node if missing (synthetic reference data for tests and benchmarks).
// mode: write
// params: national_id, national_name
// returns: id
MERGE (n:OrgUnit:National {id: $national_id})
ON CREATE SET n.name = $national_name, n.level = 'national'
RETURN n.id AS id
