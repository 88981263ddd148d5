// Links pairs of members as coopains, each row [lower id, higher id], unless they
// already are (in either direction); the new link goes from the lower id. The
// stored suggestions of both go stale (suggested_stale_at = $since, now): a
// fresh list never holds a coopain (suggestions/get_stored_list relies on it).
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
SET a.suggested_stale_at = $since, b.suggested_stale_at = $since
RETURN count(r) AS created
