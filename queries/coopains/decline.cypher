// The actor declines the other member's pending request (no trace kept).
// mode: write
// params: actor_id, other_id
// returns: declined
MATCH (a:Member {id: $actor_id})<-[r:REQUESTED]-(b:Member {id: $other_id})
DELETE r
RETURN count(*) AS declined
