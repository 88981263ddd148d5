// Erasure: the comments the member wrote, wherever they are.
// mode: write
// params: member_id
// returns: removed
MATCH (c:Comment)-[:BY]->(:Member {id: $member_id})
DETACH DELETE c
RETURN count(*) AS removed
