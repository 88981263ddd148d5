// Members' own identifiers, hashed: each row's member is IDENTIFIED_BY exactly
// the hashes given (links to the hashes of a former e-mail or phone go; the
// hash nodes stay while an address book still holds them). Safe to repeat.
// mode: write
// params: rows
// returns: members
UNWIND $rows AS row
MATCH (m:Member {id: row.id})
OPTIONAL MATCH (m)-[old:IDENTIFIED_BY]->(c:ContactHash)
WHERE NOT c.hash IN row.hashes
DELETE old
WITH DISTINCT m, row
UNWIND row.hashes AS h
MERGE (c:ContactHash {hash: h})
MERGE (m)-[:IDENTIFIED_BY]->(c)
RETURN count(DISTINCT m) AS members
