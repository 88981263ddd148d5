// The actor lifts the block they set on the other member.
// mode: write
// params: actor_id, other_id
// returns: unblocked
MATCH (a:Member {id: $actor_id})-[k:BLOCKED]->(b:Member {id: $other_id})
DELETE k
RETURN count(*) AS unblocked
