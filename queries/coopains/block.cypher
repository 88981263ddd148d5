// The actor blocks the other member: their coopain link and pending requests
// either way go, and one BLOCKED link from the actor stays (kept on repeat).
// mode: write
// params: actor_id, other_id, now
// returns: blocked
MATCH (a:Member {id: $actor_id})
MATCH (b:Member {id: $other_id})
WHERE a.id <> b.id
OPTIONAL MATCH (a)-[x:COOPAIN|REQUESTED]-(b)
DELETE x
WITH DISTINCT a, b
MERGE (a)-[k:BLOCKED]->(b)
ON CREATE SET k.at = $now
RETURN count(k) AS blocked
