// The actor asks another member to become coopains (an optional message).
// Nothing is written when they are the same member, either is not active, they
// are already coopains or either has blocked the other. Asking twice keeps the
// first request.
// mode: write
// params: actor_id, other_id, message, now
// returns: requested
MATCH (a:Member {id: $actor_id})
WHERE a.status = 'active'
MATCH (b:Member {id: $other_id})
WHERE b.status = 'active' AND a.id <> b.id
OPTIONAL MATCH (a)-[x:BLOCKED|COOPAIN]-(b)
WITH a, b, count(x) AS obstacles
WHERE obstacles = 0
MERGE (a)-[r:REQUESTED]->(b)
ON CREATE SET r.at = $now, r.message = $message
RETURN count(r) AS requested
