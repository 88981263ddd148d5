// The actor and the other member stop being coopains (whichever way it is stored).
// mode: write
// params: actor_id, other_id
// returns: removed
MATCH (a:Member {id: $actor_id})-[c:COOPAIN]-(b:Member {id: $other_id})
DELETE c
RETURN count(*) AS removed
