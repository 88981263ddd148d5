// Links pairs of members as coopains, each row [lower id, higher id], unless they
// already are (in either direction); the new link goes from the lower id.
// mode: write
// params: rows, since
// returns: created
UNWIND $rows AS row
MATCH (a:Member {id: row[0]})
MATCH (b:Member {id: row[1]})
OPTIONAL MATCH (a)-[old:COOPAIN]-(b)
WITH a, b, count(old) AS had
WHERE had = 0
MERGE (a)-[r:COOPAIN]->(b)
ON CREATE SET r.since = $since
RETURN count(r) AS created
