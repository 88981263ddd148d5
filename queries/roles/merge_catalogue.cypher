// Creates or updates a batch of catalogue roles (rows of key, label, label_en,
// kind, level); safe to repeat.
// mode: write
// params: rows
// returns: roles
UNWIND $rows AS row
MERGE (r:Role {key: row.key})
SET r.label = row.label, r.label_en = row.label_en, r.kind = row.kind, r.level = row.level
RETURN count(r) AS roles
