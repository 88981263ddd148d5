// Creates roles of the catalogue if missing (synthetic catalogue for tests and benchmarks).
// mode: write
// params: rows
// returns: roles
UNWIND $rows AS row
MERGE (r:Role {key: row.key})
ON CREATE SET r.label = row.label, r.label_en = row.label_en, r.kind = row.kind, r.level = row.level
RETURN count(r) AS roles
