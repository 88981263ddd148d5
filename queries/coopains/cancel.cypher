// The actor withdraws the request they sent to the other member.
// mode: write
// params: actor_id, other_id
// returns: cancelled
MATCH (a:Member {id: $actor_id})-[r:REQUESTED]->(b:Member {id: $other_id})
DELETE r
RETURN count(*) AS cancelled
