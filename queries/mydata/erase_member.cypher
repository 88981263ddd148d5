// Erasure, last step: the member node itself (with any link made since the previous steps).
// mode: write
// params: member_id
// returns: removed
MATCH (m:Member {id: $member_id})
DETACH DELETE m
RETURN count(*) AS removed
