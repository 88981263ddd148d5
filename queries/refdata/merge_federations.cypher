// Creates or updates a batch of federations (rows of id, number, name, search,
// rank: the place in number order, 2A/2B after 19) and links each to the national node; safe to repeat.
// mode: write
// params: national_id, rows
// returns: federations
MATCH (n:OrgUnit {id: $national_id})
UNWIND $rows AS row
MERGE (f:OrgUnit:Federation {id: row.id})
SET f.number = row.number, f.name = row.name, f.level = 'federation', f.search = row.search,
    f.rank = row.rank
MERGE (f)-[:PART_OF]->(n)
RETURN count(f) AS federations
